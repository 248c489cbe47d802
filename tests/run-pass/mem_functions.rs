// Checks std::mem: swap, replace, take, size_of/align_of of pointer-width independent types, size_of_val, ManuallyDrop and discriminant.
use std::mem::{self, ManuallyDrop};

#[derive(Debug, Default)]
struct Buffer {
    data: Vec<u8>,
    name: String,
}

#[repr(C)]
struct CLayout {
    a: u8,
    b: u32,
    c: u16,
}

struct Reordered {
    _a: u8,
    _b: u32,
    _c: u8,
}

#[repr(C, packed)]
struct Packed {
    _a: u8,
    _b: u32,
}

#[repr(align(16))]
struct Aligned(#[allow(dead_code)] u8);

struct Loud(&'static str);
impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut a = String::from("left");
    let mut b = String::from("right");
    mem::swap(&mut a, &mut b);
    println!("swap: {} {}", a, b);
    let mut arr = [1, 2, 3, 4];
    let (x, y) = arr.split_at_mut(2);
    mem::swap(&mut x[0], &mut y[1]);
    println!("swap elements: {:?}", arr);
    let mut v = vec![1, 2, 3];
    let old = mem::replace(&mut v, vec![9]);
    println!("replace: old {:?} new {:?}", old, v);
    let mut buf = Buffer { data: vec![7; 3], name: "buf".into() };
    let taken = mem::take(&mut buf);
    println!("take: {:?} left {:?}", taken, buf);
    println!("taken fields: {} {}", taken.data.len(), taken.name);
    let mut n = 5u32;
    let prev = mem::take(&mut n);
    println!("take int: {} {}", prev, n);

    println!("sizes: u8 {} u16 {} u32 {} u64 {} u128 {} f32 {} f64 {} char {} bool {} unit {}",
        mem::size_of::<u8>(), mem::size_of::<u16>(), mem::size_of::<u32>(), mem::size_of::<u64>(),
        mem::size_of::<u128>(), mem::size_of::<f32>(), mem::size_of::<f64>(), mem::size_of::<char>(),
        mem::size_of::<bool>(), mem::size_of::<()>());
    println!("aligns: u8 {} u16 {} u32 {} f32 {} char {}", mem::align_of::<u8>(), mem::align_of::<u16>(), mem::align_of::<u32>(), mem::align_of::<f32>(), mem::align_of::<char>());
    println!("arrays: {} {} {}", mem::size_of::<[u16; 7]>(), mem::size_of::<[u8; 0]>(), mem::size_of::<[[u32; 3]; 2]>());
    println!("tuples: {} {} {}", mem::size_of::<(u8, u8)>(), mem::size_of::<(u8, u32)>(), mem::size_of::<(u16, u8, u16)>());
    println!("repr(C) size {} align {}", mem::size_of::<CLayout>(), mem::align_of::<CLayout>());
    println!("reordered size {}", mem::size_of::<Reordered>());
    println!("packed size {} align {}", mem::size_of::<Packed>(), mem::align_of::<Packed>());
    println!("aligned size {} align {}", mem::size_of::<Aligned>(), mem::align_of::<Aligned>());
    println!("zst: {} {}", mem::size_of::<Buffer>() > 0, mem::size_of::<[Aligned; 0]>());
    println!("options: {} {} {}", mem::size_of::<Option<u8>>(), mem::size_of::<Option<u32>>(), mem::size_of::<Option<char>>());
    println!("size_of_val: {} {} {}", mem::size_of_val(&[0u32; 5]), mem::size_of_val("héllo"), mem::size_of_val(&[1u64, 2][..]));
    let c = CLayout { a: 1, b: 2, c: 3 };
    println!("fields {} {} {}", c.a, c.b, c.c);

    let keep = ManuallyDrop::new(Loud("manual"));
    println!("manually drop holds {}", keep.0);
    let mut dropped_later = ManuallyDrop::new(Loud("explicit"));
    // SAFETY: dropped exactly once and not used afterwards.
    unsafe { ManuallyDrop::drop(&mut dropped_later) };
    let forgotten = Loud("forgotten");
    mem::forget(forgotten);
    let _normal = Loud("normal");
    println!("needs_drop: {} {} {}", mem::needs_drop::<Loud>(), mem::needs_drop::<u32>(), mem::needs_drop::<Vec<u8>>());
    let zeroed: (u32, f64, bool) = unsafe { mem::zeroed() };
    println!("zeroed {:?}", zeroed);
    // SAFETY: all types involved are 4 bytes of plain integers; wasm32 and x86 are little-endian.
    let joined: u32 = unsafe { mem::transmute([0x1234u16, 0xabcd]) };
    let split: [u8; 4] = unsafe { mem::transmute([2u16, 0x0102]) };
    println!("transmute {:#x} {:?}", joined, split);
    println!("end");
}
