// `core::arch::wasm32` SIMD in `#[target_feature(enable = "simd128")]` functions: the generic
// `simd_*` intrinsics and the `llvm.wasm.*` ones behind them, computed element by element by our
// backend and with wasm SIMD instructions by LLVM; both must print the same.

use core::arch::wasm32::*;

#[target_feature(enable = "simd128")]
fn bytes(v: v128) -> [u8; 16] {
    let mut out = [0u8; 16];
    unsafe { v128_store(out.as_mut_ptr().cast(), v) };
    out
}

#[target_feature(enable = "simd128")]
fn from_bytes(b: &[u8; 16]) -> v128 {
    unsafe { v128_load(b.as_ptr().cast()) }
}

/// The position of the first `needle` in `haystack`, 16 bytes at a time (memchr's approach).
#[target_feature(enable = "simd128")]
fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    let splat = u8x16_splat(needle);
    let mut chunks = haystack.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        let block = unsafe { v128_load(chunk.as_ptr().cast()) };
        let equal = i8x16_eq(block, splat);
        if v128_any_true(equal) {
            return Some(offset + i8x16_bitmask(equal).trailing_zeros() as usize);
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == needle)
        .map(|i| offset + i)
}

#[target_feature(enable = "simd128")]
fn integers() {
    let a = i32x4(1, -2, 3, i32::MAX);
    let b = i32x4(10, 20, -30, 1);
    let sum = i32x4_add(a, b);
    let product = i32x4_mul(a, b);
    println!(
        "i32x4 add {:?} mul {:?}",
        [
            i32x4_extract_lane::<0>(sum),
            i32x4_extract_lane::<1>(sum),
            i32x4_extract_lane::<2>(sum),
            i32x4_extract_lane::<3>(sum)
        ],
        [
            i32x4_extract_lane::<0>(product),
            i32x4_extract_lane::<1>(product),
            i32x4_extract_lane::<2>(product),
            i32x4_extract_lane::<3>(product)
        ]
    );
    let shifted = i32x4_shl(a, 4);
    let logical = u32x4_shr(a, 28);
    let arithmetic = i32x4_shr(a, 28);
    println!("shl {:?}", bytes(shifted));
    println!("shr u {:?} s {:?}", bytes(logical), bytes(arithmetic));
    let less = i16x8_lt(i16x8(1, -1, 5, 0, 7, -8, 9, 10), i16x8_splat(3));
    println!(
        "i16x8 lt 3: bitmask {:#010b} all {} any {}",
        i16x8_bitmask(less),
        i16x8_all_true(less),
        v128_any_true(less)
    );
    let x = u8x16(250, 5, 128, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255);
    println!("u8 add_sat {:?}", bytes(u8x16_add_sat(x, u8x16_splat(10))));
    println!("i8 sub_sat {:?}", bytes(i8x16_sub_sat(x, i8x16_splat(100))));
    let replaced = i8x16_replace_lane::<3>(x, 42);
    println!(
        "lane 3 = {} lane 15 = {}",
        u8x16_extract_lane::<3>(replaced),
        u8x16_extract_lane::<15>(replaced)
    );
    let shuffled = i8x16_shuffle::<15, 14, 13, 12, 11, 10, 9, 8, 16, 17, 18, 19, 20, 21, 22, 23>(
        x,
        u8x16_splat(7),
    );
    println!("shuffle {:?}", bytes(shuffled));
    let mask = from_bytes(&[
        0xff, 0, 0xff, 0, 0xf0, 0x0f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80,
    ]);
    println!("and {:?}", bytes(v128_and(x, mask)));
    println!("or {:?}", bytes(v128_or(x, mask)));
    println!("xor {:?}", bytes(v128_xor(x, mask)));
    println!("not {:?}", bytes(v128_not(mask)));
}

#[target_feature(enable = "simd128")]
fn floats() {
    let a = f32x4(1.5, -2.25, 9.0, 0.5);
    let b = f32x4(0.5, 4.0, -3.0, 2.0);
    let lanes = |v: v128| {
        [
            f32x4_extract_lane::<0>(v),
            f32x4_extract_lane::<1>(v),
            f32x4_extract_lane::<2>(v),
            f32x4_extract_lane::<3>(v),
        ]
    };
    println!(
        "f32x4 add {:?} mul {:?} div {:?}",
        lanes(f32x4_add(a, b)),
        lanes(f32x4_mul(a, b)),
        lanes(f32x4_div(a, b))
    );
    println!(
        "sqrt {:?} abs {:?} neg {:?}",
        lanes(f32x4_sqrt(f32x4_abs(a))),
        lanes(f32x4_abs(a)),
        lanes(f32x4_neg(a))
    );
    println!("lt {:#06b}", i32x4_bitmask(f32x4_lt(a, b)));
    let converted = f32x4_convert_i32x4(i32x4(-7, 0, 100, 3));
    println!("convert {:?}", lanes(converted));
    let truncated = i32x4_trunc_sat_f32x4(f32x4(-7.9, 1e20, f32::NAN, 3.99));
    println!(
        "trunc_sat {:?}",
        [
            i32x4_extract_lane::<0>(truncated),
            i32x4_extract_lane::<1>(truncated),
            i32x4_extract_lane::<2>(truncated),
            i32x4_extract_lane::<3>(truncated)
        ]
    );
}

/// Float lanes as numbers: wasm leaves a NaN's sign bit open, its printing does not show it.
#[target_feature(enable = "simd128")]
fn f32_lanes(v: v128) -> [f32; 4] {
    [
        f32x4_extract_lane::<0>(v),
        f32x4_extract_lane::<1>(v),
        f32x4_extract_lane::<2>(v),
        f32x4_extract_lane::<3>(v),
    ]
}

#[target_feature(enable = "simd128")]
fn special() {
    let x = u8x16(250, 5, 128, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255);
    let indices = u8x16(15, 0, 1, 16, 200, 3, 3, 3, 2, 2, 14, 13, 12, 11, 10, 9);
    println!("swizzle {:?}", bytes(i8x16_swizzle(x, indices)));
    let mask = u8x16(0xf0, 0xff, 0, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    println!(
        "bitselect {:?}",
        bytes(v128_bitselect(x, u8x16_splat(0x55), mask))
    );
    println!("avgr u8 {:?}", bytes(u8x16_avgr(x, u8x16_splat(3))));
    println!(
        "avgr u16 {:?}",
        bytes(u16x8_avgr(
            u16x8(65535, 1, 2, 3, 4, 5, 6, 7),
            u16x8_splat(65535)
        ))
    );
    println!("extadd i8 {:?}", bytes(i16x8_extadd_pairwise_i8x16(x)));
    println!("extadd u8 {:?}", bytes(i16x8_extadd_pairwise_u8x16(x)));
    println!(
        "extadd i16 {:?}",
        bytes(i32x4_extadd_pairwise_i16x8(i16x8(
            -32768, -32768, 5, -7, 100, 200, 32767, 32767
        )))
    );
    let q = i16x8(-32768, 16384, -16384, 1000, 32767, -1, 0, 12345);
    let r = i16x8(-32768, 16384, 16384, -3000, 32767, -1, 5, -2);
    println!("q15mulr {:?}", bytes(i16x8_q15mulr_sat(q, r)));
    println!("dot {:?}", bytes(i32x4_dot_i16x8(q, r)));
    println!("popcnt {:?}", bytes(i8x16_popcnt(x)));
    let f = f32x4(2.5, -0.5, 3.5, -2.5);
    println!("nearest {:?}", bytes(f32x4_nearest(f)));
    println!("nearest f64 {:?}", bytes(f64x2_nearest(f64x2(0.5, 1.5))));
    let g = f32x4(f32::NAN, -0.0, 1.0, 7.0);
    println!(
        "min {:?}",
        f32_lanes(f32x4_min(g, f32x4(1.0, 0.0, -1.0, 7.5)))
    );
    println!(
        "max {:?}",
        f32_lanes(f32x4_max(g, f32x4(1.0, 0.0, -1.0, 7.5)))
    );
    println!(
        "pmin {:?}",
        f32_lanes(f32x4_pmin(g, f32x4(1.0, 0.0, -1.0, 7.5)))
    );
    println!("min f64 {:?}", {
        let min = f64x2_min(f64x2(-0.0, 3.0), f64x2(0.0, f64::NAN));
        [f64x2_extract_lane::<0>(min), f64x2_extract_lane::<1>(min)]
    });
    println!(
        "narrow {:?}",
        bytes(u8x16_narrow_i16x8(
            i16x8(-5, 300, 255, 7, 0, 1, 2, 3),
            i16x8(-1, 256, 128, 9, 10, 11, 12, 13)
        ))
    );
    println!("extend {:?}", bytes(i16x8_extend_low_i8x16(x)));
    println!("abs {:?}", bytes(i8x16_abs(x)));
    println!("u8 min {:?}", bytes(u8x16_min(x, u8x16_splat(100))));
}

fn main() {
    let text = b"a haystack of some length, where the needle is far: ...........................x!";
    println!(
        "find x: {:?}, find !: {:?}, find z: {:?}",
        find_byte(text, b'x'),
        find_byte(text, b'!'),
        find_byte(text, b'z')
    );
    integers();
    floats();
    special();
}
