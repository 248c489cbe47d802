//! The release form of contract v1 (`CONTRACT.md` section 6): built with `--cfg wasm_gc_imports`
//! (which `cargo wasm build --release` sets), the operations call `wasmgc-v1` imports that the
//! post-link lowering (`wasm-gc-lower`) turns into WasmGC, so a module compiled by LLVM is
//! accelerated like the backend's. Handles are root-table indices, as in the accelerated mode.

use super::v1::{
    ExternRef, FieldDescriptor, Gc, GcArray, GcField, GcStruct, GcStructField, sealed::WasmValue,
};

#[link(wasm_import_module = "wasmgc-v1")]
unsafe extern "C" {
    #[link_name = "wasmgc:gc_struct_new"]
    fn struct_new(fields: *const u8, layout: *const u32) -> u32;
    #[link_name = "wasmgc:gc_ptr_eq"]
    fn ptr_eq(a: u32, b: u32) -> bool;
    #[link_name = "wasmgc:gc_clone"]
    fn clone(handle: u32) -> u32;
    #[link_name = "wasmgc:gc_drop"]
    fn drop(handle: u32);
    #[link_name = "wasmgc:gc_array_from_slice"]
    fn array_from_slice(values: *const u8, len: usize, kind: u32) -> u32;
    #[link_name = "wasmgc:gc_array_len"]
    fn array_len(array: u32) -> usize;
    #[link_name = "wasmgc:externref_clone"]
    fn externref_clone(handle: u32) -> u32;
    #[link_name = "wasmgc:externref_drop"]
    fn externref_drop(handle: u32);
}

/// The typed operations of one wasm value type, each with its own imports.
macro_rules! wasm_values {
    ($($ty:ident)*) => {$(
        impl WasmValue for $ty {
            #[inline(always)]
            unsafe fn struct_get(object: u32, field: *const FieldDescriptor) -> $ty {
                #[link(wasm_import_module = "wasmgc-v1")]
                unsafe extern "C" {
                    #[link_name = concat!("wasmgc:gc_struct_get:", stringify!($ty))]
                    fn get(object: u32, field: *const FieldDescriptor) -> $ty;
                }
                unsafe { get(object, field) }
            }
            #[inline(always)]
            unsafe fn struct_set(object: u32, value: $ty, field: *const FieldDescriptor) {
                #[link(wasm_import_module = "wasmgc-v1")]
                unsafe extern "C" {
                    #[link_name = concat!("wasmgc:gc_struct_set:", stringify!($ty))]
                    fn set(object: u32, value: $ty, field: *const FieldDescriptor);
                }
                unsafe { set(object, value, field) }
            }
            #[inline(always)]
            unsafe fn array_new(len: usize, init: $ty, kind: u32) -> u32 {
                #[link(wasm_import_module = "wasmgc-v1")]
                unsafe extern "C" {
                    #[link_name = concat!("wasmgc:gc_array_new:", stringify!($ty))]
                    fn new(len: usize, init: $ty, kind: u32) -> u32;
                }
                unsafe { new(len, init, kind) }
            }
            #[inline(always)]
            unsafe fn array_get(array: u32, index: usize, kind: u32) -> $ty {
                #[link(wasm_import_module = "wasmgc-v1")]
                unsafe extern "C" {
                    #[link_name = concat!("wasmgc:gc_array_get:", stringify!($ty))]
                    fn get(array: u32, index: usize, kind: u32) -> $ty;
                }
                unsafe { get(array, index, kind) }
            }
            #[inline(always)]
            unsafe fn array_set(array: u32, index: usize, value: $ty, kind: u32) {
                #[link(wasm_import_module = "wasmgc-v1")]
                unsafe extern "C" {
                    #[link_name = concat!("wasmgc:gc_array_set:", stringify!($ty))]
                    fn set(array: u32, index: usize, value: $ty, kind: u32);
                }
                unsafe { set(array, index, value, kind) }
            }
        }
    )*};
}
wasm_values!(i32 i64 f32 f64);

#[inline(always)]
pub(super) fn root<T: GcStruct>(object: &Gc<T>) -> u32 {
    object.ptr.as_ptr().addr() as u32
}

#[inline(always)]
pub(super) fn array_root<E: GcField>(array: &GcArray<E>) -> u32 {
    array.ptr.as_ptr().addr() as u32
}

/// # Safety
/// `root` is a live root of a `T` object, owned by the caller.
#[inline(always)]
pub(super) unsafe fn gc_of<T: GcStruct>(root: u32) -> Gc<T> {
    // SAFETY: a root is a handle's bits (caller).
    unsafe { Gc::from_wasm(root as i32) }
}

/// # Safety
/// `root` is a live root of an array of `E`, owned by the caller.
#[inline(always)]
pub(super) unsafe fn array_of<E: GcField>(root: u32) -> GcArray<E> {
    // SAFETY: as in `gc_of`.
    unsafe { GcArray::from_wasm(root as i32) }
}

/// An `ExternRef` owning `root` (0 is null).
#[inline(always)]
pub(super) fn extern_of(root: u32) -> ExternRef {
    // SAFETY: any `u32` is an `ExternRef`'s bits; ownership of the root comes with it.
    unsafe { ExternRef::from_wasm(root as i32) }
}

#[inline(always)]
pub(super) fn gc_struct_new<T: GcStruct>(fields: T) -> Gc<T> {
    let fields = core::mem::ManuallyDrop::new(fields);
    let layout = const { T::LAYOUT.as_ptr() };
    // SAFETY: the import reads the fields at `LAYOUT`'s offsets and takes over their handles
    // (`ManuallyDrop` keeps them from being released here); it returns a new root.
    unsafe { gc_of(struct_new((&raw const *fields).cast(), layout)) }
}

#[inline(always)]
pub(super) fn gc_struct_get<T: GcStructField<FIELD>, const FIELD: u32>(object: &Gc<T>) -> T::Type {
    let field = const { &FieldDescriptor::new(T::LAYOUT, FIELD) };
    // SAFETY: the descriptor names field `FIELD` of `T`, whose value (a new root for handles)
    // comes back in the wasm type of `T::Type`.
    unsafe { T::Type::from_wasm(<T::Type as GcField>::Wasm::struct_get(root(object), field)) }
}

#[inline(always)]
pub(super) fn gc_struct_set<T: GcStructField<FIELD>, const FIELD: u32>(
    object: &Gc<T>,
    value: T::Type,
) {
    let field = const { &FieldDescriptor::new(T::LAYOUT, FIELD) };
    // SAFETY: as in `gc_struct_get`; the import takes over a handle value and releases the old.
    unsafe {
        <T::Type as GcField>::Wasm::struct_set(root(object), value.into_wasm(), field);
    }
}

#[inline(always)]
pub(super) fn gc_ptr_eq(a: u32, b: u32) -> bool {
    // SAFETY: both are live roots.
    unsafe { ptr_eq(a, b) }
}

#[inline(always)]
pub(super) fn gc_clone(root: u32) -> u32 {
    // SAFETY: a live root; the new one belongs to the caller.
    unsafe { clone(root) }
}

#[inline(always)]
pub(super) fn gc_drop(root: u32) {
    // SAFETY: the caller gives this root up.
    unsafe { drop(root) }
}

#[inline(always)]
pub(super) fn gc_array_new<E: GcField>(len: usize, init: E) -> GcArray<E> {
    // SAFETY: a new array of `len` elements of kind `E::KIND`; `init` (a handle included) is taken
    // over.
    unsafe { array_of(E::Wasm::array_new(len, init.into_wasm(), const { E::KIND })) }
}

#[inline(always)]
pub(super) fn gc_array_from_slice<E: GcField>(values: &[E]) -> GcArray<E> {
    // SAFETY: the import reads `len` elements of kind `E::KIND` (handles are cloned, not taken).
    unsafe {
        array_of(array_from_slice(
            values.as_ptr().cast(),
            values.len(),
            const { E::KIND },
        ))
    }
}

#[inline(always)]
pub(super) fn gc_array_len(root: u32) -> usize {
    // SAFETY: a live root of an array.
    unsafe { array_len(root) }
}

#[inline(always)]
pub(super) unsafe fn gc_array_get_unchecked<E: GcField>(array: &GcArray<E>, index: usize) -> E {
    // SAFETY: in bounds (caller); the element comes back in `E`'s wasm type.
    unsafe {
        E::from_wasm(E::Wasm::array_get(
            array_root(array),
            index,
            const { E::KIND },
        ))
    }
}

#[inline(always)]
pub(super) unsafe fn gc_array_set_unchecked<E: GcField>(
    array: &GcArray<E>,
    index: usize,
    value: E,
) {
    // SAFETY: in bounds (caller); a handle value is taken over, the old one released.
    unsafe {
        E::Wasm::array_set(
            array_root(array),
            index,
            value.into_wasm(),
            const { E::KIND },
        );
    }
}

#[inline(always)]
pub(super) fn externref_clone_root(root: u32) -> u32 {
    // SAFETY: 0 or a live root; 0 stays 0.
    unsafe { externref_clone(root) }
}

#[inline(always)]
pub(super) fn externref_drop_root(root: u32) {
    // SAFETY: the caller gives up this root (0 is nothing).
    unsafe { externref_drop(root) }
}
