//! Integer and float arithmetic, comparisons and conversions on wasm lanes.
//!
//! Integers narrower than their lane are kept zero-extended in it; signed operations
//! sign-extend their operands first and results are masked back.

use rustc_codegen_ssa::common::{IntPredicate, RealPredicate};

use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods};

use crate::builder::Builder;
use crate::builder::op_kinds::{FloatOp, FloatUnop, FloatWidth, IntOp};
use crate::ir::op;
use crate::types::{Type, ValType};
use crate::value::Value;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Bit width of an integer (or pointer) type, and the lane that holds it.
    pub(crate) fn int_info(&self, ty: Type) -> (u32, ValType) {
        let bits = self.cx.int_bits(ty).unwrap_or_else(|| rustc_middle::bug!("not an integer: {:?}", self.cx.kind(ty)));
        (bits, if bits > 32 { ValType::I64 } else { ValType::I32 })
    }

    /// Masks the integer on top of the stack to `bits` within its lane.
    pub(crate) fn mask_top(&self, bits: u32, vt: ValType) {
        match vt {
            ValType::I32 if bits < 32 => self.code(|c| {
                c.i32_const(((1u64 << bits) - 1) as i32);
                c.op(op::I32_AND);
            }),
            ValType::I64 if bits < 64 => self.code(|c| {
                c.i64_const(((1u128 << bits) - 1) as i64);
                c.op(op::I64_AND);
            }),
            _ => {}
        }
    }

    /// Sign-extends the `bits`-wide integer on top of the stack to its full lane.
    pub(crate) fn sext_top(&self, bits: u32, vt: ValType) {
        self.code(|c| match (vt, bits) {
            (ValType::I32, 8) => c.op(op::I32_EXTEND8_S),
            (ValType::I32, 16) => c.op(op::I32_EXTEND16_S),
            (ValType::I32, b) if b < 32 => {
                c.i32_const((32 - b) as i32);
                c.op(op::I32_SHL);
                c.i32_const((32 - b) as i32);
                c.op(op::I32_SHR_S);
            }
            (ValType::I64, 32) => {
                c.op(op::I32_WRAP_I64);
                c.op(op::I64_EXTEND_I32_S);
            }
            (ValType::I64, b) if b < 64 => {
                c.i64_const(i64::from(64 - b));
                c.op(op::I64_SHL);
                c.i64_const(i64::from(64 - b));
                c.op(op::I64_SHR_S);
            }
            _ => {}
        })
    }

    pub(crate) fn push_signed(&self, v: Value) {
        let (bits, vt) = self.int_info(self.cx.val_ty(v));
        self.push(v);
        self.sext_top(bits, vt);
    }

    pub(crate) fn int_binop(&mut self, kind: IntOp, a: Value, b: Value) -> Value {
        let ty = self.cx.val_ty(a);
        let (bits, vt) = self.int_info(ty);
        if bits == 128 {
            return self.i128_binop(kind, a, b);
        }
        if kind.signed_operands() {
            self.push_signed(a);
        } else {
            self.push(a);
        }
        if matches!(kind, IntOp::SDiv | IntOp::SRem) {
            self.push_signed(b);
        } else {
            self.push(b);
        }
        self.code(|c| c.op(kind.opcode(vt)));
        if kind.needs_mask() {
            self.mask_top(bits, vt);
        }
        self.pop_value(ty)
    }

    pub(crate) fn int_neg(&mut self, v: Value) -> Value {
        let zero = self.cx.const_int_of(self.cx.val_ty(v), 0);
        self.int_binop(IntOp::Sub, zero, v)
    }

    pub(crate) fn int_not(&mut self, v: Value) -> Value {
        let ones = self.cx.const_int_of(self.cx.val_ty(v), u128::MAX);
        self.int_binop(IntOp::Xor, v, ones)
    }

    pub(crate) fn float_binop(&mut self, kind: FloatOp, a: Value, b: Value) -> Value {
        let ty = self.cx.val_ty(a);
        if self.float_width(ty).is_soft() {
            return self.soft_binop(kind, a, b);
        }
        let is64 = self.float_is64(ty);
        self.push(a);
        self.push(b);
        let opcode = match (kind, is64) {
            (FloatOp::Add, false) => op::F32_ADD,
            (FloatOp::Sub, false) => op::F32_SUB,
            (FloatOp::Mul, false) => op::F32_MUL,
            (FloatOp::Div, false) => op::F32_DIV,
            (FloatOp::CopySign, false) => op::F32_COPYSIGN,
            (FloatOp::Add, true) => op::F64_ADD,
            (FloatOp::Sub, true) => op::F64_SUB,
            (FloatOp::Mul, true) => op::F64_MUL,
            (FloatOp::Div, true) => op::F64_DIV,
            (FloatOp::CopySign, true) => op::F64_COPYSIGN,
        };
        self.code(|c| c.op(opcode));
        self.pop_value(ty)
    }

    pub(crate) fn float_unop(&mut self, unop: FloatUnop, v: Value) -> Value {
        let ty = self.cx.val_ty(v);
        if self.float_width(ty).is_soft() {
            return self.soft_unop(unop, v);
        }
        let is64 = self.float_is64(ty);
        self.push(v);
        self.code(|c| c.op(unop.opcode(is64)));
        self.pop_value(ty)
    }

    /// f64 rather than f32 (callers handle the soft widths first).
    pub(crate) fn float_is64(&self, ty: Type) -> bool {
        self.float_width(ty) == FloatWidth::F64
    }

    pub(crate) fn icmp_op(&mut self, pred: IntPredicate, a: Value, b: Value) -> Value {
        let ty = self.cx.val_ty(a);
        let (bits, vt) = self.int_info(ty);
        if bits == 128 {
            return self.i128_icmp(pred, a, b);
        }
        use IntPredicate::*;
        let signed = matches!(pred, IntSGT | IntSGE | IntSLT | IntSLE);
        if signed {
            self.push_signed(a);
            self.push_signed(b);
        } else {
            self.push(a);
            self.push(b);
        }
        let base = match pred {
            IntEQ => op::I32_EQ,
            IntNE => op::I32_NE,
            IntSLT => op::I32_LT_S,
            IntULT => op::I32_LT_U,
            IntSGT => op::I32_GT_S,
            IntUGT => op::I32_GT_U,
            IntSLE => op::I32_LE_S,
            IntULE => op::I32_LE_U,
            IntSGE => op::I32_GE_S,
            IntUGE => op::I32_GE_U,
        };
        let opcode = if vt == ValType::I64 { base + (op::I64_EQ - op::I32_EQ) } else { base };
        self.code(|c| c.op(opcode));
        self.pop_value(self.cx.t_i1)
    }

    pub(crate) fn fcmp_op(&mut self, pred: RealPredicate, a: Value, b: Value) -> Value {
        use RealPredicate::*;
        if self.float_width(self.cx.val_ty(a)).is_soft() {
            return self.soft_fcmp(pred, a, b);
        }
        let is64 = self.float_is64(self.cx.val_ty(a));
        let base = if is64 { op::F64_EQ } else { op::F32_EQ };
        let (eq, ne, lt, gt, le, ge) = (base, base + 1, base + 2, base + 3, base + 4, base + 5);
        let simple = |this: &mut Self, opcode: u8, x: Value, y: Value, negate: bool| {
            this.push(x);
            this.push(y);
            this.code(|c| {
                c.op(opcode);
                if negate {
                    c.op(op::I32_EQZ);
                }
            });
        };
        match pred {
            RealPredicateFalse => self.code(|c| c.i32_const(0)),
            RealPredicateTrue => self.code(|c| c.i32_const(1)),
            RealOEQ => simple(self, eq, a, b, false),
            RealUNE => simple(self, ne, a, b, false),
            RealOLT => simple(self, lt, a, b, false),
            RealOGT => simple(self, gt, a, b, false),
            RealOLE => simple(self, le, a, b, false),
            RealOGE => simple(self, ge, a, b, false),
            RealULT => simple(self, ge, a, b, true),
            RealUGT => simple(self, le, a, b, true),
            RealULE => simple(self, gt, a, b, true),
            RealUGE => simple(self, lt, a, b, true),
            RealONE | RealUEQ => {
                simple(self, lt, a, b, false);
                simple(self, gt, a, b, false);
                self.code(|c| {
                    c.op(op::I32_OR);
                    if matches!(pred, RealUEQ) {
                        c.op(op::I32_EQZ);
                    }
                });
            }
            RealORD | RealUNO => {
                simple(self, eq, a, a, false);
                simple(self, eq, b, b, false);
                self.code(|c| {
                    c.op(op::I32_AND);
                    if matches!(pred, RealUNO) {
                        c.op(op::I32_EQZ);
                    }
                });
            }
        }
        self.pop_value(self.cx.t_i1)
    }

    /// Integer width change; `signed` selects sign extension when widening.
    pub(crate) fn int_resize(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        let src = self.cx.val_ty(v);
        let (sb, svt) = self.int_info(src);
        let (db, dvt) = self.int_info(dest);
        if sb == db {
            return self.retype(v, dest);
        }
        if sb == 128 || db == 128 {
            return self.i128_resize(v, dest, signed);
        }
        self.push(v);
        if db > sb && signed {
            self.sext_top(sb, svt);
        }
        self.code(|c| match (svt, dvt) {
            (ValType::I32, ValType::I64) => c.op(if signed { op::I64_EXTEND_I32_S } else { op::I64_EXTEND_I32_U }),
            (ValType::I64, ValType::I32) => c.op(op::I32_WRAP_I64),
            _ => {}
        });
        self.mask_top(db, dvt);
        self.pop_value(dest)
    }

    pub(crate) fn float_to_int(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        if self.float_width(self.cx.val_ty(v)).is_soft() {
            return self.soft_float_to_int(v, dest, signed);
        }
        let is64 = self.float_is64(self.cx.val_ty(v));
        let (bits, vt) = self.int_info(dest);
        if bits == 128 {
            return self.float_to_i128(v, dest, signed);
        }
        self.push(v);
        if bits < 32 {
            // Clamp first so the saturating 32-bit conversion saturates at the narrow bounds.
            let (lo, hi) = if signed {
                (-(2f64.powi(bits as i32 - 1)), 2f64.powi(bits as i32 - 1) - 1.0)
            } else {
                (0.0, 2f64.powi(bits as i32) - 1.0)
            };
            self.code(|c| {
                if is64 {
                    c.f64_const(lo.to_bits());
                    c.op(op::F64_MAX);
                    c.f64_const(hi.to_bits());
                    c.op(op::F64_MIN);
                } else {
                    c.f32_const((lo as f32).to_bits());
                    c.op(op::F32_MAX);
                    c.f32_const((hi as f32).to_bits());
                    c.op(op::F32_MIN);
                }
            });
        }
        // i32.trunc_sat_f32_s = 0, then _u, f64 variants, then the i64 results.
        let sub = u32::from(vt == ValType::I64) * 4 + u32::from(is64) * 2 + u32::from(!signed);
        self.code(|c| c.op_fc(sub));
        self.mask_top(bits, vt);
        self.pop_value(dest)
    }

    pub(crate) fn int_to_float(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        if self.float_width(dest).is_soft() {
            return self.soft_int_to_float(v, dest, signed);
        }
        let (bits, vt) = self.int_info(self.cx.val_ty(v));
        let is64 = self.float_is64(dest);
        if bits == 128 {
            return self.i128_to_float(v, dest, signed);
        }
        if signed {
            self.push_signed(v);
        } else {
            self.push(v);
        }
        let opcode = match (is64, vt, signed) {
            (false, ValType::I32, true) => op::F32_CONVERT_I32_S,
            (false, ValType::I32, false) => op::F32_CONVERT_I32_U,
            (false, _, true) => op::F32_CONVERT_I64_S,
            (false, _, false) => op::F32_CONVERT_I64_U,
            (true, ValType::I32, true) => op::F64_CONVERT_I32_S,
            (true, ValType::I32, false) => op::F64_CONVERT_I32_U,
            (true, _, true) => op::F64_CONVERT_I64_S,
            (true, _, false) => op::F64_CONVERT_I64_U,
        };
        self.code(|c| c.op(opcode));
        self.pop_value(dest)
    }

    /// Reinterprets bits between types of the same size.
    pub(crate) fn bitcast_op(&mut self, v: Value, dest: Type) -> Value {
        let src = self.cx.val_ty(v);
        let (sl, dl) = (self.lanes(src), self.lanes(dest));
        if sl == dl {
            return self.retype(v, dest);
        }
        if sl.len() == 1 && dl.len() == 1 {
            self.push(v);
            let opcode = match (sl[0], dl[0]) {
                (ValType::F32, ValType::I32) => op::I32_REINTERPRET_F32,
                (ValType::I32, ValType::F32) => op::F32_REINTERPRET_I32,
                (ValType::F64, ValType::I64) => op::I64_REINTERPRET_F64,
                (ValType::I64, ValType::F64) => op::F64_REINTERPRET_I64,
                _ => {
                    self.unsupported(&format!("bitcast from {:?} to {:?}", self.cx.kind(src), self.cx.kind(dest)));
                    return self.cx.value(crate::value::ValueData::Undef(dest));
                }
            };
            self.code(|c| c.op(opcode));
            return self.pop_value(dest);
        }
        // Different lane shapes (e.g. an aggregate to an integer): go through memory.
        let size = self.cx.size_of(src).max(self.cx.size_of(dest));
        let slot = self.frame_slot(size, 16);
        self.store_typed(v, slot, 1);
        self.load_typed(dest, slot, 1)
    }

    /// 64-bit multiplication with overflow detection by division, without a runtime call:
    /// the product overflowed iff `r / a != b` (with `a = 0` and `a = -1` handled apart).
    pub(crate) fn mul_overflow_64(&mut self, signed: bool, a: Value, b: Value) -> (Value, Value) {
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
}
