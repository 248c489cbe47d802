// f16 and f128: arithmetic, comparisons with NaN, conversions, sign operations and math.
#![feature(f16, f128)]

use std::hint::black_box as bb;

fn show16(label: &str, x: f16) {
    println!("{label}: {:#06x} {}", x.to_bits(), x as f64);
}

fn show128(label: &str, x: f128) {
    println!("{label}: {:#034x} {}", x.to_bits(), x as f64);
}

fn compare16(a: f16, b: f16) -> [bool; 6] {
    [a == b, a != b, a < b, a <= b, a > b, a >= b]
}

fn compare128(a: f128, b: f128) -> [bool; 6] {
    [a == b, a != b, a < b, a <= b, a > b, a >= b]
}

fn main() {
    let (a, b) = (bb(1.5f16), bb(-0.375f16));
    show16("f16 add", a + b);
    show16("f16 sub", a - b);
    show16("f16 mul", a * b);
    show16("f16 div", a / b);
    show16("f16 rem", bb(7.25f16) % bb(2.0f16));
    show16("f16 neg", -a);
    show16("f16 abs", b.abs());
    show16("f16 copysign", a.copysign(b));
    show16("f16 overflow", bb(60000.0f16) * bb(2.0f16));
    show16("f16 tiny", bb(6.0e-8f16) / bb(4.0f16));
    show16("f16 sqrt", bb(2.0f16).sqrt());
    show16("f16 floor", bb(-2.5f16).floor());
    show16("f16 round", bb(2.5f16).round());
    show16("f16 mul_add", bb(1.001f16).mul_add(bb(3.0f16), bb(-3.0f16)));
    show16("f16 powi", bb(1.5f16).powi(bb(5)));
    show16("f16 max", bb(1.0f16).max(bb(f16::NAN)));
    show16("f16 from f64", bb(1.0e-3f64) as f16);
    show16("f16 from f32", bb(65519.0f32) as f16);
    show16("f16 from i64", bb(-1234567i64) as f16);
    show16("f16 from u16", bb(2049u16) as f16);
    show16("f16 from u128", bb(40000u128) as f16);
    println!("f16 to f32: {}", bb(0.1f16) as f32);
    println!("f16 to i8: {} {} {}", bb(300.0f16) as i8, bb(-300.0f16) as i8, bb(f16::NAN) as i8);
    println!("f16 to u32: {} {}", bb(65504.0f16) as u32, bb(-1.0f16) as u32);
    println!("f16 to i128: {}", bb(-65504.0f16) as i128);
    println!("f16 cmp: {:?}", compare16(a, b));
    println!("f16 cmp nan: {:?}", compare16(a, bb(f16::NAN)));
    println!("f16 partial_cmp: {:?}", a.partial_cmp(&bb(f16::NAN)));
    println!("f16 total_cmp: {:?}", bb(-0.0f16).total_cmp(&bb(0.0f16)));
    println!("f16 parse: {:?}", "3.140625".parse::<f16>().map(|x| x.to_bits()));
    println!("f16 display: {} {:?} {:e}", bb(0.333f16), bb(-1.5e4f16), bb(1.0e-5f16));

    let (c, d) = (bb(1.5f128), bb(-0.1f128));
    show128("f128 add", c + d);
    show128("f128 sub", c - d);
    show128("f128 mul", c * d);
    show128("f128 div", c / d);
    show128("f128 rem", bb(7.25f128) % bb(2.0f128));
    show128("f128 neg", -c);
    show128("f128 abs", d.abs());
    show128("f128 copysign", c.copysign(d));
    show128("f128 mul_add", bb(0.1f128).mul_add(bb(10.0f128), bb(-1.0f128)));
    show128("f128 powi", bb(1.5f128).powi(bb(-3)));
    show128("f128 from f64", bb(0.1f64) as f128);
    show128("f128 from f32", bb(-2.75f32) as f128);
    show128("f128 from f16", bb(0.1f16) as f128);
    show128("f128 from i8", bb(-128i8) as f128);
    show128("f128 from u64", bb(u64::MAX) as f128);
    show128("f128 from i128", bb(i128::MIN) as f128);
    show16("f16 from f128", bb(0.1f128) as f16);
    println!("f128 to f32: {}", bb(0.1f128) as f32);
    println!("f128 to i8: {} {} {}", bb(300.0f128) as i8, bb(-300.5f128) as i8, bb(f128::NAN) as i8);
    println!("f128 to u16: {} {}", bb(70000.0f128) as u16, bb(-5.0f128) as u16);
    println!("f128 to i64: {} {}", bb(-9.5e18f128) as i64, bb(1.0e30f128) as i64);
    println!("f128 to u128: {} {}", bb(1.0e30f128) as u128, bb(1.0e40f128) as u128);
    println!("f128 cmp: {:?}", compare128(c, d));
    println!("f128 cmp eq: {:?}", compare128(c, bb(1.5f128)));
    println!("f128 cmp nan: {:?}", compare128(bb(f128::NAN), c));
    println!("f128 partial_cmp: {:?}", c.partial_cmp(&bb(f128::NAN)));
    // No f128::min/max here: LLVM 22 crashes lowering fminnum on fp128 for wasm32.
    println!("f128 consts: {:#x} {:#x}", f128::MAX.to_bits(), f128::EPSILON.to_bits());
}
