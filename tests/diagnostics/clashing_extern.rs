// One symbol declared with two wasm types (clashing `extern` declarations; rustc only warns):
// a wasm function has one type, so the call through the second declaration is an error at that
// call, not a mistyped call. (In different codegen units, wasm-ld replaces the mismatched
// import with a trapping stub and warns, as it does for LLVM's objects.)
// compile-flags: -Ccodegen-units=1

#[unsafe(no_mangle)]
pub extern "C" fn wasmrust_clash(x: i32) -> i32 {
    x + 1
}

mod wide {
    unsafe extern "C" {
        #[link_name = "wasmrust_clash"]
        pub fn clash_wide(x: i64) -> i64;
    }
}

fn main() {
    println!("{}", wasmrust_clash(1));
    println!("{}", unsafe { wide::clash_wide(2) });
}
