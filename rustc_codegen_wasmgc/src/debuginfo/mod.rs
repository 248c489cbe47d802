//! Debug info and coverage: DWARF line tables and subprograms (`unit.rs` on the type-context
//! thread, `emit.rs` on the worker), and the rustc_codegen_ssa traits. Variables, scopes and
//! types are not written yet (FIXME(#15)); `-Cinstrument-coverage` is refused in
//! driver/unsupported_flags.rs.

pub(crate) mod emit;
pub(crate) mod unit;

use std::ops::Range;

use rustc_abi::Size;
use rustc_codegen_ssa::mir::debuginfo::{FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::{CoverageInfoBuilderMethods, DebugInfoBuilderMethods, DebugInfoCodegenMethods};
use rustc_middle::mir::{self, coverage::CoverageKind};
use rustc_middle::ty::{ExistentialTraitRef, Instance, Ty};
use rustc_span::{SourceFile, Span, Symbol};
use rustc_target::callconv::FnAbi;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::value::{FnId, Value};

impl<'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn create_vtable_debuginfo(&self, _ty: Ty<'tcx>, _trait_ref: Option<ExistentialTraitRef<'tcx>>, _vtable: Value) {}

    /// Records the function's subprogram. No context goes back to rustc_codegen_ssa: the builder
    /// already records every statement's span (`Code::at`), and the unit resolves them.
    fn create_function_debug_context(
        &self,
        instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: FnId,
        mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, (), ()>> {
        if let Some(unit) = self.debug.borrow_mut().as_mut() {
            let linkage_name = self.tcx.symbol_name(instance).name;
            unit.define_function(self.tcx, instance, llfn, linkage_name, mir.span);
        }
        None
    }

    fn dbg_scope_fn(&self, _instance: Instance<'tcx>, _fn_abi: &FnAbi<'tcx, Ty<'tcx>>, _llfn: Option<FnId>) {}

    fn dbg_loc(&self, _scope: (), _inlined_at: Option<()>, _span: Span) {}

    fn extend_scope_to_file(&self, _scope_metadata: (), _file: &SourceFile) {}

    fn debuginfo_finalize(&self) {}

    fn create_dbg_var(&self, _name: Symbol, _ty: Ty<'tcx>, _scope: (), _kind: VariableKind, _span: Span) {}
}

impl<'a, 'tcx> DebugInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn dbg_var_addr(
        &mut self,
        _var: (),
        _loc: (),
        _alloca: Value,
        _direct: Size,
        _indirect: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }
    fn dbg_var_value(
        &mut self,
        _var: (),
        _loc: (),
        _value: Value,
        _direct: Size,
        _indirect: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }
    fn set_dbg_loc(&mut self, _loc: ()) {}
    fn clear_dbg_loc(&mut self) {}
    fn insert_reference_to_gdb_debug_scripts_section_global(&mut self) {}
    fn set_var_name(&mut self, _value: Value, _name: &str) {}
}

impl<'a, 'tcx> CoverageInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn add_coverage(&mut self, _instance: Instance<'tcx>, _kind: &CoverageKind) {}
}
