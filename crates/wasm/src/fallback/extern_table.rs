//! The host-side table behind `ExternRef` handles: `wasm_host` imports on wasm32, an emulation elsewhere.

/// Handle 0 is the null reference; the host never hands it out for an object.
pub(crate) const NULL_HANDLE: u32 = 0;

#[cfg(all(
    target_arch = "wasm32",
    not(all(target_os = "wasi", target_env = "p2"))
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
