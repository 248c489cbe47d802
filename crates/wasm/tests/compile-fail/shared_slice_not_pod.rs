fn main() {
    let _ = wasm::SharedSlice::<bool>::new(4);
}
