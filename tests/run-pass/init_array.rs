// Static constructors: function pointers in `#[link_section = ".init_array.PRIORITY"]` statics
// run before `main`, lower priorities first (wasm-ld's `__wasm_call_ctors`, called by wasi-libc's
// `_start`); `.init_array` alone runs last.

use std::sync::atomic::{AtomicU32, Ordering};

/// The constructors append their digit: the order they ran in, in decimal.
static ORDER: AtomicU32 = AtomicU32::new(0);

fn record(digit: u32) {
    ORDER.store(ORDER.load(Ordering::Relaxed) * 10 + digit, Ordering::Relaxed);
}

extern "C" fn first() {
    record(1);
}

extern "C" fn second() {
    record(2);
}

extern "C" fn third() {
    record(3);
}

extern "C" fn last() {
    record(4);
}

#[used]
#[link_section = ".init_array"]
static LAST: extern "C" fn() = last;

#[used]
#[link_section = ".init_array.00200"]
static LATER: [extern "C" fn(); 2] = [second, third];

#[used]
#[link_section = ".init_array.00100"]
static EARLY: extern "C" fn() = first;

fn main() {
    println!("constructors ran in the order {}", ORDER.load(Ordering::Relaxed));
}
