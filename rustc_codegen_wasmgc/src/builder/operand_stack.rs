//! Moving values between wasm locals and the operand stack: the builder's basic vocabulary.

use rustc_codegen_ssa::traits::BaseTypeCodegenMethods;

use crate::builder::Builder;
use crate::ir::op;
use crate::ir::{Code, Inst};
use crate::types::{Type, TypeKind, ValType};
use crate::value::{Value, ValueData};

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Runs `f` on the code buffer of the current block.
    pub(crate) fn code<R>(&self, f: impl FnOnce(&mut Code) -> R) -> R {
        let (idx, loc) = (self.bb.idx as usize, self.loc());
        self.cx.with_function(self.bb.func, |fcx| {
            let code = &mut fcx.body.blocks[idx].code;
            code.at(loc);
            f(code)
        })
    }

    pub(crate) fn lanes(&self, ty: Type) -> Vec<ValType> {
        self.cx.types.borrow().info(ty).lanes.clone()
    }

    pub(crate) fn lane_count(&self, ty: Type) -> usize {
        self.cx.types.borrow().info(ty).lanes.len()
    }

    pub(crate) fn new_local(&self, vt: ValType) -> u32 {
        self.cx.with_function(self.bb.func, |fcx| fcx.body.new_local(vt))
    }

    /// Whether a value of `ty` can live in locals. Arrays of more than 16 elements and SIMD
    /// vectors of more than 64 have no lanes (types.rs): an operation that needs one as a value
    /// is an error at its span, never a value aliasing another's locals.
    pub(crate) fn holds_as_value(&self, ty: Type) -> bool {
        let (empty, size) = {
            let types = self.cx.types.borrow();
            let info = types.info(ty);
            (info.lanes.is_empty(), info.size)
        };
        if !empty || size == 0 {
            return true;
        }
        let kind = match self.cx.kind(ty) {
            TypeKind::Vector(_, n) => format!("a SIMD vector of {n} elements as a value (the limit is 64)"),
            TypeKind::Array(_, n) => format!("an array of {n} elements as a value (the limit is 16)"),
            kind => format!("a value of type {kind:?}"),
        };
        // One message per span and type: loading, computing and storing the value all land here.
        self.unsupported(&kind);
        false
    }

    /// Allocates locals for a value of `ty` and pops its lanes from the operand stack into them.
    pub(crate) fn pop_value(&mut self, ty: Type) -> Value {
        if !self.holds_as_value(ty) {
            return self.cx.value(ValueData::Undef(ty));
        }
        let lanes = self.lanes(ty);
        let first = if lanes.is_empty() {
            0
        } else {
            let first = self.new_local(lanes[0]);
            for &vt in &lanes[1..] {
                self.new_local(vt);
            }
            first
        };
        self.code(|c| {
            for i in (0..lanes.len() as u32).rev() {
                c.local_set(first + i);
            }
        });
        self.cx.value(ValueData::Local { ty, first })
    }

    /// A value of type `ty` that shares the lanes of `v` (a no-op reinterpretation).
    pub(crate) fn retype(&self, v: Value, ty: Type) -> Value {
        match self.cx.value_data(v) {
            ValueData::Local { first, .. } => self.cx.value(ValueData::Local { ty, first }),
            ValueData::Int { bits, .. } => self.cx.const_int_of(ty, bits),
            ValueData::Undef(_) => self.cx.value(ValueData::Undef(ty)),
            _ => v,
        }
    }

    /// Pushes lane `lane` of `v`.
    pub(crate) fn push_lane(&self, v: Value, lane: usize) {
        let data = self.cx.value_data(v);
        match data {
            ValueData::Local { first, .. } => {
                self.local_read(first);
                self.code(|c| c.local_get(first + lane as u32))
            }
            ValueData::Int { ty, bits } => {
                let vt = self.lanes(ty)[lane];
                self.code(|c| match vt {
                    ValType::I64 => c.i64_const((bits >> (64 * lane)) as u64 as i64),
                    _ => c.i32_const(bits as u32 as i32),
                })
            }
            ValueData::Float { ty, bits } => {
                let vt = self.lanes(ty)[lane];
                self.code(|c| match vt {
                    ValType::F32 => c.f32_const(bits as u32),
                    ValType::F64 => c.f64_const(bits),
                    ValType::I32 => c.i32_const(bits as u32 as i32),
                    ValType::I64 => c.i64_const(bits as i64),
                    ValType::ExternRef | ValType::ExnRef => unreachable!("a float constant in a reference lane"),
                })
            }
            ValueData::Undef(ty) => {
                let vt = self.lanes(ty)[lane];
                self.code(|c| c.zero(vt))
            }
            ValueData::DataAddr { data, offset } => {
                self.code(|c| c.push(Inst::DataAddr { data, addend: offset as i32 }))
            }
            ValueData::FnAddr(f) => self.code(|c| c.push(Inst::FuncAddr(f))),
            ValueData::FrameAddr { fp, offset } => {
                self.slot_escapes(offset);
                self.code(|c| {
                    c.local_get(fp);
                    if offset != 0 {
                        c.i32_const(offset as i32);
                        c.op(op::I32_ADD);
                    }
                })
            }
            ValueData::Aggregate { elems, .. } => {
                let mut lane = lane;
                for e in elems {
                    let n = self.lane_count(self.cx.val_ty(e));
                    if lane < n {
                        return self.push_lane(e, lane);
                    }
                    lane -= n;
                }
                rustc_middle::bug!("lane out of range in aggregate constant")
            }
        }
    }

    /// Pushes every lane of `v`.
    pub(crate) fn push(&self, v: Value) {
        let n = self.lane_count(self.cx.val_ty(v));
        for lane in 0..n {
            self.push_lane(v, lane);
        }
    }

    /// Pushes the address part of `ptr` and returns a constant offset to fold into a memarg.
    pub(crate) fn push_addr(&self, ptr: Value) -> u32 {
        match self.cx.value_data(ptr) {
            ValueData::FrameAddr { fp, offset } => {
                self.slot_escapes(offset);
                self.code(|c| c.local_get(fp));
                offset
            }
            _ => {
                self.push(ptr);
                0
            }
        }
    }

    /// Copies `v` into fresh locals unless it already lives in locals; returns the first local.
    pub(crate) fn in_locals(&mut self, v: Value) -> u32 {
        match self.cx.value_data(v) {
            ValueData::Local { first, .. } => {
                self.local_read(first);
                first
            }
            _ => {
                let ty = self.cx.val_ty(v);
                self.push(v);
                match self.cx.value_data(self.pop_value(ty)) {
                    ValueData::Local { first, .. } => first,
                    _ => unreachable!(),
                }
            }
        }
    }
}
