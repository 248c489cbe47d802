#[wasm::gc]
struct Pair<T> {
    first: T,
    second: T,
}

fn main() {
    let _ = wasm::Gc::new(Pair { first: String::new(), second: String::new() });
}
