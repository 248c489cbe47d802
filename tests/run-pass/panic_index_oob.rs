// Checks that indexing a Vec past its end panics with a bounds-check failure.
fn main() {
    let v: Vec<i32> = (1..=5).collect();
    let mut i = 0;
    loop {
        println!("v[{}] = {}", i, v[i]);
        i += 2;
    }
}
