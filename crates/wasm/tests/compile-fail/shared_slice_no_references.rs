fn main() {
    let data = wasm::SharedSlice::<u32>::new(4);
    let first: &u32 = &data[0];
}
