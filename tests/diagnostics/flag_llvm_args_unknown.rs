// rustc passes `-Cllvm-args` to the codegen backend; this one has no LLVM, so a value it does not
// know (here a typo of `wasm-gc-typed-locals`) is an error listing its options, not ignored.
// compile-flags: -Cllvm-args=wasm-gc-typed-local=off

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
