// C variadics: caller side (printf) and, with nightly c_variadic, callee side.
#![no_std]
#![feature(c_variadic)]
#![allow(warnings)]
unsafe extern "C" { fn printf(fmt: *const u8, ...) -> i32; }

#[unsafe(no_mangle)]
pub unsafe fn call_printf(p: *const u8) -> i32 {
    // i32, i64, f64, i32, ptr, u32 : shows slot size/alignment in the buffer
    unsafe { printf(b"%d %lld %f %d %p %u\n\0".as_ptr(), 1i32, 2i64, 3.0f64, 4i32, p, 5u32) }
}
#[unsafe(no_mangle)]
pub unsafe fn call_printf_none() -> i32 { unsafe { printf(b"hi\n\0".as_ptr()) } }

// callee side: va_list representation and va_arg alignment
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sum_va(n: i32, mut args: ...) -> i64 {
    let mut s: i64 = 0;
    for _ in 0..n { s += unsafe { args.next_arg::<i64>() }; }
    s += unsafe { args.next_arg::<i32>() } as i64;
    s += unsafe { args.next_arg::<f64>() } as i64;
    s
}
