// Checks wasm32 type sizes and alignments (usize and pointers are 4 bytes, u64/f64 align to 8); the expectations hold for wasm32 only.
use std::cell::RefCell;
use std::mem::{align_of, size_of};
use std::rc::Rc;

#[allow(dead_code)]
struct Mixed {
    a: u8,
    b: u64,
    c: u8,
}

#[allow(dead_code)]
#[repr(C)]
struct MixedC {
    a: u8,
    b: u64,
    c: u8,
}

#[allow(dead_code)]
trait Shape {
    fn area(&self) -> f64;
}

fn main() {
    println!("usize {} isize {} align {}", size_of::<usize>(), size_of::<isize>(), align_of::<usize>());
    println!("usize::MAX {} isize::MIN {} BITS {}", usize::MAX, isize::MIN, usize::BITS);
    println!("u64 align {} f64 align {} i64 align {}", align_of::<u64>(), align_of::<f64>(), align_of::<i64>());
    println!("&u8 {} *const u8 {} *mut u64 {} fn() {}", size_of::<&u8>(), size_of::<*const u8>(), size_of::<*mut u64>(), size_of::<fn()>());
    println!("&str {} &[u32] {} &dyn Shape {} *const [u8] {}", size_of::<&str>(), size_of::<&[u32]>(), size_of::<&dyn Shape>(), size_of::<*const [u8]>());
    println!("Box<u8> {} Box<[u8]> {} Box<dyn Shape> {} Box<dyn Fn()> {}", size_of::<Box<u8>>(), size_of::<Box<[u8]>>(), size_of::<Box<dyn Shape>>(), size_of::<Box<dyn Fn()>>());
    println!("String {} Vec<u64> {} Rc<u8> {} Rc<RefCell<u8>> {}", size_of::<String>(), size_of::<Vec<u64>>(), size_of::<Rc<u8>>(), size_of::<Rc<RefCell<u8>>>());
    println!("Option<&u8> {} Option<Box<u8>> {} Option<fn()> {} Option<String> {} Option<usize> {}", size_of::<Option<&u8>>(), size_of::<Option<Box<u8>>>(), size_of::<Option<fn()>>(), size_of::<Option<String>>(), size_of::<Option<usize>>());
    println!("(u8, usize) {} [usize; 3] {} (u8, u64) {}", size_of::<(u8, usize)>(), size_of::<[usize; 3]>(), size_of::<(u8, u64)>());
    println!("Mixed {} align {} MixedC {} align {}", size_of::<Mixed>(), align_of::<Mixed>(), size_of::<MixedC>(), align_of::<MixedC>());
    println!("Result<u32, ()> {} Option<u64> {}", size_of::<Result<u32, ()>>(), size_of::<Option<u64>>());
    let v: Vec<usize> = vec![usize::MAX / 2, 1];
    println!("sum wraps {}", v.iter().fold(0usize, |a, &b| a.wrapping_add(b).wrapping_add(b)));
    println!("usize overflow checked {:?} {:?}", usize::MAX.checked_add(1), (u32::MAX as usize).checked_mul(2));
    println!("u32 as usize {} u64 as usize {}", u32::MAX as usize, (1u64 << 33) as usize + 7);
}
