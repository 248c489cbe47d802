// Calls C-variadic functions of wasi-libc: the extra arguments travel in a memory buffer.
use std::ffi::{CStr, c_char, c_int, c_long, c_longlong, c_double};

unsafe extern "C" {
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
}

fn format(fmt: &CStr, f: impl FnOnce(*mut c_char, usize, *const c_char) -> c_int) -> String {
    let mut buf = [0 as c_char; 128];
    let n = f(buf.as_mut_ptr(), buf.len(), fmt.as_ptr());
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap().to_owned();
    assert_eq!(n as usize, s.len());
    s
}

fn main() {
    println!("{}", format(c"no extras", |b, n, f| unsafe { snprintf(b, n, f) }));
    println!("{}", format(c"%d %u %x", |b, n, f| unsafe { snprintf(b, n, f, -7 as c_int, 42u32, 0xbeefu32) }));
    println!(
        "{}",
        format(c"%lld|%ld|%d", |b, n, f| unsafe { snprintf(b, n, f, -1234567890123 as c_longlong, 99 as c_long, 3 as c_int) })
    );
    println!("{}", format(c"%.3f %g %d", |b, n, f| unsafe { snprintf(b, n, f, 3.14159 as c_double, 1e10f64, 5 as c_int) }));
    println!("{}", format(c"[%s] [%c] [%p]", |b, n, f| unsafe { snprintf(b, n, f, c"str".as_ptr(), b'Z' as c_int, 16usize as *const u8) }));
    let fp: unsafe extern "C" fn(*mut c_char, usize, *const c_char, ...) -> c_int = snprintf;
    println!("{}", format(c"via pointer: %d %lld", |b, n, f| unsafe { fp(b, n, f, 1 as c_int, 2i64) }));
}
