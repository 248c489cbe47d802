// Checks 64-bit integer arithmetic, large products, division and bit operations.
fn collatz_steps(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

fn main() {
    let a: u64 = 10_000_000_000;
    let b: u64 = 3_000_000_007;
    println!("u64: {} {} {} {}", a + b, a - b, a / b, a % b);
    println!("u64 mul: {}", 4_294_967_296u64 * 4_000_000_000);
    println!("u64 max: {}", u64::MAX);
    println!("u64 shifts: {} {}", 1u64 << 63, u64::MAX >> 60);
    println!("u64 bits: {} {} {}", (1u64 << 40).trailing_zeros(), 0xffu64.leading_zeros(), u64::MAX.count_ones());
    println!("collatz: {} {}", collatz_steps(27), collatz_steps(837799));

    let c: i64 = -9_000_000_000_000_000_000;
    let d: i64 = 7;
    println!("i64: {} {} {}", c / d, c % d, c + 1_000_000_000_000_000_000);
    println!("i64 min/max: {} {}", i64::MIN, i64::MAX);
    println!("i64 shr: {} {}", i64::MIN >> 62, (i64::MIN as u64) >> 62);
    println!("i64 casts: {} {} {}", c as u64, u64::MAX as i64, (1i64 << 40) as i32);
    println!("i64 from i32: {} {}", i32::MIN as i64 - 1, u32::MAX as i64 + 1);
    let fib = {
        let (mut x, mut y) = (0u64, 1u64);
        for _ in 0..90 {
            let t = x + y;
            x = y;
            y = t;
        }
        x
    };
    println!("fib(90) = {}", fib);
}
