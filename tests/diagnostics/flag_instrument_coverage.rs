// The backend inserts no coverage counters: refused instead of a build without coverage.
// compile-flags: -Cinstrument-coverage

fn main() {
    println!("unreachable in a build by rustc_codegen_wasmgc");
}
