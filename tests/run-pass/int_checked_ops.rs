// Checks checked_* integer operations across widths, returning Option.
fn main() {
    println!("{:?} {:?}", 250u8.checked_add(5), 250u8.checked_add(6));
    println!("{:?} {:?}", 5u8.checked_sub(6), (-128i8).checked_sub(1));
    println!("{:?} {:?}", 300u16.checked_mul(218), 300u16.checked_mul(219));
    println!("{:?} {:?}", 10i32.checked_div(0), i32::MIN.checked_div(-1));
    println!("{:?} {:?}", 10i32.checked_rem(3), i32::MIN.checked_rem(-1));
    println!("{:?} {:?}", i64::MIN.checked_neg(), 5i64.checked_neg());
    println!("{:?} {:?}", 1u32.checked_shl(31), 1u32.checked_shl(32));
    println!("{:?} {:?}", 2u64.checked_pow(63), 2u64.checked_pow(64));
    println!("{:?} {:?}", i128::MAX.checked_add(1), u128::MAX.checked_sub(u128::MAX));
    println!("{:?} {:?}", (-5i16).checked_abs(), i16::MIN.checked_abs());
    println!("{:?}", 7usize.checked_sub(8));
    let total = [100u8, 100, 50].iter().try_fold(0u8, |acc, &x| acc.checked_add(x));
    let over = [100u8, 100, 56].iter().try_fold(0u8, |acc, &x| acc.checked_add(x));
    println!("{:?} {:?}", total, over);
    match 200u8.checked_mul(2) {
        Some(v) => println!("fits: {}", v),
        None => println!("overflow detected"),
    }
}
