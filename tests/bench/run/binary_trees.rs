//! binary-trees (Benchmarks Game) on `Box`: allocates and walks many trees; prints the checks.
// Usage: binary_trees [max_depth] (default 16).

struct Tree {
    children: Option<(Box<Tree>, Box<Tree>)>,
}

fn bottom_up(depth: u32) -> Box<Tree> {
    Box::new(Tree {
        children: (depth > 0).then(|| (bottom_up(depth - 1), bottom_up(depth - 1))),
    })
}

fn check(tree: &Tree) -> u32 {
    match &tree.children {
        Some((left, right)) => 1 + check(left) + check(right),
        None => 1,
    }
}

fn main() {
    const MIN_DEPTH: u32 = 4;
    let requested: u32 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(16);
    let max_depth = requested.max(MIN_DEPTH + 2);
    let stretch = max_depth + 1;
    println!(
        "stretch tree of depth {stretch}\t check: {}",
        check(&bottom_up(stretch))
    );
    let long_lived = bottom_up(max_depth);
    for depth in (MIN_DEPTH..=max_depth).step_by(2) {
        let iterations = 1u32 << (max_depth - depth + MIN_DEPTH);
        let total: u32 = (0..iterations).map(|_| check(&bottom_up(depth))).sum();
        println!("{iterations}\t trees of depth {depth}\t check: {total}");
    }
    println!(
        "long lived tree of depth {max_depth}\t check: {}",
        check(&long_lived)
    );
}
