// The backend writes wasm itself and has no assembler, so inline assembly must be rejected with
// an error at the `asm!` invocation (not an internal compiler error, not a silent miscompile).
// Wasm inline assembly is behind a feature gate; with it the program reaches codegen, and
// rustc + LLVM compile it.
#![feature(asm_experimental_arch)]

use std::arch::asm;

fn main() {
    unsafe {
        asm!("nop");
    }
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
