// Checks decimal formatting of extreme integer values with width, sign and zero padding.
fn with_commas(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn main() {
    println!("{}", u64::MAX);
    println!("{}", i64::MIN);
    println!("{}", i128::MIN);
    println!("{}", i128::MAX);
    println!("{}", u128::MAX);
    println!("{:>45}|", i128::MIN);
    println!("{:<42}|", u128::MAX);
    println!("{:+}", i128::MAX);
    println!("{:025}", i64::MIN);
    println!("{:+025}", u64::MAX);
    println!("{:^30}|", u32::MAX);
    println!("{}", with_commas(u64::MAX as u128));
    println!("{}", with_commas(u128::MAX));
    println!("{}", with_commas(999));
    println!("{:?}", (i8::MIN, i16::MIN, i32::MIN, i64::MIN));
    println!("{:?}", (u8::MAX, u16::MAX, u32::MAX));
    println!("{}", 10u128.pow(38));
    println!("{}", -(10i128.pow(38)));
    let s = format!("{}{}", u64::MAX, u64::MAX);
    println!("{} chars", s.len());
}
