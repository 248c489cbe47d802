#[wasm::gc]
struct Bag {
    items: Vec<u32>,
}

fn main() {}
