//! Placeholder; replaced by the wasm crate issue.
