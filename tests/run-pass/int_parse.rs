// Checks integer parsing for every width, radix parsing and ParseIntError messages.
use std::num::IntErrorKind;

fn show<T: std::fmt::Debug, E: std::fmt::Display>(label: &str, r: Result<T, E>) {
    match r {
        Ok(v) => println!("{}: ok {:?}", label, v),
        Err(e) => println!("{}: err {}", label, e),
    }
}

fn main() {
    show("u8 255", "255".parse::<u8>());
    show("u8 256", "256".parse::<u8>());
    show("i8 -128", "-128".parse::<i8>());
    show("i8 -129", "-129".parse::<i8>());
    show("u16", "65535".parse::<u16>());
    show("i16", "-32768".parse::<i16>());
    show("u32 +7", "+7".parse::<u32>());
    show("u32 -1", "-1".parse::<u32>());
    show("i32 abc", "abc".parse::<i32>());
    show("i32 empty", "".parse::<i32>());
    show("i32 minus", "-".parse::<i32>());
    show("i32 space", " 42".parse::<i32>());
    show("i32 zeros", "-000123".parse::<i32>());
    show("u64", "18446744073709551615".parse::<u64>());
    show("u64 over", "18446744073709551616".parse::<u64>());
    show("i64", "-9223372036854775808".parse::<i64>());
    show("i128", "-170141183460469231731687303715884105728".parse::<i128>());
    show("u128 over", "340282366920938463463374607431768211456".parse::<u128>());
    show("usize", "4000000000".parse::<usize>());
    show("isize", "-2000000000".parse::<isize>());

    show("hex", i32::from_str_radix("-ff", 16));
    show("bin", u8::from_str_radix("10110011", 2));
    show("oct", u16::from_str_radix("777", 8));
    show("b36", u64::from_str_radix("ZZz", 36));
    show("bad hex", u32::from_str_radix("12g", 16));

    let err = "99999".parse::<i16>().unwrap_err();
    println!("kind: {:?}, is overflow: {}", err.kind(), *err.kind() == IntErrorKind::PosOverflow);
    println!("debug: {:?}", "x1".parse::<u8>());

    let sum: i32 = "10 20 -5 x 7".split(' ').filter_map(|s| s.parse::<i32>().ok()).sum();
    println!("sum of valid: {}", sum);
    let all: Result<Vec<u8>, _> = "1,2,300".split(',').map(str::parse::<u8>).collect();
    println!("collect: {:?}", all);

    show("f64", "2.5e3".parse::<f64>());
    show("f64 bad", "2.5x".parse::<f64>());
    show("bool", "true".parse::<bool>());
    show("bool bad", "yes".parse::<bool>());
    show("char", "é".parse::<char>());
    show("char bad", "ab".parse::<char>());
}
