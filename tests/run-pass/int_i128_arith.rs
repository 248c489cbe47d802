// Checks i128 arithmetic: add/sub/mul/div/rem with carries across 64 bits, shifts and casts.
fn factorial(n: u32) -> i128 {
    (1..=n as i128).product()
}

fn main() {
    let a: i128 = 1 << 100;
    let b: i128 = (1 << 64) + 12345;
    println!("a = {}", a);
    println!("b = {}", b);
    println!("a + b = {}", a + b);
    println!("b - a = {}", b - a);
    println!("a / b = {}", a / b);
    println!("a % b = {}", a % b);
    println!("-a / 3 = {}, -a % 3 = {}", -a / 3, -a % 3);
    println!("b * 1000000007 = {}", b * 1_000_000_007);
    println!("min/max: {} {}", i128::MIN, i128::MAX);
    println!("shr: {} {}", i128::MIN >> 100, -a >> 98);
    println!("shl: {}", 3i128 << 120);
    println!("30! = {}", factorial(30));
    println!("33! = {}", factorial(33));
    println!("casts: {} {} {}", a as u64, (b * 3) as i64, -1i128 as u128);
    println!("from i64: {}", i64::MIN as i128 * 4);
    println!("to f64: {}", a as f64);
    println!("from f64: {}", 1.5e30f64 as i128);
    println!("cmp: {} {} {}", a > b, -a < -b, i128::MIN < i128::MAX);
    println!("bits: {} {} {}", a.trailing_zeros(), b.count_ones(), (-1i128).leading_zeros());
    println!("abs/signum: {} {}", (-a).abs(), (-b).signum());
}
