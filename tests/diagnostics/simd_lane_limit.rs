// SIMD vectors are computed element by element, held as values of up to 64 elements (portable
// SIMD's largest). A longer one is an error at each operation that needs it as a value, never a
// value without locals that aliases another's.
#![feature(repr_simd, core_intrinsics)]
#![allow(internal_features)]

use std::intrinsics::simd::simd_add;

#[repr(simd)]
#[derive(Copy, Clone)]
struct Wide([u32; 128]);

#[inline(never)]
fn add(a: Wide, b: Wide) -> Wide {
    unsafe { simd_add(a, b) }
}

fn main() {
    let lanes: [u32; 128] = std::array::from_fn(|i| i as u32);
    let sum: [u32; 128] = unsafe { std::mem::transmute(add(Wide(lanes), Wide(lanes))) };
    println!("{}", sum[127]);
}
