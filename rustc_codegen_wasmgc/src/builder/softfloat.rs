//! f16 and f128, lowered as LLVM lowers them on wasm32: f16 lives in an i32 and computes in f32
//! (compiler-builtins converts), f128 is a pair of i64 handled by compiler-builtins and libm's
//! `long double` (binary128 on wasm32) functions. Sign operations are bit operations.

use rustc_codegen_ssa::common::{IntPredicate, RealPredicate};
use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, BuilderMethods};

use crate::builder::Builder;
use crate::builder::op_kinds::{FloatOp, FloatUnop, FloatWidth, IntOp};
use crate::ir::op;
use crate::types::{Type, TypeKind};
use crate::value::Value;

/// What a sign-bit operation does.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum SignOp {
    Neg,
    Abs,
    CopySign,
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn float_width(&self, ty: Type) -> FloatWidth {
        match self.cx.kind(ty) {
            TypeKind::F16 => FloatWidth::F16,
            TypeKind::F32 => FloatWidth::F32,
            TypeKind::F64 => FloatWidth::F64,
            TypeKind::F128 => FloatWidth::F128,
            k => {
                self.unsupported(&format!("floating-point operation on {k:?}"));
                FloatWidth::F32
            }
        }
    }

    pub(crate) fn f16_to_f32(&mut self, v: Value) -> Value {
        let (f16, f32) = (self.cx.type_f16(), self.cx.t_f32);
        self.call_runtime("__extendhfsf2", &[f16], f32, &[v])
    }

    pub(crate) fn f32_to_f16(&mut self, v: Value) -> Value {
        let (f16, f32) = (self.cx.type_f16(), self.cx.t_f32);
        self.call_runtime("__truncsfhf2", &[f32], f16, &[v])
    }

    /// Promotes f16 operands to f32, computes `f` there, and rounds the result back to f16.
    fn via_f32(&mut self, args: &[Value], f: impl FnOnce(&mut Self, &[Value]) -> Value) -> Value {
        let wide: Vec<Value> = args.iter().map(|&a| self.f16_to_f32(a)).collect();
        let r = f(self, &wide);
        self.f32_to_f16(r)
    }

    /// `a op b` for f16 and f128.
    pub(crate) fn soft_binop(&mut self, kind: FloatOp, a: Value, b: Value) -> Value {
        if kind == FloatOp::CopySign {
            return self.sign_op(SignOp::CopySign, a, Some(b));
        }
        let ty = self.cx.val_ty(a);
        match self.float_width(ty) {
            FloatWidth::F16 => self.via_f32(&[a, b], |this, v| this.float_binop(kind, v[0], v[1])),
            _ => {
                let name = match kind {
                    FloatOp::Add => "__addtf3",
                    FloatOp::Sub => "__subtf3",
                    FloatOp::Mul => "__multf3",
                    FloatOp::Div => "__divtf3",
                    FloatOp::CopySign => unreachable!(),
                };
                self.call_runtime(name, &[ty, ty], ty, &[a, b])
            }
        }
    }

    /// `fmod` of f16 (in f32) and f128 (`fmodl`).
    pub(crate) fn soft_rem(&mut self, a: Value, b: Value) -> Value {
        let ty = self.cx.val_ty(a);
        match self.float_width(ty) {
            FloatWidth::F16 => self.via_f32(&[a, b], |this, v| {
                let f32 = this.cx.t_f32;
                this.call_runtime("fmodf", &[f32, f32], f32, v)
            }),
            _ => self.call_runtime("fmodl", &[ty, ty], ty, &[a, b]),
        }
    }

    /// The unary float operations on f16 and f128.
    pub(crate) fn soft_unop(&mut self, unop: FloatUnop, v: Value) -> Value {
        match unop {
            FloatUnop::Neg => return self.sign_op(SignOp::Neg, v, None),
            FloatUnop::Abs => return self.sign_op(SignOp::Abs, v, None),
            _ => {}
        }
        let ty = self.cx.val_ty(v);
        match self.float_width(ty) {
            FloatWidth::F16 => self.via_f32(&[v], |this, w| this.float_unop(unop, w[0])),
            _ => {
                let name = match unop {
                    FloatUnop::Sqrt => "sqrtl",
                    FloatUnop::Floor => "floorl",
                    FloatUnop::Ceil => "ceill",
                    FloatUnop::Trunc => "truncl",
                    FloatUnop::Nearest => "rintl",
                    FloatUnop::Neg | FloatUnop::Abs => unreachable!(),
                };
                self.call_runtime(name, &[ty], ty, &[v])
            }
        }
    }

    /// A libm function on f16 (the f32 one, promoted) or f128 (the `long double` one).
    pub(crate) fn soft_libcall(&mut self, f32_name: &str, f64_name: &str, args: &[Value]) -> Value {
        let ty = self.cx.val_ty(args[0]);
        match self.float_width(ty) {
            FloatWidth::F16 => self.via_f32(args, |this, v| {
                let f32 = this.cx.t_f32;
                this.call_runtime(f32_name, &vec![f32; v.len()], f32, v)
            }),
            _ => self.call_runtime(&format!("{f64_name}l"), &vec![ty; args.len()], ty, args),
        }
    }

    /// `a * b + c` with one rounding for f16 (exact in f64, as LLVM does) and f128 (`fmal`).
    pub(crate) fn soft_fma(&mut self, a: Value, b: Value, c: Value) -> Value {
        let ty = self.cx.val_ty(a);
        if self.float_width(ty) == FloatWidth::F128 {
            return self.call_runtime("fmal", &[ty, ty, ty], ty, &[a, b, c]);
        }
        let f64 = self.cx.t_f64;
        let wide: Vec<Value> = [a, b, c].iter().map(|&x| self.float_convert(x, f64)).collect();
        let product = self.float_binop(FloatOp::Mul, wide[0], wide[1]);
        let sum = self.float_binop(FloatOp::Add, product, wide[2]);
        self.float_convert(sum, ty)
    }

    /// `powi` of f16 (in f32) and f128 (`__powitf2`).
    pub(crate) fn soft_powi(&mut self, a: Value, n: Value) -> Value {
        let ty = self.cx.val_ty(a);
        let i32 = self.cx.t_i32;
        match self.float_width(ty) {
            FloatWidth::F16 => self.via_f32(&[a], |this, v| {
                let f32 = this.cx.t_f32;
                this.call_runtime("__powisf2", &[f32, i32], f32, &[v[0], n])
            }),
            _ => self.call_runtime("__powitf2", &[ty, i32], ty, &[a, n]),
        }
    }

    /// Negation, absolute value and copysign act on the sign bit only.
    fn sign_op(&mut self, sign_op: SignOp, a: Value, b: Option<Value>) -> Value {
        let ty = self.cx.val_ty(a);
        let bits = self.float_width(ty).bits();
        let int_ty = match bits {
            16 => self.cx.t_i16,
            32 => self.cx.t_i32,
            64 => self.cx.t_i64,
            _ => self.cx.t_i128,
        };
        let sign = self.cx.const_int_of(int_ty, 1u128 << (bits - 1));
        let magnitude = self.cx.const_int_of(int_ty, !(1u128 << (bits - 1)));
        let x = self.retype(a, int_ty);
        let r = match sign_op {
            SignOp::Neg => self.int_binop(IntOp::Xor, x, sign),
            SignOp::Abs => self.int_binop(IntOp::And, x, magnitude),
            SignOp::CopySign => {
                let y = self.retype(b.expect("copysign has two operands"), int_ty);
                let x = self.int_binop(IntOp::And, x, magnitude);
                let y = self.int_binop(IntOp::And, y, sign);
                self.int_binop(IntOp::Or, x, y)
            }
        };
        self.retype(r, ty)
    }

    /// Comparisons: f16 in f32; f128 through compiler-builtins' three-way comparisons, which
    /// answer 1 (`__eq/__ne/__lt/__le`) or -1 (`__ge/__gt`) for unordered operands.
    pub(crate) fn soft_fcmp(&mut self, pred: RealPredicate, a: Value, b: Value) -> Value {
        use RealPredicate::*;
        let ty = self.cx.val_ty(a);
        if self.float_width(ty) == FloatWidth::F16 {
            let (a, b) = (self.f16_to_f32(a), self.f16_to_f32(b));
            return self.fcmp_op(pred, a, b);
        }
        let i32 = self.cx.t_i32;
        let zero = self.cx.const_int_of(i32, 0);
        let test = |this: &mut Self, name: &str, pred: IntPredicate| {
            let r = this.call_runtime(name, &[ty, ty], i32, &[a, b]);
            this.icmp_op(pred, r, zero)
        };
        use IntPredicate::*;
        match pred {
            RealPredicateFalse => self.cx.const_int_of(self.cx.t_i1, 0),
            RealPredicateTrue => self.cx.const_int_of(self.cx.t_i1, 1),
            RealOEQ => test(self, "__eqtf2", IntEQ),
            RealUNE => test(self, "__netf2", IntNE),
            RealOLT => test(self, "__lttf2", IntSLT),
            RealOLE => test(self, "__letf2", IntSLE),
            RealOGT => test(self, "__gttf2", IntSGT),
            RealOGE => test(self, "__getf2", IntSGE),
            RealULT => test(self, "__getf2", IntSLT),
            RealULE => test(self, "__gttf2", IntSLE),
            RealUGT => test(self, "__letf2", IntSGT),
            RealUGE => test(self, "__lttf2", IntSGE),
            RealUNO => test(self, "__unordtf2", IntNE),
            RealORD => test(self, "__unordtf2", IntEQ),
            RealUEQ => {
                let unordered = test(self, "__unordtf2", IntNE);
                let equal = test(self, "__eqtf2", IntEQ);
                self.int_binop(IntOp::Or, unordered, equal)
            }
            RealONE => {
                let ordered = test(self, "__unordtf2", IntEQ);
                let unequal = test(self, "__netf2", IntNE);
                self.int_binop(IntOp::And, ordered, unequal)
            }
        }
    }

    /// Saturating float-to-int (Rust's `as`) from f16 (in f32) or f128 (compiler-builtins'
    /// conversions saturate at their own width and map NaN to 0; narrower results are clamped).
    pub(crate) fn soft_float_to_int(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        let ty = self.cx.val_ty(v);
        if self.float_width(ty) == FloatWidth::F16 {
            let wide = self.f16_to_f32(v);
            return self.float_to_int(wide, dest, signed);
        }
        let (bits, _) = self.int_info(dest);
        let (size, via) = self.int_libcall_width(bits);
        let name = format!("__fix{}tf{size}", if signed { "" } else { "uns" });
        let mut r = self.call_runtime(&name, &[ty], via, &[v]);
        if bits < 32 {
            let (min, max) = if signed {
                ((1u128 << (bits - 1)).wrapping_neg(), (1u128 << (bits - 1)) - 1)
            } else {
                (0, (1u128 << bits) - 1)
            };
            let (min, max) = (self.cx.const_int_of(via, min), self.cx.const_int_of(via, max));
            let above = if signed { IntPredicate::IntSGT } else { IntPredicate::IntUGT };
            let too_big = self.icmp_op(above, r, max);
            r = self.select(too_big, max, r);
            if signed {
                let too_small = self.icmp_op(IntPredicate::IntSLT, r, min);
                r = self.select(too_small, min, r);
            }
        }
        self.int_resize(r, dest, signed)
    }

    /// Int-to-float into f16 (through f32, as LLVM does: every integer that rounds to a finite
    /// f16 is exact in f32) or f128 (compiler-builtins).
    pub(crate) fn soft_int_to_float(&mut self, v: Value, dest: Type, signed: bool) -> Value {
        if self.float_width(dest) == FloatWidth::F16 {
            let wide = self.int_to_float(v, self.cx.t_f32, signed);
            return self.f32_to_f16(wide);
        }
        let (bits, _) = self.int_info(self.cx.val_ty(v));
        let (size, via) = self.int_libcall_width(bits);
        let name = format!("__float{}{size}tf", if signed { "" } else { "un" });
        let wide = self.int_resize(v, via, signed);
        self.call_runtime(&name, &[via], dest, &[wide])
    }

    /// The integer part of a compiler-builtins conversion name (`si`, `di`, `ti`) for an integer
    /// of `bits`, and the type it passes (narrower integers widen to i32).
    fn int_libcall_width(&self, bits: u32) -> (&'static str, Type) {
        match bits {
            0..=32 => ("si", self.cx.t_i32),
            33..=64 => ("di", self.cx.t_i64),
            _ => ("ti", self.cx.t_i128),
        }
    }

    /// Any float-to-float conversion (fpext and fptrunc).
    pub(crate) fn float_convert(&mut self, v: Value, dest: Type) -> Value {
        use FloatWidth::*;
        let src = self.cx.val_ty(v);
        let (from, to) = (self.float_width(src), self.float_width(dest));
        let wasm_op = |this: &mut Self, opcode: u8| {
            this.push(v);
            this.code(|c| c.op(opcode));
            this.pop_value(dest)
        };
        let name = match (from, to) {
            _ if from == to => return self.retype(v, dest),
            (F32, F64) => return wasm_op(self, op::F64_PROMOTE_F32),
            (F64, F32) => return wasm_op(self, op::F32_DEMOTE_F64),
            (F16, F32) => return self.f16_to_f32(v),
            (F16, F64 | F128) => {
                let wide = self.f16_to_f32(v);
                return self.float_convert(wide, dest);
            }
            (F32, F16) => return self.f32_to_f16(v),
            (F64, F16) => "__truncdfhf2",
            (F128, F16) => "__trunctfhf2",
            (F32, F128) => "__extendsftf2",
            (F64, F128) => "__extenddftf2",
            (F128, F32) => "__trunctfsf2",
            (F128, F64) => "__trunctfdf2",
            _ => unreachable!("float conversion {from:?} -> {to:?}"),
        };
        self.call_runtime(name, &[src], dest, &[v])
    }
}
