#[wasm::gc]
enum Shape {
    Circle,
    Square,
}

fn main() {}
