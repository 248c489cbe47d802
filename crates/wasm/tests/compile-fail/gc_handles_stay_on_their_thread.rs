use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Node {
    value: i64,
}

fn main() {
    let node = Gc::new(Node { value: 1 });
    std::thread::spawn(move || node.value());
    let array = GcArray::new(1, 0u8);
    std::thread::spawn(move || array.len());
    let host = ExternRef::null();
    std::thread::spawn(move || host.is_null());
}
