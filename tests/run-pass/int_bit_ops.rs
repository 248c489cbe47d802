// Checks bit-manipulation intrinsics on every width: count_ones/zeros, leading/trailing zeros, rotate, swap_bytes, reverse_bits, byte conversions, ilog.
macro_rules! bits_report {
    ($t:ty, $v:expr) => {{
        let v: $t = $v;
        println!(
            "{:<5} {:>40}: ones {:>3} lz {:>3} tz {:>3} rotl3 {:#x} swap {:#x} rev {:#x}",
            stringify!($t),
            v,
            v.count_ones(),
            v.leading_zeros(),
            v.trailing_zeros(),
            v.rotate_left(3),
            v.swap_bytes(),
            v.reverse_bits()
        );
    }};
}

fn main() {
    bits_report!(u8, 0b1001_0110);
    bits_report!(i8, -100);
    bits_report!(u16, 0x1234);
    bits_report!(i16, -2);
    bits_report!(u32, 0xdead_beef);
    bits_report!(i32, i32::MIN);
    bits_report!(u64, 0x0123_4567_89ab_cdef);
    bits_report!(i64, -1);
    bits_report!(u128, 0x1_0000_0000_0000_0000_0000_0001);
    bits_report!(i128, i128::MIN + 1);
    bits_report!(u32, 0);
    println!("count_zeros {} {} {}", 0u8.count_zeros(), u64::MAX.count_zeros(), 1u128.count_zeros());
    println!("leading/trailing ones {} {} {}", 0xf0u8.leading_ones(), 0x0fu8.trailing_ones(), (-1i64).leading_ones());
    println!("ilog2 {} {} {} ilog10 {} {} {}", 1u8.ilog2(), 1000u32.ilog2(), u128::MAX.ilog2(), 999u16.ilog10(), 1000u64.ilog10(), u128::MAX.ilog10());
    println!("checked_ilog2(0) {:?} ilog(3^20, 3) {}", 0u32.checked_ilog2(), 3486784401u64.ilog(3));
    println!("be {:x?} le {:x?}", 0x0102_0304_0506_0708u64.to_be_bytes(), (-2i32).to_le_bytes());
    println!("from_be {:#x} from_le {}", u32::from_be_bytes([0xde, 0xad, 0xbe, 0xef]), i16::from_le_bytes([0xfe, 0xff]));
    let wide = u128::from_be_bytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    println!("u128 from_be {:#x} to_le {:?}", wide, &wide.to_le_bytes()[..4]);
    println!("to_be/from_be {:#x} {:#x}", 0x1234u16.to_be(), u32::from_be(0x78563412));
    println!("pow {} {} {}", 2u128.pow(127), (-3i64).pow(39), 7u8.pow(2));
    println!("isqrt {} {} abs_diff {} {}", 99u32.isqrt(), u64::MAX.isqrt(), 3u8.abs_diff(250), (-100i8).abs_diff(100));
    println!("div_ceil {} next_multiple_of {} {}", 7u32.div_ceil(2), 13u64.next_multiple_of(8), 16u16.next_multiple_of(8));
    println!("is_power_of_two {} {} checked_next_power_of_two {:?} {:?}", 1u64.is_power_of_two(), 0u64.is_power_of_two(), 200u8.checked_next_power_of_two(), 100u8.checked_next_power_of_two());
    let mut x = 0xffu32;
    let mut popcounts = Vec::new();
    while x != 0 {
        popcounts.push(x.count_ones());
        x &= x - 1;
    }
    println!("clear lowest bit {:?}", popcounts);
    let gray: Vec<u8> = (0u8..8).map(|i| i ^ (i >> 1)).collect();
    println!("gray {:?}", gray.iter().map(|g| format!("{:03b}", g)).collect::<Vec<_>>());
    let parity = |v: u64| v.count_ones() % 2;
    println!("parity {} {}", parity(0b1011), parity(u64::MAX));
}
