// Atomics would be compiled as plain loads and stores on unshared memory: refused up front,
// whether given directly to rustc or through cargo.
// compile-flags: -Ctarget-feature=+atomics

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
