//! Stand-in for the `wasm` crate (built with `--crate-name wasm`): contract v1's `ExternRef` part
//! (what the real crate has without its `alloc` feature) at its contract path, with the contract's
//! signatures, without the proc macros of the real crate. Recognition goes by crate
//! name and definition path only, so the backend treats it as the real contract.

pub mod contract {
    pub mod v1 {
        pub const CONTRACT_VERSION: u32 = 1;

        #[derive(Clone, Copy)]
        #[repr(transparent)]
        pub struct RawExternRef(u32);

        #[repr(transparent)]
        pub struct ExternRef(RawExternRef);

        pub fn externref_null() -> ExternRef {
            ExternRef(RawExternRef(0))
        }

        pub fn externref_is_null(object: &ExternRef) -> bool {
            (object.0).0 == 0
        }

        pub fn externref_clone(object: &ExternRef) -> ExternRef {
            ExternRef(object.0)
        }

        /// # Safety
        /// As in the real crate: only `Drop` calls it.
        pub unsafe fn externref_drop(_object: &mut ExternRef) {}

        pub fn externref_as_raw(object: &ExternRef) -> RawExternRef {
            object.0
        }

        /// # Safety
        /// As in the real crate: `raw` comes from the host.
        pub unsafe fn externref_from_raw(raw: RawExternRef) -> ExternRef {
            ExternRef(raw)
        }
    }
}
