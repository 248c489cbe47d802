//! 128-bit integers as (low, high) pairs of i64 lanes, with compiler-builtins for the heavy operations.

use rustc_codegen_ssa::common::IntPredicate;

use crate::arith::IntOp;
use rustc_codegen_ssa::traits::BaseTypeCodegenMethods;

use crate::builder::Builder;
use crate::emit::op;
use crate::types::{Type, ValType};
use crate::value::Value;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Calls an `extern "C"` runtime function by symbol name.
    pub(crate) fn call_runtime(&mut self, name: &str, params: &[Type], ret: Type, args: &[Value]) -> Value {
        let sig = self.cx.sig(params.to_vec(), ret);
        let f = self.cx.declare_fn(name, sig, None);
        self.call_direct(f, sig, args)
    }

    fn i128_parts(&mut self, v: Value) -> u32 {
        self.in_locals(v)
    }

    pub(crate) fn i128_binop(&mut self, kind: IntOp, a: Value, b: Value) -> Value {
        let t = self.cx.t_i128;
        let runtime = match kind {
            IntOp::Mul => Some("__multi3"),
            IntOp::UDiv => Some("__udivti3"),
            IntOp::SDiv => Some("__divti3"),
            IntOp::URem => Some("__umodti3"),
            IntOp::SRem => Some("__modti3"),
            _ => None,
        };
        if let Some(name) = runtime {
            return self.call_runtime(name, &[t, t], t, &[a, b]);
        }
        if matches!(kind, IntOp::Shl | IntOp::LShr | IntOp::AShr) {
            let name = match kind {
                IntOp::Shl => "__ashlti3",
                IntOp::LShr => "__lshrti3",
                _ => "__ashrti3",
            };
            let amount = self.int_resize(b, self.cx.t_i32, false);
            return self.call_runtime(name, &[t, self.cx.t_i32], t, &[a, amount]);
        }
        let (a, b) = (self.i128_parts(a), self.i128_parts(b));
        match kind {
            IntOp::And | IntOp::Or | IntOp::Xor => {
                let opcode = match kind {
                    IntOp::And => op::I64_AND,
                    IntOp::Or => op::I64_OR,
                    _ => op::I64_XOR,
                };
                self.code(|c| {
                    for lane in 0..2 {
                        c.local_get(a + lane);
                        c.local_get(b + lane);
                        c.op(opcode);
                    }
                });
            }
            IntOp::Add => {
                let lo = self.new_local(ValType::I64);
                self.code(|c| {
                    c.local_get(a);
                    c.local_get(b);
                    c.op(op::I64_ADD);
                    c.local_tee(lo);
                    c.local_get(a + 1);
                    c.local_get(b + 1);
                    c.op(op::I64_ADD);
                    c.local_get(lo);
                    c.local_get(a);
                    c.op(op::I64_LT_U);
                    c.op(op::I64_EXTEND_I32_U);
                    c.op(op::I64_ADD);
                });
            }
            IntOp::Sub => self.code(|c| {
                c.local_get(a);
                c.local_get(b);
                c.op(op::I64_SUB);
                c.local_get(a + 1);
                c.local_get(b + 1);
                c.op(op::I64_SUB);
                c.local_get(a);
                c.local_get(b);
                c.op(op::I64_LT_U);
                c.op(op::I64_EXTEND_I32_U);
                c.op(op::I64_SUB);
            }),
            _ => unreachable!(),
        }
        self.pop_value(t)
    }

    pub(crate) fn i128_icmp(&mut self, pred: IntPredicate, a: Value, b: Value) -> Value {
        use IntPredicate::*;
        let (a, b) = (self.i128_parts(a), self.i128_parts(b));
        match pred {
            IntEQ | IntNE => self.code(|c| {
                c.local_get(a);
                c.local_get(b);
                c.op(op::I64_XOR);
                c.local_get(a + 1);
                c.local_get(b + 1);
                c.op(op::I64_XOR);
                c.op(op::I64_OR);
                c.op(op::I64_EQZ);
                if matches!(pred, IntNE) {
                    c.op(op::I32_EQZ);
                }
            }),
            _ => {
                let (hi_op, lo_op) = match pred {
                    IntULT => (op::I64_LT_U, op::I64_LT_U),
                    IntULE => (op::I64_LT_U, op::I64_LE_U),
                    IntUGT => (op::I64_GT_U, op::I64_GT_U),
                    IntUGE => (op::I64_GT_U, op::I64_GE_U),
                    IntSLT => (op::I64_LT_S, op::I64_LT_U),
                    IntSLE => (op::I64_LT_S, op::I64_LE_U),
                    IntSGT => (op::I64_GT_S, op::I64_GT_U),
                    _ => (op::I64_GT_S, op::I64_GE_U),
                };
                self.code(|c| {
                    c.local_get(a);
                    c.local_get(b);
                    c.op(lo_op);
                    c.local_get(a + 1);
                    c.local_get(b + 1);
                    c.op(hi_op);
                    c.local_get(a + 1);
                    c.local_get(b + 1);
                    c.op(op::I64_EQ);
                    c.op(op::SELECT);
                });
            }
        }
        self.pop_value(self.cx.t_i1)
    }

    pub(crate) fn i128_resize(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        let (sb, _) = self.int_info(self.cx.val_ty(v));
        let (db, dvt) = self.int_info(dest);
        if db == 128 {
            let wide = self.int_resize(v, self.cx.t_i64, signed);
            let lo = self.in_locals(wide);
            self.code(|c| {
                c.local_get(lo);
                if signed && sb < 128 {
                    c.local_get(lo);
                    c.i64_const(63);
                    c.op(op::I64_SHR_S);
                } else {
                    c.i64_const(0);
                }
            });
            return self.pop_value(dest);
        }
        self.push_lane(v, 0);
        if dvt == ValType::I32 {
            self.code(|c| c.op(op::I32_WRAP_I64));
        }
        self.mask_top(db, dvt);
        self.pop_value(dest)
    }

    pub(crate) fn i128_to_float(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        let name = match (self.float_is64(dest), signed) {
            (false, true) => "__floattisf",
            (false, false) => "__floatuntisf",
            (true, true) => "__floattidf",
            (true, false) => "__floatuntidf",
        };
        self.call_runtime(name, &[self.cx.t_i128], dest, &[v])
    }

    /// Saturating float to 128-bit conversion, as Rust's `as` requires.
    pub(crate) fn float_to_i128(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        let fty = self.cx.val_ty(v);
        let is64 = self.float_is64(fty);
        let name = match (is64, signed) {
            (false, true) => "__fixsfti",
            (false, false) => "__fixunssfti",
            (true, true) => "__fixdfti",
            (true, false) => "__fixunsdfti",
        };
        let raw = self.call_runtime(name, &[fty], dest, &[v]);
        let r = self.in_locals(raw);
        let x = self.in_locals(v);
        let (upper, lower): (f64, f64) =
            if signed { (2f64.powi(127), -(2f64.powi(127))) } else { (2f64.powi(128), 0.0) };
        let (max, min): (u128, u128) = if signed { (i128::MAX as u128, i128::MIN as u128) } else { (u128::MAX, 0) };
        let eq = if is64 { op::F64_EQ } else { op::F32_EQ };
        let (lt, ge) = (eq + 2, eq + 5);
        let fconst = |c: &mut crate::emit::Code, f: f64| {
            if is64 { c.f64_const(f.to_bits()) } else { c.f32_const((f as f32).to_bits()) }
        };
        self.code(|c| {
            for lane in 0..2u32 {
                let pick = |m: u128| (m >> (64 * lane)) as u64 as i64;
                // r' = x >= upper ? max : (x < lower ? min : (x == x ? r : 0))
                c.i64_const(pick(max));
                c.i64_const(pick(min));
                c.local_get(r + lane);
                c.i64_const(0);
                c.local_get(x);
                c.local_get(x);
                c.op(eq);
                c.op(op::SELECT);
                c.local_get(x);
                fconst(c, lower);
                c.op(lt);
                c.op(op::SELECT);
                c.local_get(x);
                fconst(c, upper);
                c.op(ge);
                c.op(op::SELECT);
            }
        });
        self.pop_value(dest)
    }
}
