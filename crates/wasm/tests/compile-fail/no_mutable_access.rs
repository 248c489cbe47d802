use wasm::Gc;

#[wasm::gc]
struct Node {
    value: i64,
}

fn main() {
    let node = Gc::new(Node { value: 1 });
    let _fields = &mut *node;
}
