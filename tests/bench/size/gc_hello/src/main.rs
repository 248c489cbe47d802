//! Hello world through the `wasm` crate: the greeting lives in a `#[wasm::gc]` object shared by two
//! handles, and is printed with `wasm::host::print` (no `core::fmt`).

use wasm::Gc;

#[wasm::gc]
struct Greeting {
    times: u32,
}

fn main() {
    let greeting = Gc::new(Greeting { times: 0 });
    let alias = greeting.clone();
    alias.set_times(alias.times() + 1);
    // The write through `alias` is seen through `greeting`: one shared object.
    if greeting.times() == 1 {
        wasm::host::print("Hello, world!\n");
    }
}
