// The caller of the unwind group's `frames` cases: each of its panics crosses callee.rs, built by
// the other backend, and the output must be the native program's.
extern crate callee;
struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        println!("caller drops {}", self.0);
    }
}
fn main() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("?");
        println!("hook: {message}");
    }));
    let r = std::panic::catch_unwind(|| {
        let _g = Guard("caller frame");
        callee::fails(5)
    });
    println!("the callee panicked, the caller caught: {}", r.is_err());
    let r = std::panic::catch_unwind(|| {
        callee::calls_back(
            &|n| {
                let _g = Guard("callback");
                if n > 2 {
                    panic!("callback panics")
                }
                n
            },
            7,
        )
    });
    println!("the callback panicked through the callee, the caller caught: {}", r.is_err());
    let caught = callee::catches(&|| {
        let _g = Guard("in closure");
        panic!("closure panics")
    });
    println!("the closure panicked, the callee caught: {caught}");
}
