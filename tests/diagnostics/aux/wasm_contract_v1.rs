//! Stand-in for the `wasm` crate (built with `--crate-name wasm`): the handle types of contract v1
//! at their contract path, without the proc macros of the real crate. Recognition goes by crate
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
    }
}
