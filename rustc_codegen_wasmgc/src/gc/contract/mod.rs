//! The `wasm` crate's contract (crates/wasm/CONTRACT.md): recognition of `wasm::contract::v1`
//! and `verify_wasm_invariants`, reported through the `wasm-recognition` lints.
//!
//! With `-Cllvm-args=wasm-gc=accelerate`, calls of the contract operations become `wasmgc`
//! imports (describe.rs) that the post-link pass lowers to WasmGC (the `wasm-gc-lower` crate).

mod describe;
mod forward;
mod lints;
mod ops;
mod recognize;
mod signatures;
mod verify;

use rustc_hir::def_id::CRATE_DEF_ID;
use rustc_middle::ty::TyCtxt;
use rustc_session::config::CrateType;

pub(crate) use forward::Forward;
pub(crate) use lints::Levels;
pub(crate) use ops::contract_item;

/// Runs before any code of the crate is generated: finds the contract the crate compiles
/// against and checks every mono item of this crate against it.
pub(crate) fn verify_wasm_invariants(tcx: TyCtxt<'_>) {
    let mut levels = Levels::from_options(tcx.sess);
    if crate::config::accelerate_requested(tcx.sess) {
        // Neither can fall back to the library: the crate's calls are already lowered.
        levels.require(lints::Lint::GcHandleEscape);
        levels.require(lints::Lint::ContractSignatureMismatch);
    }
    let Some(contract) = recognize::find(tcx, &levels) else {
        return;
    };
    let program = tcx.crate_types().iter().any(|ty| matches!(ty, CrateType::Executable | CrateType::Cdylib));
    if program && !crate::config::accelerate_requested(tcx.sess) {
        levels.report(
            tcx,
            lints::Lint::FallbackUsed,
            tcx.def_span(CRATE_DEF_ID),
            "this program uses the `wasm` crate's library implementation: `Gc`, `GcArray` and `ExternRef` \
             live in linear memory"
                .to_owned(),
            vec![
                "`-Cllvm-args=wasm-gc=accelerate` lowers them to WasmGC (`cargo wasm build --dev` does, unless \
                 the package says `gc = \"library\"`)"
                    .to_owned(),
            ],
        );
    }
    verify::check_mono_items(tcx, &contract, &levels);
}
