// No link-time optimization in the dev backend: refused however it is spelled (see flag_lto).
// compile-flags: -Clto=thin

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
