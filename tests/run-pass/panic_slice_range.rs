// Checks that slicing with a range past the end of a slice panics.
fn window(data: &[u8], start: usize, len: usize) -> &[u8] {
    &data[start..start + len]
}

fn main() {
    let data = [10u8, 20, 30, 40, 50];
    println!("{:?}", window(&data, 1, 3));
    println!("{:?}", window(&data, 5, 0));
    println!("{:?}", data.get(3..7));
    println!("{:?}", window(&data, 3, 3));
    println!("unreachable");
}
