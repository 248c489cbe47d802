//! Hello world through std's `println!`: the size of the smallest ordinary program.

fn main() {
    println!("Hello, world!");
}
