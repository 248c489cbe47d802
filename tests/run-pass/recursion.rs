// Checks recursion: fib, Ackermann (small), mutual recursion, deep-ish recursion, recursive data traversal, Hanoi and permutations.
fn fib(n: u32) -> u64 {
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn is_even(n: u32) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}

fn is_odd(n: u32) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

fn sum_to(n: u64) -> u64 {
    if n == 0 { 0 } else { n + sum_to(n - 1) }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn power(base: u64, exp: u32) -> u64 {
    match exp {
        0 => 1,
        e if e % 2 == 0 => {
            let half = power(base, e / 2);
            half * half
        }
        e => base * power(base, e - 1),
    }
}

fn hanoi(n: u32, from: char, to: char, via: char, moves: &mut Vec<(char, char)>) {
    if n == 0 {
        return;
    }
    hanoi(n - 1, from, via, to, moves);
    moves.push((from, to));
    hanoi(n - 1, via, to, from, moves);
}

fn permutations(items: &mut Vec<char>, k: usize, out: &mut Vec<String>) {
    if k == items.len() {
        out.push(items.iter().collect());
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permutations(items, k + 1, out);
        items.swap(k, i);
    }
}

#[derive(Debug)]
enum Json {
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

fn depth(j: &Json) -> usize {
    match j {
        Json::Num(_) | Json::Str(_) => 1,
        Json::Arr(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Json::Obj(fields) => 1 + fields.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
    }
}

fn render(j: &Json) -> String {
    match j {
        Json::Num(n) => n.to_string(),
        Json::Str(s) => format!("{:?}", s),
        Json::Arr(items) => format!("[{}]", items.iter().map(render).collect::<Vec<_>>().join(",")),
        Json::Obj(fields) => format!("{{{}}}", fields.iter().map(|(k, v)| format!("{:?}:{}", k, render(v))).collect::<Vec<_>>().join(",")),
    }
}

fn flood(grid: &mut Vec<Vec<u8>>, r: usize, c: usize) -> usize {
    if grid[r][c] != b'.' {
        return 0;
    }
    grid[r][c] = b'#';
    let mut n = 1;
    if r > 0 { n += flood(grid, r - 1, c); }
    if r + 1 < grid.len() { n += flood(grid, r + 1, c); }
    if c > 0 { n += flood(grid, r, c - 1); }
    if c + 1 < grid[r].len() { n += flood(grid, r, c + 1); }
    n
}

fn main() {
    println!("fib {:?}", (0..=20).step_by(5).map(fib).collect::<Vec<_>>());
    println!("fib(25) {}", fib(25));
    println!("ackermann {} {} {} {}", ackermann(0, 0), ackermann(1, 2), ackermann(2, 3), ackermann(3, 3));
    println!("even/odd {} {} {}", is_even(10), is_odd(7), is_even(1001));
    println!("sum_to(10000) {}", sum_to(10_000));
    println!("gcd {} power {} {}", gcd(1071, 462), power(3, 13), power(2, 63));
    let mut moves = Vec::new();
    hanoi(4, 'A', 'C', 'B', &mut moves);
    println!("hanoi {} moves, first {:?}, last {:?}", moves.len(), &moves[..3], moves.last());
    let mut items: Vec<char> = "abc".chars().collect();
    let mut perms = Vec::new();
    permutations(&mut items, 0, &mut perms);
    println!("perms {:?}", perms);
    let doc = Json::Obj(vec![
        ("name".into(), Json::Str("wasm".into())),
        ("tags".into(), Json::Arr(vec![Json::Num(1.0), Json::Arr(vec![Json::Num(2.5)])])),
        ("empty".into(), Json::Obj(vec![])),
    ]);
    println!("json {} depth {}", render(&doc), depth(&doc));
    let mut grid: Vec<Vec<u8>> = ["..#..", ".##..", "#...#", "..#.."].iter().map(|r| r.bytes().collect()).collect();
    println!("flood from (0,0): {}", flood(&mut grid, 0, 0));
    println!("flood from (0,3): {}", flood(&mut grid, 0, 3));
    for row in &grid {
        println!("{}", String::from_utf8_lossy(row));
    }
}
