// Checks enums whose layout uses niches: Option<&T>, Option<NonZero*>, Option<Box<T>>, nested Options and niche-filled enums.
use std::cmp::Ordering;
use std::mem::size_of;
use std::num::{NonZeroU32, NonZeroU8, NonZeroU64};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Flag {
    On(bool),
    Unknown,
    Broken,
}

#[derive(Debug)]
enum Token<'a> {
    Word(&'a str),
    Num(u32),
    End,
}

struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn build_list(values: &[i32]) -> Option<Box<Node>> {
    let mut head: Option<Box<Node>> = None;
    for &v in values.iter().rev() {
        head = Some(Box::new(Node { value: v, next: head }));
    }
    head
}

fn list_sum(mut cur: &Option<Box<Node>>) -> i32 {
    let mut total = 0;
    while let Some(node) = cur {
        total += node.value;
        cur = &node.next;
    }
    total
}

fn largest<'a>(values: &'a [i32]) -> Option<&'a i32> {
    values.iter().max()
}

fn classify(v: Option<Option<bool>>) -> &'static str {
    match v {
        None => "none",
        Some(None) => "some(none)",
        Some(Some(true)) => "some(some(true))",
        Some(Some(false)) => "some(some(false))",
    }
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = s
        .split_whitespace()
        .map(|w| match w.parse::<u32>() {
            Ok(n) => Token::Num(n),
            Err(_) => Token::Word(w),
        })
        .collect();
    out.push(Token::End);
    out
}

fn token_summary(ts: &[Token]) -> (usize, u32) {
    let mut letters = 0;
    let mut sum = 0;
    for t in ts {
        match t {
            Token::Word(w) => letters += w.len(),
            Token::Num(n) => sum += n,
            Token::End => break,
        }
    }
    (letters, sum)
}

fn main() {
    let data = [4, 9, 2];
    let empty: [i32; 0] = [];
    println!("Option<&i32>: {:?} {:?} {:?}", largest(&data), largest(&empty), data.get(1));
    if let Some(r) = largest(&data) {
        println!("deref: {}", *r + 1);
    }

    let nz: Vec<Option<NonZeroU32>> = [5u32, 0, 7, 0, 1].iter().map(|&v| NonZeroU32::new(v)).collect();
    println!("{:?}", nz);
    let total: u32 = nz.iter().flatten().map(|n| n.get()).sum();
    println!("nonzero sum {} count {}", total, nz.iter().filter(|n| n.is_none()).count());
    println!("NonZeroU8 max: {:?}", NonZeroU8::new(255).map(|n| n.get()));
    println!("checked_add: {:?}", NonZeroU8::new(200).unwrap().checked_add(56));

    let list = build_list(&[1, 2, 3, 4, 5]);
    println!("list sum {}", list_sum(&list));
    println!("empty list sum {}", list_sum(&build_list(&[])));
    let mut boxed: Option<Box<i32>> = Some(Box::new(41));
    if let Some(b) = boxed.as_mut() {
        **b += 1;
    }
    println!("boxed {:?}", boxed);
    let taken = boxed.take();
    println!("taken {:?} after {:?}", taken, boxed);

    for v in [None, Some(None), Some(Some(true)), Some(Some(false))] {
        println!("{:?} -> {}", v, classify(v));
    }
    let chars: Vec<Option<char>> = "a😀".chars().map(Some).chain(std::iter::once(None)).collect();
    println!("{:?}", chars);
    let ords: Vec<Option<Ordering>> = vec![1.0f64.partial_cmp(&2.0), f64::NAN.partial_cmp(&1.0), 2.partial_cmp(&2)];
    println!("{:?}", ords);

    let flags = [Flag::On(true), Flag::Unknown, Flag::On(false), Flag::Broken];
    for f in flags {
        let s = match f {
            Flag::On(true) => "on",
            Flag::On(false) => "off",
            Flag::Unknown => "?",
            Flag::Broken => "!",
        };
        print!("{} ", s);
    }
    println!();
    let maybe_flags: Vec<Option<Flag>> = vec![Some(Flag::Broken), None, Some(Flag::On(false))];
    println!("{:?}", maybe_flags);
    let toks = tokens("add 12 to 30");
    println!("{:?} {:?}", toks, token_summary(&toks));

    let strings: Vec<Option<String>> = vec![Some("x".repeat(3)), None];
    println!("{:?}", strings);
    let results: Vec<Result<NonZeroU64, ()>> = vec![Ok(NonZeroU64::new(u64::MAX).unwrap()), Err(())];
    println!("{:?}", results);
    let pairs: Vec<Option<(u8, bool)>> = vec![Some((255, true)), None, Some((0, false))];
    println!("{:?}", pairs);

    println!(
        "sizes: {} {} {} {} {} {} {} {} {}",
        size_of::<Option<NonZeroU32>>(),
        size_of::<Option<bool>>(),
        size_of::<Option<Option<bool>>>(),
        size_of::<Option<char>>(),
        size_of::<Flag>(),
        size_of::<Option<Flag>>(),
        size_of::<Option<u8>>(),
        size_of::<Option<Ordering>>(),
        size_of::<Option<u32>>()
    );
    println!(
        "same size as payload: {} {} {} {}",
        size_of::<Option<&u8>>() == size_of::<&u8>(),
        size_of::<Option<Box<Node>>>() == size_of::<Box<Node>>(),
        size_of::<Option<String>>() == size_of::<String>(),
        size_of::<Option<Vec<u8>>>() == size_of::<Vec<u8>>()
    );
}
