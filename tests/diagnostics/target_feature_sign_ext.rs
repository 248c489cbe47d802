// Turning sign extension off would leave `i32.extend8_s` and friends in the module anyway:
// refused, naming the flag.
// compile-flags: -Ctarget-feature=-sign-ext

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
