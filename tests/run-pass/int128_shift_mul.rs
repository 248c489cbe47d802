// 128-bit shifts, multiplication (wrapping and checked), division and float conversion over edge values.
use std::hint::black_box as bb;
fn main() {
    let vals: [u128; 6] = [0, 1, 0xffff_ffff_ffff_ffff, 0x8000_0000_0000_0000_0000_0000_0000_0001, u128::MAX, 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210];
    let mut h = 0u128;
    for &a in &vals {
        for n in [0u32, 1, 31, 63, 64, 65, 100, 127] {
            let a = bb(a); let n = bb(n);
            h = h.wrapping_mul(31).wrapping_add(a << n).wrapping_add(a >> n).wrapping_add(((a as i128) >> n) as u128);
        }
        for &b in &vals {
            h = h.wrapping_mul(31) ^ bb(a).wrapping_mul(bb(b));
            h = h.wrapping_add((bb(a) as i128).wrapping_mul(bb(b) as i128) as u128);
            if b != 0 { h ^= a / b + a % b; }
            h = h.wrapping_add(bb(a).checked_mul(bb(b)).unwrap_or(7));
            h = h.wrapping_add((bb(a) as i128).checked_mul(bb(b) as i128).unwrap_or(9) as u128);
        }
        h ^= (a as f64) as u128;
    }
    println!("{h:x}");
}
