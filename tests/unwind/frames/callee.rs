//! The callee crate of the unwind group's `frames` cases: built by one backend, the caller by the
//! other, so panics unwind through frames of both and each side's cleanups and catches run.
#![crate_type = "rlib"]
pub struct Noisy(pub &'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("callee drops {}", self.0);
    }
}
#[inline(never)]
pub fn fails(n: u32) -> u32 {
    let _n = Noisy("callee frame");
    if n > 1 {
        panic!("callee panics at {n}");
    }
    n
}
#[inline(never)]
pub fn calls_back(f: &dyn Fn(u32) -> u32, n: u32) -> u32 {
    let _n = Noisy("callee around the callback");
    f(n) + 1
}
pub fn catches(f: &dyn Fn()) -> bool {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f())).is_err()
}
