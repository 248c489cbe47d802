#[wasm::gc]
struct Meters(f64);

fn main() {}
