// Checks iterator adapter chains: map/filter/fold/zip/enumerate/rev/skip/take/flat_map/peekable/step_by/chain/scan/windows and consumers.
fn main() {
    let v = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    let doubled_odds: Vec<i32> = v.iter().filter(|&&x| x % 2 == 1).map(|x| x * 2).collect();
    println!("doubled odds {:?}", doubled_odds);
    println!("fold {} sum {} product {}", v.iter().fold(0, |acc, x| acc * 2 + x), v.iter().sum::<i32>(), v[..5].iter().product::<i32>());
    println!("enumerate {:?}", v.iter().enumerate().filter(|(i, _)| i % 4 == 0).collect::<Vec<_>>());
    println!("zip {:?}", v.iter().zip(v.iter().skip(1)).map(|(a, b)| b - a).collect::<Vec<_>>());
    println!("rev skip take {:?}", v.iter().rev().skip(2).take(3).collect::<Vec<_>>());
    println!("skip_while take_while {:?} {:?}", v.iter().skip_while(|&&x| x != 9).collect::<Vec<_>>(), v.iter().take_while(|&&x| x < 5).collect::<Vec<_>>());
    println!("step_by {:?} {:?}", (0..20).step_by(6).collect::<Vec<_>>(), (0..=10).rev().step_by(3).collect::<Vec<_>>());
    println!("chain {:?}", (1..3).chain(7..9).chain(std::iter::once(100)).collect::<Vec<_>>());
    println!("flat_map {:?}", (1..4).flat_map(|n| (0..n).map(move |k| n * 10 + k)).collect::<Vec<_>>());
    println!("flatten {:?}", vec![vec![1], vec![], vec![2, 3]].into_iter().flatten().collect::<Vec<_>>());
    println!("filter_map {:?}", ["1", "x", "3", "-4"].iter().filter_map(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("scan {:?}", v.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).collect::<Vec<_>>());
    println!("min/max {:?} {:?} {:?}", v.iter().min(), v.iter().max(), v.iter().max_by_key(|&&x| (x % 5, x)));
    let words = ["apple", "fig", "banana", "kiwi", "cherry"];
    println!("min_by_key {:?} max_by {:?}", words.iter().min_by_key(|w| w.len()), words.iter().max_by(|a, b| a.len().cmp(&b.len())));
    println!("position {:?} rposition {:?} find {:?}", v.iter().position(|&x| x == 5), v.iter().rposition(|&x| x == 5), v.iter().find(|&&x| x > 4));
    println!("any {} all {} count {}", v.iter().any(|&x| x > 8), v.iter().all(|&x| x > 0), v.iter().filter(|&&x| x == 5).count());
    println!("last {:?} nth {:?} nth_back {:?}", v.iter().last(), v.iter().nth(4), v.iter().nth_back(1));
    let mut it = v.iter().peekable();
    let mut runs = Vec::new();
    while let Some(&x) = it.next() {
        let mut len = 1;
        while it.peek().map_or(false, |&&next| next > x) && len < 3 {
            it.next();
            len += 1;
        }
        runs.push((x, len));
    }
    println!("peekable runs {:?}", runs);
    let mut p = [1, 2, 3, 10, 11].iter().peekable();
    let small: Vec<_> = std::iter::from_fn(|| p.next_if(|&&x| x < 5)).collect();
    println!("next_if {:?} rest {:?}", small, p.collect::<Vec<_>>());
    println!("cycle {:?}", ['a', 'b'].iter().cycle().take(5).collect::<String>());
    println!("repeat {:?}", std::iter::repeat("ab").take(3).collect::<String>());
    println!("successors {:?}", std::iter::successors(Some(1u32), |&x| if x < 200 { Some(x * 3) } else { None }).collect::<Vec<_>>());
    println!("inspect sum {}", (1..=4).inspect(|x| print!("<{}>", x)).sum::<i32>());
    println!("unzip {:?}", [(1, 'a'), (2, 'b')].iter().cloned().unzip::<i32, char, Vec<i32>, String>());
    println!("cmp {:?} eq {} lt {}", [1, 2].iter().cmp([1, 3].iter()), (0..3).eq([0, 1, 2]), [1, 2].iter().lt([1, 2, 0].iter()));
    println!("reduce {:?} {:?}", (1..=5).reduce(|a, b| a * b), (0..0).reduce(|a: i32, b| a + b));
    println!("try_fold {:?}", (1..=10).try_fold(0i8, |acc, x| acc.checked_add(x * 10)));
    println!("map_while {:?}", [1, 2, -1, 4].iter().map_while(|&x| if x > 0 { Some(x * 2) } else { None }).collect::<Vec<_>>());
    println!("partition {:?}", (1..=10).partition::<Vec<_>, _>(|x| x % 3 == 0));
    let total_len: usize = words.iter().map(|w| w.len()).sum();
    let avg = total_len as f64 / words.len() as f64;
    println!("avg len {}", avg);
    println!("rev chars {}", "stressed".chars().rev().collect::<String>());
    println!("sum f64 {} product u64 {}", [0.5f64, 0.25, 0.125].iter().sum::<f64>(), (1..=15u64).product::<u64>());
    println!("windows max {:?}", v.windows(3).map(|w| w.iter().sum::<i32>()).max());
    println!("chunks sums {:?}", v.chunks(4).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>());
    let mut sorted_desc: Vec<_> = v.iter().copied().collect();
    sorted_desc.sort_unstable_by(|a, b| b.cmp(a));
    println!("top3 {:?}", sorted_desc.iter().take(3).collect::<Vec<_>>());
    println!("by_ref {:?}", {
        let mut it = 1..10;
        let first: Vec<_> = it.by_ref().take(3).collect();
        (first, it.next())
    });
    println!("is_sorted {} {}", (1..5).is_sorted(), v.iter().is_sorted());
}
