// Checks 2D Vec<Vec<T>> grids: construction, neighbour scans, Game of Life steps, matrix multiply/transpose and flood-free path counting.
fn parse(rows: &[&str]) -> Vec<Vec<bool>> {
    rows.iter().map(|r| r.chars().map(|c| c == '#').collect()).collect()
}

fn show(g: &[Vec<bool>]) -> String {
    g.iter().map(|r| r.iter().map(|&b| if b { '#' } else { '.' }).collect::<String>()).collect::<Vec<_>>().join("\n")
}

fn neighbours(g: &[Vec<bool>], r: usize, c: usize) -> usize {
    let mut n = 0;
    for dr in [-1i32, 0, 1] {
        for dc in [-1i32, 0, 1] {
            if dr == 0 && dc == 0 {
                continue;
            }
            let rr = r as i32 + dr;
            let cc = c as i32 + dc;
            if rr >= 0 && cc >= 0 && (rr as usize) < g.len() && (cc as usize) < g[0].len() && g[rr as usize][cc as usize] {
                n += 1;
            }
        }
    }
    n
}

fn life_step(g: &[Vec<bool>]) -> Vec<Vec<bool>> {
    let mut next = vec![vec![false; g[0].len()]; g.len()];
    for r in 0..g.len() {
        for c in 0..g[0].len() {
            let n = neighbours(g, r, c);
            next[r][c] = matches!((g[r][c], n), (true, 2) | (true, 3) | (false, 3));
        }
    }
    next
}

fn matmul(a: &[Vec<i64>], b: &[Vec<i64>]) -> Vec<Vec<i64>> {
    let n = a.len();
    let m = b[0].len();
    let k = b.len();
    let mut out = vec![vec![0; m]; n];
    for i in 0..n {
        for j in 0..m {
            out[i][j] = (0..k).map(|t| a[i][t] * b[t][j]).sum();
        }
    }
    out
}

fn transpose<T: Clone>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    (0..m[0].len()).map(|c| m.iter().map(|row| row[c].clone()).collect()).collect()
}

fn paths(blocked: &[Vec<bool>]) -> u64 {
    let h = blocked.len();
    let w = blocked[0].len();
    let mut dp = vec![vec![0u64; w]; h];
    for r in 0..h {
        for c in 0..w {
            if blocked[r][c] {
                continue;
            }
            dp[r][c] = if r == 0 && c == 0 { 1 } else { (if r > 0 { dp[r - 1][c] } else { 0 }) + (if c > 0 { dp[r][c - 1] } else { 0 }) };
        }
    }
    dp[h - 1][w - 1]
}

fn main() {
    let mut g = parse(&[".....", "..#..", "..#..", "..#..", "....."]);
    println!("{}\n", show(&g));
    g = life_step(&g);
    println!("{}\n", show(&g));
    g = life_step(&g);
    println!("{}", show(&g));
    let mut glider = parse(&[".#....", "..#...", "###...", "......", "......", "......"]);
    for _ in 0..4 {
        glider = life_step(&glider);
    }
    println!("glider after 4:\n{}", show(&glider));
    println!("alive {}", glider.iter().flatten().filter(|&&b| b).count());

    let a = vec![vec![1, 2, 3], vec![4, 5, 6]];
    let b = vec![vec![7, 8], vec![9, 10], vec![11, 12]];
    println!("matmul {:?}", matmul(&a, &b));
    println!("transpose {:?}", transpose(&a));
    let mut fibm = vec![vec![1i64, 1], vec![1, 0]];
    let base = fibm.clone();
    for _ in 0..49 {
        fibm = matmul(&fibm, &base);
    }
    println!("fib(50) via matrix {}", fibm[0][1]);
    let mut tri: Vec<Vec<u64>> = Vec::new();
    for n in 0..10 {
        let mut row = vec![1u64; n + 1];
        for k in 1..n {
            row[k] = tri[n - 1][k - 1] + tri[n - 1][k];
        }
        tri.push(row);
    }
    println!("pascal row 9 {:?}", tri[9]);
    let jagged: Vec<Vec<char>> = ["ab", "", "cde"].iter().map(|s| s.chars().collect()).collect();
    println!("jagged lens {:?} total {}", jagged.iter().map(Vec::len).collect::<Vec<_>>(), jagged.concat().len());
    let open = vec![vec![false; 6]; 4];
    let mut walls = open.clone();
    walls[1][1] = true;
    walls[2][3] = true;
    println!("paths {} {}", paths(&open), paths(&walls));
    let mut spiral = vec![vec![0; 4]; 4];
    let (mut top, mut left, mut bottom, mut right) = (0i32, 0i32, 3i32, 3i32);
    let mut k = 1;
    while top <= bottom && left <= right {
        for c in left..=right { spiral[top as usize][c as usize] = k; k += 1; }
        top += 1;
        for r in top..=bottom { spiral[r as usize][right as usize] = k; k += 1; }
        right -= 1;
        if top <= bottom {
            for c in (left..=right).rev() { spiral[bottom as usize][c as usize] = k; k += 1; }
            bottom -= 1;
        }
        if left <= right {
            for r in (top..=bottom).rev() { spiral[r as usize][left as usize] = k; k += 1; }
            left += 1;
        }
    }
    for row in &spiral {
        println!("{}", row.iter().map(|v| format!("{:3}", v)).collect::<String>());
    }
}
