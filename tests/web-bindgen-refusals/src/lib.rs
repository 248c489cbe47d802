//! A wasm-bindgen export that keeps a JS value in a GC object, and (feature `host-imports`) a host
//! import block, which the `wasm` crate's `wasm-bindgen` feature does not allow.

use wasm::{ExternRef, Gc};
use wasm_bindgen::prelude::*;

#[wasm::gc]
struct Slot {
    value: ExternRef,
}

/// `value` back, after a trip through a GC object.
#[wasm_bindgen]
pub fn through_gc(value: JsValue) -> JsValue {
    let slot = Gc::new(Slot {
        value: ExternRef::from(value),
    });
    JsValue::from(slot.value())
}

#[cfg(feature = "host-imports")]
#[wasm::host_imports(module = "page")]
unsafe extern "C" {
    fn body() -> ExternRef;
}
