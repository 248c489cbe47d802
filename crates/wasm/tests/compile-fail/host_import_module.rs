#[wasm::host_imports]
extern "C" {
    fn ping();
}

fn main() {}
