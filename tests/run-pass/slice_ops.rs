// Checks slice and Vec algorithms: binary_search, dedup, retain, chunks, windows, split, rotate, concat and friends.
fn main() {
    let sorted = [1, 3, 5, 7, 9, 11];
    println!("binary_search: {:?} {:?} {:?} {:?}", sorted.binary_search(&7), sorted.binary_search(&4), sorted.binary_search(&0), sorted.binary_search(&12));
    let idx = sorted.binary_search_by(|probe| probe.cmp(&9));
    println!("by: {:?} by_key: {:?}", idx, [(1, 'a'), (4, 'b'), (9, 'c')].binary_search_by_key(&4, |&(k, _)| k));
    println!("partition_point: {}", sorted.partition_point(|&x| x < 6));
    let mut v = vec![1, 1, 2, 3, 3, 3, 4, 1, 1];
    v.dedup();
    println!("dedup: {:?}", v);
    let mut names = vec!["a", "A", "b", "B", "b"];
    names.dedup_by_key(|s| s.to_lowercase());
    println!("dedup_by_key: {:?}", names);
    let mut nums: Vec<i32> = (1..=20).collect();
    nums.retain(|&x| x % 3 == 0 || x % 5 == 0);
    println!("retain: {:?}", nums);
    let mut counter = 0;
    nums.retain_mut(|x| {
        counter += 1;
        *x *= 10;
        *x < 100
    });
    println!("retain_mut: {:?} visited {}", nums, counter);
    let data = [1, 2, 3, 4, 5, 6, 7];
    println!("chunks: {:?}", data.chunks(3).collect::<Vec<_>>());
    println!("chunks_exact: {:?} rem {:?}", data.chunks_exact(3).collect::<Vec<_>>(), data.chunks_exact(3).remainder());
    println!("rchunks: {:?}", data.rchunks(3).collect::<Vec<_>>());
    println!("windows: {:?}", data.windows(3).map(|w| w.iter().sum::<i32>()).collect::<Vec<_>>());
    let increasing = [1, 2, 2, 5, 4, 6].windows(2).filter(|w| w[1] > w[0]).count();
    println!("increases: {}", increasing);
    let parts: Vec<&[i32]> = [1, 0, 2, 3, 0, 0, 4].split(|&x| x == 0).collect();
    println!("split: {:?}", parts);
    let (left, right) = data.split_at(2);
    println!("split_at: {:?} {:?}", left, right);
    let mut r = [1, 2, 3, 4, 5];
    r.rotate_left(2);
    println!("rotate_left: {:?}", r);
    r.rotate_right(1);
    println!("rotate_right: {:?}", r);
    r.swap(0, 4);
    println!("swap: {:?}", r);
    let mut filled = [0; 5];
    filled[1..4].fill(7);
    println!("fill: {:?}", filled);
    filled.copy_from_slice(&[5, 4, 3, 2, 1]);
    println!("copy_from_slice: {:?}", filled);
    filled.copy_within(0..2, 3);
    println!("copy_within: {:?}", filled);
    println!("concat: {:?}", [[1, 2], [3, 4], [5, 6]].concat());
    println!("join: {:?}", [vec![1], vec![2, 3]].join(&0));
    println!("starts/ends: {} {}", data.starts_with(&[1, 2]), data.ends_with(&[7]));
    println!("iter max/min: {:?} {:?}", data.iter().max(), data.iter().rev().min());
    println!("contains: {} repeat: {:?}", data.contains(&4), [1, 2].repeat(3));
    let mut v2 = vec![10, 20, 30, 40, 50];
    let drained: Vec<i32> = v2.drain(1..3).collect();
    println!("drain: {:?} left {:?}", drained, v2);
    v2.truncate(2);
    v2.extend_from_slice(&[7, 8]);
    v2.insert(1, 99);
    let removed = v2.remove(0);
    let swapped = v2.swap_remove(0);
    println!("edit: {:?} removed {} swapped {}", v2, removed, swapped);
    let split_off = v2.split_off(1);
    println!("split_off: {:?} {:?}", v2, split_off);
    let (a, b) = [3, 1, 4, 1, 5].split_first().unwrap();
    println!("split_first: {} {:?}", a, b);
    let mut m = [1, 2, 3, 4, 5, 6];
    let (x, y) = m.split_at_mut(3);
    x[0] += y[2];
    y[0] *= x[1];
    println!("split_at_mut: {:?}", m);
    let mut groups: Vec<Vec<i32>> = Vec::new();
    for chunk in [1, 1, 2, 2, 2, 3, 1].chunk_by(|a, b| a == b) {
        groups.push(chunk.to_vec());
    }
    println!("chunk_by: {:?}", groups);
}
