// Checks passing and returning values of many shapes by value: many arguments, mixed int/float, large structs, arrays, tuples, enums, i128.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Small {
    a: u8,
    b: i16,
}

#[derive(Debug, Clone, PartialEq)]
struct Large {
    id: u64,
    values: [i32; 12],
    name: String,
    ratio: f64,
    flag: bool,
    small: Small,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Nothing,
    Byte(u8),
    Float(f32),
    Wide(i128),
    Pair(i64, f64),
}

#[allow(clippy::too_many_arguments)]
fn many_args(a: i8, b: u16, c: i32, d: u64, e: f32, f: f64, g: i128, h: u8, i: char, j: bool, k: usize, l: i64) -> f64 {
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f + g as f64 + h as f64 + i as u32 as f64 + j as u8 as f64 + k as f64 + l as f64
}

fn mix_floats(a: f32, b: f64, c: f32, d: f64, e: f32) -> (f32, f64) {
    (a + c + e, b * d)
}

fn make_large(id: u64) -> Large {
    let mut values = [0i32; 12];
    for (i, v) in values.iter_mut().enumerate() {
        *v = (id as i32) * (i as i32) - 5;
    }
    Large { id, values, name: format!("item-{}", id), ratio: id as f64 / 4.0, flag: id % 2 == 0, small: Small { a: id as u8, b: -(id as i16) } }
}

fn modify_large(mut l: Large) -> Large {
    l.values.reverse();
    l.name.push_str("-mod");
    l.small.b *= 2;
    l.flag = !l.flag;
    l
}

fn sum_array(arr: [u64; 16]) -> u64 {
    arr.iter().sum()
}

fn rotate_array(mut arr: [u8; 5]) -> [u8; 5] {
    arr.rotate_left(2);
    arr
}

fn split(v: Value) -> (u8, f64) {
    match v {
        Value::Nothing => (0, 0.0),
        Value::Byte(b) => (1, b as f64),
        Value::Float(f) => (2, f as f64),
        Value::Wide(w) => (3, w as f64),
        Value::Pair(i, f) => (4, i as f64 + f),
    }
}

fn next_value(v: Value) -> Value {
    match v {
        Value::Nothing => Value::Byte(1),
        Value::Byte(b) => Value::Float(b as f32 * 1.5),
        Value::Float(f) => Value::Wide(f as i128 * -(1 << 100)),
        Value::Wide(w) => Value::Pair((w >> 64) as i64, 0.5),
        Value::Pair(..) => Value::Nothing,
    }
}

fn wide_ops(a: i128, b: u128) -> (i128, u128, bool) {
    (a.wrapping_mul(3), b / 7, a < 0)
}

fn nested(t: ((u8, u16), (u32, (u64, i8)))) -> i64 {
    let ((a, b), (c, (d, e))) = t;
    a as i64 + b as i64 + c as i64 + d as i64 + e as i64
}

fn pass_small(s: Small, t: Small) -> Small {
    Small { a: s.a.wrapping_add(t.a), b: s.b - t.b }
}

fn main() {
    println!("many_args {}", many_args(-1, 2, -3, 4, 0.5, 0.25, 1 << 70, 255, 'A', true, 1000, -1 << 40));
    println!("mix_floats {:?}", mix_floats(1.5, 2.0, 2.25, -3.5, 0.25));
    let l = make_large(7);
    println!("{:?}", l);
    let m = modify_large(l.clone());
    println!("{:?}", m);
    println!("unchanged original {} {}", l.name, l.values[0]);
    let arr: [u64; 16] = std::array::from_fn(|i| 1u64 << (i * 4));
    println!("sum_array {:#x}", sum_array(arr));
    println!("rotate_array {:?}", rotate_array([1, 2, 3, 4, 5]));
    let mut v = Value::Nothing;
    for _ in 0..6 {
        let next = next_value(v);
        println!("{:?} -> {:?} split {:?}", v, next, split(next));
        v = next;
    }
    println!("wide_ops {:?}", wide_ops(-(1 << 120), u128::MAX));
    println!("nested {}", nested(((1, 2), (3, (4, -5)))));
    println!("small {:?}", pass_small(Small { a: 200, b: 7 }, Small { a: 100, b: -9 }));
    let boxed: Box<Large> = Box::new(make_large(2));
    let unboxed = *boxed;
    println!("unboxed {} {:?} {}", unboxed.name, &unboxed.values[..4], unboxed.ratio);
    let closures: Vec<Box<dyn Fn(Large) -> usize>> = vec![Box::new(|l| l.name.len()), Box::new(|l| l.values.len())];
    println!("closures {:?}", closures.iter().map(|f| f(make_large(123))).collect::<Vec<_>>());
}
