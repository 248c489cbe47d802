// Checks that Option::unwrap on None panics.
fn find_even(values: &[u32]) -> Option<u32> {
    values.iter().copied().find(|v| v % 2 == 0)
}

fn main() {
    println!("first even = {}", find_even(&[1, 3, 4, 6]).unwrap());
    println!("fallback = {}", find_even(&[1, 3]).unwrap_or(0));
    let missing = find_even(&[5, 7, 9]);
    println!("is_none = {}", missing.is_none());
    println!("value = {}", missing.unwrap());
}
