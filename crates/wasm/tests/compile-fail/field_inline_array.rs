#[wasm::gc]
struct Matrix {
    cells: [f64; 4],
}

fn main() {}
