//! A minimal `#![no_core]` core library: just the lang items and intrinsics that
//! `mini_core_hello_world.rs` needs, so the backend can be tested without any sysroot.

#![feature(no_core, lang_items, intrinsics, rustc_attrs, unboxed_closures, auto_traits, decl_macro)]
#![no_core]
#![allow(dead_code, internal_features)]

#[lang = "pointee_sized"]
pub trait PointeeSized {}

#[lang = "meta_sized"]
pub trait MetaSized: PointeeSized {}

#[lang = "sized"]
pub trait Sized: MetaSized {}

#[lang = "destruct"]
pub trait Destruct {}

#[lang = "tuple_trait"]
pub trait Tuple {}

#[lang = "legacy_receiver"]
pub trait LegacyReceiver {}

impl<T: ?Sized> LegacyReceiver for &T {}
impl<T: ?Sized> LegacyReceiver for &mut T {}

#[lang = "copy"]
pub trait Copy {}

macro_rules! impl_copy {
    ($($t:ty)*) => { $(impl Copy for $t {})* }
}
impl_copy!(bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
impl<T: ?Sized> Copy for *const T {}
impl<T: ?Sized> Copy for *mut T {}
impl<T: ?Sized> Copy for &T {}

#[lang = "sync"]
pub unsafe trait Sync {}
unsafe impl Sync for u32 {}
unsafe impl Sync for i32 {}
unsafe impl Sync for u8 {}
unsafe impl<T: ?Sized> Sync for &T {}
unsafe impl<T: Sync, const N: usize> Sync for [T; N] {}
unsafe impl Sync for str {}

#[lang = "freeze"]
pub unsafe auto trait Freeze {}

#[lang = "drop"]
pub trait Drop {
    fn drop(&mut self);
}

#[lang = "drop_glue"]
pub unsafe fn drop_glue<T: ?Sized>(_to_drop: &mut T) {}

#[lang = "structural_peq"]
pub trait StructuralPartialEq {}

macro_rules! binop_trait {
    ($lang:literal, $Trait:ident, $method:ident, $op:tt, $($t:ty)*) => {
        #[lang = $lang]
        pub trait $Trait<Rhs = Self> {
            type Output;
            fn $method(self, rhs: Rhs) -> Self::Output;
        }
        $(impl $Trait for $t {
            type Output = $t;
            fn $method(self, rhs: $t) -> $t { self $op rhs }
        })*
    };
}
binop_trait!("add", Add, add, +, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
binop_trait!("sub", Sub, sub, -, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
binop_trait!("mul", Mul, mul, *, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
binop_trait!("div", Div, div, /, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
binop_trait!("rem", Rem, rem, %, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
binop_trait!("bitand", BitAnd, bitand, &, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize bool);
binop_trait!("bitor", BitOr, bitor, |, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize bool);
binop_trait!("bitxor", BitXor, bitxor, ^, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize bool);

macro_rules! shift_trait {
    ($lang:literal, $Trait:ident, $method:ident, $op:tt, $($t:ty)*) => {
        #[lang = $lang]
        pub trait $Trait<Rhs = Self> {
            type Output;
            fn $method(self, rhs: Rhs) -> Self::Output;
        }
        $(impl $Trait<u32> for $t {
            type Output = $t;
            fn $method(self, rhs: u32) -> $t { self $op rhs }
        })*
    };
}
shift_trait!("shl", Shl, shl, <<, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
shift_trait!("shr", Shr, shr, >>, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

macro_rules! assign_trait {
    ($lang:literal, $Trait:ident, $method:ident, $op:tt, $($t:ty)*) => {
        #[lang = $lang]
        pub trait $Trait<Rhs = Self> {
            fn $method(&mut self, rhs: Rhs);
        }
        $(impl $Trait for $t {
            fn $method(&mut self, rhs: $t) { *self $op rhs; }
        })*
    };
}
assign_trait!("add_assign", AddAssign, add_assign, +=, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f64);
assign_trait!("sub_assign", SubAssign, sub_assign, -=, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f64);
assign_trait!("mul_assign", MulAssign, mul_assign, *=, u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f64);

#[lang = "neg"]
pub trait Neg {
    type Output;
    fn neg(self) -> Self::Output;
}
macro_rules! impl_neg {
    ($($t:ty)*) => { $(impl Neg for $t { type Output = $t; fn neg(self) -> $t { -self } })* }
}
impl_neg!(i8 i16 i32 i64 i128 isize f32 f64);

#[lang = "not"]
pub trait Not {
    type Output;
    fn not(self) -> Self::Output;
}
macro_rules! impl_not {
    ($($t:ty)*) => { $(impl Not for $t { type Output = $t; fn not(self) -> $t { !self } })* }
}
impl_not!(bool u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

#[lang = "eq"]
pub trait PartialEq<Rhs: ?Sized = Self> {
    fn eq(&self, other: &Rhs) -> bool;
    fn ne(&self, other: &Rhs) -> bool {
        !self.eq(other)
    }
}

#[lang = "partial_ord"]
pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
    fn lt(&self, other: &Rhs) -> bool;
    fn le(&self, other: &Rhs) -> bool;
    fn gt(&self, other: &Rhs) -> bool;
    fn ge(&self, other: &Rhs) -> bool;
}

macro_rules! impl_cmp {
    ($($t:ty)*) => { $(
        impl PartialEq for $t {
            fn eq(&self, other: &$t) -> bool { (*self) == (*other) }
        }
        impl PartialOrd for $t {
            fn lt(&self, other: &$t) -> bool { (*self) < (*other) }
            fn le(&self, other: &$t) -> bool { (*self) <= (*other) }
            fn gt(&self, other: &$t) -> bool { (*self) > (*other) }
            fn ge(&self, other: &$t) -> bool { (*self) >= (*other) }
        }
    )* }
}
impl_cmp!(bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);

#[lang = "fn_once"]
#[rustc_paren_sugar]
pub trait FnOnce<Args: Tuple> {
    #[lang = "fn_once_output"]
    type Output;
    extern "rust-call" fn call_once(self, args: Args) -> Self::Output;
}

#[lang = "fn_mut"]
#[rustc_paren_sugar]
pub trait FnMut<Args: Tuple>: FnOnce<Args> {
    extern "rust-call" fn call_mut(&mut self, args: Args) -> Self::Output;
}

#[lang = "fn"]
#[rustc_paren_sugar]
pub trait Fn<Args: Tuple>: FnMut<Args> {
    extern "rust-call" fn call(&self, args: Args) -> Self::Output;
}

#[lang = "unsize"]
pub trait Unsize<T: ?Sized> {}

#[lang = "coerce_unsized"]
pub trait CoerceUnsized<T> {}

impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<&'a U> for &'a T {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<*const U> for *const T {}

#[lang = "dispatch_from_dyn"]
pub trait DispatchFromDyn<T> {}

impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<&'a U> for &'a T {}

#[lang = "phantom_data"]
pub struct PhantomData<T: ?Sized>;

#[lang = "panic_location"]
struct Location<'a> {
    file: &'a str,
    line: u32,
    col: u32,
}

#[rustc_builtin_macro]
#[macro_export]
macro_rules! stringify {
    ($($t:tt)*) => {
        /* compiler built-in */
    };
}

pub mod intrinsics {
    #[rustc_intrinsic]
    pub fn abort() -> !;
    #[rustc_intrinsic]
    pub unsafe fn transmute<T, U>(e: T) -> U;
    #[rustc_intrinsic]
    pub const fn size_of<T>() -> usize;
    #[rustc_intrinsic]
    pub unsafe fn offset<Ptr, Delta>(dst: Ptr, offset: Delta) -> Ptr;
}

pub mod wasi {
    #[repr(C)]
    pub struct Ciovec {
        pub buf: *const u8,
        pub len: usize,
    }

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        pub fn fd_write(fd: i32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> i32;
        pub fn proc_exit(code: i32) -> !;
    }

    // crt1-command.o calls into wasi-libc for start-up and exit.
    #[link(name = "c")]
    unsafe extern "C" {}
}

/// Writes `s` to stdout through WASI.
pub fn print(s: &str) {
    unsafe {
        let (ptr, len): (*const u8, usize) = intrinsics::transmute(s);
        let iov = wasi::Ciovec { buf: ptr, len };
        let mut written = 0usize;
        wasi::fd_write(1, &iov, 1, &mut written);
    }
}

#[lang = "panic"]
#[track_caller]
pub fn panic(msg: &'static str) -> ! {
    print("panicked: ");
    print(msg);
    print("\n");
    intrinsics::abort()
}

macro_rules! panic_const {
    ($($lang:ident = $message:expr,)+) => {
        pub mod panic_const {
            use super::*;
            $(
                #[track_caller]
                #[lang = stringify!($lang)]
                pub fn $lang() -> ! {
                    panic($message);
                }
            )+
        }
    }
}

panic_const! {
    panic_const_add_overflow = "attempt to add with overflow",
    panic_const_sub_overflow = "attempt to subtract with overflow",
    panic_const_mul_overflow = "attempt to multiply with overflow",
    panic_const_div_overflow = "attempt to divide with overflow",
    panic_const_rem_overflow = "attempt to calculate the remainder with overflow",
    panic_const_neg_overflow = "attempt to negate with overflow",
    panic_const_shr_overflow = "attempt to shift right with overflow",
    panic_const_shl_overflow = "attempt to shift left with overflow",
    panic_const_div_by_zero = "attempt to divide by zero",
    panic_const_rem_by_zero = "attempt to calculate the remainder with a divisor of zero",
}

#[lang = "panic_bounds_check"]
#[track_caller]
fn panic_bounds_check(_index: usize, _len: usize) -> ! {
    panic("index out of bounds")
}

#[lang = "panic_cannot_unwind"]
fn panic_cannot_unwind() -> ! {
    panic("panic in a function that cannot unwind")
}

#[lang = "index"]
pub trait Index<Idx: ?Sized> {
    type Output: ?Sized;
    fn index(&self, index: Idx) -> &Self::Output;
}

impl<T> Index<usize> for [T] {
    type Output = T;
    fn index(&self, index: usize) -> &T {
        &self[index]
    }
}
