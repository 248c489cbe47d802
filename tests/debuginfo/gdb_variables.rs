// gdb, in batch mode, on wasm-run -g, with -Cdebuginfo=2: at the line marked `gdb: break` the
// debuginfo group prints each `gdb-print: EXPRESSION => VALUE` and expects VALUE.
// gdb-flags: -Cdebuginfo=2
// gdb-print: scale => 7
// gdb-print: sum => 21
// gdb-print: name.vec.len => 5
// gdb-print: items.len => 3
// gdb-print: local.y => 40
// gdb-print: local => gdb_variables::Point {x: 3, y: 40}

struct Point {
    x: i32,
    y: i64,
}

fn work(p: &Point, scale: i32) -> i64 {
    let sum = p.x * scale;
    let name = String::from("hello");
    let items = vec![10u32, 20, 30];
    let local = Point { x: p.x, y: p.y };
    let total = sum as i64 + local.y + name.len() as i64 + items.len() as i64; // gdb: break
    total
}

fn main() {
    let p = Point { x: 3, y: 40 };
    println!("{}", work(&p, 7));
}
