// `read_volatile` / `write_volatile` of values held in memory, not in registers: arrays and
// structs larger than a scalar pair (crossbeam-deque's buffer does this).

use std::ptr;

#[derive(Debug, Clone, Copy)]
struct Triple {
    a: u64,
    b: u16,
    c: u64,
}

fn main() {
    let mut bytes: [u8; 20] = [1; 20];
    let mut numbers: (u64, u64, u64) = (1, 2, 3);
    let mut triple = Triple { a: 1, b: 2, c: 3 };
    let mut pair: (u32, u32) = (0, 0);
    // SAFETY: every pointer comes from a live, aligned local.
    unsafe {
        ptr::write_volatile(&mut bytes, [9; 20]);
        println!("{:?}", ptr::read_volatile(&bytes));
        ptr::write_volatile(&mut numbers, (4, 5, 6));
        println!("{:?}", ptr::read_volatile(&numbers));
        ptr::write_volatile(&mut triple, Triple { a: 7, b: 8, c: 9 });
        println!("{:?}", ptr::read_volatile(&triple));
        ptr::write_volatile(&mut pair, (10, 11));
        println!("{:?}", ptr::read_volatile(&pair));
    }
}
