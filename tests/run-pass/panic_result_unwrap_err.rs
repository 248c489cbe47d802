// Checks that Result::expect on an Err value panics (after the earlier successful parses are printed).
fn parse_all(inputs: &[&str]) -> Vec<i32> {
    inputs.iter().map(|s| s.parse::<i32>().expect("input must be a number")).collect()
}

fn main() {
    println!("{:?}", parse_all(&["1", "-2", "30"]));
    println!("{:?}", "7".parse::<u8>().map(|v| v * 2));
    let values = parse_all(&["4", "four"]);
    println!("unreachable {:?}", values);
}
