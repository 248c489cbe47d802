// Checks raw pointers: deref, add/offset/sub/offset_from, ptr::copy (overlapping), copy_nonoverlapping, write_bytes, read/write_unaligned, swap, NonNull.
use std::ptr::{self, NonNull};

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Header {
    tag: u8,
    len: u16,
    value: u32,
}

fn sum_raw(p: *const i32, n: usize) -> i32 {
    let mut total = 0;
    for i in 0..n {
        // SAFETY: caller guarantees p points to n initialized i32s.
        total += unsafe { *p.add(i) };
    }
    total
}

fn main() {
    let mut x = 10;
    let p = &mut x as *mut i32;
    unsafe {
        *p += 5;
        println!("deref {}", *p);
    }
    let null: *const u8 = ptr::null();
    println!("null {} non-null {}", null.is_null(), p.is_null());

    let arr = [10, 20, 30, 40, 50];
    let base = arr.as_ptr();
    unsafe {
        println!("add {} offset {} back {}", *base.add(2), *base.offset(4), *base.add(4).sub(3));
        let end = base.add(arr.len());
        println!("offset_from {}", end.offset_from(base));
        println!("neg offset {}", *end.offset(-1));
    }
    println!("sum_raw {}", sum_raw(arr.as_ptr(), arr.len()));

    let mut buf = [1u8, 2, 3, 4, 5, 6, 7, 8];
    unsafe {
        let b = buf.as_mut_ptr();
        ptr::copy(b, b.add(2), 5); // overlapping move to the right
    }
    println!("copy overlap right {:?}", buf);
    let mut buf2 = [1u8, 2, 3, 4, 5, 6, 7, 8];
    unsafe {
        let b = buf2.as_mut_ptr();
        ptr::copy(b.add(3), b, 5); // overlapping move to the left
    }
    println!("copy overlap left {:?}", buf2);
    let src = [9u16, 8, 7];
    let mut dst = [0u16; 5];
    unsafe {
        ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().add(1), src.len());
    }
    println!("copy_nonoverlapping {:?}", dst);
    let mut zeroed = [0xffu32; 4];
    unsafe {
        ptr::write_bytes(zeroed.as_mut_ptr().add(1), 0xab, 2);
    }
    println!("write_bytes {:x?}", zeroed);

    let bytes: [u8; 11] = [0xde, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a];
    unsafe {
        let p = bytes.as_ptr().add(1);
        let v32 = ptr::read_unaligned(p as *const u32);
        let v64 = ptr::read_unaligned(p.add(2) as *const u64);
        let v16 = (p.add(5) as *const u16).read_unaligned();
        println!("read_unaligned {:#x} {:#x} {:#x}", v32, v64, v16);
    }
    let mut out = [0u8; 7];
    unsafe {
        ptr::write_unaligned(out.as_mut_ptr().add(1) as *mut u32, 0x11223344);
        (out.as_mut_ptr().add(5) as *mut u16).write_unaligned(0xbeef);
    }
    println!("write_unaligned {:x?}", out);

    let h = Header { tag: 7, len: 300, value: 0xcafebabe };
    let hp = &h as *const Header as *const u8;
    unsafe {
        let copy = ptr::read(hp as *const Header);
        println!("read struct {:?} tag via bytes {}", copy, *hp);
        let len = ptr::read_unaligned(hp.add(2) as *const u16);
        println!("len field via bytes {}", len);
    }
    let mut a = String::from("aaa");
    let mut b = String::from("bbb");
    unsafe {
        ptr::swap(&mut a, &mut b);
    }
    println!("swap {} {}", a, b);
    let mut slot = 0u64;
    unsafe {
        ptr::write(&mut slot, 77);
        println!("write/read {}", ptr::read(&slot));
        let replaced = ptr::replace(&mut slot, 88);
        println!("replace {} -> {}", replaced, slot);
    }
    let v = vec![1.5f64, 2.5, 3.5, 4.5];
    let s = unsafe { std::slice::from_raw_parts(v.as_ptr().add(1), 2) };
    println!("from_raw_parts {:?}", s);
    let mut m = [1, 2, 3, 4];
    let ms = unsafe { std::slice::from_raw_parts_mut(m.as_mut_ptr().add(2), 2) };
    ms[0] = 30;
    ms[1] = 40;
    println!("from_raw_parts_mut {:?}", m);
    let mut val = 5i32;
    let nn = NonNull::new(&mut val as *mut i32).unwrap();
    unsafe {
        *nn.as_ptr() *= 9;
    }
    println!("nonnull {} {:?}", val, NonNull::new(ptr::null_mut::<i32>()).is_none());
    let boxed = Box::new(String::from("raw box"));
    let raw = Box::into_raw(boxed);
    unsafe {
        let inner: &mut String = &mut *raw;
        inner.push('!');
        let back = Box::from_raw(raw);
        println!("box roundtrip {}", back);
    }
    let words = ["a", "bb", "ccc"];
    let mut wp = words.as_ptr();
    let wend = unsafe { wp.add(words.len()) };
    let mut lens = Vec::new();
    while wp != wend {
        unsafe {
            let word: &str = *wp;
            lens.push(word.len());
            wp = wp.add(1);
        }
    }
    println!("walk {:?}", lens);
    let addr_diff = unsafe { (&arr[3] as *const i32).offset_from(&arr[1] as *const i32) };
    println!("element distance {}", addr_diff);
}
