// A static whose initializer borrows a temporary that cannot be promoted (a const fn result with
// drop glue, or a `&mut` in a `static mut`) gets that memory as a "nested static" of its own,
// which has no type: chrono's `strftime` tables are such statics.

#[derive(Debug)]
#[allow(dead_code)]
enum Item {
    Literal(&'static str),
    Owned(Box<str>),
}

const fn literal(text: &'static str) -> Item {
    Item::Literal(text)
}

static ITEMS: &[Item] = &[literal("a"), literal("b")];
static EMPTY: &Vec<u8> = &Vec::new();
/// The nested memory must stay writable.
static mut COUNTERS: &mut [u32] = &mut [1, 2];

fn main() {
    println!("{ITEMS:?} {}", EMPTY.len());
    // SAFETY: single-threaded; no other reference to COUNTERS exists.
    let counters = unsafe { &mut *std::ptr::addr_of_mut!(COUNTERS) };
    counters[1] += 40;
    println!("{} {}", counters[0], counters[1]);
}
