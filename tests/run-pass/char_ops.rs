// Checks char: code points, from_u32, case mapping, classification, digits, UTF-8/16 lengths and escapes.
fn main() {
    println!("{} {} {}", 'A' as u32, 'é' as u32, '😀' as u32);
    println!("{:?} {:?} {:?}", char::from_u32(0x41), char::from_u32(0xD800), char::from_u32(0x110000));
    println!("{:?} {:?}", char::from_u32(0x1F980), std::char::from_digit(11, 16));
    println!("{} {}", 233u8 as char, (b'a' + 2) as char);
    println!("upper: {} {} {} {}", 'a'.to_uppercase(), 'ß'.to_uppercase(), 'é'.to_uppercase(), '1'.to_uppercase());
    println!("lower: {} {} {}", 'Q'.to_lowercase(), 'Σ'.to_lowercase(), 'Ä'.to_lowercase());
    println!("ascii case: {} {} {}", 'm'.to_ascii_uppercase(), 'é'.to_ascii_uppercase(), 'Z'.to_ascii_lowercase());
    println!("upper count: {}", 'ﬃ'.to_uppercase().count());
    for c in ['a', 'Z', '7', ' ', 'é', '中', '٣', '_', '\n'] {
        println!(
            "{:?}: alpha={} num={} alnum={} ws={} upper={} lower={} ascii={} ctrl={}",
            c,
            c.is_alphabetic(),
            c.is_numeric(),
            c.is_alphanumeric(),
            c.is_whitespace(),
            c.is_uppercase(),
            c.is_lowercase(),
            c.is_ascii(),
            c.is_control()
        );
    }
    println!("digits: {:?} {:?} {:?} {:?} {:?}", '9'.to_digit(10), 'f'.to_digit(16), 'g'.to_digit(16), 'Z'.to_digit(36), '٣'.to_digit(10));
    println!("len: {} {} {} {}", 'a'.len_utf8(), 'é'.len_utf8(), '€'.len_utf8(), '😀'.len_utf8());
    println!("utf16: {} {}", 'é'.len_utf16(), '😀'.len_utf16());
    let mut buf = [0u8; 4];
    let s = '€'.encode_utf8(&mut buf);
    println!("encode: {} {:?}", s, s.as_bytes());
    let mut wide = [0u16; 2];
    println!("encode16: {:x?}", '😀'.encode_utf16(&mut wide));
    println!("escape_debug: {} {} {} {} {}", '\n'.escape_debug(), '"'.escape_debug(), '\''.escape_debug(), 'é'.escape_debug(), '\u{301}'.escape_debug());
    println!("escape_default: {} {} {}", 'é'.escape_default(), '\t'.escape_default(), 'a'.escape_default());
    println!("escape_unicode: {}", 'a'.escape_unicode());
    println!("debug: {:?} {:?} {:?} {:?}", '\t', '\'', '"', '\u{7f}');
    println!("range: {}", ('a'..='e').collect::<String>());
    println!("rev range: {:?}", ('x'..='z').rev().collect::<Vec<char>>());
    println!("cmp: {} {} {:?}", 'a' < 'b', 'Z' < 'a', char::MAX);
    let caesar: String = "Hello, World".chars().map(|c| {
        if c.is_ascii_lowercase() {
            (((c as u8 - b'a' + 3) % 26) + b'a') as char
        } else if c.is_ascii_uppercase() {
            (((c as u8 - b'A' + 3) % 26) + b'A') as char
        } else {
            c
        }
    }).collect();
    println!("caesar: {}", caesar);
}
