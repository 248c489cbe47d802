#[wasm::gc]
struct Segment {
    ends: (i32, i32),
}

fn main() {}
