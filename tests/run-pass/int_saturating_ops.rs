// Checks saturating_* integer operations at both ends of each width.
fn main() {
    println!("{} {}", 250u8.saturating_add(10), 5u8.saturating_sub(10));
    println!("{} {}", 100i8.saturating_add(100), (-100i8).saturating_sub(100));
    println!("{} {}", (-100i8).saturating_mul(2), 100i8.saturating_mul(-2));
    println!("{} {}", 1000u16.saturating_mul(1000), i16::MIN.saturating_neg());
    println!("{} {}", i32::MAX.saturating_add(1), i32::MIN.saturating_abs());
    println!("{} {}", 2u32.saturating_pow(40), (-2i32).saturating_pow(33));
    println!("{} {}", u64::MAX.saturating_add(u64::MAX), 0u64.saturating_sub(1));
    println!("{} {}", i64::MIN.saturating_div(-1), i64::MAX.saturating_mul(2));
    println!("{} {}", u128::MAX.saturating_add(1), i128::MIN.saturating_sub(1));
    println!("{}", 5usize.saturating_sub(9));
    println!("{} {}", 200u8.saturating_add_signed(-100), 200u8.saturating_add_signed(100));
    // a clamped volume control
    let mut volume: u8 = 240;
    for step in [10i8, 10, -50, -120, -120, 30] {
        volume = volume.saturating_add_signed(step);
        print!("{} ", volume);
    }
    println!();
}
