//! Validation of every module the backend writes: its own objects with exactly the wasm features
//! it may use, linked modules also with the features the other linked objects declare.

use wasmparser::{Parser, Payload, Validator, WasmFeatures};

pub(crate) fn features() -> WasmFeatures {
    WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::FLOATS
        | WasmFeatures::GC_TYPES
        | WasmFeatures::EXCEPTIONS
}

pub(crate) fn validate(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(features()).validate_all(bytes).map(|_| ()).map_err(|e| e.to_string())
}

/// A linked module may carry the GC instructions of the WasmGC lowering, and whatever the
/// LLVM-compiled objects linked with ours (C libraries, Rust crates built with
/// `-Ctarget-feature=+simd128`) use; wasm-ld records the latter in `target_features`. A
/// component (wasm32-wasip2, from wasm-component-ld) is validated with its core modules.
pub(crate) fn validate_linked(bytes: &[u8]) -> Result<(), String> {
    let component = if Parser::is_component(bytes) { WasmFeatures::COMPONENT_MODEL } else { WasmFeatures::empty() };
    Validator::new_with_features(features() | WasmFeatures::GC | component | declared_features(bytes))
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The features a `target_features` section (tool-conventions Linking.md) marks as used (`+`).
fn declared_features(bytes: &[u8]) -> WasmFeatures {
    let mut declared = WasmFeatures::empty();
    for payload in Parser::new(0).parse_all(bytes) {
        let Ok(Payload::CustomSection(section)) = payload else { continue };
        if section.name() != "target_features" {
            continue;
        }
        let mut reader = wasmparser::BinaryReader::new(section.data(), 0);
        let Ok(count) = reader.read_var_u32() else { continue };
        for _ in 0..count {
            let (Ok(prefix), Ok(name)) = (reader.read_u8(), reader.read_string()) else { break };
            if prefix == b'+' {
                declared |= feature_named(name);
            }
        }
    }
    declared
}

/// LLVM's feature names for the proposals an engine may accept beyond ours.
fn feature_named(name: &str) -> WasmFeatures {
    match name {
        "simd128" => WasmFeatures::SIMD,
        "relaxed-simd" => WasmFeatures::SIMD | WasmFeatures::RELAXED_SIMD,
        "tail-call" => WasmFeatures::TAIL_CALL,
        "exception-handling" => WasmFeatures::EXCEPTIONS | WasmFeatures::LEGACY_EXCEPTIONS,
        "extended-const" => WasmFeatures::EXTENDED_CONST,
        "multimemory" => WasmFeatures::MULTI_MEMORY,
        "atomics" | "shared-mem" => WasmFeatures::THREADS,
        "wide-arithmetic" => WasmFeatures::WIDE_ARITHMETIC,
        "fp16" => WasmFeatures::SIMD,
        "memory64" => WasmFeatures::MEMORY64,
        _ => WasmFeatures::empty(),
    }
}
