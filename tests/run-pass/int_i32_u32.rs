// Checks 32-bit integer arithmetic, bit manipulation and sign handling.
fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn main() {
    let a: u32 = 4_000_000_000;
    let b: u32 = 294_967_295;
    println!("u32: {} {} {} {}", a + b, a - b, a / 7, a % 7);
    println!("u32 max: {}", u32::MAX);
    println!("u32 mul: {}", 65535u32 * 65537);
    println!("gcd: {} {}", gcd(1071, 462), gcd(17, 5));
    println!("bits: {} {} {} {}", a.count_ones(), a.leading_zeros(), a.trailing_zeros(), 1u32.leading_zeros());
    println!("rotate: {:#x} {:#x}", 0x12345678u32.rotate_left(8), 0x12345678u32.rotate_right(4));
    println!("reverse: {:#x}", 1u32.reverse_bits());
    println!("pow2: {} {} {}", 17u32.is_power_of_two(), 64u32.is_power_of_two(), 17u32.next_power_of_two());

    let c: i32 = -2_000_000_000;
    let d: i32 = 1_000_000;
    println!("i32: {} {} {} {}", c + d, c - d * 100, c / -3, c % -3);
    println!("i32 min/max: {} {}", i32::MIN, i32::MAX);
    println!("i32 abs_diff: {} {}", c.abs_diff(d), i32::MIN.unsigned_abs());
    println!("i32 shifts: {} {} {}", c >> 10, (c as u32) >> 10, -1i32 << 31);
    println!("i32 casts: {} {} {}", c as u32, 3_000_000_000u32 as i32, -5i32 as u8);
    println!("i32 isqrt-ish: {}", (1..50).filter(|x| x * x <= 2000).max().unwrap());
    let mut acc: i32 = 1;
    for i in 1..=12 {
        acc *= i;
    }
    println!("12! = {}", acc);
}
