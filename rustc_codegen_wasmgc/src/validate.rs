//! Validation of every module the backend writes, with exactly the wasm features it may use.

use wasmparser::{Validator, WasmFeatures};

pub(crate) fn features() -> WasmFeatures {
    WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::FLOATS
        | WasmFeatures::GC_TYPES
}

pub(crate) fn validate(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(features()).validate_all(bytes).map(|_| ()).map_err(|e| e.to_string())
}

/// A linked module may also carry the GC instructions of the WasmGC lowering.
pub(crate) fn validate_linked(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(features() | WasmFeatures::GC)
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}
