// Checks closures: Fn/FnMut/FnOnce, capture by reference, by mutable reference and by move, and generic closure parameters.
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn apply_twice<F>(mut f: F)
where
    F: FnMut(),
{
    f();
    f();
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn main() {
    let offset = 10;
    let add_offset = |x| x + offset;
    println!("by ref: {} {}", add_offset(1), apply(add_offset, 5));
    println!("offset still usable: {}", offset);

    let mut count = 0;
    let mut inc = || count += 3;
    inc();
    apply_twice(&mut inc);
    println!("FnMut count: {}", count);

    let mut log: Vec<String> = Vec::new();
    apply_twice(|| log.push(format!("entry{}", log.len())));
    println!("log: {:?}", log);

    let name = String::from("wasm");
    let greeting = move || format!("hello {}", name);
    println!("{}", greeting());
    println!("{}", greeting());
    println!("{}", consume(greeting));

    let data = vec![1, 2, 3];
    let total = consume(move || format!("sum={}", data.into_iter().sum::<i32>()));
    println!("{}", total);

    let square_then_neg = compose(|x: i32| x * x, |y: i32| -y);
    println!("compose: {}", square_then_neg(7));
    let to_len_str = compose(|s: &str| s.len(), |n: usize| format!("<{}>", n));
    println!("compose: {}", to_len_str("hello"));

    let mut counter = {
        let mut n = 0;
        move || {
            n += 1;
            n
        }
    };
    println!("counter: {} {} {}", counter(), counter(), counter());

    let threshold = 3;
    let v: Vec<i32> = (0..8).filter(|&x| x > threshold).map(|x| x * offset).collect();
    println!("filtered: {:?}", v);
    let mut sum = 0;
    (1..=4).for_each(|x| sum += x * x);
    println!("sum squares: {}", sum);
    let mut words = vec!["ccc", "a", "bb"];
    let key = |s: &&str| s.len();
    words.sort_by_key(key);
    println!("sorted: {:?}", words);
    let adders: Vec<Box<dyn Fn(i32) -> i32>> = (1..=3).map(|n| Box::new(move |x| x + n) as Box<dyn Fn(i32) -> i32>).collect();
    println!("adders: {:?}", adders.iter().map(|f| f(100)).collect::<Vec<_>>());
    let unit_closure = || ();
    unit_closure();
    let recurse_fact = |n: u64| -> u64 {
        fn fact(n: u64) -> u64 {
            if n == 0 { 1 } else { n * fact(n - 1) }
        }
        fact(n)
    };
    println!("fact: {}", recurse_fact(20));
    let mut state = (0, String::new());
    let mut push = |c: char| {
        state.0 += 1;
        state.1.push(c);
    };
    push('a');
    push('b');
    println!("state: {:?}", state);
}
