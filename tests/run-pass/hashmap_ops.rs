// Checks HashMap: insert/get/remove, the Entry API, word counting, u128 and tuple keys; output sorted since iteration order is random.
use std::collections::hash_map::Entry;
use std::collections::HashMap;

fn sorted<K: Ord + Clone, V: Clone>(m: &HashMap<K, V>) -> Vec<(K, V)> {
    let mut v: Vec<(K, V)> = m.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn main() {
    let mut ages: HashMap<String, u32> = HashMap::new();
    ages.insert("carol".to_string(), 41);
    ages.insert("alice".to_string(), 30);
    ages.insert("bob".to_string(), 25);
    println!("len {} alice {:?} zed {:?}", ages.len(), ages.get("alice"), ages.get("zed"));
    println!("insert existing returns {:?}", ages.insert("bob".to_string(), 26));
    println!("remove {:?} {:?}", ages.remove("carol"), ages.remove("carol"));
    println!("contains {} {}", ages.contains_key("bob"), ages.contains_key("carol"));
    if let Some(a) = ages.get_mut("alice") {
        *a += 1;
    }
    println!("{:?}", sorted(&ages));

    let text = "the cat and the hat and the bat sat";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", by_count);

    let mut groups: HashMap<usize, Vec<&str>> = HashMap::new();
    for w in ["a", "bb", "cc", "d", "eee", "ff"] {
        groups.entry(w.len()).or_default().push(w);
    }
    println!("{:?}", sorted(&groups));

    let mut cache: HashMap<u64, u64> = HashMap::new();
    for key in [3, 5, 3, 7, 5, 3] {
        match cache.entry(key) {
            Entry::Occupied(mut e) => {
                *e.get_mut() += 1;
                println!("hit {} -> {}", key, e.get());
            }
            Entry::Vacant(e) => {
                println!("miss {}", key);
                e.insert(1);
            }
        }
    }
    let removed = match cache.entry(7) {
        Entry::Occupied(e) => Some(e.remove()),
        Entry::Vacant(_) => None,
    };
    println!("removed via entry {:?}; left {:?}", removed, sorted(&cache));
    let v = cache.entry(100).or_insert_with(|| 40 + 2);
    *v *= 2;
    cache.entry(3).and_modify(|x| *x = 0).or_insert(9);
    println!("{:?}", sorted(&cache));

    let mut big: HashMap<u128, &str> = HashMap::new();
    big.insert(u128::MAX, "max");
    big.insert(1 << 100, "2^100");
    big.insert(0, "zero");
    big.insert(u64::MAX as u128 + 1, "2^64");
    println!("{:?}", big.get(&(1u128 << 100)));
    println!("{:?}", sorted(&big));

    let mut grid: HashMap<(i32, i32), char> = HashMap::new();
    for (i, c) in "abcd".chars().enumerate() {
        grid.insert((i as i32 % 2, i as i32 / 2), c);
    }
    println!("{:?} {:?}", grid.get(&(1, 1)), grid.get(&(2, 2)));

    let mut many: HashMap<u32, u32> = HashMap::new();
    for i in 0..10_000u32 {
        many.insert(i, i.wrapping_mul(2654435761));
    }
    for i in (0..10_000u32).step_by(2) {
        many.remove(&i);
    }
    let total: u64 = many.values().map(|&v| v as u64).sum();
    println!("many len {} total {} has 9999 {}", many.len(), total, many.contains_key(&9999));
    let from_iter: HashMap<char, u32> = "hello".chars().zip(1..).collect();
    println!("{:?}", sorted(&from_iter));
    let mut keys: Vec<_> = from_iter.keys().copied().collect();
    keys.sort_unstable();
    println!("{:?}", keys);
    let mut retained = from_iter.clone();
    retained.retain(|_, v| *v % 2 == 1);
    println!("{:?}", sorted(&retained));
    let a: HashMap<i32, i32> = [(1, 2), (3, 4)].into_iter().collect();
    let b: HashMap<i32, i32> = [(3, 4), (1, 2)].into_iter().collect();
    println!("map eq {}", a == b);
}
