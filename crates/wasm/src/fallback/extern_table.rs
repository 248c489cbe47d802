//! The host-side table behind `ExternRef` handles: `wasm_host` imports on wasm32 (wasm-bindgen's heap
//! with the `wasm-bindgen` feature on wasm32-unknown-unknown), an emulation elsewhere.

/// Handle 0 is the null reference; the host never hands it out for an object.
pub(crate) const NULL_HANDLE: u32 = 0;

#[cfg(all(
    target_arch = "wasm32",
    not(all(target_os = "wasi", target_env = "p2")),
    not(all(feature = "wasm-bindgen", target_os = "unknown"))
))]
mod host_table {
    #[link(wasm_import_module = "wasm_host")]
    unsafe extern "C" {
        #[link_name = "externref_clone"]
        safe fn clone(handle: u32) -> u32;
        #[link_name = "externref_drop"]
        safe fn drop(handle: u32);
    }

    pub(super) fn clone_handle(handle: u32) -> u32 {
        clone(handle)
    }

    pub(super) fn drop_handle(handle: u32) {
        drop(handle)
    }
}

#[cfg(not(target_arch = "wasm32"))]
use crate::host::emulated as host_table;

/// With the `wasm-bindgen` feature a handle is an index into wasm-bindgen's heap of JS values (its
/// `externref` table, or its JS array without reference types), so that a `JsValue` and an
/// `ExternRef` convert into each other by moving the index (src/js_value.rs). wasm-bindgen hands
/// out indices from 128 up and never 0, so `NULL_HANDLE` stays free.
#[cfg(all(
    feature = "wasm-bindgen",
    target_arch = "wasm32",
    target_os = "unknown"
))]
mod host_table {
    use core::mem::ManuallyDrop;

    use wasm_bindgen::JsValue;
    use wasm_bindgen::convert::{FromWasmAbi, IntoWasmAbi};

    pub(super) fn clone_handle(handle: u32) -> u32 {
        // SAFETY: `handle` is a live heap index this library owns; `ManuallyDrop` keeps it owned.
        let value = ManuallyDrop::new(unsafe { JsValue::from_abi(handle) });
        JsValue::clone(&value).into_abi()
    }

    pub(super) fn drop_handle(handle: u32) {
        // SAFETY: the caller gives up `handle`, a live heap index this library owns.
        drop(unsafe { JsValue::from_abi(handle) })
    }
}

/// A component (wasm32-wasip2) has no `wasm_host` to import from: `#[wasm::host_imports]` is a
/// compile error there, so no host object ever reaches it and every `ExternRef` is null, which
/// `clone_handle` and `drop_handle` answer without the table.
#[cfg(all(target_os = "wasi", target_env = "p2"))]
mod host_table {
    pub(super) fn clone_handle(handle: u32) -> u32 {
        unreachable!("ExternRef handle {handle} in a component, which has no host objects")
    }

    pub(super) fn drop_handle(handle: u32) {
        unreachable!("ExternRef handle {handle} in a component, which has no host objects")
    }
}

/// A new handle to the object behind `handle` (null stays null, without asking the host).
pub(crate) fn clone_handle(handle: u32) -> u32 {
    if handle == NULL_HANDLE {
        NULL_HANDLE
    } else {
        host_table::clone_handle(handle)
    }
}

/// Gives `handle` back to the host (null is never given back).
pub(crate) fn drop_handle(handle: u32) {
    if handle != NULL_HANDLE {
        host_table::drop_handle(handle)
    }
}
