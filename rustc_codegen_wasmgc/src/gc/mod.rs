//! WasmGC for the `wasm` crate: recognizing its contract (contract/), keeping handles in typed
//! reference locals (typed_locals/), and the post-link lowering of the contract's operations to
//! GC structs, arrays and `externref`s (lower/). wire.rs names what crosses the link between
//! the objects and the lowering.

pub(crate) mod contract;
pub(crate) mod lower;
pub(crate) mod typed_locals;
pub(crate) mod wire;
