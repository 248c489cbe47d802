// A program that uses the `wasm` crate compiled without WasmGC acceleration:
// wasm_recognition::fallback_used, silent by default, denied here.
// aux-crate: wasm=tests/diagnostics/aux/wasm_contract_v1.rs
// compile-flags: -Cllvm-args=wasm-gc=library -Cllvm-args=wasm_recognition::fallback_used=deny

fn main() {
    let host = wasm::contract::v1::externref_null();
    drop(host);
}
