// Checks float<->int `as` casts: truncation, saturation at bounds, NaN to zero, and int-to-float rounding.
fn main() {
    println!("{} {} {} {}", 2.9f64 as i32, -2.9f64 as i32, 0.999f32 as u8, -0.999f32 as u8);
    println!("{} {} {}", 300.0f64 as u8, -5.0f64 as u8, 255.9f32 as u8);
    println!("{} {}", 1e10f64 as i32, -1e10f64 as i32);
    println!("{} {}", f64::NAN as i32, f32::NAN as u64);
    println!("{} {}", f64::INFINITY as i64, f64::NEG_INFINITY as i64);
    println!("{} {}", f32::INFINITY as u128, f64::NEG_INFINITY as i128);
    println!("{} {}", 1e40f64 as u128, -1e40f64 as i128);
    println!("{} {}", 1e20f64 as u64, 1.8e19f64 as u64);
    println!("{} {}", 9.2e18f64 as i64, -9.3e18f64 as i64);
    println!("{} {}", 2147483647.5f64 as i32, 4294967295.9f64 as u32);
    println!("{} {}", 128.0f32 as i8, -129.0f32 as i8);
    println!("{} {}", 65535.5f32 as u16, 40000.0f32 as i16);
    println!("{} {}", 1e30f32 as i128, 3.0e38f32 as u128);

    println!("{} {}", i64::MAX as f64, u64::MAX as f32);
    println!("{} {}", 16777217i32 as f32, 16777219i32 as f32);
    println!("{} {}", 9007199254740993i64 as f64, -9007199254740993i64 as f64);
    println!("{} {}", u128::MAX as f64, u128::MAX as f32);
    println!("{} {}", i128::MIN as f64, i128::MIN as f32);
    println!("{} {} {}", u8::MAX as f32, i8::MIN as f64, u32::MAX as f32);
    println!("{} {}", f64::MAX as f32, 1e-46f64 as f32);

    let values = [0.5f64, 1.5, 2.5, -0.5, -1.5];
    let rounded: Vec<i32> = values.iter().map(|v| v.round() as i32).collect();
    let truncated: Vec<i32> = values.iter().map(|&v| v as i32).collect();
    println!("{:?} {:?}", rounded, truncated);
    let pct = |part: u32, whole: u32| (part as f64 / whole as f64 * 100.0) as u32;
    println!("{}% {}%", pct(1, 3), pct(2, 3));
}
