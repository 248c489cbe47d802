// An unknown CPU is an error naming it, not silently the generic CPU.
// compile-flags: -Ctarget-cpu=native

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
