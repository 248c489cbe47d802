// Checks BTreeMap: ordered iteration, range queries, first/last, entry API, u128 and String keys, and many insert/remove cycles.
use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Included, Unbounded};

fn main() {
    let mut m: BTreeMap<i32, &str> = BTreeMap::new();
    for (k, v) in [(5, "five"), (1, "one"), (9, "nine"), (3, "three"), (7, "seven")] {
        m.insert(k, v);
    }
    println!("{:?}", m);
    println!("first {:?} last {:?}", m.first_key_value(), m.last_key_value());
    println!("range 3..7 {:?}", m.range(3..7).collect::<Vec<_>>());
    println!("range ..=3 {:?}", m.range(..=3).map(|(k, _)| *k).collect::<Vec<_>>());
    println!("bounds {:?}", m.range((Excluded(3), Included(9))).map(|(k, _)| *k).collect::<Vec<_>>());
    println!("unbounded rev {:?}", m.range((Unbounded, Excluded(7))).rev().map(|(k, _)| *k).collect::<Vec<_>>());
    println!("floor(6) {:?}", m.range(..=6).next_back());
    println!("ceil(6) {:?}", m.range(6..).next());
    println!("pop_first {:?} pop_last {:?}", m.pop_first(), m.pop_last());
    println!("keys {:?} values {:?}", m.keys().collect::<Vec<_>>(), m.values().collect::<Vec<_>>());

    let mut inventory: BTreeMap<String, u32> = BTreeMap::new();
    for item in ["pear", "apple", "fig", "apple", "pear", "apple"] {
        *inventory.entry(item.to_string()).or_insert(0) += 1;
    }
    inventory.entry("kiwi".into()).or_insert(10);
    inventory.entry("fig".into()).and_modify(|n| *n += 100);
    println!("{:?}", inventory);
    let expensive: BTreeMap<&String, &u32> = inventory.iter().filter(|(_, n)| **n > 2).collect();
    println!("{:?}", expensive);
    for v in inventory.values_mut() {
        *v *= 2;
    }
    println!("{:?}", inventory);
    let tail = inventory.split_off("g");
    println!("head {:?} tail {:?}", inventory, tail);

    let mut big: BTreeMap<u128, u32> = BTreeMap::new();
    big.insert(u128::MAX, 1);
    big.insert(1, 2);
    big.insert(1 << 64, 3);
    big.insert((1 << 64) - 1, 4);
    big.insert(1 << 127, 5);
    println!("{:?}", big);
    println!("u128 range {:?}", big.range((1u128 << 63)..=(1u128 << 64)).collect::<Vec<_>>());

    let mut stress: BTreeMap<u32, u32> = BTreeMap::new();
    let mut x = 1u32;
    for i in 0..2000 {
        x = x.wrapping_mul(1664525).wrapping_add(1013904223);
        stress.insert(x % 1000, i);
    }
    let removed = (0..1000).filter(|k| k % 3 == 0).filter(|k| stress.remove(k).is_some()).count();
    let ordered = stress.keys().zip(stress.keys().skip(1)).all(|(a, b)| a < b);
    println!("stress len {} removed {} ordered {}", stress.len(), removed, ordered);
    println!("stress first {:?} last {:?}", stress.keys().next(), stress.keys().next_back());

    let mut letters: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, c) in "abracadabra".chars().enumerate() {
        letters.entry(c).or_default().push(i);
    }
    println!("{:?}", letters);
    let a: BTreeMap<_, _> = [(2, 'b'), (1, 'a')].into_iter().collect();
    let b: BTreeMap<_, _> = [(1, 'a'), (2, 'b')].into_iter().collect();
    println!("eq {} cmp {:?}", a == b, a.cmp(&BTreeMap::from([(1, 'z')])));
    let mut retained = letters.clone();
    retained.retain(|_, v| v.len() > 1);
    println!("{:?}", retained.keys().collect::<String>());
}
