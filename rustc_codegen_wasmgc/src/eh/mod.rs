//! Unwinding (`-Cpanic=unwind`) through WebAssembly exception handling in its standard form
//! (`try_table`, `throw`, `throw_ref`, `exnref`), on the C++ exception tag `__cpp_exception`
//! (one i32 payload: the `_Unwind_Exception` pointer) that LLVM's wasm code and std's unwinder
//! use, so a panic crosses frames compiled by either backend.
//!
//! rustc_codegen_ssa drives wasm unwinding with funclets, as for MSVC: an `invoke`'s unwind edge
//! enters a cleanup funclet (`cleanup_pad`), which ends by unwinding further (`cleanup_ret`
//! without a target) or by going to an enclosing cleanup; a terminate block is a catch-all
//! (`catch_switch` + `catch_pad`). Here an `invoke` becomes its call inside a `try_table` whose
//! `catch_all_ref` stores the exception in the function's exception local and enters the
//! funclet; `cleanup_ret` without a target rethrows it (`throw_ref`); funclet entries emit
//! nothing. `catch_unwind` catches only the C++ tag, whose payload its catch function takes:
//! other exceptions (from JavaScript, say) pass through, as LLVM's code lets them.

use crate::builder::Builder;
use crate::context::{Bb, CodegenCx};
use crate::ir::{Catch, Code, Exit, Inst, Loc, op};
use crate::types::{FnSig, ValType};
use crate::value::{Value, ValueData};

impl<'tcx> CodegenCx<'tcx> {
    /// Whether calls may unwind (`-Cpanic=unwind`): then `invoke` and the funclets mean code.
    pub(crate) fn unwinds(&self) -> bool {
        self.tcx.sess.panic_strategy().unwinds()
    }

    /// Notes that the unit throws or catches on the exception tag, and returns the tag's type.
    pub(crate) fn exception_tag(&self) -> FnSig {
        if let Some(sig) = self.exception_tag.get() {
            return sig;
        }
        let sig = self.sig(vec![self.t_i32], self.t_void);
        self.exception_tag.set(Some(sig));
        sig
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Ends the block with `call`, the code that calls and takes the results, run so that an
    /// exception leaving it goes to `unwind` (a funclet entry) with the exception saved.
    pub(crate) fn invoke_unwinding(
        &mut self,
        emit_call: impl FnOnce(&mut Self) -> Value,
        normal: Bb,
        unwind: Bb,
    ) -> Value {
        let idx = self.bb.idx as usize;
        let start = self.cx.with_function(self.bb.func, |fcx| fcx.body.blocks[idx].code.insts.len());
        let value = emit_call(self);
        let (call, exn) = self.cx.with_function(self.bb.func, |fcx| {
            let code = &mut fcx.body.blocks[idx].code;
            // The call's instructions move into the exit with their locations: the runs they
            // start, and the run in effect where they begin.
            let first_moved = code.locs.partition_point(|&(at, _)| (at as usize) < start);
            let in_effect = code.locs[..first_moved].last().map(|&(_, loc)| loc);
            let mut locs: Vec<(u32, Loc)> =
                code.locs.drain(first_moved..).map(|(at, loc)| (at - start as u32, loc)).collect();
            if let Some(loc) = in_effect
                && locs.first().is_none_or(|&(at, _)| at > 0)
            {
                locs.insert(0, (0, loc));
            }
            let call = Code { insts: code.insts.split_off(start), locs };
            (call, fcx.body.exn_local())
        });
        self.set_exit(Exit::Invoke { call, normal: normal.idx, unwind: unwind.idx, exn });
        value
    }

    /// The end of a cleanup funclet: on to `unwind`, or unwinding on to the caller.
    pub(crate) fn cleanup_ret_unwinding(&mut self, unwind: Option<Bb>) {
        match unwind {
            Some(target) => self.set_exit(Exit::Br(target.idx)),
            None => {
                let exn = self.cx.with_function(self.bb.func, |fcx| fcx.body.exn_local());
                self.set_exit(Exit::Rethrow { exn });
            }
        }
    }

    /// `throw` of the exception tag with `payload` (`llvm.wasm.throw`, std's unwinder).
    pub(crate) fn throw(&mut self, payload: Value) {
        self.cx.exception_tag();
        self.push(payload);
        self.code(|c| c.push(Inst::Throw));
    }

    /// `catch_unwind`'s `try(try_fn, data, catch_fn)`: calls `try_fn(data)` and gives 0, or if a
    /// Rust panic (the exception tag) unwinds out of it, calls `catch_fn(data, payload)` and
    /// gives 1.
    pub(crate) fn catch_unwind(&mut self, try_fn: Value, data: Value, catch_fn: Value) -> Value {
        self.cx.exception_tag();
        let (t_i32, t_ptr) = (self.cx.t_i32, self.cx.t_ptr);
        let caught = self.new_local(ValType::I32);
        let payload = self.new_local(ValType::I32);
        self.code(|c| {
            c.i32_const(0);
            c.local_set(caught);
            c.block(op::BLOCK);
            c.push(Inst::BlockResult(ValType::I32));
            c.push(Inst::TryTable(Catch::Tag(0)));
        });
        let try_sig = self.cx.sig(vec![t_ptr], self.cx.t_void);
        self.emit_call(try_sig, None, Some(try_fn), &[data], &[]);
        self.code(|c| {
            c.end();
            c.br(1);
            c.end();
            c.local_set(payload);
        });
        let catch_sig = self.cx.sig(vec![t_ptr, t_ptr], self.cx.t_void);
        let payload_value = self.cx.value(ValueData::Local { ty: t_ptr, first: payload });
        self.emit_call(catch_sig, None, Some(catch_fn), &[data, payload_value], &[]);
        self.code(|c| {
            c.i32_const(1);
            c.local_set(caught);
            c.end();
        });
        self.cx.value(ValueData::Local { ty: t_i32, first: caught })
    }
}

/// The first half of an `invoke`'s exit: `call` inside a `try_table` within a `block` that
/// receives the exception. The way to the normal successor follows, inside that block (one more
/// enclosing construct for its branches), then `end_invoke`.
pub(crate) fn begin_invoke(out: &mut Code, call: Code) {
    out.push(Inst::BlockResult(ValType::ExnRef));
    out.push(Inst::TryTable(Catch::AllRef(0)));
    out.append(call);
    out.end();
}

/// The second half of an `invoke`'s exit: the caught exception goes to local `exn`; the way to
/// the unwind successor follows.
pub(crate) fn end_invoke(out: &mut Code, exn: u32) {
    // The way to the normal successor always branches away, but the validator counts code after
    // an `end` as reachable: there the block would lack its exnref.
    out.op(op::UNREACHABLE);
    out.end();
    out.local_set(exn);
}

/// Unwinding goes on with the exception in local `exn`.
pub(crate) fn rethrow(out: &mut Code, exn: u32) {
    out.local_get(exn);
    out.op(op::THROW_REF);
}
