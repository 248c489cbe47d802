//! The type-context queries rustc_codegen_ssa asks of a builder (layouts, ABIs, the target,
//! statics), answered by its codegen context.

use std::ops::Deref;

use rustc_abi::{HasDataLayout, TargetDataLayout};
use rustc_codegen_ssa::traits::{BackendTypes, StaticBuilderMethods};
use rustc_hir::def_id::DefId;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, Ty, TyCtxt};
use rustc_span::Span;
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};

use super::Builder;
use crate::context::{Bb, CodegenCx};
use crate::types::{FnSig, Type};
use crate::value::{FnId, Value, ValueData};

impl<'a, 'tcx> Deref for Builder<'a, 'tcx> {
    type Target = CodegenCx<'tcx>;
    fn deref(&self) -> &Self::Target {
        self.cx
    }
}

impl<'a, 'tcx> BackendTypes for Builder<'a, 'tcx> {
    type Function = FnId;
    type BasicBlock = Bb;
    type Funclet = ();
    type Value = Value;
    type Type = Type;
    type FunctionSignature = FnSig;
    type DIScope = crate::debuginfo::Scope;
    type DILocation = u32;
    type DIVariable = Option<gimli::write::UnitEntryId>;
}

impl<'tcx> HasTyCtxt<'tcx> for Builder<'_, 'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.cx.tcx
    }
}

impl HasDataLayout for Builder<'_, '_> {
    fn data_layout(&self) -> &TargetDataLayout {
        self.cx.data_layout()
    }
}

impl<'tcx> HasTypingEnv<'tcx> for Builder<'_, 'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        self.cx.typing_env()
    }
}

impl HasTargetSpec for Builder<'_, '_> {
    fn target_spec(&self) -> &Target {
        self.cx.target_spec()
    }
}

impl HasX86AbiOpt for Builder<'_, '_> {
    fn x86_abi_opt(&self) -> X86Abi {
        self.cx.x86_abi_opt()
    }
}

impl<'tcx> LayoutOfHelpers<'tcx> for Builder<'_, 'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.cx.handle_layout_err(err, span, ty)
    }
}

impl<'tcx> FnAbiOfHelpers<'tcx> for Builder<'_, 'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.cx.handle_fn_abi_err(err, span, req)
    }
}

impl<'tcx> StaticBuilderMethods for Builder<'_, 'tcx> {
    fn get_static(&mut self, def_id: DefId) -> Value {
        if self.cx.tcx.is_foreign_item(def_id) {
            let attrs = self.cx.tcx.codegen_fn_attrs(def_id);
            if attrs.import_linkage.is_some() {
                self.unsupported("an extern static with `#[linkage]`");
            }
        }
        let d = self.cx.static_data(def_id);
        self.cx.value(ValueData::DataAddr { data: d, offset: 0 })
    }
}
