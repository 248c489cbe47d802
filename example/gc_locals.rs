//! Handles in local variables: `Gc`, `GcArray` and `ExternRef` locals that are created, read,
//! compared, cloned, reassigned in loops, moved out and dropped. With the WasmRust backend most of
//! them live in typed reference locals instead of root-table slots (docs/wasmgc-lowering.md
//! section 4); the output is the same natively and on the library fallback.

use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Particle {
    x: i32,
    y: i32,
    mass: f64,
    next: Option<Gc<Particle>>,
}

/// A particle at `(3n, 2n)`, computed through its own fields; the local is moved out.
fn spawn(n: i32) -> Gc<Particle> {
    let particle = Gc::new(Particle {
        x: n,
        y: -n,
        mass: 1.5,
        next: None,
    });
    particle.set_x(particle.x() * 3);
    particle.set_y(particle.y() + particle.x());
    particle
}

/// A list built by reassigning one local in a loop.
fn chain(len: i32) -> Option<Gc<Particle>> {
    let mut head: Option<Gc<Particle>> = None;
    for i in 0..len {
        let node = spawn(i);
        node.set_next(head);
        head = Some(node);
    }
    head
}

/// Walks a list it owns, moving each node out of the cursor.
fn total(list: Option<Gc<Particle>>) -> (i64, f64) {
    let mut sum = 0i64;
    let mut mass = 0.0;
    let mut cursor = list;
    while let Some(node) = cursor {
        sum += i64::from(node.x()) + i64::from(node.y());
        mass += node.mass();
        cursor = node.next();
    }
    (sum, mass)
}

/// A handle in a plain struct, kept as a field.
struct Holder {
    inner: Gc<Particle>,
}

/// A move in one branch only, matches by reference, a struct around a handle, early returns.
fn patterns(move_first: bool) -> i32 {
    let first = spawn(1);
    let chosen = if move_first { first } else { spawn(5) };
    let holder = Holder {
        inner: chosen.clone(),
    };
    let maybe = Some(chosen);
    let mut total = 0;
    if let Some(ref particle) = maybe {
        total += particle.x();
    }
    match &maybe {
        Some(particle) => total += particle.y(),
        None => return -1,
    }
    total += holder.inner.x();
    let moved = maybe;
    if moved.is_none() {
        return -2;
    }
    total
}

fn main() {
    let a = spawn(2);
    let b = a.clone();
    let c = spawn(2);
    println!(
        "a = ({}, {}), same object as its clone: {}, as an equal particle: {}",
        a.x(),
        a.y(),
        Gc::ptr_eq(&a, &b),
        Gc::ptr_eq(&a, &c)
    );
    b.set_x(100);
    println!("a.x after b.set_x(100): {}", a.x());
    drop(b);

    let (sum, mass) = total(chain(1000));
    println!("chain(1000): sum {sum}, mass {mass}");
    let empty = chain(0);
    println!("chain(0) is empty: {}", empty.is_none());

    let bytes = GcArray::new(5, 7u8);
    bytes.set(1, 9);
    let copy = bytes.clone();
    println!(
        "array of {}, element 1 is {}, its clone is the same array: {}",
        bytes.len(),
        copy.get(1),
        GcArray::ptr_eq(&bytes, &copy)
    );
    let host = ExternRef::null();
    println!("a null ExternRef is null: {}", host.is_null());

    println!("patterns: {} and {}", patterns(true), patterns(false));

    // Many short-lived objects, each dropped at the end of its iteration.
    let mut even = 0;
    for i in 0..200_000 {
        let particle = spawn(i);
        if particle.x() % 2 == 0 {
            even += 1;
        }
    }
    println!("particles with an even x among 200000: {even}");
}
