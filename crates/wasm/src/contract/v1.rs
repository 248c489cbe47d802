//! Contract version 1: the handle types, layout traits and operations the backend may replace.
//!
//! Everything here has a library implementation (the fallback) that defines its meaning. The WasmRust
//! backend may replace the body of each function below by WasmGC / `externref` instructions, and it
//! may represent the handle types differently, as `CONTRACT.md` describes; it must keep the observable
//! behaviour documented on each item. Code outside this module reaches GC objects and host references
//! only through these functions, so replacing exactly them is enough.

// The release form returns before the library implementation (`#[cfg(wasm_gc_imports)] return`).
#![cfg_attr(wasm_gc_imports, allow(unreachable_code))]

#[cfg(feature = "alloc")]
use core::ptr::NonNull;

#[cfg(wasm_gc_imports)]
use super::release;

use crate::fallback::extern_table;
#[cfg(feature = "alloc")]
use crate::fallback::gc_box::{self, GcBox};
#[cfg(feature = "alloc")]
use alloc::boxed::Box;

/// The version of this contract. A backend that does not know the version of the `wasm` crate it
/// compiles against uses the library implementation and says so through the `wasm-recognition` lints.
///
/// ```
/// assert_eq!(wasm::contract::v1::CONTRACT_VERSION, 1);
/// assert_eq!(wasm::CONTRACT_VERSION, 1);
/// ```
pub const CONTRACT_VERSION: u32 = 1;

/// A shared handle to a garbage-collected struct declared with [`#[wasm::gc]`](crate::gc).
///
/// `Clone` makes another handle to the same object; [`Gc::ptr_eq`] tells whether two handles refer to
/// the same object. Fields are read and written by value through the generated accessors, which
/// `Gc<T>` reaches by dereferencing to `T::Fields`. `Gc<T>` is neither `Send` nor `Sync`: a GC object
/// belongs to the thread that allocated it. `Option<Gc<T>>` has the size of `Gc<T>`.
///
/// ```
/// use wasm::Gc;
///
/// #[wasm::gc]
/// struct Counter { hits: u32 }
///
/// let a = Gc::new(Counter { hits: 0 });
/// let b = a.clone();
/// b.set_hits(3);
/// assert_eq!(a.hits(), 3);
/// assert!(Gc::ptr_eq(&a, &b));
/// assert_eq!(size_of::<Option<Gc<Counter>>>(), size_of::<usize>());
/// ```
#[cfg(feature = "alloc")]
#[repr(transparent)]
pub struct Gc<T: GcStruct> {
    pub(crate) ptr: NonNull<GcBox<T>>,
}

/// A shared handle to a fixed-length garbage-collected array of [`GcField`] elements.
///
/// Elements are read and written by value; `Clone` shares the array. Neither `Send` nor `Sync`.
///
/// ```
/// use wasm::GcArray;
///
/// let squares = GcArray::new(4, 0u64);
/// for i in 0..squares.len() {
///     squares.set(i, (i * i) as u64);
/// }
/// assert_eq!(squares.to_vec(), [0, 1, 4, 9]);
/// ```
#[cfg(feature = "alloc")]
#[repr(transparent)]
pub struct GcArray<T: GcField> {
    pub(crate) ptr: NonNull<GcBox<Box<[T]>>>,
}

/// An opaque, nullable reference to a host object (a JavaScript value, a host resource).
///
/// `Clone` makes another reference to the same host object and dropping releases one; the host object
/// itself lives as long as the host keeps it. Neither `Send` nor `Sync`. In the fallback it is a
/// handle into a host-side table (`HOST-ABI.md`); when accelerated it is a real `externref`.
///
/// ```
/// use wasm::ExternRef;
///
/// let nothing = ExternRef::null();
/// assert!(nothing.is_null());
/// assert!(nothing.clone().is_null());
/// ```
#[repr(transparent)]
pub struct ExternRef {
    pub(crate) raw: RawExternRef,
    pub(crate) thread: HostReferencesStayOnTheirThread,
}

/// Makes `ExternRef` neither `Send` nor `Sync` without changing its size or alignment: a handle is only
/// meaningful on the thread (the instance) whose table holds it. Named so that the compiler's
/// "cannot be sent between threads" note says why.
// `packed` brings the alignment to 1; the ABI qualification clippy asks for (`repr(C)`) is not
// allowed inside `repr(transparent)`, and the struct has no bytes to lay out anyway.
#[allow(clippy::repr_packed_without_abi)]
#[repr(packed)]
pub(crate) struct HostReferencesStayOnTheirThread([*const (); 0]);

impl HostReferencesStayOnTheirThread {
    pub(crate) const MARK: Self = HostReferencesStayOnTheirThread([]);
}

/// The value an [`ExternRef`] has at the host-import boundary: an `i32` handle in the fallback, an
/// `externref` when accelerated. Only [`externref_as_raw`] and [`externref_from_raw`] make or read one.
///
/// ```
/// use wasm::contract::v1::{externref_as_raw, RawExternRef};
///
/// let raw: RawExternRef = externref_as_raw(&wasm::ExternRef::null());
/// assert_eq!(size_of_val(&raw), 4);
/// ```
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct RawExternRef(pub(crate) u32);

pub(crate) mod sealed {
    /// Keeps the list of GC field types closed: the contract lays out exactly these.
    pub trait Sealed {}

    /// The wasm value types a GC field travels as in the release form (`contract::release`):
    /// `i32`, `i64`, `f32`, `f64`, each with its typed imports.
    pub trait WasmValue: Copy {
        #[cfg(wasm_gc_imports)]
        unsafe fn struct_get(object: u32, field: *const super::FieldDescriptor) -> Self;
        #[cfg(wasm_gc_imports)]
        unsafe fn struct_set(object: u32, value: Self, field: *const super::FieldDescriptor);
        #[cfg(wasm_gc_imports)]
        unsafe fn array_new(len: usize, init: Self, kind: u32) -> u32;
        #[cfg(wasm_gc_imports)]
        unsafe fn array_get(array: u32, index: usize, kind: u32) -> Self;
        #[cfg(wasm_gc_imports)]
        unsafe fn array_set(array: u32, index: usize, value: Self, kind: u32);
    }

    #[cfg(not(wasm_gc_imports))]
    impl WasmValue for i32 {}
    #[cfg(not(wasm_gc_imports))]
    impl WasmValue for i64 {}
    #[cfg(not(wasm_gc_imports))]
    impl WasmValue for f32 {}
    #[cfg(not(wasm_gc_imports))]
    impl WasmValue for f64 {}
}

/// The first word of a [`GcStruct::LAYOUT`] ("WGC1"), so the post-link lowering can tell a layout
/// from other data (`CONTRACT.md` section 6).
#[doc(hidden)]
pub const LAYOUT_MAGIC: u32 = u32::from_le_bytes(*b"WGC1");

/// Which field of which struct a release-form field operation reads or writes (`CONTRACT.md`
/// section 6): `["WGF1", the struct's LAYOUT, the field's number]`.
#[doc(hidden)]
#[repr(C)]
pub struct FieldDescriptor {
    magic: u32,
    layout: *const u32,
    field: u32,
}

impl FieldDescriptor {
    #[cfg_attr(not(wasm_gc_imports), allow(dead_code))]
    pub(crate) const fn new(layout: &'static [u32], field: u32) -> FieldDescriptor {
        FieldDescriptor {
            magic: u32::from_le_bytes(*b"WGF1"),
            layout: layout.as_ptr(),
            field,
        }
    }
}

/// A type that a `#[wasm::gc]` field or a [`GcArray`] element may have.
///
/// Implemented for `i8`..`i64`, `u8`..`u64`, `isize`, `usize`, `f32`, `f64`, `bool`, `char`,
/// [`Gc<U>`], `Option<Gc<U>>`, [`ExternRef`] and [`GcArray<T>`], and for nothing else (the trait is
/// sealed). Reading a field clones it: a copy for scalars, a new handle for references.
///
/// ```
/// fn storable<T: wasm::GcField>() {}
/// storable::<f64>();
/// storable::<wasm::ExternRef>();
/// storable::<wasm::GcArray<u8>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be stored in a GC object",
    label = "not a GC field type",
    note = "GC fields and `GcArray` elements may be: integers up to 64 bits, `f32`, `f64`, `bool`, `char`, `Gc<T>`, `Option<Gc<T>>`, `ExternRef`, `GcArray<T>`",
    note = "for text use `GcArray<u8>`, for a list `GcArray<T>`, for another object a `#[wasm::gc]` struct behind `Gc<T>`"
)]
pub trait GcField: Clone + 'static + sealed::Sealed {
    /// The storage kind the release form's descriptors give this type (`CONTRACT.md` section 6).
    #[doc(hidden)]
    const KIND: u32;
    /// The wasm value type it travels as in the release form.
    #[doc(hidden)]
    type Wasm: sealed::WasmValue;
    /// The value as it travels; a handle's ownership goes with it.
    #[doc(hidden)]
    fn into_wasm(self) -> Self::Wasm;
    /// # Safety
    /// `value` came from `into_wasm` of this type, or from an operation returning this type.
    #[doc(hidden)]
    unsafe fn from_wasm(value: Self::Wasm) -> Self;
}

macro_rules! scalar_gc_fields {
    ($($ty:ty => $kind:literal as $wasm:ty),*) => {$(
        impl sealed::Sealed for $ty {}
        impl GcField for $ty {
            const KIND: u32 = $kind;
            type Wasm = $wasm;
            fn into_wasm(self) -> $wasm {
                self as $wasm
            }
            unsafe fn from_wasm(value: $wasm) -> $ty {
                value as $ty
            }
        }
    )*};
}
scalar_gc_fields!(
    i8 => 0 as i32, u8 => 1 as i32, i16 => 2 as i32, u16 => 3 as i32,
    i32 => 5 as i32, u32 => 5 as i32, isize => 5 as i32, usize => 5 as i32,
    i64 => 6 as i64, u64 => 6 as i64, f32 => 7 as f32, f64 => 8 as f64
);

impl sealed::Sealed for bool {}
impl GcField for bool {
    const KIND: u32 = 4;
    type Wasm = i32;
    fn into_wasm(self) -> i32 {
        self as i32
    }
    unsafe fn from_wasm(value: i32) -> bool {
        value != 0
    }
}

impl sealed::Sealed for char {}
impl GcField for char {
    const KIND: u32 = 5;
    type Wasm = i32;
    fn into_wasm(self) -> i32 {
        self as i32
    }
    unsafe fn from_wasm(value: i32) -> char {
        // SAFETY: only `into_wasm` of a `char` made the value (caller).
        unsafe { char::from_u32_unchecked(value as u32) }
    }
}

impl sealed::Sealed for ExternRef {}
impl GcField for ExternRef {
    const KIND: u32 = 9;
    type Wasm = i32;
    fn into_wasm(self) -> i32 {
        let handle = self.raw.0;
        core::mem::forget(self);
        handle as i32
    }
    unsafe fn from_wasm(value: i32) -> ExternRef {
        ExternRef {
            raw: RawExternRef(value as u32),
            thread: HostReferencesStayOnTheirThread::MARK,
        }
    }
}

#[cfg(feature = "alloc")]
mod gc_reference_fields {
    use super::{Gc, GcArray, GcField, GcStruct, sealed::Sealed};

    use core::ptr::NonNull;

    /// A handle's bits as the release form passes them (a root index there); ownership goes
    /// with them.
    fn bits<T>(pointer: NonNull<T>) -> i32 {
        pointer.as_ptr().addr() as i32
    }

    /// # Safety
    /// `value` is nonzero (a handle's bits).
    unsafe fn pointer<T>(value: i32) -> NonNull<T> {
        // SAFETY: nonzero (caller); never dereferenced in the release form.
        unsafe { NonNull::new_unchecked(core::ptr::without_provenance_mut(value as u32 as usize)) }
    }

    impl<T: GcStruct> Sealed for Gc<T> {}
    impl<T: GcStruct> GcField for Gc<T> {
        const KIND: u32 = 10;
        type Wasm = i32;
        fn into_wasm(self) -> i32 {
            let value = bits(self.ptr);
            core::mem::forget(self);
            value
        }
        unsafe fn from_wasm(value: i32) -> Gc<T> {
            // SAFETY: a handle's bits (caller).
            Gc {
                ptr: unsafe { pointer(value) },
            }
        }
    }
    impl<T: GcStruct> Sealed for Option<Gc<T>> {}
    impl<T: GcStruct> GcField for Option<Gc<T>> {
        const KIND: u32 = 11;
        type Wasm = i32;
        fn into_wasm(self) -> i32 {
            self.map_or(0, Gc::into_wasm)
        }
        unsafe fn from_wasm(value: i32) -> Option<Gc<T>> {
            // SAFETY: 0 or a handle's bits (caller).
            (value != 0).then(|| unsafe { Gc::from_wasm(value) })
        }
    }
    impl<T: GcField> Sealed for GcArray<T> {}
    impl<T: GcField> GcField for GcArray<T> {
        const KIND: u32 = 12;
        type Wasm = i32;
        fn into_wasm(self) -> i32 {
            let value = bits(self.ptr);
            core::mem::forget(self);
            value
        }
        unsafe fn from_wasm(value: i32) -> GcArray<T> {
            // SAFETY: a handle's bits (caller).
            GcArray {
                ptr: unsafe { pointer(value) },
            }
        }
    }
}

/// A struct laid out as a GC object; implemented by [`#[wasm::gc]`](crate::gc), never by hand.
///
/// # Safety
/// `Fields` is a `#[repr(transparent)]` struct whose only field is a `Gc<Self>`, and `Self` implements
/// [`GcStructField<I>`] for every `I` below `FIELD_COUNT`, describing field `I` in declaration order.
///
/// ```
/// #[wasm::gc]
/// struct Point { x: f64, y: f64 }
///
/// assert_eq!(<Point as wasm::contract::v1::GcStruct>::FIELD_COUNT, 2);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a GC struct",
    label = "`Gc<T>` needs a `#[wasm::gc]` struct here",
    note = "`Gc<T>` points only to structs declared with `#[wasm::gc]`; for text use `GcArray<u8>`, for a sequence `GcArray<T>`"
)]
pub unsafe trait GcStruct: Sized + 'static {
    /// The generated accessor type that `Gc<Self>` dereferences to.
    type Fields;
    /// How many fields the struct has.
    const FIELD_COUNT: u32;
    /// The release form's layout descriptor (`CONTRACT.md` section 6): `[LAYOUT_MAGIC,
    /// FIELD_COUNT, then per field its GcField::KIND and OFFSET]`.
    #[doc(hidden)]
    const LAYOUT: &'static [u32];
}

/// Field number `FIELD` (in declaration order) of a GC struct; implemented by `#[wasm::gc]`.
///
/// # Safety
/// `Type` is the declared type of that field and `OFFSET` its byte offset in `Self`.
///
/// ```
/// use wasm::contract::v1::GcStructField;
///
/// #[wasm::gc]
/// struct Pair { left: u8, right: char }
///
/// let _: <Pair as GcStructField<1>>::Type = 'x';
/// ```
pub unsafe trait GcStructField<const FIELD: u32>: GcStruct {
    /// The field's type.
    type Type: GcField;
    /// The field's byte offset inside `Self` in the fallback.
    const OFFSET: usize;
    /// `Type`'s storage kind, for the release form's layout (`CONTRACT.md` section 6).
    #[doc(hidden)]
    const KIND: u32 = <Self::Type as GcField>::KIND;
}

/// Allocates a GC object holding `fields`; `struct.new` when accelerated.
///
/// ```
/// #[wasm::gc]
/// struct Leaf { weight: u16 }
///
/// let leaf = wasm::contract::v1::gc_struct_new(Leaf { weight: 7 });
/// assert_eq!(leaf.weight(), 7);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_struct_new<T: GcStruct>(fields: T) -> Gc<T> {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_struct_new(fields);

    Gc {
        ptr: gc_box::allocate(fields),
    }
}

/// Reads field `FIELD` by value (a copy, or a new handle for references); `struct.get`.
///
/// ```
/// use wasm::contract::v1::{gc_struct_get, gc_struct_new};
///
/// #[wasm::gc]
/// struct Pair { left: u8, right: char }
///
/// let pair = gc_struct_new(Pair { left: 1, right: 'r' });
/// assert_eq!(gc_struct_get::<Pair, 1>(&pair), 'r');
/// ```
#[cfg(feature = "alloc")]
pub fn gc_struct_get<T: GcStructField<FIELD>, const FIELD: u32>(object: &Gc<T>) -> T::Type {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_struct_get::<T, FIELD>(object);

    // SAFETY: `object` keeps the box alive and `OFFSET` is the offset of a `T::Type` (trait contract).
    unsafe { gc_box::read_clone(gc_box::value_ptr(object.ptr).byte_add(T::OFFSET).cast()) }
}

/// Replaces field `FIELD` with `value`, dropping the old value afterwards; `struct.set`.
///
/// ```
/// use wasm::contract::v1::{gc_struct_new, gc_struct_set};
///
/// #[wasm::gc]
/// struct Pair { left: u8, right: char }
///
/// let pair = gc_struct_new(Pair { left: 1, right: 'r' });
/// gc_struct_set::<Pair, 0>(&pair, 9);
/// assert_eq!(pair.left(), 9);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_struct_set<T: GcStructField<FIELD>, const FIELD: u32>(object: &Gc<T>, value: T::Type) {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_struct_set::<T, FIELD>(object, value);

    // SAFETY: as in `gc_struct_get`; no reference into the object is alive during the replacement.
    let old: T::Type = unsafe {
        gc_box::replace(
            gc_box::value_ptr(object.ptr).byte_add(T::OFFSET).cast(),
            value,
        )
    };
    drop(old);
}

/// Whether two handles refer to the same GC object; `ref.eq`.
///
/// ```
/// #[wasm::gc]
/// struct Unit {}
///
/// let a = wasm::Gc::new(Unit {});
/// assert!(wasm::contract::v1::gc_ptr_eq(&a, &a.clone()));
/// assert!(!wasm::contract::v1::gc_ptr_eq(&a, &wasm::Gc::new(Unit {})));
/// ```
#[cfg(feature = "alloc")]
pub fn gc_ptr_eq<T: GcStruct>(a: &Gc<T>, b: &Gc<T>) -> bool {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_ptr_eq(release::root(a), release::root(b));

    a.ptr == b.ptr
}

/// Makes another handle to the same GC object.
///
/// ```
/// #[wasm::gc]
/// struct Unit {}
///
/// let a = wasm::Gc::new(Unit {});
/// let b = wasm::contract::v1::gc_clone(&a);
/// assert!(wasm::Gc::ptr_eq(&a, &b));
/// ```
#[cfg(feature = "alloc")]
pub fn gc_clone<T: GcStruct>(object: &Gc<T>) -> Gc<T> {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return unsafe { release::gc_of(release::gc_clone(release::root(object))) };

    // SAFETY: `object` is a live handle.
    unsafe { gc_box::retain(object.ptr) };
    Gc { ptr: object.ptr }
}

/// Releases one handle; called exactly once per handle, by `Drop`. The object is freed when no handle
/// or field refers to it any more (the fallback leaks cycles; the accelerated mode collects them).
///
/// ```
/// #[wasm::gc]
/// struct Unit {}
///
/// drop(wasm::Gc::new(Unit {})); // `Drop for Gc` calls `gc_drop`
/// ```
///
/// # Safety
/// `object` is not used afterwards (not even dropped).
#[cfg(feature = "alloc")]
pub unsafe fn gc_drop<T: GcStruct>(object: &mut Gc<T>) {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_drop(release::root(object));

    // SAFETY: the caller gives up this handle.
    unsafe { gc_box::release(object.ptr) }
}

/// Allocates an array of `len` elements, each a clone of `init`; `array.new`.
///
/// ```
/// let zeros = wasm::contract::v1::gc_array_new(3, 0i32);
/// assert_eq!(zeros.to_vec(), [0, 0, 0]);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_array_new<T: GcField>(len: usize, init: T) -> GcArray<T> {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_array_new(len, init);

    GcArray {
        ptr: gc_box::allocate(alloc::vec![init; len].into_boxed_slice()),
    }
}

/// Allocates an array holding clones of `values`; `array.new_fixed` or a loop of `array.set`.
///
/// ```
/// let letters = wasm::contract::v1::gc_array_from_slice(&['a', 'b']);
/// assert_eq!(letters.to_vec(), ['a', 'b']);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_array_from_slice<T: GcField>(values: &[T]) -> GcArray<T> {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_array_from_slice(values);

    GcArray {
        ptr: gc_box::allocate(values.into()),
    }
}

/// The number of elements; `array.len`.
///
/// ```
/// assert_eq!(wasm::contract::v1::gc_array_len(&wasm::GcArray::new(5, 1u8)), 5);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_array_len<T: GcField>(array: &GcArray<T>) -> usize {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_array_len(release::array_root(array));

    // SAFETY: `array` keeps the box alive; the length never changes.
    unsafe { elements_ptr(array).len() }
}

/// Reads element `index` by value; `array.get`. [`GcArray::get`] checks the bounds before calling it.
///
/// ```
/// let array = wasm::GcArray::from_slice(&[10u32, 20]);
/// // SAFETY: 1 < 2
/// assert_eq!(unsafe { wasm::contract::v1::gc_array_get_unchecked(&array, 1) }, 20);
/// ```
///
/// # Safety
/// `index < gc_array_len(array)`.
#[cfg(feature = "alloc")]
pub unsafe fn gc_array_get_unchecked<T: GcField>(array: &GcArray<T>, index: usize) -> T {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return unsafe { release::gc_array_get_unchecked(array, index) };

    // SAFETY: in bounds (caller); the element pointer is derived without a reference to the slice.
    unsafe { gc_box::read_clone(element_ptr(array, index)) }
}

/// Replaces element `index` with `value`, dropping the old one afterwards; `array.set`.
///
/// ```
/// let array = wasm::GcArray::new(2, false);
/// // SAFETY: 0 < 2
/// unsafe { wasm::contract::v1::gc_array_set_unchecked(&array, 0, true) };
/// assert_eq!(array.to_vec(), [true, false]);
/// ```
///
/// # Safety
/// `index < gc_array_len(array)`.
#[cfg(feature = "alloc")]
pub unsafe fn gc_array_set_unchecked<T: GcField>(array: &GcArray<T>, index: usize, value: T) {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return unsafe { release::gc_array_set_unchecked(array, index, value) };

    // SAFETY: in bounds (caller); no reference into the array is alive during the replacement.
    let old = unsafe { gc_box::replace(element_ptr(array, index), value) };
    drop(old);
}

/// The array's elements, reached without creating a reference into the object.
///
/// # Safety
/// `array` is a live handle (any `&GcArray` is).
#[cfg(feature = "alloc")]
unsafe fn elements_ptr<T: GcField>(array: &GcArray<T>) -> *mut [T] {
    // SAFETY: the box is alive; dereferencing a `Box` through a raw place creates no reference.
    unsafe { &raw mut **gc_box::value_ptr(array.ptr) }
}

#[cfg(feature = "alloc")]
unsafe fn element_ptr<T: GcField>(array: &GcArray<T>, index: usize) -> *mut T {
    // SAFETY: the box is alive; the caller checked `index`.
    unsafe { elements_ptr(array).cast::<T>().add(index) }
}

/// Whether two handles refer to the same array; `ref.eq`.
///
/// ```
/// let a = wasm::GcArray::new(1, 0u8);
/// assert!(wasm::contract::v1::gc_array_ptr_eq(&a, &a.clone()));
/// ```
#[cfg(feature = "alloc")]
pub fn gc_array_ptr_eq<T: GcField>(a: &GcArray<T>, b: &GcArray<T>) -> bool {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_ptr_eq(release::array_root(a), release::array_root(b));

    a.ptr == b.ptr
}

/// Makes another handle to the same array.
///
/// ```
/// let a = wasm::GcArray::new(1, 0u8);
/// let b = wasm::contract::v1::gc_array_clone(&a);
/// b.set(0, 5);
/// assert_eq!(a.get(0), 5);
/// ```
#[cfg(feature = "alloc")]
pub fn gc_array_clone<T: GcField>(array: &GcArray<T>) -> GcArray<T> {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return unsafe { release::array_of(release::gc_clone(release::array_root(array))) };

    // SAFETY: `array` is a live handle.
    unsafe { gc_box::retain(array.ptr) };
    GcArray { ptr: array.ptr }
}

/// Releases one array handle; called exactly once per handle, by `Drop`.
///
/// ```
/// drop(wasm::GcArray::new(1, 0u8)); // `Drop for GcArray` calls `gc_array_drop`
/// ```
///
/// # Safety
/// `array` is not used afterwards (not even dropped).
#[cfg(feature = "alloc")]
pub unsafe fn gc_array_drop<T: GcField>(array: &mut GcArray<T>) {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::gc_drop(release::array_root(array));

    // SAFETY: the caller gives up this handle.
    unsafe { gc_box::release(array.ptr) }
}

/// The null host reference; `ref.null extern`.
///
/// ```
/// assert!(wasm::contract::v1::externref_null().is_null());
/// ```
pub fn externref_null() -> ExternRef {
    ExternRef {
        raw: RawExternRef(extern_table::NULL_HANDLE),
        thread: HostReferencesStayOnTheirThread::MARK,
    }
}

/// Whether `object` is null; `ref.is_null`.
///
/// ```
/// assert!(wasm::contract::v1::externref_is_null(&wasm::ExternRef::null()));
/// ```
pub fn externref_is_null(object: &ExternRef) -> bool {
    object.raw.0 == extern_table::NULL_HANDLE
}

/// Makes another reference to the same host object (the host's `externref_clone` in the fallback).
///
/// ```
/// let copy = wasm::contract::v1::externref_clone(&wasm::ExternRef::null());
/// assert!(copy.is_null());
/// ```
pub fn externref_clone(object: &ExternRef) -> ExternRef {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::extern_of(release::externref_clone_root(object.raw.0));

    let handle = extern_table::clone_handle(object.raw.0);
    ExternRef {
        raw: RawExternRef(handle),
        thread: HostReferencesStayOnTheirThread::MARK,
    }
}

/// Releases one host reference; called exactly once per reference, by `Drop`.
///
/// ```
/// drop(wasm::ExternRef::null()); // `Drop for ExternRef` calls `externref_drop`
/// ```
///
/// # Safety
/// `object` is not used afterwards (not even dropped).
pub unsafe fn externref_drop(object: &mut ExternRef) {
    // Built for the post-link lowering: the release form's import (`contract::release`).
    #[cfg(wasm_gc_imports)]
    #[allow(unused_unsafe)]
    return release::externref_drop_root(object.raw.0);

    extern_table::drop_handle(object.raw.0);
}

/// The boundary value of a borrowed reference, for passing it to a host import. It stays valid while
/// `object` is alive; the host must not release it.
///
/// ```
/// let object = wasm::ExternRef::null();
/// let raw = wasm::contract::v1::externref_as_raw(&object);
/// assert_eq!(size_of_val(&raw), 4);
/// ```
pub fn externref_as_raw(object: &ExternRef) -> RawExternRef {
    object.raw
}

/// Takes ownership of a boundary value that a host import returned.
///
/// ```
/// use wasm::contract::v1::{externref_as_raw, externref_from_raw};
///
/// let null = externref_as_raw(&wasm::ExternRef::null());
/// // SAFETY: the null reference is owned by nobody.
/// assert!(unsafe { externref_from_raw(null) }.is_null());
/// ```
///
/// # Safety
/// `raw` came from the host as a new reference owned by the caller (or is null), and is taken once.
pub unsafe fn externref_from_raw(raw: RawExternRef) -> ExternRef {
    ExternRef {
        raw,
        thread: HostReferencesStayOnTheirThread::MARK,
    }
}

/// Takes over wasm-bindgen's heap slot `index` as a reference to the same JS value: how a
/// `wasm_bindgen::JsValue` becomes an [`ExternRef`] (`From<JsValue>` calls it after turning JS `null`
/// into the null reference). Only with the `wasm-bindgen` feature on wasm32-unknown-unknown, where
/// the library's handles *are* wasm-bindgen heap indices, so this moves the index: no copy, no JS
/// call.
///
/// This operation and [`externref_into_js_heap`] are the contract's wasm-bindgen part
/// (`CONTRACT.md` section 3.6). A backend that does not lower both must not accelerate a program
/// whose `wasm` crate has them: its `ExternRef`s would be of another kind than wasm-bindgen's.
///
/// # Safety
/// `index` is a live wasm-bindgen heap index owned by the caller (a `JsValue` given up with
/// `IntoWasmAbi::into_abi`), and is taken once.
#[cfg(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
))]
pub unsafe fn externref_from_js_heap(index: u32) -> ExternRef {
    ExternRef {
        raw: RawExternRef(index),
        thread: HostReferencesStayOnTheirThread::MARK,
    }
}

/// Gives up a non-null `object` as wasm-bindgen's heap index of the same JS value, for
/// `JsValue::from_abi`: how an [`ExternRef`] becomes a `wasm_bindgen::JsValue` (`From<ExternRef>`
/// calls it after turning the null reference into JS `null`). The counterpart of
/// [`externref_from_js_heap`], with the same conditions.
#[cfg(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
))]
pub fn externref_into_js_heap(object: ExternRef) -> u32 {
    let index = object.raw.0;
    core::mem::forget(object);
    index
}
