// Waker::will_wake compares the vtable pointers of a waker and its clone: both come from the
// same `&RawWakerVTable::new(...)` promoted constant in alloc's `raw_waker::<W>`.
use std::sync::Arc;
use std::task::{Wake, Waker};

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

fn main() {
    let waker = Waker::from(Arc::new(Noop));
    let clone = waker.clone();
    println!("will_wake: {} {}", waker.will_wake(&clone), clone.will_wake(&waker));
    println!("data eq: {}", waker.data() == clone.data());
    println!("vtable eq: {}", std::ptr::eq(waker.vtable(), clone.vtable()));
}
