#[wasm::gc]
struct Big {
    value: u128,
}

fn main() {}
