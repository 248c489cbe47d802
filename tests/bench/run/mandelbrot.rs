//! mandelbrot (Benchmarks Game): the set as a bitmap; prints its size and a hash of the bits
//! instead of the PBM image.
// Usage: mandelbrot [size] (default 1600).

fn row(y: usize, size: usize, out: &mut Vec<u8>) {
    let ci = 2.0 * y as f64 / size as f64 - 1.0;
    let mut byte = 0u8;
    for x in 0..size {
        let cr = 2.0 * x as f64 / size as f64 - 1.5;
        let (mut zr, mut zi, mut tr, mut ti) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut i = 0;
        while i < 50 && tr + ti <= 4.0 {
            zi = 2.0 * zr * zi + ci;
            zr = tr - ti + cr;
            tr = zr * zr;
            ti = zi * zi;
            i += 1;
        }
        byte = (byte << 1) | u8::from(tr + ti <= 4.0);
        if x % 8 == 7 {
            out.push(byte);
            byte = 0;
        }
    }
    if size % 8 != 0 {
        out.push(byte << (8 - size % 8));
    }
}

fn main() {
    let size: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1600);
    let mut bits = Vec::with_capacity(size * size.div_ceil(8));
    for y in 0..size {
        row(y, size, &mut bits);
    }
    // FNV-1a over the bitmap: any wrong pixel changes it.
    let hash = bits.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    let set: u32 = bits.iter().map(|b| b.count_ones()).sum();
    println!("P4 {size} {size}: {set} points in the set, fnv {hash:016x}");
}
