//! Inline and global assembly: the backend writes wasm itself and has no assembler, so both are
//! a diagnostic at the `asm!` / `global_asm!` span.

use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::traits::{AsmBuilderMethods, AsmCodegenMethods, GlobalAsmOperandRef, InlineAsmOperandRef};
use rustc_middle::ty::Instance;
use rustc_span::Span;

use crate::builder::Builder;
use crate::context::{Bb, CodegenCx};

impl<'a, 'tcx> AsmBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn codegen_inline_asm(
        &mut self,
        _template: &[InlineAsmTemplatePiece],
        _operands: &[InlineAsmOperandRef<'tcx, Self>],
        _options: InlineAsmOptions,
        line_spans: &[Span],
        _instance: Instance<'_>,
        _dest: Option<Bb>,
        _catch_funclet: Option<(Bb, Option<&()>)>,
    ) {
        // Point at the whole `asm!` invocation (the terminator's span), not just its template.
        let span = if self.span.is_dummy() { line_spans.first().copied().unwrap_or(self.span) } else { self.span };
        crate::errors::unsupported(self.cx.tcx, span, "inline assembly (`asm!`)");
    }
}

impl<'tcx> AsmCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn codegen_global_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        _operands: &[GlobalAsmOperandRef<'tcx>],
        _options: InlineAsmOptions,
        line_spans: &[Span],
    ) {
        // std's wasm unwinder defines the exception tag in assembly; our objects define it
        // wherever it is used (eh/), so this object gets it too.
        let text: String = template
            .iter()
            .map(|piece| match piece {
                InlineAsmTemplatePiece::String(text) => text.as_ref(),
                InlineAsmTemplatePiece::Placeholder { .. } => "{}",
            })
            .collect();
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
        if lines == [".globl __cpp_exception", ".tagtype __cpp_exception i32", "__cpp_exception:"] {
            self.exception_tag();
            return;
        }
        let span = line_spans.first().copied().unwrap_or(rustc_span::DUMMY_SP);
        crate::errors::unsupported(self.tcx, span, "global assembly (`global_asm!`)");
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        self.tcx.symbol_name(instance).name.to_owned()
    }
}
