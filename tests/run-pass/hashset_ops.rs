// Checks HashSet with derived Hash/Eq keys: insert/contains/remove, set algebra and dedup; results sorted before printing.
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Hearts,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Card {
    rank: u8,
    suit: Suit,
}

// Equality and hashing on the lowercased name only.
#[derive(Debug)]
struct Tag(String);

impl PartialEq for Tag {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_lowercase() == other.0.to_lowercase()
    }
}
impl Eq for Tag {}
impl Hash for Tag {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_lowercase().hash(state);
    }
}

fn sorted<T: Ord + Clone>(s: &HashSet<T>) -> Vec<T> {
    let mut v: Vec<T> = s.iter().cloned().collect();
    v.sort();
    v
}

fn main() {
    let mut hand: HashSet<Card> = HashSet::new();
    println!("insert {}", hand.insert(Card { rank: 10, suit: Suit::Hearts }));
    println!("insert {}", hand.insert(Card { rank: 2, suit: Suit::Clubs }));
    println!("insert dup {}", hand.insert(Card { rank: 10, suit: Suit::Hearts }));
    println!("len {}", hand.len());
    println!("contains {} {}", hand.contains(&Card { rank: 2, suit: Suit::Clubs }), hand.contains(&Card { rank: 2, suit: Suit::Hearts }));
    hand.insert(Card { rank: 14, suit: Suit::Clubs });
    println!("{:?}", sorted(&hand));
    println!("remove {} {}", hand.remove(&Card { rank: 2, suit: Suit::Clubs }), hand.remove(&Card { rank: 3, suit: Suit::Clubs }));
    println!("{:?}", sorted(&hand));

    let a: HashSet<i32> = (1..=10).filter(|x| x % 2 == 0).collect();
    let b: HashSet<i32> = (1..=10).filter(|x| x % 3 == 0).collect();
    let mut union: Vec<i32> = a.union(&b).copied().collect();
    let mut inter: Vec<i32> = a.intersection(&b).copied().collect();
    let mut diff: Vec<i32> = a.difference(&b).copied().collect();
    let mut sym: Vec<i32> = a.symmetric_difference(&b).copied().collect();
    union.sort();
    inter.sort();
    diff.sort();
    sym.sort();
    println!("union {:?}\ninter {:?}\ndiff {:?}\nsym {:?}", union, inter, diff, sym);
    let small: HashSet<i32> = [6].into_iter().collect();
    println!("subset {} superset {} disjoint {}", small.is_subset(&a), a.is_superset(&small), a.is_disjoint(&[1, 3].into_iter().collect()));
    let ops = &a | &b;
    let ops2 = &a & &b;
    println!("ops {:?} {:?}", sorted(&ops), sorted(&ops2));

    let mut tags: HashSet<Tag> = HashSet::new();
    for t in ["Rust", "wasm", "RUST", "Wasm", "llvm"] {
        if !tags.insert(Tag(t.to_string())) {
            println!("duplicate tag {}", t);
        }
    }
    println!("distinct tags {}", tags.len());
    println!("has rUsT {}", tags.contains(&Tag("rUsT".into())));

    let words = "one two three two one four";
    let mut seen = HashSet::new();
    let first_occurrences: Vec<&str> = words.split(' ').filter(|w| seen.insert(*w)).collect();
    println!("{:?}", first_occurrences);
    let chars: HashSet<char> = "mississippi".chars().collect();
    println!("{:?}", sorted(&chars));
    let mut pairs: HashSet<(u8, u8)> = HashSet::new();
    for x in 0..4u8 {
        for y in 0..4u8 {
            pairs.insert((x.min(y), x.max(y)));
        }
    }
    println!("unordered pairs {}", pairs.len());
    let mut retained = chars.clone();
    retained.retain(|c| *c != 's');
    println!("{:?}", sorted(&retained));
    let big: HashSet<u64> = (0..5000u64).map(|i| i * i % 1009).collect();
    println!("quadratic residues mod 1009: {}", big.len());
}
