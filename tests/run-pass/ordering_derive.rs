// Checks Ordering and comparison traits: derived PartialEq/Eq/PartialOrd/Ord on structs and enums, manual Ord, then/reverse, and min/max/clamp.
use std::cmp::{self, Ordering, Reverse};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Low,
    Mid(u8),
    High { boost: i8 },
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Employee {
    dept: String,
    level: u8,
    name: String,
}

#[derive(Debug, PartialEq, PartialOrd)]
struct Measurement {
    value: f64,
    unit: char,
}

#[derive(Debug, Eq, PartialEq)]
struct ByLen(String);

impl Ord for ByLen {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| other.0.cmp(&self.0))
    }
}

impl PartialOrd for ByLen {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn main() {
    println!("{:?} {:?} {:?}", 1.cmp(&2), "b".cmp("a"), 'x'.cmp(&'x'));
    println!("{:?} {:?}", Ordering::Less.reverse(), Ordering::Equal.then(Ordering::Greater));
    println!("{} {} {}", Ordering::Less.is_lt(), Ordering::Greater.is_ge(), Ordering::Equal.is_ne());
    println!("{:?}", [Ordering::Greater, Ordering::Less, Ordering::Equal].iter().max());
    println!("{:?} {:?}", 1.0f64.partial_cmp(&f64::NAN), f64::NAN.partial_cmp(&f64::NAN));

    let mut ranks = vec![Rank::High { boost: -1 }, Rank::Mid(5), Rank::Low, Rank::Mid(2), Rank::High { boost: 3 }];
    ranks.sort();
    println!("{:?}", ranks);
    println!("{} {} {}", Rank::Low < Rank::Mid(0), Rank::Mid(9) < Rank::High { boost: -100 }, Rank::Mid(3) == Rank::Mid(3));
    println!("{:?}", Rank::Mid(1).cmp(&Rank::Mid(0)));

    let mut staff = vec![
        Employee { dept: "eng".into(), level: 3, name: "zed".into() },
        Employee { dept: "art".into(), level: 5, name: "amy".into() },
        Employee { dept: "eng".into(), level: 1, name: "bob".into() },
        Employee { dept: "eng".into(), level: 3, name: "cat".into() },
    ];
    staff.sort();
    for e in &staff {
        println!("  {} {} {}", e.dept, e.level, e.name);
    }
    staff.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.name.cmp(&b.name)));
    println!("{:?}", staff.iter().map(|e| e.name.as_str()).collect::<Vec<_>>());
    println!("max {:?}", staff.iter().max().map(|e| &e.name));
    staff.sort_by_key(|e| (Reverse(e.dept.clone()), e.level));
    println!("{:?}", staff.iter().map(|e| format!("{}/{}", e.dept, e.level)).collect::<Vec<_>>());

    let m1 = Measurement { value: 1.5, unit: 'm' };
    let m2 = Measurement { value: 1.5, unit: 'k' };
    let m3 = Measurement { value: f64::NAN, unit: 'm' };
    println!("{:?} {:?} {}", m1.partial_cmp(&m2), m1.partial_cmp(&m3), m1 > m2);

    let mut words: Vec<ByLen> = ["ccc", "a", "bb", "aa", "b"].iter().map(|s| ByLen(s.to_string())).collect();
    words.sort();
    println!("{:?}", words.iter().map(|w| w.0.as_str()).collect::<Vec<_>>());
    println!("{:?}", cmp::max(ByLen("xy".into()), ByLen("ab".into())));

    println!("{} {} {}", cmp::max(3, 7), cmp::min("pear", "apple"), 15.clamp(0, 10));
    println!("{:?} {:?}", cmp::max_by_key(-3, 2, |x: &i32| x.abs()), cmp::min_by(1.5, -2.5, |a: &f64, b: &f64| a.total_cmp(b)));
    println!("{} {}", (1, "b") < (1, "c"), [1, 2, 3][..] < [1, 2][..]);
    println!("{} {}", Some(0) > None, Ok::<i32, i32>(0) < Err(0));
    println!("{:?}", "apple".partial_cmp("apricot"));
    let mut rev = vec![3, 1, 2];
    rev.sort_by_key(|&x| Reverse(x));
    println!("{:?} {}", rev, Reverse(1) < Reverse(2));
}
