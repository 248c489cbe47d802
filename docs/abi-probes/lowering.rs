// How LLVM lowers i128 ops, float math, mem* and casts on wasm32 (std crate for f64::sin etc.).
#![allow(warnings)]
#![feature(core_intrinsics, float_minimum_maximum)]

#[unsafe(no_mangle)] pub fn mul_u128(a: u128, b: u128) -> u128 { a.wrapping_mul(b) }
#[unsafe(no_mangle)] pub fn mul_u64(a: u64, b: u64) -> u64 { a.wrapping_mul(b) }
#[unsafe(no_mangle)] pub fn div_u128(a: u128, b: u128) -> u128 { a / b }
#[unsafe(no_mangle)] pub fn div_i128(a: i128, b: i128) -> i128 { a.wrapping_div(b) }
#[unsafe(no_mangle)] pub fn rem_u128(a: u128, b: u128) -> u128 { a % b }
#[unsafe(no_mangle)] pub fn rem_i128(a: i128, b: i128) -> i128 { a.wrapping_rem(b) }
#[unsafe(no_mangle)] pub fn shl_u128(a: u128, s: u32) -> u128 { a.wrapping_shl(s) }
#[unsafe(no_mangle)] pub fn shr_u128(a: u128, s: u32) -> u128 { a.wrapping_shr(s) }
#[unsafe(no_mangle)] pub fn sar_i128(a: i128, s: u32) -> i128 { a.wrapping_shr(s) }
#[unsafe(no_mangle)] pub fn shl_u128_var(a: u128, s: u128) -> u128 { a << (s & 127) }
#[unsafe(no_mangle)] pub fn lt_u128(a: u128, b: u128) -> bool { a < b }
#[unsafe(no_mangle)] pub fn lt_i128(a: i128, b: i128) -> bool { a < b }
#[unsafe(no_mangle)] pub fn eq_u128(a: u128, b: u128) -> bool { a == b }
#[unsafe(no_mangle)] pub fn add_u128(a: u128, b: u128) -> u128 { a.wrapping_add(b) }
#[unsafe(no_mangle)] pub fn ctlz_u128(a: u128) -> u32 { a.leading_zeros() }
#[unsafe(no_mangle)] pub fn u128_to_f64(a: u128) -> f64 { a as f64 }
#[unsafe(no_mangle)] pub fn i128_to_f32(a: i128) -> f32 { a as f32 }
#[unsafe(no_mangle)] pub fn f64_to_u128(a: f64) -> u128 { a as u128 }
#[unsafe(no_mangle)] pub fn f64_to_i128(a: f64) -> i128 { a as i128 }
#[unsafe(no_mangle)] pub fn mul_ovf_u64(a: u64, b: u64) -> Option<u64> { a.checked_mul(b) }
#[unsafe(no_mangle)] pub fn mul_ovf_i128(a: i128, b: i128) -> Option<i128> { a.checked_mul(b) }
#[unsafe(no_mangle)] pub fn div_u64(a: u64, b: u64) -> u64 { a / b }

#[unsafe(no_mangle)] pub fn sin_f64(x: f64) -> f64 { x.sin() }
#[unsafe(no_mangle)] pub fn sin_f32(x: f32) -> f32 { x.sin() }
#[unsafe(no_mangle)] pub fn pow_f64(x: f64, y: f64) -> f64 { x.powf(y) }
#[unsafe(no_mangle)] pub fn powi_f32(x: f32, n: i32) -> f32 { x.powi(n) }
#[unsafe(no_mangle)] pub fn powi_f64(x: f64, n: i32) -> f64 { x.powi(n) }
#[unsafe(no_mangle)] pub fn exp_f64(x: f64) -> f64 { x.exp() }
#[unsafe(no_mangle)] pub fn sqrt_f64(x: f64) -> f64 { x.sqrt() }
#[unsafe(no_mangle)] pub fn floor_f64(x: f64) -> f64 { x.floor() }
#[unsafe(no_mangle)] pub fn round_f64(x: f64) -> f64 { x.round() }
#[unsafe(no_mangle)] pub fn round_even_f64(x: f64) -> f64 { x.round_ties_even() }
#[unsafe(no_mangle)] pub fn trunc_f32(x: f32) -> f32 { x.trunc() }
#[unsafe(no_mangle)] pub fn fma_f64(x: f64, y: f64, z: f64) -> f64 { x.mul_add(y, z) }
#[unsafe(no_mangle)] pub fn rem_f64(x: f64, y: f64) -> f64 { x % y }
#[unsafe(no_mangle)] pub fn rem_f32(x: f32, y: f32) -> f32 { x % y }
#[unsafe(no_mangle)] pub fn min_f64(x: f64, y: f64) -> f64 { x.min(y) }
#[unsafe(no_mangle)] pub fn max_f32(x: f32, y: f32) -> f32 { x.max(y) }
#[unsafe(no_mangle)] pub fn minimum_f64(x: f64, y: f64) -> f64 { x.minimum(y) }
#[unsafe(no_mangle)] pub fn copysign_f32(x: f32, y: f32) -> f32 { x.copysign(y) }
#[unsafe(no_mangle)] pub fn abs_f64(x: f64) -> f64 { x.abs() }

#[unsafe(no_mangle)] pub fn f64_to_i32(x: f64) -> i32 { x as i32 }
#[unsafe(no_mangle)] pub fn f64_to_u32(x: f64) -> u32 { x as u32 }
#[unsafe(no_mangle)] pub fn f32_to_i64(x: f32) -> i64 { x as i64 }
#[unsafe(no_mangle)] pub fn f32_to_u64(x: f32) -> u64 { x as u64 }
#[unsafe(no_mangle)] pub fn f64_to_u8(x: f64) -> u8 { x as u8 }
#[unsafe(no_mangle)] pub fn f64_to_i16(x: f64) -> i16 { x as i16 }
#[unsafe(no_mangle)] pub unsafe fn f64_to_i32_unchecked(x: f64) -> i32 { unsafe { x.to_int_unchecked() } }
#[unsafe(no_mangle)] pub fn u64_to_f32(x: u64) -> f32 { x as f32 }
#[unsafe(no_mangle)] pub fn u32_to_f64(x: u32) -> f64 { x as f64 }

#[unsafe(no_mangle)] pub unsafe fn memcpy_dyn(d: *mut u8, s: *const u8, n: usize) { unsafe { core::ptr::copy_nonoverlapping(s, d, n) } }
#[unsafe(no_mangle)] pub unsafe fn memmove_dyn(d: *mut u8, s: *const u8, n: usize) { unsafe { core::ptr::copy(s, d, n) } }
#[unsafe(no_mangle)] pub unsafe fn memset_dyn(d: *mut u8, v: u8, n: usize) { unsafe { core::ptr::write_bytes(d, v, n) } }
#[unsafe(no_mangle)] pub fn memcpy_big(d: &mut [u8; 4096], s: &[u8; 4096]) { *d = *s }
#[unsafe(no_mangle)] pub fn memcpy_small(d: &mut [u8; 24], s: &[u8; 24]) { *d = *s }
#[unsafe(no_mangle)] pub fn memset_big(d: &mut [u8; 4096]) { *d = [0; 4096] }
#[unsafe(no_mangle)] pub fn memcmp_eq(a: &[u8; 100], b: &[u8; 100]) -> bool { a == b }
#[unsafe(no_mangle)] pub fn slice_eq(a: &[u8], b: &[u8]) -> bool { a == b }

#[unsafe(no_mangle)] pub fn bswap_u32(x: u32) -> u32 { x.swap_bytes() }
#[unsafe(no_mangle)] pub fn rotl_u32(x: u32, n: u32) -> u32 { x.rotate_left(n) }
#[unsafe(no_mangle)] pub fn popcnt_u64(x: u64) -> u32 { x.count_ones() }
#[unsafe(no_mangle)] pub fn sext_i8(x: u32) -> i32 { x as i8 as i32 }
#[unsafe(no_mangle)] pub fn atomic_add(a: &core::sync::atomic::AtomicU32) -> u32 { a.fetch_add(1, core::sync::atomic::Ordering::SeqCst) }
#[unsafe(no_mangle)] pub fn atomic_cas(a: &core::sync::atomic::AtomicU64) -> Result<u64, u64> { a.compare_exchange(1, 2, core::sync::atomic::Ordering::SeqCst, core::sync::atomic::Ordering::SeqCst) }

#[unsafe(no_mangle)] pub fn do_abort() -> ! { core::intrinsics::abort() }
#[unsafe(no_mangle)] pub fn do_unreachable(x: u32) -> u32 { if x > 3 { unsafe { core::hint::unreachable_unchecked() } } x }
#[unsafe(no_mangle)] pub fn do_panic() { panic!("boom") }
#[unsafe(no_mangle)] pub fn do_overflow(a: u32, b: u32) -> u32 { a + b }
#[unsafe(no_mangle)] pub fn do_bounds(a: &[u32], i: usize) -> u32 { a[i] }
#[unsafe(no_mangle)] pub fn do_trap() -> ! { core::arch::wasm32::unreachable() }
