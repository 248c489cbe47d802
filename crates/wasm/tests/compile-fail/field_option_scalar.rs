#[wasm::gc]
struct Maybe {
    value: Option<u32>,
}

fn main() {}
