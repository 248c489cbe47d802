// Checks LowerHex/UpperHex/Octal/Binary formatting of every integer width, with # and 0 flags.
fn main() {
    println!("{:x} {:X} {:o} {:b}", 255u8, 255u8, 255u8, 255u8);
    println!("{:x} {:b}", -1i8, -2i8);
    println!("{:#x} {:#X} {:#o} {:#b}", 48879u16, 48879u16, 8u16, 5u16);
    println!("{:x} {:o}", -32768i16, -1i16);
    println!("{:08x} {:#010x} {:#06b}", 0xbeefu32, 0xbeefu32, 3u32);
    println!("{:x} {:X}", -1i32, i32::MIN);
    println!("{:x} {:o}", u64::MAX, u64::MAX);
    println!("{:b}", i64::MIN);
    println!("{:x}", u128::MAX);
    println!("{:X}", i128::MIN);
    println!("{:#b}", 1u128 << 70);
    println!("{:x} {:#x}", 0usize, 4096usize);
    println!("[{:>8x}] [{:<8o}] [{:^#8b}]", 255, 8, 2);
    println!("[{:+x}] [{:+}]", 255, 255);
    println!("{:02x}{:02x}{:02x}", 1u8, 171u8, 255u8);
    let bytes = [0xdeu8, 0xad, 0xbe, 0xef];
    let hex: String = bytes.iter().map(|b| format!("{:02X}", b)).collect();
    println!("{}", hex);
    println!("{:?} {:x?} {:X?}", [10, 11], [10, 11], [250u8, 251]);
}
