#[wasm::gc]
struct Node {
    label: wasm::Gc<String>,
}

fn main() {}
