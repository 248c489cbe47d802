// gdb, in batch mode, on wasm-run -g, with -Cdebuginfo=2: each variable belongs to the lexical
// block of its scope, so at the line marked `gdb: break` `x` is the loop body's, not the
// function's (which gdb finds without blocks) nor that of the block that ended before the loop,
// and the loop's variables are visible beside those of the enclosing blocks.
// gdb-flags: -Cdebuginfo=2
// gdb-print: x => 111
// gdb-print: i => 0
// gdb-print: y => 113
// gdb-print: a => 5

fn work(a: i32) -> i32 {
    let x = a + 1;
    let y = {
        let inner = x * 2;
        let x = inner + 100;
        x + 1
    };
    let mut total = 0;
    for i in 0..2 {
        let x = inner_loop(i) + y - 3;
        total += x + i; // gdb: break
    }
    total + x
}

fn inner_loop(i: i32) -> i32 {
    i + 1
}

fn main() {
    println!("{}", work(std::hint::black_box(5)));
}
