// Portable SIMD (`std::simd`, nightly): reductions, comparisons to bitmasks, select, casts,
// rotations and saturating arithmetic, element by element in our backend; LLVM prints the same.

#![feature(portable_simd)]
use std::simd::prelude::*;

fn main() {
    let a = i32x8::from_array([1, -2, 3, 4, 5, -6, 7, 8]);
    let b = i32x8::splat(3);
    println!(
        "sum {} product {} max {} min {}",
        a.reduce_sum(),
        a.reduce_product(),
        a.reduce_max(),
        a.reduce_min()
    );
    println!(
        "and {} or {} xor {}",
        a.reduce_and(),
        a.reduce_or(),
        a.reduce_xor()
    );
    let gt = a.simd_gt(b);
    println!(
        "gt bitmask {:#010b} any {} all {}",
        gt.to_bitmask(),
        gt.any(),
        gt.all()
    );
    println!("select {:?}", gt.select(a, b).to_array());
    let f = f32x4::from_array([1.5, 2.5, -0.25, 4.0]);
    println!(
        "fsum {} fmax {} abs {:?} neg {:?}",
        f.reduce_sum(),
        f.reduce_max(),
        f.abs().to_array(),
        (-f).to_array()
    );
    let c: u8x8 = a.cast::<u8>().resize::<8>(0);
    println!(
        "cast {:?} rotate {:?}",
        c.to_array(),
        a.rotate_elements_left::<3>().to_array()
    );
    println!(
        "sat {:?}",
        u8x4::from_array([250, 1, 2, 255])
            .saturating_add(u8x4::splat(10))
            .to_array()
    );
    let m = f32x4::from_array([1.0, f32::NAN, -3.0, 0.5]);
    println!(
        "simd_min {:?} simd_max {:?}",
        m.simd_min(f).to_array(),
        m.simd_max(f).to_array()
    );
    let picked = mask32x4::from_bitmask(0b1010).select(i32x4::splat(1), i32x4::splat(0));
    println!("from_bitmask {:?}", picked.to_array());
    println!(
        "count_ones {:?}",
        u8x4::from_array([0, 1, 255, 0x70]).count_ones().to_array()
    );
    let wide =
        u8x64::from_array(core::array::from_fn(|i| (i * 7 % 64) as u8)).simd_gt(u8x64::splat(40));
    println!(
        "64-lane bitmask {:#018x} count {}",
        wide.to_bitmask(),
        wide.to_bitmask().count_ones()
    );
}
