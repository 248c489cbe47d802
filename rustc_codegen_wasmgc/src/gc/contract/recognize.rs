//! Finds `wasm::contract::vN` by definition path only (a crate named `wasm` with a `contract`
//! module) and checks that its `CONTRACT_VERSION` is one this backend knows.

use rustc_hir::def::{DefKind, Res};
use rustc_hir::def_id::{CrateNum, DefId, LOCAL_CRATE};
use rustc_middle::mir::ConstValue;
use rustc_middle::ty::TyCtxt;

use super::lints::{Levels, Lint};
use super::ops::HANDLE_TYPES;

/// The contract versions this backend knows.
const KNOWN_VERSIONS: &[u32] = &[1];

/// A recognized contract.
pub(crate) struct Contract {
    /// The `wasm` crate: its own code implements the contract and is not verified against it.
    pub(crate) krate: CrateNum,
    /// The handle types' definitions.
    pub(crate) handles: Vec<DefId>,
}

/// The contract this crate compiles against, if it depends on a `wasm` crate with a contract of a
/// known version; an unknown version is reported and recognizes nothing.
pub(crate) fn find(tcx: TyCtxt<'_>, levels: &Levels) -> Option<Contract> {
    if tcx.crate_name(LOCAL_CRATE).as_str() == "wasm" {
        return None;
    }
    let krate = tcx.crates(()).iter().copied().find(|&krate| tcx.crate_name(krate).as_str() == "wasm")?;
    // A crate that merely has the name (there is one on crates.io) has no contract: not ours.
    let contract = child(tcx, krate.as_def_id(), "contract", |kind| kind == DefKind::Mod)?;
    let version_mods: Vec<(u32, DefId)> = tcx
        .module_children(contract)
        .iter()
        .filter_map(|item| match item.res {
            Res::Def(DefKind::Mod, id) => Some((item.ident.name.as_str().strip_prefix('v')?.parse().ok()?, id)),
            _ => None,
        })
        .collect();
    let known = version_mods.iter().find(|(version, _)| KNOWN_VERSIONS.contains(version));
    let (found, span) = match known {
        Some(&(version, module)) => {
            let constant = child(tcx, module, "CONTRACT_VERSION", |kind| matches!(kind, DefKind::Const { .. }));
            let value = constant.and_then(|constant| const_u32(tcx, constant));
            if value == Some(version) {
                if !super::signatures::check(tcx, module, levels) {
                    return None;
                }
                refuse_js_heap(tcx, module);
                let handles = HANDLE_TYPES
                    .iter()
                    .filter_map(|name| child(tcx, module, name, |kind| kind == DefKind::Struct))
                    .collect();
                return Some(Contract { krate, handles });
            }
            let found = match value {
                Some(value) => format!("`contract::v{version}::CONTRACT_VERSION` is {value}"),
                None => format!("`contract::v{version}` has no `CONTRACT_VERSION: u32`"),
            };
            (found, tcx.def_span(constant.unwrap_or(module)))
        }
        None => {
            let mut names: Vec<String> = version_mods.iter().map(|(version, _)| format!("v{version}")).collect();
            names.sort();
            let found = if names.is_empty() {
                "its `contract` module has no version module".to_owned()
            } else {
                format!("its contract is {}", names.join(", "))
            };
            (found, tcx.def_span(contract))
        }
    };
    levels.report(
        tcx,
        Lint::UnknownContractVersion,
        span,
        format!(
            "the `wasm` crate's contract is of a version rustc_codegen_wasmgc does not know: {found} (known: {})",
            KNOWN_VERSIONS.iter().map(|v| format!("v{v}")).collect::<Vec<_>>().join(", ")
        ),
        vec![
            "the program is compiled with the library implementation of the `wasm` crate: correct, not accelerated"
                .to_owned(),
        ],
    );
    None
}

/// The `wasm` crate's `wasm-bindgen` feature makes `ExternRef`s wasm-bindgen heap indices, which
/// the operations `externref_from_js_heap`/`externref_into_js_heap` move (CONTRACT.md section 3.6).
/// This backend does not lower them, and an accelerated `ExternRef` is a root-table slot, so
/// accelerating such a program would hand heap indices to code that reads slots: refused.
fn refuse_js_heap(tcx: TyCtxt<'_>, module: DefId) {
    if !crate::config::accelerate_requested(tcx.sess) {
        return;
    }
    if let Some(operation) = child(tcx, module, "externref_from_js_heap", |kind| kind == DefKind::Fn) {
        tcx.dcx()
            .struct_span_fatal(
                tcx.def_span(operation),
                "`-Cllvm-args=wasm-gc=accelerate` cannot accelerate a `wasm` crate built with its `wasm-bindgen` \
                 feature: its `ExternRef`s are wasm-bindgen heap indices, which rustc_codegen_wasmgc does not lower",
            )
            .with_note(
                "wasm-bindgen's CLI could not read the lowered module either: its walrus refuses WasmGC (\"gc proposal \
                 not supported\")",
            )
            .with_help("build with `-Cllvm-args=wasm-gc=library` (`cargo wasm` does for wasm-bindgen packages)")
            .emit()
    }
}

/// The item `name` whose kind passes `kind` directly in module `module`.
fn child(tcx: TyCtxt<'_>, module: DefId, name: &str, kind: impl Fn(DefKind) -> bool) -> Option<DefId> {
    tcx.module_children(module).iter().find_map(|item| match item.res {
        Res::Def(found, id) if kind(found) && item.ident.name.as_str() == name => Some(id),
        _ => None,
    })
}

fn const_u32(tcx: TyCtxt<'_>, constant: DefId) -> Option<u32> {
    match tcx.const_eval_poly(constant).ok()? {
        ConstValue::Scalar(scalar) if tcx.type_of(constant).skip_binder() == tcx.types.u32 => {
            scalar.to_u32().discard_err()
        }
        _ => None,
    }
}
