//! Compiling one codegen unit: define its mono items, assemble every body, write and validate the object.

use rustc_codegen_ssa::ModuleCodegen;
use rustc_codegen_ssa::base::maybe_create_entry_wrapper;
use rustc_codegen_ssa::mono_item::MonoItemExt;
use rustc_middle::dep_graph;
use rustc_middle::mono::{MonoItem, MonoItemData};
use rustc_middle::ty::TyCtxt;
use rustc_span::Symbol;

use crate::WasmModule;
use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::object::{ObjData, ObjFunc, ObjectModule, write_object};
use crate::ref_slots::Slots;
use crate::value::FnId;

pub(crate) fn compile_codegen_unit(tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<WasmModule>, u64) {
    let start = std::time::Instant::now();
    let dep_node = tcx.codegen_unit(cgu_name).codegen_dep_node(tcx);
    let (module, _) =
        tcx.dep_graph.with_task(dep_node, tcx, || module_codegen(tcx, cgu_name), Some(dep_graph::hash_result));
    (module, start.elapsed().as_nanos() as u64)
}

fn module_codegen(tcx: TyCtxt<'_>, cgu_name: Symbol) -> ModuleCodegen<WasmModule> {
    let cgu = tcx.codegen_unit(cgu_name);
    let mut cx = CodegenCx::new(tcx, cgu);
    let items = cgu.items_in_deterministic_order(tcx);
    for &(item, data) in &items {
        item.predefine::<Builder<'_, '_>>(&mut cx, cgu_name.as_str(), data.linkage, data.visibility);
    }
    for &(item, data) in &items {
        define_item(&mut cx, cgu_name.as_str(), item, data);
    }
    maybe_create_entry_wrapper::<Builder<'_, '_>>(&cx, cgu);
    let bytes = finish_module(&cx);
    if let Err(e) = crate::validate::validate(&bytes) {
        // WASMGC_DUMP_INVALID=dir keeps the rejected object for inspection with wasm-tools.
        if let Some(dir) = std::env::var_os("WASMGC_DUMP_INVALID") {
            let _ = std::fs::write(std::path::Path::new(&dir).join(format!("{cgu_name}.o")), &bytes);
        }
        tcx.dcx().fatal(format!(
            "rustc_codegen_wasmgc produced an invalid object for `{cgu_name}`: {e} (this is a bug in the backend)"
        ));
    }
    ModuleCodegen::new_regular(cgu_name.to_string(), WasmModule { bytes })
}

/// Defines one mono item; a function whose survey finds handle slots for reference locals
/// (ref_slots.rs) is generated a second time with them.
fn define_item<'tcx>(cx: &mut CodegenCx<'tcx>, cgu_name: &str, item: MonoItem<'tcx>, data: MonoItemData) {
    let function = match item {
        MonoItem::Fn(instance) if cx.gc_accelerate && cx.gc_typed_locals => {
            cx.func_by_name.borrow().get(cx.tcx.symbol_name(instance).name).copied()
        }
        _ => None,
    };
    let Some(f) = function else {
        item.define::<Builder<'_, '_>>(cx, cgu_name, data);
        return;
    };
    let errors = cx.tcx.dcx().err_count();
    cx.slot_results_tracked.set(false);
    cx.slots.replace(Slots::Survey(Default::default()));
    item.define::<Builder<'_, '_>>(cx, cgu_name, data);
    cx.slot_results_tracked.set(false);
    let plan = cx.slots.replace(Slots::Off).plan();
    let Some(plan) = plan.filter(|_| cx.tcx.dcx().err_count() == errors) else {
        return;
    };
    cx.funcs.borrow_mut()[f.0 as usize].body = None;
    cx.start_body(f);
    cx.slots.replace(Slots::Emit(plan));
    item.define::<Builder<'_, '_>>(cx, cgu_name, data);
    cx.slots.replace(Slots::Off);
}

fn finish_module(cx: &CodegenCx<'_>) -> Vec<u8> {
    let nfuncs = cx.funcs.borrow().len();
    let mut codes = Vec::with_capacity(nfuncs);
    for i in 0..nfuncs {
        let has_body = cx.funcs.borrow()[i].body.is_some();
        codes.push(has_body.then(|| crate::peephole::stack_values(crate::finish::assemble(cx, FnId(i as u32)))));
    }
    let mut module = ObjectModule::default();
    for (decl, body) in cx.funcs.borrow_mut().drain(..).zip(codes) {
        module.funcs.push(ObjFunc { name: decl.name, sig: decl.sig, flags: decl.flags, body, import: decl.import });
    }
    for record in cx.gc_records.borrow().iter() {
        module.gc_records.push_str(record);
        module.gc_records.push('\n');
    }
    module.custom_sections = cx.custom_sections.take();
    module.init_funcs = cx.init_funcs.take();
    for decl in cx.datas.borrow_mut().drain(..) {
        module.datas.push(ObjData { name: decl.name, flags: decl.flags, def: decl.def });
    }
    write_object(&module, &cx.types.borrow())
}
