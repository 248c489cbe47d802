//! The bundled std example: a small word-frequency and statistics tool exercising collections,
//! strings, traits, closures, i128 and floats through the standard library.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Number(i64),
}

struct Stats {
    count: usize,
    mean: f64,
    max: i64,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "count={} mean={:.3} max={}", self.count, self.mean, self.max)
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|s| !s.is_empty())
        .map(|s| match s.parse::<i64>() {
            Ok(n) => Token::Number(n),
            Err(_) => Token::Word(s.to_lowercase()),
        })
        .collect()
}

fn stats(numbers: &[i64]) -> Option<Stats> {
    let max = *numbers.iter().max()?;
    let sum: i64 = numbers.iter().sum();
    Some(Stats { count: numbers.len(), mean: sum as f64 / numbers.len() as f64, max })
}

fn factorial(n: u32) -> u128 {
    (1..=u128::from(n)).product()
}

fn main() {
    let text = "The quick brown fox jumps over the lazy dog. The dog sleeps; 42 foxes, 7 dogs and -3 cats! \
                Über 100 Füchse.";
    let tokens = tokenize(text);
    let mut freq: HashMap<String, usize> = HashMap::new();
    let mut numbers = Vec::new();
    for t in &tokens {
        match t {
            Token::Word(w) => *freq.entry(w.clone()).or_insert(0) += 1,
            Token::Number(n) => numbers.push(*n),
        }
    }
    let sorted: BTreeMap<_, _> = freq.iter().filter(|(_, c)| **c > 1).collect();
    println!("tokens: {}", tokens.len());
    println!("repeated words: {sorted:?}");
    let mut words: Vec<&String> = freq.keys().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    println!("longest: {:?}", &words[..3]);
    println!("numbers: {numbers:?}");
    if let Some(s) = stats(&numbers) {
        println!("stats: {s}");
    }
    println!("first token: {:?}", tokens.first());
    println!("25! = {}", factorial(25));
    println!("i128 min = {}", i128::MIN);
    let shout: String = "wasm ".repeat(3).trim_end().to_uppercase();
    println!("{shout:>20}|{:<8}|{:^9}|{:+.2e}", "left", "mid", 12345.678f64);
    let boxed: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(|x| x + 1), Box::new(|x| x * x), Box::new(move |x| x - 7)];
    println!("closures: {:?}", boxed.iter().map(|f| f(6)).collect::<Vec<_>>());
    println!("hex {:#x} bin {:#010b} oct {:o}", 255u8, 5u8, 64);
    println!("sqrt(2) = {:.10}", 2f64.sqrt());
}
