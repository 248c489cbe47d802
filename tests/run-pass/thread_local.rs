// Checks thread_local! with Cell, RefCell and const initialisers, lazy init order, and destructor-free access via with().
use std::cell::{Cell, RefCell};

struct Registry {
    names: Vec<String>,
}

impl Registry {
    fn new() -> Registry {
        println!("registry initialized lazily");
        Registry { names: Vec::new() }
    }
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static MAX_DEPTH: Cell<u32> = Cell::new(0);
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::new());
    static SCRATCH: RefCell<String> = RefCell::new(String::with_capacity(16));
}

fn recurse(n: u32) -> u64 {
    DEPTH.with(|d| d.set(d.get() + 1));
    let depth = DEPTH.with(|d| d.get());
    MAX_DEPTH.with(|m| m.set(m.get().max(depth)));
    let result = if n <= 1 { 1 } else { n as u64 * recurse(n - 1) };
    DEPTH.with(|d| d.set(d.get() - 1));
    result
}

fn register(name: &str) -> usize {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.names.push(name.to_uppercase());
        r.names.len()
    })
}

fn render(parts: &[&str]) -> String {
    SCRATCH.with_borrow_mut(|s| {
        s.clear();
        for p in parts {
            if !s.is_empty() {
                s.push('/');
            }
            s.push_str(p);
        }
        s.clone()
    })
}

fn main() {
    println!("start");
    println!("10! = {}", recurse(10));
    println!("depth now {} max {}", DEPTH.get(), MAX_DEPTH.get());
    MAX_DEPTH.set(0);
    println!("5! = {} max {}", recurse(5), MAX_DEPTH.with(Cell::get));
    println!("before registry");
    println!("registered {}", register("alpha"));
    println!("registered {}", register("beta"));
    REGISTRY.with_borrow(|r| println!("names {:?}", r.names));
    println!("{}", render(&["usr", "local", "bin"]));
    println!("{}", render(&["tmp"]));
    let taken = SCRATCH.take();
    println!("taken {:?} left {:?}", taken, SCRATCH.with_borrow(|s| s.clone()));
    DEPTH.replace(7);
    println!("replaced depth {}", DEPTH.get());
}
