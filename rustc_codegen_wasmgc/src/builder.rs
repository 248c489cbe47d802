//! The rustc_codegen_ssa builder: each method appends wasm instructions to the current block.

use std::ops::Deref;

use rustc_abi::{Align, HasDataLayout, Scalar, Size, TargetDataLayout, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::{AtomicRmwBinOp, IntPredicate, RealPredicate, SynchronizationScope};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::{
    BackendTypes, BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods, LayoutTypeCodegenMethods, OverflowOp,
    StaticBuilderMethods,
};
use rustc_hir::def_id::DefId;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers, TyAndLayout,
};
use rustc_middle::ty::{self, AtomicOrdering, Instance, Ty, TyCtxt};
use rustc_span::{DUMMY_SP, Span};
use rustc_target::callconv::{ArgAbi, ArgExtension, FnAbi, PassMode};
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};

use crate::arith::{FloatOp, FloatUnop, IntOp};
use crate::context::{Bb, CodegenCx};
use crate::emit::op;
use crate::ir::{Block, Exit, Inst};
use crate::types::{FnSig, Type, TypeKind, ValType};
use crate::value::{FnId, Value, ValueData};

pub(crate) struct Builder<'a, 'tcx> {
    pub(crate) cx: &'a CodegenCx<'tcx>,
    pub(crate) bb: Bb,
    pub(crate) span: Span,
}

fn align_log2(align: u64, bytes: u32) -> u32 {
    align.min(u64::from(bytes)).max(1).trailing_zeros()
}

/// Splits an access of `bytes` into naturally sized pieces (offset, size).
fn pieces(bytes: u32) -> Vec<(u32, u32)> {
    if matches!(bytes, 1 | 2 | 4 | 8) {
        return vec![(0, bytes)];
    }
    let mut out = Vec::new();
    let mut off = 0;
    for size in [4, 2, 1] {
        while bytes - off >= size {
            out.push((off, size));
            off += size;
        }
    }
    out
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn unsupported(&self, what: &str) {
        crate::errors::unsupported(self.cx.tcx, self.span, what);
    }

    /// Whether the current block already ended (a second terminator is ignored, operands too).
    fn has_exit(&self) -> bool {
        let funcs = self.cx.funcs.borrow();
        funcs[self.bb.func.0 as usize].body.as_ref().unwrap().blocks[self.bb.idx as usize].exit.is_some()
    }

    /// Ends the current block; the exit's operands are already at the end of its code.
    fn set_exit(&mut self, exit: Exit) {
        let mut funcs = self.cx.funcs.borrow_mut();
        let block = &mut funcs[self.bb.func.0 as usize].body.as_mut().unwrap().blocks[self.bb.idx as usize];
        if block.exit.is_none() {
            block.exit = Some(exit);
        }
    }

    /// A fresh slot in the current function's stack frame.
    pub(crate) fn frame_slot(&mut self, size: u64, align: u64) -> Value {
        let mut funcs = self.cx.funcs.borrow_mut();
        let body = funcs[self.bb.func.0 as usize].body.as_mut().unwrap();
        let fp = match body.frame_local {
            Some(fp) => fp,
            None => {
                let fp = body.new_local(ValType::I32);
                body.frame_local = Some(fp);
                fp
            }
        };
        let align = align.max(1);
        let offset = body.frame_size.div_ceil(align as u32) * align as u32;
        body.frame_size = offset + size as u32;
        body.frame_align = body.frame_align.max(align as u32);
        drop(funcs);
        self.note_frame_slot(offset, size, align);
        self.cx.value(ValueData::FrameAddr { fp, offset })
    }

    /// The value of backend param `index` of the current function.
    pub(crate) fn param_value(&mut self, index: usize) -> Value {
        let sig = self.cx.fn_sig(self.bb.func);
        let (ty, first) = {
            let types = self.cx.types.borrow();
            (types.sig_data(sig).params[index], types.wasm_sig(sig).param_start[index])
        };
        if let Some(bits) = self.cx.int_bits(ty)
            && bits < 32
        {
            // Callers compiled by LLVM do not promise clean upper bits; restore our invariant.
            self.code(|c| c.local_get(first));
            self.mask_top(bits, ValType::I32);
            self.code(|c| c.local_set(first));
        }
        self.cx.value(ValueData::Local { ty, first })
    }

    pub(crate) fn load_typed(&mut self, ty: Type, ptr: Value, align: u64) -> Value {
        if let Some(value) = self.slot_load(ty, ptr, align) {
            return value;
        }
        let (lanes, mem, size) = {
            let types = self.cx.types.borrow();
            let info = types.info(ty);
            (info.lanes.clone(), info.lane_mem.clone(), info.size)
        };
        if lanes.is_empty() {
            if size != 0 {
                self.holds_as_value(ty);
            }
            return self.cx.value(ValueData::Undef(ty));
        }
        for (&vt, &(lane_off, bytes)) in lanes.iter().zip(&mem) {
            let parts = pieces(bytes);
            for (k, &(part_off, part)) in parts.iter().enumerate() {
                let off = self.push_addr(ptr) + lane_off + part_off;
                let opcode = match (vt, part) {
                    (ValType::F32, _) => op::F32_LOAD,
                    (ValType::F64, _) => op::F64_LOAD,
                    (ValType::I32, 1) => op::I32_LOAD8_U,
                    (ValType::I32, 2) => op::I32_LOAD16_U,
                    (ValType::I32, _) => op::I32_LOAD,
                    (ValType::I64, 1) => op::I64_LOAD8_U,
                    (ValType::I64, 2) => op::I64_LOAD16_U,
                    (ValType::I64, 4) => op::I64_LOAD32_U,
                    (ValType::I64, _) => op::I64_LOAD,
                    (ValType::ExternRef, _) => unreachable!("references are never loaded from memory"),
                };
                self.code(|c| {
                    c.mem(opcode, align_log2(align, part), off);
                    if part_off > 0 {
                        if vt == ValType::I64 {
                            c.i64_const(i64::from(part_off * 8));
                            c.op(op::I64_SHL);
                        } else {
                            c.i32_const((part_off * 8) as i32);
                            c.op(op::I32_SHL);
                        }
                    }
                    if k > 0 {
                        c.op(if vt == ValType::I64 { op::I64_OR } else { op::I32_OR });
                    }
                });
            }
        }
        self.pop_value(ty)
    }

    pub(crate) fn store_typed(&mut self, val: Value, ptr: Value, align: u64) {
        if self.slot_store(val, ptr, align) {
            return;
        }
        let ty = self.cx.val_ty(val);
        let (lanes, mem) = {
            let types = self.cx.types.borrow();
            let info = types.info(ty);
            (info.lanes.clone(), info.lane_mem.clone())
        };
        if lanes.is_empty() && self.cx.size_of(ty) != 0 {
            self.holds_as_value(ty);
        }
        for (lane, (&vt, &(lane_off, bytes))) in lanes.iter().zip(&mem).enumerate() {
            for (part_off, part) in pieces(bytes) {
                let off = self.push_addr(ptr) + lane_off + part_off;
                self.push_lane(val, lane);
                let opcode = match (vt, part) {
                    (ValType::F32, _) => op::F32_STORE,
                    (ValType::F64, _) => op::F64_STORE,
                    (ValType::I32, 1) => op::I32_STORE8,
                    (ValType::I32, 2) => op::I32_STORE16,
                    (ValType::I32, _) => op::I32_STORE,
                    (ValType::I64, 1) => op::I64_STORE8,
                    (ValType::I64, 2) => op::I64_STORE16,
                    (ValType::I64, 4) => op::I64_STORE32,
                    (ValType::I64, _) => op::I64_STORE,
                    (ValType::ExternRef, _) => unreachable!("references are never stored to memory"),
                };
                self.code(|c| {
                    if part_off > 0 {
                        if vt == ValType::I64 {
                            c.i64_const(i64::from(part_off * 8));
                            c.op(op::I64_SHR_U);
                        } else {
                            c.i32_const((part_off * 8) as i32);
                            c.op(op::I32_SHR_U);
                        }
                    }
                    c.mem(opcode, align_log2(align, part), off);
                });
            }
        }
    }

    pub(crate) fn call_direct(&mut self, f: FnId, sig: FnSig, args: &[Value]) -> Value {
        self.emit_call(sig, Some(f), None, args, &[])
    }

    /// Emits a call; `sext[i]` asks for sign extension of narrow argument `i`.
    pub(crate) fn emit_call(
        &mut self,
        sig: FnSig,
        direct: Option<FnId>,
        indirect: Option<Value>,
        args: &[Value],
        sext: &[bool],
    ) -> Value {
        let (data, ws) = {
            let types = self.cx.types.borrow();
            (types.sig_data(sig).clone(), types.wasm_sig(sig).clone())
        };
        if args.len() != data.params.len() {
            self.unsupported("a call whose arguments do not match the callee's signature");
            return self.cx.value(ValueData::Undef(data.ret));
        }
        let sret_slot = ws.sret.then(|| {
            let (size, align) = {
                let types = self.cx.types.borrow();
                let info = types.info(data.ret);
                (info.size, info.align)
            };
            self.frame_slot(size, align)
        });
        if let Some(slot) = sret_slot {
            self.push(slot);
        }
        for (i, &arg) in args.iter().enumerate() {
            if sext.get(i).copied().unwrap_or(false) && self.cx.int_bits(data.params[i]).is_some_and(|b| b < 32) {
                self.push_signed(arg);
            } else {
                self.push(arg);
            }
        }
        match (direct, indirect) {
            (Some(f), _) => self.code(|c| c.call(f)),
            (None, Some(callee)) => {
                self.push(callee);
                self.code(|c| c.push(Inst::CallIndirect(sig)));
            }
            (None, None) => unreachable!(),
        }
        if let Some(slot) = sret_slot {
            return self.load_typed(data.ret, slot, 16);
        }
        if ws.results.is_empty() {
            return self.cx.value(ValueData::Undef(data.ret));
        }
        if let Some(bits) = self.cx.int_bits(data.ret)
            && bits < 32
        {
            self.mask_top(bits, ValType::I32);
        }
        self.pop_value(data.ret)
    }

    fn call_value(
        &mut self,
        llty: FnSig,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        fn_val: Value,
        args: &[Value],
    ) -> Value {
        let mut sext = Vec::new();
        let mut variadic_args;
        let mut args = args;
        if let Some(fn_abi) = fn_abi {
            let fixed = crate::abi::fixed_arg_count(fn_abi);
            // rustc_codegen_ssa passes the return slot first when the return is indirect.
            if fn_abi.ret.is_indirect() {
                sext.push(false);
            }
            for arg in &fn_abi.args[..fixed] {
                let is_sext = |attrs: &rustc_target::callconv::ArgAttributes| attrs.arg_ext == ArgExtension::Sext;
                match &arg.mode {
                    PassMode::Direct(attrs) => sext.push(is_sext(attrs)),
                    PassMode::Pair(a, b) => {
                        sext.push(is_sext(a));
                        sext.push(is_sext(b));
                    }
                    mode => sext.extend(std::iter::repeat_n(false, crate::abi::lane_count(mode))),
                }
            }
            if fn_abi.c_variadic {
                variadic_args = args[..sext.len()].to_vec();
                let buffer = self.variadic_buffer(&fn_abi.args[fixed..], &args[sext.len()..]);
                variadic_args.push(buffer);
                args = &variadic_args;
            }
        }
        match self.cx.value_data(fn_val) {
            ValueData::FnAddr(f) => {
                if let Some(result) = self.slot_call(f, args, &sext) {
                    return result;
                }
                // Call with the callee's declared signature. It agrees with this call's unless the
                // program declares one symbol twice with different types (clashing `extern` blocks):
                // a wasm function has one type, so such a call cannot be written.
                let sig = self.cx.fn_sig(f);
                if sig != llty && fn_abi.is_some_and(|abi| !abi.c_variadic) && self.cx.wasm_sigs_differ(sig, llty) {
                    let name = self.cx.funcs.borrow()[f.0 as usize].name.clone();
                    self.unsupported(&format!(
                        "calling `{name}` with a signature other than its first declaration's (clashing `extern` \
                         declarations: a wasm function has one type)"
                    ));
                    return self.cx.value(ValueData::Undef(self.cx.types.borrow().sig_data(llty).ret));
                }
                let result = self.emit_call(sig, Some(f), None, args, &sext);
                self.cx.slot_exempt.set(false);
                result
            }
            _ => self.emit_call(llty, None, Some(fn_val), args, &sext),
        }
    }

    /// Stores the extra arguments of a C-variadic call into a frame buffer, each at its natural
    /// alignment and at least 4 bytes (clang's wasm32 `va_arg`); returns the buffer's address,
    /// or null when there are none, as LLVM passes.
    fn variadic_buffer(&mut self, extra: &[ArgAbi<'tcx, Ty<'tcx>>], values: &[Value]) -> Value {
        let mut slots = Vec::with_capacity(values.len());
        let mut size = 0u64;
        let mut align = 4u64;
        for (arg, &value) in extra.iter().zip(values) {
            if !matches!(arg.mode, PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. }) {
                self.unsupported(&format!("passing `{}` as a C-variadic argument", arg.layout.ty));
                return self.cx.const_usize(0);
            }
            let ty = self.cx.val_ty(value);
            let slot_align = self.cx.types.borrow().info(ty).align.max(4);
            let offset = size.next_multiple_of(slot_align);
            size = offset + self.cx.size_of(ty).next_multiple_of(4);
            align = align.max(slot_align);
            slots.push((value, offset));
        }
        if slots.is_empty() {
            return self.cx.const_usize(0);
        }
        let buffer = self.frame_slot(size, align);
        for (value, offset) in slots {
            let at = self.cx.const_usize(offset);
            let ptr = self.inbounds_ptradd(buffer, at);
            self.store_typed(value, ptr, 4);
        }
        buffer
    }

    /// 64-bit multiplication with overflow detection by division, without a runtime call:
    /// the product overflowed iff `r / a != b` (with `a = 0` and `a = -1` handled apart).
    fn mul_overflow_64(&mut self, signed: bool, a: Value, b: Value) -> (Value, Value) {
        let ty = self.cx.val_ty(a);
        let r = self.int_binop(IntOp::Mul, a, b);
        let zero = self.cx.const_int_of(ty, 0);
        let one = self.cx.const_int_of(ty, 1);
        let a_zero = self.icmp_op(IntPredicate::IntEQ, a, zero);
        let f = self.cx.const_bool(false);
        if !signed {
            let d = self.select(a_zero, one, a);
            let q = self.int_binop(IntOp::UDiv, r, d);
            let differs = self.icmp_op(IntPredicate::IntNE, q, b);
            let overflow = self.select(a_zero, f, differs);
            return (r, overflow);
        }
        let minus_one = self.cx.const_int_of(ty, u128::MAX);
        let min = self.cx.const_int_of(ty, 1u128 << 63);
        let a_m1 = self.icmp_op(IntPredicate::IntEQ, a, minus_one);
        let special = self.int_binop(IntOp::Or, a_zero, a_m1);
        let d = self.select(special, one, a);
        let q = self.int_binop(IntOp::SDiv, r, d);
        let differs = self.icmp_op(IntPredicate::IntNE, q, b);
        let b_min = self.icmp_op(IntPredicate::IntEQ, b, min);
        let m1_case = self.select(a_m1, b_min, differs);
        let overflow = self.select(a_zero, f, m1_case);
        (r, overflow)
    }

    fn atomic_rmw_op(&mut self, op: AtomicRmwBinOp, dst: Value, src: Value) -> Value {
        let ty = self.cx.val_ty(src);
        let old = self.load_typed(ty, dst, 1);
        let new = match op {
            AtomicRmwBinOp::AtomicXchg => src,
            AtomicRmwBinOp::AtomicAdd => self.int_binop(IntOp::Add, old, src),
            AtomicRmwBinOp::AtomicSub => self.int_binop(IntOp::Sub, old, src),
            AtomicRmwBinOp::AtomicAnd => self.int_binop(IntOp::And, old, src),
            AtomicRmwBinOp::AtomicNand => {
                let and = self.int_binop(IntOp::And, old, src);
                self.int_not(and)
            }
            AtomicRmwBinOp::AtomicOr => self.int_binop(IntOp::Or, old, src),
            AtomicRmwBinOp::AtomicXor => self.int_binop(IntOp::Xor, old, src),
            AtomicRmwBinOp::AtomicMax
            | AtomicRmwBinOp::AtomicMin
            | AtomicRmwBinOp::AtomicUMax
            | AtomicRmwBinOp::AtomicUMin => {
                let pred = match op {
                    AtomicRmwBinOp::AtomicMax => IntPredicate::IntSGT,
                    AtomicRmwBinOp::AtomicMin => IntPredicate::IntSLT,
                    AtomicRmwBinOp::AtomicUMax => IntPredicate::IntUGT,
                    _ => IntPredicate::IntULT,
                };
                let keep_old = self.icmp_op(pred, old, src);
                self.select(keep_old, old, src)
            }
        };
        self.store_typed(new, dst, 1);
        old
    }
}

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
    type DIScope = ();
    type DILocation = ();
    type DIVariable = ();
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

impl<'a, 'tcx> BuilderMethods<'a, 'tcx> for Builder<'a, 'tcx> {
    type CodegenCx = CodegenCx<'tcx>;

    fn build(cx: &'a CodegenCx<'tcx>, llbb: Bb) -> Self {
        Builder { cx, bb: llbb, span: DUMMY_SP }
    }

    fn cx(&self) -> &CodegenCx<'tcx> {
        self.cx
    }

    fn llbb(&self) -> Bb {
        self.bb
    }

    fn set_span(&mut self, span: Span) {
        self.span = span;
    }

    fn append_block(cx: &'a CodegenCx<'tcx>, llfn: FnId, _name: &str) -> Bb {
        cx.start_body(llfn);
        let mut funcs = cx.funcs.borrow_mut();
        let body = funcs[llfn.0 as usize].body.as_mut().unwrap();
        body.blocks.push(Block::default());
        Bb { func: llfn, idx: body.blocks.len() as u32 - 1 }
    }

    fn append_sibling_block(&mut self, name: &str) -> Bb {
        Self::append_block(self.cx, self.bb.func, name)
    }

    fn switch_to_block(&mut self, llbb: Bb) {
        self.bb = llbb;
    }

    fn ret_void(&mut self) {
        self.set_exit(Exit::Return);
    }

    fn ret(&mut self, v: Value) {
        let sig = self.cx.fn_sig(self.bb.func);
        let sret = self.cx.types.borrow().wasm_sig(sig).sret;
        if sret {
            let out = self.cx.value(ValueData::Local { ty: self.cx.t_ptr, first: 0 });
            self.store_typed(v, out, 1);
        } else {
            let ret_sext = self.cx.funcs.borrow()[self.bb.func.0 as usize].ret_sext;
            if ret_sext { self.push_signed(v) } else { self.push(v) }
        }
        self.set_exit(Exit::Return);
    }

    fn br(&mut self, dest: Bb) {
        self.set_exit(Exit::Br(dest.idx));
    }

    fn cond_br(&mut self, cond: Value, then_llbb: Bb, else_llbb: Bb) {
        if self.has_exit() {
            return;
        }
        self.push(cond);
        self.set_exit(Exit::CondBr(then_llbb.idx, else_llbb.idx));
    }

    fn switch(&mut self, v: Value, else_llbb: Bb, cases: impl ExactSizeIterator<Item = (u128, Bb)>) {
        if self.has_exit() {
            return;
        }
        let cases = cases.map(|(val, bb)| (val, bb.idx)).collect();
        let lanes = self.lanes(self.cx.val_ty(v));
        let first = self.in_locals(v);
        self.set_exit(Exit::Switch { first, lanes, default: else_llbb.idx, cases });
    }

    fn invoke(
        &mut self,
        llty: FnSig,
        _fn_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        llfn: Value,
        args: &[Value],
        then: Bb,
        _catch: Bb,
        _funclet: Option<&()>,
        _instance: Option<Instance<'tcx>>,
    ) -> Value {
        // With panic=abort nothing unwinds, so the landing pad is never entered.
        let ret = self.call_value(llty, fn_abi, llfn, args);
        self.br(then);
        ret
    }

    fn unreachable(&mut self) {
        self.set_exit(Exit::Unreachable);
    }

    fn unreachable_nonterminator(&mut self) {
        self.code(|c| c.op(op::UNREACHABLE));
    }

    fn add(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Add, lhs, rhs)
    }
    fn fadd(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_binop(FloatOp::Add, lhs, rhs)
    }
    fn fadd_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fadd(lhs, rhs)
    }
    fn fadd_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fadd(lhs, rhs)
    }
    fn sub(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Sub, lhs, rhs)
    }
    fn fsub(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_binop(FloatOp::Sub, lhs, rhs)
    }
    fn fsub_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fsub(lhs, rhs)
    }
    fn fsub_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fsub(lhs, rhs)
    }
    fn mul(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Mul, lhs, rhs)
    }
    fn fmul(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_binop(FloatOp::Mul, lhs, rhs)
    }
    fn fmul_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fmul(lhs, rhs)
    }
    fn fmul_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fmul(lhs, rhs)
    }
    fn udiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::UDiv, lhs, rhs)
    }
    fn exactudiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.udiv(lhs, rhs)
    }
    fn sdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::SDiv, lhs, rhs)
    }
    fn exactsdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.sdiv(lhs, rhs)
    }
    fn fdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_binop(FloatOp::Div, lhs, rhs)
    }
    fn fdiv_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fdiv(lhs, rhs)
    }
    fn fdiv_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.fdiv(lhs, rhs)
    }
    fn urem(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::URem, lhs, rhs)
    }
    fn srem(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::SRem, lhs, rhs)
    }
    fn frem(&mut self, lhs: Value, rhs: Value) -> Value {
        let ty = self.cx.val_ty(lhs);
        if self.float_width(ty).is_soft() {
            return self.soft_rem(lhs, rhs);
        }
        let name = if self.float_is64(ty) { "fmod" } else { "fmodf" };
        self.call_runtime(name, &[ty, ty], ty, &[lhs, rhs])
    }
    fn frem_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.frem(lhs, rhs)
    }
    fn frem_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.frem(lhs, rhs)
    }
    fn shl(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Shl, lhs, rhs)
    }
    fn lshr(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::LShr, lhs, rhs)
    }
    fn ashr(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::AShr, lhs, rhs)
    }
    fn and(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::And, lhs, rhs)
    }
    fn or(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Or, lhs, rhs)
    }
    fn xor(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_binop(IntOp::Xor, lhs, rhs)
    }
    fn neg(&mut self, v: Value) -> Value {
        self.int_neg(v)
    }
    fn fneg(&mut self, v: Value) -> Value {
        self.float_unop(FloatUnop::Neg, v)
    }
    fn not(&mut self, v: Value) -> Value {
        self.int_not(v)
    }

    fn checked_binop(&mut self, oop: OverflowOp, ty: Ty<'tcx>, lhs: Value, rhs: Value) -> (Value, Value) {
        let signed = ty.is_signed();
        let vty = self.cx.val_ty(lhs);
        let (bits, _) = self.int_info(vty);
        match oop {
            OverflowOp::Add | OverflowOp::Sub => {
                let is_add = oop == OverflowOp::Add;
                let r = self.int_binop(if is_add { IntOp::Add } else { IntOp::Sub }, lhs, rhs);
                let overflow = if !signed {
                    if is_add {
                        self.icmp_op(IntPredicate::IntULT, r, lhs)
                    } else {
                        self.icmp_op(IntPredicate::IntULT, lhs, rhs)
                    }
                } else {
                    // Add: (a ^ r) & (b ^ r) < 0; Sub: (a ^ b) & (a ^ r) < 0.
                    let x = self.int_binop(IntOp::Xor, lhs, r);
                    let y =
                        if is_add { self.int_binop(IntOp::Xor, rhs, r) } else { self.int_binop(IntOp::Xor, lhs, rhs) };
                    let both = self.int_binop(IntOp::And, x, y);
                    let zero = self.cx.const_int_of(vty, 0);
                    self.icmp_op(IntPredicate::IntSLT, both, zero)
                };
                (r, overflow)
            }
            OverflowOp::Mul => {
                if bits <= 32 {
                    // Multiply in 64 bits and check that the product fits.
                    let wide = self.cx.t_i64;
                    let a = self.int_resize(lhs, wide, signed);
                    let b = self.int_resize(rhs, wide, signed);
                    let p = self.int_binop(IntOp::Mul, a, b);
                    let r = self.int_resize(p, vty, false);
                    let back = self.int_resize(r, wide, signed);
                    let overflow = self.icmp_op(IntPredicate::IntNE, back, p);
                    (r, overflow)
                } else {
                    let t128 = self.cx.t_i128;
                    if bits == 128 {
                        let flag = self.frame_slot(4, 4);
                        let name = if signed { "__rust_i128_mulo" } else { "__rust_u128_mulo" };
                        let r = self.call_runtime(name, &[t128, t128, self.cx.t_ptr], t128, &[lhs, rhs, flag]);
                        let f = self.load_typed(self.cx.t_i32, flag, 4);
                        let zero = self.cx.const_int_of(self.cx.t_i32, 0);
                        let overflow = self.icmp_op(IntPredicate::IntNE, f, zero);
                        (r, overflow)
                    } else {
                        self.mul_overflow_64(signed, lhs, rhs)
                    }
                }
            }
        }
    }

    fn from_immediate(&mut self, val: Value) -> Value {
        if self.cx.val_ty(val) == self.cx.t_i1 { self.retype(val, self.cx.t_i8) } else { val }
    }

    fn to_immediate_scalar(&mut self, val: Value, scalar: Scalar) -> Value {
        if scalar.is_bool() { self.retype(val, self.cx.t_i1) } else { val }
    }

    fn alloca(&mut self, size: Size, align: Align) -> Value {
        self.frame_slot(size.bytes(), align.bytes())
    }

    fn alloca_with_ty(&mut self, layout: TyAndLayout<'tcx>) -> Value {
        self.frame_slot(layout.size.bytes(), layout.align.abi.bytes())
    }

    fn load(&mut self, ty: Type, ptr: Value, align: Align) -> Value {
        self.load_typed(ty, ptr, align.bytes())
    }

    fn volatile_load(&mut self, ty: Type, ptr: Value) -> Value {
        self.load_typed(ty, ptr, 1)
    }

    fn atomic_load(&mut self, ty: Type, ptr: Value, _order: AtomicOrdering, size: Size) -> Value {
        // Single-threaded wasm32-wasip1: atomics are plain accesses.
        self.load_typed(ty, ptr, size.bytes())
    }

    fn load_operand(&mut self, place: PlaceRef<'tcx, Value>) -> OperandRef<'tcx, Value> {
        if place.layout.is_zst() {
            return OperandRef::zero_sized(place.layout);
        }
        let val = if place.val.llextra.is_some() {
            OperandValue::Ref(place.val)
        } else if self.cx.is_backend_immediate(place.layout) {
            let ty = self.cx.backend_type(place.layout);
            let v = self.load_typed(ty, place.val.llval, place.val.align.bytes());
            let rustc_abi::BackendRepr::Scalar(s) = place.layout.backend_repr else {
                return OperandRef { val: OperandValue::Immediate(v), layout: place.layout, move_annotation: None };
            };
            OperandValue::Immediate(self.to_immediate_scalar(v, s))
        } else if let rustc_abi::BackendRepr::ScalarPair(a, b) = place.layout.backend_repr {
            let b_offset = a.size(self).align_to(b.align(self).abi);
            let load = |bx: &mut Self, i: usize, scalar: Scalar, align: Align| {
                let ptr = if i == 0 {
                    place.val.llval
                } else {
                    let off = bx.cx.const_usize(b_offset.bytes());
                    bx.inbounds_ptradd(place.val.llval, off)
                };
                let llty = bx.cx.scalar_pair_element_backend_type(place.layout, i, false);
                let v = bx.load_typed(llty, ptr, align.bytes());
                bx.to_immediate_scalar(v, scalar)
            };
            OperandValue::Pair(
                load(self, 0, a, place.val.align),
                load(self, 1, b, place.val.align.restrict_for_offset(b_offset)),
            )
        } else {
            OperandValue::Ref(place.val)
        };
        OperandRef { val, layout: place.layout, move_annotation: None }
    }

    fn write_operand_repeatedly(&mut self, elem: OperandRef<'tcx, Value>, count: u64, dest: PlaceRef<'tcx, Value>) {
        let size = elem.layout.size.bytes();
        let align = dest.val.align.restrict_for_offset(elem.layout.size);
        for i in 0..count {
            let off = self.cx.const_usize(i * size);
            let ptr = self.inbounds_ptradd(dest.val.llval, off);
            elem.val.store(self, PlaceRef::new_sized_aligned(ptr, elem.layout, align));
        }
    }

    fn range_metadata(&mut self, _load: Value, _range: WrappingRange) {}

    fn nonnull_metadata(&mut self, _load: Value) {}

    fn store(&mut self, val: Value, ptr: Value, align: Align) -> Value {
        self.store_typed(val, ptr, align.bytes());
        val
    }

    fn store_with_flags(&mut self, val: Value, ptr: Value, align: Align, flags: MemFlags) -> Value {
        let align = if flags.contains(MemFlags::UNALIGNED) { 1 } else { align.bytes() };
        self.store_typed(val, ptr, align);
        val
    }

    fn atomic_store(&mut self, val: Value, ptr: Value, _order: AtomicOrdering, size: Size) {
        self.store_typed(val, ptr, size.bytes());
    }

    fn gep(&mut self, ty: Type, ptr: Value, indices: &[Value]) -> Value {
        let mut result = ptr;
        let mut cur = ty;
        for (i, &idx) in indices.iter().enumerate() {
            let (stride, next) = if i == 0 {
                (self.cx.size_of(cur).next_multiple_of(self.cx.types.borrow().info(cur).align), cur)
            } else {
                match self.cx.kind(cur) {
                    TypeKind::Struct(..) => {
                        let field = self.cx.const_to_opt_uint(idx).expect("constant struct index");
                        let types = self.cx.types.borrow();
                        let fty = types.field_type(cur, field);
                        let (start, _) = types.field_lanes(cur, field);
                        let offset = types.info(cur).lane_mem.get(start).map_or(0, |m| m.0);
                        drop(types);
                        let off = self.cx.const_usize(u64::from(offset));
                        result = self.ptradd_value(result, off);
                        cur = fty;
                        continue;
                    }
                    TypeKind::Array(e, _) | TypeKind::Vector(e, _) => {
                        let info_size = self.cx.size_of(e).next_multiple_of(self.cx.types.borrow().info(e).align);
                        (info_size, e)
                    }
                    k => rustc_middle::bug!("gep into {k:?}"),
                }
            };
            let scaled = match self.cx.const_to_opt_u128(idx, true) {
                Some(c) => self.cx.const_usize((c as u64).wrapping_mul(stride) & 0xffff_ffff),
                None => {
                    let idx32 = self.int_resize(idx, self.cx.t_i32, true);
                    let s = self.cx.const_usize(stride);
                    self.int_binop(IntOp::Mul, idx32, s)
                }
            };
            result = self.ptradd_value(result, scaled);
            cur = next;
        }
        result
    }

    fn inbounds_gep(&mut self, ty: Type, ptr: Value, indices: &[Value]) -> Value {
        self.gep(ty, ptr, indices)
    }

    fn ptradd(&mut self, ptr: Value, offset: Value) -> Value {
        self.ptradd_value(ptr, offset)
    }

    fn inbounds_ptradd(&mut self, ptr: Value, offset: Value) -> Value {
        self.ptradd_value(ptr, offset)
    }

    fn trunc(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, false)
    }

    fn sext(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, true)
    }

    fn fptoui_sat(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, false)
    }

    fn fptosi_sat(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, true)
    }

    fn fptoui(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, false)
    }

    fn fptosi(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, true)
    }

    fn uitofp(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_to_float(val, dest_ty, false)
    }

    fn sitofp(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_to_float(val, dest_ty, true)
    }

    fn fptrunc(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_convert(val, dest_ty)
    }

    fn fpext(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_convert(val, dest_ty)
    }

    fn ptrtoint(&mut self, val: Value, dest_ty: Type) -> Value {
        let as_int = self.retype_ptr(val);
        self.int_resize(as_int, dest_ty, false)
    }

    fn inttoptr(&mut self, val: Value, dest_ty: Type) -> Value {
        let v = self.int_resize(val, self.cx.t_i32, false);
        self.retype(v, dest_ty)
    }

    fn bitcast(&mut self, val: Value, dest_ty: Type) -> Value {
        self.bitcast_op(val, dest_ty)
    }

    fn intcast(&mut self, val: Value, dest_ty: Type, is_signed: bool) -> Value {
        self.int_resize(val, dest_ty, is_signed)
    }

    fn pointercast(&mut self, val: Value, _dest_ty: Type) -> Value {
        val
    }

    fn icmp(&mut self, op: IntPredicate, lhs: Value, rhs: Value) -> Value {
        self.icmp_op(op, lhs, rhs)
    }

    fn fcmp(&mut self, op: RealPredicate, lhs: Value, rhs: Value) -> Value {
        self.fcmp_op(op, lhs, rhs)
    }

    fn memcpy(
        &mut self,
        dst: Value,
        _dst_align: Align,
        src: Value,
        _src_align: Align,
        size: Value,
        _flags: MemFlags,
        _tt: Option<rustc_ast::expand::typetree::FncTree>,
    ) {
        self.memory_copy(dst, src, size);
    }

    fn memmove(&mut self, dst: Value, _dst_align: Align, src: Value, _src_align: Align, size: Value, _flags: MemFlags) {
        self.memory_copy(dst, src, size);
    }

    fn memset(&mut self, ptr: Value, fill_byte: Value, size: Value, _align: Align, _flags: MemFlags) {
        if self.cx.const_to_opt_uint(size) == Some(0) {
            return;
        }
        self.push(ptr);
        self.push(fill_byte);
        let size32 = self.int_resize(size, self.cx.t_i32, false);
        self.push(size32);
        self.code(|c| c.push(Inst::MemoryFill));
    }

    fn select(&mut self, cond: Value, then_val: Value, else_val: Value) -> Value {
        let ty = self.cx.val_ty(then_val);
        let n = self.lane_count(ty);
        for lane in 0..n {
            self.push_lane(then_val, lane);
            self.push_lane(else_val, lane);
            self.push(cond);
            self.code(|c| c.op(op::SELECT));
        }
        self.pop_value(ty)
    }

    fn va_arg(&mut self, _list: Value, ty: Type) -> Value {
        self.unsupported("C-variadic argument access (`va_arg`)");
        self.cx.value(ValueData::Undef(ty))
    }

    fn extract_element(&mut self, vec: Value, idx: Value) -> Value {
        if let Some(index) = self.cx.const_to_opt_uint(idx) {
            return self.extract_value(vec, index);
        }
        // A dynamic index: a chain of selects over the elements, held one per local.
        let mut element = self.extract_value(vec, 0);
        for index in 1..self.vector_len(vec) {
            let at = self.cx.const_int_of(self.cx.val_ty(idx), u128::from(index));
            let here = self.icmp_op(IntPredicate::IntEQ, idx, at);
            let candidate = self.extract_value(vec, index);
            element = self.select(here, candidate, element);
        }
        element
    }

    fn vector_splat(&mut self, num_elts: usize, elt: Value) -> Value {
        let ty = self.cx.types.borrow_mut().intern(TypeKind::Vector(self.cx.val_ty(elt), num_elts as u64));
        for _ in 0..num_elts {
            self.push(elt);
        }
        self.pop_value(ty)
    }

    fn extract_value(&mut self, agg_val: Value, idx: u64) -> Value {
        let agg_ty = self.cx.val_ty(agg_val);
        let (fty, start) = {
            let types = self.cx.types.borrow();
            (types.field_type(agg_ty, idx), types.field_lanes(agg_ty, idx).0)
        };
        match self.cx.value_data(agg_val) {
            ValueData::Local { first, .. } => self.cx.value(ValueData::Local { ty: fty, first: first + start as u32 }),
            ValueData::Aggregate { elems, .. } => elems[idx as usize],
            _ => self.cx.value(ValueData::Undef(fty)),
        }
    }

    fn insert_value(&mut self, agg_val: Value, elt: Value, idx: u64) -> Value {
        let agg_ty = self.cx.val_ty(agg_val);
        let (start, len) = self.cx.types.borrow().field_lanes(agg_ty, idx);
        let n = self.lane_count(agg_ty);
        for lane in 0..n {
            if lane >= start && lane < start + len {
                self.push_lane(elt, lane - start);
            } else {
                self.push_lane(agg_val, lane);
            }
        }
        self.pop_value(agg_ty)
    }

    fn set_personality_fn(&mut self, _personality: FnId) {}

    fn cleanup_landing_pad(&mut self, _pers_fn: FnId) -> (Value, Value) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
        let z = self.cx.const_usize(0);
        (z, z)
    }

    fn filter_landing_pad(&mut self, _pers_fn: FnId) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
    }

    fn resume(&mut self, _exn0: Value, _exn1: Value) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
        self.unreachable();
    }

    fn cleanup_pad(&mut self, _parent: Option<Value>, _args: &[Value]) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
    }

    fn cleanup_ret(&mut self, _funclet: &(), _unwind: Option<Bb>) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
    }

    fn catch_pad(&mut self, _parent: Value, _args: &[Value]) {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
    }

    fn catch_switch(&mut self, _parent: Option<Value>, _unwind: Option<Bb>, _handlers: &[Bb]) -> Value {
        self.unsupported("unwinding (`-Cpanic=unwind`)");
        self.cx.const_usize(0)
    }

    fn get_funclet_cleanuppad(&self, _funclet: &()) -> Value {
        self.cx.const_usize(0)
    }

    fn atomic_cmpxchg(
        &mut self,
        dst: Value,
        cmp: Value,
        src: Value,
        _order: AtomicOrdering,
        _failure_order: AtomicOrdering,
        _weak: bool,
    ) -> (Value, Value) {
        let ty = self.cx.val_ty(src);
        let old = self.load_typed(ty, dst, 1);
        let ok = self.icmp_op(IntPredicate::IntEQ, old, cmp);
        let new = self.select(ok, src, old);
        self.store_typed(new, dst, 1);
        (old, ok)
    }

    fn atomic_rmw(
        &mut self,
        op: AtomicRmwBinOp,
        dst: Value,
        src: Value,
        _order: AtomicOrdering,
        _ret_ptr: bool,
    ) -> Value {
        self.atomic_rmw_op(op, dst, src)
    }

    fn atomic_fence(&mut self, _order: AtomicOrdering, _scope: SynchronizationScope) {}

    fn set_invariant_load(&mut self, _load: Value) {}

    fn lifetime_start(&mut self, _ptr: Value, _size: Size) {}

    fn lifetime_end(&mut self, _ptr: Value, _size: Size) {}

    fn call(
        &mut self,
        llty: FnSig,
        _caller_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        fn_val: Value,
        args: &[Value],
        _funclet: Option<&()>,
        _callee_instance: Option<Instance<'tcx>>,
    ) -> Value {
        self.call_value(llty, fn_abi, fn_val, args)
    }

    fn tail_call(
        &mut self,
        _llty: FnSig,
        _caller_attrs: Option<&CodegenFnAttrs>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        _llfn: Value,
        _args: &[Value],
        _funclet: Option<&()>,
        _callee_instance: Option<Instance<'tcx>>,
    ) {
        self.unsupported("explicit tail calls (`become`)");
        self.unreachable();
    }

    fn zext(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, false)
    }

    fn apply_attrs_to_cleanup_callsite(&mut self, _llret: Value) {}
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// `ptr + offset`, folding constant offsets into frame and data addresses.
    pub(crate) fn ptradd_value(&mut self, ptr: Value, offset: Value) -> Value {
        let off = self.cx.const_to_opt_u128(offset, true).map(|c| c as i64);
        match (self.cx.value_data(ptr), off) {
            (_, Some(0)) => ptr,
            (ValueData::FrameAddr { fp, offset }, Some(c)) if c > 0 => {
                self.cx.value(ValueData::FrameAddr { fp, offset: offset + c as u32 })
            }
            (ValueData::DataAddr { data, offset }, Some(c)) => {
                self.cx.value(ValueData::DataAddr { data, offset: offset + c })
            }
            _ => {
                self.push(ptr);
                let off32 = self.int_resize(offset, self.cx.t_i32, true);
                self.push(off32);
                self.code(|c| c.op(op::I32_ADD));
                self.pop_value(self.cx.t_ptr)
            }
        }
    }

    fn retype_ptr(&mut self, val: Value) -> Value {
        match self.cx.value_data(val) {
            ValueData::Local { first, .. } => self.cx.value(ValueData::Local { ty: self.cx.t_i32, first }),
            ValueData::Int { bits, .. } => self.cx.const_int_of(self.cx.t_i32, bits),
            _ => {
                self.push(val);
                self.pop_value(self.cx.t_i32)
            }
        }
    }

    fn memory_copy(&mut self, dst: Value, src: Value, size: Value) {
        if self.cx.const_to_opt_uint(size) == Some(0) {
            return;
        }
        self.push(dst);
        self.push(src);
        let size32 = self.int_resize(size, self.cx.t_i32, false);
        self.push(size32);
        self.code(|c| c.push(Inst::MemoryCopy));
    }
}
