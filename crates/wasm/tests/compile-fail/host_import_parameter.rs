#[wasm::host_imports(module = "wasm_host")]
extern "C" {
    fn log(message: String);
}

fn main() {}
