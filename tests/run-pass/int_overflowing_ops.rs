// Checks overflowing_* integer operations returning (value, overflowed) and carry chains.
fn add_u64_pair(a: (u64, u64), b: (u64, u64)) -> (u64, u64, bool) {
    // (high, low) big-number addition with explicit carry propagation
    let (lo, carry) = a.1.overflowing_add(b.1);
    let (hi1, o1) = a.0.overflowing_add(b.0);
    let (hi, o2) = hi1.overflowing_add(carry as u64);
    (hi, lo, o1 || o2)
}

fn main() {
    println!("{:?} {:?}", 250u8.overflowing_add(10), 250u8.overflowing_add(5));
    println!("{:?} {:?}", 0u16.overflowing_sub(1), (-128i8).overflowing_neg());
    println!("{:?} {:?}", i32::MAX.overflowing_mul(2), 1000i32.overflowing_mul(1000));
    println!("{:?} {:?}", i32::MIN.overflowing_div(-1), i64::MIN.overflowing_rem(-1));
    println!("{:?} {:?}", 1u8.overflowing_shl(9), 1u64.overflowing_shr(64));
    println!("{:?} {:?}", 10u32.overflowing_pow(10), 3i128.overflowing_pow(80));
    println!("{:?}", u128::MAX.overflowing_add(u128::MAX));
    println!("{:?}", add_u64_pair((1, u64::MAX), (2, 1)));
    println!("{:?}", add_u64_pair((u64::MAX, u64::MAX), (0, 1)));
}
