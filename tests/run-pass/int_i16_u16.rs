// Checks 16-bit integer arithmetic, byte order conversions and mixed-width casts.
fn main() {
    let a: u16 = 60000;
    let b: u16 = 5535;
    println!("u16: {} {} {} {}", a + b, a - b, a / b, a % b);
    println!("u16 max: {}", u16::MAX);
    println!("u16 mul: {}", 255u16 * 257);
    println!("u16 swap: {:#06x} {:#06x}", 0x1234u16.swap_bytes(), 0xabcdu16.rotate_left(4));
    println!("u16 bytes: {:?} {:?}", 0x1234u16.to_be_bytes(), 0x1234u16.to_le_bytes());
    println!("u16 from bytes: {}", u16::from_le_bytes([0x34, 0x12]));

    let c: i16 = -30000;
    let d: i16 = 123;
    println!("i16: {} {} {} {}", c + d, c - d * 10, c / d, c % d);
    println!("i16 min/max: {} {}", i16::MIN, i16::MAX);
    println!("i16 shr: {} {}", c >> 4, (c as u16) >> 4);
    println!("i16 cast: {} {} {}", 40000u16 as i16, -1i16 as u16, 70000i32 as i16);
    println!("i16 widen: {} {}", c as i32 * 2, (c as i64).pow(2));
    println!("i16 leading: {} {}", 1i16.leading_zeros(), (-1i16).count_ones());
}
