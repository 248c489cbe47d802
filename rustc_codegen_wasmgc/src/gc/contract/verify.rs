//! `verify_wasm_invariants` over the mono items of the crate: no value of a handle type is
//! reinterpreted as another type and no handle is made from other bits (CONTRACT.md section 5).
//!
//! A transmute is a finding when its two types do not contain the same handle types: `Gc<T>` to
//! `u32` or back, `Gc<A>` to `Gc<B>`. Moves that keep the handles (`[MaybeUninit<Gc<T>>; N]` to
//! `[Gc<T>; N]`, as std's array code does) are not. A pointer cast is a finding when it makes a
//! pointer to handles into a pointer to other handles or to a scalar wider than a byte, or back
//! (`*const Gc<T> as *const u32`): byte pointers are how std allocates and copies any `T`. A union
//! is a finding when two of its fields that have bytes hold different handles.

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
    let report = |span, message: String| {
        levels.report(
            tcx,
            Lint::GcHandleEscape,
            span,
            message,
            vec![
                "GC and host handles may only be created, copied and read through the `wasm` crate's API; \
                 their bits mean nothing outside it (CONTRACT.md section 5)"
                    .to_owned(),
            ],
        );
    };
    for local in body.local_decls.iter() {
        let ty = mono(local.ty);
        if let Some(union) = mixed_union(tcx, contract, ty) {
            report(
                local.source_info.span,
                with_no_trimmed_paths!(format!("the union `{union}` overlays different handles")),
            );
        }
    }
    for block in body.basic_blocks.iter() {
        for statement in &block.statements {
            let StatementKind::Assign(assign) = &statement.kind else { continue };
            let Rvalue::Cast(kind @ (CastKind::Transmute | CastKind::PtrToPtr), operand, to) = &assign.1 else {
                continue;
            };
            if let Some(message) = escape(tcx, contract, *kind, mono(operand.ty(&body.local_decls, tcx)), mono(*to)) {
                report(statement.source_info.span, message);
            }
        }
    }
}

/// Why the cast from `from` to `to` lets a handle leave the contract, if it does.
fn escape<'tcx>(
    tcx: TyCtxt<'tcx>,
    contract: &Contract,
    kind: CastKind,
    from: Ty<'tcx>,
    to: Ty<'tcx>,
) -> Option<String> {
    let (from_handles, to_handles) = match kind {
        CastKind::Transmute => (handles_in(tcx, contract, from), handles_in(tcx, contract, to)),
        CastKind::PtrToPtr => {
            let (Some(from_pointee), Some(to_pointee)) = (from.builtin_deref(true), to.builtin_deref(true)) else {
                return None;
            };
            // One side must point at handles themselves and the other at other handles or at
            // a wider scalar: a struct pointer cast to one of its fields' is a field access.
            let points_at_handles = |pointee: Ty<'tcx>| handle_like(tcx, contract, pointee);
            let reads_bits = |handles: Ty<'tcx>, other: Ty<'tcx>| {
                points_at_handles(handles) && (wider_scalar(other) || points_at_handles(other))
            };
            if !reads_bits(from_pointee, to_pointee) && !reads_bits(to_pointee, from_pointee) {
                return None;
            }
            (handles_in(tcx, contract, from_pointee), handles_in(tcx, contract, to_pointee))
        }
        _ => return None,
    };
    if from_handles == to_handles {
        return None;
    }
    let what = if kind == CastKind::Transmute { "transmute" } else { "pointer cast" };
    // Full paths: the user's own types may share the contract's names.
    Some(with_no_trimmed_paths!(if from_handles.is_empty() {
        format!("a `{to}` is made from the bits of a `{from}` by a {what}")
    } else if kind == CastKind::Transmute {
        format!("a `{from}` is transmuted to `{to}`")
    } else {
        format!("a `{from}` is cast to `{to}`")
    }))
}

/// Whether `ty` is a scalar wider than a byte: reading handles through a pointer to it reads
/// their bits.
fn wider_scalar(ty: Ty<'_>) -> bool {
    (ty.is_integral() || ty.is_floating_point() || ty.is_raw_ptr() || ty.is_ref())
        && !matches!(ty.kind(), ty::Int(ty::IntTy::I8) | ty::Uint(ty::UintTy::U8))
}

/// Whether `ty` is a handle type, an `Option` of one, or an array or slice of those.
fn handle_like<'tcx>(tcx: TyCtxt<'tcx>, contract: &Contract, ty: Ty<'tcx>) -> bool {
    match ty.kind() {
        ty::Adt(def, args) => {
            contract.handles.contains(&def.did())
                || (tcx.is_lang_item(def.did(), rustc_hir::LangItem::Option)
                    && handle_like(tcx, contract, args.type_at(0)))
        }
        ty::Array(element, _) | ty::Slice(element) => handle_like(tcx, contract, *element),
        _ => false,
    }
}

/// `ty` when it is a union whose fields with bytes hold different handles.
fn mixed_union<'tcx>(tcx: TyCtxt<'tcx>, contract: &Contract, ty: Ty<'tcx>) -> Option<Ty<'tcx>> {
    let ty::Adt(def, args) = ty.kind() else { return None };
    if !def.is_union() {
        return None;
    }
    let typing_env = TypingEnv::fully_monomorphized();
    let mut sets = def.all_fields().filter_map(|field| {
        let field_ty = tcx.try_normalize_erasing_regions(typing_env, field.ty(tcx, args)).ok()?;
        let sized = tcx.layout_of(typing_env.as_query_input(field_ty)).ok()?;
        (!sized.is_zst()).then(|| handles_in(tcx, contract, field_ty))
    });
    let first = sets.next()?;
    sets.any(|set| set != first).then_some(ty)
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
