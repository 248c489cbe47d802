// A panic while unwinding (in a destructor run by the unwinding) aborts the program with both
// messages, as natively; the destructor's output before it still shows.
struct Bomb;

impl Drop for Bomb {
    fn drop(&mut self) {
        println!("bomb's drop starts");
        panic!("second panic, in a destructor");
    }
}

fn main() {
    let _ = std::panic::catch_unwind(|| {
        let _b = Bomb;
        println!("first panic next");
        panic!("first panic");
    });
    println!("not reached");
}
