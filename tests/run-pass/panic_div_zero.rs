// Checks that integer division by a runtime zero panics.
fn average(values: &[i32]) -> i32 {
    let sum: i32 = values.iter().sum();
    sum / values.len() as i32
}

fn main() {
    println!("avg = {}", average(&[3, 4, 8]));
    let empty: Vec<i32> = Vec::new();
    println!("checked = {:?}", 10i32.checked_div(empty.len() as i32));
    println!("avg = {}", average(&empty));
    println!("unreachable");
}
