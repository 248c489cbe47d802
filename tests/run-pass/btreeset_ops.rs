// Checks BTreeSet: ordered iteration, range, set algebra, first/last, split_off and ordering of derived keys.
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

fn v(s: &str) -> Version {
    let parts: Vec<u32> = s.split('.').map(|p| p.parse().unwrap()).collect();
    Version { major: parts[0], minor: parts[1], patch: parts[2] }
}

fn primes_below(n: u32) -> BTreeSet<u32> {
    let mut set: BTreeSet<u32> = (2..n).collect();
    let mut p = 2;
    while p * p < n {
        let multiples: Vec<u32> = set.range(p * p..).filter(|m| *m % p == 0).copied().collect();
        for m in multiples {
            set.remove(&m);
        }
        p = *set.range(p + 1..).next().unwrap();
    }
    set
}

fn main() {
    let mut s: BTreeSet<i32> = [5, -1, 3, 9, 3, 0, 5].into_iter().collect();
    println!("{:?} len {}", s, s.len());
    println!("first {:?} last {:?}", s.first(), s.last());
    println!("range {:?}", s.range(0..5).collect::<Vec<_>>());
    println!("insert {} {}", s.insert(4), s.insert(4));
    println!("remove {} contains {}", s.remove(&-1), s.contains(&-1));
    let high = s.split_off(&4);
    println!("low {:?} high {:?}", s, high);
    let a: BTreeSet<char> = "hello".chars().collect();
    let b: BTreeSet<char> = "world".chars().collect();
    println!("union {:?}", a.union(&b).collect::<String>());
    println!("inter {:?}", a.intersection(&b).collect::<String>());
    println!("diff {:?}", a.difference(&b).collect::<String>());
    println!("sym {:?}", a.symmetric_difference(&b).collect::<String>());
    println!("ops {:?} {:?}", &a - &b, &a ^ &b);

    let mut versions: BTreeSet<Version> = ["1.10.0", "1.2.3", "0.9.12", "1.2.10", "1.2.3"].iter().map(|s| v(s)).collect();
    println!("versions:");
    for ver in &versions {
        println!("  {}.{}.{}", ver.major, ver.minor, ver.patch);
    }
    let newest = versions.pop_last().unwrap();
    println!("newest {:?}, remaining {}", newest, versions.len());
    println!("at least 1.2.4: {:?}", versions.range(v("1.2.4")..).next());

    let primes = primes_below(100);
    println!("{} primes, last {:?}", primes.len(), primes.last());
    println!("{:?}", primes.iter().rev().take(5).collect::<Vec<_>>());
    let twin: Vec<(u32, u32)> = primes.iter().filter(|&&p| primes.contains(&(p + 2))).map(|&p| (p, p + 2)).collect();
    println!("twins {:?}", twin);
    let words: BTreeSet<&str> = "the quick brown fox jumps over the lazy dog".split(' ').collect();
    println!("{:?}", words);
    let mut nested: BTreeSet<Vec<u8>> = BTreeSet::new();
    nested.insert(vec![2]);
    nested.insert(vec![1, 9]);
    nested.insert(vec![1]);
    nested.insert(vec![]);
    println!("{:?}", nested);
}
