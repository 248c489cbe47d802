// Checks String: building, editing, conversions, sorting and comparing strings, and common text algorithms.
use std::fmt::Write;

fn is_anagram(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let mut v: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        v.sort_unstable();
        v
    };
    norm(a) == norm(b)
}

fn rle(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let mut n = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            n += 1;
        }
        write!(out, "{}{}", n, c).unwrap();
    }
    out
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let mut s = String::new();
    s.push_str("hello");
    s.push(' ');
    s += "world";
    s.insert_str(0, ">> ");
    println!("{} ({} bytes)", s, s.len());
    s.replace_range(3..8, "HELLO");
    println!("{}", s);
    s.retain(|c| c != 'l' && c != 'L');
    println!("{}", s);
    let drained: String = s.drain(..3).collect();
    println!("drained {:?} left {:?}", drained, s);
    s.truncate(4);
    println!("truncated {:?}", s);
    s.clear();
    println!("cleared empty={}", s.is_empty());

    let a = String::from("con");
    let b = "cat".to_string();
    let c = a + &b + "enate";
    println!("{}", c);
    let num_str = 255.to_string() + &(-1.5f64).to_string() + &'x'.to_string() + &true.to_string();
    println!("{}", num_str);
    let from_chars: String = vec!['r', 'u', 's', 't'].into_iter().collect();
    let from_strs: String = vec!["a", "b", "c"].concat();
    let from_iter = ["x", "y"].iter().map(|s| s.to_uppercase()).collect::<String>();
    println!("{} {} {}", from_chars, from_strs, from_iter);

    let mut words = vec!["delta", "Alpha", "charlie", "bravo", "Echo", "alpha"];
    words.sort();
    println!("{:?}", words);
    words.sort_by(|x, y| x.to_lowercase().cmp(&y.to_lowercase()).then(x.cmp(y)));
    println!("{:?}", words);
    let mut owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    owned.sort_by(|x, y| y.len().cmp(&x.len()).then_with(|| x.cmp(y)));
    println!("{:?}", owned);
    owned.dedup_by(|x, y| x.eq_ignore_ascii_case(y));
    println!("{:?}", owned);

    println!("anagram: {} {}", is_anagram("Dormitory", "dirty room"), is_anagram("abc", "abd"));
    println!("rle: {}", rle("aaabccddddde"));
    println!("title: {}", title_case("the rUST programming lANGUAGE"));
    println!("upper multi-byte: {}", "straße ǆ ﬁ".to_uppercase());
    let palin = |s: &str| {
        let cs: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
        cs.iter().eq(cs.iter().rev())
    };
    println!("palindrome: {} {}", palin("A man, a plan, a canal: Panama"), palin("hello"));
    let mut counts = [0usize; 26];
    for b in "the quick brown fox".bytes().filter(u8::is_ascii_lowercase) {
        counts[(b - b'a') as usize] += 1;
    }
    let top: Vec<String> = counts.iter().enumerate().filter(|&(_, &n)| n > 1).map(|(i, n)| format!("{}={}", (b'a' + i as u8) as char, n)).collect();
    println!("repeated letters: {}", top.join(","));
    let s2 = String::with_capacity(64);
    println!("with_capacity: len {} cap>=64 {}", s2.len(), s2.capacity() >= 64);
    let bytes = String::from("abc").into_bytes();
    println!("into_bytes {:?}", bytes);
    let boxed: Box<str> = "boxed".into();
    println!("{} {}", boxed, boxed.len());
    println!("{:?}", "a-b_c d".split(['-', '_', ' ']).collect::<Vec<_>>());
    let cmp_owned = String::from("same") == "same" && "same" == String::from("same");
    println!("String == &str: {}", cmp_owned);
    println!("{}", "x".repeat(0).is_empty());
    let mut t = String::from("Hello");
    let r: &mut String = &mut t;
    r.make_ascii_uppercase();
    println!("{}", t);
}
