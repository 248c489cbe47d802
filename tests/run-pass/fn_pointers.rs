// Checks function pointers: arrays and maps of fn pointers, passing fn items and methods, fn pointers in structs, and coercions from closures.
use std::collections::BTreeMap;

fn add(a: i64, b: i64) -> i64 {
    a + b
}
fn sub(a: i64, b: i64) -> i64 {
    a - b
}
fn mul(a: i64, b: i64) -> i64 {
    a * b
}
fn div(a: i64, b: i64) -> i64 {
    if b == 0 { 0 } else { a / b }
}

fn apply(f: fn(i64, i64) -> i64, a: i64, b: i64) -> i64 {
    f(a, b)
}

fn apply_generic<F: Fn(i64) -> i64>(f: F, x: i64) -> i64 {
    f(x)
}

fn twice(f: fn(u32) -> u32) -> impl Fn(u32) -> u32 {
    move |x| f(f(x))
}

fn inc(x: u32) -> u32 {
    x + 1
}
fn dbl(x: u32) -> u32 {
    x * 2
}

struct Command {
    name: &'static str,
    run: fn(&mut Vec<i64>),
}

fn cmd_dup(stack: &mut Vec<i64>) {
    let top = *stack.last().unwrap();
    stack.push(top);
}
fn cmd_add(stack: &mut Vec<i64>) {
    let b = stack.pop().unwrap();
    let a = stack.pop().unwrap();
    stack.push(a + b);
}
fn cmd_neg(stack: &mut Vec<i64>) {
    if let Some(x) = stack.last_mut() {
        *x = -*x;
    }
}

fn select(name: &str) -> Option<fn(f64) -> f64> {
    match name {
        "sqrt" => Some(f64::sqrt),
        "abs" => Some(f64::abs),
        "half" => Some(|x| x / 2.0),
        _ => None,
    }
}

fn main() {
    let ops: [(char, fn(i64, i64) -> i64); 4] = [('+', add), ('-', sub), ('*', mul), ('/', div)];
    for (sym, f) in ops.iter() {
        println!("17 {} 5 = {}", sym, f(17, 5));
    }
    println!("apply {} {}", apply(mul, 6, 7), apply(|a, b| a.pow(b as u32), 2, 10));
    let table: BTreeMap<&str, fn(i64, i64) -> i64> = [("add", add as fn(i64, i64) -> i64), ("sub", sub), ("max", std::cmp::max)].into_iter().collect();
    for (name, f) in &table {
        println!("{}(3, 9) = {}", name, f(3, 9));
    }
    println!("generic with fn item {} {}", apply_generic(i64::abs, -9), apply_generic(i64::signum, -9));
    let pipeline: Vec<fn(u32) -> u32> = vec![inc, dbl, inc, dbl];
    println!("pipeline {}", pipeline.iter().fold(1, |acc, f| f(acc)));
    let t = twice(dbl);
    let tt = twice(inc);
    println!("twice {} {}", t(5), tt(5));
    let commands = [
        Command { name: "dup", run: cmd_dup },
        Command { name: "add", run: cmd_add },
        Command { name: "neg", run: cmd_neg },
        Command { name: "dup", run: cmd_dup },
        Command { name: "add", run: cmd_add },
    ];
    let mut stack = vec![21];
    for c in &commands {
        (c.run)(&mut stack);
        println!("after {}: {:?}", c.name, stack);
    }
    for name in ["sqrt", "abs", "half", "cube"] {
        match select(name) {
            Some(f) => println!("{}(-16 or 16) = {}", name, f(if name == "abs" { -16.0 } else { 16.0 })),
            None => println!("{} not found", name),
        }
    }
    let strs: Vec<String> = [1, 22, 333].iter().map(ToString::to_string).collect();
    let lens: Vec<usize> = strs.iter().map(String::len).collect();
    println!("{:?} {:?}", strs, lens);
    let parsed: Vec<i32> = ["4", "5"].iter().copied().map(str::parse::<i32>).map(Result::unwrap).collect();
    println!("{:?}", parsed);
    let somes: Vec<Option<i32>> = parsed.into_iter().map(Some).collect();
    println!("{:?}", somes);
    let f: fn(i64, i64) -> i64 = add;
    let g = f;
    println!("copy of fn pointer {} {}", g(1, 2), f(g(1, 2), 4));
    let maybe: Option<fn()> = None;
    println!("none fn {}", maybe.is_none());
}
