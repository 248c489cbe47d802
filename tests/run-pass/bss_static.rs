// Zeroed `static mut`s go to `.bss`, which wasm-ld does not write into the module (memory starts
// zeroed), as LLVM does: 1 MiB of zeros must not add 1 MiB to the module. The bound leaves room
// for the program with std (about 600 kB as a wasm32-wasip1 module, 780 kB as the core module of
// a wasm32-wasip2 component) but not for the 1,048,576 zeros.
// max-module-bytes: 1000000

use std::ptr::addr_of_mut;

static mut BIG: [u8; 1 << 20] = [0; 1 << 20];
static mut COUNTS: [u32; 4096] = [0; 4096];
/// Not zero: stays in `.data` with its bytes.
static mut SEEDED: [u16; 4] = [1, 0, 0, 2];

fn main() {
    // SAFETY: single-threaded, and no other reference to these statics is live.
    let (big, counts, seeded) = unsafe { (&mut *addr_of_mut!(BIG), &mut *addr_of_mut!(COUNTS), &mut *addr_of_mut!(SEEDED)) };
    println!("zeroed at start: {}", big.iter().all(|&b| b == 0) && counts.iter().all(|&c| c == 0));
    for i in (0..big.len()).step_by(4096) {
        big[i] = (i >> 12) as u8;
    }
    big[big.len() - 1] = 0xff;
    let sum: u64 = big.iter().map(|&b| u64::from(b)).sum();
    println!("sum after writes: {sum}");
    for (i, &b) in big.iter().enumerate().step_by(1021) {
        counts[(usize::from(b) + i) % counts.len()] += 1;
    }
    let filled = counts.iter().filter(|&&c| c != 0).count();
    println!("counts filled: {filled}, total {}", counts.iter().sum::<u32>());
    seeded[1] += 40;
    println!("seeded: {seeded:?}");
}
