//! Stand-in for a future `wasm` crate (built with `--crate-name wasm`) whose contract is version 9,
//! which the backend does not know.

pub mod contract {
    pub mod v9 {
        pub const CONTRACT_VERSION: u32 = 9;
    }
}

pub fn answer() -> u32 {
    42
}
