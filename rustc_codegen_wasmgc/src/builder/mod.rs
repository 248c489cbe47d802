//! The rustc_codegen_ssa builder: each method appends wasm instructions to the current block.

pub(crate) mod arith;
pub(crate) mod int128;
pub(crate) mod memory;
pub(crate) mod op_kinds;
pub(crate) mod operand_stack;
mod queries;
pub(crate) mod softfloat;

use rustc_abi::{Align, Scalar, Size, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::{AtomicRmwBinOp, IntPredicate, RealPredicate, SynchronizationScope};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::{
    BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods, LayoutTypeCodegenMethods, OverflowOp,
};
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_middle::ty::{AtomicOrdering, Instance, Ty};
use rustc_span::{DUMMY_SP, Span};
use rustc_target::callconv::FnAbi;

use crate::builder::op_kinds::{FloatOp, FloatUnop, IntOp};
use crate::context::{Bb, CodegenCx};
use crate::ir::op;
use crate::ir::{Block, Exit, Loc};
use crate::types::{FnSig, Type, TypeKind};
use crate::value::{FnId, Value, ValueData};

pub(crate) struct Builder<'a, 'tcx> {
    pub(crate) cx: &'a CodegenCx<'tcx>,
    pub(crate) bb: Bb,
    pub(crate) span: Span,
    /// The MIR source scope of the code being built (`set_dbg_loc`), for lexical blocks.
    pub(crate) scope: u32,
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn unsupported(&self, what: &str) {
        crate::errors::unsupported(self.cx.tcx, self.span, what);
    }

    /// Where the instructions appended now come from.
    pub(crate) fn loc(&self) -> Loc {
        Loc { span: self.span, scope: self.scope }
    }

    /// Whether the current block already ended (a second terminator is ignored, operands too).
    fn has_exit(&self) -> bool {
        let idx = self.bb.idx as usize;
        self.cx.with_function(self.bb.func, |fcx| fcx.body.blocks[idx].exit.is_some())
    }

    /// Ends the current block; the exit's operands are already at the end of its code. The
    /// instructions that structuring emits for the exit carry the terminator's location.
    pub(crate) fn set_exit(&mut self, exit: Exit) {
        let (idx, loc) = (self.bb.idx as usize, self.loc());
        self.cx.with_function(self.bb.func, |fcx| {
            let block = &mut fcx.body.blocks[idx];
            if block.exit.is_none() {
                block.code.at(loc);
                block.exit = Some(exit);
            }
        });
    }
}

impl<'a, 'tcx> BuilderMethods<'a, 'tcx> for Builder<'a, 'tcx> {
    type CodegenCx = CodegenCx<'tcx>;

    fn build(cx: &'a CodegenCx<'tcx>, llbb: Bb) -> Self {
        Builder { cx, bb: llbb, span: DUMMY_SP, scope: 0 }
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
        let idx = cx.with_function(llfn, |fcx| {
            fcx.body.blocks.push(Block::default());
            fcx.body.blocks.len() as u32 - 1
        });
        Bb { func: llfn, idx }
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
        catch: Bb,
        _funclet: Option<&()>,
        _instance: Option<Instance<'tcx>>,
    ) -> Value {
        if self.cx.unwinds() {
            return self.invoke_unwinding(|bx| bx.call_value(llty, fn_abi, llfn, args), then, catch);
        }
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
        self.memory_fill(ptr, fill_byte, size);
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

    /// A cleanup funclet's entry: the `invoke` that unwound here saved the exception (eh/).
    fn cleanup_pad(&mut self, _parent: Option<Value>, _args: &[Value]) {}

    fn cleanup_ret(&mut self, _funclet: &(), unwind: Option<Bb>) {
        self.cleanup_ret_unwinding(unwind);
    }

    /// A catch funclet's entry: the exception is caught; nothing rethrows it.
    fn catch_pad(&mut self, _parent: Value, _args: &[Value]) {}

    /// A terminate block's catch-all: its one handler runs whatever unwound (eh/).
    fn catch_switch(&mut self, _parent: Option<Value>, _unwind: Option<Bb>, handlers: &[Bb]) -> Value {
        match handlers {
            [handler] => self.br(*handler),
            _ => {
                self.unsupported("a catch switch with other than one handler");
                self.unreachable();
            }
        }
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
