//! fannkuch-redux (Benchmarks Game): pancake flips over all permutations; prints checksum and max.
// Usage: fannkuch_redux [n] (default 10).

fn fannkuch(n: usize) -> (i64, u32) {
    let mut perm = vec![0usize; n];
    let mut perm1: Vec<usize> = (0..n).collect();
    let mut count = vec![0usize; n];
    let mut checksum = 0i64;
    let mut max_flips = 0u32;
    let mut permutation_index = 0i64;
    let mut r = n;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        perm.copy_from_slice(&perm1);
        let mut flips = 0u32;
        let mut k = perm[0];
        while k != 0 {
            perm[..=k].reverse();
            flips += 1;
            k = perm[0];
        }
        max_flips = max_flips.max(flips);
        checksum += if permutation_index % 2 == 0 {
            i64::from(flips)
        } else {
            -i64::from(flips)
        };
        // Next permutation in the counting order of the original program.
        loop {
            if r == n {
                return (checksum, max_flips);
            }
            let first = perm1[0];
            for i in 0..r {
                perm1[i] = perm1[i + 1];
            }
            perm1[r] = first;
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        permutation_index += 1;
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(10);
    let (checksum, max_flips) = fannkuch(n);
    println!("{checksum}\nPfannkuchen({n}) = {max_flips}");
}
