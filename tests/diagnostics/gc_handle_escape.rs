// A host reference reinterpreted as an integer, by a transmute, a pointer cast and a union:
// wasm_recognition::gc_handle_escape (denied here, a warning by default). The lookalike below has
// the contract's names but is this crate's own code: recognition goes by the `wasm` crate's
// definition paths only, so it is not reported.
// aux-crate: wasm=tests/diagnostics/aux/wasm_contract_v1.rs
// compile-flags: -Cllvm-args=wasm_recognition::gc_handle_escape=deny

use std::mem::ManuallyDrop;

mod lookalike {
    pub mod contract {
        pub mod v1 {
            pub struct ExternRef(pub u32);
        }
    }
}

union Overlay {
    host: ManuallyDrop<wasm::contract::v1::ExternRef>,
    bits: u32,
}

fn main() {
    let host = wasm::contract::v1::externref_null();
    let through_pointer = unsafe { *(&host as *const wasm::contract::v1::ExternRef as *const u32) };
    let bits: u32 = unsafe { std::mem::transmute(host) };
    let overlay = Overlay { bits: 0 };
    let overlaid = unsafe { overlay.bits };
    let own = lookalike::contract::v1::ExternRef(7);
    let own_bits: u32 = unsafe { std::mem::transmute(own) };
    let own_field = unsafe { (*(&own_bits as *const u32 as *const lookalike::contract::v1::ExternRef)).0 };
    println!("{bits} {through_pointer} {overlaid} {own_bits} {own_field}");
}
