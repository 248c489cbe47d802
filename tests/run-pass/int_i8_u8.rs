// Checks 8-bit integer arithmetic, division/remainder signs, shifts and casts.
fn main() {
    let a: u8 = 200;
    let b: u8 = 55;
    println!("u8: {} {} {} {} {}", a + b, a - b, a / b, a % b, b * 4);
    println!("u8 max/min: {} {}", u8::MAX, u8::MIN);
    println!("u8 shifts: {} {} {}", a >> 3, b << 2, 1u8 << 7);
    println!("u8 bits: {} {} {}", a & b, a | b, a ^ b);
    println!("u8 not: {}", !a);

    let c: i8 = -100;
    let d: i8 = 7;
    println!("i8: {} {} {} {} {}", c + d, c - d, c / d, c % d, d * -18);
    println!("i8 max/min: {} {}", i8::MAX, i8::MIN);
    println!("i8 neg div: {} {} {} {}", -7i8 / 2, -7i8 % 2, 7i8 / -2, 7i8 % -2);
    println!("i8 euclid: {} {}", (-7i8).div_euclid(2), (-7i8).rem_euclid(2));
    println!("i8 shr arith: {} {}", c >> 2, i8::MIN >> 7);
    println!("i8 abs: {} {}", c.abs(), (-1i8).signum());

    // casts between widths
    println!("casts: {} {} {} {}", 300i32 as u8, -1i8 as u8, 200u8 as i8, -56i8 as u32);
    println!("sign extend: {} {}", -2i8 as i64, 254u8 as i8 as i64);
    println!("u8 as char: {}", 65u8 as char);
    println!("pow: {} {}", 3u8.pow(5), (-2i8).pow(7));
}
