// Checks collect() into many containers: Vec, String, HashMap, HashSet, BTreeMap, BTreeSet, VecDeque, BinaryHeap, Option and Result.
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};

fn main() {
    let words = ["pear", "apple", "pear", "fig", "apple", "pear"];
    let v: Vec<&str> = words.iter().copied().collect();
    println!("vec {:?}", v);
    let s: String = words.iter().map(|w| &w[..1]).collect();
    println!("string {}", s);
    let joined: String = words.iter().copied().collect::<Vec<_>>().join("+");
    println!("joined {}", joined);
    let from_chars: String = ['w', 'a', 's', 'm'].iter().rev().collect();
    println!("chars {}", from_chars);
    let from_strings: String = vec![String::from("ab"), String::from("cd")].into_iter().collect();
    println!("strings {}", from_strings);

    let hm: HashMap<&str, usize> = words.iter().map(|w| (*w, w.len())).collect();
    let mut hm_sorted: Vec<_> = hm.into_iter().collect();
    hm_sorted.sort();
    println!("hashmap {:?}", hm_sorted);
    let hs: HashSet<&str> = words.iter().copied().collect();
    let mut hs_sorted: Vec<_> = hs.into_iter().collect();
    hs_sorted.sort_unstable();
    println!("hashset {:?}", hs_sorted);
    let counts: BTreeMap<&str, i32> = words.iter().fold(BTreeMap::new(), |mut m, w| {
        *m.entry(*w).or_insert(0) += 1;
        m
    });
    println!("btreemap {:?}", counts);
    let bs: BTreeSet<usize> = words.iter().map(|w| w.len()).collect();
    println!("btreeset {:?}", bs);
    let dq: VecDeque<i32> = (1..=4).rev().collect();
    println!("vecdeque {:?}", dq);
    let heap: BinaryHeap<i32> = [4, 8, 1].into_iter().collect();
    println!("heap peek {:?} sorted {:?}", heap.peek(), heap.clone().into_sorted_vec());
    let ll: LinkedList<u8> = (1..4).collect();
    println!("linkedlist {:?}", ll);
    let boxed: Box<[u16]> = (0..3).map(|x| x * 100).collect();
    println!("boxed {:?}", boxed);

    let all_ok: Result<Vec<i32>, String> = ["1", "2", "3"].iter().map(|s| s.parse::<i32>().map_err(|e| e.to_string())).collect();
    let one_bad: Result<Vec<i32>, String> = ["1", "zz", "3"].iter().map(|s| s.parse::<i32>().map_err(|e| format!("{:?}: {}", s, e))).collect();
    println!("results {:?} {:?}", all_ok, one_bad);
    let all_some: Option<Vec<u32>> = ['1', '7'].iter().map(|c| c.to_digit(10)).collect();
    let one_none: Option<Vec<u32>> = ['1', 'x'].iter().map(|c| c.to_digit(10)).collect();
    println!("options {:?} {:?}", all_some, one_none);
    let sum: Option<u32> = [Some(1), Some(2), Some(3)].into_iter().sum();
    let prod: Result<i32, &str> = [Ok(2), Err("nope"), Ok(5)].into_iter().product();
    println!("sum option {:?} product result {:?}", sum, prod);

    let mut extended = vec![1, 2];
    extended.extend([3, 4].iter());
    extended.extend(vec![5]);
    println!("extend {:?}", extended);
    let mut text = String::from("ab");
    text.extend(['c', 'd']);
    text.extend(["ef", "gh"]);
    println!("extend string {}", text);
    let (short, long): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| w.len() <= 3);
    println!("partition {:?} {:?}", short, long);
    let grouped: BTreeMap<usize, Vec<&str>> = words.iter().fold(BTreeMap::new(), |mut m: BTreeMap<usize, Vec<&str>>, w| {
        m.entry(w.len()).or_default().push(w);
        m
    });
    println!("grouped {:?}", grouped);
    let nested: Vec<Vec<u32>> = (1..4).map(|n| (1..=n).collect()).collect();
    println!("nested {:?}", nested);
    let arr: [u8; 4] = (0..4).map(|x| x * x).collect::<Vec<u8>>().try_into().unwrap();
    println!("array {:?}", arr);
    let unique_sorted: Vec<char> = "hello world".chars().filter(|c| c.is_alphabetic()).collect::<BTreeSet<_>>().into_iter().collect();
    println!("unique {:?}", unique_sorted);
}
