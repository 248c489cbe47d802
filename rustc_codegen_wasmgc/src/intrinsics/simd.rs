//! SIMD intrinsics (`simd_*`, and the `llvm.wasm.*` ones `core::arch::wasm32` links to), computed
//! element by element: a vector value is held one element per wasm local (types.rs), so every
//! operation is its scalar operation on each element, with the results gathered into a vector.

use rustc_codegen_ssa::common::{IntPredicate, RealPredicate};
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods};
use rustc_middle::ty::Ty;
use rustc_span::{Symbol, sym};

use crate::builder::Builder;
use crate::builder::op_kinds::{FloatOp, FloatUnop, IntOp};
use crate::ir::op;
use crate::types::{Type, TypeKind};
use crate::value::{Value, ValueData};

/// The Rust element type of a SIMD vector type: what the generic operations dispatch on.
#[derive(Copy, Clone)]
enum Element {
    Int { signed: bool },
    Float,
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    fn element_kind(&self, vector: Ty<'tcx>) -> Option<Element> {
        if !vector.is_simd() {
            return None;
        }
        let (_, element) = vector.simd_size_and_type(self.cx.tcx);
        if element.is_floating_point() {
            Some(Element::Float)
        } else if element.is_integral() || element.is_any_ptr() || element.is_bool() {
            Some(Element::Int { signed: element.is_signed() })
        } else {
            None
        }
    }

    /// The elements of vector `v`.
    fn elements(&mut self, v: Value) -> Vec<Value> {
        (0..self.vector_len(v)).map(|index| self.extract_value(v, index)).collect()
    }

    /// A vector of type `ty` from its elements.
    fn vector(&mut self, ty: Type, elements: &[Value]) -> Value {
        for &element in elements {
            self.push(element);
        }
        self.pop_value(ty)
    }

    fn element_type(&self, vector: Type) -> Type {
        match self.cx.kind(vector) {
            TypeKind::Vector(element, _) => element,
            _ => vector,
        }
    }

    /// All ones or all zeros of `ty`, as a comparison's element result.
    fn mask_element(&mut self, condition: Value, ty: Type) -> Value {
        let ones = self.cx.const_int_of(ty, u128::MAX);
        let zero = self.cx.const_int_of(ty, 0);
        self.select(condition, ones, zero)
    }

    fn is_nonzero(&mut self, v: Value) -> Value {
        let zero = self.cx.const_int_of(self.cx.val_ty(v), 0);
        self.icmp_op(IntPredicate::IntNE, v, zero)
    }

    pub(crate) fn vector_len(&self, v: Value) -> u64 {
        match self.cx.kind(self.cx.val_ty(v)) {
            TypeKind::Vector(_, count) => count,
            _ => 0,
        }
    }

    /// The top bit of each integer element of `v`, element `i` at bit `i` of an integer of
    /// type `ty` (as wide as the vector is long).
    fn sign_bitmask(&mut self, v: Value, ty: Type) -> Value {
        let mut mask = self.cx.const_int_of(ty, 0);
        for (index, element) in self.elements(v).into_iter().enumerate() {
            let element_ty = self.cx.val_ty(element);
            let bits = self.cx.int_bits(element_ty).unwrap_or(32);
            let top_shift = self.cx.const_int_of(element_ty, u128::from(bits - 1));
            let top = self.int_binop(IntOp::LShr, element, top_shift);
            let bit = self.int_resize(top, ty, false);
            let shift = self.cx.const_int_of(ty, index as u128);
            let placed = self.int_binop(IntOp::Shl, bit, shift);
            mask = self.int_binop(IntOp::Or, mask, placed);
        }
        mask
    }

    /// Whether every element (`all`) or some element of `v` is nonzero, as an `i1`.
    fn all_or_any_set(&mut self, v: Value, all: bool) -> Value {
        let mut acc = self.cx.const_bool(all);
        for element in self.elements(v) {
            let set = self.is_nonzero(element);
            acc = if all { self.and(acc, set) } else { self.or(acc, set) };
        }
        acc
    }

    /// `simd_*` intrinsic `name`, or `None` when it is not one of them.
    pub(crate) fn simd_intrinsic(
        &mut self,
        name: Symbol,
        args: &[OperandRef<'tcx, Value>],
        result_ty: Ty<'tcx>,
        result: Type,
    ) -> Option<Value> {
        if !name.as_str().starts_with("simd_") {
            return None;
        }
        let imm = |index: usize| args[index].immediate();
        if name == sym::simd_splat {
            let count = match self.cx.kind(result) {
                TypeKind::Vector(_, count) => count,
                _ => return self.simd_unsupported(name, result),
            };
            let elements = vec![imm(0); count as usize];
            return Some(self.vector(result, &elements));
        }
        let kind = args.first().and_then(|arg| self.element_kind(arg.layout.ty));
        let value = match (name, kind) {
            (sym::simd_select_bitmask, None) => self.select_bitmask(imm(0), imm(1), imm(2), result)?,
            (_, None) => return self.simd_unsupported(name, result),
            (
                sym::simd_add
                | sym::simd_sub
                | sym::simd_mul
                | sym::simd_div
                | sym::simd_rem
                | sym::simd_and
                | sym::simd_or
                | sym::simd_xor
                | sym::simd_shl
                | sym::simd_shr
                | sym::simd_saturating_add
                | sym::simd_saturating_sub,
                Some(kind),
            ) => {
                let (a, b) = (self.elements(imm(0)), self.elements(imm(1)));
                let mut out = Vec::with_capacity(a.len());
                for (&x, &y) in a.iter().zip(&b) {
                    let element = match self.element_binop(name, kind, x, y) {
                        Some(element) => element,
                        None => return self.simd_unsupported(name, result),
                    };
                    out.push(element);
                }
                self.vector(result, &out)
            }
            (sym::simd_neg, Some(kind)) => {
                let mut out = Vec::new();
                for x in self.elements(imm(0)) {
                    out.push(match kind {
                        Element::Int { .. } => self.int_neg(x),
                        Element::Float => self.float_unop(FloatUnop::Neg, x),
                    });
                }
                self.vector(result, &out)
            }
            (
                sym::simd_fabs | sym::simd_fsqrt | sym::simd_floor | sym::simd_ceil | sym::simd_trunc,
                Some(Element::Float),
            ) => {
                let unop = match name {
                    sym::simd_fabs => FloatUnop::Abs,
                    sym::simd_fsqrt => FloatUnop::Sqrt,
                    sym::simd_floor => FloatUnop::Floor,
                    sym::simd_ceil => FloatUnop::Ceil,
                    _ => FloatUnop::Trunc,
                };
                let out: Vec<Value> = self.elements(imm(0)).into_iter().map(|x| self.float_unop(unop, x)).collect();
                self.vector(result, &out)
            }
            (sym::simd_eq | sym::simd_ne | sym::simd_lt | sym::simd_le | sym::simd_gt | sym::simd_ge, Some(kind)) => {
                let (a, b) = (self.elements(imm(0)), self.elements(imm(1)));
                let element_ty = self.element_type(result);
                let mut out = Vec::with_capacity(a.len());
                for (&x, &y) in a.iter().zip(&b) {
                    let condition = self.element_compare(name, kind, x, y);
                    out.push(self.mask_element(condition, element_ty));
                }
                self.vector(result, &out)
            }
            (sym::simd_select, Some(_)) => {
                let (mask, a, b) = (self.elements(imm(0)), self.elements(imm(1)), self.elements(imm(2)));
                let mut out = Vec::with_capacity(a.len());
                for ((&m, &x), &y) in mask.iter().zip(&a).zip(&b) {
                    let condition = self.is_nonzero(m);
                    out.push(self.select(condition, x, y));
                }
                self.vector(result, &out)
            }
            (sym::simd_extract, Some(_)) => {
                let Some(index) = self.cx.const_to_opt_uint(imm(1)) else {
                    return self.simd_unsupported(name, result);
                };
                self.extract_value(imm(0), index)
            }
            (sym::simd_insert, Some(_)) => {
                let Some(index) = self.cx.const_to_opt_uint(imm(1)) else {
                    return self.simd_unsupported(name, result);
                };
                self.insert_value(imm(0), imm(2), index)
            }
            (sym::simd_shuffle, Some(_)) => {
                let mut all = self.elements(imm(0));
                all.extend(self.elements(imm(1)));
                let indices = self.elements(imm(2));
                let mut out = Vec::with_capacity(indices.len());
                for index in indices {
                    match self.cx.const_to_opt_uint(index).and_then(|i| all.get(i as usize).copied()) {
                        Some(element) => out.push(element),
                        None => return self.simd_unsupported(name, result),
                    }
                }
                self.vector(result, &out)
            }
            (sym::simd_cast | sym::simd_as, Some(kind)) => {
                let Some(to) = self.element_kind(result_ty) else { return self.simd_unsupported(name, result) };
                let element_ty = self.element_type(result);
                let mut out = Vec::new();
                for x in self.elements(imm(0)) {
                    out.push(match (kind, to) {
                        (Element::Int { signed }, Element::Int { .. }) => self.int_resize(x, element_ty, signed),
                        (Element::Int { signed: true }, Element::Float) => self.sitofp(x, element_ty),
                        (Element::Int { signed: false }, Element::Float) => self.uitofp(x, element_ty),
                        (Element::Float, Element::Int { signed }) => {
                            // `simd_as` saturates, as `as` does; `simd_cast` of an out-of-range
                            // value is UB, so saturating is a valid choice for both.
                            if signed { self.fptosi_sat(x, element_ty) } else { self.fptoui_sat(x, element_ty) }
                        }
                        (Element::Float, Element::Float) => {
                            if self.cx.size_of(element_ty) > self.cx.size_of(self.cx.val_ty(x)) {
                                self.fpext(x, element_ty)
                            } else {
                                self.fptrunc(x, element_ty)
                            }
                        }
                    });
                }
                self.vector(result, &out)
            }
            (
                sym::simd_reduce_add_ordered
                | sym::simd_reduce_add_unordered
                | sym::simd_reduce_mul_ordered
                | sym::simd_reduce_mul_unordered,
                Some(kind),
            ) => {
                let mut elements = self.elements(imm(0));
                let add = matches!(name, sym::simd_reduce_add_ordered | sym::simd_reduce_add_unordered);
                // The ordered forms start from the accumulator argument, the others from lane 0.
                let mut acc = if args.len() > 1 { imm(1) } else { elements.remove(0) };
                for x in elements {
                    acc = match (kind, add) {
                        (Element::Int { .. }, true) => self.int_binop(IntOp::Add, acc, x),
                        (Element::Int { .. }, false) => self.int_binop(IntOp::Mul, acc, x),
                        (Element::Float, true) => self.float_binop(FloatOp::Add, acc, x),
                        (Element::Float, false) => self.float_binop(FloatOp::Mul, acc, x),
                    };
                }
                acc
            }
            (sym::simd_reduce_and | sym::simd_reduce_or | sym::simd_reduce_xor, Some(Element::Int { .. })) => {
                let op = match name {
                    sym::simd_reduce_and => IntOp::And,
                    sym::simd_reduce_or => IntOp::Or,
                    _ => IntOp::Xor,
                };
                let elements = self.elements(imm(0));
                let mut acc = elements[0];
                for &x in &elements[1..] {
                    acc = self.int_binop(op, acc, x);
                }
                acc
            }
            (sym::simd_reduce_min | sym::simd_reduce_max, Some(Element::Int { signed })) => {
                let predicate = match (name == sym::simd_reduce_min, signed) {
                    (true, true) => IntPredicate::IntSLT,
                    (true, false) => IntPredicate::IntULT,
                    (false, true) => IntPredicate::IntSGT,
                    (false, false) => IntPredicate::IntUGT,
                };
                let elements = self.elements(imm(0));
                let mut acc = elements[0];
                for &x in &elements[1..] {
                    let better = self.icmp_op(predicate, x, acc);
                    acc = self.select(better, x, acc);
                }
                acc
            }
            (sym::simd_reduce_all | sym::simd_reduce_any, Some(Element::Int { .. })) => {
                self.all_or_any_set(imm(0), name == sym::simd_reduce_all)
            }
            (sym::simd_bitmask, Some(Element::Int { .. }))
                if self.cx.int_bits(result).is_some_and(|bits| u64::from(bits) >= self.vector_len(imm(0))) =>
            {
                self.sign_bitmask(imm(0), result)
            }
            (sym::simd_ctpop, Some(Element::Int { .. })) => {
                let element_ty = self.element_type(result);
                let mut out = Vec::new();
                for x in self.elements(imm(0)) {
                    let count = self.bit_count(sym::ctpop, x);
                    out.push(self.int_resize(count, element_ty, false));
                }
                self.vector(result, &out)
            }
            (sym::simd_fma | sym::simd_relaxed_fma, Some(Element::Float)) => {
                let (a, b, c) = (self.elements(imm(0)), self.elements(imm(1)), self.elements(imm(2)));
                let mut out = Vec::with_capacity(a.len());
                for ((&x, &y), &z) in a.iter().zip(&b).zip(&c) {
                    let ty = self.cx.val_ty(x);
                    let function = if self.float_is64(ty) { "fma" } else { "fmaf" };
                    out.push(self.call_runtime(function, &[ty, ty, ty], ty, &[x, y, z]));
                }
                self.vector(result, &out)
            }
            (sym::simd_minimum_number_nsz | sym::simd_maximum_number_nsz, Some(Element::Float)) => {
                let (a, b) = (self.elements(imm(0)), self.elements(imm(1)));
                let mut out = Vec::with_capacity(a.len());
                for (&x, &y) in a.iter().zip(&b) {
                    // IEEE minNum/maxNum: a NaN operand yields the other one.
                    let extremum = self.float_extremum(name == sym::simd_maximum_number_nsz, x, y);
                    let x_nan = self.fcmp_op(RealPredicate::RealUNO, x, x);
                    let y_nan = self.fcmp_op(RealPredicate::RealUNO, y, y);
                    let when_y_nan = self.select(y_nan, x, extremum);
                    out.push(self.select(x_nan, y, when_y_nan));
                }
                self.vector(result, &out)
            }
            _ => return self.simd_unsupported(name, result),
        };
        Some(value)
    }

    /// `simd_select_bitmask` with an integer mask: bit `i` picks element `i` of `a`, else of `b`.
    fn select_bitmask(&mut self, mask: Value, a: Value, b: Value, result: Type) -> Option<Value> {
        let Some(bits) = self.cx.int_bits(self.cx.val_ty(mask)) else {
            return self.simd_unsupported(sym::simd_select_bitmask, result);
        };
        let (a, b) = (self.elements(a), self.elements(b));
        if a.len() > bits as usize {
            return self.simd_unsupported(sym::simd_select_bitmask, result);
        }
        let mask_ty = self.cx.val_ty(mask);
        let mut out = Vec::with_capacity(a.len());
        for (index, (&x, &y)) in a.iter().zip(&b).enumerate() {
            let bit = self.cx.const_int_of(mask_ty, 1u128 << index);
            let set = self.int_binop(IntOp::And, mask, bit);
            let condition = self.is_nonzero(set);
            out.push(self.select(condition, x, y));
        }
        Some(self.vector(result, &out))
    }

    /// wasm's `min`/`max`: NaN if either is NaN, and -0 below +0 (LLVM's `minimum`/`maximum`).
    fn float_extremum(&mut self, max: bool, x: Value, y: Value) -> Value {
        let ty = self.cx.val_ty(x);
        let is64 = self.float_is64(ty);
        self.push(x);
        self.push(y);
        self.code(|c| {
            c.op(match (max, is64) {
                (false, false) => op::F32_MIN,
                (true, false) => op::F32_MAX,
                (false, true) => op::F64_MIN,
                (true, true) => op::F64_MAX,
            })
        });
        self.pop_value(ty)
    }

    fn simd_unsupported(&mut self, name: Symbol, result: Type) -> Option<Value> {
        self.unsupported(&format!("the SIMD intrinsic `{name}` (on these element types)"));
        Some(self.cx.value(ValueData::Undef(result)))
    }

    fn element_binop(&mut self, name: Symbol, kind: Element, x: Value, y: Value) -> Option<Value> {
        Some(match kind {
            Element::Float => {
                let op = match name {
                    sym::simd_add => FloatOp::Add,
                    sym::simd_sub => FloatOp::Sub,
                    sym::simd_mul => FloatOp::Mul,
                    sym::simd_div => FloatOp::Div,
                    _ => return None,
                };
                self.float_binop(op, x, y)
            }
            Element::Int { signed } => {
                let op = match name {
                    sym::simd_add => IntOp::Add,
                    sym::simd_sub => IntOp::Sub,
                    sym::simd_mul => IntOp::Mul,
                    sym::simd_div if signed => IntOp::SDiv,
                    sym::simd_div => IntOp::UDiv,
                    sym::simd_rem if signed => IntOp::SRem,
                    sym::simd_rem => IntOp::URem,
                    sym::simd_and => IntOp::And,
                    sym::simd_or => IntOp::Or,
                    sym::simd_xor => IntOp::Xor,
                    sym::simd_shl => IntOp::Shl,
                    sym::simd_shr if signed => IntOp::AShr,
                    sym::simd_shr => IntOp::LShr,
                    sym::simd_saturating_add | sym::simd_saturating_sub => {
                        return Some(self.saturating(name == sym::simd_saturating_add, signed, x, y));
                    }
                    _ => return None,
                };
                self.int_binop(op, x, y)
            }
        })
    }

    fn element_compare(&mut self, name: Symbol, kind: Element, x: Value, y: Value) -> Value {
        match kind {
            Element::Int { signed } => {
                let predicate = match (name, signed) {
                    (sym::simd_eq, _) => IntPredicate::IntEQ,
                    (sym::simd_ne, _) => IntPredicate::IntNE,
                    (sym::simd_lt, true) => IntPredicate::IntSLT,
                    (sym::simd_lt, false) => IntPredicate::IntULT,
                    (sym::simd_le, true) => IntPredicate::IntSLE,
                    (sym::simd_le, false) => IntPredicate::IntULE,
                    (sym::simd_gt, true) => IntPredicate::IntSGT,
                    (sym::simd_gt, false) => IntPredicate::IntUGT,
                    (_, true) => IntPredicate::IntSGE,
                    (_, false) => IntPredicate::IntUGE,
                };
                self.icmp_op(predicate, x, y)
            }
            Element::Float => {
                let predicate = match name {
                    sym::simd_eq => RealPredicate::RealOEQ,
                    sym::simd_ne => RealPredicate::RealUNE,
                    sym::simd_lt => RealPredicate::RealOLT,
                    sym::simd_le => RealPredicate::RealOLE,
                    sym::simd_gt => RealPredicate::RealOGT,
                    _ => RealPredicate::RealOGE,
                };
                self.fcmp_op(predicate, x, y)
            }
        }
    }

    /// The `llvm.wasm.*` SIMD intrinsics of `core::arch::wasm32`, or `None` for other names.
    pub(crate) fn wasm_simd_intrinsic(
        &mut self,
        name: &str,
        args: &[OperandRef<'tcx, Value>],
        result: Type,
    ) -> Option<Value> {
        let vector = || args[0].immediate();
        if let Some(value) = self.wasm_simd_vector_intrinsic(name, args, result) {
            return Some(value);
        }
        if name.starts_with("llvm.wasm.bitmask.") {
            return Some(self.sign_bitmask(vector(), self.cx.t_i32));
        }
        let all = name.starts_with("llvm.wasm.alltrue.");
        if all || name.starts_with("llvm.wasm.anytrue.") {
            let set = self.all_or_any_set(vector(), all);
            return Some(self.int_resize(set, self.cx.t_i32, false));
        }
        None
    }

    /// The `llvm.wasm.*` and `llvm.{nearbyint,minimum,maximum}.*` intrinsics whose result is a
    /// vector of type `result`.
    fn wasm_simd_vector_intrinsic(
        &mut self,
        name: &str,
        args: &[OperandRef<'tcx, Value>],
        result: Type,
    ) -> Option<Value> {
        let operand = |index: usize| args[index].immediate();
        let element_ty = self.element_type(result);
        let out: Vec<Value> = match name {
            "llvm.wasm.swizzle" => {
                let (table, indices) = (operand(0), self.elements(operand(1)));
                let sixteen = self.cx.const_int_of(self.cx.val_ty(indices[0]), 16);
                let zero = self.cx.const_int_of(element_ty, 0);
                let mut out = Vec::new();
                for index in indices {
                    let picked = self.extract_element(table, index);
                    let inside = self.icmp_op(IntPredicate::IntULT, index, sixteen);
                    out.push(self.select(inside, picked, zero));
                }
                out
            }
            "llvm.wasm.bitselect.v16i8" => {
                let (a, b, c) = (self.elements(operand(0)), self.elements(operand(1)), self.elements(operand(2)));
                let mut out = Vec::new();
                for ((&x, &y), &m) in a.iter().zip(&b).zip(&c) {
                    let from_x = self.int_binop(IntOp::And, x, m);
                    let not_m = self.int_not(m);
                    let from_y = self.int_binop(IntOp::And, y, not_m);
                    out.push(self.int_binop(IntOp::Or, from_x, from_y));
                }
                out
            }
            "llvm.wasm.avgr.unsigned.v16i8" | "llvm.wasm.avgr.unsigned.v8i16" => {
                let (a, b) = (self.elements(operand(0)), self.elements(operand(1)));
                let i32_ty = self.cx.t_i32;
                let one = self.cx.const_int_of(i32_ty, 1);
                let mut out = Vec::new();
                for (&x, &y) in a.iter().zip(&b) {
                    let (x, y) = (self.int_resize(x, i32_ty, false), self.int_resize(y, i32_ty, false));
                    let sum = self.int_binop(IntOp::Add, x, y);
                    let rounded = self.int_binop(IntOp::Add, sum, one);
                    let average = self.int_binop(IntOp::LShr, rounded, one);
                    out.push(self.int_resize(average, element_ty, false));
                }
                out
            }
            _ if name.starts_with("llvm.wasm.extadd.pairwise.") => {
                let signed = name.contains(".signed.");
                let elements = self.elements(operand(0));
                let mut out = Vec::new();
                for pair in elements.chunks(2) {
                    let low = self.int_resize(pair[0], element_ty, signed);
                    let high = self.int_resize(pair[1], element_ty, signed);
                    out.push(self.int_binop(IntOp::Add, low, high));
                }
                out
            }
            "llvm.wasm.q15mulr.sat.signed" => {
                let (a, b) = (self.elements(operand(0)), self.elements(operand(1)));
                let i32_ty = self.cx.t_i32;
                let (round, fifteen) = (self.cx.const_int_of(i32_ty, 0x4000), self.cx.const_int_of(i32_ty, 15));
                let max = self.cx.const_int_of(i32_ty, 0x7fff);
                let mut out = Vec::new();
                for (&x, &y) in a.iter().zip(&b) {
                    let (x, y) = (self.int_resize(x, i32_ty, true), self.int_resize(y, i32_ty, true));
                    let product = self.int_binop(IntOp::Mul, x, y);
                    let rounded = self.int_binop(IntOp::Add, product, round);
                    let scaled = self.int_binop(IntOp::AShr, rounded, fifteen);
                    // Only -1.0 * -1.0 overflows, to 0x8000.
                    let over = self.icmp_op(IntPredicate::IntSGT, scaled, max);
                    let saturated = self.select(over, max, scaled);
                    out.push(self.int_resize(saturated, element_ty, true));
                }
                out
            }
            "llvm.wasm.dot" => {
                let (a, b) = (self.elements(operand(0)), self.elements(operand(1)));
                let mut out = Vec::new();
                for (x, y) in a.chunks(2).zip(b.chunks(2)) {
                    let mut sum = self.cx.const_int_of(element_ty, 0);
                    for (&p, &q) in x.iter().zip(y) {
                        let (p, q) = (self.int_resize(p, element_ty, true), self.int_resize(q, element_ty, true));
                        let product = self.int_binop(IntOp::Mul, p, q);
                        sum = self.int_binop(IntOp::Add, sum, product);
                    }
                    out.push(sum);
                }
                out
            }
            "llvm.nearbyint.v4f32" | "llvm.nearbyint.v2f64" => {
                self.elements(operand(0)).into_iter().map(|x| self.float_unop(FloatUnop::Nearest, x)).collect()
            }
            "llvm.minimum.v4f32" | "llvm.minimum.v2f64" | "llvm.maximum.v4f32" | "llvm.maximum.v2f64" => {
                let max = name.starts_with("llvm.maximum");
                let (a, b) = (self.elements(operand(0)), self.elements(operand(1)));
                a.iter().zip(&b).map(|(&x, &y)| self.float_extremum(max, x, y)).collect()
            }
            _ => return None,
        };
        Some(self.vector(result, &out))
    }
}
