// Checks BinaryHeap: max-heap order, Reverse for min-heap, custom Ord, heap sort, top-k and Dijkstra's shortest paths.
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

#[derive(Debug, PartialEq, Eq)]
struct Task {
    priority: u32,
    name: String,
}

impl Ord for Task {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority.cmp(&other.priority).then_with(|| other.name.cmp(&self.name))
    }
}

impl PartialOrd for Task {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn dijkstra(adj: &[Vec<(usize, u32)>], src: usize) -> Vec<Option<u32>> {
    let mut dist: Vec<Option<u32>> = vec![None; adj.len()];
    let mut heap = BinaryHeap::new();
    dist[src] = Some(0);
    heap.push(Reverse((0u32, src)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist[u].map_or(false, |best| d > best) {
            continue;
        }
        for &(v, w) in &adj[u] {
            let nd = d + w;
            if dist[v].map_or(true, |cur| nd < cur) {
                dist[v] = Some(nd);
                heap.push(Reverse((nd, v)));
            }
        }
    }
    dist
}

fn main() {
    let mut heap = BinaryHeap::new();
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3] {
        heap.push(x);
    }
    println!("len {} peek {:?}", heap.len(), heap.peek());
    let mut popped = Vec::new();
    while let Some(x) = heap.pop() {
        popped.push(x);
    }
    println!("max order {:?}", popped);
    let mut min_heap: BinaryHeap<Reverse<i32>> = [7, -2, 5, 0].into_iter().map(Reverse).collect();
    print!("min order");
    while let Some(Reverse(x)) = min_heap.pop() {
        print!(" {}", x);
    }
    println!();
    let sorted = BinaryHeap::from(vec![8, 3, 8, 1]).into_sorted_vec();
    println!("into_sorted_vec {:?}", sorted);

    let mut tasks = BinaryHeap::new();
    tasks.push(Task { priority: 2, name: "write".into() });
    tasks.push(Task { priority: 5, name: "deploy".into() });
    tasks.push(Task { priority: 2, name: "review".into() });
    tasks.push(Task { priority: 1, name: "lunch".into() });
    tasks.push(Task { priority: 5, name: "build".into() });
    while let Some(t) = tasks.pop() {
        println!("  {} {}", t.priority, t.name);
    }

    let data: Vec<u32> = (1..=50u32).map(|i| (i * 37) % 101).collect();
    let mut top: BinaryHeap<Reverse<u32>> = BinaryHeap::new();
    for &x in &data {
        top.push(Reverse(x));
        if top.len() > 3 {
            top.pop();
        }
    }
    let mut top3: Vec<u32> = top.into_iter().map(|Reverse(x)| x).collect();
    top3.sort_unstable_by(|a, b| b.cmp(a));
    println!("top3 {:?}", top3);

    let adj = vec![
        vec![(1, 4), (2, 1)],
        vec![(3, 1)],
        vec![(1, 2), (3, 5)],
        vec![(4, 3)],
        vec![],
        vec![(0, 1)],
    ];
    println!("dijkstra {:?}", dijkstra(&adj, 0));
    let mut merged: BinaryHeap<i32> = vec![1, 5].into();
    merged.append(&mut BinaryHeap::from(vec![3, 7]));
    println!("append peek {:?} len {}", merged.peek(), merged.len());
    if let Some(mut top) = merged.peek_mut() {
        *top = 0;
    }
    println!("after peek_mut {:?}", merged.into_sorted_vec());
}
