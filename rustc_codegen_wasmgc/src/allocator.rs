//! The allocator shim: `__rust_alloc` and friends forwarding to the default or the `#[global_allocator]`.

use rustc_ast::expand::allocator::{
    AllocatorMethod, AllocatorTy, NO_ALLOC_SHIM_IS_UNSTABLE, default_fn_name, global_fn_name,
};
use rustc_middle::ty::TyCtxt;
use rustc_symbol_mangling::mangle_internal_symbol;

use crate::emit::object::{ObjFunc, ObjectModule, SYM_VISIBILITY_HIDDEN};
use crate::ir::{Code, FuncBody, FuncCode};
use crate::types::{FnSigData, TypeKind, TypeTable};
use crate::value::FnId;

pub(crate) fn codegen(tcx: TyCtxt<'_>, methods: &[AllocatorMethod]) -> crate::WasmModule {
    let mut types = TypeTable::default();
    let ptr = types.intern(TypeKind::Ptr);
    let usize_ty = types.intern(TypeKind::Int(32));
    let void = types.intern(TypeKind::Void);
    let mut module = ObjectModule::default();
    let hidden = if tcx.sess.default_visibility() == rustc_target::spec::SymbolVisibility::Hidden {
        SYM_VISIBILITY_HIDDEN
    } else {
        0
    };
    let add = |module: &mut ObjectModule,
               types: &mut TypeTable,
               from: String,
               to: Option<String>,
               params: Vec<crate::types::Type>,
               ret| {
        let n = params.len() as u32;
        let sig = types.sig(FnSigData { params, ret });
        let mut body = Code::default();
        if let Some(to) = to {
            let target = FnId(module.funcs.len() as u32);
            module.funcs.push(ObjFunc { name: to, sig, flags: SYM_VISIBILITY_HIDDEN, body: None, import: None });
            for i in 0..n {
                body.local_get(i);
            }
            body.call(target);
        }
        body.end();
        let body = FuncBody::Finished(FuncCode { locals: Vec::new(), code: body });
        module.funcs.push(ObjFunc { name: from, sig, flags: hidden, body: Some(body), import: None });
    };
    for method in methods {
        let mut params = Vec::new();
        for input in method.inputs.iter() {
            match input.ty {
                AllocatorTy::Layout => {
                    params.push(usize_ty);
                    params.push(usize_ty);
                }
                AllocatorTy::Ptr => params.push(ptr),
                AllocatorTy::Usize => params.push(usize_ty),
                AllocatorTy::Never | AllocatorTy::ResultPtr | AllocatorTy::Unit => {
                    rustc_middle::bug!("invalid allocator argument")
                }
            }
        }
        let ret = match method.output {
            AllocatorTy::ResultPtr => ptr,
            AllocatorTy::Never | AllocatorTy::Unit => void,
            _ => rustc_middle::bug!("invalid allocator output"),
        };
        let from = mangle_internal_symbol(tcx, &global_fn_name(method.name));
        let to = mangle_internal_symbol(tcx, &default_fn_name(method.name));
        add(&mut module, &mut types, from, Some(to), params, ret);
    }
    add(&mut module, &mut types, mangle_internal_symbol(tcx, NO_ALLOC_SHIM_IS_UNSTABLE), None, vec![], void);
    module.features = crate::driver::target_features::Features::of_objects(tcx.sess);
    crate::WasmModule { object: module, types, dump: None, debug: None }
}
