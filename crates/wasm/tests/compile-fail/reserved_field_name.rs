#[wasm::gc]
struct Sheep {
    clone: u32,
}

fn main() {}
