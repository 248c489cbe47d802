//! Caller half of the `abi` group: calls every function of `abi_callee` (built by the other backend) with chosen values, hands it callbacks, and checks every result by value.
//
// One line per check: `ok   NAME: VALUE`, or `FAIL NAME: got X, want Y`; the last line counts
// them. Checks named `F/cb` run inside a callback that the callee `F` called, so they check
// arguments that code of the callee's backend passed to code of this crate's backend.
// Narrow arguments are made by truncating a wider `black_box` value, so a compiler that
// truncates lazily (LLVM does) hands over high garbage bits wherever its ABI allows them.

use std::cell::Cell;
use std::fmt::{self, Debug, LowerHex};
use std::hint::black_box as bb;
use std::marker::PhantomData;

use abi_callee::*;

thread_local! {
    static TOTAL: Cell<u32> = const { Cell::new(0) };
    static FAILED: Cell<u32> = const { Cell::new(0) };
    /// The callee function being called, to name the checks its callbacks make.
    static CONTEXT: Cell<&'static str> = const { Cell::new("") };
}

fn check<T: PartialEq + Debug>(name: &str, got: T, want: T) {
    TOTAL.with(|total| total.set(total.get() + 1));
    if got == want {
        println!("ok   {name}: {got:?}");
    } else {
        FAILED.with(|failed| failed.set(failed.get() + 1));
        println!("FAIL {name}: got {got:?}, want {want:?}");
    }
}

/// A check made inside a callback, named after the callee function that called it.
fn check_cb<T: PartialEq + Debug>(got: T, want: T) {
    check(&format!("{}/cb", CONTEXT.with(Cell::get)), got, want);
}

/// Prints as `0x...`, for bit patterns.
#[derive(PartialEq)]
struct Hex<T>(T);

impl<T: LowerHex> Debug for Hex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}

/// Calls the Rust-ABI and the C-ABI variant with the same arguments and checks both results,
/// optionally mapped through `[v => expr]` first (for widening and bit patterns). `@ "label"`
/// tells apart several checks of one function.
macro_rules! both {
    ($r:ident / $c:ident $(@ $label:literal)? ($($arg:expr),* $(,)?) => $want:expr) => {
        both!($r / $c $(@ $label)? ($($arg),*) [v => v] => $want)
    };
    ($r:ident / $c:ident $(@ $label:literal)? ($($arg:expr),* $(,)?) [$v:ident => $post:expr] => $want:expr) => {{
        let name = concat!(stringify!($r) $(, "@", $label)?);
        CONTEXT.with(|context| context.set(name));
        let $v = $r($($arg),*);
        check(name, $post, $want);
        let name = concat!(stringify!($c) $(, "@", $label)?);
        CONTEXT.with(|context| context.set(name));
        let $v = $c($($arg),*);
        check(name, $post, $want);
    }};
}

fn main() {
    ints();
    narrow_sources();
    wide_ints();
    bool_char_floats();
    zero_sized();
    pairs();
    structs();
    transparent();
    enums();
    owning();
    callbacks();
    trait_objects();
    many();
    fn_pointers();
    check("lanes_dot", lanes_dot(bb([1, -2, 0x4000_0000, 7]), bb([3, 5, 4, -1])), -14);
    let (total, failed) = (TOTAL.with(Cell::get), FAILED.with(Cell::get));
    println!("{total} checks, {failed} failed");
    if failed != 0 {
        std::process::exit(1);
    }
}

/// x - y = 0x7654_3210_FEDC_BA88: every narrowing keeps a different low part.
const X: i64 = 0x7654_3210_FEDC_BA98;
const Y: i64 = 0x10;

fn ints() {
    both!(r_widen_i8 / c_widen_i8 (bb(0x1FEi64) as i8, bb(0x180i64) as i8) => -1874);
    both!(r_widen_u8 / c_widen_u8 (bb(0x3FEi64) as u8, bb(0x180i64) as u8) => 254126);
    both!(r_widen_i16 / c_widen_i16 (bb(0x1_FFFEi64) as i16, bb(0x1_8000i64) as i16) => 30766);
    both!(r_widen_u16 / c_widen_u16 (bb(0x3_FFFEi64) as u16, bb(0x2_0001i64) as u16) => 65599533);
    both!(r_widen_i32 / c_widen_i32 (bb(0x1_FFFF_FFFEi64) as i32, bb(0x1_8000_0000i64) as i32) => 2147481646);
    both!(r_widen_u32 / c_widen_u32 (bb(0x3_8000_0001i64) as u32, bb(0x2_0000_0002i64) as u32) => 2149631132647);
    both!(r_widen_i64 / c_widen_i64 (bb(-2), bb(i64::MIN)) => 9223372036854773806);
    both!(r_widen_u64 / c_widen_u64 (bb(0x8000_0000_0000_0001), bb(2)) => -9223372036854774809);
    both!(r_widen_isize / c_widen_isize (bb(0x1_FFFF_FFFEi64) as isize, bb(0x1_8000_0000i64) as isize) => 2147481646);
    both!(r_widen_usize / c_widen_usize (bb(0x3_8000_0001i64) as usize, bb(0x2_0000_0002i64) as usize) => 2149631132647);
    both!(r_narrow_i8 / c_narrow_i8 (bb(X), bb(Y)) [v => v as i64] => -120);
    both!(r_narrow_u8 / c_narrow_u8 (bb(X), bb(Y)) [v => v as i64] => 136);
    both!(r_narrow_i16 / c_narrow_i16 (bb(X), bb(Y)) [v => v as i64] => -17784);
    both!(r_narrow_u16 / c_narrow_u16 (bb(X), bb(Y)) [v => v as i64] => 47752);
    both!(r_narrow_i32 / c_narrow_i32 (bb(X), bb(Y)) [v => v as i64] => -19088760);
    both!(r_narrow_u32 / c_narrow_u32 (bb(X), bb(Y)) [v => v as i64] => 4275878536);
    both!(r_narrow_i64 / c_narrow_i64 (bb(X), bb(Y)) => 8526495043095935624);
    both!(r_narrow_u64 / c_narrow_u64 (bb(X), bb(Y)) => 8526495043095935624);
    both!(r_narrow_isize / c_narrow_isize (bb(X), bb(Y)) [v => v as i64] => -19088760);
    both!(r_narrow_usize / c_narrow_usize (bb(X), bb(Y)) [v => v as i64] => 4275878536);
}

/// Narrow values as a Rust-ABI return leaves them (high bits undefined, the receiver masks).
#[inline(never)]
fn ret_i8() -> i8 {
    bb(0x1FEi64) as i8
}

#[inline(never)]
fn ret_i16() -> i16 {
    bb(0x1_8001i64) as i16
}

#[inline(never)]
fn ret_u8() -> u8 {
    bb(0x3FEi64) as u8
}

#[inline(never)]
fn ret_u16() -> u16 {
    bb(0x3_FFFEi64) as u16
}

/// The same narrow arguments made in different ways (truncation, memory, a call's return):
/// each leaves the value in a different state that the call must extend as its ABI says.
fn narrow_sources() {
    let bytes: [i8; 2] = bb([-2, -128]);
    both!(r_widen_i8 / c_widen_i8 @ "mem" (bytes[0], bytes[1]) => -1874);
    both!(r_widen_i8 / c_widen_i8 @ "ret" (ret_i8(), ret_i8()) => -2000);
    let halves: [i16; 2] = bb([-2, -32768]);
    both!(r_widen_i16 / c_widen_i16 @ "mem" (halves[0], halves[1]) => 30766);
    both!(r_widen_i16 / c_widen_i16 @ "ret" (ret_i16(), ret_i16()) => -32767000);
    let want = [-2, -32767, 254, 65534, 1];
    both!(r_sret_narrow / c_sret_narrow (bb(0x1FEi64) as i8, bb(0x1_8001i64) as i16, bb(0x3FEi64) as u8, bb(0x3_FFFEi64) as u16, bb(true)) => want);
    let mem: (i8, i16, u8, u16, bool) = bb((-2, -32767, 254, 65534, true));
    both!(r_sret_narrow / c_sret_narrow @ "mem" (mem.0, mem.1, mem.2, mem.3, mem.4) => want);
    both!(r_sret_narrow / c_sret_narrow @ "ret" (ret_i8(), ret_i16(), ret_u8(), ret_u16(), bb(true)) => want);
}

fn wide_ints() {
    both!(r_i128 / c_i128 (bb(-0x0123_4567_89AB_CDEF_0000_0000_0000_0002), bb(0x7FFF_0000_0000_0001_8000_0000_0000_0003))
        => 165609277531715253744742927626078781431);
    both!(r_u128 / c_u128 (bb(0xFFFF_FFFF_FFFF_FFFE_0000_0000_0000_0003), bb(0x1_0000_0000_0000_0001))
        [v => Hex(v)] => Hex(0xFFFF_FFFF_FFFF_FFF9_0000_0000_0000_0008));
    both!(r_u128_hi / c_u128_hi (bb(0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210)) [v => Hex(v)] => Hex(0x0123_4567_89AB_CDEF));
    both!(r_u128_join / c_u128_join (bb(0x8000_0000_0000_0001), bb(0xFFFF_FFFF_0000_0002))
        [v => Hex(v)] => Hex(0x8000_0000_0000_0001_FFFF_FFFF_0000_0002));
}

fn bool_char_floats() {
    both!(r_bool_widen / c_bool_widen (bb(true), bb(false)) => 10);
    both!(r_bool_narrow / c_bool_narrow (bb(0x1300)) [v => v as i64] => 1);
    both!(r_char / c_char (bb('🦀'), bb(1)) [v => (v, v as u32)] => ('🦁', 0x1F981));
    both!(r_f32 / c_f32 (f32::from_bits(bb(0x3F80_0001)), bb(0.5)) [v => Hex(v.to_bits())] => Hex(0x3FC0_0002));
    both!(r_f64 / c_f64 (f64::from_bits(bb(0x3FF0_0000_0000_0001)), bb(-0.25)) [v => Hex(v.to_bits())]
        => Hex(0x4002_0000_0000_0001));
    both!(r_f32_bits / c_f32_bits (f32::from_bits(bb(0x7FC1_2345))) [v => Hex(v)] => Hex(0x7FC1_2345));
    both!(r_f32_from / c_f32_from (bb(0xFFC0_0001)) [v => Hex(v.to_bits())] => Hex(0xFFC0_0001));
    both!(r_f64_bits / c_f64_bits (f64::from_bits(bb(0x7FF8_0000_DEAD_BEEF))) [v => Hex(v)] => Hex(0x7FF8_0000_DEAD_BEEF));
    both!(r_f64_from / c_f64_from (bb(0x8000_0000_0000_0001)) [v => Hex(v.to_bits())] => Hex(0x8000_0000_0000_0001));
    both!(r_mix / c_mix (bb(1.5), bb(-3), bb(0.25), bb(0x1C8i64) as u8, bb(-0.5), bb(0x1_FED4i64) as i16) => -8011.5);
}

fn zero_sized() {
    both!(r_zst / c_zst (bb(0x8000_0001), (), CEmpty {}, PhantomData, [], bb(0x3_FFFEi64) as u16)
        [v => Hex(v)] => Hex(0x8001_0001));
    let mut out = 0;
    r_unit(&mut out, bb(0x0123_4567_89AB_CDEF));
    check("r_unit", Hex(out), Hex(0x2345_6789_ABCD_EF01));
    let mut out = 0;
    c_unit(&mut out, bb(0x0123_4567_89AB_CDEF));
    check("c_unit", Hex(out), Hex(0x2345_6789_ABCD_EF01));
    let mut out = 0;
    let empty = r_ret_empty(&mut out, bb(0x1234_5678));
    check(
        "r_ret_empty",
        (empty, Hex(out)),
        (CEmpty {}, Hex(0x1234_A987)),
    );
    let mut out = 0;
    let empty = c_ret_empty(&mut out, bb(0x1234_5678));
    check(
        "c_ret_empty",
        (empty, Hex(out)),
        (CEmpty {}, Hex(0x1234_A987)),
    );
}

/// A callee-side `Tr` user needs an implementation from this crate.
struct Widget {
    n: i64,
    label: String,
}

impl Tr for Widget {
    fn id(&self) -> u32 {
        self.n as u32 ^ 0xF000_0000
    }
    fn scale(&mut self, k: i8) -> (i32, i64) {
        check_cb(k as i64, -2);
        self.n *= k as i64;
        (self.n as i32, self.n)
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn big(&self, x: u128, f: f32) -> Big {
        check_cb(
            (Hex(x), f),
            (Hex(0x1111_2222_3333_4444_5555_6666_7777_8888), 0.5),
        );
        Big {
            a: x as u64,
            b: [(x >> 64) as u32, (x >> 96) as u32, 0, 0, 0],
            c: 0,
            d: f as f64 * 3.0,
        }
    }
}

fn widget() -> Widget {
    Widget {
        n: 21,
        label: "widget".to_owned(),
    }
}

static SEVEN: u32 = 7;

fn pairs() {
    both!(r_pair_i32_i64 / c_pair_i32_i64 ((bb(0x1_FFFF_FFFEi64) as i32, bb(i64::MAX))) => (9223372036854775805, -6));
    both!(r_pair_u8_u32 / c_pair_u8_u32 ((bb(0x3FEi64) as u8, bb(0x8000_0001))) => (1, 24));
    both!(r_pair_f32_u16 / c_pair_f32_u16 ((bb(1.25), bb(0x1_7FFEi64) as u16)) => (-2.5, 0xFFFF));
    both!(r_pair_f64 / c_pair_f64 ((bb(0.5), bb(-3.0))) => (-12.0, -0.5));
    both!(r_pair_bool_char / c_pair_bool_char ((bb(true), bb('y'))) => ('z', false));
    both!(r_slice / c_slice (bb(&[0x1234, 0xFFFE, 0x8001][..]), bb(0x0101)) [v => Hex(v)] => Hex(0x3000_8100_FEFF_1335));
    let mut values = [1, -2, 0x4000_0000];
    r_slice_mut(bb(&mut values[..]), bb(-3));
    check("r_slice_mut", values, [-3, 6, 0x4000_0000]);
    let mut values = [1, -2, 0x4000_0000];
    c_slice_mut(bb(&mut values[..]), bb(-3));
    check("c_slice_mut", values, [-3, 6, 0x4000_0000]);
    let data = [10u16, 20, 30, 40];
    both!(r_subslice / c_subslice (bb(&data[..]), bb(1)) [v => (v, v.as_ptr() == data[1..].as_ptr())] => (&[20, 30, 40][..], true));
    both!(r_str / c_str (bb("héllo wörld"), bb(7)) => "wörld");
    both!(r_str_join / c_str_join (bb("left"), bb("right")) [v => v.as_str()] => "right|left");
    both!(r_opt_u32 / c_opt_u32 (bb(Some(0x8000_0001))) => Some(1));
    both!(r_opt_u64 / c_opt_u64 (bb(Some(0x0123_4567_89AB_CDEF))) [v => v.map(Hex)] => Some(Hex(0xF012_3456_789A_BCDE)));
    both!(r_opt_i128 / c_opt_i128 (bb(Some(-0x1_0000_0000_0000_0001))) => Some(0x1_0000_0000_0000_0001));
    both!(r_opt_ref / c_opt_ref (bb(Some(&SEVEN))) [v => v.map(|p| (*p, std::ptr::eq(p, &SEVEN)))] => Some((7, true)));
    both!(r_result_u64 / c_result_u64 (bb(Ok(25))) => Ok(15));
    both!(r_dyn / c_dyn (bb(&widget() as &dyn Tr), bb(0x1FEi64) as i8) => 402653186098);
    both!(r_box_slice / c_box_slice (bb(vec![1, 2, 3].into_boxed_slice())) => vec![3, 2, 1, 0xEE].into_boxed_slice());
}

fn big() -> Big {
    Big {
        a: 0x8000_0000_0000_0001,
        b: [1, 2, 3, 0x8000_0000, 0xFFFF_FFFF],
        c: -2,
        d: 0.5,
    }
}

fn structs() {
    both!(r_cu8 / c_cu8 (CU8 { a: bb(0x3FEi64) as u8 }, CU8 { a: bb(0x181i64) as u8 }) => 254129);
    both!(r_cu8_make / c_cu8_make (bb(0x1234_56F0)) [v => v.a as u32] => 0xF0);
    both!(r_cf64 / c_cf64 (CF64 { a: bb(1.5) }, bb(-4.0)) => CF64 { a: -6.0 });
    both!(r_cnest / c_cnest (CNest { inner: CF32Arr { a: [bb(2.5)] } }, bb(0.25)) => CNest { inner: CF32Arr { a: [2.25] } });
    both!(r_cu128 / c_cu128 (CU128 { a: bb(0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210) }, bb(8))
        [v => Hex(v.a)] => Hex(0x2345_6789_ABCD_EFFE_DCBA_9876_5432_1001));
    both!(r_ci16u32 / c_ci16u32 (CI16U32 { a: bb(0x1_FFFEi64) as i16, b: bb(0x1234_5678) }) => CI16U32 { a: 6, b: 0x7856_3412 });
    both!(r_c3 / c_c3 (C3 { a: bb(0xF0), b: bb(1.5), c: bb(-3) }, C3 { a: bb(0x0F), b: bb(0.25), c: bb(0x1_0000_0001) })
        => C3 { a: 0xFF, b: 1.25, c: -12884901891 });
    both!(r_c4 / c_c4 (C4 { a: bb(1.5), b: bb(-2.25), c: bb(-100), d: bb(0x1234) }) => C4 { a: -2.25, b: 1.5, c: 100, d: 0x2341 });
    both!(r_su32 / c_su32 (SU32 { a: bb(0x8000_0001) }) => SU32 { a: 3 });
    both!(r_spair / c_spair (SPair { a: bb(0xFFFF), b: bb(i64::MIN + 1) }) => SPair { a: 0, b: i64::MAX });
    both!(r_ssmall / c_ssmall (SSmall { a: bb(0x81), b: bb(-2), c: bb(0x1234) }) => SSmall { a: 254, b: -127, c: 0x3412 });
    both!(r_s3b / c_s3b (S3B { a: bb(1), b: bb(-5), c: bb(0xFF) }) => S3B { a: 0xFF, b: 5, c: 1 });
    both!(r_big / c_big (bb(big()), bb(0x104i64) as u8)
        => Big { a: 24, b: [0xFFFF_FFFF, 0x8000_0000, 3, 2, 1], c: -6, d: 2.0 });
    both!(r_big_ref / c_big_ref (&bb(big())) [v => Hex(v)] => Hex(0x8000_0000_FFFF_FFFE));
    both!(r_big_method / c_big_method (&bb(big()), bb(0x10)) => Big { a: 0x8000_0000_0000_0011, ..big() });
    let other = Big {
        a: 5,
        b: [9, 8, 7, 6, 5],
        c: 0,
        d: 0.125,
    };
    both!(r_two_big / c_two_big (bb(big()), bb(0x1F7i64) as i8, bb(other))
        => Big { a: 0x8000_0000_0000_0001, b: [9, 8, 7, 6, 5], c: -9, d: 0.375 });
}

fn transparent() {
    both!(r_ti8 / c_ti8 (TI8(bb(0x1FEi64) as i8)) => -2002);
    both!(r_ti8_make / c_ti8_make (bb(X)) [v => v.0 as i64] => -104);
    both!(r_tu128 / c_tu128 (TU128(bb(0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10)))
        [v => Hex(v.0)] => Hex(0x100F_0E0D_0C0B_0A09_0807_0605_0403_0201));
    both!(r_tf32 / c_tf32 (TF32(bb(-10.0), PhantomData)) [v => v.0] => -2.5);
    both!(r_tbig / c_tbig (TBig(bb(big()))) [v => v.0] => Big { c: -1, ..big() });
    both!(r_tstr / c_tstr (TStr(bb("xyz"))) [v => v.0] => "yz");
}

fn enums() {
    both!(r_color / c_color (bb(Color::Blue)) [v => (v, v as u8)] => (Color::Red, 1));
    both!(r_wide / c_wide (bb(Wide::Neg)) [v => (v, v as i64)] => (Wide::Far, 1 << 40));
    both!(r_tiny / c_tiny (bb(Tiny::A(200))) => Tiny::B(-200));
    both!(r_shape / c_shape (bb(Shape::Rect { w: 7, h: -3 }), bb(5)) => Shape::Circle(5.5));
    both!(r_ctag / c_ctag (bb(CTag::B(5.75))) => CTag::A(5));
    both!(r_opt_bool / c_opt_bool (bb(Some(true))) => Some(false));
    both!(r_opt_char / c_opt_char (bb(Some('y'))) => Some('z'));
    both!(r_res_string / c_res_string (bb(Err("four".to_owned()))) => Ok(0x0404_0404));
    check(
        "r_res_string@ok",
        r_res_string(bb(Ok(255))),
        Err("ok:0xff".to_owned()),
    );
    check(
        "c_res_string@ok",
        c_res_string(bb(Ok(255))),
        Err("ok:0xff".to_owned()),
    );
}

fn owning() {
    both!(r_box / c_box (bb(Box::new(big()))) [v => *v] => Big { a: 0x7FFF_FFFF_FFFF_FFFE, ..big() });
    both!(r_box_u8 / c_box_u8 (bb(Box::new(0x56))) => 2);
    both!(r_string / c_string (bb("abc".to_owned()), bb("def")) [v => v.as_str()] => "<abcdef");
    both!(r_vec / c_vec (bb(vec![1, -2, i64::MIN]), bb(99)) => vec![-2, i64::MIN, 99, 1]);
}

fn cb_fn(c: C3, x: i128, s: &[u32]) -> Option<u64> {
    check_cb(
        (c, x, s),
        (
            C3 {
                a: 0xAB,
                b: -2.5,
                c: -3,
            },
            -0x7FFF_0000_0000_0000_0000_0000_0000_0001,
            &[1, 0x8000_0000, 3][..],
        ),
    );
    Some(c.a as u64 + s[1] as u64)
}

extern "C" fn cb_c(a: i8, b: u16, c: f32, d: C4, e: CU8, f: u128) -> C3 {
    check_cb(
        (a as i64, b as i64, c, d, e.a as u32, Hex(f)),
        (
            -2,
            0xFFFE,
            -0.125,
            C4 {
                a: 0.75,
                b: -1e300,
                c: -100,
                d: 0xBEEF,
            },
            0x81,
            Hex(0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10),
        ),
    );
    C3 {
        a: e.a ^ 0xFF,
        b: c * 8.0,
        c: (f >> 64) as i64 ^ a as i64,
    }
}

fn cb_narrow(a: i8, b: u16) -> i8 {
    check_cb((a as i64, b as i64), (-2, 0xFFFE));
    a.wrapping_mul(64)
}

fn many_cb(
    a0: i8,
    a1: u16,
    a2: i32,
    a3: u64,
    a4: i128,
    a5: f32,
    a6: f64,
    a7: bool,
    a8: char,
    a9: (u8, u32),
    a10: &str,
    a11: CU8,
    a12: C3,
    a13: Big,
    a14: (),
    a15: u8,
    a16: i64,
    a17: f32,
    a18: SSmall,
    a19: Option<u32>,
    a20: usize,
    a21: i16,
) -> String {
    format!(
        "{a0} {a1} {a2} {a3:#x} {a4} {a5:?} {a6:?} {a7} {a8:?} {a9:?} {a10:?} {a11:?} {a12:?} \
         {a13:?} {a14:?} {a15} {a16} {a17:?} {a18:?} {a19:?} {a20} {a21}"
    )
}

/// What `many_cb` and `r_many` print for the values `r_call_many` passes.
const MANY: &str = "-2 65534 -2147483647 0x8000000000000001 -2 0.5 -0.0 true 'ß' (254, 2147483649) \"many\" \
    CU8 { a: 128 } C3 { a: 1, b: 2.0, c: -3 } Big { a: 18364758544493064720, b: [5, 6, 7, 8, 9], c: -7, d: -1.25 } \
    () 127 -1 3.4028235e38 SSmall { a: 1, b: -1, c: 4660 } Some(4294967295) 4294967295 -32768";

fn callbacks() {
    let offset = bb(7i128);
    let add = |a: i8, b: u64, c: f32| -> i128 {
        check_cb((a as i64, Hex(b), c), (-2, Hex(0x8000_0000_0000_0001), 1.5));
        a as i128 * 100_000_000_000_000_000_000 + b as i128 * 10 + (c * 2.0) as i128 + offset
    };
    both!(r_call_dyn / c_call_dyn (&add) => -107766279631452241900);
    let mut calls = 0;
    let mut count = |s: &str, (a, b): (u16, i64)| -> usize {
        calls += 1;
        s.len() * 100_000 + a as usize + (b == i64::MIN) as usize * 7
    };
    both!(r_call_fnmut / c_call_fnmut (&mut count) => 365741001);
    check("callbacks of r_call_fnmut and c_call_fnmut", calls, 4);
    let tag = bb(0xFF);
    let boxed = || -> Box<dyn FnOnce(Big) -> Big> {
        Box::new(move |b: Big| Big {
            a: b.a ^ tag,
            c: b.c.wrapping_mul(2),
            ..b
        })
    };
    both!(r_call_box / c_call_box (boxed())
        => Big { a: 18364758544493064943, b: [5, 6, 7, 8, 9], c: -14, d: -1.25 });
    both!(r_call_fn / c_call_fn (bb(cb_fn)) [v => v.map(Hex)] => Some(Hex(0x8000_00AB)));
    both!(r_call_cfn / c_call_cfn (bb(cb_c)) => C3 { a: 0x7E, b: -1.0, c: -72623859790382858 });
    both!(r_call_narrow / c_call_narrow (bb(cb_narrow)) => -128);
    both!(r_call_many / c_call_many (bb(many_cb)) [v => v.as_str()] => MANY);
    both!(r_make_adder / c_make_adder (bb(100)) [v => v(bb(7), bb(0x1FDi64) as i8)] => 79);
    both!(r_make_counter / c_make_counter (bb(10)) [v => { let mut f = v; (f(5), f(0xFFFF_FFF5)) }]
        => ((15, 64424509455), (4, 17179869188)));
    both!(r_pick / c_pick (bb(1)) [v => v(bb(-20000))] => 25536);
    both!(r_pick_c / c_pick_c (bb(0)) [v => v(bb(0x1FEi64) as i8, bb(1.5))] => -3.0);
}

fn trait_objects() {
    let want = "4026531861 (-42, -42) widget \
                Big { a: 6148933456521300104, b: [858997828, 286335522, 0, 0, 0], c: 0, d: 1.5 }";
    both!(r_drive / c_drive (&mut widget()) [v => v.as_str()] => want);
    let want = (
        2147483645,
        (6, -25769803776),
        "gadget-3".to_owned(),
        Big {
            a: 0x0123_4567_89AB_CDEF,
            b: [0x7654_3210, 0, 0, 0, 6],
            c: 1,
            d: -0.75,
        },
    );
    both!(r_new_tr / c_new_tr (bb(-3)) [v => {
        let mut gadget = v;
        let id = gadget.id();
        let scaled = gadget.scale(bb(0x1FEi64) as i8);
        (id, scaled, gadget.label().to_owned(), gadget.big(bb(0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210), bb(-0.75)))
    }] => want.clone());
}

fn many() {
    both!(r_many / c_many (
        bb(0x1FEi64) as i8,
        bb(0x1_FFFEi64) as u16,
        bb(i32::MIN + 1),
        bb(0x8000_0000_0000_0001),
        bb(-2),
        bb(0.5),
        bb(-0.0),
        bb(true),
        bb('ß'),
        bb((0xFE, 0x8000_0001)),
        bb("many"),
        CU8 { a: bb(0x180i64) as u8 },
        bb(C3 { a: 1, b: 2.0, c: -3 }),
        bb(Big { a: 0xFEDC_BA98_7654_3210, b: [5, 6, 7, 8, 9], c: -7, d: -1.25 }),
        (),
        bb(0x17Fi64) as u8,
        bb(-1),
        bb(f32::MAX),
        bb(SSmall { a: 1, b: -1, c: 0x1234 }),
        bb(Some(0xFFFF_FFFF)),
        bb(0xFFFF_FFFF),
        bb(0x1_8000i64) as i16,
    ) [v => v.as_str()] => MANY);
    both!(r_many_ints / c_many_ints (
        bb(-1),
        bb(0x1_0000_0000),
        bb(0x1FEi64) as i8,
        bb(0x3_FFFFi64) as u16,
        bb(i32::MIN),
        bb(0x8000_0000_0000_0003),
        bb(0x1_8000i64) as i16,
        bb(0x1FFi64) as u8,
        bb(7),
        bb(-7),
        bb(100),
        bb(0xFFFF_FFFF),
        bb(1 << 40),
        bb(0x180i64) as i8,
        bb(3),
        bb(-3),
        bb(1000),
        bb(0x101i64) as u8,
    ) => -9223344456722216300);
    both!(r_many_floats / c_many_floats (
        bb(0.5), bb(-1.0), bb(1.5), bb(-2.0), bb(2.5), bb(-3.0), bb(3.5), bb(-4.0), bb(4.5),
        bb(-5.0), bb(5.5), bb(-6.0), bb(6.5), bb(-7.0), bb(7.5), bb(-8.0), bb(8.5), bb(-9.0),
    ) => -800995.5);
}

/// The callee's functions called through fn pointers (call_indirect) instead of by name.
fn fn_pointers() {
    let f: fn(i8, i8) -> i64 = bb(r_widen_i8);
    check(
        "fnptr r_widen_i8",
        f(bb(0x1FEi64) as i8, bb(0x180i64) as i8),
        -1874,
    );
    let f: extern "C" fn(i8, i8) -> i64 = bb(c_widen_i8);
    check(
        "fnptr c_widen_i8",
        f(bb(0x1FEi64) as i8, bb(0x180i64) as i8),
        -1874,
    );
    let f: extern "C" fn(i64, i64) -> i16 = bb(c_narrow_i16);
    check("fnptr c_narrow_i16", f(bb(X), bb(Y)) as i64, -17784);
    let f: fn((u8, u32)) -> (u8, u32) = bb(r_pair_u8_u32);
    check(
        "fnptr r_pair_u8_u32",
        f((bb(0x3FEi64) as u8, bb(0x8000_0001))),
        (1, 24),
    );
    let f: fn(&str, usize) -> &str = bb(r_str);
    check("fnptr r_str", f(bb("héllo wörld"), bb(7)), "wörld");
    let f: fn(SSmall) -> SSmall = bb(r_ssmall);
    check(
        "fnptr r_ssmall",
        f(SSmall {
            a: 0x81,
            b: -2,
            c: 0x1234,
        }),
        SSmall {
            a: 254,
            b: -127,
            c: 0x3412,
        },
    );
    let f: extern "C" fn(CU128, u8) -> CU128 = bb(c_cu128);
    check(
        "fnptr c_cu128",
        Hex(f(
            CU128 {
                a: bb(0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210),
            },
            bb(8),
        )
        .a),
        Hex(0x2345_6789_ABCD_EFFE_DCBA_9876_5432_1001),
    );
    let f: extern "C" fn(C4) -> C4 = bb(c_c4);
    check(
        "fnptr c_c4",
        f(C4 {
            a: 1.5,
            b: -2.25,
            c: -100,
            d: 0x1234,
        }),
        C4 {
            a: -2.25,
            b: 1.5,
            c: 100,
            d: 0x2341,
        },
    );
    let f: fn(Big, u8) -> Big = bb(r_big);
    check(
        "fnptr r_big",
        f(big(), bb(0x104i64) as u8),
        Big {
            a: 24,
            b: [0xFFFF_FFFF, 0x8000_0000, 3, 2, 1],
            c: -6,
            d: 2.0,
        },
    );
    let f: extern "C" fn(i8, i16, u8, u16, bool) -> [i64; 5] = bb(c_sret_narrow);
    check(
        "fnptr c_sret_narrow",
        f(ret_i8(), ret_i16(), ret_u8(), ret_u16(), bb(true)),
        [-2, -32767, 254, 65534, 1],
    );
    let f: fn(i128, i128) -> i128 = bb(r_i128);
    check(
        "fnptr r_i128",
        f(
            bb(-0x0123_4567_89AB_CDEF_0000_0000_0000_0002),
            bb(0x7FFF_0000_0000_0001_8000_0000_0000_0003),
        ),
        165609277531715253744742927626078781431,
    );
}
