//! Typed locals (docs/wasmgc-lowering.md section 4): a 4-byte stack slot whose address
//! only reaches contract operations, drops and whole loads and stores becomes an `externref`
//! local holding the object itself, so the operations on it skip the root table.
//!
//! A function is compiled twice when it has such slots: the first pass surveys how each slot's
//! address is used, the second emits the chosen slots as locals. A slot kept in locals has two:
//! `reference` (the object, null when empty) and `root` (a root-table slot made for it by a
//! whole load, 0 when none), because a load of a handle is how Rust code moves it out or reads
//! its `Option` discriminant, and either needs the handle's value as an index.

mod callees;
pub(crate) mod state;

use rustc_codegen_ssa::traits::BaseTypeCodegenMethods;

use crate::builder::Builder;
use crate::ir::op;
use crate::types::{Type, ValType};
use crate::value::{FnId, Value, ValueData};
pub(crate) use state::SlotCallee;
use state::{RefSlot, ResultUse, Slots, Survey};

impl<'a, 'tcx> Builder<'a, 'tcx> {
    fn with_slots<R>(&self, f: impl FnOnce(&mut Slots) -> R) -> R {
        self.cx.with_function(self.bb.func, |fcx| f(&mut fcx.slots))
    }

    /// A new frame slot at `offset`: a candidate when it can hold exactly one handle.
    pub(crate) fn note_frame_slot(&self, offset: u32, size: u64, align: u64) {
        if size != 4 || align != 4 {
            return;
        }
        let chosen = self.with_slots(|slots| match slots {
            Slots::Survey(survey) => {
                survey.slots.insert(offset, Survey::default());
                false
            }
            Slots::Emit(plan) => plan.chosen.contains(&offset),
            Slots::Off => false,
        });
        if chosen {
            let slot = RefSlot { reference: self.new_local(ValType::ExternRef), root: self.new_local(ValType::I32) };
            self.with_slots(|slots| {
                if let Slots::Emit(plan) = slots {
                    plan.locals.insert(offset, slot);
                }
            });
        }
    }

    /// The address of frame offset `offset` is used in a way only memory supports.
    pub(crate) fn slot_escapes(&self, offset: u32) {
        if self.cx.with_function(self.bb.func, |fcx| fcx.slot_exempt) {
            return;
        }
        self.with_slots(|slots| {
            if let Slots::Survey(survey) = slots
                && let Some(slot) = survey.slots.get_mut(&(offset & !3))
            {
                slot.escaped = true;
            }
        });
    }

    /// Wasm local `local` is read: if it holds an operation's result, that result is used.
    pub(crate) fn local_read(&self, local: u32) {
        if !self.cx.with_function(self.bb.func, |fcx| fcx.slot_results_tracked) {
            return;
        }
        self.with_slots(|slots| {
            if let Slots::Survey(survey) = slots
                && let Some(&index) = survey.result_locals.get(&local)
            {
                survey.results[index].used_otherwise = true;
            }
        });
    }

    /// The candidate slot `ptr` points to the start of, with the locals it was given, if any.
    fn slot_at(&self, ptr: Value) -> Option<(u32, Option<RefSlot>)> {
        let ValueData::FrameAddr { offset, .. } = self.cx.value_data(ptr) else { return None };
        self.with_slots(|slots| match slots {
            Slots::Survey(survey) => survey.slots.contains_key(&offset).then_some((offset, None)),
            Slots::Emit(plan) => plan.locals.get(&offset).map(|&slot| (offset, Some(slot))),
            Slots::Off => None,
        })
    }

    fn is_handle_sized(&self, ty: Type) -> bool {
        let types = self.cx.types.borrow();
        let info = types.info(ty);
        info.lanes == [ValType::I32] && info.lane_mem == [(0, 4)]
    }

    /// A whole load of a candidate slot: in locals, the handle's root (made on first need).
    pub(crate) fn slot_load(&mut self, ty: Type, ptr: Value, align: u64) -> Option<Value> {
        if !self.is_handle_sized(ty) {
            return None;
        }
        let (offset, locals) = self.slot_at(ptr)?;
        let ValueData::FrameAddr { fp, .. } = self.cx.value_data(ptr) else { return None };
        match locals {
            None => self.code(|c| {
                c.local_get(fp);
                c.mem(op::I32_LOAD, align.min(4).trailing_zeros(), offset);
            }),
            Some(slot) => {
                let load = self.cx.helper_import(
                    crate::gc::wire::SLOT_LOAD,
                    vec![self.cx.t_i32, self.cx.t_externref],
                    self.cx.t_i32,
                );
                self.code(|c| {
                    c.local_get(slot.root);
                    c.local_get(slot.reference);
                    c.call(load);
                    c.local_tee(slot.root);
                });
            }
        }
        Some(self.pop_value(ty))
    }

    /// A whole store to a candidate slot: in locals, the handle's root becomes the reference
    /// (or the stored value already is one: an operation's result kept as a reference).
    pub(crate) fn slot_store(&mut self, val: Value, ptr: Value, align: u64) -> bool {
        let ty = self.cx.val_ty(val);
        let reference = ty == self.cx.t_externref;
        if !reference && !self.is_handle_sized(ty) {
            return false;
        }
        let Some((offset, locals)) = self.slot_at(ptr) else {
            if reference {
                // Not expected (the survey saw this result stored to a typed slot), but correct:
                // memory holds handles, so the reference gets a root there.
                self.store_reference_as_root(val, ptr, align);
                return true;
            }
            return false;
        };
        let ValueData::FrameAddr { fp, .. } = self.cx.value_data(ptr) else { return false };
        match locals {
            None if reference => self.store_reference_as_root(val, ptr, align),
            None => {
                self.code(|c| c.local_get(fp));
                self.push_stored(val, offset);
                self.code(|c| c.mem(op::I32_STORE, align.min(4).trailing_zeros(), offset));
            }
            Some(slot) if reference => {
                self.push(val);
                self.code(|c| {
                    c.local_set(slot.reference);
                    c.i32_const(0);
                    c.local_set(slot.root);
                });
            }
            Some(slot) => {
                let take = self.cx.helper_import(crate::gc::wire::SLOT_TAKE, vec![self.cx.t_i32], self.cx.t_externref);
                self.push(val);
                self.code(|c| {
                    c.call(take);
                    c.local_set(slot.reference);
                    c.i32_const(0);
                    c.local_set(slot.root);
                });
            }
        }
        true
    }

    fn store_reference_as_root(&mut self, val: Value, ptr: Value, align: u64) {
        let load =
            self.cx.helper_import(crate::gc::wire::SLOT_LOAD, vec![self.cx.t_i32, self.cx.t_externref], self.cx.t_i32);
        let offset = self.push_addr(ptr);
        self.code(|c| c.i32_const(0));
        self.push(val);
        self.code(|c| {
            c.call(load);
            c.mem(op::I32_STORE, align.min(4).trailing_zeros(), offset);
        });
    }

    /// Pushes `val` for a store to the candidate slot at `offset` during the survey: an
    /// operation's result stored there is not otherwise used by the store.
    fn push_stored(&mut self, val: Value, offset: u32) {
        let ValueData::Local { first, .. } = self.cx.value_data(val) else {
            self.push(val);
            return;
        };
        let stored = self.with_slots(|slots| {
            let Slots::Survey(survey) = slots else { return false };
            let Some(&index) = survey.result_locals.get(&first) else { return false };
            let result = &mut survey.results[index];
            if result.stored_to.is_some() {
                result.used_otherwise = true;
            }
            result.stored_to = Some(offset);
            true
        });
        if stored {
            self.code(|c| c.local_get(first));
        } else {
            self.push(val);
        }
    }

    /// A call of `f` that elides, replaces or records its use of handle slots; `None` when the
    /// call is to be emitted as written (with `slot_exempt` set when its handle arguments were
    /// surveyed).
    pub(crate) fn slot_call(&mut self, f: FnId, args: &[Value], sext: &[bool]) -> Option<Value> {
        let callee = (*self.cx.slot_callees.borrow().get(&f)?)?;
        let ret = self.cx.types.borrow().sig_data(self.cx.fn_sig(f)).ret;
        let (handles, result) = match callee {
            SlotCallee::Identity => return (args.len() == 1).then(|| args[0]),
            SlotCallee::Drop => (0b1, false),
            SlotCallee::Operation { handles, result, .. } => (handles, result),
        };
        let mut surveyed = false;
        let mut chosen = Vec::new();
        for (index, &arg) in args.iter().enumerate() {
            let Some((offset, locals)) = self.slot_at(arg) else { continue };
            if handles & (1 << index) == 0 {
                self.slot_escapes(offset);
                continue;
            }
            match locals {
                None => {
                    // A drop alone does not make a slot worth a local: only operations skip the
                    // root table, while a store and a load through a local cost a root each.
                    let operation = matches!(callee, SlotCallee::Operation { .. });
                    self.with_slots(|slots| {
                        if let Slots::Survey(survey) = slots
                            && let Some(slot) = survey.slots.get_mut(&offset)
                        {
                            slot.operation_uses += u32::from(operation);
                        }
                    });
                    surveyed = true;
                }
                Some(slot) => chosen.push((index, slot)),
            }
        }
        // Calls that return a handle are numbered alike in both passes.
        let result_index = result.then(|| self.next_result()).flatten();
        match callee {
            SlotCallee::Drop if !chosen.is_empty() => {
                let (_, slot) = chosen[0];
                let drop = self.cx.helper_import(crate::gc::wire::SLOT_DROP, vec![self.cx.t_i32], self.cx.t_externref);
                self.code(|c| {
                    c.local_get(slot.root);
                    c.call(drop);
                    c.local_set(slot.reference);
                    c.i32_const(0);
                    c.local_set(slot.root);
                });
                Some(self.cx.value(ValueData::Undef(ret)))
            }
            SlotCallee::Operation { import, .. } => {
                let reference_result = result_index.is_some_and(|index| self.returns_reference(index));
                if chosen.is_empty() && !reference_result {
                    self.cx.with_function(self.bb.func, |fcx| fcx.slot_exempt = surveyed);
                    let value = self.emit_call(self.cx.fn_sig(f), Some(f), None, args, sext);
                    self.cx.with_function(self.bb.func, |fcx| fcx.slot_exempt = false);
                    if let Some(index) = result_index {
                        self.track_result(index, value);
                    }
                    return Some(value);
                }
                let mask = chosen.iter().fold(0u8, |mask, &(index, _)| mask | (1 << index));
                let variant = self.cx.reference_variant(import, mask, reference_result);
                let mut new_args = args.to_vec();
                for (index, slot) in chosen {
                    new_args[index] =
                        self.cx.value(ValueData::Local { ty: self.cx.t_externref, first: slot.reference });
                }
                let sig = self.cx.fn_sig(variant);
                Some(self.emit_call(sig, Some(variant), None, &new_args, sext))
            }
            _ => {
                self.cx.with_function(self.bb.func, |fcx| fcx.slot_exempt = surveyed);
                None
            }
        }
    }

    /// The number of the next call that returns a handle, in the survey or the second pass.
    fn next_result(&self) -> Option<usize> {
        self.with_slots(|slots| match slots {
            Slots::Survey(survey) => {
                survey.results.push(ResultUse::default());
                Some(survey.results.len() - 1)
            }
            Slots::Emit(plan) => {
                plan.next_result += 1;
                Some(plan.next_result - 1)
            }
            Slots::Off => None,
        })
    }

    fn returns_reference(&self, index: usize) -> bool {
        self.with_slots(|slots| matches!(slots, Slots::Emit(plan) if plan.reference_results.contains(&index)))
    }

    /// From now on the survey watches the uses of `value`, result number `index`.
    fn track_result(&self, index: usize, value: Value) {
        let ValueData::Local { first, .. } = self.cx.value_data(value) else { return };
        let tracked = self.with_slots(|slots| {
            let Slots::Survey(survey) = slots else { return false };
            survey.result_locals.insert(first, index);
            true
        });
        if tracked {
            self.cx.with_function(self.bb.func, |fcx| fcx.slot_results_tracked = true);
        }
    }
}
