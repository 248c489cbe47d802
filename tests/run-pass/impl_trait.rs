// Checks `impl Trait` in argument and return position: returned iterators and closures, Display, and trait impls chosen statically.
use std::fmt::Display;

fn evens(limit: u32) -> impl Iterator<Item = u32> {
    (0..limit).filter(|n| n % 2 == 0)
}

fn squares_of(it: impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
    it.map(|x| x * x)
}

fn total(items: impl IntoIterator<Item = u32>) -> u32 {
    items.into_iter().sum()
}

fn show_all(items: &[impl Display]) -> String {
    items.iter().map(|i| format!("<{}>", i)).collect::<Vec<_>>().join("")
}

fn make_greeter(greeting: &str) -> impl Fn(&str) -> String + '_ {
    move |name| format!("{}, {}!", greeting, name)
}

fn counter(start: i32, step: i32) -> impl FnMut() -> i32 {
    let mut cur = start - step;
    move || {
        cur += step;
        cur
    }
}

fn label(value: impl Display + Copy, times: usize) -> impl Display {
    let mut s = String::new();
    for i in 0..times {
        if i > 0 {
            s.push('|');
        }
        s += &value.to_string();
    }
    s
}

trait Animal {
    fn name(&self) -> String;
    fn sound(&self) -> &'static str;
}

struct Dog;
struct Cow {
    spots: u8,
}

impl Animal for Dog {
    fn name(&self) -> String {
        "dog".into()
    }
    fn sound(&self) -> &'static str {
        "woof"
    }
}

impl Animal for Cow {
    fn name(&self) -> String {
        format!("cow with {} spots", self.spots)
    }
    fn sound(&self) -> &'static str {
        "moo"
    }
}

fn speak(a: &impl Animal) -> String {
    format!("the {} says {}", a.name(), a.sound())
}

fn farm_cow() -> impl Animal {
    Cow { spots: 5 }
}

fn pairs<'a>(words: &'a [&'a str]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    words.iter().copied().enumerate().filter(|(_, w)| w.len() > 2)
}

fn fib_iter() -> impl Iterator<Item = u64> {
    let mut state = (0u64, 1u64);
    std::iter::from_fn(move || {
        let r = state.0;
        state = (state.1, state.0 + state.1);
        Some(r)
    })
}

fn main() {
    println!("{:?}", evens(10).collect::<Vec<_>>());
    println!("{:?}", squares_of(evens(9)).collect::<Vec<_>>());
    println!("{} {} {}", total(vec![1, 2, 3]), total(evens(7)), total([10u32; 4]));
    println!("{} {}", show_all(&[1, 2, 3]), show_all(&["a", "b"]));
    let hello = make_greeter("Hello");
    let hi = make_greeter("Hi");
    println!("{} {}", hello("wasm"), hi("rust"));
    let mut c = counter(10, 5);
    println!("{} {} {}", c(), c(), c());
    println!("{} {}", label(7, 3), label('x', 2));
    println!("{}", speak(&Dog));
    println!("{}", speak(&farm_cow()));
    println!("{:?}", pairs(&["a", "abc", "de", "fghi"]).collect::<Vec<_>>());
    println!("{:?}", fib_iter().skip(10).take(5).collect::<Vec<_>>());
    let chained = evens(5).chain(squares_of(1..4)).map(|x| x.to_string());
    println!("{}", chained.collect::<Vec<_>>().join(","));
}
