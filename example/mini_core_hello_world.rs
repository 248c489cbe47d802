//! The first program of the test ladder: no sysroot at all, only `mini_core`. It checks the
//! backend's arithmetic, control flow, calls, aggregates and statics, printing through WASI.

#![feature(no_core, lang_items, rustc_attrs)]
#![no_core]
#![allow(internal_features)]

extern crate mini_core;

use mini_core::*;

#[lang = "termination"]
trait Termination {
    fn report(self) -> i32;
}

impl Termination for () {
    fn report(self) -> i32 {
        0
    }
}

#[lang = "start"]
fn start<T: Termination + 'static>(main: fn() -> T, _argc: isize, _argv: *const *const u8, _sigpipe: u8) -> isize {
    main().report() as isize
}

/// Formats `n` in decimal into `buf` and prints it.
fn print_u64(mut n: u64) {
    let mut buf = [0u8; 40];
    let mut i = 40usize;
    if n == 0 {
        print("0");
        return;
    }
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n = n / 10;
    }
    let digits: &[u8] = &buf;
    unsafe {
        let (ptr, _len): (*const u8, usize) = intrinsics::transmute(digits);
        let s: &str = intrinsics::transmute((ptr_add(ptr, i), 40 - i));
        print(s);
    }
}

fn ptr_add(p: *const u8, n: usize) -> *const u8 {
    p.wrapping_add_bytes(n)
}

trait PtrAdd {
    fn wrapping_add_bytes(self, n: usize) -> Self;
}

impl PtrAdd for *const u8 {
    fn wrapping_add_bytes(self, n: usize) -> Self {
        unsafe { intrinsics::offset(self, n) }
    }
}

fn print_i64(n: i64) {
    if n < 0 {
        print("-");
        print_u64((-(n + 1)) as u64 + 1);
    } else {
        print_u64(n as u64);
    }
}

fn line(label: &str, n: i64) {
    print(label);
    print(" = ");
    print_i64(n);
    print("\n");
}

struct Point {
    x: i32,
    y: i32,
}

impl Copy for Point {}

enum Shape {
    Circle(u32),
    Rect { w: u32, h: u32 },
    Empty,
}

fn area(s: &Shape) -> u32 {
    match *s {
        Shape::Circle(r) => 3 * r * r,
        Shape::Rect { w, h } => w * h,
        Shape::Empty => 0,
    }
}

trait Animal {
    fn legs(&self) -> u32;
}
struct Bird;
struct Dog {
    extra: u32,
}
impl Animal for Bird {
    fn legs(&self) -> u32 {
        2
    }
}
impl Animal for Dog {
    fn legs(&self) -> u32 {
        4 + self.extra
    }
}

fn total_legs(animals: &[&dyn Animal]) -> u32 {
    let mut sum = 0;
    let mut i = 0;
    while i < animals.len() {
        sum += animals[i].legs();
        i += 1;
    }
    sum
}

fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn swap_pair(p: (u32, u8)) -> (u8, u32) {
    (p.1, p.0)
}

fn apply(f: fn(i64) -> i64, x: i64) -> i64 {
    f(x)
}

fn triple(x: i64) -> i64 {
    x * 3
}

fn call_closure<F: Fn(i32) -> i32>(f: F) -> i32 {
    f(10)
}

static GREETING: &str = "Hello from rustc_codegen_wasmgc!\n";
static mut COUNTER: u32 = 0;

trait Len {
    fn len(&self) -> usize;
}
impl<T> Len for [T] {
    fn len(&self) -> usize {
        unsafe { intrinsics::transmute::<&[T], (usize, usize)>(self).1 }
    }
}

fn main() {
    print(GREETING);
    line("fib(20)", fib(20) as i64);
    let p = Point { x: 3, y: -4 };
    let q = p;
    line("point", (q.x * q.x + q.y * q.y) as i64);
    let shapes = [Shape::Circle(2), Shape::Rect { w: 3, h: 5 }, Shape::Empty];
    let mut total = 0u32;
    let mut i = 0;
    while i < 3 {
        total += area(&shapes[i]);
        i += 1;
    }
    line("areas", total as i64);
    let (a, b) = swap_pair((77, 5));
    line("swap", (a as u32 * 1000 + b) as i64);
    line("fnptr", apply(triple, -14));
    let k = 5;
    line("closure", call_closure(|x| x * k + 1) as i64);
    let bird = Bird;
    let dog = Dog { extra: 1 };
    let zoo: [&dyn Animal; 3] = [&bird, &dog, &bird];
    line("legs", total_legs(&zoo) as i64);
    let big: u64 = 0xffff_ffff_ffff;
    print("u64 = ");
    print_u64(big * 3 + 1);
    print("\n");
    line("i64::MIN", -9223372036854775807 - 1);
    let wrapped = (250u8 as i8) as i64;
    line("i8", wrapped);
    let shifted = (1u64 << 40) >> 3;
    line("shift", shifted as i64);
    let mut sum = 0i64;
    let mut j = -50i64;
    while j <= 50 {
        sum += j * j;
        j += 1;
    }
    line("sum of squares", sum);
    let f = 7.5f64 * 2.0 - 0.25;
    line("float", (f * 100.0) as i64);
    line("saturate", (1e20f64) as i32 as i64);
    unsafe {
        COUNTER += 41;
        COUNTER += 1;
        line("static mut", COUNTER as i64);
    }
}
