// Checks UTF-8 handling: multi-byte chars, byte vs char lengths, char_indices, boundaries, from_utf8 errors and lossy decoding.
fn main() {
    let s = "héllo wörld → 日本語 😀!";
    println!("bytes {} chars {}", s.len(), s.chars().count());
    for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
        println!("  {} at {} ({} bytes, U+{:04X})", c, i, c.len_utf8(), c as u32);
    }
    println!("rev: {}", s.chars().rev().collect::<String>());
    println!("upper: {}", s.to_uppercase());
    println!("boundary: {} {} {}", s.is_char_boundary(1), s.is_char_boundary(2), s.is_char_boundary(3));
    println!("get mid-char: {:?} {:?}", s.get(0..2), s.get(0..3));
    let start = s.find('日').unwrap();
    let end = start + '日'.len_utf8() * 3;
    println!("slice {}..{} = {}", start, end, &s[start..end]);
    println!("nth char: {:?} {:?}", s.chars().nth(7), s.chars().nth(100));
    println!("bytes of é: {:x?}", "é".as_bytes());
    println!("bytes of 😀: {:?}", "😀".bytes().collect::<Vec<_>>());
    let utf16: Vec<u16> = "a😀".encode_utf16().collect();
    println!("utf16: {:x?}", utf16);
    println!("from_utf16: {:?}", String::from_utf16(&utf16));
    println!("from_utf16 bad: {}", String::from_utf16(&[0xd800]).is_err());

    let good = vec![0xe2, 0x82, 0xac, 0x31];
    println!("from_utf8 ok: {:?}", String::from_utf8(good));
    let bad = vec![b'a', 0xff, b'b', 0xe2, 0x82];
    match std::str::from_utf8(&bad) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("from_utf8 err: valid_up_to {} error_len {:?} msg: {}", e.valid_up_to(), e.error_len(), e),
    }
    let euro = "€".as_bytes();
    let e = std::str::from_utf8(&euro[..2]).unwrap_err();
    println!("truncated: valid_up_to {} error_len {:?}", e.valid_up_to(), e.error_len());
    println!("lossy: {}", String::from_utf8_lossy(&bad));
    println!("lossy len: {}", String::from_utf8_lossy(&bad).len());

    let mut owned = String::from("añb");
    owned.insert(1, 'ü');
    owned.push('ß');
    println!("{} len {} pop {:?} then {}", owned, owned.len(), owned.clone().pop(), owned.len());
    let removed = owned.remove(3);
    println!("removed {} -> {}", removed, owned);
    let truncated: String = "日本語テキスト".chars().take(3).collect();
    println!("first three chars: {}", truncated);
    let width_padded = format!("[{:>6}] [{:-<6}]", "日本", "ñ");
    println!("{}", width_padded);
    let word_lengths: Vec<(usize, usize)> = "añ 日本 x".split(' ').map(|w| (w.len(), w.chars().count())).collect();
    println!("{:?}", word_lengths);
    println!("{:?}", "Grüße, Jürgen ❤".escape_unicode().to_string().len());
    println!("{}", "tschüß".escape_default());
    println!("{}", "tschüß\u{301}\n".escape_debug());
    let mut chars_sorted: Vec<char> = "zäa😀b".chars().collect();
    chars_sorted.sort();
    println!("{:?}", chars_sorted);
    println!("{}", "ǅungla".to_lowercase());
    println!("{}", "ὈΔΥΣΣΕΎΣ".to_lowercase());
}
