//! The worker-thread side of a codegen unit: from the `WasmModule` that left the `tcx` thread
//! to a validated object file on disk.

use rustc_codegen_ssa::back::write::{CodegenContext, EmitObj, ModuleConfig, SharedEmitter};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_session::config::OutputType;

use crate::WasmModule;

/// The per-CGU work that needs no type context, on rustc's codegen worker threads:
/// structuring, stackifying, encoding, writing and validating the object.
pub(crate) fn codegen(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    mut module: ModuleCodegen<WasmModule>,
    config: &ModuleConfig,
) -> CompiledModule {
    let _timer = prof.generic_activity_with_arg("wasmgc_write_object", &*module.name);
    let bytes = module.module_llvm.write_object();
    let fatal = |message: String| -> ! {
        let dcx = rustc_errors::DiagCtxt::new(Box::new(shared_emitter.clone()));
        dcx.handle().fatal(message)
    };
    if let Err(e) = crate::emit::validate::validate(&bytes) {
        // WASMGC_DUMP_INVALID=dir keeps the rejected object for inspection with wasm-tools.
        if let Some(dir) = std::env::var_os("WASMGC_DUMP_INVALID") {
            let _ = std::fs::write(std::path::Path::new(&dir).join(format!("{}.o", module.name)), &bytes);
        }
        fatal(format!(
            "rustc_codegen_wasmgc produced an invalid object for `{}`: {e} (this is a bug in the backend)",
            module.name
        ));
    }
    if config.emit_obj != EmitObj::None {
        let path = cgcx.output_filenames.temp_path_for_cgu(OutputType::Object, &module.name);
        if let Err(e) = std::fs::write(&path, &bytes) {
            fatal(format!("cannot write the object file {}: {e}", path.display()));
        }
    }
    module.into_compiled_module(config.emit_obj != EmitObj::None, false, false, false, false, &cgcx.output_filenames)
}
