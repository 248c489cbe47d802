// Checks sorting: sort, sort_unstable, sort_by, sort_by_key, reverse orders, stability and larger pseudo-random inputs.
fn lcg(seed: &mut u32) -> u32 {
    *seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
    (*seed >> 16) & 0x7fff
}

fn is_sorted<T: PartialOrd>(v: &[T]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}

fn main() {
    let mut v = vec![5, 3, 9, 1, 5, -2, 8, 0];
    v.sort();
    println!("sort: {:?}", v);
    v.sort_by(|a, b| b.cmp(a));
    println!("sort_by desc: {:?}", v);
    let mut u = vec![3u8, 200, 17, 17, 0, 99];
    u.sort_unstable();
    println!("sort_unstable: {:?}", u);
    u.sort_unstable_by(|a, b| (a % 10).cmp(&(b % 10)).then(a.cmp(b)));
    println!("by last digit: {:?}", u);

    let mut words = vec!["banana", "Apple", "cherry", "apple", "fig", "Date"];
    words.sort();
    println!("bytewise: {:?}", words);
    words.sort_by_key(|w| w.to_lowercase());
    println!("case-insensitive: {:?}", words);
    words.sort_by_key(|w| w.len());
    println!("by len (stable): {:?}", words);
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    println!("len desc then alpha: {:?}", words);

    let mut people = vec![("zoe", 25), ("adam", 30), ("bob", 25), ("carl", 30), ("dan", 20)];
    people.sort_by_key(|&(_, age)| age);
    println!("stable by age: {:?}", people);
    people.sort_by_key(|&(_, age)| std::cmp::Reverse(age));
    println!("reverse age: {:?}", people);

    let mut floats = vec![2.5f64, -1.0, 10.25, 0.0, 3.75];
    floats.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("floats: {:?}", floats);
    floats.sort_by(|a, b| b.total_cmp(a));
    println!("floats desc: {:?}", floats);

    let mut seed = 42u32;
    let mut big: Vec<u32> = (0..1000).map(|_| lcg(&mut seed) % 500).collect();
    let sum_before: u32 = big.iter().sum();
    let mut big2 = big.clone();
    big.sort();
    big2.sort_unstable_by(|a, b| b.cmp(a));
    big2.reverse();
    println!("big sorted: {} same: {} sum kept: {}", is_sorted(&big), big == big2, sum_before == big.iter().sum::<u32>());
    println!("big min {} max {} median {}", big[0], big[999], big[500]);

    let mut chars: Vec<char> = "hello wasm world".chars().collect();
    chars.sort_unstable();
    chars.dedup();
    println!("{}", chars.into_iter().collect::<String>());
    let mut cached = vec!["ccc", "a", "bb", "dddd"];
    cached.sort_by_cached_key(|s| std::cmp::Reverse(s.len()));
    println!("cached: {:?}", cached);
    println!("is_sorted: {} {}", [1, 2, 2, 3].is_sorted(), [3, 1].is_sorted());
    let mut part = [9, 1, 8, 2, 7, 3, 6, 4, 5];
    let (_, median, _) = part.select_nth_unstable(4);
    println!("select_nth median: {}", median);
}
