// Checks tuples: construction, indexing, destructuring, nesting, comparison and returning multiple values.
fn min_max(values: &[i64]) -> (i64, i64) {
    let mut lo = values[0];
    let mut hi = values[0];
    for &v in &values[1..] {
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    (lo, hi)
}

fn swap<A, B>(pair: (A, B)) -> (B, A) {
    (pair.1, pair.0)
}

fn divmod(a: u32, b: u32) -> (u32, u32) {
    (a / b, a % b)
}

fn main() {
    let t = (1u8, -2i16, 3.5f32, 'x', "str", true);
    println!("{:?}", t);
    println!("{} {} {} {} {} {}", t.0, t.1, t.2, t.3, t.4, t.5);
    let (lo, hi) = min_max(&[5, -3, 12, 7, -8, 0]);
    println!("min {} max {}", lo, hi);
    println!("{:?}", swap(("left", 42u64)));
    let (q, r) = divmod(47, 5);
    println!("47 = 5*{} + {}", q, r);
    let nested = ((1, 2), (3, (4, 5)));
    let ((a, _), (c, (_, e))) = nested;
    println!("nested {} {} {} {}", a, c, e, (nested.1).1 .0);
    println!("cmp {} {} {}", (1, 2) < (1, 3), (2, 0) > (1, 9), ("a", 1) == ("a", 1));
    println!("{:?}", (1, 'b').max((1, 'a')));
    let mut pair = (String::from("a"), vec![1]);
    pair.0.push('b');
    pair.1.push(2);
    println!("{:?}", pair);
    let unit = ();
    println!("{:?} {:?}", unit, ((),));
    println!("{:?}", (5,));
    let mut pairs = vec![(2, 'b'), (1, 'z'), (2, 'a'), (1, 'c')];
    pairs.sort();
    println!("{:?}", pairs);
    let (evens, odds): (Vec<i32>, Vec<i32>) = (1..=9).partition(|n| n % 2 == 0);
    println!("{:?} {:?}", evens, odds);
    let (names, ages): (Vec<&str>, Vec<u32>) = [("ann", 31), ("bob", 27)].iter().cloned().unzip();
    println!("{:?} {:?}", names, ages);
    let big = (u128::MAX, i8::MIN, (0.5f64, [1u16, 2]));
    println!("{:?}", big);
}
