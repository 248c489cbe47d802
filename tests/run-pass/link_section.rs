// `#[link_section = "NAME"]` statics: on wasm each becomes a custom section NAME holding its bytes
// (wasm-ld concatenates the sections of one name), and stays an ordinary static the program reads.
// custom-section: wasmrust.greeting=hello from a custom section
// custom-section: wasmrust.numbers=1234

#[used]
#[link_section = "wasmrust.greeting"]
static GREETING: [u8; 27] = *b"hello from a custom section";

#[used]
#[link_section = "wasmrust.numbers"]
static NUMBERS: [u8; 4] = [b'1', b'2', b'3', b'4'];

fn main() {
    println!("{}", std::str::from_utf8(&GREETING).unwrap());
    let sum: u32 = NUMBERS.iter().map(|digit| u32::from(digit - b'0')).sum();
    println!("digits sum to {sum}");
}
