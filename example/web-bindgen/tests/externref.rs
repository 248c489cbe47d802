//! `ExternRef` and `JsValue` (the `wasm` crate's `wasm-bindgen` feature) under Node: conversions
//! keep the JS value's identity, `null` is the null reference, and no heap slot leaks.

use js_sys::{Array, Object};
use wasm::{ExternRef, Gc, GcArray};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// A GC object with a host reference in it.
#[wasm::gc]
struct Holder {
    value: ExternRef,
}

#[wasm_bindgen_test]
fn a_js_object_round_trips_as_itself() {
    let object = Object::new();
    let reference = ExternRef::from(JsValue::from(object.clone()));
    assert!(!reference.is_null());
    let back = JsValue::from(reference);
    assert!(Object::is(&back, &object));
}

#[wasm_bindgen_test]
fn null_is_the_null_reference_and_undefined_is_not() {
    assert!(ExternRef::from(JsValue::NULL).is_null());
    assert!(JsValue::from(ExternRef::null()).is_null());
    let undefined = ExternRef::from(JsValue::UNDEFINED);
    assert!(!undefined.is_null());
    assert!(JsValue::from(undefined).is_undefined());
}

#[wasm_bindgen_test]
fn clones_refer_to_the_same_value() {
    let array = Array::of1(&JsValue::from_str("shared"));
    let first = ExternRef::from(JsValue::from(array.clone()));
    let second = first.clone();
    drop(first);
    let back: Array = JsValue::from(second).unchecked_into();
    back.push(&JsValue::from_f64(2.0));
    assert_eq!(array.length(), 2);
}

#[wasm_bindgen_test]
fn references_live_in_gc_objects_and_arrays() {
    let strings = GcArray::new(3, ExternRef::null());
    for (index, text) in ["a", "b", "c"].into_iter().enumerate() {
        strings.set(index, ExternRef::from(JsValue::from_str(text)));
    }
    let joined: Vec<String> = (0..strings.len())
        .map(|index| JsValue::from(strings.get(index)).as_string().unwrap())
        .collect();
    assert_eq!(joined, ["a", "b", "c"]);
    let object = Object::new();
    let holder = Gc::new(Holder {
        value: ExternRef::from(JsValue::from(object.clone())),
    });
    assert!(Object::is(&JsValue::from(holder.value()), &object));
    holder.set_value(ExternRef::null());
    assert!(holder.value().is_null());
}

#[wasm_bindgen_test]
fn conversions_leave_no_heap_slot_behind() {
    let object = Object::new();
    let before = wasm_bindgen::externref_heap_live_count();
    for _ in 0..100 {
        let reference = ExternRef::from(JsValue::from(object.clone()));
        let copy = reference.clone();
        let strings = GcArray::new(2, copy);
        drop(JsValue::from(strings.get(1)));
        drop(reference);
    }
    assert_eq!(wasm_bindgen::externref_heap_live_count(), before);
}
