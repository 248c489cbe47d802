//! `SharedSlice<T>`: copies in and out, atomics, views, thread sharing, bounds.

use std::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};

use wasm::{Pod, SharedSlice};

#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Sample {
    time: u32,
    level: u16,
    channel: u8,
    flags: u8,
}

// SAFETY: `repr(C)`, no padding (4 + 2 + 1 + 1), every bit pattern valid.
unsafe impl Pod for Sample {}

#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Odd([u8; 3]);

// SAFETY: three bytes.
unsafe impl Pod for Odd {}

#[test]
fn starts_zeroed_and_reads_back_writes() {
    let data = SharedSlice::<i32>::new(4);
    assert_eq!(data.len(), 4);
    assert!((0..4).all(|index| data.read(index) == 0));
    data.write(3, -9);
    assert_eq!(data.read(3), -9);
}

#[test]
fn copies_whole_slices() {
    let data = SharedSlice::<f64>::new(3);
    data.copy_from_slice(&[1.0, 2.0, 3.0]);
    let mut out = [0.0; 3];
    data.copy_to_slice(&mut out);
    assert_eq!(out, [1.0, 2.0, 3.0]);
}

#[test]
fn user_pod_types_of_any_size() {
    let samples = SharedSlice::<Sample>::new(2);
    let sample = Sample {
        time: 100,
        level: 7,
        channel: 2,
        flags: 0xff,
    };
    samples.write(1, sample);
    assert_eq!(samples.read(1), sample);
    let odd = SharedSlice::<Odd>::new(3);
    odd.write(2, Odd([1, 2, 3]));
    assert_eq!(odd.read(2), Odd([1, 2, 3]));
    assert_eq!(odd.read(1), Odd([0, 0, 0]));
    let wide = SharedSlice::<u128>::new(1);
    wide.write(0, u128::MAX - 1);
    assert_eq!(wide.read(0), u128::MAX - 1);
}

#[test]
fn views_share_memory() {
    let data = SharedSlice::<u16>::new(6);
    let middle = data.slice(2..=3);
    assert_eq!(middle.len(), 2);
    middle.write(1, 33);
    assert_eq!(data.read(3), 33);
    let copy = data.clone();
    copy.write(0, 1);
    assert_eq!(data.read(0), 1);
    assert_eq!(data.slice(..).len(), 6);
    assert!(data.slice(6..).is_empty());
    drop(data);
    assert_eq!(middle.read(1), 33, "a view keeps the memory alive");
}

#[test]
fn integer_atomics() {
    let data = SharedSlice::<i64>::new(2);
    data.store(1, 40, Release);
    assert_eq!(data.fetch_add(1, 2, SeqCst), 40);
    assert_eq!(data.load(1, Acquire), 42);
    assert_eq!(data.compare_exchange(1, 42, -1, SeqCst, Relaxed), Ok(42));
    assert_eq!(data.compare_exchange(1, 42, 0, SeqCst, Relaxed), Err(-1));
    let small = SharedSlice::<i8>::new(1);
    small.write(0, i8::MAX);
    assert_eq!(small.fetch_add(0, 1, Relaxed), i8::MAX);
    assert_eq!(small.read(0), i8::MIN, "fetch_add wraps");
}

#[test]
fn threads_share_one_buffer() {
    let counters = SharedSlice::<usize>::new(2);
    let results = SharedSlice::<u32>::new(4);
    std::thread::scope(|scope| {
        for worker in 0..4 {
            let (counters, results) = (counters.clone(), results.clone());
            scope.spawn(move || {
                for _ in 0..500 {
                    counters.fetch_add(0, 1, Relaxed);
                }
                results.write(worker, worker as u32 + 1);
            });
        }
    });
    assert_eq!(counters.load(0, SeqCst), 2000);
    let mut out = [0; 4];
    results.copy_to_slice(&mut out);
    assert_eq!(out, [1, 2, 3, 4]);
}

#[test]
fn is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<SharedSlice<u8>>();
    check::<SharedSlice<Sample>>();
}

#[test]
#[should_panic(expected = "SharedSlice index out of bounds: the len is 2 but the index is 2")]
fn read_checks_bounds() {
    SharedSlice::<u8>::new(2).read(2);
}

#[test]
#[should_panic(expected = "SharedSlice index out of bounds")]
fn atomics_check_bounds() {
    SharedSlice::<u32>::new(0).fetch_add(0, 1, Relaxed);
}

#[test]
#[should_panic(expected = "out of 0..2")]
fn slice_checks_bounds() {
    SharedSlice::<u8>::new(2).slice(1..3);
}

#[test]
#[should_panic(expected = "lengths differ")]
fn copies_check_lengths() {
    SharedSlice::<u8>::new(2).copy_to_slice(&mut [0; 3]);
}

#[test]
fn zero_length_buffers() {
    let empty = SharedSlice::<u64>::new(0);
    assert!(empty.is_empty());
    empty.copy_from_slice(&[]);
    assert_eq!(format!("{empty:?}"), "SharedSlice<u64>(len 0)");
}

#[test]
fn zero_sized_elements_keep_their_alignment() {
    #[derive(Clone, Copy)]
    #[repr(align(64))]
    struct Marker;
    // SAFETY: no bytes at all.
    unsafe impl Pod for Marker {}

    let markers = SharedSlice::<Marker>::new(5);
    assert_eq!(markers.as_ptr() as usize % 64, 0);
    markers.write(4, Marker);
    let _: Marker = markers.read(4);
    assert_eq!(markers.slice(1..).len(), 4);
}
