//! Stand-in for a `wasm` crate (built with `--crate-name wasm`) that claims contract v1 but whose
//! `externref_null` returns a bare `u32`, whose other `ExternRef` operations are missing and whose
//! `RawExternRef` is 8 bytes.

pub mod contract {
    pub mod v1 {
        pub const CONTRACT_VERSION: u32 = 1;

        #[derive(Clone, Copy)]
        #[repr(transparent)]
        pub struct RawExternRef(u64);

        #[repr(transparent)]
        pub struct ExternRef(RawExternRef);

        pub fn externref_null() -> u32 {
            0
        }
    }
}
