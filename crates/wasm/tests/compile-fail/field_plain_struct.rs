struct Point {
    x: f64,
    y: f64,
}

#[wasm::gc]
struct Shape {
    corner: Point,
}

fn main() {}
