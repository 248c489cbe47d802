//! Which calls matter to typed locals and how: identities, drops and contract
//! operations (seen through their wrappers by contract/forward.rs), and the `wasmgc` imports the
//! second pass calls instead (the operations' reference variants and the `slot_*` helpers).

use rustc_middle::ty::layout::FnAbiOf;
use rustc_middle::ty::{self, Instance, InstanceKind, Ty};

use super::state::SlotCallee;
use crate::context::CodegenCx;
use crate::gc::contract::{Forward, contract_item};
use crate::gc::wire::{IMPORT_MODULE, REFERENCE_RESULT, VARIANT_SUFFIX};
use crate::types::{FnSig, Type};
use crate::value::FnId;

impl<'tcx> CodegenCx<'tcx> {
    /// Records what calls of `f` (the function of `instance`) do with handle slots.
    pub(crate) fn note_slot_callee(&self, instance: Instance<'tcx>, f: FnId) {
        if !(self.gc_accelerate && self.gc_typed_locals) || self.slot_callees.borrow().contains_key(&f) {
            return;
        }
        let callee = self.classify_slot_callee(instance, f);
        self.slot_callees.borrow_mut().insert(f, callee);
    }

    fn classify_slot_callee(&self, instance: Instance<'tcx>, f: FnId) -> Option<SlotCallee> {
        if let InstanceKind::DropGlue(_, Some(ty)) = instance.def {
            return self.is_handle(ty).then_some(SlotCallee::Drop);
        }
        let operation = matches!(instance.def, InstanceKind::Item(def_id) if contract_item(self.tcx, def_id).is_some());
        if !operation && !self.signature_has_handle(instance) {
            // Seeing through a callee reads its MIR, which makes the caller's codegen unit depend
            // on the callee's body: an edit of any callee would regenerate every caller's unit.
            // Only a callee that takes or returns a handle can matter, and its signature says so.
            return None;
        }
        match self.forward_of(instance)? {
            Forward::Identity => {
                // Elided calls hand back the argument itself: one lane in, the same type out.
                let types = self.types.borrow();
                let data = types.sig_data(self.fn_sig(f));
                let one_lane = types.info(data.ret).lanes.len() == 1;
                (data.params.len() == 1 && data.params[0] == data.ret && one_lane).then_some(SlotCallee::Identity)
            }
            Forward::Operation(op_instance, op) => {
                if op.is_drop() {
                    return Some(SlotCallee::Drop);
                }
                let import = self.contract_intrinsic(op_instance)?;
                // A wrapper is replaced by the operation only when both are called alike.
                let same =
                    self.types.borrow().sig_data(self.fn_sig(import)) == self.types.borrow().sig_data(self.fn_sig(f));
                let returned = self.fn_abi_of_instance(op_instance, ty::List::empty()).ret.layout.ty;
                let result = op.reference_result() && self.is_handle(returned);
                let handles = op.handle_params();
                (same && (handles != 0 || result)).then_some(SlotCallee::Operation { import, handles, result })
            }
        }
    }

    /// Whether a parameter (by value, reference or pointer) or the result of `instance` is a
    /// handle or a struct with a handle field (the view `#[wasm::gc]` accessors take as `&self`);
    /// reads only its ABI, which rustc computes for the call anyway, and type definitions.
    fn signature_has_handle(&self, instance: Instance<'tcx>) -> bool {
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        let pointee = |ty: Ty<'tcx>| match ty.kind() {
            ty::Ref(_, inner, _) | ty::RawPtr(inner, _) => *inner,
            _ => ty,
        };
        let holds_handle = |ty: Ty<'tcx>| {
            self.is_handle(ty)
                || matches!(ty.kind(), ty::Adt(adt, args) if adt.is_struct()
                    && adt.all_fields().any(|field| self.is_handle(field.ty(self.tcx, args).skip_normalization())))
        };
        fn_abi.args.iter().chain(std::iter::once(&fn_abi.ret)).any(|arg| holds_handle(pointee(arg.layout.ty)))
    }

    /// `Gc<T>`, `GcArray<T>`, `ExternRef` or an `Option` of the first two: one 4-byte handle.
    fn is_handle(&self, ty: Ty<'tcx>) -> bool {
        let ty::Adt(adt, args) = ty.kind() else { return false };
        match contract_item(self.tcx, adt.did()) {
            Some("Gc" | "GcArray" | "ExternRef") => true,
            _ if self.tcx.is_lang_item(adt.did(), rustc_hir::LangItem::Option) => {
                matches!(args.type_at(0).kind(), ty::Adt(inner, _)
                    if matches!(contract_item(self.tcx, inner.did()), Some("Gc" | "GcArray")))
            }
            _ => false,
        }
    }

    pub(super) fn helper_import(&self, name: &str, params: Vec<Type>, ret: Type) -> FnId {
        let sig = self.sig(params, ret);
        self.declare_fn(name, sig, Some((IMPORT_MODULE.to_owned(), name.to_owned())))
    }

    /// The import of operation `import` that takes the parameters in `mask` as references (and
    /// returns one, with `result`).
    pub(super) fn reference_variant(&self, import: FnId, mask: u8, result: bool) -> FnId {
        let suffix = if result { REFERENCE_RESULT.to_string() } else { String::new() };
        let name = format!("{}{VARIANT_SUFFIX}{mask}{suffix}", self.funcs.borrow()[import.0 as usize].name);
        if let Some(&f) = self.func_by_name.borrow().get(&name) {
            return f;
        }
        let mut data = self.types.borrow().sig_data(self.fn_sig(import)).clone();
        for (index, param) in data.params.iter_mut().enumerate() {
            if mask & (1 << index) != 0 {
                *param = self.t_externref;
            }
        }
        if result {
            data.ret = self.t_externref;
        }
        let sig: FnSig = self.sig(data.params, data.ret);
        self.declare_fn(&name, sig, Some((IMPORT_MODULE.to_owned(), name.clone())))
    }
}
