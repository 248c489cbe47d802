//! Cyclic garbage in a loop: pairs of `Gc` nodes that point at each other, dropped right away,
//! with a small live set. Usage: `gc_cycles [pairs]` (default 1,000,000, that is two million
//! nodes).
//!
//! Accelerated by the WasmRust backend the cycles are WasmGC objects, which a tracing collector
//! reclaims, so the program runs in a small bounded heap. The library fallback counts references
//! and leaks every cycle (crates/wasm/CONTRACT.md section 2): it prints the same, but its memory
//! grows with the number of pairs.

use wasm::Gc;

#[wasm::gc]
struct Node {
    id: u32,
    next: Option<Gc<Node>>,
}

/// How many pairs stay reachable at a time.
const LIVE: usize = 16;

fn main() {
    let pairs: u32 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let mut live: Vec<Gc<Node>> = Vec::with_capacity(LIVE);
    let mut checksum: u64 = 0;
    for i in 0..pairs {
        let first = Gc::new(Node {
            id: 2 * i,
            next: None,
        });
        let second = Gc::new(Node {
            id: 2 * i + 1,
            next: Some(first.clone()),
        });
        first.set_next(Some(second.clone()));
        // Around the cycle and back: first -> second -> first.
        let back = first.next().and_then(|node| node.next()).expect("a cycle");
        assert!(Gc::ptr_eq(&back, &first));
        checksum += u64::from(second.id()) - u64::from(back.id());
        if live.len() == LIVE {
            live.remove(0);
        }
        live.push(first);
    }
    let oldest = live.first().map_or(0, |node| node.id());
    println!(
        "pairs: {pairs}, checksum: {checksum}, live: {}, oldest live id: {oldest}",
        live.len()
    );
}
