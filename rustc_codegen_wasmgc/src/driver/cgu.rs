//! Compiling one codegen unit on the thread that holds the type context: define its mono items
//! and hand their blocks over as a `WasmModule`.

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
use crate::emit::object::{ObjData, ObjFunc, ObjectModule};
use crate::gc::typed_locals::state::Slots;
use crate::ir::FuncBody;

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
    let module = finish_module(&cx);
    ModuleCodegen::new_regular(cgu_name.to_string(), module)
}

/// Defines one mono item; a function whose survey finds handle slots for typed locals
/// (gc/typed_locals/) is generated a second time with them.
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
    cx.begin_function(f, Slots::Survey(Default::default()));
    item.define::<Builder<'_, '_>>(cx, cgu_name, data);
    let plan = cx.end_function().and_then(|slots| slots.plan());
    let Some(plan) = plan.filter(|_| cx.tcx.dcx().err_count() == errors) else {
        return;
    };
    cx.begin_function(f, Slots::Emit(plan));
    item.define::<Builder<'_, '_>>(cx, cgu_name, data);
    cx.end_function();
}

/// The codegen unit as a value without the type context: structuring, encoding, writing and
/// validation happen on a worker thread (`WriteBackendMethods::codegen`).
fn finish_module(cx: &CodegenCx<'_>) -> WasmModule {
    cx.end_function();
    let mut debug = cx.debug.take();
    if let Some(unit) = &mut debug {
        for (i, decl) in cx.funcs.borrow().iter().enumerate() {
            if let Some(body) = &decl.body {
                unit.resolve_body(cx.tcx, crate::value::FnId(i as u32), body);
            }
        }
    }
    let mut module = ObjectModule::default();
    for decl in cx.funcs.borrow_mut().drain(..) {
        let body = decl.body.map(FuncBody::Blocks);
        module.funcs.push(ObjFunc { name: decl.name, sig: decl.sig, flags: decl.flags, body, import: decl.import });
    }
    for record in cx.gc_records.borrow().iter() {
        module.gc_records.push_str(record);
        module.gc_records.push('\n');
    }
    module.custom_sections = cx.custom_sections.take();
    module.init_funcs = cx.init_funcs.take();
    module.features = crate::driver::target_features::Features::of_objects(cx.tcx.sess);
    module.exception_tag = cx.exception_tag.get();
    for decl in cx.datas.borrow_mut().drain(..) {
        module.datas.push(ObjData { name: decl.name, flags: decl.flags, def: decl.def });
    }
    let types = std::mem::take(&mut *cx.types.borrow_mut());
    WasmModule { object: module, types, dump: crate::config::dump_requested(cx.tcx.sess), debug }
}
