// Checks wrapping_* integer operations and the Wrapping newtype.
use std::num::Wrapping;

fn main() {
    println!("{} {}", 250u8.wrapping_add(10), 5u8.wrapping_sub(10));
    println!("{} {}", 127i8.wrapping_add(1), (-128i8).wrapping_neg());
    println!("{} {}", 300u16.wrapping_mul(300), i32::MIN.wrapping_div(-1));
    println!("{} {}", i32::MIN.wrapping_rem(-1), i32::MIN.wrapping_abs());
    println!("{} {}", 1u32.wrapping_shl(33), (-1i64).wrapping_shr(65));
    println!("{} {}", 3u64.wrapping_pow(41), u64::MAX.wrapping_mul(u64::MAX));
    println!("{}", u128::MAX.wrapping_add(2));
    println!("{}", i128::MIN.wrapping_sub(1));

    // FNV-1a hash relies on wrapping multiplication
    let mut hash: u32 = 0x811c9dc5;
    for b in "hello".bytes() {
        hash ^= b as u32;
        hash = hash.wrapping_mul(0x01000193);
    }
    println!("fnv1a(hello) = {:#010x}", hash);

    let mut w = Wrapping(200u8);
    w += Wrapping(100);
    w = w * Wrapping(3);
    // Debug of Wrapping is transparent: it prints just the inner value
    println!("Wrapping: {} {:?}", w, w - Wrapping(255));
    let sum: Wrapping<u16> = (0..1000u16).map(Wrapping).sum();
    println!("sum: {}", sum.0);
}
