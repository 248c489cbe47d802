//! Function ABIs as LLVM lowers them for wasm32: signatures (sig.rs), calls (calls.rs), and
//! here the incoming arguments of the function being generated.

mod calls;
pub(crate) mod sig;

use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::{PlaceRef, PlaceValue};
use rustc_codegen_ssa::traits::{AbiBuilderMethods, ArgAbiBuilderMethods, BuilderMethods, ConstCodegenMethods};
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, PassMode};

use crate::builder::Builder;
use crate::value::Value;

impl<'a, 'tcx> AbiBuilderMethods for Builder<'a, 'tcx> {
    fn get_param(&mut self, index: usize) -> Value {
        self.param_value(index)
    }
}

impl<'a, 'tcx> ArgAbiBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn store_fn_arg(&mut self, arg_abi: &ArgAbi<'tcx, Ty<'tcx>>, idx: &mut usize, dst: PlaceRef<'tcx, Value>) {
        let mut next = |bx: &mut Self| {
            let v = bx.param_value(*idx);
            *idx += 1;
            v
        };
        match arg_abi.mode {
            PassMode::Ignore => {}
            PassMode::Pair(..) => {
                let a = next(self);
                let b = next(self);
                OperandValue::Pair(a, b).store(self, dst);
            }
            PassMode::Indirect { meta_attrs: Some(_), .. } => {
                rustc_middle::bug!("unsized argument cannot be stored")
            }
            PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. } | PassMode::Cast { .. } => {
                if let PassMode::Cast { pad_i32: true, .. } = arg_abi.mode {
                    next(self);
                }
                let v = next(self);
                self.store_arg(arg_abi, v, dst);
            }
        }
    }

    fn store_arg(&mut self, arg_abi: &ArgAbi<'tcx, Ty<'tcx>>, val: Value, dst: PlaceRef<'tcx, Value>) {
        match &arg_abi.mode {
            PassMode::Ignore => {}
            PassMode::Indirect { attrs, meta_attrs: None, .. } => {
                let align = attrs.pointee_align.unwrap_or(arg_abi.layout.align.abi);
                OperandValue::Ref(PlaceValue::new_sized(val, align)).store(self, dst);
            }
            PassMode::Indirect { meta_attrs: Some(_), .. } => {
                rustc_middle::bug!("unsized argument cannot be stored")
            }
            PassMode::Cast { cast, .. } => {
                // The ABI form may be larger than the Rust type: spill it, then copy what fits.
                let size = cast.size(self);
                let align = cast.align(self);
                let scratch = self.alloca(size, align);
                rustc_codegen_ssa::mir::store_cast(self, cast, val, scratch, align);
                let bytes = size.bytes().min(arg_abi.layout.size.bytes());
                let n = self.const_usize(bytes);
                self.memcpy(dst.val.llval, arg_abi.layout.align.abi, scratch, align, n, MemFlags::empty(), None);
            }
            PassMode::Pair(..) | PassMode::Direct(_) => {
                OperandRef::from_immediate_or_packed_pair(self, val, arg_abi.layout).val.store(self, dst);
            }
        }
    }
}
