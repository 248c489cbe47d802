//! Reference-counted boxes: the fallback storage of GC structs and arrays.
//!
//! A `GcBox<T>` is freed when its last handle is released (iteratively, see `free_queue`). Objects that refer to each other in a
//! cycle keep each other alive, so the fallback leaks cycles; the accelerated mode collects them.

use alloc::boxed::Box;
use core::cell::{Cell, UnsafeCell};
use core::mem::ManuallyDrop;
use core::ptr::{self, NonNull};

pub(crate) struct GcBox<T> {
    handles: Cell<usize>,
    value: UnsafeCell<T>,
}

pub(crate) fn allocate<T>(value: T) -> NonNull<GcBox<T>> {
    let boxed = Box::new(GcBox {
        handles: Cell::new(1),
        value: UnsafeCell::new(value),
    });
    NonNull::from(Box::leak(boxed))
}

/// # Safety
/// `gc_box` is alive.
pub(crate) unsafe fn retain<T>(gc_box: NonNull<GcBox<T>>) {
    // SAFETY: alive (caller); `handles` is only touched through shared references.
    let handles = unsafe { &gc_box.as_ref().handles };
    // Leaked clones (`mem::forget`) could wrap the count and free a live object.
    if handles.get() == usize::MAX {
        abort();
    }
    handles.set(handles.get() + 1);
}

/// # Safety
/// `gc_box` is alive and the caller gives up one handle to it.
pub(crate) unsafe fn release<T>(gc_box: NonNull<GcBox<T>>) {
    // SAFETY: alive (caller).
    let handles = unsafe { &gc_box.as_ref().handles };
    let left = handles.get() - 1;
    handles.set(left);
    if left == 0 {
        // SAFETY: that was the last handle, so nothing uses the box any more.
        unsafe { super::free_queue::free(gc_box.cast(), free_box::<T>) };
    }
}

/// # Safety
/// `gc_box` is a `GcBox<T>` from `allocate` that nothing refers to any more.
unsafe fn free_box<T>(gc_box: NonNull<u8>) {
    // SAFETY: the box came from `Box::leak` in `allocate`.
    drop(unsafe { Box::from_raw(gc_box.cast::<GcBox<T>>().as_ptr()) });
}

/// A pointer to the boxed value; the value is only read and written through raw pointers.
///
/// # Safety
/// `gc_box` is alive.
pub(crate) unsafe fn value_ptr<T>(gc_box: NonNull<GcBox<T>>) -> *mut T {
    // SAFETY: alive (caller); no reference to the value is created.
    unsafe { UnsafeCell::raw_get(&raw const (*gc_box.as_ptr()).value) }
}

/// Clones the value at `source` without holding a reference into the object while `clone` runs.
///
/// # Safety
/// `source` points to a live, initialized `F`.
pub(crate) unsafe fn read_clone<F: Clone>(source: *const F) -> F {
    // SAFETY: valid (caller); the bitwise copy is never dropped, so ownership stays with the object.
    let copy = ManuallyDrop::new(unsafe { ptr::read(source) });
    F::clone(&copy)
}

/// Writes `value` to `target` and returns the old value, which the caller drops once nothing points
/// into the object any more (dropping it may free other objects).
///
/// # Safety
/// `target` points to a live, initialized `F`.
pub(crate) unsafe fn replace<F>(target: *mut F, value: F) -> F {
    // SAFETY: valid (caller).
    unsafe { ptr::replace(target, value) }
}

/// Ends the program without unwinding: a wrapped handle count cannot be recovered from.
fn abort() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}
