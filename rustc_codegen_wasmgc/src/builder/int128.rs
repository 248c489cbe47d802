//! 128-bit integers as (low, high) pairs of i64 lanes, with compiler-builtins for the heavy operations.

use rustc_codegen_ssa::common::IntPredicate;

use crate::builder::op_kinds::IntOp;
use rustc_codegen_ssa::traits::BaseTypeCodegenMethods;

use crate::builder::Builder;
use crate::ir::op;
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
        // Shifts and multiplication are inline: compiler-builtins implements the division and
        // conversion routines with them, so a call here would recurse when it is compiled by us.
        let runtime = match kind {
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
            return self.i128_shift(kind, a, b);
        }
        if kind == IntOp::Mul {
            return self.i128_mul(a, b);
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

    /// `a << n`, `a >> n` (logical or arithmetic) with `n` taken modulo 128, branch-free: each
    /// lane is the "small shift" (n < 64) or the "big shift" form, picked by `select` on bit 6.
    fn i128_shift(&mut self, kind: IntOp, a: Value, amount: Value) -> Value {
        let t = self.cx.t_i128;
        let a = self.i128_parts(a);
        let amount = self.int_resize(amount, self.cx.t_i64, false);
        let n = self.in_locals(amount);
        let (lo, hi) = (a, a + 1);
        let s = self.new_local(ValType::I64);
        let big = self.new_local(ValType::I32);
        self.code(|c| {
            c.local_get(n);
            c.i64_const(63);
            c.op(op::I64_AND);
            c.local_set(s);
            c.local_get(n);
            c.op(op::I32_WRAP_I64);
            c.i32_const(64);
            c.op(op::I32_AND);
            c.local_set(big);
            // `x >> 1 >> (63 - s)` is `x >> (64 - s)` for s in 1..64 and 0 for s = 0, where a
            // single wasm shift by 64 would be a shift by 0.
            let spill = |c: &mut crate::ir::Code, from: u32, toward_high: bool| {
                c.local_get(from);
                c.i64_const(1);
                c.op(if toward_high { op::I64_SHR_U } else { op::I64_SHL });
                c.i64_const(63);
                c.local_get(s);
                c.op(op::I64_XOR);
                c.op(if toward_high { op::I64_SHR_U } else { op::I64_SHL });
            };
            match kind {
                IntOp::Shl => {
                    // low lane: big ? 0 : lo << s
                    c.i64_const(0);
                    c.local_get(lo);
                    c.local_get(s);
                    c.op(op::I64_SHL);
                    c.local_get(big);
                    c.op(op::SELECT);
                    // high lane: big ? lo << s : hi << s | lo >> (64 - s)
                    c.local_get(lo);
                    c.local_get(s);
                    c.op(op::I64_SHL);
                    c.local_get(hi);
                    c.local_get(s);
                    c.op(op::I64_SHL);
                    spill(c, lo, true);
                    c.op(op::I64_OR);
                    c.local_get(big);
                    c.op(op::SELECT);
                }
                _ => {
                    let shr = if kind == IntOp::AShr { op::I64_SHR_S } else { op::I64_SHR_U };
                    // low lane: big ? hi >> s : lo >>u s | hi << (64 - s)
                    c.local_get(hi);
                    c.local_get(s);
                    c.op(shr);
                    c.local_get(lo);
                    c.local_get(s);
                    c.op(op::I64_SHR_U);
                    spill(c, hi, false);
                    c.op(op::I64_OR);
                    c.local_get(big);
                    c.op(op::SELECT);
                    // high lane: big ? (sign or 0) : hi >> s
                    if kind == IntOp::AShr {
                        c.local_get(hi);
                        c.i64_const(63);
                        c.op(op::I64_SHR_S);
                    } else {
                        c.i64_const(0);
                    }
                    c.local_get(hi);
                    c.local_get(s);
                    c.op(shr);
                    c.local_get(big);
                    c.op(op::SELECT);
                }
            }
        });
        self.pop_value(t)
    }

    /// The low 128 bits of `a * b`: `lo = al * bl`, `hi = mulhu(al, bl) + al * bh + ah * bl`.
    fn i128_mul(&mut self, a: Value, b: Value) -> Value {
        let (a, b) = (self.i128_parts(a), self.i128_parts(b));
        let hi = self.mul_high_u64(a, b);
        self.code(|c| {
            c.local_get(a);
            c.local_get(b);
            c.op(op::I64_MUL);
            c.local_get(hi);
            c.local_get(a);
            c.local_get(b + 1);
            c.op(op::I64_MUL);
            c.op(op::I64_ADD);
            c.local_get(a + 1);
            c.local_get(b);
            c.op(op::I64_MUL);
            c.op(op::I64_ADD);
        });
        self.pop_value(self.cx.t_i128)
    }

    /// The high 64 bits of the unsigned product of locals `x` and `y`, from 32-bit halves;
    /// returns the local holding it.
    fn mul_high_u64(&mut self, x: u32, y: u32) -> u32 {
        let [x0, x1, y0, y1, p01, p10, out] = std::array::from_fn(|_| self.new_local(ValType::I64));
        self.code(|c| {
            let split = |c: &mut crate::ir::Code, from: u32, low: u32, high: u32| {
                c.local_get(from);
                c.i64_const(0xffff_ffff);
                c.op(op::I64_AND);
                c.local_set(low);
                c.local_get(from);
                c.i64_const(32);
                c.op(op::I64_SHR_U);
                c.local_set(high);
            };
            split(c, x, x0, x1);
            split(c, y, y0, y1);
            let mul = |c: &mut crate::ir::Code, l: u32, r: u32| {
                c.local_get(l);
                c.local_get(r);
                c.op(op::I64_MUL);
            };
            mul(c, x0, y1);
            c.local_set(p01);
            mul(c, x1, y0);
            c.local_set(p10);
            // mid = (x0*y0 >> 32) + lo32(p01) + lo32(p10) < 3 * 2^32: no overflow.
            mul(c, x0, y0);
            c.i64_const(32);
            c.op(op::I64_SHR_U);
            for p in [p01, p10] {
                c.local_get(p);
                c.i64_const(0xffff_ffff);
                c.op(op::I64_AND);
                c.op(op::I64_ADD);
            }
            c.i64_const(32);
            c.op(op::I64_SHR_U);
            mul(c, x1, y1);
            c.op(op::I64_ADD);
            for p in [p01, p10] {
                c.local_get(p);
                c.i64_const(32);
                c.op(op::I64_SHR_U);
                c.op(op::I64_ADD);
            }
            c.local_set(out);
        });
        out
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
        let fconst = |c: &mut crate::ir::Code, f: f64| {
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
