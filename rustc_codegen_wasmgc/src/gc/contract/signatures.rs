//! `wasm_recognition::contract_signature_mismatch`: every operation of a recognized contract v1
//! has the shape of CONTRACT.md section 3.3 (its parameters and result) and every handle type the
//! layout of section 3.1, so that the lowering's reading of its arguments is right.

use rustc_abi::{BackendRepr, Primitive};
use rustc_hir::def::{DefKind, Res};
use rustc_hir::def_id::DefId;
use rustc_middle::ty::{self, Ty, TyCtxt, TypingEnv};

use super::lints::{Levels, Lint};
use super::ops::{HANDLE_TYPES, contract_item};

/// What a parameter or the result must be.
#[derive(Copy, Clone)]
enum Shape {
    /// Anything (a type parameter or an associated type).
    Any,
    /// `&H` or `&mut H` for the handle type `H`.
    RefTo(&'static str),
    /// The handle type itself.
    Handle(&'static str),
    /// `&[T]`.
    Slice,
    Usize,
    Bool,
    Unit,
}

/// Each operation: its handle type (the operation exists only where that type does: `Gc` and
/// `GcArray` need the crate's `alloc` feature), parameters and result.
const SIGNATURES: &[(&str, &str, &[Shape], Shape)] = {
    use Shape::*;
    &[
        ("gc_struct_new", "Gc", &[Any], Handle("Gc")),
        ("gc_struct_get", "Gc", &[RefTo("Gc")], Any),
        ("gc_struct_set", "Gc", &[RefTo("Gc"), Any], Unit),
        ("gc_ptr_eq", "Gc", &[RefTo("Gc"), RefTo("Gc")], Bool),
        ("gc_clone", "Gc", &[RefTo("Gc")], Handle("Gc")),
        ("gc_drop", "Gc", &[RefTo("Gc")], Unit),
        ("gc_array_new", "GcArray", &[Usize, Any], Handle("GcArray")),
        ("gc_array_from_slice", "GcArray", &[Slice], Handle("GcArray")),
        ("gc_array_len", "GcArray", &[RefTo("GcArray")], Usize),
        ("gc_array_get_unchecked", "GcArray", &[RefTo("GcArray"), Usize], Any),
        ("gc_array_set_unchecked", "GcArray", &[RefTo("GcArray"), Usize, Any], Unit),
        ("gc_array_ptr_eq", "GcArray", &[RefTo("GcArray"), RefTo("GcArray")], Bool),
        ("gc_array_clone", "GcArray", &[RefTo("GcArray")], Handle("GcArray")),
        ("gc_array_drop", "GcArray", &[RefTo("GcArray")], Unit),
        ("externref_null", "ExternRef", &[], Handle("ExternRef")),
        ("externref_is_null", "ExternRef", &[RefTo("ExternRef")], Bool),
        ("externref_clone", "ExternRef", &[RefTo("ExternRef")], Handle("ExternRef")),
        ("externref_drop", "ExternRef", &[RefTo("ExternRef")], Unit),
        ("externref_as_raw", "ExternRef", &[RefTo("ExternRef")], Handle("RawExternRef")),
        ("externref_from_raw", "ExternRef", &[Handle("RawExternRef")], Handle("ExternRef")),
    ]
};

const NOTHING_RECOGNIZED: &str =
    "nothing of the contract is recognized: the program uses the `wasm` crate's library implementation";

/// Checks the operations of the contract module `v1`; reports each mismatch and returns whether
/// all of them have their shape.
pub(super) fn check(tcx: TyCtxt<'_>, v1: DefId, levels: &Levels) -> bool {
    let find = |name: &str, wanted: DefKind| {
        tcx.module_children(v1).iter().find_map(|child| match child.res {
            Res::Def(kind, id) if kind == wanted && child.ident.name.as_str() == name => Some(id),
            _ => None,
        })
    };
    let mut all_match = true;
    for handle in HANDLE_TYPES {
        let Some(def) = find(handle, DefKind::Struct) else { continue };
        if let Some(why) = layout_mismatch(tcx, def) {
            all_match = false;
            levels.report(
                tcx,
                Lint::ContractSignatureMismatch,
                tcx.def_span(def),
                format!("`wasm::contract::v1::{handle}` does not have the contract's layout: {why}"),
                vec![
                    "a handle is 4 bytes, aligned to 4, one integer or non-null pointer; `Option<Gc<T>>` and \
                     `Option<GcArray<T>>` are 4 bytes too (CONTRACT.md 3.1)"
                        .to_owned(),
                    NOTHING_RECOGNIZED.to_owned(),
                ],
            );
        }
    }
    for &(name, handle, params, result) in SIGNATURES {
        if find(handle, DefKind::Struct).is_none() {
            continue;
        }
        let problem = match find(name, DefKind::Fn) {
            None => Some(format!("`wasm::contract::v1::{name}` is missing")),
            Some(function) => mismatch(tcx, function, params, result)
                .map(|why| format!("`wasm::contract::v1::{name}` does not have the contract's signature: {why}")),
        };
        if let Some(message) = problem {
            all_match = false;
            let span = find(name, DefKind::Fn).map_or_else(|| tcx.def_span(v1), |function| tcx.def_span(function));
            levels.report(tcx, Lint::ContractSignatureMismatch, span, message, vec![NOTHING_RECOGNIZED.to_owned()]);
        }
    }
    all_match
}

/// Why the handle type `def` does not have the layout of CONTRACT.md 3.1, if it does not. Its type
/// parameter, if any, is instantiated with `()`: a handle's layout must not depend on it.
fn layout_mismatch(tcx: TyCtxt<'_>, def: DefId) -> Option<String> {
    let args = ty::GenericArgs::for_item(tcx, def, |param, _| match param.kind {
        ty::GenericParamDefKind::Type { .. } => tcx.types.unit.into(),
        _ => tcx.lifetimes.re_erased.into(),
    });
    let handle = Ty::new_adt(tcx, tcx.adt_def(def), args);
    let typing_env = TypingEnv::fully_monomorphized();
    let layout = match tcx.layout_of(typing_env.as_query_input(handle)) {
        Ok(layout) => layout,
        Err(error) => return Some(format!("its layout cannot be computed ({error})")),
    };
    let (size, align) = (layout.size.bytes(), layout.align.abi.bytes());
    let scalar = matches!(layout.backend_repr, BackendRepr::Scalar(scalar)
        if matches!(scalar.primitive(), Primitive::Int(..) | Primitive::Pointer(_)));
    if size != 4 || align != 4 || !scalar {
        let what = if scalar { "a scalar" } else { "not one scalar" };
        return Some(format!("{size} bytes, aligned to {align}, {what}"));
    }
    if tcx.generics_of(def).own_counts().types > 0 {
        let option = tcx.type_of(tcx.require_lang_item(rustc_hir::LangItem::Option, rustc_span::DUMMY_SP));
        let option = option.instantiate(tcx, &[handle.into()]).skip_normalization();
        match tcx.layout_of(typing_env.as_query_input(option)) {
            Ok(layout) if layout.size.bytes() == 4 => {}
            Ok(layout) => return Some(format!("`Option` of it is {} bytes", layout.size.bytes())),
            Err(error) => return Some(format!("the layout of `Option` of it cannot be computed ({error})")),
        }
    }
    None
}

/// Why `function` does not have the shape, if it does not.
fn mismatch(tcx: TyCtxt<'_>, function: DefId, params: &[Shape], result: Shape) -> Option<String> {
    let signature = tcx.fn_sig(function).skip_binder().skip_binder();
    let inputs = signature.inputs();
    if inputs.len() != params.len() {
        return Some(format!("{} parameters, the contract has {}", inputs.len(), params.len()));
    }
    for (position, (&input, &shape)) in inputs.iter().zip(params).enumerate() {
        if !fits(tcx, input, shape) {
            return Some(format!("parameter {} is `{input}`, the contract says {}", position + 1, describe(shape)));
        }
    }
    let output = signature.output();
    (!fits(tcx, output, result)).then(|| format!("it returns `{output}`, the contract says {}", describe(result)))
}

fn fits<'tcx>(tcx: TyCtxt<'tcx>, ty: Ty<'tcx>, shape: Shape) -> bool {
    let is_handle =
        |ty: Ty<'tcx>, name: &str| matches!(ty.kind(), ty::Adt(adt, _) if contract_item(tcx, adt.did()) == Some(name));
    match shape {
        Shape::Any => true,
        Shape::RefTo(name) => matches!(ty.kind(), ty::Ref(_, inner, _) if is_handle(*inner, name)),
        Shape::Handle(name) => is_handle(ty, name),
        Shape::Slice => matches!(ty.kind(), ty::Ref(_, inner, _) if inner.is_slice()),
        Shape::Usize => ty.is_usize(),
        Shape::Bool => ty.is_bool(),
        Shape::Unit => ty.is_unit(),
    }
}

fn describe(shape: Shape) -> String {
    match shape {
        Shape::Any => "anything".to_owned(),
        Shape::RefTo(name) => format!("`&{name}`"),
        Shape::Handle(name) => format!("`{name}`"),
        Shape::Slice => "a slice reference".to_owned(),
        Shape::Usize => "`usize`".to_owned(),
        Shape::Bool => "`bool`".to_owned(),
        Shape::Unit => "`()`".to_owned(),
    }
}
