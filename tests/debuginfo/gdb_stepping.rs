// gdb, in batch mode, on wasm-run -g: the debuginfo group breaks at the line marked `gdb: break`,
// expects the caller's frame at the line marked `gdb: caller`, then `next` over the call of `fib`
// to the `gdb: next` line.

fn fib(n: u32) -> u64 {
    let mut a = 0u64;
    let mut b = 1u64;
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

fn compute(limit: u32) -> u64 {
    let mut total = 0;
    for i in 0..limit {
        let f = fib(i); // gdb: break
        total += f; // gdb: next
    }
    total
}

fn main() {
    println!("{}", compute(10)); // gdb: caller
}
