//! A wasm-bindgen export that keeps a JS value in a GC object (feature `js-heap`), else one that
//! prints through `wasm::host`; and (feature `host-imports`) a host import block, which the
//! `wasm` crate's `wasm-bindgen` feature does not allow.

use wasm_bindgen::prelude::*;

#[cfg(feature = "js-heap")]
#[wasm::gc]
struct Slot {
    value: wasm::ExternRef,
}

/// `value` back, after a trip through a GC object.
#[cfg(feature = "js-heap")]
#[wasm_bindgen]
pub fn through_gc(value: JsValue) -> JsValue {
    let slot = wasm::Gc::new(Slot {
        value: wasm::ExternRef::from(value),
    });
    JsValue::from(slot.value())
}

/// Prints through the `wasm` crate's host interface, which wasm-bindgen's JS does not provide.
#[cfg(not(feature = "js-heap"))]
#[wasm_bindgen]
pub fn hello() {
    wasm::host::print("hello");
}

#[cfg(feature = "host-imports")]
#[wasm::host_imports(module = "page")]
unsafe extern "C" {
    fn body() -> wasm::ExternRef;
}
