//! binary-trees (Benchmarks Game) on `wasm::Gc`: the algorithm and output of ../binary_trees.rs,
//! with GC objects instead of `Box`. Accelerated by our backend the trees are WasmGC structs;
//! built by LLVM they are the `wasm` crate's reference-counted fallback.
// Usage: gc_binary_trees [max_depth] (default 16).

use wasm::Gc;

#[wasm::gc]
struct Tree {
    left: Option<Gc<Tree>>,
    right: Option<Gc<Tree>>,
}

fn bottom_up(depth: u32) -> Gc<Tree> {
    if depth == 0 {
        return Gc::new(Tree { left: None, right: None });
    }
    Gc::new(Tree { left: Some(bottom_up(depth - 1)), right: Some(bottom_up(depth - 1)) })
}

fn check(tree: &Gc<Tree>) -> u32 {
    match (tree.left(), tree.right()) {
        (Some(left), Some(right)) => 1 + check(&left) + check(&right),
        _ => 1,
    }
}

fn main() {
    const MIN_DEPTH: u32 = 4;
    let requested: u32 = std::env::args().nth(1).and_then(|arg| arg.parse().ok()).unwrap_or(16);
    let max_depth = requested.max(MIN_DEPTH + 2);
    let stretch = max_depth + 1;
    println!("stretch tree of depth {stretch}\t check: {}", check(&bottom_up(stretch)));
    let long_lived = bottom_up(max_depth);
    for depth in (MIN_DEPTH..=max_depth).step_by(2) {
        let iterations = 1u32 << (max_depth - depth + MIN_DEPTH);
        let total: u32 = (0..iterations).map(|_| check(&bottom_up(depth))).sum();
        println!("{iterations}\t trees of depth {depth}\t check: {total}");
    }
    println!("long lived tree of depth {max_depth}\t check: {}", check(&long_lived));
}
