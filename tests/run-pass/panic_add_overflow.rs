// Checks that u8 addition overflow panics at runtime (overflow checks on) after printing progress.
fn accumulate(values: &[u8]) -> u8 {
    let mut total: u8 = 0;
    for &v in values {
        total += v;
        println!("total = {}", total);
    }
    total
}

fn main() {
    let values = vec![100, 100, 50, 10];
    let t = accumulate(&values);
    println!("unreachable: {}", t);
}
