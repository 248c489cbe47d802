#[wasm::gc]
struct Pointing {
    target: *const u8,
}

fn main() {}
