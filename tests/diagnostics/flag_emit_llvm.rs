// There is no LLVM IR or bitcode in the dev path: refused, each kind named.
// compile-flags: --emit=llvm-ir,llvm-bc,link

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
