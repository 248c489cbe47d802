//! `verify_wasm_invariants` over the mono items of the crate: no value of a handle type is
//! reinterpreted as another type and no handle is made from other bits (CONTRACT.md section 5).
//!
//! A transmute is a finding when its two types do not contain the same handle types: `Gc<T>` to
//! `u32` or back, `Gc<A>` to `Gc<B>`. Moves that keep the handles (`[MaybeUninit<Gc<T>>; N]` to
//! `[Gc<T>; N]`, as std's array code does) are not. Pointer casts are not inspected: std casts
//! raw allocations to `*mut T` for every `Vec<T>`.

use rustc_data_structures::fx::FxHashSet;
use rustc_middle::mir::{CastKind, Rvalue, StatementKind};
use rustc_middle::mono::MonoItem;
use rustc_middle::ty::print::with_no_trimmed_paths;
use rustc_middle::ty::{self, EarlyBinder, Instance, Ty, TyCtxt, TypingEnv};

use super::lints::{Level, Levels, Lint};
use super::recognize::Contract;

/// How deep a type is searched for handles (fields of fields ...).
const MAX_DEPTH: u32 = 12;

pub(crate) fn check_mono_items(tcx: TyCtxt<'_>, contract: &Contract, levels: &Levels) {
    if levels.level(Lint::GcHandleEscape) == Level::Allow {
        return;
    }
    let mut seen = FxHashSet::default();
    for cgu in tcx.collect_and_partition_mono_items(()).codegen_units {
        for item in cgu.items().keys() {
            if let MonoItem::Fn(instance) = *item
                && seen.insert(instance)
            {
                check_instance(tcx, contract, levels, instance);
            }
        }
    }
}

fn check_instance<'tcx>(tcx: TyCtxt<'tcx>, contract: &Contract, levels: &Levels, instance: Instance<'tcx>) {
    let ty::InstanceKind::Item(def_id) = instance.def else { return };
    if def_id.krate == contract.krate {
        return;
    }
    let body = tcx.instance_mir(instance.def);
    let typing_env = TypingEnv::fully_monomorphized();
    let mono =
        |ty: Ty<'tcx>| instance.instantiate_mir_and_normalize_erasing_regions(tcx, typing_env, EarlyBinder::bind(ty));
    for block in body.basic_blocks.iter() {
        for statement in &block.statements {
            let StatementKind::Assign(assign) = &statement.kind else { continue };
            let Rvalue::Cast(CastKind::Transmute, operand, to) = &assign.1 else { continue };
            let (from, to) = (mono(operand.ty(&body.local_decls, tcx)), mono(*to));
            let (from_handles, to_handles) = (handles_in(tcx, contract, from), handles_in(tcx, contract, to));
            if from_handles == to_handles {
                continue;
            }
            // Full paths: the user's own types may share the contract's names.
            let message = with_no_trimmed_paths!(if from_handles.is_empty() {
                format!("a `{to}` is made from the bits of a `{from}` by a transmute")
            } else {
                format!("a `{from}` is transmuted to `{to}`")
            });
            levels.report(
                tcx,
                Lint::GcHandleEscape,
                statement.source_info.span,
                message,
                vec![
                    "GC and host handles may only be created, copied and read through the `wasm` crate's API; \
                     their bits mean nothing outside it (CONTRACT.md section 5)"
                        .to_owned(),
                ],
            );
        }
    }
}

/// The handle types inside `ty` (its fields, elements, tuple members), as a sorted set of names.
fn handles_in<'tcx>(tcx: TyCtxt<'tcx>, contract: &Contract, ty: Ty<'tcx>) -> Vec<String> {
    let mut found = Vec::new();
    collect(tcx, contract, ty, 0, &mut found);
    let mut names: Vec<String> = found.iter().map(|ty| with_no_trimmed_paths!(ty.to_string())).collect();
    names.sort();
    names.dedup();
    names
}

fn collect<'tcx>(tcx: TyCtxt<'tcx>, contract: &Contract, ty: Ty<'tcx>, depth: u32, found: &mut Vec<Ty<'tcx>>) {
    if depth > MAX_DEPTH {
        return;
    }
    match ty.kind() {
        ty::Adt(def, args) => {
            if contract.handles.contains(&def.did()) {
                found.push(ty);
                return;
            }
            for field in def.all_fields() {
                let raw = field.ty(tcx, args);
                let field_ty = tcx
                    .try_normalize_erasing_regions(TypingEnv::fully_monomorphized(), raw)
                    .unwrap_or_else(|_| raw.skip_normalization());
                collect(tcx, contract, field_ty, depth + 1, found);
            }
        }
        ty::Array(element, _) | ty::Slice(element) => collect(tcx, contract, *element, depth + 1, found),
        ty::Tuple(members) => {
            for member in members.iter() {
                collect(tcx, contract, member, depth + 1, found);
            }
        }
        _ => {}
    }
}
