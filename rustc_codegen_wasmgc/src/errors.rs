//! Diagnostics for constructs the backend does not support yet: an error with a span, never a crash.

use rustc_middle::ty::TyCtxt;
use rustc_span::Span;

/// Reports that `what` is not supported; compilation then stops before any object is written.
pub(crate) fn unsupported(tcx: TyCtxt<'_>, span: Span, what: &str) {
    tcx.dcx()
        .struct_span_err(span, format!("{what} is not supported by rustc_codegen_wasmgc yet"))
        .with_note("compile this crate with the LLVM backend (`cargo wasm build --release`) until it is")
        .emit();
}
