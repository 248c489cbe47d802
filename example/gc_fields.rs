//! Every kind of GC field and array element: integers of each width and signedness, floats, bool,
//! nullable struct references (a cycle between two types), arrays and host references; read back
//! after writes that wrap, and many short-lived objects.
//!
//! Runs unchanged natively, on wasm32 built by stable rustc + LLVM (library fallback), and with the
//! WasmRust backend (WasmGC structs with packed `i8`/`i16` fields, `array` types per element kind).

use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Wide {
    a: i8,
    b: u8,
    c: i16,
    d: u16,
    e: i32,
    f: u32,
    g: i64,
    h: u64,
    i: f32,
    j: f64,
    k: bool,
    other: Option<Gc<Other>>,
    list: GcArray<i64>,
    host: ExternRef,
}

#[wasm::gc]
struct Other {
    back: Option<Gc<Wide>>,
    tag: u16,
}

fn main() {
    let w = Gc::new(Wide {
        a: -5,
        b: 250,
        c: -30000,
        d: 65000,
        e: -2_000_000_000,
        f: 4_000_000_000,
        g: -9_000_000_000_000,
        h: 18_000_000_000_000_000_000,
        i: 1.5,
        j: -2.25,
        k: true,
        other: None,
        list: GcArray::from_slice(&[1, -2, 3]),
        host: ExternRef::null(),
    });
    let o = Gc::new(Other {
        back: Some(w.clone()),
        tag: 7,
    });
    w.set_other(Some(o.clone()));
    w.set_a(w.a().wrapping_sub(125));
    w.set_c(w.c() - 2768);
    w.set_k(!w.k());
    w.list().set(1, i64::MIN);
    let arr: GcArray<Option<Gc<Other>>> = GcArray::new(4, None);
    arr.set(2, Some(o.clone()));
    let bools = GcArray::from_slice(&[true, false, true]);
    let floats = GcArray::from_slice(&[0.5f32, -0.0, f32::INFINITY]);
    let bytes = GcArray::from_slice(&[-1i8, 127, -128]);
    let halves = GcArray::from_slice(&[-1i16, 32767]);
    let back = w.other().unwrap().back().unwrap();
    println!(
        "{} {} {} {} {} {} {} {} {} {} {}",
        w.a(),
        w.b(),
        w.c(),
        w.d(),
        w.e(),
        w.f(),
        w.g(),
        w.h(),
        w.i(),
        w.j(),
        w.k()
    );
    println!("{:?} {}", w.list().to_vec(), w.host().is_null());
    println!(
        "{} {} {}",
        Gc::ptr_eq(&back, &w),
        arr.get(2).map(|o| o.tag()).unwrap_or(0),
        arr.get(1).is_none()
    );
    println!(
        "{:?} {:?} {:?} {:?}",
        bools.to_vec(),
        floats.to_vec(),
        bytes.to_vec(),
        halves.to_vec()
    );
    let sum: i64 = (0..100_000)
        .map(|i| {
            let g = Gc::new(Other {
                back: None,
                tag: (i % 100) as u16,
            });
            g.tag() as i64
        })
        .sum();
    println!("{sum}");
}
