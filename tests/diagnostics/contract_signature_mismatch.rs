// A `wasm` crate whose contract v1 operations do not have the contract's signatures:
// wasm_recognition::contract_signature_mismatch (a warning by default, denied here).
// aux-crate: wasm=tests/diagnostics/aux/wasm_contract_v1_mismatch.rs
// compile-flags: -Cllvm-args=wasm_recognition::contract_signature_mismatch=deny

fn main() {
    println!("{}", wasm::contract::v1::externref_null());
}
