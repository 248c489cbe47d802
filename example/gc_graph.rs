//! A cyclic graph of GC objects: identity, shared mutation through aliases, traversal through cycles.
//!
//! In the fallback (native, or wasm32 built by LLVM) the cycles keep their vertices alive until the
//! program ends: reference counting does not collect cycles. The WasmRust backend's WasmGC objects are
//! collected. Either way the output is the same.

use std::collections::VecDeque;

use wasm::{Gc, GcArray};

#[wasm::gc]
struct Vertex {
    label: u32,
    /// Outgoing edges; a slot is `None` until the edge is added.
    edges: GcArray<Option<Gc<Vertex>>>,
    /// The number of the traversal that last reached this vertex.
    seen_in: u32,
}

const VERTICES: u32 = 6;
const MAX_OUT_DEGREE: usize = 3;
/// 0 -> 1 -> 2 -> 3 -> 4 -> 5 -> 0 is a ring; the chords add shorter cycles and a self-loop.
const EDGES: &[(u32, u32)] = &[
    (0, 1),
    (1, 2),
    (2, 3),
    (3, 4),
    (4, 5),
    (5, 0),
    (0, 3),
    (2, 0),
    (4, 4),
    (5, 2),
];

fn new_vertex(label: u32) -> Gc<Vertex> {
    Gc::new(Vertex {
        label,
        edges: GcArray::new(MAX_OUT_DEGREE, None),
        seen_in: 0,
    })
}

fn add_edge(from: &Gc<Vertex>, to: &Gc<Vertex>) {
    let edges = from.edges();
    let free_slot = edges
        .iter()
        .position(|slot| slot.is_none())
        .expect("out-degree limit");
    edges.set(free_slot, Some(to.clone()));
}

fn successors(vertex: &Gc<Vertex>) -> impl Iterator<Item = Gc<Vertex>> {
    vertex.edges().into_iter().flatten()
}

fn labels(vertices: impl Iterator<Item = Gc<Vertex>>) -> String {
    vertices
        .map(|vertex| vertex.label().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Breadth-first order from `start`, marking vertices with `traversal` so that cycles end the search.
fn breadth_first(start: &Gc<Vertex>, traversal: u32) -> Vec<(Gc<Vertex>, u32)> {
    let mut order = Vec::new();
    let mut queue = VecDeque::from([(start.clone(), 0)]);
    start.set_seen_in(traversal);
    while let Some((vertex, distance)) = queue.pop_front() {
        for next in successors(&vertex) {
            if next.seen_in() != traversal {
                next.set_seen_in(traversal);
                queue.push_back((next, distance + 1));
            }
        }
        order.push((vertex, distance));
    }
    order
}

fn main() {
    let vertices: Vec<Gc<Vertex>> = (0..VERTICES).map(new_vertex).collect();
    for &(from, to) in EDGES {
        add_edge(&vertices[from as usize], &vertices[to as usize]);
    }
    let graph = GcArray::from_slice(&vertices);
    println!("vertices: {}, edges: {}", graph.len(), EDGES.len());
    for vertex in &graph {
        println!("  {} -> {}", vertex.label(), labels(successors(&vertex)));
    }

    let start = graph.get(0);
    let order = breadth_first(&start, 1);
    let visit: Vec<String> = order
        .iter()
        .map(|(vertex, distance)| format!("{}@{distance}", vertex.label()))
        .collect();
    println!("breadth-first from 0: {}", visit.join(" "));

    let back_to_start = order
        .iter()
        .filter(|(vertex, _)| successors(vertex).any(|next| Gc::ptr_eq(&next, &start)));
    println!(
        "edges back to 0 from: {}",
        labels(back_to_start.map(|(vertex, _)| vertex.clone()))
    );

    let four = graph.get(4);
    println!(
        "4 has a self-loop: {}",
        successors(&four).any(|next| Gc::ptr_eq(&next, &four))
    );
    let strongly_connected = graph
        .iter()
        .all(|vertex| breadth_first(&vertex, 2 + vertex.label()).len() == graph.len());
    println!("every vertex reaches every vertex: {strongly_connected}");

    // A vertex reached through the ring is the very object stored in the graph: relabel it through
    // one alias and every path sees the change.
    let three_via_ring = successors(&graph.get(2))
        .find(|next| next.label() == 3)
        .expect("edge 2 -> 3");
    three_via_ring.set_label(30);
    println!(
        "3 relabelled through 2's edge; 0's chord now points to {}",
        labels(successors(&start))
    );
    println!(
        "graph slot 3 is the same object: {}",
        Gc::ptr_eq(&graph.get(3), &three_via_ring)
    );
}
