// Checks that with panic=abort a panic does not unwind: pending destructors never run, so no "drop" line is printed.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn inner(depth: u32) -> u32 {
    let _g = Guard("inner");
    if depth == 3 {
        panic!("reached depth {}", depth);
    }
    inner(depth + 1) + 1
}

fn main() {
    {
        let _scoped = Guard("scoped");
    }
    let _outer = Guard("outer");
    println!("calling inner");
    let r = inner(0);
    println!("unreachable {}", r);
}
