// Checks fixed-size arrays: initialisation, indexing, iteration, 2D arrays, copies, equality and array methods.
const N: usize = 5;

fn sum(arr: &[i32; N]) -> i32 {
    arr.iter().sum()
}

fn transpose(m: [[u8; 3]; 2]) -> [[u8; 2]; 3] {
    let mut t = [[0u8; 2]; 3];
    for (i, row) in m.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            t[j][i] = v;
        }
    }
    t
}

fn main() {
    let mut a = [1, 2, 3, 4, 5];
    let zeros = [0u64; 8];
    println!("{:?} {:?} len {}", a, zeros, zeros.len());
    a[2] *= 10;
    println!("{:?} sum {}", a, sum(&a));
    let b = a;
    a[0] = 100;
    println!("copy semantics: {:?} {:?}", a, b);
    println!("eq: {} {}", b == [1, 2, 30, 4, 5], a != b);
    let m = [[1u8, 2, 3], [4, 5, 6]];
    println!("transpose: {:?}", transpose(m));
    let squares: [u32; 6] = std::array::from_fn(|i| (i * i) as u32);
    println!("from_fn: {:?}", squares);
    let doubled = squares.map(|x| x * 2);
    println!("map: {:?}", doubled);
    println!("first/last: {:?} {:?}", squares.first(), squares.last());
    println!("contains: {} {}", squares.contains(&16), squares.contains(&17));
    let mut rev = squares;
    rev.reverse();
    println!("reverse: {:?}", rev);
    let strings = [String::from("a"), String::from("bc"), String::from("def")];
    let lens = strings.iter().map(String::len).collect::<Vec<_>>();
    println!("lens: {:?}", lens);
    for (i, s) in strings.into_iter().enumerate() {
        print!("{}:{} ", i, s);
    }
    println!();
    let bytes: [u8; 4] = *b"wasm";
    println!("bytes: {:?}", bytes);
    let mut grid = [['.'; 4]; 3];
    grid[1][2] = '#';
    grid[0][0] = '@';
    for row in &grid {
        println!("{}", row.iter().collect::<String>());
    }
    let big = [7u16; 300];
    println!("big: {} {}", big.len(), big.iter().map(|&x| x as u32).sum::<u32>());
    let slice: &[i32] = &a[1..4];
    let arr: [i32; 3] = slice.try_into().unwrap();
    println!("try_into: {:?}", arr);
    let bad: Result<[i32; 2], _> = slice.try_into();
    println!("bad try_into is_err: {}", bad.is_err());
    let nested_empty: [[i32; 0]; 2] = [[], []];
    println!("empty: {:?}", nested_empty);
    let idx = a.iter().position(|&x| x == 4);
    println!("position: {:?}", idx);
}
