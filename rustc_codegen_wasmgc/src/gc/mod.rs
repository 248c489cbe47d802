//! WasmGC for the `wasm` crate: recognizing its contract (contract/) and keeping handles in typed
//! reference locals (typed_locals/). The post-link lowering of the contract's operations to GC
//! structs, arrays and `externref`s is the `wasm-gc-lower` crate, whose `wire` names what
//! crosses the link between the objects and the lowering.

pub(crate) mod contract;
pub(crate) mod typed_locals;
pub(crate) use wasm_gc_lower::wire;
