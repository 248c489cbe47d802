//! Hello world with a GC string: the greeting is a `wasm::GcArray<u8>` (a WasmGC array when our
//! backend accelerates the `wasm` crate, reference counted in linear memory on the library
//! fallback) and is printed through one host import (WASI's `fd_write`, by `wasm::host::print`).
//! `#![no_std]` and no formatting: the size of what GC itself costs.

#![no_std]
#![no_main]

use wasm::GcArray;

const GREETING: &[u8] = b"Hello, world!\n";

/// The entry point itself: the bench builds with `-Clink-self-contained=no`, which leaves out
/// wasi-libc's `_start` (and with it libc's argv setup and `proc_exit`).
#[unsafe(no_mangle)]
extern "C" fn _start() {
    let greeting = GcArray::from_slice(GREETING);
    // The host import reads linear memory: the string is copied out of the GC heap.
    let mut text = [0u8; GREETING.len()];
    let mut copied = 0;
    for byte in greeting.iter() {
        if let Some(slot) = text.get_mut(copied) {
            *slot = byte;
            copied += 1;
        }
    }
    if copied == GREETING.len() {
        // SAFETY: `text` is a copy of the ASCII literal `GREETING`.
        wasm::host::print(unsafe { core::str::from_utf8_unchecked(&text) });
    }
}

/// The library fallback allocates the array's box: a bump allocator over `memory.grow` (nothing is
/// freed; the program allocates once). Accelerated, nothing calls it and the linker drops it.
mod bump {
    use core::alloc::{GlobalAlloc, Layout};
    use core::sync::atomic::{AtomicUsize, Ordering};

    const PAGE: usize = 65536;

    pub(crate) struct PageBump {
        next: AtomicUsize,
    }

    #[global_allocator]
    static ALLOCATOR: PageBump = PageBump { next: AtomicUsize::new(0) };

    // SAFETY: every block returned is fresh memory from `memory.grow`, aligned as asked.
    unsafe impl GlobalAlloc for PageBump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let mut start = self.next.load(Ordering::Relaxed);
            let end_of_memory = core::arch::wasm32::memory_size(0) * PAGE;
            if start == 0 {
                start = end_of_memory;
            }
            start = start.next_multiple_of(layout.align());
            let end = start + layout.size();
            if end > end_of_memory {
                let pages = (end - end_of_memory).div_ceil(PAGE);
                if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                    return core::ptr::null_mut();
                }
            }
            self.next.store(end, Ordering::Relaxed);
            start as *mut u8
        }

        unsafe fn dealloc(&self, _block: *mut u8, _layout: Layout) {}
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
