// Checks ASCII helpers on u8, char and str: is_ascii_* classes, case conversion, to_digit/from_digit and a hand-written number parser.
fn classify(b: u8) -> String {
    let mut classes = Vec::new();
    if b.is_ascii_alphabetic() { classes.push("alpha"); }
    if b.is_ascii_uppercase() { classes.push("upper"); }
    if b.is_ascii_lowercase() { classes.push("lower"); }
    if b.is_ascii_digit() { classes.push("digit"); }
    if b.is_ascii_hexdigit() { classes.push("hex"); }
    if b.is_ascii_alphanumeric() { classes.push("alnum"); }
    if b.is_ascii_punctuation() { classes.push("punct"); }
    if b.is_ascii_graphic() { classes.push("graphic"); }
    if b.is_ascii_whitespace() { classes.push("space"); }
    if b.is_ascii_control() { classes.push("control"); }
    if !b.is_ascii() { classes.push("non-ascii"); }
    classes.join(",")
}

fn parse_radix(s: &str, radix: u32) -> Option<u64> {
    let mut acc: u64 = 0;
    if s.is_empty() {
        return None;
    }
    for c in s.chars() {
        let d = c.to_digit(radix)? as u64;
        acc = acc.checked_mul(radix as u64)?.checked_add(d)?;
    }
    Some(acc)
}

fn to_radix(mut n: u64, radix: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(std::char::from_digit((n % radix as u64) as u32, radix).unwrap());
        n /= radix as u64;
    }
    digits.iter().rev().collect()
}

fn main() {
    for b in [b'a', b'Z', b'7', b'f', b'G', b' ', b'\t', b'!', b'~', 0x7f, 0x00, 0xe9] {
        println!("{:#04x} {:?}: {}", b, b as char, classify(b));
    }
    println!("{} {}", b'q'.to_ascii_uppercase() as char, b'Q'.to_ascii_lowercase() as char);
    println!("{} {}", b'q'.eq_ignore_ascii_case(&b'Q'), "WASM".eq_ignore_ascii_case("wasm"));
    let mut bytes = *b"Hello, World 123";
    bytes.make_ascii_uppercase();
    println!("{}", String::from_utf8_lossy(&bytes));
    bytes.make_ascii_lowercase();
    println!("{}", std::str::from_utf8(&bytes).unwrap());
    println!("{} {}", "MiXeD ÄÖ".to_ascii_lowercase(), "MiXeD äö".to_ascii_uppercase());
    println!("{} {}", "plain".is_ascii(), "naïve".is_ascii());
    println!("escape {}", b"\x00tab\t\"q\"\xff".escape_ascii());
    println!("{:?}", b"bytes\n");
    println!("digits {:?}", "0123456789abcdefxyz".chars().map(|c| c.to_digit(16)).collect::<Vec<_>>());
    println!("to_digit radix {:?} {:?} {:?}", 'z'.to_digit(36), '7'.to_digit(8), '8'.to_digit(8));
    println!("from_digit {:?} {:?} {:?}", std::char::from_digit(9, 10), std::char::from_digit(35, 36), std::char::from_digit(10, 10));
    println!("parse {:?} {:?} {:?} {:?}", parse_radix("ff", 16), parse_radix("777", 8), parse_radix("12a", 10), parse_radix("zzzzzzzzzzzzzz", 36));
    println!("to_radix {} {} {} {}", to_radix(255, 2), to_radix(255, 16), to_radix(u64::MAX, 36), to_radix(0, 7));
    let word_digits: u32 = "a1b2c3d4".chars().filter_map(|c| c.to_digit(10)).sum();
    println!("digit sum {}", word_digits);
    let trimmed = "  \t padded \n".trim_ascii();
    println!("[{}]", trimmed);
    let counts = "Hello, World! 42".bytes().fold([0usize; 4], |mut acc, b| {
        if b.is_ascii_uppercase() { acc[0] += 1; }
        if b.is_ascii_lowercase() { acc[1] += 1; }
        if b.is_ascii_digit() { acc[2] += 1; }
        if b.is_ascii_punctuation() { acc[3] += 1; }
        acc
    });
    println!("upper/lower/digit/punct {:?}", counts);
    let rot13: String = "Hello, Wasm!".chars().map(|c| match c {
        'a'..='z' => (((c as u8 - b'a' + 13) % 26) + b'a') as char,
        'A'..='Z' => (((c as u8 - b'A' + 13) % 26) + b'A') as char,
        _ => c,
    }).collect();
    println!("rot13 {}", rot13);
}
