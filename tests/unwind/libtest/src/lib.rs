//! A library whose tests panic: `cargo wasm test --dev` with `-Cpanic=unwind` must run its
//! `#[should_panic]` tests and count them as `cargo test` does natively (the unwind group).

pub fn checked_div(a: i32, b: i32) -> i32 {
    if b == 0 {
        panic!("division by zero");
    }
    a / b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divides() {
        assert_eq!(checked_div(9, 3), 3);
    }

    #[test]
    #[should_panic(expected = "division by zero")]
    fn zero_panics() {
        checked_div(1, 0);
    }

    #[test]
    #[should_panic]
    fn wrong_expectation_fails() {
        checked_div(4, 2);
    }

    #[test]
    fn catches() {
        assert!(std::panic::catch_unwind(|| checked_div(1, 0)).is_err());
    }
}

#[cfg(test)]
mod more {
    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn out_of_bounds() {
        let v = vec![1, 2, 3];
        let _ = v[std::hint::black_box(5)];
    }

    #[test]
    #[should_panic(expected = "another message")]
    fn wrong_message_fails() {
        panic!("this message");
    }

    #[test]
    fn plain_failure() {
        assert_eq!(1 + 1, 3, "arithmetic");
    }
}
