// panic::set_hook and take_hook: a custom hook sees the message and location of each panic,
// the default hook comes back after take_hook, and thread::Result carries the outcome.
use std::panic;
use std::thread;

fn checked(v: i32) -> thread::Result<i32> {
    panic::catch_unwind(move || {
        if v < 0 {
            panic!("negative: {v}");
        }
        v * 2
    })
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| l.line()).unwrap_or(0);
        let message = info.payload().downcast_ref::<String>().cloned().unwrap_or_default();
        println!("hook saw {message:?} at line {location}");
    }));
    for v in [3, -4, 10] {
        match checked(v) {
            Ok(doubled) => println!("{v} -> {doubled}"),
            Err(_) => println!("{v} -> panicked"),
        }
    }
    let _ = panic::take_hook();
    // The default hook is back: it prints to stderr, which this test leaves unchecked.
    let again = checked(-1);
    println!("after take_hook: {}", again.is_err());
    let joined: thread::Result<()> = panic::catch_unwind(|| ());
    println!("unit result ok: {}", joined.is_ok());
}
