// Checks std::process::exit called deep inside calls: the code is returned and destructors of live values do not run.
struct Resource(u32);

impl Drop for Resource {
    fn drop(&mut self) {
        println!("release {}", self.0);
    }
}

fn work(level: u32) -> u32 {
    let _r = Resource(level);
    if level == 3 {
        println!("fatal condition at level {}", level);
        std::process::exit(42);
    }
    work(level + 1)
}

fn main() {
    {
        let _temp = Resource(100);
    }
    let _main_res = Resource(0);
    println!("result {}", work(1));
}
