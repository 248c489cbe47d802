//! Callee half of the `abi` group: one function per ABI shape, in the Rust and the C ABI, built by one backend and called from `caller.rs` built by the other.
//
// Every function is `#[no_mangle]`, so rustc never inlines it into the caller's crate: each call
// really crosses from code of one backend into code of the other. The comments name rustc's
// PassMode for wasm32 (docs/abi-wasm32.md §1.2): `R:` for the Rust ABI, `C:` for the C ABI.
// Bodies mix every lane of every argument into the result, so a swapped, truncated or
// mis-extended lane changes the value the caller checks.

#![allow(improper_ctypes_definitions)]
#![allow(clippy::too_many_arguments)]

use std::hint::black_box;
use std::marker::PhantomData;

/// Defines each function twice with one body: `$r` in the Rust ABI, `$c` in the C ABI.
macro_rules! both {
    ($($(#[$m:meta])* $r:ident / $c:ident ($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block)*) => {$(
        $(#[$m])*
        #[no_mangle]
        pub fn $r($($arg: $ty),*) $(-> $ret)? $body
        $(#[$m])*
        #[no_mangle]
        pub extern "C" fn $c($($arg: $ty),*) $(-> $ret)? $body
    )*};
}

// ---- integers. R: Direct (no extension: the callee masks); C: Direct, sext/zext below 32 bits.

/// Widening in the callee shows whether a narrow argument arrived as the ABI promises; narrowing
/// shows it for the return value (the caller widens it). 1001 is odd, so no bit is lost.
macro_rules! ints {
    ($($t:ty: $rw:ident $rn:ident $cw:ident $cn:ident;)*) => {$(
        both! {
            $rw / $cw (a: $t, b: $t) -> i64 {
                (a as i64).wrapping_mul(1001).wrapping_sub(b as i64)
            }
            $rn / $cn (x: i64, y: i64) -> $t {
                x.wrapping_sub(y) as $t
            }
        }
    )*};
}

ints! {
    i8: r_widen_i8 r_narrow_i8 c_widen_i8 c_narrow_i8;
    u8: r_widen_u8 r_narrow_u8 c_widen_u8 c_narrow_u8;
    i16: r_widen_i16 r_narrow_i16 c_widen_i16 c_narrow_i16;
    u16: r_widen_u16 r_narrow_u16 c_widen_u16 c_narrow_u16;
    i32: r_widen_i32 r_narrow_i32 c_widen_i32 c_narrow_i32;
    u32: r_widen_u32 r_narrow_u32 c_widen_u32 c_narrow_u32;
    i64: r_widen_i64 r_narrow_i64 c_widen_i64 c_narrow_i64;
    u64: r_widen_u64 r_narrow_u64 c_widen_u64 c_narrow_u64;
    isize: r_widen_isize r_narrow_isize c_widen_isize c_narrow_isize;
    usize: r_widen_usize r_narrow_usize c_widen_usize c_narrow_usize;
}

both! {
    /// Narrow arguments of a call with a return slot: the slot pointer is the first wasm
    /// parameter, so each argument's extension must skip it.
    r_sret_narrow / c_sret_narrow (a: i8, b: i16, c: u8, d: u16, e: bool) -> [i64; 5] {
        [a as i64, b as i64, c as i64, d as i64, e as i64]
    }
}

// i128/u128 args: Direct (two i64, low first) in both ABIs; returns: Indirect (sret).
both! {
    r_i128 / c_i128 (a: i128, b: i128) -> i128 {
        a.wrapping_mul(3).wrapping_sub(b)
    }
    r_u128 / c_u128 (a: u128, b: u128) -> u128 {
        a.wrapping_mul(3).wrapping_sub(b)
    }
    /// A return that is a plain i64 of one half: shows which half arrived where.
    r_u128_hi / c_u128_hi (a: u128) -> u64 {
        (a >> 64) as u64
    }
    r_u128_join / c_u128_join (hi: u64, lo: u64) -> u128 {
        ((hi as u128) << 64) | lo as u128
    }
}

// ---- bool, char, floats: Direct.
both! {
    r_bool_widen / c_bool_widen (a: bool, b: bool) -> i64 {
        a as i64 * 10 + b as i64
    }
    /// Bit 8 decides, so a return that is not exactly 0 or 1 shows in the caller's widening.
    r_bool_narrow / c_bool_narrow (x: i64) -> bool {
        x & 0x100 != 0
    }
    r_char / c_char (a: char, n: u32) -> char {
        char::from_u32(a as u32 + n).unwrap_or('?')
    }
    r_f32 / c_f32 (a: f32, b: f32) -> f32 {
        a * 2.0 - b
    }
    r_f64 / c_f64 (a: f64, b: f64) -> f64 {
        a * 2.0 - b
    }
    /// Bit patterns (NaN payloads, low mantissa bits) must pass through a float lane unchanged.
    r_f32_bits / c_f32_bits (a: f32) -> u32 {
        a.to_bits()
    }
    r_f32_from / c_f32_from (bits: u32) -> f32 {
        f32::from_bits(bits)
    }
    r_f64_bits / c_f64_bits (a: f64) -> u64 {
        a.to_bits()
    }
    r_f64_from / c_f64_from (bits: u64) -> f64 {
        f64::from_bits(bits)
    }
    /// Floats and ints interleaved: each lane gets its own power-of-two weight.
    r_mix / c_mix (a: f32, b: i64, c: f64, d: u8, e: f32, f: i16) -> f64 {
        a as f64 + b as f64 * 2.0 + c * 4.0 + d as f64 * 8.0 + e as f64 * 16.0 + f as f64 * 32.0
    }
}

// ---- zero-sized arguments and returns: Ignore (no wasm param / result at all).

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CEmpty {}

both! {
    r_zst / c_zst (a: u32, z: (), e: CEmpty, p: PhantomData<u64>, n: [u16; 0], b: u16) -> u32 {
        let _ = (z, e, p, n);
        a.wrapping_mul(3).wrapping_add(b as u32)
    }
    r_unit / c_unit (out: &mut u64, x: u64) {
        *out = x.rotate_left(8);
    }
    r_ret_empty / c_ret_empty (out: &mut u32, x: u32) -> CEmpty {
        *out = x ^ 0xFFFF;
        CEmpty {}
    }
}

// ---- scalar pairs. R: Pair (returns > 8 bytes: Indirect); C: Indirect.

/// A trait whose methods cover Direct, Pair, sret-before-self and i128 through a vtable.
pub trait Tr {
    fn id(&self) -> u32;
    fn scale(&mut self, k: i8) -> (i32, i64);
    fn label(&self) -> &str;
    fn big(&self, x: u128, f: f32) -> Big;
}

both! {
    r_pair_i32_i64 / c_pair_i32_i64 (p: (i32, i64)) -> (i64, i32) {
        (p.1.wrapping_add(p.0 as i64), p.0.wrapping_mul(3))
    }
    /// R: a Pair return of 8 bytes, demoted to a return slot.
    r_pair_u8_u32 / c_pair_u8_u32 (p: (u8, u32)) -> (u8, u32) {
        (p.0.wrapping_add(3), p.1.rotate_left(4))
    }
    r_pair_f32_u16 / c_pair_f32_u16 (p: (f32, u16)) -> (f32, u16) {
        (p.0 * -2.0, p.1 ^ 0x8001)
    }
    r_pair_f64 / c_pair_f64 (p: (f64, f64)) -> (f64, f64) {
        (p.1 * 4.0, p.0 - 1.0)
    }
    r_pair_bool_char / c_pair_bool_char (p: (bool, char)) -> (char, bool) {
        (char::from_u32(p.1 as u32 + p.0 as u32).unwrap_or('?'), !p.0)
    }
    /// Each element in its own 16 bits, the length in the top nibble.
    r_slice / c_slice (s: &[u16], k: u16) -> u64 {
        let mut acc = (s.len() as u64) << 60;
        for (i, x) in s.iter().enumerate() {
            acc |= ((x ^ k) as u64) << (16 * i);
        }
        acc
    }
    r_slice_mut / c_slice_mut (s: &mut [i32], k: i32) {
        for x in s.iter_mut() {
            *x = x.wrapping_mul(k);
        }
    }
    r_subslice / c_subslice (s: &[u16], from: usize) -> &[u16] {
        &s[from..]
    }
    r_str / c_str (s: &str, skip: usize) -> &str {
        &s[skip..]
    }
    r_str_join / c_str_join (a: &str, b: &str) -> String {
        format!("{b}|{a}")
    }
    r_opt_u32 / c_opt_u32 (x: Option<u32>) -> Option<u32> {
        x.map(|v| v.wrapping_add(0x8000_0000))
    }
    r_opt_u64 / c_opt_u64 (x: Option<u64>) -> Option<u64> {
        match x {
            Some(v) => Some(v.rotate_right(4)),
            None => Some(7),
        }
    }
    r_opt_i128 / c_opt_i128 (x: Option<i128>) -> Option<i128> {
        x.map(|v| v.wrapping_neg())
    }
    /// `Option<&T>` is a single pointer (Direct), niche 0 = None.
    r_opt_ref / c_opt_ref (x: Option<&u32>) -> Option<&u32> {
        x.filter(|v| **v % 2 == 1)
    }
    r_result_u64 / c_result_u64 (x: Result<u64, ()>) -> Result<u64, ()> {
        match x {
            Ok(v) if v > 10 => Ok(v - 10),
            Ok(_) => Err(()),
            Err(()) => Ok(0xFFFF_FFFF_0000_0001),
        }
    }
    r_dyn / c_dyn (t: &dyn Tr, k: i8) -> i64 {
        t.id() as i64 * 100 + k as i64
    }
    r_box_slice / c_box_slice (b: Box<[u8]>) -> Box<[u8]> {
        let mut v = b.into_vec();
        v.reverse();
        v.push(0xEE);
        v.into_boxed_slice()
    }
}

// ---- structs.

/// R: Cast(i8); C: Cast(i8) (single-element aggregate: no extension either way).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CU8 {
    pub a: u8,
}

/// R: Indirect; C: Cast(f64).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CF64 {
    pub a: f64,
}

/// R: Cast(i32) (Memory of 4 bytes); C: Cast(f32) (one scalar, however deeply nested).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CNest {
    pub inner: CF32Arr,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CF32Arr {
    pub a: [f32; 1],
}

/// R: Indirect; C: Cast(i128).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CU128 {
    pub a: u128,
}

/// R: Pair; C: Indirect.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CI16U32 {
    pub a: i16,
    pub b: u32,
}

/// Indirect in both.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C3 {
    pub a: u8,
    pub b: f32,
    pub c: i64,
}

/// Indirect in both.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C4 {
    pub a: f32,
    pub b: f64,
    pub c: i8,
    pub d: u16,
}

/// Rust layout, one scalar: Direct in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SU32 {
    pub a: u32,
}

/// R: Pair (return: Indirect, 16 bytes); C: Indirect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SPair {
    pub a: u16,
    pub b: i64,
}

/// R: Cast(i32) (Memory of 4 bytes); C: Indirect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SSmall {
    pub a: u8,
    pub b: i8,
    pub c: u16,
}

/// R: Cast(i24) (Memory of 3 bytes); C: Indirect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct S3B {
    pub a: u8,
    pub b: i8,
    pub c: u8,
}

/// Indirect in both, as argument and as return (sret).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Big {
    pub a: u64,
    pub b: [u32; 5],
    pub c: i8,
    pub d: f64,
}

both! {
    r_cu8 / c_cu8 (a: CU8, b: CU8) -> u32 {
        a.a as u32 * 1000 + b.a as u32
    }
    r_cu8_make / c_cu8_make (x: u32) -> CU8 {
        CU8 { a: x as u8 }
    }
    r_cf64 / c_cf64 (a: CF64, k: f64) -> CF64 {
        CF64 { a: a.a * k }
    }
    r_cnest / c_cnest (a: CNest, k: f32) -> CNest {
        CNest { inner: CF32Arr { a: [a.inner.a[0] - k] } }
    }
    r_cu128 / c_cu128 (a: CU128, n: u8) -> CU128 {
        CU128 { a: a.a.rotate_left(n as u32) }
    }
    r_ci16u32 / c_ci16u32 (a: CI16U32) -> CI16U32 {
        CI16U32 { a: a.a.wrapping_mul(-3), b: a.b.swap_bytes() }
    }
    r_c3 / c_c3 (a: C3, b: C3) -> C3 {
        C3 { a: a.a ^ b.a, b: a.b - b.b, c: a.c.wrapping_mul(b.c) }
    }
    r_c4 / c_c4 (a: C4) -> C4 {
        C4 { a: a.b as f32, b: a.a as f64, c: a.c.wrapping_neg(), d: a.d.rotate_left(4) }
    }
    r_su32 / c_su32 (a: SU32) -> SU32 {
        SU32 { a: a.a.rotate_left(1) }
    }
    r_spair / c_spair (a: SPair) -> SPair {
        SPair { a: a.a.wrapping_add(1), b: a.b.wrapping_neg() }
    }
    r_ssmall / c_ssmall (a: SSmall) -> SSmall {
        SSmall { a: a.b as u8, b: a.a as i8, c: a.c.swap_bytes() }
    }
    r_s3b / c_s3b (a: S3B) -> S3B {
        S3B { a: a.c, b: a.b.wrapping_neg(), c: a.a }
    }
    r_big / c_big (a: Big, k: u8) -> Big {
        Big {
            a: a.a.rotate_left(k as u32),
            b: [a.b[4], a.b[3], a.b[2], a.b[1], a.b[0]],
            c: a.c.wrapping_sub(k as i8),
            d: a.d * k as f64,
        }
    }
    r_big_ref / c_big_ref (a: &Big) -> u64 {
        a.a ^ a.b[4] as u64
    }
    /// sret first, then the reference (LLVM: the return slot comes before `self`).
    r_big_method / c_big_method (this: &Big, k: u64) -> Big {
        Big { a: this.a.wrapping_add(k), ..*this }
    }
    /// Two Indirect arguments around a narrow one.
    r_two_big / c_two_big (x: Big, n: i8, y: Big) -> Big {
        Big { a: x.a, b: y.b, c: n, d: x.d - y.d }
    }
}

// ---- repr(transparent): passed exactly like the field.

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TI8(pub i8);

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TU128(pub u128);

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TF32(pub f32, pub PhantomData<u64>);

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TBig(pub Big);

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TStr<'a>(pub &'a str);

both! {
    r_ti8 / c_ti8 (a: TI8) -> i64 {
        a.0 as i64 * 1001
    }
    r_ti8_make / c_ti8_make (x: i64) -> TI8 {
        TI8(x as i8)
    }
    r_tu128 / c_tu128 (a: TU128) -> TU128 {
        TU128(a.0.swap_bytes())
    }
    r_tf32 / c_tf32 (a: TF32) -> TF32 {
        TF32(a.0 / 4.0, PhantomData)
    }
    r_tbig / c_tbig (a: TBig) -> TBig {
        TBig(Big { c: a.0.c.wrapping_add(1), ..a.0 })
    }
    r_tstr / c_tstr (a: TStr<'_>) -> TStr<'_> {
        TStr(&a.0[1..])
    }
}

// ---- enums.

/// Direct; C: zext.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Color {
    Red = 1,
    Green = 2,
    Blue = 250,
}

/// Direct i64.
#[repr(i64)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wide {
    Neg = -5,
    Far = 1 << 40,
}

/// R: Cast(i32) (Memory of 4 bytes); C: Indirect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tiny {
    A(u8),
    B(i16),
}

/// Indirect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Dot,
    Circle(f64),
    Rect { w: u32, h: i32 },
}

/// Indirect.
#[repr(C, u8)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CTag {
    A(u32),
    B(f32),
}

both! {
    r_color / c_color (c: Color) -> Color {
        match c {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }
    r_wide / c_wide (w: Wide) -> Wide {
        match w {
            Wide::Neg => Wide::Far,
            Wide::Far => Wide::Neg,
        }
    }
    r_tiny / c_tiny (t: Tiny) -> Tiny {
        match t {
            Tiny::A(x) => Tiny::B(-(x as i16)),
            Tiny::B(x) => Tiny::A(x as u8),
        }
    }
    r_shape / c_shape (s: Shape, k: i32) -> Shape {
        match s {
            Shape::Dot => Shape::Circle(k as f64),
            Shape::Circle(r) => Shape::Rect { w: r as u32, h: k },
            Shape::Rect { w, h } => Shape::Circle(w as f64 + h as f64 * 0.5),
        }
    }
    r_ctag / c_ctag (t: CTag) -> CTag {
        match t {
            CTag::A(x) => CTag::B(x as f32),
            CTag::B(x) => CTag::A(x as u32),
        }
    }
    r_opt_bool / c_opt_bool (x: Option<bool>) -> Option<bool> {
        match x {
            Some(true) => Some(false),
            Some(false) => None,
            None => Some(true),
        }
    }
    r_opt_char / c_opt_char (x: Option<char>) -> Option<char> {
        x.and_then(|c| char::from_u32(c as u32 + 1))
    }
    r_res_string / c_res_string (r: Result<u32, String>) -> Result<u32, String> {
        match r {
            Ok(v) => Err(format!("ok:{v:#x}")),
            Err(s) => Ok(s.len() as u32 * 0x0101_0101),
        }
    }
}

// ---- owning pointers and collections by value (Box: Direct; String/Vec: Indirect).
both! {
    r_box / c_box (b: Box<Big>) -> Box<Big> {
        Box::new(Big { a: !b.a, ..*b })
    }
    r_box_u8 / c_box_u8 (b: Box<u8>) -> u8 {
        b.wrapping_mul(3)
    }
    r_string / c_string (s: String, t: &str) -> String {
        let mut s = s;
        s.push_str(t);
        s.insert(0, '<');
        s
    }
    r_vec / c_vec (v: Vec<i64>, x: i64) -> Vec<i64> {
        let mut v = v;
        v.push(x);
        v.rotate_left(1);
        v
    }
}

// ---- closures, fn pointers and trait objects: the callee calls code of the caller's backend.

/// Callback signatures of the C-ABI fn pointer tests.
pub type CCallback = extern "C" fn(i8, u16, f32, C4, CU8, u128) -> C3;

/// The many-argument signature, shared by the direct and the callback tests.
pub type ManyFn = fn(
    i8,
    u16,
    i32,
    u64,
    i128,
    f32,
    f64,
    bool,
    char,
    (u8, u32),
    &str,
    CU8,
    C3,
    Big,
    (),
    u8,
    i64,
    f32,
    SSmall,
    Option<u32>,
    usize,
    i16,
) -> String;

/// The callee's own sample values, passed to the caller's callbacks.
fn sample_big() -> Big {
    Big {
        a: 0xFEDC_BA98_7654_3210,
        b: [5, 6, 7, 8, 9],
        c: -7,
        d: -1.25,
    }
}

fn sample_c4() -> C4 {
    C4 {
        a: 0.75,
        b: -1e300,
        c: -100,
        d: 0xBEEF,
    }
}

/// Narrow values whose high bits a truncating caller must not leave behind (LLVM at -O2 does).
fn narrow_i8() -> i8 {
    black_box(0x1FEi64) as i8
}

fn narrow_u16() -> u16 {
    black_box(0x3_FFFEi64) as u16
}

both! {
    r_call_dyn / c_call_dyn (f: &dyn Fn(i8, u64, f32) -> i128) -> i128 {
        f(narrow_i8(), 0x8000_0000_0000_0001, 1.5)
    }
    r_call_fnmut / c_call_fnmut (f: &mut dyn FnMut(&str, (u16, i64)) -> usize) -> usize {
        f("ab", (1, -1)) + f("xyz", (narrow_u16(), i64::MIN)) * 1000
    }
    r_call_box / c_call_box (f: Box<dyn FnOnce(Big) -> Big>) -> Big {
        f(sample_big())
    }
    r_call_fn / c_call_fn (f: fn(C3, i128, &[u32]) -> Option<u64>) -> Option<u64> {
        f(C3 { a: 0xAB, b: -2.5, c: -3 }, -0x7FFF_0000_0000_0000_0000_0000_0000_0001, &[1, 0x8000_0000, 3])
    }
    r_call_cfn / c_call_cfn (f: CCallback) -> C3 {
        f(narrow_i8(), narrow_u16(), -0.125, sample_c4(), CU8 { a: 0x81 }, 0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10)
    }
    /// The callback's narrow return is widened here, by the callee's backend.
    r_call_narrow / c_call_narrow (f: fn(i8, u16) -> i8) -> i64 {
        f(narrow_i8(), narrow_u16()) as i64
    }
    r_call_many / c_call_many (f: ManyFn) -> String {
        f(
            -2,
            0xFFFE,
            i32::MIN + 1,
            0x8000_0000_0000_0001,
            -2,
            0.5,
            -0.0,
            true,
            'ß',
            (0xFE, 0x8000_0001),
            "many",
            CU8 { a: 0x80 },
            C3 { a: 1, b: 2.0, c: -3 },
            sample_big(),
            (),
            0x7F,
            -1,
            f32::MAX,
            SSmall { a: 1, b: -1, c: 0x1234 },
            Some(0xFFFF_FFFF),
            0xFFFF_FFFF,
            i16::MIN,
        )
    }
    /// A boxed closure of the callee's backend, called by the caller through its vtable.
    r_make_adder / c_make_adder (n: i64) -> Box<dyn Fn(i64, i8) -> i64> {
        Box::new(move |x, k| x.wrapping_mul(k as i64).wrapping_add(n))
    }
    r_make_counter / c_make_counter (start: u32) -> Box<dyn FnMut(u32) -> (u32, u64)> {
        let mut count = start;
        Box::new(move |step| {
            count = count.wrapping_add(step);
            (count, count as u64 * 0x1_0000_0001)
        })
    }
    r_pick / c_pick (i: u32) -> fn(i16) -> i16 {
        if i == 0 { neg16 } else { dbl16 }
    }
    r_pick_c / c_pick_c (i: u32) -> extern "C" fn(i8, f64) -> f64 {
        if i == 0 { scale_c } else { offset_c }
    }
    /// Calls every method of a trait object implemented by the caller.
    r_drive / c_drive (t: &mut dyn Tr) -> String {
        let id = t.id();
        let scaled = t.scale(narrow_i8());
        let label = t.label().to_owned();
        let big = t.big(0x1111_2222_3333_4444_5555_6666_7777_8888, 0.5);
        format!("{id} {scaled:?} {label} {big:?}")
    }
    r_new_tr / c_new_tr (seed: i32) -> Box<dyn Tr> {
        Box::new(Gadget { seed, name: format!("gadget{seed}") })
    }
}

fn neg16(x: i16) -> i16 {
    x.wrapping_neg()
}

fn dbl16(x: i16) -> i16 {
    x.wrapping_mul(2)
}

extern "C" fn scale_c(k: i8, x: f64) -> f64 {
    x * k as f64
}

extern "C" fn offset_c(k: i8, x: f64) -> f64 {
    x + k as f64
}

/// The callee's implementation of `Tr`, handed out as `Box<dyn Tr>`.
struct Gadget {
    seed: i32,
    name: String,
}

impl Tr for Gadget {
    fn id(&self) -> u32 {
        self.seed as u32 ^ 0x8000_0000
    }
    fn scale(&mut self, k: i8) -> (i32, i64) {
        self.seed = self.seed.wrapping_mul(k as i32);
        (self.seed, self.seed as i64 * -0x1_0000_0000)
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn big(&self, x: u128, f: f32) -> Big {
        Big {
            a: (x >> 64) as u64,
            b: [x as u32, 0, 0, 0, self.seed as u32],
            c: 1,
            d: f as f64,
        }
    }
}

// ---- many arguments (more than 16 wasm params), formatted so a shifted lane is visible.
both! {
    r_many / c_many (
        a0: i8, a1: u16, a2: i32, a3: u64, a4: i128, a5: f32, a6: f64, a7: bool, a8: char,
        a9: (u8, u32), a10: &str, a11: CU8, a12: C3, a13: Big, a14: (), a15: u8, a16: i64,
        a17: f32, a18: SSmall, a19: Option<u32>, a20: usize, a21: i16,
    ) -> String {
        format!(
            "{a0} {a1} {a2} {a3:#x} {a4} {a5:?} {a6:?} {a7} {a8:?} {a9:?} {a10:?} {a11:?} {a12:?} \
             {a13:?} {a14:?} {a15} {a16} {a17:?} {a18:?} {a19:?} {a20} {a21}"
        )
    }
    /// Eighteen integers of mixed width with odd weights (no bit lost): a shifted lane shows.
    r_many_ints / c_many_ints (
        a0: i32, a1: i64, a2: i8, a3: u16, a4: i32, a5: u64, a6: i16, a7: u8, a8: i32,
        a9: i64, a10: i32, a11: u32, a12: i64, a13: i8, a14: u32, a15: i64, a16: i32, a17: u8,
    ) -> i64 {
        let lanes = [
            a0 as i64, a1, a2 as i64, a3 as i64, a4 as i64, a5 as i64, a6 as i64, a7 as i64,
            a8 as i64, a9, a10 as i64, a11 as i64, a12, a13 as i64, a14 as i64, a15, a16 as i64,
            a17 as i64,
        ];
        lanes.iter().enumerate().fold(0i64, |acc, (i, x)| acc.wrapping_add(x.wrapping_mul(2 * i as i64 + 1)))
    }
    /// Nine f32 and nine f64 interleaved, each with its own power-of-two weight.
    r_many_floats / c_many_floats (
        a0: f32, a1: f64, a2: f32, a3: f64, a4: f32, a5: f64, a6: f32, a7: f64, a8: f32,
        a9: f64, a10: f32, a11: f64, a12: f32, a13: f64, a14: f32, a15: f64, a16: f32, a17: f64,
    ) -> f64 {
        let lanes = [
            a0 as f64, a1, a2 as f64, a3, a4 as f64, a5, a6 as f64, a7, a8 as f64, a9, a10 as f64,
            a11, a12 as f64, a13, a14 as f64, a15, a16 as f64, a17,
        ];
        lanes.iter().enumerate().fold(0.0, |acc, (i, x)| acc + x * (1u32 << i) as f64)
    }
}

// ---- SIMD inside the callee: the abi group's `+simd128` case has LLVM write v128 instructions
// here, so the linked module holds them beside our code and must still pass post-link validation.
/// The dot product of four lanes, wrapping.
pub fn lanes_dot(a: [i32; 4], b: [i32; 4]) -> i32 {
    #[cfg(target_feature = "simd128")]
    {
        use core::arch::wasm32::*;
        let product = i32x4_mul(i32x4(a[0], a[1], a[2], a[3]), i32x4(b[0], b[1], b[2], b[3]));
        i32x4_extract_lane::<0>(product)
            .wrapping_add(i32x4_extract_lane::<1>(product))
            .wrapping_add(i32x4_extract_lane::<2>(product))
            .wrapping_add(i32x4_extract_lane::<3>(product))
    }
    #[cfg(not(target_feature = "simd128"))]
    {
        a.iter().zip(b).fold(0i32, |acc, (x, y)| acc.wrapping_add(x.wrapping_mul(y)))
    }
}
