//! Calls: arguments pushed with the extension the ABI asks for, direct and indirect calls,
//! C-variadic buffers, results popped (or loaded from the return slot).

use rustc_codegen_ssa::traits::{BaseTypeCodegenMethods, BuilderMethods, ConstCodegenMethods};
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, ArgExtension, FnAbi, PassMode};

use crate::builder::Builder;
use crate::ir::Inst;
use crate::types::{FnSig, ValType};
use crate::value::{FnId, Value, ValueData};

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn call_direct(&mut self, f: FnId, sig: FnSig, args: &[Value]) -> Value {
        self.emit_call(sig, Some(f), None, args, &[])
    }

    /// Emits a call; `sext[i]` asks for sign extension of narrow argument `i`.
    pub(crate) fn emit_call(
        &mut self,
        sig: FnSig,
        direct: Option<FnId>,
        indirect: Option<Value>,
        args: &[Value],
        sext: &[bool],
    ) -> Value {
        let (data, ws) = {
            let types = self.cx.types.borrow();
            (types.sig_data(sig).clone(), types.wasm_sig(sig).clone())
        };
        if args.len() != data.params.len() {
            self.unsupported("a call whose arguments do not match the callee's signature");
            return self.cx.value(ValueData::Undef(data.ret));
        }
        let sret_slot = ws.sret.then(|| {
            let (size, align) = {
                let types = self.cx.types.borrow();
                let info = types.info(data.ret);
                (info.size, info.align)
            };
            self.frame_slot(size, align)
        });
        if let Some(slot) = sret_slot {
            self.push(slot);
        }
        for (i, &arg) in args.iter().enumerate() {
            if sext.get(i).copied().unwrap_or(false) && self.cx.int_bits(data.params[i]).is_some_and(|b| b < 32) {
                self.push_signed(arg);
            } else {
                self.push(arg);
            }
        }
        match (direct, indirect) {
            (Some(f), _) => self.code(|c| c.call(f)),
            (None, Some(callee)) => {
                self.push(callee);
                self.code(|c| c.push(Inst::CallIndirect(sig)));
            }
            (None, None) => unreachable!(),
        }
        if let Some(slot) = sret_slot {
            return self.load_typed(data.ret, slot, 16);
        }
        if ws.results.is_empty() {
            return self.cx.value(ValueData::Undef(data.ret));
        }
        if let Some(bits) = self.cx.int_bits(data.ret)
            && bits < 32
        {
            self.mask_top(bits, ValType::I32);
        }
        self.pop_value(data.ret)
    }

    pub(crate) fn call_value(
        &mut self,
        llty: FnSig,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        fn_val: Value,
        args: &[Value],
    ) -> Value {
        let mut sext = Vec::new();
        let mut variadic_args;
        let mut args = args;
        if let Some(fn_abi) = fn_abi {
            let fixed = super::sig::fixed_arg_count(fn_abi);
            // rustc_codegen_ssa passes the return slot first when the return is indirect.
            if fn_abi.ret.is_indirect() {
                sext.push(false);
            }
            for arg in &fn_abi.args[..fixed] {
                let is_sext = |attrs: &rustc_target::callconv::ArgAttributes| attrs.arg_ext == ArgExtension::Sext;
                match &arg.mode {
                    PassMode::Direct(attrs) => sext.push(is_sext(attrs)),
                    PassMode::Pair(a, b) => {
                        sext.push(is_sext(a));
                        sext.push(is_sext(b));
                    }
                    mode => sext.extend(std::iter::repeat_n(false, super::sig::lane_count(mode))),
                }
            }
            if fn_abi.c_variadic {
                variadic_args = args[..sext.len()].to_vec();
                let buffer = self.variadic_buffer(&fn_abi.args[fixed..], &args[sext.len()..]);
                variadic_args.push(buffer);
                args = &variadic_args;
            }
        }
        match self.cx.value_data(fn_val) {
            // std's unwinder throws a panic on the C++ tag (tag 0) through this LLVM intrinsic,
            // which rustc_codegen_ssa calls as a function since it unwinds.
            ValueData::FnAddr(f)
                if args.len() == 2 && self.cx.funcs.borrow()[f.0 as usize].name == "llvm.wasm.throw" =>
            {
                self.throw(args[1]);
                self.cx.value(ValueData::Undef(self.cx.t_void))
            }
            ValueData::FnAddr(f) => {
                if let Some(result) = self.slot_call(f, args, &sext) {
                    return result;
                }
                // Call with the callee's declared signature. It agrees with this call's unless the
                // program declares one symbol twice with different types (clashing `extern` blocks):
                // a wasm function has one type, so such a call cannot be written.
                let sig = self.cx.fn_sig(f);
                if sig != llty && fn_abi.is_some_and(|abi| !abi.c_variadic) && self.cx.wasm_sigs_differ(sig, llty) {
                    let name = self.cx.funcs.borrow()[f.0 as usize].name.clone();
                    self.unsupported(&format!(
                        "calling `{name}` with a signature other than its first declaration's (clashing `extern` \
                         declarations: a wasm function has one type)"
                    ));
                    return self.cx.value(ValueData::Undef(self.cx.types.borrow().sig_data(llty).ret));
                }
                let result = self.emit_call(sig, Some(f), None, args, &sext);
                self.cx.with_function(self.bb.func, |fcx| fcx.slot_exempt = false);
                result
            }
            _ => self.emit_call(llty, None, Some(fn_val), args, &sext),
        }
    }

    /// Stores the extra arguments of a C-variadic call into a frame buffer, each at its natural
    /// alignment and at least 4 bytes (clang's wasm32 `va_arg`); returns the buffer's address,
    /// or null when there are none, as LLVM passes.
    fn variadic_buffer(&mut self, extra: &[ArgAbi<'tcx, Ty<'tcx>>], values: &[Value]) -> Value {
        let mut slots = Vec::with_capacity(values.len());
        let mut size = 0u64;
        let mut align = 4u64;
        for (arg, &value) in extra.iter().zip(values) {
            if !matches!(arg.mode, PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. }) {
                self.unsupported(&format!("passing `{}` as a C-variadic argument", arg.layout.ty));
                return self.cx.const_usize(0);
            }
            let ty = self.cx.val_ty(value);
            let slot_align = self.cx.types.borrow().info(ty).align.max(4);
            let offset = size.next_multiple_of(slot_align);
            size = offset + self.cx.size_of(ty).next_multiple_of(4);
            align = align.max(slot_align);
            slots.push((value, offset));
        }
        if slots.is_empty() {
            return self.cx.const_usize(0);
        }
        let buffer = self.frame_slot(size, align);
        for (value, offset) in slots {
            let at = self.cx.const_usize(offset);
            let ptr = self.inbounds_ptradd(buffer, at);
            self.store_typed(value, ptr, 4);
        }
        buffer
    }
}
