//! The per-codegen-unit context: symbol tables, interned types and values, and the rustc glue traits.

use std::cell::RefCell;

use rustc_abi::{HasDataLayout, TargetDataLayout};
use rustc_codegen_ssa::traits::{BackendTypes, MiscCodegenMethods, PreDefineCodegenMethods};
use rustc_data_structures::fx::FxHashMap;
use rustc_hir::attrs::Linkage;
use rustc_hir::def_id::DefId;
use rustc_middle::mono::CodegenUnit;
use rustc_middle::mono::Visibility;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, ExistentialTraitRef, Instance, Ty, TyCtxt};
use rustc_session::Session;
use rustc_span::Span;
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};

use crate::emit::object::{DataReloc, SYM_BINDING_LOCAL, SYM_BINDING_WEAK, SYM_VISIBILITY_HIDDEN};
use crate::function::FunctionCx;
use crate::gc::typed_locals::state::{SlotCallee, Slots};
use crate::ir::Body;
use crate::types::{FnSig, FnSigData, Type, TypeKind, TypeTable};
use crate::value::{DataId, FnId, Value, ValueData};

/// A basic block of a function under construction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bb {
    pub(crate) func: FnId,
    pub(crate) idx: u32,
}

pub(crate) struct FuncDecl {
    pub(crate) name: String,
    pub(crate) sig: FnSig,
    pub(crate) flags: u32,
    pub(crate) import: Option<(String, String)>,
    pub(crate) body: Option<Body>,
    /// The C ABI asks for the (narrow) return value to be sign-extended.
    pub(crate) ret_sext: bool,
}

pub(crate) struct DataDecl {
    pub(crate) name: String,
    pub(crate) flags: u32,
    pub(crate) def: Option<crate::emit::object::DataDef>,
}

/// The bytes of an anonymous constant and its relocations: the key of constant dedup.
pub(crate) type ConstContents = (Vec<u8>, Vec<DataReloc>);

pub(crate) struct CodegenCx<'tcx> {
    pub(crate) tcx: TyCtxt<'tcx>,
    pub(crate) cgu: &'tcx CodegenUnit<'tcx>,
    pub(crate) types: RefCell<TypeTable>,
    pub(crate) values: RefCell<Vec<ValueData>>,
    pub(crate) funcs: RefCell<Vec<FuncDecl>>,
    pub(crate) func_by_name: RefCell<FxHashMap<String, FnId>>,
    pub(crate) datas: RefCell<Vec<DataDecl>>,
    pub(crate) data_by_name: RefCell<FxHashMap<String, DataId>>,
    /// Immutable anonymous constants by contents, so equal constants share one address as
    /// under LLVM (alloc's `Waker::will_wake` compares promoted vtable addresses).
    pub(crate) const_datas: RefCell<FxHashMap<ConstContents, DataId>>,
    pub(crate) vtables: RefCell<FxHashMap<(Ty<'tcx>, Option<ExistentialTraitRef<'tcx>>), Value>>,
    pub(crate) anon_counter: std::cell::Cell<u32>,
    /// Calls of contract operations become `wasmgc` imports (`-Cllvm-args=wasm-gc=accelerate`).
    pub(crate) gc_accelerate: bool,
    /// Accelerated handle locals may become typed locals (gc/typed_locals/).
    pub(crate) gc_typed_locals: bool,
    /// The records of this object's `wasmgc` section (gc/contract/describe.rs).
    pub(crate) gc_records: RefCell<std::collections::BTreeSet<String>>,
    /// `#[link_section = "NAME"]` statics: custom sections of this object (name, bytes).
    pub(crate) custom_sections: RefCell<Vec<(String, Vec<u8>)>>,
    /// Constructors from `.init_array` statics: (priority, function).
    pub(crate) init_funcs: RefCell<Vec<(u32, FnId)>>,
    /// The GC types already recorded, by key.
    pub(crate) gc_keys: RefCell<rustc_data_structures::fx::FxHashSet<String>>,
    pub(crate) t_void: Type,
    pub(crate) t_i1: Type,
    pub(crate) t_i8: Type,
    pub(crate) t_i16: Type,
    pub(crate) t_i32: Type,
    pub(crate) t_i64: Type,
    pub(crate) t_i128: Type,
    pub(crate) t_f32: Type,
    pub(crate) t_f64: Type,
    pub(crate) t_ptr: Type,
    pub(crate) t_externref: Type,
    /// What calls of a function do with handle slots passed to them (gc/typed_locals/), by callee.
    pub(crate) slot_callees: RefCell<FxHashMap<FnId, Option<SlotCallee>>>,
    /// The function being generated.
    pub(crate) function: RefCell<Option<FunctionCx>>,
    /// The unit's DWARF, when `-Cdebuginfo` asks for it.
    pub(crate) debug: RefCell<Option<crate::debuginfo::unit::DebugUnit>>,
    /// The types the unit's DWARF describes (`-Cdebuginfo=2`).
    pub(crate) debug_types: RefCell<crate::debuginfo::types::DebugTypes<'tcx>>,
    /// The type of the exception tag, once the unit throws or catches (eh/).
    pub(crate) exception_tag: std::cell::Cell<Option<FnSig>>,
}

impl<'tcx> CodegenCx<'tcx> {
    pub(crate) fn new(tcx: TyCtxt<'tcx>, cgu: &'tcx CodegenUnit<'tcx>) -> Self {
        let mut types = TypeTable::default();
        let mut t = |k| types.intern(k);
        let (t_void, t_i1, t_i8, t_i16, t_i32, t_i64, t_i128) = (
            t(TypeKind::Void),
            t(TypeKind::Int(1)),
            t(TypeKind::Int(8)),
            t(TypeKind::Int(16)),
            t(TypeKind::Int(32)),
            t(TypeKind::Int(64)),
            t(TypeKind::Int(128)),
        );
        let (t_f32, t_f64, t_ptr) = (t(TypeKind::F32), t(TypeKind::F64), t(TypeKind::Ptr));
        let t_externref = t(TypeKind::ExternRef);
        CodegenCx {
            tcx,
            cgu,
            types: RefCell::new(types),
            values: RefCell::new(Vec::new()),
            funcs: RefCell::new(Vec::new()),
            func_by_name: RefCell::new(FxHashMap::default()),
            datas: RefCell::new(Vec::new()),
            data_by_name: RefCell::new(FxHashMap::default()),
            const_datas: RefCell::new(FxHashMap::default()),
            vtables: RefCell::new(FxHashMap::default()),
            anon_counter: std::cell::Cell::new(0),
            gc_accelerate: crate::config::accelerate_requested(tcx.sess),
            gc_typed_locals: crate::config::typed_locals_requested(tcx.sess),
            gc_records: RefCell::new(Default::default()),
            custom_sections: RefCell::new(Vec::new()),
            init_funcs: RefCell::new(Vec::new()),
            gc_keys: RefCell::new(Default::default()),
            t_void,
            t_i1,
            t_i8,
            t_i16,
            t_i32,
            t_i64,
            t_i128,
            t_f32,
            t_f64,
            t_ptr,
            t_externref,
            slot_callees: RefCell::new(FxHashMap::default()),
            function: RefCell::new(None),
            debug: RefCell::new(crate::debuginfo::unit::DebugUnit::new(tcx, cgu.name().as_str())),
            debug_types: RefCell::new(Default::default()),
            exception_tag: std::cell::Cell::new(None),
        }
    }

    pub(crate) fn value(&self, data: ValueData) -> Value {
        let mut values = self.values.borrow_mut();
        values.push(data);
        Value(values.len() as u32 - 1)
    }

    pub(crate) fn value_data(&self, v: Value) -> ValueData {
        self.values.borrow()[v.0 as usize].clone()
    }

    pub(crate) fn intern(&self, kind: TypeKind) -> Type {
        self.types.borrow_mut().intern(kind)
    }

    pub(crate) fn sig(&self, params: Vec<Type>, ret: Type) -> FnSig {
        self.types.borrow_mut().sig(FnSigData { params, ret })
    }

    /// Declares (or finds) a function symbol by name.
    pub(crate) fn declare_fn(&self, name: &str, sig: FnSig, import: Option<(String, String)>) -> FnId {
        if let Some(&f) = self.func_by_name.borrow().get(name) {
            return f;
        }
        let mut funcs = self.funcs.borrow_mut();
        let id = FnId(funcs.len() as u32);
        funcs.push(FuncDecl { name: name.to_owned(), sig, flags: 0, import, body: None, ret_sext: false });
        self.func_by_name.borrow_mut().insert(name.to_owned(), id);
        id
    }

    pub(crate) fn fn_sig(&self, f: FnId) -> FnSig {
        self.funcs.borrow()[f.0 as usize].sig
    }

    /// Whether two signatures lower to different wasm function types.
    pub(crate) fn wasm_sigs_differ(&self, a: FnSig, b: FnSig) -> bool {
        let types = self.types.borrow();
        let (a, b) = (types.wasm_sig(a), types.wasm_sig(b));
        a.params != b.params || a.results != b.results
    }

    /// Marks a declared function as defined: it gets a body.
    pub(crate) fn start_body(&self, f: FnId) {
        let n_params = self.n_params(f);
        let mut funcs = self.funcs.borrow_mut();
        if funcs[f.0 as usize].body.is_none() {
            funcs[f.0 as usize].body = Some(Body::new(n_params));
        }
    }

    fn n_params(&self, f: FnId) -> u32 {
        let sig = self.fn_sig(f);
        self.types.borrow().wasm_sig(sig).params.len() as u32
    }

    /// Runs `g` on function `f`'s state, making `f` the function being generated first (the
    /// previous one's body goes back to its declaration).
    pub(crate) fn with_function<R>(&self, f: FnId, g: impl FnOnce(&mut FunctionCx) -> R) -> R {
        let mut current = self.function.borrow_mut();
        if current.as_ref().is_none_or(|fcx| fcx.func != f) {
            self.store_function(current.take());
            let body = self.funcs.borrow_mut()[f.0 as usize].body.take();
            let mut fcx = FunctionCx::new(f, self.n_params(f), Slots::Off);
            if let Some(body) = body {
                fcx.body = body;
            }
            *current = Some(fcx);
        }
        g(current.as_mut().expect("a function being generated"))
    }

    /// Starts generating `f` afresh (an empty body) with this typed-locals state.
    pub(crate) fn begin_function(&self, f: FnId, slots: Slots) {
        let previous = self.function.replace(Some(FunctionCx::new(f, self.n_params(f), slots)));
        self.store_function(previous);
    }

    /// Ends the function being generated: its body goes to its declaration, its state is returned.
    pub(crate) fn end_function(&self) -> Option<Slots> {
        let FunctionCx { func, body, slots, .. } = self.function.take()?;
        self.funcs.borrow_mut()[func.0 as usize].body = Some(body);
        Some(slots)
    }

    fn store_function(&self, fcx: Option<FunctionCx>) {
        if let Some(fcx) = fcx {
            self.funcs.borrow_mut()[fcx.func.0 as usize].body = Some(fcx.body);
        }
    }

    pub(crate) fn declare_data(&self, name: &str) -> DataId {
        if let Some(&d) = self.data_by_name.borrow().get(name) {
            return d;
        }
        let mut datas = self.datas.borrow_mut();
        let id = DataId(datas.len() as u32);
        datas.push(DataDecl { name: name.to_owned(), flags: 0, def: None });
        self.data_by_name.borrow_mut().insert(name.to_owned(), id);
        id
    }

    pub(crate) fn anon_name(&self, prefix: &str) -> String {
        let n = self.anon_counter.get();
        self.anon_counter.set(n + 1);
        format!("{prefix}.{}.{n}", self.cgu.name())
    }

    pub(crate) fn symbol_flags(linkage: Linkage, visibility: Visibility) -> u32 {
        let mut flags = 0;
        match linkage {
            Linkage::Internal => flags |= SYM_BINDING_LOCAL,
            Linkage::WeakAny | Linkage::WeakODR | Linkage::LinkOnceAny | Linkage::LinkOnceODR => {
                flags |= SYM_BINDING_WEAK
            }
            _ => {}
        }
        if visibility == Visibility::Hidden {
            flags |= SYM_VISIBILITY_HIDDEN;
        }
        flags
    }

    /// The wasm import module and field for a foreign function, if it names one.
    pub(crate) fn wasm_import(&self, instance: Instance<'tcx>) -> Option<(String, String)> {
        let def_id = instance.def_id();
        let module = self.tcx.wasm_import_module_map(def_id.krate).get(&def_id)?.clone();
        let attrs = self.tcx.codegen_fn_attrs(def_id);
        let name = attrs.symbol_name.unwrap_or_else(|| self.tcx.item_name(def_id));
        Some((module, name.as_str().to_owned()))
    }
}

impl<'tcx> BackendTypes for CodegenCx<'tcx> {
    type Function = FnId;
    type BasicBlock = Bb;
    type Funclet = ();
    type Value = Value;
    type Type = Type;
    type FunctionSignature = FnSig;
    /// A MIR source scope of a function: its lexical block in the debug info.
    type DIScope = crate::debuginfo::Scope;
    /// The source scope of the code being built (the span travels separately, `set_span`).
    type DILocation = u32;
    /// A variable's DIE, if the unit writes variables.
    type DIVariable = Option<gimli::write::UnitEntryId>;
}

impl<'tcx> MiscCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn vtables(&self) -> &RefCell<FxHashMap<(Ty<'tcx>, Option<ExistentialTraitRef<'tcx>>), Value>> {
        &self.vtables
    }

    fn get_fn(&self, instance: Instance<'tcx>) -> FnId {
        let name = self.tcx.symbol_name(instance).name;
        if let Some(&f) = self.func_by_name.borrow().get(name) {
            return f;
        }
        let fn_abi = rustc_middle::ty::layout::FnAbiOf::fn_abi_of_instance(self, instance, ty::List::empty());
        let sig = self.fn_abi_sig(fn_abi);
        let import = if self.tcx.is_foreign_item(instance.def_id()) { self.wasm_import(instance) } else { None };
        if let Some((module, field)) = &import {
            self.describe_host_import(fn_abi, module, field);
        }
        self.declare_fn(name, sig, import)
    }

    fn get_fn_addr(&self, instance: Instance<'tcx>) -> Value {
        // Calls (not definitions, which go through `get_fn`) of accelerated contract operations.
        if let Some(intrinsic) = self.contract_intrinsic(instance) {
            self.note_slot_callee(instance, intrinsic);
            return self.value(ValueData::FnAddr(intrinsic));
        }
        let f = self.get_fn(instance);
        self.note_slot_callee(instance, f);
        self.value(ValueData::FnAddr(f))
    }

    fn eh_personality(&self) -> FnId {
        let sig = self.sig(vec![], self.t_i32);
        self.declare_fn("rust_eh_personality", sig, None)
    }

    fn sess(&self) -> &Session {
        self.tcx.sess
    }

    fn set_frame_pointer_type(&self, _llfn: FnId) {}

    fn apply_target_cpu_attr(&self, _llfn: FnId) {}

    fn declare_c_main(&self, fn_type: FnSig) -> Option<FnId> {
        let entry = self.tcx.sess.target.entry_name.as_ref();
        if self.func_by_name.borrow().contains_key(entry) {
            return None;
        }
        let f = self.declare_fn(entry, fn_type, None);
        self.start_body(f);
        Some(f)
    }
}

impl<'tcx> PreDefineCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn predefine_static(&mut self, def_id: DefId, linkage: Linkage, visibility: Visibility, symbol_name: &str) {
        let _ = def_id;
        let d = self.declare_data(symbol_name);
        self.datas.borrow_mut()[d.0 as usize].flags = Self::symbol_flags(linkage, visibility);
    }

    fn predefine_fn(&mut self, instance: Instance<'tcx>, linkage: Linkage, visibility: Visibility, symbol_name: &str) {
        let fn_abi = rustc_middle::ty::layout::FnAbiOf::fn_abi_of_instance(&*self, instance, ty::List::empty());
        let sig = self.fn_abi_sig(fn_abi);
        let f = self.declare_fn(symbol_name, sig, None);
        {
            let mut funcs = self.funcs.borrow_mut();
            funcs[f.0 as usize].flags = Self::symbol_flags(linkage, visibility);
            funcs[f.0 as usize].ret_sext = matches!(&fn_abi.ret.mode,
                rustc_target::callconv::PassMode::Direct(a) if a.arg_ext == rustc_target::callconv::ArgExtension::Sext);
        }
        self.start_body(f);
    }
}

impl<'tcx> HasTyCtxt<'tcx> for CodegenCx<'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.tcx
    }
}

impl HasDataLayout for CodegenCx<'_> {
    fn data_layout(&self) -> &TargetDataLayout {
        &self.tcx.data_layout
    }
}

impl HasTargetSpec for CodegenCx<'_> {
    fn target_spec(&self) -> &Target {
        &self.tcx.sess.target
    }
}

impl HasX86AbiOpt for CodegenCx<'_> {
    fn x86_abi_opt(&self) -> X86Abi {
        X86Abi { regparm: None, reg_struct_return: false }
    }
}

impl<'tcx> HasTypingEnv<'tcx> for CodegenCx<'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        ty::TypingEnv::fully_monomorphized()
    }
}

impl<'tcx> LayoutOfHelpers<'tcx> for CodegenCx<'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.tcx.dcx().span_fatal(span, format!("failed to get layout for `{ty}`: {err}"))
    }
}

impl<'tcx> FnAbiOfHelpers<'tcx> for CodegenCx<'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.tcx.dcx().span_fatal(span, format!("failed to compute the ABI of {req:?}: {err:?}"))
    }
}
