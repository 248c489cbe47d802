fn main() {
    let _ = wasm::GcArray::new(2, String::from("no"));
}
