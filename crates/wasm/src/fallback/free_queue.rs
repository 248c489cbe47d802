//! Frees GC boxes one after another instead of recursively, so dropping a long chain cannot overflow
//! the stack (wasm stacks are small: 1 MiB by default).
//!
//! Freeing a box drops its fields, which may release the last handle to further boxes. While one box
//! is being freed on a thread, boxes released meanwhile are queued and freed by the outermost call.

use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::ptr::NonNull;

/// A box to free and the function that frees it (it knows the box's type).
type PendingFree = (NonNull<u8>, unsafe fn(NonNull<u8>));

#[derive(Default)]
struct FreeQueue {
    draining: Cell<bool>,
    pending: RefCell<Vec<PendingFree>>,
}

/// Frees `gc_box` with `free` now, or after the free that is already running on this thread.
///
/// # Safety
/// `free(gc_box)` is sound to call once, now or later on this thread.
pub(crate) unsafe fn free(gc_box: NonNull<u8>, free: unsafe fn(NonNull<u8>)) {
    let queued = with_queue(|queue| {
        if queue.draining.get() {
            queue.pending.borrow_mut().push((gc_box, free));
            true
        } else {
            queue.draining.set(true);
            false
        }
    });
    match queued {
        Some(true) => {}
        Some(false) => {
            let _stop_draining = StopDraining;
            // SAFETY: the caller's promise; later entries were queued under the same promise.
            unsafe { free(gc_box) };
            while let Some((next, free_next)) =
                with_queue(|queue| queue.pending.borrow_mut().pop()).flatten()
            {
                // SAFETY: as above.
                unsafe { free_next(next) };
            }
        }
        // The thread is exiting and its queue is gone: free directly.
        // SAFETY: the caller's promise.
        None => unsafe { free(gc_box) },
    }
}

/// Leaves the draining state even if a destructor panics, so later frees are not queued forever.
struct StopDraining;

impl Drop for StopDraining {
    fn drop(&mut self) {
        with_queue(|queue| queue.draining.set(false));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn with_queue<R>(f: impl FnOnce(&FreeQueue) -> R) -> Option<R> {
    std::thread_local! {
        static QUEUE: FreeQueue = FreeQueue::default();
    }
    QUEUE.try_with(f).ok()
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
fn with_queue<R>(f: impl FnOnce(&FreeQueue) -> R) -> Option<R> {
    struct SingleThreaded(FreeQueue);
    // SAFETY: wasm32 without the atomics feature has exactly one thread.
    unsafe impl Sync for SingleThreaded {}
    static QUEUE: SingleThreaded = SingleThreaded(FreeQueue {
        draining: Cell::new(false),
        pending: RefCell::new(Vec::new()),
    });
    Some(f(&QUEUE.0))
}

// Threads on wasm32 without `std` have no thread-local storage to put a queue in: free directly.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
fn with_queue<R>(_: impl FnOnce(&FreeQueue) -> R) -> Option<R> {
    None
}
