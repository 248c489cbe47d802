//! Validation of every module the backend writes: its own objects with exactly the wasm features
//! it may use, linked modules also with the features the other linked objects declare.

use wasmparser::{
    FuncToValidate, FuncValidatorAllocations, FunctionBody, Parser, Payload, ValidPayload, Validator,
    ValidatorResources, WasmFeatures,
};

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
    let features = features() | WasmFeatures::GC | component | declared_features(bytes);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    validate_in_parallel(Validator::new_with_features(features), bytes, threads).map_err(|e| e.to_string())
}

/// More threads than this gain little for the 1-10 MB modules of dev builds.
const MAX_THREADS: usize = 4;

/// `Validator::validate_all`, with the function bodies spread over `threads` threads: the
/// sections are checked in order on this thread, but each body validates on its own. The linked
/// module is validated on the main thread after the link, with the codegen threads done, and its
/// bodies are most of the work (the generated crate's 9,149: 18 ms of 20 on one thread).
fn validate_in_parallel(mut validator: Validator, bytes: &[u8], threads: usize) -> wasmparser::Result<()> {
    let mut parser = Parser::new(0);
    parser.set_features(*validator.features());
    let mut bodies = Vec::new();
    for payload in parser.parse_all(bytes) {
        if let ValidPayload::Func(func, body) = validator.payload(&payload?)? {
            bodies.push((func, body));
        }
    }
    // Consecutive shares, so that joining in order reports the first error in function order, as
    // `validate_all` does.
    let per_thread = bodies.len().div_ceil(threads.max(1)).max(1);
    let mut shares: Vec<Vec<_>> = Vec::new();
    for (index, body) in bodies.into_iter().enumerate() {
        if index % per_thread == 0 {
            shares.push(Vec::with_capacity(per_thread));
        }
        shares.last_mut().expect("pushed above").push(body);
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = shares.into_iter().map(|share| scope.spawn(|| validate_bodies(share))).collect();
        workers
            .into_iter()
            .try_for_each(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

fn validate_bodies(bodies: Vec<(FuncToValidate<ValidatorResources>, FunctionBody<'_>)>) -> wasmparser::Result<()> {
    let mut allocations = FuncValidatorAllocations::default();
    for (func, body) in bodies {
        let mut validator = func.into_validator(allocations);
        validator.validate(&body)?;
        allocations = validator.into_allocations();
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use wasm_encoder::{CodeSection, Function, FunctionSection, Instruction, Module, TypeSection, ValType};

    /// A module of `count` functions `() -> i32`; function `bad` (if any) returns nothing.
    fn module(count: u32, bad: Option<u32>) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([], [ValType::I32]);
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for index in 0..count {
            functions.function(0);
            let mut body = Function::new([]);
            if Some(index) != bad {
                body.instruction(&Instruction::I32Const(index as i32));
            }
            body.instruction(&Instruction::End);
            code.function(&body);
        }
        let mut module = Module::new();
        module.section(&types).section(&functions).section(&code);
        module.finish()
    }

    fn validate(bytes: &[u8], threads: usize) -> Result<(), String> {
        let validator = wasmparser::Validator::new_with_features(super::features());
        super::validate_in_parallel(validator, bytes, threads).map_err(|e| e.to_string())
    }

    #[test]
    fn parallel_validation_accepts_what_validate_all_accepts() {
        for threads in [1, 2, 3, 8] {
            assert_eq!(validate(&module(10, None), threads), Ok(()));
            assert_eq!(validate(&module(0, None), threads), Ok(()));
        }
    }

    #[test]
    fn parallel_validation_finds_a_bad_body_in_any_share() {
        for bad in [0, 4, 5, 9] {
            let bytes = module(10, Some(bad));
            let expected = wasmparser::Validator::new_with_features(super::features())
                .validate_all(&bytes)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert!(expected.is_err());
            for threads in [1, 2, 3] {
                assert_eq!(validate(&bytes, threads), expected, "bad body {bad}, {threads} threads");
            }
        }
    }
}
