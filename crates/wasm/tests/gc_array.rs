//! `GcArray<T>`: allocation, bounds-checked access by value, sharing, copies and iteration.

use wasm::host::emulated::{live_handles, new_object, same_object};
use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Item {
    id: u32,
}

#[test]
fn new_clones_the_initial_value_into_every_element() {
    let a = GcArray::new(3, 7u16);
    assert_eq!(a.len(), 3);
    assert_eq!(a.to_vec(), [7, 7, 7]);
}

#[test]
fn reference_elements_start_as_one_shared_object() {
    let shared = Gc::new(Item { id: 1 });
    let a = GcArray::new(2, shared.clone());
    a.get(0).set_id(9);
    assert_eq!(a.get(1).id(), 9);
    assert!(Gc::ptr_eq(&a.get(1), &shared));
}

#[test]
fn from_slice_copies_the_values() {
    let source = [1.0f64, -2.0, 3.5];
    let a = GcArray::from_slice(&source);
    assert_eq!(a.to_vec(), source);
    assert!(GcArray::<u8>::from_slice(&[]).is_empty());
}

#[test]
fn set_is_seen_through_every_handle() {
    let a = GcArray::new(2, 'a');
    let b = a.clone();
    b.set(1, 'b');
    assert_eq!(a.get(1), 'b');
    assert!(GcArray::ptr_eq(&a, &b));
    assert!(!GcArray::ptr_eq(&a, &GcArray::new(2, 'a')));
}

#[test]
fn copy_from_slice_overwrites_everything() {
    let a = GcArray::new(3, 0i32);
    a.copy_from_slice(&[-1, -2, -3]);
    assert_eq!(a.to_vec(), [-1, -2, -3]);
}

#[test]
#[should_panic(expected = "lengths differ")]
fn copy_from_slice_rejects_other_lengths() {
    GcArray::new(3, 0i32).copy_from_slice(&[1]);
}

#[test]
#[should_panic(expected = "GcArray index out of bounds: the len is 2 but the index is 2")]
fn get_checks_bounds() {
    GcArray::new(2, 0u8).get(2);
}

#[test]
#[should_panic(expected = "GcArray index out of bounds: the len is 0 but the index is 0")]
fn set_checks_bounds() {
    GcArray::<u8>::from_slice(&[]).set(0, 1);
}

#[test]
fn iteration_is_by_value_in_both_directions() {
    let a = GcArray::from_slice(&[1u32, 2, 3, 4]);
    assert_eq!(a.iter().rev().collect::<Vec<_>>(), [4, 3, 2, 1]);
    assert_eq!(a.iter().len(), 4);
    let mut total = 0;
    for value in &a {
        total += value;
    }
    assert_eq!(total, 10);
    assert_eq!(a.clone().into_iter().max(), Some(4));
}

#[test]
fn iteration_reads_each_element_when_reached() {
    let a = GcArray::from_slice(&[1u8, 2]);
    let mut iter = a.iter();
    assert_eq!(iter.next(), Some(1));
    a.set(1, 20);
    assert_eq!(iter.next(), Some(20));
    assert_eq!(iter.next(), None);
}

#[test]
fn arrays_nest_and_hold_host_references() {
    let before = live_handles();
    let host = new_object("h");
    let rows = GcArray::new(2, GcArray::new(2, ExternRef::null()));
    rows.set(1, GcArray::from_slice(&[host.clone(), ExternRef::null()]));
    assert!(rows.get(0).get(0).is_null());
    assert!(same_object(&rows.get(1).get(0), &host));
    drop((rows, host));
    assert_eq!(
        live_handles(),
        before,
        "dropping the arrays released their references"
    );
}

#[test]
fn optional_references_as_elements() {
    let a: GcArray<Option<Gc<Item>>> = GcArray::new(2, None);
    a.set(0, Some(Gc::new(Item { id: 3 })));
    assert_eq!(
        a.iter().flatten().map(|item| item.id()).collect::<Vec<_>>(),
        [3]
    );
}

#[test]
fn debug_shows_type_and_length() {
    assert_eq!(format!("{:?}", GcArray::new(2, 0u8)), "GcArray<u8>(len 2)");
}
