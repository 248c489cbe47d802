// Checks bool logic, short-circuit evaluation, casts, ordering and bool helper methods.
fn noisy(label: &str, value: bool) -> bool {
    println!("  eval {}", label);
    value
}

fn main() {
    let t = true;
    let f = false;
    println!("{} {} {} {}", t && f, t || f, !t, t ^ f);
    println!("{} {} {}", t & t, f | t, t ^ t);
    println!("short-circuit and:");
    let r = noisy("a", false) && noisy("b", true);
    println!("= {}", r);
    println!("short-circuit or:");
    let r = noisy("c", true) || noisy("d", false);
    println!("= {}", r);
    println!("non-short-circuit &:");
    let r = noisy("e", false) & noisy("f", true);
    println!("= {}", r);
    println!("casts: {} {} {}", t as u8, f as i32, t as u64 + t as u64);
    println!("ordering: {} {} {:?}", f < t, t > t, t.cmp(&f));
    println!("max/min: {} {}", f.max(t), [t, f, t].iter().min().unwrap());
    println!("then: {:?} {:?}", t.then_some(5), f.then(|| 6));
    println!("not: {}", [t, f].iter().map(|b| !b).map(|b| b.to_string()).collect::<Vec<_>>().join(","));
    let flags = [true, false, true, true];
    println!("count: {} all: {} any: {}", flags.iter().filter(|&&b| b).count(), flags.iter().all(|&b| b), flags.iter().any(|&b| !b));
    let mut toggle = false;
    for _ in 0..5 {
        toggle = !toggle;
    }
    println!("toggled: {}", toggle);
    println!("size: {}", std::mem::size_of::<bool>());
    println!("fmt: [{:>6}] [{:<6}] [{:^7}] {:?}", t, f, t, f);
    let parity = (1..=10).fold(false, |acc, x| acc ^ (x % 3 == 0));
    println!("parity: {}", parity);
}
