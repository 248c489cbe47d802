// Checks that shifting by at least the bit width panics when overflow checks are on.
fn mask(bits: u32) -> u32 {
    (1u32 << bits) - 1
}

fn main() {
    for bits in [0, 1, 8, 31] {
        println!("mask({}) = {:#x}", bits, mask(bits));
    }
    println!("wrapping_shl(32) = {}", 1u32.wrapping_shl(32));
    println!("checked_shl(32) = {:?}", 1u32.checked_shl(32));
    let bits = "32".parse::<u32>().unwrap();
    println!("mask({}) = {:#x}", bits, mask(bits));
}
