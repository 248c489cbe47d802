//! `ExternRef` <-> `wasm_bindgen::JsValue` (the `wasm-bindgen` feature, wasm32-unknown-unknown): both
//! are wasm-bindgen heap indices there, so a conversion moves the index.

use wasm_bindgen::JsValue;
use wasm_bindgen::convert::{FromWasmAbi, IntoWasmAbi};

use crate::contract::v1::{self, ExternRef};

impl From<JsValue> for ExternRef {
    /// A reference to the same JS value; JS `null` becomes the null reference, as a null
    /// `externref` reaching wasm is one (`undefined` is an object like any other).
    fn from(value: JsValue) -> ExternRef {
        if value.is_null() {
            return ExternRef::null();
        }
        // SAFETY: `into_abi` hands over the ownership of a live heap index.
        unsafe { v1::externref_from_js_heap(value.into_abi()) }
    }
}

impl From<ExternRef> for JsValue {
    /// The JS value `object` refers to; the null reference becomes JS `null`.
    fn from(object: ExternRef) -> JsValue {
        if object.is_null() {
            return JsValue::NULL;
        }
        // SAFETY: `externref_into_js_heap` hands over the ownership of a live heap index.
        unsafe { JsValue::from_abi(v1::externref_into_js_heap(object)) }
    }
}
