// Saturating float-to-int conversions are how `as` casts are written: turning them off is
// refused, naming the flag (the other feature in the list is fine).
// compile-flags: -Ctarget-feature=+simd128,-nontrapping-fptoint

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
