// gdb, in batch mode, on wasm-run -g, with -Cdebuginfo=2: at the line marked `gdb: break` the
// debuginfo group prints each `gdb-print: EXPRESSION => VALUE` and expects VALUE.
// gdb-flags: -Cdebuginfo=2
// gdb-print: scale => 7
// gdb-print: sum => 21
// gdb-print: name.vec.len => 5
// gdb-print: items.len => 3
// gdb-print: local.y => 40
// gdb-print: local => gdb_variables::Point {x: 3, y: 40}
// gdb-print: maybe => core::option::Option<i32>::Some{0: 5}
// gdb-print: nothing => core::option::Option<&i32>::None
// gdb-print: shape => gdb_variables::Shape::Rect{w: 2, h: 9}
// gdb-print: color => gdb_variables::Color::Green

struct Point {
    x: i32,
    y: i64,
}

enum Shape {
    Circle(i32),
    Rect { w: i32, h: i64 },
}

#[derive(Clone, Copy)]
enum Color {
    Red,
    Green = 7,
}

fn area(shape: &Shape) -> i64 {
    match shape {
        Shape::Circle(r) => 3 * i64::from(*r) * i64::from(*r),
        Shape::Rect { w, h } => i64::from(*w) * h,
    }
}

fn work(p: &Point, scale: i32, maybe: Option<i32>, nothing: Option<&i32>, shape: Shape, color: Color) -> i64 {
    let sum = p.x * scale;
    let name = String::from("hello");
    let items = vec![10u32, 20, 30];
    let local = Point { x: p.x, y: p.y };
    let extra = maybe.unwrap_or(0) + nothing.copied().unwrap_or(1) + color as i32;
    let total = sum as i64 + local.y + name.len() as i64 + items.len() as i64 + area(&shape) + extra as i64; // gdb: break
    total
}

fn main() {
    let p = Point { x: 3, y: 40 };
    let red = Color::Red as i64;
    println!("{}", red + work(&p, 7, Some(5), None, Shape::Rect { w: 2, h: 9 }, Color::Green));
    println!("{}", area(&Shape::Circle(1)));
}
