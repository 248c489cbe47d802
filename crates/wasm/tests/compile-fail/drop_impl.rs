#[wasm::gc]
struct Resource {
    id: u32,
}

impl Drop for Resource {
    fn drop(&mut self) {}
}

fn main() {}
