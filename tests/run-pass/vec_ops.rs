// Checks Vec: push/pop growth, indexing, iteration (shared, mutable, owning), extend, nested Vecs and Vec of heap values.
fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..20 {
        v.push(i * i);
    }
    println!("len {} first {} last {:?}", v.len(), v[0], v.last());
    println!("sum {} capacity>=len {}", v.iter().sum::<u64>(), v.capacity() >= v.len());
    while v.len() > 15 {
        let x = v.pop().unwrap();
        print!("{} ", x);
    }
    println!();
    for x in v.iter_mut() {
        *x += 1;
    }
    println!("{:?}", &v[..6]);
    let evens: Vec<u64> = v.iter().copied().filter(|x| x % 2 == 0).collect();
    println!("evens {:?}", evens);
    v.extend(evens.iter().map(|x| x * 1000));
    println!("extended len {} tail {:?}", v.len(), &v[v.len() - 3..]);
    v.resize(3, 0);
    println!("resized {:?}", v);
    v.resize(5, 7);
    println!("resized up {:?}", v);
    let mut empty: Vec<i32> = vec![];
    println!("pop empty {:?} first {:?}", empty.pop(), empty.first());
    empty.reserve(100);
    println!("reserved cap>=100 {}", empty.capacity() >= 100);

    let names: Vec<String> = ["ann", "ben", "cy"].iter().map(|s| s.to_string()).collect();
    let mut upper = Vec::with_capacity(names.len());
    for n in &names {
        upper.push(n.to_uppercase());
    }
    println!("{:?} {:?}", names, upper);
    let moved: Vec<String> = names.into_iter().rev().collect();
    println!("{:?}", moved);

    let mut nested: Vec<Vec<i32>> = vec![vec![]; 3];
    for i in 0..9 {
        nested[i % 3].push(i as i32);
    }
    println!("{:?}", nested);
    let flat: Vec<i32> = nested.concat();
    println!("{:?}", flat);
    let lens: Vec<usize> = nested.iter().map(Vec::len).collect();
    println!("{:?}", lens);

    let mut big = vec![0u8; 100_000];
    for (i, b) in big.iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    let checksum: u64 = big.iter().map(|&b| b as u64).sum();
    println!("big checksum {}", checksum);

    let mut stack = vec![1];
    let mut steps = 0;
    while let Some(top) = stack.pop() {
        steps += 1;
        if top < 20 {
            stack.push(top * 2);
            stack.push(top * 3);
        }
    }
    println!("stack steps {}", steps);
    let vv = vec![vec![1, 2], vec![3]];
    let cloned = vv.clone();
    println!("clone eq {} {:?}", vv == cloned, cloned);
    let boxed: Box<[i32]> = vec![4, 5, 6].into_boxed_slice();
    println!("boxed slice {:?} len {}", boxed, boxed.len());
    let back: Vec<i32> = boxed.into_vec();
    println!("{:?}", back.iter().rev().collect::<Vec<_>>());
    println!("cmp {} {}", vec![1, 2, 3] < vec![1, 3], vec![2] > vec![1, 9, 9]);
    let mut dedupe = vec![3, 1, 3, 2, 1];
    dedupe.sort();
    dedupe.dedup();
    println!("{:?}", dedupe);
    let pos = vec!["a", "b", "c"].iter().position(|&s| s == "c");
    println!("{:?}", pos);
}
