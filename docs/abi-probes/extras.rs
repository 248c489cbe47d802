// Rust-ABI details: sret position with &self, i128 half order, Pair-return
// layout, small-int extension, #[track_caller], forwarding of Indirect args.
#![no_std]
#![allow(warnings)]

pub struct S4 { a: u64, b: u64, c: u64, d: u64 }

impl S4 {
    // sret + &self: which comes first?
    #[unsafe(no_mangle)] #[inline(never)]
    pub extern "Rust" fn s4_method(&self, k: u64) -> S4 { S4 { a: self.a + k, b: self.b, c: self.c, d: k } }
}
#[unsafe(no_mangle)] #[inline(never)]
pub extern "C" fn c_s4_method(this: &S4, k: u64) -> S4 { S4 { a: this.a + k, b: this.b, c: this.c, d: k } }

// i128 halves: which wasm param is the low half?
#[unsafe(no_mangle)] pub extern "Rust" fn i128_lo(x: u128) -> u64 { x as u64 }
#[unsafe(no_mangle)] pub extern "Rust" fn i128_hi(x: u128) -> u64 { (x >> 64) as u64 }
// i128 between other params
#[unsafe(no_mangle)] pub extern "Rust" fn i128_mid(a: u32, x: u128, b: u8) -> u64 { (x >> 64) as u64 + a as u64 + b as u64 }
// i128 return: where do lo/hi go in the return slot?
#[unsafe(no_mangle)] pub extern "Rust" fn i128_make(lo: u64, hi: u64) -> u128 { (hi as u128) << 64 | lo as u128 }
#[unsafe(no_mangle)] pub extern "C" fn c_i128_make(lo: u64, hi: u64) -> u128 { (hi as u128) << 64 | lo as u128 }
#[repr(C)] pub struct CU128(u128);
#[unsafe(no_mangle)] pub extern "C" fn c_wrapped_i128_make(lo: u64, hi: u64) -> CU128 { CU128((hi as u128) << 64 | lo as u128) }

// Pair return: LLVM {i32,i32} return -> demoted to a hidden pointer; which offsets?
#[unsafe(no_mangle)] pub extern "Rust" fn pair_make(a: u32, b: u32) -> (u32, u32) { (a, b) }
#[unsafe(no_mangle)] pub extern "Rust" fn pair_u8_u32(a: u8, b: u32) -> (u8, u32) { (a, b) }
#[unsafe(no_mangle)] pub extern "Rust" fn pair_f32_u16(a: f32, b: u16) -> (f32, u16) { (a, b) }
#[unsafe(no_mangle)] pub extern "Rust" fn str_make(p: *const u8, n: usize) -> &'static str {
    unsafe { core::str::from_utf8_unchecked(core::slice::from_raw_parts(p, n)) } }
#[unsafe(no_mangle)] pub extern "Rust" fn opt_u8_make(b: bool, v: u8) -> Option<u8> { if b { Some(v) } else { None } }
// Pair return + &self
pub struct P { x: u32, y: u32 }
impl P {
    #[unsafe(no_mangle)] #[inline(never)]
    pub extern "Rust" fn p_swap(&self) -> (u32, u32) { (self.y, self.x) }
}
// Cast return i24 ([u8;3])
#[unsafe(no_mangle)] pub extern "Rust" fn arr3_make(a: u8, b: u8, c: u8) -> [u8; 3] { [a, b, c] }
#[unsafe(no_mangle)] pub extern "Rust" fn arr3_take(x: [u8; 3]) -> u8 { x[2] }

// sub-word integers: who extends?
#[unsafe(no_mangle)] pub extern "Rust" fn rust_widen_u8(x: u8) -> u32 { x as u32 }
#[unsafe(no_mangle)] pub extern "Rust" fn rust_widen_i8(x: i8) -> i32 { x as i32 }
#[unsafe(no_mangle)] pub extern "Rust" fn rust_widen_bool(x: bool) -> u32 { x as u32 }
#[unsafe(no_mangle)] pub extern "C" fn c_widen_u8(x: u8) -> u32 { x as u32 }
#[unsafe(no_mangle)] pub extern "C" fn c_widen_i8(x: i8) -> i32 { x as i32 }
#[unsafe(no_mangle)] pub extern "C" fn c_widen_bool(x: bool) -> u32 { x as u32 }
#[unsafe(no_mangle)] pub extern "Rust" fn rust_narrow_u8(x: u32) -> u8 { (x as u8).wrapping_add(1) }
#[unsafe(no_mangle)] pub extern "C" fn c_narrow_u8(x: u32) -> u8 { (x as u8).wrapping_add(1) }
#[unsafe(no_mangle)] pub extern "C" fn c_narrow_i8(x: u32) -> i8 { (x as i8).wrapping_add(1) }
unsafe extern "Rust" { fn ext_rust_u8(x: u8) -> u8; }
unsafe extern "C" { fn ext_c_u8(x: u8) -> u8; fn ext_c_i16(x: i16) -> i16; }
#[unsafe(no_mangle)] pub fn call_rust_u8(x: u32) -> u32 { unsafe { ext_rust_u8(x as u8) as u32 } }
#[unsafe(no_mangle)] pub fn call_c_u8(x: u32) -> u32 { unsafe { ext_c_u8(x as u8) as u32 } }
#[unsafe(no_mangle)] pub fn call_c_i16(x: u32) -> i32 { unsafe { ext_c_i16(x as i16) as i32 } }

// #[track_caller] adds a hidden &'static Location param
#[unsafe(no_mangle)] #[track_caller] #[inline(never)]
pub extern "Rust" fn tracked(x: u32) -> u32 { core::panic::Location::caller().line() + x }
#[unsafe(no_mangle)] pub fn call_tracked() -> u32 { tracked(7) }

// Indirect arg forwarding: moving an Indirect param / a local into a call
unsafe extern "Rust" { fn ext_take_s4(x: S4); fn ext_take_s4_c(x: S4); }
unsafe extern "C" { #[link_name = "ext_take_s4_cabi"] fn ext_take_s4_cabi(x: S4); }
#[unsafe(no_mangle)] pub extern "Rust" fn forward_s4(x: S4) { unsafe { ext_take_s4(x) } }
#[unsafe(no_mangle)] pub extern "C" fn forward_s4_cabi(x: S4) { unsafe { ext_take_s4_cabi(x) } }
#[unsafe(no_mangle)] pub fn copy_twice(x: &S4) { unsafe { let y = S4 { a: x.a, b: x.b, c: x.c, d: x.d }; ext_take_s4(y); } }
#[unsafe(no_mangle)] pub extern "Rust" fn mutate_indirect(mut x: S4) -> u64 { x.a += 1; x.a }

// Rust-ABI fn with many params (no limit, no stack passing)
#[unsafe(no_mangle)] pub extern "Rust" fn many(a: u32, b: u64, c: f32, d: f64, e: u8, f: u128, g: (u32, u32), h: &str, i: u32, j: u32, k: u32, l: u32) -> u32 { a + i + j + k + l }
