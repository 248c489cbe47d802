//! Writes the "generated crate" of the compile-speed benchmark: about 10,000 lines of ordinary
//! Rust (structs, enums, traits, generics, closures, iterators, strings, collections, formatting)
//! in one file, a binary that prints a checksum of everything it computed.
//! Usage: gen_crate OUT.rs [MODULES] (default 75 modules of about 130 lines each).

use std::fmt::Write;

/// One module; `@I@` is its number and `@A@`..`@D@` are constants derived from it, so that the
/// modules differ in their values (no two functions are identical, nothing folds away).
const MODULE: &str = r#"
mod m@I@ {
    use std::collections::{BTreeMap, HashMap};
    use std::fmt;

    const SCALE: i64 = @A@;

    #[derive(Debug, Clone, PartialEq)]
    pub enum Shape {
        Circle { r: i64 },
        Rect { w: i64, h: i64 },
        Tri(i64, i64, i64),
        Empty,
    }

    #[derive(Debug, Clone, Default)]
    pub struct Record {
        id: u32,
        name: String,
        values: Vec<i64>,
        tags: HashMap<String, u32>,
    }

    pub trait Score {
        fn score(&self) -> i64;
        fn label(&self) -> String {
            format!("score={}", self.score())
        }
    }

    impl Score for Shape {
        fn score(&self) -> i64 {
            match self {
                Shape::Circle { r } => 3 * r * r + SCALE,
                Shape::Rect { w, h } if w == h => w * w - @B@,
                Shape::Rect { w, h } => w * h + @C@,
                Shape::Tri(a, b, c) => (a + b + c) * @D@ % 1_000_003,
                Shape::Empty => -SCALE,
            }
        }
    }

    impl Score for Record {
        fn score(&self) -> i64 {
            let sum: i64 = self.values.iter().sum();
            sum + self.name.len() as i64 * SCALE + i64::from(self.id)
        }
    }

    impl fmt::Display for Record {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            writeln!(f, "{}:{}", self.name, self.id)?;
            for (i, v) in self.values.iter().enumerate() {
                writeln!(f, "v{i}:{v}")?;
            }
            Ok(())
        }
    }

    fn build(seed: u64) -> Record {
        let mut rec = Record {
            id: (seed % 1000) as u32 + @I@,
            name: format!("record-{}-{}", @I@, seed % 97),
            ..Record::default()
        };
        let mut x = seed.wrapping_add(@B@);
        for i in 0..(8 + @I@ % 5) {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(@C@);
            rec.values.push((x >> 40) as i64 - i64::from(i) * SCALE);
            *rec.tags.entry(format!("t{}", x % 7)).or_insert(0) += 1;
        }
        rec
    }

    fn transform<T: Score + Clone>(items: &[T], k: i64) -> Vec<i64> {
        items
            .iter()
            .map(|item| item.score().wrapping_mul(k))
            .filter(|v| v.rem_euclid(3) != @D@ % 3)
            .collect()
    }

    fn parse_line(line: &str) -> Option<(String, i64)> {
        let mut parts = line.splitn(2, ':');
        let key = parts.next()?.trim();
        let value = parts.next()?.trim().parse::<i64>().ok()?;
        Some((key.to_uppercase(), value))
    }

    fn shapes(seed: u64) -> Vec<Shape> {
        (0..12u64)
            .map(|i| {
                let v = ((seed >> (i % 8)) % 50) as i64 + i as i64;
                match (i + @I@) % 4 {
                    0 => Shape::Circle { r: v },
                    1 => Shape::Rect { w: v, h: v + (i % 2) as i64 },
                    2 => Shape::Tri(v, v / 2, v / 3 + 1),
                    _ => Shape::Empty,
                }
            })
            .collect()
    }

    pub fn run(seed: u64) -> u64 {
        let rec = build(seed);
        let shapes = shapes(seed ^ @A@);
        let mut acc = rec.score() as u64;
        for (i, shape) in shapes.iter().enumerate() {
            acc = acc.wrapping_mul(31).wrapping_add(shape.score() as u64 ^ i as u64);
            if let Shape::Rect { w, .. } = shape {
                acc ^= *w as u64;
            }
        }
        let text = rec.to_string();
        let mut seen = BTreeMap::new();
        for line in text.lines() {
            if let Some((key, value)) = parse_line(line) {
                acc = acc.rotate_left(3) ^ (value as u64).wrapping_add(key.len() as u64);
                seen.insert(key, value);
            }
        }
        let mut scores = transform(&shapes, SCALE);
        scores.sort_unstable();
        scores.dedup();
        let label_len: usize = shapes.iter().take(3).map(|s| s.label().len()).sum();
        let tags = rec.tags.get("t3").copied().unwrap_or_default();
        let firsts: String = seen.keys().filter_map(|k| k.chars().next()).collect();
        acc.wrapping_add(scores.iter().map(|&s| s as u64).fold(0, u64::wrapping_add))
            .wrapping_add((label_len + firsts.len()) as u64 * u64::from(tags + 1))
    }
}
"#;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: gen_crate OUT.rs [MODULES]");
    let modules: u64 = args
        .next()
        .map_or(75, |n| n.parse().expect("MODULES is a number"));
    let mut text = String::from(
        "//! Generated by tests/bench/compile/gen_crate.rs for `./y.sh bench`: do not edit.\n",
    );
    for i in 0..modules {
        text.push_str(
            &MODULE
                .replace("@I@", &i.to_string())
                .replace("@A@", &(i * 7 + 3).to_string())
                .replace("@B@", &(i * 13 % 101).to_string())
                .replace("@C@", &(i * 31 + 17).to_string())
                .replace("@D@", &(i % 11 + 2).to_string()),
        );
    }
    text.push_str("\nfn main() {\n    let mut checksum = 0u64;\n");
    for i in 0..modules {
        writeln!(
            text,
            "    checksum = checksum.rotate_left(5) ^ m{i}::run({});",
            i * 1_000_003 + 7
        )
        .unwrap();
    }
    writeln!(
        text,
        "    println!(\"{modules} modules, checksum {{checksum:016x}}\");\n}}"
    )
    .unwrap();
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
}
