//! Versioned compiler-crate contracts: the only items the WasmRust backend may recognize and replace.
//!
//! Each version is a module of its own and never changes once published; a new meaning gets a new
//! version. See `CONTRACT.md` in this crate for the rules the backend follows.

pub mod v1;
