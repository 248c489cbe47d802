//! What runs on which thread. On the thread that holds `tcx`: `init`'s checks of the session
//! (target_features.rs, unsupported_flags.rs) and the lowering of each codegen unit (cgu.rs).
//! On rustc's codegen worker threads: structuring, stackifying, encoding, writing and validating
//! each object (write.rs). After linking, on the main thread: the WasmGC lowering and the final
//! validation (post_link.rs).

pub(crate) mod cgu;
pub(crate) mod post_link;
pub(crate) mod target_features;
pub(crate) mod unsupported_flags;
pub(crate) mod write;
