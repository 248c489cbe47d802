//! Debug info and coverage: DWARF line tables and subprograms (`unit.rs` on the type-context
//! thread, `emit.rs` on the worker), variables in the stack frame and their types at
//! `-Cdebuginfo=2` (`types.rs`) in lexical blocks of their MIR scopes, and the rustc_codegen_ssa
//! traits. Inlined frames are not written yet (FIXME(#15)): a scope inlined from another function
//! counts as its call site's. `-Cinstrument-coverage` is refused in driver/unsupported_flags.rs.

pub(crate) mod emit;
pub(crate) mod types;
pub(crate) mod unit;

use std::ops::Range;

use gimli::write::UnitEntryId;
use rustc_abi::{Align, Size};
use rustc_codegen_ssa::mir::debuginfo::{DebugScope, FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::BuilderMethods;
use rustc_codegen_ssa::traits::{CoverageInfoBuilderMethods, DebugInfoBuilderMethods, DebugInfoCodegenMethods};
use rustc_middle::mir::{self, SourceScope, coverage::CoverageKind};
use rustc_middle::ty::{ExistentialTraitRef, Instance, Ty};
use rustc_session::config::DebugInfo;
use rustc_span::{BytePos, SourceFile, Span, Symbol};
use rustc_target::callconv::FnAbi;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::value::{FnId, Value, ValueData};

/// A MIR source scope of a function (`index` into its `source_scopes`; 0 is the function's own):
/// what variables belong to, written as a lexical block.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Scope {
    pub(crate) func: FnId,
    pub(crate) index: u32,
}

/// The scope that code of `scope` belongs to in this function: `scope` itself, or for a scope
/// inlined from another function, the scope of its call site.
fn own_scope(mir: &mir::Body<'_>, mut scope: SourceScope) -> SourceScope {
    loop {
        let data = &mir.source_scopes[scope];
        match data.parent_scope {
            Some(parent) if data.inlined.is_some() || data.inlined_parent_scope.is_some() => scope = parent,
            _ => return scope,
        }
    }
}

impl<'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn create_vtable_debuginfo(&self, _ty: Ty<'tcx>, _trait_ref: Option<ExistentialTraitRef<'tcx>>, _vtable: Value) {}

    /// Records the function's subprogram. At `-Cdebuginfo=2` a context goes back to
    /// rustc_codegen_ssa, so it declares the function's variables (`create_dbg_var`) in their
    /// scopes and their places (`dbg_var_addr`), and tells the builder each statement's scope
    /// (`set_dbg_loc`). The builder records every statement's span and scope (`Code::at`); the
    /// unit resolves the spans now and gives the scopes their code ranges once encoded.
    fn create_function_debug_context(
        &self,
        instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: FnId,
        mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, Scope, u32>> {
        let mut debug = self.debug.borrow_mut();
        let unit = debug.as_mut()?;
        let linkage_name = self.tcx.symbol_name(instance).name;
        let full = self.tcx.sess.opts.debuginfo == DebugInfo::Full;
        // Each scope's parent within the function, for the lexical blocks.
        let parents = mir.source_scopes.indices().map(|scope| {
            let parent = mir.source_scopes[scope].parent_scope.filter(|_| own_scope(mir, scope) == scope);
            parent.map(|parent| own_scope(mir, parent).as_u32())
        });
        let parents = if full { parents.collect() } else { Vec::new() };
        unit.define_function(self.tcx, instance, llfn, linkage_name, mir.span, parents);
        if !full {
            return None;
        }
        // Every span is within the scope's file range, so rustc_codegen_ssa never asks to
        // extend a scope to another file.
        let scopes = mir.source_scopes.indices().map(|scope| DebugScope {
            dbg_scope: Scope { func: llfn, index: own_scope(mir, scope).as_u32() },
            inlined_at: None,
            file_start_pos: BytePos(0),
            file_end_pos: BytePos(u32::MAX),
        });
        Some(FunctionDebugContext { scopes: scopes.collect(), inlined_function_scopes: Default::default() })
    }

    fn dbg_scope_fn(&self, _instance: Instance<'tcx>, _fn_abi: &FnAbi<'tcx, Ty<'tcx>>, llfn: Option<FnId>) -> Scope {
        Scope { func: llfn.unwrap_or(FnId(u32::MAX)), index: 0 }
    }

    fn dbg_loc(&self, scope: Scope, _inlined_at: Option<u32>, _span: Span) -> u32 {
        scope.index
    }

    fn extend_scope_to_file(&self, scope: Scope, _file: &SourceFile) -> Scope {
        scope
    }

    fn debuginfo_finalize(&self) {}

    fn create_dbg_var(
        &self,
        name: Symbol,
        ty: Ty<'tcx>,
        scope: Scope,
        kind: VariableKind,
        span: Span,
    ) -> Option<UnitEntryId> {
        let mut debug = self.debug.borrow_mut();
        let unit = debug.as_mut()?;
        let ty = self.debug_types.borrow_mut().of(self, unit, ty);
        let parameter = matches!(kind, VariableKind::ArgumentVariable(_));
        unit.add_variable(self.tcx, scope, name.as_str(), ty, parameter, span)
    }
}

impl<'a, 'tcx> DebugInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    /// A variable in the stack frame gets its place. One passed by reference (its address in a
    /// local) gets a frame slot holding that address, as LLVM does at -O0, so a debugger can
    /// follow it. A part of one (`fragment`) gets no place yet: the debugger says optimized out.
    fn dbg_var_addr(
        &mut self,
        var: Option<UnitEntryId>,
        _loc: u32,
        alloca: Value,
        direct: Size,
        indirect: &[Size],
        fragment: &Option<Range<Size>>,
    ) {
        let (Some(var), None) = (var, fragment) else { return };
        let mut through: Vec<u64> = indirect.iter().map(|size| size.bytes()).collect();
        let (fp, offset) = match self.cx.value_data(alloca) {
            ValueData::FrameAddr { fp, offset } => (fp, u64::from(offset) + direct.bytes()),
            ValueData::Local { .. } => {
                let slot = self.frame_slot(4, 4);
                self.store(alloca, slot, Align::from_bytes(4).expect("a power of two"));
                let ValueData::FrameAddr { fp, offset } = self.cx.value_data(slot) else { return };
                through.insert(0, direct.bytes());
                (fp, u64::from(offset))
            }
            _ => return,
        };
        if let Some(unit) = self.cx.debug.borrow_mut().as_mut() {
            unit.set_frame_location(self.bb.func, var, fp, offset, &through);
        }
    }
    fn dbg_var_value(
        &mut self,
        _var: Option<UnitEntryId>,
        _loc: u32,
        _value: Value,
        _direct: Size,
        _indirect: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }
    fn set_dbg_loc(&mut self, scope: u32) {
        self.scope = scope;
    }
    fn clear_dbg_loc(&mut self) {
        self.scope = 0;
    }
    fn insert_reference_to_gdb_debug_scripts_section_global(&mut self) {}
    fn set_var_name(&mut self, _value: Value, _name: &str) {}
}

impl<'a, 'tcx> CoverageInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn add_coverage(&mut self, _instance: Instance<'tcx>, _kind: &CoverageKind) {}
}
