// A host reference reinterpreted as an integer: wasm_recognition::gc_handle_escape (denied here,
// a warning by default). The lookalike below has the contract's names but is this crate's own
// code: recognition goes by the `wasm` crate's definition paths only, so it is not reported.
// aux-crate: wasm=tests/diagnostics/aux/wasm_contract_v1.rs
// compile-flags: -Cllvm-args=wasm_recognition::gc_handle_escape=deny

mod lookalike {
    pub mod contract {
        pub mod v1 {
            pub struct ExternRef(pub u32);
        }
    }
}

fn main() {
    let host = wasm::contract::v1::externref_null();
    let bits: u32 = unsafe { std::mem::transmute(host) };
    let own = lookalike::contract::v1::ExternRef(7);
    let own_bits: u32 = unsafe { std::mem::transmute(own) };
    println!("{bits} {own_bits}");
}
