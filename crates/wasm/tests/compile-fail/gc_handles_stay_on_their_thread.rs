use wasm::{ExternRef, Gc, GcArray};

#[wasm::gc]
struct Node {
    value: i64,
}

// Like `std::thread::spawn`'s bound, without std's source in the expected message.
fn send_to_another_thread<T: Send>(_: T) {}

fn main() {
    send_to_another_thread(Gc::new(Node { value: 1 }));
    send_to_another_thread(GcArray::new(1, 0u8));
    send_to_another_thread(ExternRef::null());
}
