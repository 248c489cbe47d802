//! rustc's `FnAbi` to backend signatures, parameter by parameter, as LLVM lowers them on wasm32.

use rustc_codegen_ssa::traits::LayoutTypeCodegenMethods;
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, FnAbi, PassMode};

use crate::context::CodegenCx;
use crate::types::{FnSig, Type};

impl<'tcx> CodegenCx<'tcx> {
    /// The backend signature of a function ABI (a method, so the context needs no import of
    /// this module).
    pub(crate) fn fn_abi_sig(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> FnSig {
        fn_abi_sig(self, fn_abi)
    }
}

/// The backend signature LLVM would give this ABI (see `rustc_codegen_llvm/src/abi.rs`).
pub(crate) fn fn_abi_sig<'tcx>(cx: &CodegenCx<'tcx>, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> FnSig {
    let mut params: Vec<Type> = Vec::new();
    let ret = match &fn_abi.ret.mode {
        PassMode::Ignore => cx.t_void,
        PassMode::Direct(_) | PassMode::Pair(..) => cx.immediate_backend_type(fn_abi.ret.layout),
        PassMode::Cast { cast, .. } => cx.cast_backend_type(cast),
        PassMode::Indirect { .. } => {
            params.push(cx.t_ptr);
            cx.t_void
        }
    };
    // A C-variadic signature has its fixed arguments, then a pointer to the buffer holding the
    // variadic ones (BasicCABI.md); the extra arguments of one call are not part of the type.
    for arg in fn_abi.args.iter().take(fixed_arg_count(fn_abi)) {
        arg_params(cx, arg, &mut params);
    }
    if fn_abi.c_variadic {
        params.push(cx.t_ptr);
    }
    cx.sig(params, ret)
}

/// The backend types of the parameters that pass `arg`.
pub(crate) fn arg_params<'tcx>(cx: &CodegenCx<'tcx>, arg: &ArgAbi<'tcx, Ty<'tcx>>, params: &mut Vec<Type>) {
    match &arg.mode {
        PassMode::Ignore => {}
        PassMode::Direct(_) => params.push(cx.immediate_backend_type(arg.layout)),
        PassMode::Pair(..) => {
            params.push(cx.scalar_pair_element_backend_type(arg.layout, 0, true));
            params.push(cx.scalar_pair_element_backend_type(arg.layout, 1, true));
        }
        PassMode::Cast { cast, pad_i32 } => {
            if *pad_i32 {
                params.push(cx.t_i32);
            }
            params.push(cx.cast_backend_type(cast));
        }
        PassMode::Indirect { meta_attrs: None, .. } => params.push(cx.t_ptr),
        PassMode::Indirect { meta_attrs: Some(_), .. } => {
            params.push(cx.t_ptr);
            params.push(cx.t_ptr);
        }
    }
}

/// How many of `fn_abi.args` are declared parameters (all but a C-variadic call's extra ones).
pub(crate) fn fixed_arg_count(fn_abi: &FnAbi<'_, Ty<'_>>) -> usize {
    if fn_abi.c_variadic { fn_abi.fixed_count as usize } else { fn_abi.args.len() }
}

/// How many backend values an argument of this mode takes.
pub(crate) fn lane_count(mode: &PassMode) -> usize {
    match mode {
        PassMode::Ignore => 0,
        PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. } => 1,
        PassMode::Cast { pad_i32, .. } => 1 + usize::from(*pad_i32),
        PassMode::Pair(..) | PassMode::Indirect { meta_attrs: Some(_), .. } => 2,
    }
}
