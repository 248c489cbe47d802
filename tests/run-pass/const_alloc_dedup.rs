// Two structurally identical promoted constants (`&VTable { .. }` in two functions of one
// crate) get one address under LLVM: rustc_codegen_llvm's `static_addr_of` caches const
// allocations by content, per codegen unit. alloc's `Waker::will_wake` relies on it (see the
// comment on `raw_waker`/`clone_waker` in library/alloc/src/task.rs).
struct VTable {
    call: fn() -> u32,
    tag: u32,
}

fn one() -> u32 {
    1
}

#[inline(never)]
fn first() -> &'static VTable {
    &VTable { call: one, tag: 7 }
}

#[inline(never)]
fn second() -> &'static VTable {
    &VTable { call: one, tag: 7 }
}

fn main() {
    let (a, b) = (first(), second());
    println!("same address: {}", std::ptr::eq(a, b));
    println!("contents: {} {} {} {}", (a.call)(), a.tag, (b.call)(), b.tag);
    // Plain data without relocations as well:
    let (x, y): (&'static [u8; 4], &'static [u8; 4]) = (&[1, 2, 3, 4], &[1, 2, 3, 4]);
    println!("same bytes address: {}", std::ptr::eq(x, y));
}
