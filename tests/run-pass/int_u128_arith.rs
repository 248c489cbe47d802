// Checks u128 arithmetic: wide multiplication, long division, modular exponentiation and formatting.
fn mul_mod(a: u128, b: u128, m: u128) -> u128 {
    // double-and-add so intermediate values never overflow for m < 2^127
    let mut result = 0u128;
    let mut a = a % m;
    let mut b = b;
    while b > 0 {
        if b & 1 == 1 {
            result = (result + a) % m;
        }
        a = (a * 2) % m;
        b >>= 1;
    }
    result
}

fn pow_mod(mut base: u128, mut exp: u128, m: u128) -> u128 {
    let mut result = 1u128;
    base %= m;
    while exp > 0 {
        if exp & 1 == 1 {
            result = mul_mod(result, base, m);
        }
        base = mul_mod(base, base, m);
        exp >>= 1;
    }
    result
}

fn main() {
    let x: u128 = u64::MAX as u128;
    println!("x*x = {}", x * x);
    println!("max = {}", u128::MAX);
    println!("max / 7 = {}, max % 7 = {}", u128::MAX / 7, u128::MAX % 7);
    let big: u128 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210;
    println!("big = {}", big);
    println!("big hex = {:x}", big);
    println!("big / 1e18 = {}", big / 1_000_000_000_000_000_000);
    println!("big % 1e18 = {}", big % 1_000_000_000_000_000_000);
    println!("big >> 64 = {}, big << 4 = {:#x}", big >> 64, big << 4);
    println!("big rotl 64 = {:#x}", big.rotate_left(64));
    println!("swap = {:#x}", big.swap_bytes());
    let p: u128 = (1 << 89) - 1; // Mersenne prime
    println!("2^(p-1) mod p = {}", pow_mod(2, p - 1, p));
    println!("3^100 mod p = {}", pow_mod(3, 100, p));
    let mut digits = 0;
    let mut v = u128::MAX;
    while v > 0 {
        v /= 10;
        digits += 1;
    }
    println!("digits of max = {}", digits);
    println!("isqrt = {}", (u64::MAX as u128 * u64::MAX as u128).isqrt());
    println!("parse = {:?}", "340282366920938463463374607431768211455".parse::<u128>());
}
