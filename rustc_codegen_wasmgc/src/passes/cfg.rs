//! Control-flow analysis for structured emission: reverse postorder, dominators, loop headers and
//! merge nodes of a function's block graph (Ramsey, "Beyond Relooper", JFP 2022).

/// What the structured emitter needs to know about a reducible CFG whose entry is block 0.
pub(crate) struct Plan {
    /// Position of each block in reverse postorder; `u32::MAX` for blocks never reached.
    pub(crate) rpo: Vec<u32>,
    /// Targets of back edges: each becomes a wasm `loop`.
    pub(crate) loop_header: Vec<bool>,
    /// Blocks with two or more forward incoming edges: each follows a wasm `block`.
    pub(crate) merge: Vec<bool>,
    /// Per block, its dominator-tree children that are merge nodes, latest in reverse postorder
    /// first (that one's `block` is outermost, so it is emitted last).
    pub(crate) merge_children: Vec<Vec<u32>>,
}

impl Plan {
    pub(crate) fn is_backward(&self, from: u32, to: u32) -> bool {
        self.rpo[to as usize] <= self.rpo[from as usize]
    }
}

/// Analyses the graph given as successor lists (with one entry per branch, so a block reached
/// twice from the same terminator counts twice). `None` when the graph is irreducible.
pub(crate) fn plan(succs: &[Vec<u32>]) -> Option<Plan> {
    let n = succs.len();
    let order = reverse_postorder(succs);
    let mut rpo = vec![u32::MAX; n];
    for (i, &b) in order.iter().enumerate() {
        rpo[b as usize] = i as u32;
    }
    let idom = dominators(succs, &order, &rpo);
    let mut loop_header = vec![false; n];
    let mut forward_in = vec![0u32; n];
    for &u in &order {
        for &v in &succs[u as usize] {
            if rpo[v as usize] <= rpo[u as usize] {
                // A retreating edge must be a back edge (its target dominates its source).
                if !dominates(&idom, &rpo, v, u) {
                    return None;
                }
                loop_header[v as usize] = true;
            } else {
                forward_in[v as usize] += 1;
            }
        }
    }
    let merge: Vec<bool> = forward_in.iter().map(|&k| k >= 2).collect();
    let mut merge_children = vec![Vec::new(); n];
    for &b in order.iter().skip(1) {
        if merge[b as usize] {
            merge_children[idom[b as usize] as usize].push(b);
        }
    }
    for children in &mut merge_children {
        children.sort_unstable_by_key(|&b| std::cmp::Reverse(rpo[b as usize]));
    }
    Some(Plan { rpo, loop_header, merge, merge_children })
}

fn reverse_postorder(succs: &[Vec<u32>]) -> Vec<u32> {
    let mut seen = vec![false; succs.len()];
    let mut post = Vec::with_capacity(succs.len());
    // (block, index of the next successor to visit)
    let mut stack = vec![(0u32, 0usize)];
    seen[0] = true;
    while let Some(&mut (b, ref mut next)) = stack.last_mut() {
        if let Some(&s) = succs[b as usize].get(*next) {
            *next += 1;
            if !seen[s as usize] {
                seen[s as usize] = true;
                stack.push((s, 0));
            }
        } else {
            post.push(b);
            stack.pop();
        }
    }
    post.reverse();
    post
}

/// Immediate dominators (Cooper, Harvey and Kennedy's iterative algorithm); the entry is its own.
fn dominators(succs: &[Vec<u32>], order: &[u32], rpo: &[u32]) -> Vec<u32> {
    let n = succs.len();
    let mut preds = vec![Vec::new(); n];
    for &u in order {
        for &v in &succs[u as usize] {
            preds[v as usize].push(u);
        }
    }
    const NONE: u32 = u32::MAX;
    let mut idom = vec![NONE; n];
    idom[0] = 0;
    let intersect = |idom: &[u32], mut a: u32, mut b: u32| {
        while a != b {
            while rpo[a as usize] > rpo[b as usize] {
                a = idom[a as usize];
            }
            while rpo[b as usize] > rpo[a as usize] {
                b = idom[b as usize];
            }
        }
        a
    };
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order.iter().skip(1) {
            let mut new = NONE;
            for &p in &preds[b as usize] {
                if idom[p as usize] == NONE {
                    continue;
                }
                new = if new == NONE { p } else { intersect(&idom, p, new) };
            }
            if new != idom[b as usize] {
                idom[b as usize] = new;
                changed = true;
            }
        }
    }
    idom
}

fn dominates(idom: &[u32], rpo: &[u32], a: u32, mut b: u32) -> bool {
    loop {
        if a == b {
            return true;
        }
        let up = idom[b as usize];
        if up == b || rpo[up as usize] < rpo[a as usize] {
            return false;
        }
        b = up;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diamond_has_one_merge_node() {
        let p = plan(&[vec![1, 2], vec![3], vec![3], vec![]]).unwrap();
        assert_eq!(p.merge, [false, false, false, true]);
        assert_eq!(p.merge_children[0], [3]);
        assert!(!p.loop_header.iter().any(|&h| h));
    }

    #[test]
    fn while_loop_header_is_found() {
        // 0 -> 1 (header) -> 2 (body) -> 1, 1 -> 3 (exit)
        let p = plan(&[vec![1], vec![2, 3], vec![1], vec![]]).unwrap();
        assert_eq!(p.loop_header, [false, true, false, false]);
        assert!(p.is_backward(2, 1));
    }

    #[test]
    fn irreducible_graph_is_rejected() {
        // 0 -> 1, 0 -> 2, 1 <-> 2: a loop with two entries.
        assert!(plan(&[vec![1, 2], vec![2], vec![1]]).is_none());
    }

    #[test]
    fn two_branches_to_one_block_make_it_a_merge_node() {
        let p = plan(&[vec![1, 1], vec![]]).unwrap();
        assert!(p.merge[1]);
    }
}
