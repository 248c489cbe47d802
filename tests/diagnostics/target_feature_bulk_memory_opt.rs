// `-bulk-memory` alone keeps `memory.copy`/`memory.fill` (LLVM's `bulk-memory-opt` stays on, as
// with LLVM); turning `bulk-memory-opt` off is refused.
// compile-flags: -Ctarget-feature=-bulk-memory-opt

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
