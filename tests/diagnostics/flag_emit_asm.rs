// The backend writes wasm objects, no assembly: `--emit=asm` is refused instead of writing nothing.
// compile-flags: --emit=asm,link

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
