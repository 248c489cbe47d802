// Checks statics, consts, const fn, `static mut` accessed through raw pointers, and statics holding tables and strings.
use std::ptr::addr_of_mut;

const GREETING: &str = "hello";
const PRIMES: [u32; 6] = [2, 3, 5, 7, 11, 13];
const MASK: u64 = (1 << 40) - 1;
const fn cube(x: u64) -> u64 {
    x * x * x
}
const CUBE_OF_7: u64 = cube(7);
const LOOKUP: [u8; 16] = {
    let mut t = [0u8; 16];
    let mut i = 0;
    while i < 16 {
        t[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    t
};

static VERSION: &str = "1.2.3";
static TABLE: [(&str, i32); 3] = [("one", 1), ("two", 2), ("three", 3)];
static mut COUNTER: u32 = 0;
static mut LOG: [u8; 8] = [0; 8];
static mut HISTORY: Vec<i64> = Vec::new();

fn bump() -> u32 {
    // SAFETY: single-threaded program; no other reference to COUNTER is alive.
    unsafe {
        let c = addr_of_mut!(COUNTER);
        *c += 1;
        *c
    }
}

fn record(v: i64) {
    // SAFETY: single-threaded; the pointer is only used for this call.
    unsafe {
        (*addr_of_mut!(HISTORY)).push(v);
        let log = &mut *addr_of_mut!(LOG);
        log[(v as usize) % 8] += 1;
    }
}

struct Config {
    name: &'static str,
    retries: u8,
}

static DEFAULT_CONFIG: Config = Config { name: "default", retries: 3 };

impl Config {
    const MAX_RETRIES: u8 = 5;
}

fn lookup(name: &str) -> Option<i32> {
    TABLE.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
}

fn main() {
    println!("{} {} {:?}", GREETING, GREETING.len(), PRIMES);
    println!("mask {:#x} cube {} sum {}", MASK, CUBE_OF_7, PRIMES.iter().sum::<u32>());
    println!("popcounts {:?}", LOOKUP);
    println!("version {} lookup {:?} {:?}", VERSION, lookup("two"), lookup("four"));
    for _ in 0..5 {
        bump();
    }
    println!("counter {}", bump());
    for v in [3, 11, 19, 4, -0] {
        record(v);
    }
    // SAFETY: single-threaded; no mutable access is alive while reading.
    unsafe {
        let hist = &*addr_of_mut!(HISTORY);
        let log = &*addr_of_mut!(LOG);
        println!("history {:?} log {:?}", hist, log);
    }
    println!("config {} {} max {}", DEFAULT_CONFIG.name, DEFAULT_CONFIG.retries, Config::MAX_RETRIES);
    let s: &'static str = VERSION;
    let parts: Vec<u32> = s.split('.').map(|p| p.parse().unwrap()).collect();
    println!("parts {:?}", parts);
    const LOCAL: i32 = -(1 << 10);
    static LOCAL_STATIC: [char; 3] = ['x', 'y', 'z'];
    println!("{} {:?}", LOCAL, LOCAL_STATIC);
    let ptr1 = &TABLE as *const _;
    let ptr2 = &TABLE as *const _;
    println!("static has one address: {}", ptr1 == ptr2);
}
