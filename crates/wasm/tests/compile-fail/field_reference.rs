#[wasm::gc]
struct Borrowing {
    value: &'static u32,
}

fn main() {}
