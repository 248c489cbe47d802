// Destructors run in order while a panic unwinds through several frames, closures and trait
// objects; values moved out are not dropped twice; the catch sees the original panic.
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn log(event: String) {
    LOG.with(|log| log.borrow_mut().push(event));
}

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

trait Step {
    fn run(&self, depth: u32) -> u32;
}

struct Recurse;

impl Step for Recurse {
    fn run(&self, depth: u32) -> u32 {
        let _g = Guard(if depth % 2 == 0 { "even frame" } else { "odd frame" });
        if depth == 0 {
            let _last = Guard("innermost");
            panic!("bottom reached");
        }
        self.run(depth - 1) + 1
    }
}

fn through_closure(f: &dyn Fn() -> u32) -> u32 {
    let _g = Guard("closure caller");
    f()
}

fn main() {
    panic::set_hook(Box::new(|info| {
        log(format!("hook: {}", info.payload().downcast_ref::<&str>().unwrap_or(&"?")));
    }));
    let kept = Guard("kept outside");
    let moved = Guard("moved in");
    let step: Box<dyn Step> = Box::new(Recurse);
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let _mine = moved;
        let _local = Guard("closure local");
        through_closure(&|| step.run(3))
    }));
    log(format!("caught: {}", result.is_err()));
    drop(kept);
    // Unwinding out of a loop that owns a Vec of guards drops the rest of them.
    let result = panic::catch_unwind(|| {
        let guards = vec![Guard("v0"), Guard("v1"), Guard("v2")];
        for (i, g) in guards.into_iter().enumerate() {
            if i == 1 {
                panic!("in the loop");
            }
            drop(g);
        }
    });
    log(format!("caught again: {}", result.is_err()));
    LOG.with(|log| {
        for line in log.borrow().iter() {
            println!("{line}");
        }
    });
}
