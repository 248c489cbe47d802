//! `ExternRef` and `#[wasm::host_imports]` against the native emulation of the host table.

use wasm::ExternRef;
use wasm::host::emulated::{self, live_handles, new_object, object, same_object};

#[test]
fn null_is_null_and_costs_no_handle() {
    let before = live_handles();
    let null = ExternRef::null();
    let copy = null.clone();
    assert!(null.is_null() && copy.is_null() && ExternRef::default().is_null());
    assert!(same_object(&null, &copy));
    assert_eq!(live_handles(), before);
    assert_eq!(format!("{null:?}"), "ExternRef(null)");
}

#[test]
fn clones_are_new_handles_to_the_same_object() {
    let before = live_handles();
    let a = new_object(String::from("host"));
    let b = a.clone();
    assert_eq!(live_handles(), before + 2);
    assert!(same_object(&a, &b));
    assert!(!same_object(&a, &new_object(String::from("host"))));
    drop(a);
    assert_eq!(
        object::<String>(&b).as_deref().map(String::as_str),
        Some("host")
    );
    drop(b);
    assert_eq!(live_handles(), before);
    assert_eq!(format!("{:?}", new_object(())), "ExternRef(..)");
}

#[test]
fn references_are_per_thread() {
    let here = new_object(1u8);
    let live_elsewhere = std::thread::spawn(|| {
        let _there = new_object(2u8);
        live_handles()
    })
    .join()
    .unwrap();
    assert_eq!(live_elsewhere, 1);
    drop(here);
}

mod counter_host {
    use std::cell::Cell;

    use wasm::ExternRef;
    use wasm::host::emulated;

    pub fn new_counter(start: i64) -> ExternRef {
        emulated::new_object(Cell::new(start))
    }

    pub fn add(counter: &ExternRef, amount: i64) -> i64 {
        let cell = emulated::object::<Cell<i64>>(counter).expect("a counter");
        cell.set(cell.get() + amount);
        cell.get()
    }

    pub fn consume(counter: ExternRef) -> bool {
        !counter.is_null()
    }

    pub fn fill(out: &mut [u8], byte: u8) -> usize {
        out.fill(byte);
        out.len()
    }

    pub fn sum(bytes: &[u8], text: &str, flag: bool, scale: f64) -> f64 {
        (bytes.iter().map(|&byte| u32::from(byte)).sum::<u32>() as f64 + text.len() as f64) * scale
            + f64::from(u8::from(flag))
    }
}

#[wasm::host_imports(module = "counters", native = counter_host)]
extern "C" {
    /// A host counter starting at `start`.
    fn new_counter(start: i64) -> ExternRef;
    fn add(counter: &ExternRef, amount: i64) -> i64;
    fn consume(counter: ExternRef) -> bool;
    fn fill(out: &mut [u8], byte: u8) -> usize;
    #[link_name = "weighted_sum"]
    fn sum(bytes: &[u8], text: &str, flag: bool, scale: f64) -> f64;
}

mod echo_host {
    pub fn echo(object: wasm::ExternRef, host_import: u32) -> wasm::ExternRef {
        let _ = host_import;
        object
    }
}

// Rust 2024 spells foreign blocks `unsafe extern`; both spellings are accepted. The parameter named
// like the generated import function must not clash with it.
#[wasm::host_imports(module = "echo", native = echo_host)]
unsafe extern "C" {
    fn echo(object: ExternRef, host_import: u32) -> ExternRef;
}

#[test]
fn unsafe_extern_blocks_are_accepted() {
    let object = new_object(3u8);
    assert!(same_object(&echo(object.clone(), 0), &object));
}

#[wasm::host_imports(module = "absent")]
extern "C" {
    fn not_emulated(value: u32);
}

#[test]
fn host_imports_call_the_native_emulation() {
    let before = live_handles();
    let counter = new_counter(10);
    assert_eq!(add(&counter, 5), 15);
    assert_eq!(
        add(&counter.clone(), 1),
        16,
        "a clone reaches the same host object"
    );
    assert!(
        consume(counter),
        "by-value references are passed, then released after the call"
    );
    assert_eq!(live_handles(), before);

    let mut buffer = [0u8; 3];
    assert_eq!(fill(&mut buffer, 7), 3);
    assert_eq!(buffer, [7, 7, 7]);
    assert_eq!(sum(&[1, 2], "abc", true, 2.0), 13.0);
}

#[test]
#[should_panic(expected = "host import `absent.not_emulated` has no native emulation")]
fn host_imports_without_emulation_say_what_to_do() {
    not_emulated(1);
}

#[test]
fn emulated_objects_are_typed() {
    let number = new_object(5u64);
    assert_eq!(object::<u64>(&number).map(|value| *value), Some(5));
    assert!(object::<u32>(&number).is_none());
    assert!(emulated::object::<u64>(&ExternRef::null()).is_none());
}
