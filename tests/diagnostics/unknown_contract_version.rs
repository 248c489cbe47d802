// A `wasm` crate whose contract version the backend does not know: the whole group is denied, so
// the warning it gives by default becomes an error.
// aux-crate: wasm=tests/diagnostics/aux/wasm_contract_v9.rs
// compile-flags: -Cllvm-args=wasm-recognition=deny

fn main() {
    println!("{}", wasm::answer());
}
