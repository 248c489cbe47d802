// A panic that nothing catches unwinds main's frames, running their destructors, and the
// program exits with 101 after the panic message.
struct Announce(&'static str);

impl Drop for Announce {
    fn drop(&mut self) {
        println!("dropping {}", self.0);
    }
}

fn fail(n: u32) -> u32 {
    let _a = Announce("in fail");
    if n > 2 {
        panic!("n is {n}");
    }
    n
}

fn main() {
    let _outer = Announce("main's guard");
    println!("start");
    let total: u32 = (0..5).map(fail).sum();
    println!("never printed {total}");
}
