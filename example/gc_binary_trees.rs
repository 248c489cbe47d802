//! The binary-trees benchmark on `Gc`: many short-lived trees and one long-lived tree.
//!
//! Runs unchanged natively, on wasm32 built by stable rustc + LLVM (reference-counted fallback), and
//! with the WasmRust backend (WasmGC structs). Usage: `gc_binary_trees [max_depth]` (default 10).

use wasm::Gc;

#[wasm::gc]
struct TreeNode {
    left: Option<Gc<TreeNode>>,
    right: Option<Gc<TreeNode>>,
}

const MIN_DEPTH: u32 = 4;
const DEFAULT_MAX_DEPTH: u32 = 10;

fn bottom_up_tree(depth: u32) -> Gc<TreeNode> {
    if depth == 0 {
        return Gc::new(TreeNode {
            left: None,
            right: None,
        });
    }
    Gc::new(TreeNode {
        left: Some(bottom_up_tree(depth - 1)),
        right: Some(bottom_up_tree(depth - 1)),
    })
}

/// Counts the nodes of the tree.
fn item_check(tree: &Gc<TreeNode>) -> u32 {
    match (tree.left(), tree.right()) {
        (Some(left), Some(right)) => 1 + item_check(&left) + item_check(&right),
        _ => 1,
    }
}

fn main() {
    let requested = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(DEFAULT_MAX_DEPTH);
    let max_depth = requested.max(MIN_DEPTH + 2);

    let stretch_depth = max_depth + 1;
    println!(
        "stretch tree of depth {stretch_depth}\t check: {}",
        item_check(&bottom_up_tree(stretch_depth))
    );

    let long_lived_tree = bottom_up_tree(max_depth);

    for depth in (MIN_DEPTH..=max_depth).step_by(2) {
        let iterations = 1u32 << (max_depth - depth + MIN_DEPTH);
        let check: u32 = (0..iterations)
            .map(|_| item_check(&bottom_up_tree(depth)))
            .sum();
        println!("{iterations}\t trees of depth {depth}\t check: {check}");
    }

    println!(
        "long lived tree of depth {max_depth}\t check: {}",
        item_check(&long_lived_tree)
    );
}
