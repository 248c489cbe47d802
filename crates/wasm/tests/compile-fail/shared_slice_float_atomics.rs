use std::sync::atomic::Ordering;

fn main() {
    let data = wasm::SharedSlice::<f64>::new(1);
    data.fetch_add(0, 1.0, Ordering::Relaxed);
}
