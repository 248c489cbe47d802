//! The intrinsics rustc_codegen_ssa leaves to the backend: bit counting, float math, volatile access.

pub(crate) mod simd;

use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::RetagInfo;
use rustc_codegen_ssa::common::IntPredicate;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::{
    BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods, IntrinsicCallBuilderMethods, LayoutTypeCodegenMethods,
};
use rustc_middle::ty::Instance;
use rustc_span::{Span, Symbol, sym};

use crate::builder::Builder;
use crate::builder::op_kinds::{FloatOp, FloatUnop, IntOp};
use crate::ir::Inst;
use crate::ir::op;
use crate::types::ValType;
use crate::value::Value;

/// A float intrinsic implemented by one wasm instruction.
fn float_instr(name: Symbol) -> Option<FloatUnop> {
    Some(match name {
        sym::sqrtf16 | sym::sqrtf32 | sym::sqrtf64 | sym::sqrtf128 => FloatUnop::Sqrt,
        sym::fabs => FloatUnop::Abs,
        sym::floorf16 | sym::floorf32 | sym::floorf64 | sym::floorf128 => FloatUnop::Floor,
        sym::ceilf16 | sym::ceilf32 | sym::ceilf64 | sym::ceilf128 => FloatUnop::Ceil,
        sym::truncf16 | sym::truncf32 | sym::truncf64 | sym::truncf128 => FloatUnop::Trunc,
        sym::round_ties_even_f16 | sym::round_ties_even_f32 | sym::round_ties_even_f64 | sym::round_ties_even_f128 => {
            FloatUnop::Nearest
        }
        _ => return None,
    })
}

/// A float intrinsic implemented by a libm function (wasi-libc), as LLVM lowers it: (f32, f64) names.
fn float_libcall(name: Symbol) -> Option<(&'static str, &'static str)> {
    Some(match name {
        sym::sinf16 | sym::sinf32 | sym::sinf64 | sym::sinf128 => ("sinf", "sin"),
        sym::cosf16 | sym::cosf32 | sym::cosf64 | sym::cosf128 => ("cosf", "cos"),
        sym::powf16 | sym::powf32 | sym::powf64 | sym::powf128 => ("powf", "pow"),
        sym::expf16 | sym::expf32 | sym::expf64 | sym::expf128 => ("expf", "exp"),
        sym::exp2f16 | sym::exp2f32 | sym::exp2f64 | sym::exp2f128 => ("exp2f", "exp2"),
        sym::logf16 | sym::logf32 | sym::logf64 | sym::logf128 => ("logf", "log"),
        sym::log2f16 | sym::log2f32 | sym::log2f64 | sym::log2f128 => ("log2f", "log2"),
        sym::log10f16 | sym::log10f32 | sym::log10f64 | sym::log10f128 => ("log10f", "log10"),
        sym::fmaf32 | sym::fmaf64 | sym::fmuladdf32 | sym::fmuladdf64 => ("fmaf", "fma"),
        sym::roundf16 | sym::roundf32 | sym::roundf64 | sym::roundf128 => ("roundf", "round"),
        sym::minimumf16 | sym::minimumf32 | sym::minimumf64 | sym::minimumf128 => ("fminimumf", "fminimum"),
        sym::maximumf16 | sym::maximumf32 | sym::maximumf64 | sym::maximumf128 => ("fmaximumf", "fmaximum"),
        sym::minimum_number_nsz_f16
        | sym::minimum_number_nsz_f32
        | sym::minimum_number_nsz_f64
        | sym::minimum_number_nsz_f128 => ("fminf", "fmin"),
        sym::maximum_number_nsz_f16
        | sym::maximum_number_nsz_f32
        | sym::maximum_number_nsz_f64
        | sym::maximum_number_nsz_f128 => ("fmaxf", "fmax"),
        _ => return None,
    })
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn bit_count(&mut self, name: Symbol, v: Value) -> Value {
        let ty = self.cx.val_ty(v);
        let (bits, vt) = self.int_info(ty);
        if bits == 128 {
            // Combine the two halves.
            let lo = self.int_resize(v, self.cx.t_i64, false);
            let sixty_four = self.cx.const_int_of(self.cx.t_i128, 64);
            let hi_wide = self.int_binop(IntOp::LShr, v, sixty_four);
            let hi = self.int_resize(hi_wide, self.cx.t_i64, false);
            let (clo, chi) = (self.bit_count(name, lo), self.bit_count(name, hi));
            let r = match name {
                sym::ctpop => self.int_binop(IntOp::Add, clo, chi),
                sym::ctlz | sym::ctlz_nonzero => {
                    let z = self.cx.const_int_of(self.cx.t_i64, 0);
                    let hi_zero = self.icmp_op(IntPredicate::IntEQ, hi, z);
                    let c64 = self.cx.const_int_of(self.cx.t_i32, 64);
                    let lo_plus = self.int_binop(IntOp::Add, clo, c64);
                    self.select(hi_zero, lo_plus, chi)
                }
                _ => {
                    let z = self.cx.const_int_of(self.cx.t_i64, 0);
                    let lo_zero = self.icmp_op(IntPredicate::IntEQ, lo, z);
                    let c64 = self.cx.const_int_of(self.cx.t_i32, 64);
                    let hi_plus = self.int_binop(IntOp::Add, chi, c64);
                    self.select(lo_zero, hi_plus, clo)
                }
            };
            return r;
        }
        self.push(v);
        let is64 = vt == ValType::I64;
        let width = if is64 { 64 } else { 32 };
        self.code(|c| match name {
            sym::ctpop => c.op(if is64 { op::I64_POPCNT } else { op::I32_POPCNT }),
            sym::ctlz | sym::ctlz_nonzero => {
                c.op(if is64 { op::I64_CLZ } else { op::I32_CLZ });
                if bits < width {
                    if is64 {
                        c.i64_const(i64::from(width - bits));
                        c.op(op::I64_SUB);
                    } else {
                        c.i32_const((width - bits) as i32);
                        c.op(op::I32_SUB);
                    }
                }
            }
            _ => {
                if bits < width {
                    // Set the bit just above the value so an all-zero input counts `bits`.
                    if is64 {
                        c.i64_const(1i64 << bits);
                        c.op(op::I64_OR);
                    } else {
                        c.i32_const(1i32 << bits);
                        c.op(op::I32_OR);
                    }
                }
                c.op(if is64 { op::I64_CTZ } else { op::I32_CTZ });
            }
        });
        if is64 {
            self.code(|c| c.op(op::I32_WRAP_I64));
        }
        self.pop_value(self.cx.t_i32)
    }

    fn byte_swap(&mut self, v: Value) -> Value {
        let ty = self.cx.val_ty(v);
        let (bits, _) = self.int_info(ty);
        let mut acc = self.cx.const_int_of(ty, 0);
        for i in 0..bits / 8 {
            let sh_in = self.cx.const_int_of(ty, u128::from(i * 8));
            let byte = self.int_binop(IntOp::LShr, v, sh_in);
            let mask = self.cx.const_int_of(ty, 0xff);
            let byte = self.int_binop(IntOp::And, byte, mask);
            let sh_out = self.cx.const_int_of(ty, u128::from(bits - 8 - i * 8));
            let moved = self.int_binop(IntOp::Shl, byte, sh_out);
            acc = self.int_binop(IntOp::Or, acc, moved);
        }
        acc
    }

    fn bit_reverse(&mut self, v: Value) -> Value {
        let ty = self.cx.val_ty(v);
        let (bits, _) = self.int_info(ty);
        let mut acc = self.cx.const_int_of(ty, 0);
        let one = self.cx.const_int_of(ty, 1);
        for i in 0..bits {
            let sh_in = self.cx.const_int_of(ty, u128::from(i));
            let bit = self.int_binop(IntOp::LShr, v, sh_in);
            let bit = self.int_binop(IntOp::And, bit, one);
            let sh_out = self.cx.const_int_of(ty, u128::from(bits - 1 - i));
            let moved = self.int_binop(IntOp::Shl, bit, sh_out);
            acc = self.int_binop(IntOp::Or, acc, moved);
        }
        acc
    }

    fn rotate(&mut self, v: Value, amount: Value, left: bool) -> Value {
        let ty = self.cx.val_ty(v);
        let (bits, _) = self.int_info(ty);
        let width = self.cx.const_int_of(ty, u128::from(bits));
        let mask = self.cx.const_int_of(ty, u128::from(bits - 1));
        let amount = self.int_resize(amount, ty, false);
        let a = self.int_binop(IntOp::And, amount, mask);
        let b0 = self.int_binop(IntOp::Sub, width, a);
        let b = self.int_binop(IntOp::And, b0, mask);
        let (first, second) = if left { (IntOp::Shl, IntOp::LShr) } else { (IntOp::LShr, IntOp::Shl) };
        let x = self.int_binop(first, v, a);
        let y = self.int_binop(second, v, b);
        let zero = self.cx.const_int_of(ty, 0);
        let a_zero = self.icmp_op(IntPredicate::IntEQ, a, zero);
        let y = self.select(a_zero, zero, y);
        self.int_binop(IntOp::Or, x, y)
    }

    pub(crate) fn saturating(&mut self, add: bool, signed: bool, a: Value, b: Value) -> Value {
        let ty = self.cx.val_ty(a);
        let (bits, _) = self.int_info(ty);
        let r = self.int_binop(if add { IntOp::Add } else { IntOp::Sub }, a, b);
        if !signed {
            let over =
                if add { self.icmp_op(IntPredicate::IntULT, r, a) } else { self.icmp_op(IntPredicate::IntULT, a, b) };
            let bound = self.cx.const_int_of(ty, if add { u128::MAX } else { 0 });
            return self.select(over, bound, r);
        }
        let x = self.int_binop(IntOp::Xor, a, r);
        let y = if add { self.int_binop(IntOp::Xor, b, r) } else { self.int_binop(IntOp::Xor, a, b) };
        let both = self.int_binop(IntOp::And, x, y);
        let zero = self.cx.const_int_of(ty, 0);
        let over = self.icmp_op(IntPredicate::IntSLT, both, zero);
        // On overflow the result saturates toward the sign of `a`.
        let a_neg = self.icmp_op(IntPredicate::IntSLT, a, zero);
        let min = self.cx.const_int_of(ty, 1u128 << (bits - 1));
        let max = self.cx.const_int_of(ty, (1u128 << (bits - 1)) - 1);
        let bound = self.select(a_neg, min, max);
        self.select(over, bound, r)
    }
}

impl<'a, 'tcx> IntrinsicCallBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn codegen_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, Value>],
        result: PlaceRef<'tcx, Value>,
        span: Span,
    ) -> Result<(), Instance<'tcx>> {
        let tcx = self.cx.tcx;
        let name = tcx.item_name(instance.def_id());
        self.span = span;
        let imm = |i: usize| args[i].immediate();
        let value: Option<Value> = if name.as_str().starts_with("simd_") {
            let result_ty = self.cx.backend_type(result.layout);
            self.simd_intrinsic(name, args, result.layout.ty, result_ty)
        } else if let Some(unop) = float_instr(name) {
            Some(self.float_unop(unop, imm(0)))
        } else if let Some((f32_name, f64_name)) = float_libcall(name) {
            let vals: Vec<Value> = args.iter().map(|a| a.immediate()).collect();
            let ty = self.cx.val_ty(vals[0]);
            Some(if self.float_width(ty).is_soft() {
                self.soft_libcall(f32_name, f64_name, &vals)
            } else {
                let fname = if self.float_is64(ty) { f64_name } else { f32_name };
                self.call_runtime(fname, &vec![ty; vals.len()], ty, &vals)
            })
        } else {
            match name {
                sym::copysignf16 | sym::copysignf32 | sym::copysignf64 | sym::copysignf128 => {
                    Some(self.float_binop(FloatOp::CopySign, imm(0), imm(1)))
                }
                sym::fmaf16 | sym::fmaf128 | sym::fmuladdf16 | sym::fmuladdf128 => {
                    Some(self.soft_fma(imm(0), imm(1), imm(2)))
                }
                sym::powif16 | sym::powif128 => Some(self.soft_powi(imm(0), imm(1))),
                sym::powif32 | sym::powif64 => {
                    let ty = self.cx.val_ty(imm(0));
                    let fname = if self.float_is64(ty) { "__powidf2" } else { "__powisf2" };
                    Some(self.call_runtime(fname, &[ty, self.cx.t_i32], ty, &[imm(0), imm(1)]))
                }
                sym::ctpop | sym::ctlz | sym::ctlz_nonzero | sym::cttz | sym::cttz_nonzero => {
                    let count = self.bit_count(name, imm(0));
                    let ret_ty = self.cx.backend_type(result.layout);
                    Some(self.int_resize(count, ret_ty, false))
                }
                sym::bswap => Some(self.byte_swap(imm(0))),
                sym::bitreverse => Some(self.bit_reverse(imm(0))),
                sym::rotate_left | sym::rotate_right => Some(self.rotate(imm(0), imm(1), name == sym::rotate_left)),
                sym::saturating_add | sym::saturating_sub => {
                    let signed = args[0].layout.ty.is_signed();
                    Some(self.saturating(name == sym::saturating_add, signed, imm(0), imm(1)))
                }
                sym::abort | sym::breakpoint => {
                    self.code(|c| c.op(op::UNREACHABLE));
                    None
                }
                sym::black_box => {
                    args[0].val.store(self, result);
                    return Ok(());
                }
                sym::is_val_statically_known => Some(self.cx.const_bool(false)),
                sym::prefetch_read_data
                | sym::prefetch_write_data
                | sym::prefetch_read_instruction
                | sym::prefetch_write_instruction => None,
                sym::volatile_load | sym::unaligned_volatile_load => {
                    if !self.cx.is_backend_immediate(result.layout) && !self.cx.is_backend_scalar_pair(result.layout) {
                        // An aggregate held in memory (`read_volatile` of a `[u8; 20]`): a copy.
                        let size = self.cx.const_int_of(self.cx.t_i32, u128::from(result.layout.size.bytes()));
                        let one = rustc_abi::Align::ONE;
                        self.memcpy(result.val.llval, one, imm(0), one, size, MemFlags::VOLATILE, None);
                        return Ok(());
                    }
                    let ty = self.cx.backend_type(result.layout);
                    let v = self.load_typed(ty, imm(0), 1);
                    Some(v)
                }
                sym::volatile_store | sym::unaligned_volatile_store => {
                    let dst = PlaceRef::new_sized_aligned(imm(0), args[1].layout, rustc_abi::Align::ONE);
                    args[1].val.volatile_store(self, dst);
                    return Ok(());
                }
                sym::ptr_mask => {
                    let p = self.ptrtoint(imm(0), self.cx.t_i32);
                    let m = self.int_binop(IntOp::And, p, imm(1));
                    Some(self.inttoptr(m, self.cx.t_ptr))
                }
                sym::raw_eq => {
                    // `raw_eq(a: &T, b: &T)`: compare the pointees byte for byte.
                    let t = instance.args.type_at(0);
                    let size = rustc_middle::ty::layout::LayoutOf::layout_of(self, t).size.bytes();
                    let (p, i) = (self.cx.t_ptr, self.cx.t_i32);
                    let n = self.cx.const_int_of(i, u128::from(size));
                    let cmp = self.call_runtime("memcmp", &[p, p, i], i, &[imm(0), imm(1), n]);
                    let zero = self.cx.const_int_of(i, 0);
                    Some(self.icmp_op(IntPredicate::IntEQ, cmp, zero))
                }
                sym::compare_bytes => {
                    let (p, i) = (self.cx.t_ptr, self.cx.t_i32);
                    Some(self.call_runtime("memcmp", &[p, p, i], i, &[imm(0), imm(1), imm(2)]))
                }
                sym::catch_unwind if self.cx.unwinds() => Some(self.catch_unwind(imm(0), imm(1), imm(2))),
                sym::catch_unwind => {
                    // Nothing unwinds under panic=abort: call the function and report no panic.
                    let sig = self.cx.sig(vec![self.cx.t_ptr], self.cx.t_void);
                    self.emit_call(sig, None, Some(imm(0)), &[imm(1)], &[]);
                    Some(self.cx.const_int_of(self.cx.t_i32, 0))
                }
                _ => {
                    if let Some(intrinsic) = tcx.intrinsic(instance.def_id())
                        && !intrinsic.must_be_overridden
                    {
                        return Err(Instance::new_raw(instance.def_id(), instance.args));
                    }
                    self.unsupported(&format!("the intrinsic `{name}`"));
                    None
                }
            }
        };
        if let Some(v) = value
            && !result.layout.is_zst()
        {
            OperandValue::Immediate(v).store(self, result);
        }
        Ok(())
    }

    fn codegen_llvm_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, Value>],
        _is_cleanup: bool,
    ) -> Value {
        // core::arch::wasm32 reaches the memory instructions through LLVM intrinsics by link name.
        let name = self.cx.tcx.symbol_name(instance).name;
        let result = {
            let fn_abi =
                rustc_middle::ty::layout::FnAbiOf::fn_abi_of_instance(self, instance, rustc_middle::ty::List::empty());
            self.cx.backend_type(fn_abi.ret.layout)
        };
        if let Some(value) = self.wasm_simd_intrinsic(name, args, result) {
            return value;
        }
        match name {
            "llvm.wasm.memory.size" | "llvm.wasm.memory.grow" => {
                // Both take the memory index first; `memory_size`/`memory_grow` assert it is 0.
                if name.ends_with("grow") {
                    self.push(args[1].immediate());
                }
                let inst = if name.ends_with("grow") { Inst::MemoryGrow } else { Inst::MemorySize };
                self.code(|c| c.push(inst));
                self.pop_value(self.cx.t_i32)
            }
            _ => {
                self.unsupported(&format!("the LLVM intrinsic `{name}`"));
                self.cx.const_usize(0)
            }
        }
    }

    fn abort(&mut self) {
        self.code(|c| c.op(op::UNREACHABLE));
    }

    fn assume(&mut self, _val: Value) {}

    fn expect(&mut self, cond: Value, _expected: bool) -> Value {
        cond
    }

    fn type_checked_load(&mut self, llvtable: Value, vtable_byte_offset: u64, _typeid: &[u8]) -> Value {
        let off = self.cx.const_usize(vtable_byte_offset);
        let p = self.ptradd_value(llvtable, off);
        self.load_typed(self.cx.type_ptr(), p, 4)
    }

    fn va_start(&mut self, val: Value) -> Value {
        self.unsupported("C-variadic function definitions");
        val
    }

    fn va_end(&mut self, val: Value) -> Value {
        val
    }

    fn retag_mem(&mut self, _place: Value, _info: &RetagInfo<Value>) {}

    fn retag_reg(&mut self, ptr: Value, _info: &RetagInfo<Value>) -> Value {
        ptr
    }
}
