// Checks f64 arithmetic, rounding behaviour, special values and comparisons.
fn main() {
    let a = 0.1f64;
    let b = 0.2f64;
    println!("{} {}", a + b, a + b == 0.3);
    println!("{} {} {} {}", 7.5f64 / 2.0, 7.5f64 % 2.0, -7.5f64 % 2.0, 1.0f64 / 3.0);
    println!("{} {}", 1e308f64 * 10.0, -1e308f64 * 10.0);
    let nan = f64::NAN;
    println!("{} {} {} {}", nan, nan == nan, nan < 1.0, nan.is_nan());
    println!("{} {}", 0.0f64 / 0.0 == 0.0f64 / 0.0, (0.0f64 / 0.0).is_nan());
    println!("{} {} {}", -0.0f64, -0.0f64 == 0.0, (-0.0f64).is_sign_negative());
    println!("{} {}", 1.0f64 / -0.0, f64::INFINITY - f64::INFINITY);
    println!("{} {}", f64::EPSILON, f64::MIN_POSITIVE);
    println!("{} {}", f64::MAX, f64::MIN);
    println!("{:?} {:?}", 1.0f64 + f64::EPSILON, 1.0f64 + f64::EPSILON / 2.0);
    println!("{} {} {}", 2.5f64.round(), (-2.5f64).round(), 2.5f64.round_ties_even());
    println!("{} {} {}", 2.7f64.trunc(), (-2.7f64).ceil(), 2.7f64.fract());
    println!("{} {} {}", (-3.0f64).abs(), 3.0f64.copysign(-1.0), (-3.5f64).signum());
    println!("{} {}", 1.5f64.max(f64::NAN), 1.5f64.min(-2.0));
    println!("{:?}", 3.7f64.total_cmp(&-1.0));
    println!("{} {}", 2.0f64.mul_add(3.0, 1.0), 10f64.hypot(0.0));
    let mut sum = 0.0f64;
    for i in 1..=10 {
        sum += 1.0 / i as f64;
    }
    println!("harmonic(10) = {}", sum);
    let mean = [2.0f64, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0].iter().sum::<f64>() / 8.0;
    println!("mean = {}", mean);
    println!("bits: {:#018x} {}", 1.0f64.to_bits(), f64::from_bits(0x4000000000000000));
}
