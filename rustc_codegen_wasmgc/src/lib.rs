//! rustc_codegen_wasmgc: a rustc codegen backend that lowers MIR straight to WebAssembly.
//!
//! Loaded with `-Zcodegen-backend=librustc_codegen_wasmgc.so`. It implements the
//! `rustc_codegen_ssa` traits, writes relocatable wasm objects that rust-lld links with
//! LLVM-built code, and validates every module it produces.

#![feature(rustc_private, f16, f128)]
#![allow(clippy::too_many_arguments)]

extern crate rustc_abi;
extern crate rustc_ast;
extern crate rustc_codegen_ssa;
extern crate rustc_data_structures;
extern crate rustc_errors;
extern crate rustc_hir;
extern crate rustc_index;
extern crate rustc_metadata;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;
extern crate rustc_symbol_mangling;
extern crate rustc_target;

// Links the compiler's own copy of std and the rustc crates into this dylib.
extern crate rustc_driver;

mod abi;
mod allocator;
mod asm;
mod builder;
mod config;
mod consts;
mod context;
mod debuginfo;
mod driver;
mod eh;
mod emit;
mod errors;
mod function;
mod gc;
mod intrinsics;
mod ir;
mod passes;
mod type_of;
mod types;
mod value;

use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_ast::expand::allocator::AllocatorMethod;
use rustc_codegen_ssa::back::lto::ThinModule;
use rustc_codegen_ssa::back::write::{
    CodegenContext, FatLtoInput, ModuleConfig, SharedEmitter, TargetMachineFactoryFn, ThinLtoInput,
};
use rustc_codegen_ssa::traits::{CodegenBackend, ExtraBackendMethods, ModuleBufferMethods, WriteBackendMethods};
use rustc_codegen_ssa::{CompiledModule, CompiledModules, CrateInfo, ModuleCodegen, TargetConfig};
use rustc_data_structures::fx::FxIndexMap;
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::DiagCtxtHandle;
use rustc_metadata::EncodedMetadata;
use rustc_middle::dep_graph::{WorkProduct, WorkProductId};
use rustc_middle::ty::TyCtxt;
use rustc_session::Session;
use rustc_session::config::{CrateType, OptLevel, OutputFilenames};
use rustc_span::Symbol;

/// One codegen unit as it leaves the thread that holds the type context: functions still in
/// blocks, their types, data. A worker thread turns it into a relocatable wasm object.
pub struct WasmModule {
    object: emit::object::ObjectModule,
    types: types::TypeTable,
    /// `-Cllvm-args=wasm-dump=SUBSTR`: the functions whose instruction lists are printed.
    dump: Option<String>,
    /// The unit's DWARF, finished with the code's offsets when the object is written.
    debug: Option<debuginfo::unit::DebugUnit>,
}

impl WasmModule {
    /// Structures, encodes and writes the object (each function's code is consumed).
    fn write_object(&mut self) -> Vec<u8> {
        emit::object::write_object(&mut self.object, &self.types, self.dump.as_deref(), self.debug.take())
    }
}

pub struct ModuleBuffer(Vec<u8>);

impl ModuleBufferMethods for ModuleBuffer {
    fn data(&self) -> &[u8] {
        &self.0
    }
}

#[derive(Clone)]
pub struct WasmGcBackend;

impl CodegenBackend for WasmGcBackend {
    fn name(&self) -> &'static str {
        "wasmgc"
    }

    fn init(&self, sess: &Session) {
        if !sess.target.is_like_wasm || sess.target.pointer_width != 32 {
            sess.dcx().fatal(format!(
                "rustc_codegen_wasmgc only targets wasm32, not `{}`; pass `--target wasm32-wasip1`",
                sess.target.llvm_target
            ));
        }
        let features = driver::target_features::Features::of(sess).and_then(|features| features.check());
        for message in features
            .err()
            .into_iter()
            .chain(driver::unsupported_flags::check(sess))
            .chain(config::unknown_options(sess))
        {
            for line in message.lines() {
                sess.dcx().err(line.to_owned());
            }
        }
        sess.dcx().abort_if_errors();
    }

    fn target_config(&self, sess: &Session) -> TargetConfig {
        // `init` has refused a CPU it does not know, so the base features exist here.
        let base = driver::target_features::Features::base(sess).ok();
        let (unstable, stable) = rustc_codegen_ssa::target_features::cfg_target_feature::<1>(
            sess,
            |f| smallvec_of(f),
            |f| base.as_ref().is_some_and(|base| base.has(f)),
        );
        TargetConfig {
            target_features: stable,
            unstable_target_features: unstable,
            has_reliable_f16: true,
            has_reliable_f16_math: true,
            has_reliable_f128: true,
            has_reliable_f128_math: false,
        }
    }

    fn thin_lto_supported(&self) -> bool {
        false
    }

    fn target_cpu(&self, sess: &Session) -> String {
        sess.opts.cg.target_cpu.clone().unwrap_or_else(|| sess.target.cpu.to_string())
    }

    fn codegen_crate(&self, tcx: TyCtxt<'_>) -> Box<dyn Any> {
        gc::contract::verify_wasm_invariants(tcx);
        Box::new(rustc_codegen_ssa::base::codegen_crate(self.clone(), tcx))
    }

    fn join_codegen(
        &self,
        ongoing: Box<dyn Any>,
        sess: &Session,
        _outputs: &OutputFilenames,
        crate_info: &CrateInfo,
    ) -> (CompiledModules, FxIndexMap<WorkProductId, WorkProduct>) {
        ongoing
            .downcast::<rustc_codegen_ssa::back::write::OngoingCodegen<WasmGcBackend>>()
            .expect("OngoingCodegen of this backend")
            .join(sess, crate_info)
    }

    fn link(
        &self,
        sess: &Session,
        compiled_modules: CompiledModules,
        crate_info: CrateInfo,
        metadata: EncodedMetadata,
        outputs: &OutputFilenames,
    ) {
        let crate_types = crate_info.crate_types.clone();
        let crate_name = crate_info.local_crate_name;
        rustc_codegen_ssa::back::link::link_binary(
            sess,
            &rustc_codegen_ssa::back::archive::ArArchiveBuilderBuilder,
            compiled_modules,
            crate_info,
            metadata,
            outputs,
            self.name(),
        );
        for crate_type in crate_types {
            if matches!(crate_type, CrateType::Executable | CrateType::Cdylib) {
                let out = rustc_session::output::out_filename(sess, crate_type, outputs, crate_name);
                if let rustc_session::config::OutFileName::Real(path) = out {
                    driver::post_link::post_link(sess, &path);
                }
            }
        }
    }
}

fn smallvec_of(f: &str) -> rustc_data_structures::smallvec::SmallVec<[&str; 1]> {
    rustc_data_structures::smallvec::smallvec![f]
}

impl ExtraBackendMethods for WasmGcBackend {
    fn codegen_allocator<'tcx>(
        &self,
        tcx: TyCtxt<'tcx>,
        _module_name: &str,
        methods: &[AllocatorMethod],
    ) -> WasmModule {
        allocator::codegen(tcx, methods)
    }

    fn compile_codegen_unit(&self, tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<WasmModule>, u64) {
        driver::cgu::compile_codegen_unit(tcx, cgu_name)
    }
}

impl WriteBackendMethods for WasmGcBackend {
    type Module = WasmModule;
    type TargetMachine = ();
    type ModuleBuffer = ModuleBuffer;
    type ThinData = ();

    fn target_machine_factory(
        &self,
        _sess: &Session,
        _opt_level: OptLevel,
        _features: &[String],
    ) -> TargetMachineFactoryFn<Self> {
        Arc::new(|_, _| ())
    }

    fn optimize_and_codegen_fat_lto(
        sess: &Session,
        _cgcx: &CodegenContext,
        _shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<FatLtoInput<Self>>,
    ) -> CompiledModule {
        sess.dcx().fatal("LTO is not supported by rustc_codegen_wasmgc; use the release path for LTO")
    }

    fn run_thin_lto(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        dcx: DiagCtxtHandle<'_>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<ThinLtoInput<Self>>,
    ) -> (Vec<ThinModule<Self>>, Vec<WorkProduct>) {
        dcx.fatal("LTO is not supported by rustc_codegen_wasmgc")
    }

    fn optimize(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        _shared_emitter: &SharedEmitter,
        _module: &mut ModuleCodegen<WasmModule>,
        _config: &ModuleConfig,
    ) {
    }

    fn optimize_and_codegen_thin(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        _shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _thin: ThinModule<Self>,
    ) -> CompiledModule {
        unreachable!("thin LTO is disabled for this backend")
    }

    /// The per-CGU work that needs no type context, on rustc's codegen worker threads.
    fn codegen(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: ModuleCodegen<WasmModule>,
        config: &ModuleConfig,
    ) -> CompiledModule {
        driver::write::codegen(cgcx, prof, shared_emitter, module, config)
    }

    fn serialize_module(mut module: WasmModule, _is_thin: bool) -> ModuleBuffer {
        ModuleBuffer(module.write_object())
    }
}

/// Entry point of the dylib, looked up by rustc's `-Zcodegen-backend`.
#[unsafe(no_mangle)]
pub fn __rustc_codegen_backend() -> Box<dyn CodegenBackend> {
    Box::new(WasmGcBackend)
}
