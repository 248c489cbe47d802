#[wasm::gc]
struct Fixed<const N: usize> {
    len: u32,
}

fn main() {}
