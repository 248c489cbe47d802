// Checks f32 arithmetic, precision limits, f32<->f64 conversion and special values.
fn main() {
    let third = 1.0f32 / 3.0;
    println!("{} {:?}", third, third as f64);
    println!("{}", 0.1f32 + 0.2f32);
    println!("{} {}", 16777216.0f32 + 1.0, 16777216.0f32 + 2.0);
    println!("{} {}", f32::MAX, f32::MIN_POSITIVE);
    println!("{} {}", f32::EPSILON, f32::MAX * 2.0);
    println!("{} {}", 1e38f32 * 10.0, (f32::MAX as f64) * 2.0);
    println!("{} {}", 1e39f64 as f32, 1e-50f64 as f32);
    println!("{} {}", 0.1f64 as f32, 0.1f32 as f64);
    println!("{:?} {:?}", 1.0e7f32, 1.0e16f32);
    println!("{} {}", (2.0f32).sqrt(), 2.0f32.powi(10));
    println!("{} {} {}", 5.5f32.floor(), (-5.5f32).floor(), 5.5f32.round());
    let v = [1.5f32, -0.25, 3.0, 2.75];
    let total: f32 = v.iter().sum();
    let max = v.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    println!("sum {} max {}", total, max);
    println!("bits {:#010x} {}", 1.0f32.to_bits(), f32::from_bits(0xc0490fdb));
    println!("{} {}", f32::NAN.max(1.0), (f32::NAN as f64).is_nan());
    let mut x = 1.0f32;
    let mut steps = 0;
    while x + 1.0 != x {
        x *= 2.0;
        steps += 1;
    }
    println!("precision steps {} at {}", steps, x);
}
