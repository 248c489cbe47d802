// The MVP CPU has none of the post-MVP features every function of ours uses (memory.copy,
// sign extension, saturating conversions): refused, naming the flag, instead of a module an MVP
// engine rejects.
// compile-flags: -Ctarget-cpu=mvp

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
