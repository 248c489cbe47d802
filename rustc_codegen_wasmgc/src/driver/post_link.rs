//! After the linker (rust-lld, or wasm-component-ld for components): the WasmGC lowering of
//! accelerated contract operations and the validation of the result (main thread, from
//! `CodegenBackend::link`).

use rustc_session::Session;

/// Lowers accelerated contract operations to WasmGC, then validates the linked module; a module
/// that does not validate is never left behind.
pub(crate) fn post_link(sess: &Session, path: &std::path::Path) {
    let Ok(mut bytes) = std::fs::read(path) else { return };
    // A component (wasm32-wasip2) holds no contract operation: acceleration is refused for it
    // (config::accelerate_requested), so only validation applies.
    let lowering = if wasmparser::Parser::is_component(&bytes) { Ok(None) } else { wasm_gc_lower::lower(&bytes) };
    match lowering {
        Ok(None) => {}
        Ok(Some(lowered)) => {
            let calls = lowered.calls;
            sess.dcx().note(format!(
                "WasmGC: {} contract operations lowered ({} struct and {} array types); {} of their {} call sites \
                 avoid the root table (the handle is a typed local: docs/wasmgc-lowering.md section 4)",
                lowered.operations,
                lowered.struct_types,
                lowered.array_types,
                calls.typed_local,
                calls.typed_local + calls.rooted
            ));
            if lowered.debug_sections_dropped > 0 {
                sess.dcx().warn(format!(
                    "`{}` carries no debug info: the WasmGC lowering moves code, and its DWARF ({} sections) \
                     would describe the old offsets",
                    path.display(),
                    lowered.debug_sections_dropped
                ));
            }
            bytes = lowered.bytes;
            if let Err(e) = std::fs::write(path, &bytes) {
                sess.dcx().fatal(format!("cannot write `{}`: {e}", path.display()));
            }
        }
        Err(e) => {
            let _ = std::fs::remove_file(path);
            sess.dcx().fatal(format!("the WasmGC lowering of `{}` failed: {e}", path.display()));
        }
    }
    if let Err(e) = crate::emit::validate::validate_linked(&bytes) {
        let _ = std::fs::remove_file(path);
        sess.dcx().fatal(format!(
            "the linked module `{}` does not validate: {e} (this is a bug in rustc_codegen_wasmgc)",
            path.display()
        ));
    }
}
