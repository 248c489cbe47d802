// bleeding-edge includes atomics, which the backend does not implement: refused, naming the CPU.
// compile-flags: -Ctarget-cpu=bleeding-edge

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
