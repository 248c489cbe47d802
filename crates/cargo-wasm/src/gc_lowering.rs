//! `--release` with the `wasm` crate accelerated: LLVM compiled its release form, whose contract
//! operations are `wasmgc-v1` imports; the post-link lowering (the `wasm-gc-lower` crate, the
//! same one the backend runs in dev builds) turns each linked module's into WasmGC before
//! wasm-opt sees it.

use std::path::Path;

use crate::failure::{Failure, Res};
use crate::plan::Plan;
use crate::{show, status};

/// Lowers `wasm` where it is; a module without contract operations (or one lowered by an
/// earlier build that cargo did not redo) is left as it is.
pub(crate) fn lower(plan: &Plan, wasm: &Path) -> Res<()> {
    let bytes = std::fs::read(wasm)
        .map_err(|e| Failure::setup(format!("cannot read {}: {e}", wasm.display())))?;
    let lowered = match wasm_gc_lower::lower(&bytes) {
        Ok(Some(lowered)) => lowered,
        Ok(None) => return Ok(()),
        Err(e) => {
            return Err(Failure::setup(format!(
                "the WasmGC lowering of {} failed: {e}",
                show::path(wasm)
            ))
            .fix(
                "build with `--gc library` (or `gc = \"library\"` in [package.metadata.wasm]) to \
                 keep the `wasm` crate's library implementation, and report this (CONTRACT.md \
                 section 6)",
            ));
        }
    };
    let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
    if let Err(e) = validator.validate_all(&lowered.bytes) {
        return Err(Failure::setup(format!(
            "the WasmGC lowering of {} made an invalid module: {e} (a bug in wasm-gc-lower; \
             `--gc library` avoids it)",
            show::path(wasm)
        )));
    }
    std::fs::write(wasm, &lowered.bytes)
        .map_err(|e| Failure::setup(format!("cannot write {}: {e}", wasm.display())))?;
    if !plan.quiet {
        status::status(
            "Lowered",
            &format!(
                "{} to WasmGC: {} contract operations ({} struct and {} array types); {} of \
                 their {} call sites avoid the root table (typed handle locals)",
                show::path(wasm),
                lowered.operations,
                lowered.struct_types,
                lowered.array_types,
                lowered.calls.typed_local,
                lowered.calls.rooted + lowered.calls.typed_local,
            ),
        );
    }
    Ok(())
}
