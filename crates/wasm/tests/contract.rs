//! The layout facts CONTRACT.md promises the backend, checked against the library.

use std::mem::{align_of, offset_of, size_of};

use wasm::contract::v1::{self, GcStruct, GcStructField, RawExternRef};
use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Sample {
    a: u8,
    b: Option<Gc<Sample>>,
    c: f64,
    d: ExternRef,
    e: GcArray<char>,
}

#[test]
fn version_is_one() {
    assert_eq!(v1::CONTRACT_VERSION, 1);
    assert_eq!(wasm::CONTRACT_VERSION, v1::CONTRACT_VERSION);
}

#[test]
fn handles_are_one_pointer_and_option_uses_the_null_niche() {
    assert_eq!(size_of::<Gc<Sample>>(), size_of::<usize>());
    assert_eq!(size_of::<Option<Gc<Sample>>>(), size_of::<usize>());
    assert_eq!(size_of::<GcArray<u8>>(), size_of::<usize>());
    assert_eq!(size_of::<ExternRef>(), 4);
    assert_eq!(align_of::<ExternRef>(), 4);
    assert_eq!(size_of::<RawExternRef>(), 4);
}

#[test]
fn field_numbers_follow_declaration_order() {
    assert_eq!(<Sample as GcStruct>::FIELD_COUNT, 5);
    assert_eq!(<Sample as GcStructField<0>>::OFFSET, offset_of!(Sample, a));
    assert_eq!(<Sample as GcStructField<2>>::OFFSET, offset_of!(Sample, c));
    assert_eq!(<Sample as GcStructField<4>>::OFFSET, offset_of!(Sample, e));
    let _: <Sample as GcStructField<1>>::Type = None::<Gc<Sample>>;
    let _: <Sample as GcStructField<3>>::Type = ExternRef::null();
}

#[test]
fn accessors_are_the_contract_operations() {
    let object = v1::gc_struct_new(Sample {
        a: 1,
        b: None,
        c: 2.0,
        d: ExternRef::null(),
        e: GcArray::from_slice(&['x']),
    });
    v1::gc_struct_set::<Sample, 0>(&object, 5);
    assert_eq!(object.a(), 5);
    object.set_c(3.0);
    assert_eq!(v1::gc_struct_get::<Sample, 2>(&object), 3.0);
    let other = v1::gc_clone(&object);
    v1::gc_struct_set::<Sample, 1>(&object, Some(other.clone()));
    assert!(v1::gc_ptr_eq(&object.b().unwrap(), &object));
    v1::gc_struct_set::<Sample, 1>(&object, None);
}

#[test]
fn raw_externref_round_trips() {
    let null = ExternRef::null();
    let raw = v1::externref_as_raw(&null);
    // SAFETY: null is owned by nobody.
    assert!(unsafe { v1::externref_from_raw(raw) }.is_null());
}
