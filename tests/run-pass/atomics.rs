// Checks atomics used single-threaded: load/store, fetch_* ops, swap, compare_exchange, wrapping, AtomicBool/AtomicPtr and static atomics.
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicPtr, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);
static INITIALIZED: AtomicBool = AtomicBool::new(false);

fn next_id() -> usize {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn init_once() -> bool {
    INITIALIZED.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).is_ok()
}

fn main() {
    let a = AtomicUsize::new(5);
    println!("load {}", a.load(Ordering::SeqCst));
    a.store(10, Ordering::SeqCst);
    println!("fetch_add {} -> {}", a.fetch_add(5, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_sub {} -> {}", a.fetch_sub(3, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("swap {} -> {}", a.swap(100, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("cas ok {:?} cas fail {:?}", a.compare_exchange(100, 7, Ordering::SeqCst, Ordering::SeqCst), a.compare_exchange(100, 8, Ordering::SeqCst, Ordering::SeqCst));
    println!("fetch_max {} fetch_min {} now {}", a.fetch_max(50, Ordering::SeqCst), a.fetch_min(20, Ordering::SeqCst), a.load(Ordering::SeqCst));

    let bits = AtomicU8::new(0b1100);
    println!("and {} or {} xor {} nand {} now {:#010b}",
        bits.fetch_and(0b1010, Ordering::Relaxed),
        bits.fetch_or(0b0001, Ordering::Relaxed),
        bits.fetch_xor(0b1111, Ordering::Relaxed),
        bits.fetch_nand(0b0110, Ordering::Relaxed),
        bits.load(Ordering::Relaxed));
    let w = AtomicU8::new(250);
    w.fetch_add(10, Ordering::Relaxed);
    println!("wrapping add {}", w.load(Ordering::Relaxed));
    let neg = AtomicI32::new(-5);
    neg.fetch_sub(i32::MAX, Ordering::Relaxed);
    println!("wrapping sub {}", neg.load(Ordering::Relaxed));

    let big = AtomicU64::new(u64::MAX - 1);
    println!("u64 fetch_add {} -> {}", big.fetch_add(2, Ordering::SeqCst), big.load(Ordering::SeqCst));
    let signed = AtomicI64::new(i64::MIN);
    println!("i64 {}", signed.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| v.checked_add(1)).unwrap());
    println!("i64 now {} update fail {:?}", signed.load(Ordering::SeqCst), signed.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| v.checked_sub(2)));

    let ids: Vec<usize> = (0..4).map(|_| next_id()).collect();
    println!("ids {:?} next {}", ids, NEXT_ID.load(Ordering::Relaxed));
    println!("init {} {} {}", init_once(), init_once(), INITIALIZED.load(Ordering::Relaxed));
    let flag = AtomicBool::new(true);
    println!("bool fetch_and {} fetch_or {} fetch_xor {} now {}",
        flag.fetch_and(false, Ordering::SeqCst),
        flag.fetch_or(false, Ordering::SeqCst),
        flag.fetch_xor(true, Ordering::SeqCst),
        flag.load(Ordering::SeqCst));

    let mut value = 41;
    let ptr = AtomicPtr::new(&mut value as *mut i32);
    // SAFETY: the pointer refers to `value`, which is alive and not otherwise borrowed.
    unsafe {
        *ptr.load(Ordering::SeqCst) += 1;
    }
    println!("atomic ptr -> {}", value);

    let shared = Arc::new(AtomicUsize::new(0));
    let clones: Vec<Arc<AtomicUsize>> = (0..3).map(|_| Arc::clone(&shared)).collect();
    for (i, c) in clones.iter().enumerate() {
        c.fetch_add(i + 1, Ordering::SeqCst);
    }
    println!("arc total {} strong {}", shared.load(Ordering::SeqCst), Arc::strong_count(&shared));
    let mut owned = AtomicUsize::new(3);
    *owned.get_mut() *= 7;
    println!("get_mut {} into_inner {}", owned.load(Ordering::Relaxed), owned.into_inner());
}
