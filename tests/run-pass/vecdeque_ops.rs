// Checks VecDeque: push/pop at both ends, wrap-around growth, rotation, indexing, BFS queue and sliding window maximum.
use std::collections::VecDeque;

fn bfs_distances(adj: &[Vec<usize>], start: usize) -> Vec<Option<u32>> {
    let mut dist = vec![None; adj.len()];
    let mut queue = VecDeque::new();
    dist[start] = Some(0);
    queue.push_back(start);
    while let Some(node) = queue.pop_front() {
        let d = dist[node].unwrap();
        for &next in &adj[node] {
            if dist[next].is_none() {
                dist[next] = Some(d + 1);
                queue.push_back(next);
            }
        }
    }
    dist
}

fn window_max(values: &[i32], k: usize) -> Vec<i32> {
    let mut dq: VecDeque<usize> = VecDeque::new();
    let mut out = Vec::new();
    for i in 0..values.len() {
        while dq.front().map_or(false, |&j| j + k <= i) {
            dq.pop_front();
        }
        while dq.back().map_or(false, |&j| values[j] <= values[i]) {
            dq.pop_back();
        }
        dq.push_back(i);
        if i + 1 >= k {
            out.push(values[*dq.front().unwrap()]);
        }
    }
    out
}

fn main() {
    let mut d: VecDeque<i32> = VecDeque::new();
    d.push_back(1);
    d.push_back(2);
    d.push_front(0);
    d.push_front(-1);
    println!("{:?} len {}", d, d.len());
    println!("front {:?} back {:?} d[1] {}", d.front(), d.back(), d[1]);
    println!("pop {:?} {:?} -> {:?}", d.pop_front(), d.pop_back(), d);
    let mut ring: VecDeque<u32> = VecDeque::with_capacity(4);
    for i in 0..10 {
        if ring.len() == 4 {
            ring.pop_front();
        }
        ring.push_back(i);
    }
    println!("ring {:?}", ring);
    for i in 100..110 {
        ring.push_front(i);
    }
    println!("grown {:?}", ring);
    let (a, b) = ring.as_slices();
    println!("slices total {}", a.len() + b.len());
    ring.make_contiguous().sort();
    println!("sorted {:?}", ring);
    let mut r: VecDeque<char> = "abcdef".chars().collect();
    r.rotate_left(2);
    println!("rotate_left {}", r.iter().collect::<String>());
    r.rotate_right(3);
    println!("rotate_right {}", r.iter().collect::<String>());
    r.retain(|&c| c != 'a');
    r.insert(1, 'Z');
    println!("edited {:?} contains Z {}", r, r.contains(&'Z'));
    println!("remove {:?} {:?}", r.remove(0), r);
    let v: Vec<char> = r.into_iter().rev().collect();
    println!("into vec {:?}", v);

    let adj = vec![vec![1, 2], vec![3], vec![3, 4], vec![5], vec![], vec![], vec![0]];
    println!("bfs {:?}", bfs_distances(&adj, 0));
    println!("window max {:?}", window_max(&[1, 3, -1, -3, 5, 3, 6, 7], 3));
    let mut josephus: VecDeque<u32> = (1..=7).collect();
    let mut order = Vec::new();
    while !josephus.is_empty() {
        josephus.rotate_left(2 % josephus.len());
        order.push(josephus.pop_front().unwrap());
    }
    println!("josephus {:?}", order);
    let dq2: VecDeque<_> = vec![1, 2, 3].into();
    println!("eq {} scaled sum {}", dq2 == VecDeque::from([1, 2, 3]), dq2.iter().map(|x| x * 10).sum::<i32>());
}
