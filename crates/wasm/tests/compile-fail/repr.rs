#[wasm::gc]
#[repr(C)]
struct Header {
    tag: u32,
}

fn main() {}
