//! Which functions only pass a handle's address through: identity functions (`Deref` of `Gc`,
//! `<*const T>::cast`) and one-call wrappers of a contract operation (the generated field
//! accessors, `Gc::ptr_eq`, `Clone`), read from their MIR so that typed locals
//! (gc/typed_locals/) see through them as rustc's MIR inliner would at higher optimization levels.

use rustc_index::IndexVec;
use rustc_middle::mir::{
    Body, CastKind, Local, Operand, Place, ProjectionElem, RETURN_PLACE, Rvalue, START_BLOCK, StatementKind,
    TerminatorKind,
};
use rustc_middle::ty::{self, EarlyBinder, Instance, InstanceKind, Ty, TyCtxt, TypingEnv};

use super::ops::{Op, contract_item};
use crate::context::CodegenCx;

/// What a function does with the addresses it receives.
pub(crate) enum Forward<'tcx> {
    /// Returns its only argument, a thin pointer, unchanged and does nothing else.
    Identity,
    /// Calls this contract operation with its own arguments, in order, and returns its result.
    Operation(Instance<'tcx>, Op),
}

/// Where a local's value comes from, as far as the analysis can tell.
#[derive(Copy, Clone, PartialEq)]
enum Source {
    Unknown,
    /// The same address as argument local `n`.
    Arg(u32),
    /// The result of the contract operation call.
    OperationResult,
}

/// Bodies larger than this are not wrappers.
const MAX_BLOCKS: usize = 4;
/// How deep identity calls inside a wrapper are followed.
const MAX_DEPTH: u32 = 3;

impl<'tcx> CodegenCx<'tcx> {
    pub(crate) fn forward_of(&self, instance: Instance<'tcx>) -> Option<Forward<'tcx>> {
        self.forward_at_depth(instance, 0)
    }

    fn forward_at_depth(&self, instance: Instance<'tcx>, depth: u32) -> Option<Forward<'tcx>> {
        let InstanceKind::Item(def_id) = instance.def else { return None };
        // Operations are known by name: their own MIR is the library's, and need not be available.
        if let Some(op) = contract_item(self.tcx, def_id).and_then(Op::from_name) {
            return Some(Forward::Operation(instance, op));
        }
        if depth > MAX_DEPTH || !self.tcx.is_mir_available(def_id) || self.tcx.is_foreign_item(def_id) {
            return None;
        }
        let attrs = self.tcx.codegen_instance_attrs(instance.def);
        if attrs.flags.contains(rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrFlags::TRACK_CALLER) {
            return None;
        }
        let body = self.tcx.instance_mir(instance.def);
        if body.basic_blocks.len() > MAX_BLOCKS {
            return None;
        }
        Walk { cx: self, instance, body, depth }.run()
    }
}

struct Walk<'a, 'tcx> {
    cx: &'a CodegenCx<'tcx>,
    instance: Instance<'tcx>,
    body: &'tcx Body<'tcx>,
    depth: u32,
}

impl<'tcx> Walk<'_, 'tcx> {
    fn mono<T: ty::TypeFoldable<TyCtxt<'tcx>>>(&self, value: T) -> T {
        self.instance.instantiate_mir_and_normalize_erasing_regions(
            self.cx.tcx,
            TypingEnv::fully_monomorphized(),
            EarlyBinder::bind(value),
        )
    }

    fn run(&self) -> Option<Forward<'tcx>> {
        let body = self.body;
        let mut sources: IndexVec<Local, Source> = IndexVec::from_elem(Source::Unknown, &body.local_decls);
        for arg in body.args_iter() {
            sources[arg] = Source::Arg(arg.as_u32());
        }
        let mut operation = None;
        let mut block = START_BLOCK;
        // A chain of blocks only (no branches), so each block is visited once.
        for _ in 0..body.basic_blocks.len() {
            let data = &body.basic_blocks[block];
            for statement in &data.statements {
                match &statement.kind {
                    StatementKind::StorageLive(_) | StatementKind::StorageDead(_) | StatementKind::Nop => {}
                    StatementKind::Assign(assign) => {
                        let (place, rvalue) = &**assign;
                        let target = place.as_local()?;
                        sources[target] = self.rvalue_source(rvalue, &sources)?;
                    }
                    _ => return None,
                }
            }
            match &data.terminator().kind {
                TerminatorKind::Goto { target } => block = *target,
                TerminatorKind::Return => return self.finish(&sources, operation),
                TerminatorKind::Call { func, args, destination, target: Some(target), .. } => {
                    let destination = destination.as_local()?;
                    let callee = self.callee(func)?;
                    match self.cx.forward_at_depth(callee, self.depth + 1)? {
                        Forward::Identity => {
                            let [arg] = &**args else { return None };
                            sources[destination] = self.operand_source(&arg.node, &sources);
                        }
                        Forward::Operation(op_instance, op) => {
                            // Only a direct call of the operation, with every argument passed through.
                            if operation.is_some() || contract_item(self.cx.tcx, op_instance.def_id()).is_none() {
                                return None;
                            }
                            if args.len() != body.arg_count {
                                return None;
                            }
                            for (index, arg) in args.iter().enumerate() {
                                if self.operand_source(&arg.node, &sources) != Source::Arg(index as u32 + 1) {
                                    return None;
                                }
                            }
                            sources[destination] = Source::OperationResult;
                            operation = Some((op_instance, op));
                        }
                    }
                    block = *target;
                }
                _ => return None,
            }
        }
        None
    }

    fn finish(
        &self,
        sources: &IndexVec<Local, Source>,
        operation: Option<(Instance<'tcx>, Op)>,
    ) -> Option<Forward<'tcx>> {
        match (operation, sources[RETURN_PLACE]) {
            (None, Source::Arg(1)) if self.body.arg_count == 1 => Some(Forward::Identity),
            (Some((instance, op)), Source::OperationResult) => Some(Forward::Operation(instance, op)),
            _ => None,
        }
    }

    fn callee(&self, func: &Operand<'tcx>) -> Option<Instance<'tcx>> {
        let (def_id, args) = func.const_fn_def()?;
        let args = self.mono(args);
        Instance::try_resolve(self.cx.tcx, TypingEnv::fully_monomorphized(), def_id, args).ok().flatten()
    }

    fn operand_source(&self, operand: &Operand<'tcx>, sources: &IndexVec<Local, Source>) -> Source {
        match operand {
            Operand::Copy(place) | Operand::Move(place) => place.as_local().map_or(Source::Unknown, |l| sources[l]),
            _ => Source::Unknown,
        }
    }

    fn rvalue_source(&self, rvalue: &Rvalue<'tcx>, sources: &IndexVec<Local, Source>) -> Option<Source> {
        match rvalue {
            Rvalue::Use(operand, _) => Some(self.operand_source(operand, sources)),
            Rvalue::Cast(CastKind::PtrToPtr, operand, _) => Some(self.operand_source(operand, sources)),
            Rvalue::Ref(_, _, place) | Rvalue::RawPtr(_, place) => Some(self.address_source(place, sources)),
            _ => None,
        }
    }

    /// The source of `&(*L).0.0...` when every field projected is at offset 0 and thin.
    fn address_source(&self, place: &Place<'tcx>, sources: &IndexVec<Local, Source>) -> Source {
        let [ProjectionElem::Deref, fields @ ..] = place.projection.as_slice() else { return Source::Unknown };
        let mut ty: Ty<'tcx> = self.mono(self.body.local_decls[place.local].ty);
        let Some(pointee) = ty.builtin_deref(true) else { return Source::Unknown };
        ty = pointee;
        for element in fields {
            let ProjectionElem::Field(field, field_ty) = element else { return Source::Unknown };
            let Ok(layout) = self.cx.layout_of_checked(ty) else { return Source::Unknown };
            if field.as_usize() >= layout.fields.count() || layout.fields.offset(field.as_usize()).bytes() != 0 {
                return Source::Unknown;
            }
            ty = self.mono(*field_ty);
        }
        if !ty.is_sized(self.cx.tcx, TypingEnv::fully_monomorphized()) {
            return Source::Unknown;
        }
        sources[place.local]
    }
}

impl<'tcx> CodegenCx<'tcx> {
    fn layout_of_checked(
        &self,
        ty: Ty<'tcx>,
    ) -> Result<rustc_middle::ty::layout::TyAndLayout<'tcx>, &'tcx rustc_middle::ty::layout::LayoutError<'tcx>> {
        self.tcx.layout_of(TypingEnv::fully_monomorphized().as_query_input(ty))
    }
}
