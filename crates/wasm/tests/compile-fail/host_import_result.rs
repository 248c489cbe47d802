#[wasm::host_imports(module = "wasm_host")]
extern "C" {
    fn name() -> &'static str;
}

fn main() {}
