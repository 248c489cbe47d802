//! The meaning of WasmRust's WebAssembly abstractions, usable on stable Rust without the WasmRust compiler.
//!
//! | item | what it is | fallback (this library) | accelerated (WasmRust backend) |
//! | --- | --- | --- | --- |
//! | [`gc`], [`Gc<T>`] | garbage-collected structs | reference counted; cycles leak | WasmGC `struct`; cycles collected |
//! | [`GcArray<T>`] | garbage-collected arrays | reference counted | WasmGC `array` |
//! | [`ExternRef`] | opaque host reference | handle into a host-side table | `externref` |
//! | `From<JsValue>`, `Into<JsValue>` | [`ExternRef`] <-> `wasm_bindgen::JsValue` (feature `wasm-bindgen`, wasm32-unknown-unknown) | the handle is wasm-bindgen's heap index: moved, not copied | not accelerated: the program uses the fallback |
//! | [`host_imports`] | host functions taking/returning [`ExternRef`] | `i32` handles | `externref` parameters |
//! | [`SharedSlice<T>`] | memory others may change concurrently | atomic accesses | the same |
//! | [`host::print`] | printing without `core::fmt` | one import (or WASI / stdout) | the same |
//!
//! Everything the backend may replace is listed in [`contract::v1`] and in `CONTRACT.md`; the backend
//! accelerates those items and never changes what they mean.
//!
//! ```
//! use wasm::Gc;
//!
//! #[wasm::gc]
//! struct Node {
//!     value: i64,
//!     next: Option<Gc<Node>>,
//! }
//!
//! let tail = Gc::new(Node { value: 2, next: None });
//! let head = Gc::new(Node { value: 1, next: Some(tail.clone()) });
//! head.next().unwrap().set_value(20);
//! assert_eq!(tail.value(), 20); // `head.next` and `tail` are the same object
//! ```
#![no_std]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(not(target_arch = "wasm32"))]
extern crate std;

// Lets the macros' `::wasm::...` paths resolve inside this crate's own tests.
extern crate self as wasm;

pub mod contract;
mod externref;
mod fallback;
#[cfg(feature = "alloc")]
mod gc;
#[cfg(feature = "alloc")]
mod gc_array;
pub mod host;
#[cfg(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
))]
mod js_value;
#[cfg(feature = "alloc")]
mod shared_slice;

pub use contract::v1::{CONTRACT_VERSION, ExternRef, GcField};
#[cfg(feature = "alloc")]
pub use contract::v1::{Gc, GcArray};
#[cfg(feature = "alloc")]
pub use gc_array::GcArrayIter;
#[cfg(feature = "alloc")]
pub use shared_slice::{AtomicInt, Pod, SharedSlice};

/// Declares a garbage-collected struct: `Gc::new(Name { .. })` allocates it, `Gc<Name>` refers to it.
///
/// Every field gets a getter and a setter that work by value, reached through a [`Gc<Name>`](Gc): `value()`
/// returns a copy (or a new handle for reference fields), `set_value(v)` replaces the field. No accessor
/// hands out `&` or `&mut` into the object. The accessors live on a generated type `NameFields` that
/// `Gc<Name>` dereferences to, and they have the visibility of their field.
///
/// Field types: integers up to 64 bits, `f32`, `f64`, `bool`, `char`, [`Gc<U>`](Gc), `Option<Gc<U>>`,
/// [`ExternRef`] and [`GcArray<T>`]. Anything else, lifetime or const parameters, `#[repr]`, tuple structs,
/// enums and unions are compile errors pointing at the offending part, and so is `impl Drop` for the
/// struct (WasmGC objects have no destructors). Type parameters are allowed and
/// are bounded by [`GcField`]. A field may not be named like a method that `Gc<T>` already has (`clone`,
/// `into`, ...), because that method would hide its getter.
///
/// ```
/// use wasm::{Gc, GcArray};
///
/// #[wasm::gc]
/// pub struct Player {
///     /// Points scored so far.
///     pub score: u32,
///     pub name: GcArray<u8>,
/// }
///
/// let player = Gc::new(Player { score: 0, name: GcArray::from_slice(b"ada") });
/// let same = player.clone();
/// same.set_score(same.score() + 10);
/// assert_eq!(player.score(), 10);
/// assert_eq!(player.name().to_vec(), b"ada");
/// ```
pub use wasm_macros::gc;

/// Declares host functions in an `extern` block, with [`ExternRef`] allowed in their signatures.
///
/// `#[wasm::host_imports(module = "name")]` turns each `fn` of the block into a safe Rust function of
/// the same signature. On wasm32 it calls the import `name.fn_name` (override with `#[link_name]`);
/// on other targets it calls the function of the same name in the module given by `native = path`,
/// which emulates the host (see [`host::emulated`]), and panics when no such module was given.
///
/// Parameter types: integers up to 64 bits, `f32`, `f64`, `bool`, `&str`, `&[u8]`, `&mut [u8]`,
/// `ExternRef` and `&ExternRef`. Return types: `()`, those scalars and `ExternRef`. The import's wasm
/// signature (what the host implements) is written in `HOST-ABI.md`: a slice is a pointer and a length,
/// an `ExternRef` is an `i32` handle in the fallback and an `externref` when accelerated. A handle passed
/// in is valid for the call; a handle returned belongs to the caller.
///
/// ```
/// use wasm::ExternRef;
///
/// #[wasm::host_imports(module = "my_host", native = fake_host)]
/// extern "C" {
///     /// Looks up a host object by name.
///     fn lookup(name: &str) -> ExternRef;
/// }
///
/// # #[cfg(not(target_arch = "wasm32"))]
/// mod fake_host {
///     pub fn lookup(name: &str) -> wasm::ExternRef {
///         if name.is_empty() { wasm::ExternRef::null() } else { wasm::host::emulated::new_object(name.len()) }
///     }
/// }
///
/// # #[cfg(not(target_arch = "wasm32"))] {
/// assert!(lookup("").is_null());
/// assert!(!lookup("window").is_null());
/// # }
/// ```
pub use wasm_macros::host_imports;

/// Refuses `#[wasm::host_imports]` (its expansion calls this) where `ExternRef` handles are not the
/// `wasm_host` table's: with the `wasm-bindgen` feature they are wasm-bindgen's heap indices, and a
/// handle from the `wasm_host` table would name another object there.
#[doc(hidden)]
#[macro_export]
#[cfg(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
))]
macro_rules! __host_imports_allowed {
    () => {
        ::core::compile_error!(
            "`#[wasm::host_imports]` is not available with the `wasm` crate's `wasm-bindgen` feature: \
             `ExternRef`s are then wasm-bindgen's heap indices, not handles of the `wasm_host` table; \
             declare the JS functions with `#[wasm_bindgen]` and convert with `ExternRef::from(JsValue)` \
             and `JsValue::from(ExternRef)`"
        );
    };
}

/// Lets `#[wasm::host_imports]` expand (see the variant above).
#[doc(hidden)]
#[macro_export]
#[cfg(not(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
)))]
macro_rules! __host_imports_allowed {
    () => {};
}
