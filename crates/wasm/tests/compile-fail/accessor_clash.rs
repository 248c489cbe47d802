#[wasm::gc]
struct Config {
    width: u32,
    set_width: bool,
}

fn main() {}
