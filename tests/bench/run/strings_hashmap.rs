//! Strings and HashMap: builds words with `format!`, counts them in a `HashMap<String, _>`,
//! joins, splits and sorts; prints order-independent checksums (the map's order is random).
// Usage: strings_hashmap [words] (default 300_000).

use std::collections::HashMap;
use std::fmt::Write;

/// A fixed-seed generator, so every build sees the same words.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

const SYLLABLES: [&str; 12] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "we", "xu", "yo", "ze",
];

fn word(rng: &mut Lcg) -> String {
    let mut word = String::new();
    for _ in 0..1 + rng.next() % 3 {
        word.push_str(SYLLABLES[(rng.next() % SYLLABLES.len() as u64) as usize]);
    }
    if rng.next() % 4 == 0 {
        write!(word, "{}", rng.next() % 100).unwrap();
    }
    word
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn main() {
    let words: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(300_000);
    let mut rng = Lcg(42);
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut text = String::new();
    for i in 0..words {
        let w = word(&mut rng);
        text.push_str(&w);
        text.push(if i % 16 == 15 { '\n' } else { ' ' });
        *counts.entry(w).or_default() += 1;
    }
    // Lines back into words, upper-cased, into a second map keyed by length.
    let mut by_len: HashMap<usize, Vec<String>> = HashMap::new();
    for line in text.lines() {
        for w in line.split(' ') {
            by_len.entry(w.len()).or_default().push(w.to_uppercase());
        }
    }
    let mut distinct: Vec<(&String, &u32)> = counts.iter().collect();
    distinct.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = distinct
        .iter()
        .take(5)
        .map(|(w, n)| format!("{w}={n}"))
        .collect();
    let mut lengths: Vec<(usize, usize, u64)> = by_len
        .iter()
        .map(|(len, ws)| {
            (
                *len,
                ws.len(),
                ws.iter().fold(0, |h, w| h ^ fnv(w.as_bytes())),
            )
        })
        .collect();
    lengths.sort();
    let digest = lengths.iter().fold(fnv(text.as_bytes()), |h, (l, n, x)| {
        h.rotate_left(7) ^ (*l as u64) ^ ((*n as u64) << 16) ^ x
    });
    println!(
        "{} words, {} distinct, top {}",
        words,
        distinct.len(),
        top.join(" ")
    );
    println!("checksum {digest:016x}");
}
