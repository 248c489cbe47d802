#[wasm::gc]
struct Owner {
    child: Box<u32>,
}

fn main() {}
