//! Memory: the stack frame, incoming parameters, typed loads and stores split into natural
//! pieces, pointer arithmetic, copies; and read-modify-write atomics, which are plain memory
//! operations on single-threaded wasm (`+atomics` is refused, driver/target_features.rs).

use rustc_codegen_ssa::common::{AtomicRmwBinOp, IntPredicate};
use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods};

use super::Builder;
use crate::builder::op_kinds::IntOp;
use crate::ir::{Inst, op};
use crate::types::{Type, ValType};
use crate::value::{Value, ValueData};

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
    /// A fresh slot in the current function's stack frame.
    pub(crate) fn frame_slot(&mut self, size: u64, align: u64) -> Value {
        let align = align.max(1);
        let (fp, offset) = self.cx.with_function(self.bb.func, |fcx| {
            let body = &mut fcx.body;
            let fp = match body.frame_local {
                Some(fp) => fp,
                None => {
                    let fp = body.new_local(ValType::I32);
                    body.frame_local = Some(fp);
                    fp
                }
            };
            let offset = body.frame_size.div_ceil(align as u32) * align as u32;
            body.frame_size = offset + size as u32;
            body.frame_align = body.frame_align.max(align as u32);
            (fp, offset)
        });
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
                    (ValType::ExternRef | ValType::ExnRef, _) => {
                        unreachable!("references are never loaded from memory")
                    }
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
                    (ValType::ExternRef | ValType::ExnRef, _) => unreachable!("references are never stored to memory"),
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

    pub(crate) fn atomic_rmw_op(&mut self, op: AtomicRmwBinOp, dst: Value, src: Value) -> Value {
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

    pub(crate) fn retype_ptr(&mut self, val: Value) -> Value {
        match self.cx.value_data(val) {
            ValueData::Local { first, .. } => self.cx.value(ValueData::Local { ty: self.cx.t_i32, first }),
            ValueData::Int { bits, .. } => self.cx.const_int_of(self.cx.t_i32, bits),
            _ => {
                self.push(val);
                self.pop_value(self.cx.t_i32)
            }
        }
    }

    pub(crate) fn memory_copy(&mut self, dst: Value, src: Value, size: Value) {
        self.bulk_memory(Inst::MemoryCopy, dst, src, size);
    }

    pub(crate) fn memory_fill(&mut self, dst: Value, byte: Value, size: Value) {
        self.bulk_memory(Inst::MemoryFill, dst, byte, size);
    }

    /// `memory.copy` or `memory.fill` of `size` bytes (nothing for a constant 0).
    fn bulk_memory(&mut self, inst: Inst, dst: Value, operand: Value, size: Value) {
        if self.cx.const_to_opt_uint(size) == Some(0) {
            return;
        }
        self.push(dst);
        self.push(operand);
        let size32 = self.int_resize(size, self.cx.t_i32, false);
        self.push(size32);
        self.code(|c| c.push(inst));
    }
}
