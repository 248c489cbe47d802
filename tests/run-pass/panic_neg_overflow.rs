// Checks that negating i32::MIN panics with overflow checks on, while wrapping/checked variants do not.
fn negate_all(values: &[i32]) -> Vec<i32> {
    values.iter().map(|&v| -v).collect()
}

fn main() {
    println!("{:?}", negate_all(&[1, -5, i32::MAX]));
    println!("{} {:?}", i32::MIN.wrapping_neg(), i32::MIN.checked_neg());
    let min = i32::MIN + "0".parse::<i32>().unwrap();
    println!("{:?}", negate_all(&[7, min]));
}
