//! Atomic element accesses for `SharedSlice`: relaxed copies of any `Pod`, and integer atomics.

use core::mem::{align_of, size_of, transmute_copy};
#[cfg(target_has_atomic = "64")]
use core::sync::atomic::AtomicU64;
use core::sync::atomic::{AtomicU8, AtomicU16, AtomicU32, Ordering};

use super::Pod;

/// Reads a `T` with the widest atomic loads its size and alignment allow.
///
/// # Safety
/// `source` is valid for reads of `T`, aligned, and only ever accessed atomically.
pub(super) unsafe fn load_relaxed<T: Pod>(source: *const T) -> T {
    let mut value = core::mem::MaybeUninit::<T>::uninit();
    let target = value.as_mut_ptr().cast::<u8>();
    let source = source.cast::<u8>();
    // SAFETY: chunks stay inside the value and are aligned to their own size (checked by `chunk_size`).
    unsafe {
        let chunk = chunk_size::<T>();
        for offset in (0..size_of::<T>()).step_by(chunk) {
            let (from, to) = (source.add(offset), target.add(offset));
            match chunk {
                #[cfg(target_has_atomic = "64")]
                8 => to
                    .cast::<u64>()
                    .write_unaligned(AtomicU64::from_ptr(from as *mut u64).load(Ordering::Relaxed)),
                4 => to
                    .cast::<u32>()
                    .write_unaligned(AtomicU32::from_ptr(from as *mut u32).load(Ordering::Relaxed)),
                2 => to
                    .cast::<u16>()
                    .write_unaligned(AtomicU16::from_ptr(from as *mut u16).load(Ordering::Relaxed)),
                _ => to.write(AtomicU8::from_ptr(from as *mut u8).load(Ordering::Relaxed)),
            }
        }
        // SAFETY: every byte was written, and every bit pattern is a `T` (`Pod`).
        value.assume_init()
    }
}

/// Writes a `T` with the widest atomic stores its size and alignment allow.
///
/// # Safety
/// As for [`load_relaxed`], for writes.
pub(super) unsafe fn store_relaxed<T: Pod>(target: *mut T, value: T) {
    let source = (&raw const value).cast::<u8>();
    let target = target.cast::<u8>();
    // SAFETY: as in `load_relaxed`.
    unsafe {
        let chunk = chunk_size::<T>();
        for offset in (0..size_of::<T>()).step_by(chunk) {
            let (from, to) = (source.add(offset), target.add(offset));
            match chunk {
                #[cfg(target_has_atomic = "64")]
                8 => AtomicU64::from_ptr(to.cast())
                    .store(from.cast::<u64>().read_unaligned(), Ordering::Relaxed),
                4 => AtomicU32::from_ptr(to.cast())
                    .store(from.cast::<u32>().read_unaligned(), Ordering::Relaxed),
                2 => AtomicU16::from_ptr(to.cast())
                    .store(from.cast::<u16>().read_unaligned(), Ordering::Relaxed),
                _ => AtomicU8::from_ptr(to).store(from.read(), Ordering::Relaxed),
            }
        }
    }
}

/// The widest atomic width that divides `T`'s size and alignment.
const fn chunk_size<T>() -> usize {
    let (size, align) = (size_of::<T>(), align_of::<T>());
    let widest = if cfg!(target_has_atomic = "64") { 8 } else { 4 };
    let mut chunk = widest;
    while chunk > 1 && (size % chunk != 0 || align < chunk) {
        chunk /= 2;
    }
    chunk
}

/// An integer type with atomic operations on `SharedSlice` elements.
///
/// Implemented for the integer types up to the platform's widest atomic, and sealed.
///
/// ```
/// fn counts<T: wasm::AtomicInt>() {}
/// counts::<u32>();
/// counts::<i64>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no atomic operations in a `SharedSlice`",
    label = "not an atomic integer",
    note = "atomic `load`, `store`, `fetch_add` and `compare_exchange` exist for `u8`..`u64`, `i8`..`i64`, `usize` and `isize`; use `read`/`write` for other types"
)]
pub trait AtomicInt: Pod + sealed::Sealed {
    #[doc(hidden)]
    unsafe fn atomic_load(ptr: *mut Self, order: Ordering) -> Self;
    #[doc(hidden)]
    unsafe fn atomic_store(ptr: *mut Self, value: Self, order: Ordering);
    #[doc(hidden)]
    unsafe fn atomic_fetch_add(ptr: *mut Self, value: Self, order: Ordering) -> Self;
    #[doc(hidden)]
    unsafe fn atomic_compare_exchange(
        ptr: *mut Self,
        current: Self,
        new: Self,
        success: Ordering,
        failure: Ordering,
    ) -> Result<Self, Self>;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! atomic_int {
    ($($int:ty => $atomic:ty),* $(,)?) => {$(
        impl sealed::Sealed for $int {}

        impl AtomicInt for $int {
            unsafe fn atomic_load(ptr: *mut Self, order: Ordering) -> Self {
                // SAFETY: caller: valid, aligned, atomically accessed; same size as the atomic.
                let atomic = unsafe { <$atomic>::from_ptr(ptr.cast()) };
                // SAFETY: same size, every bit pattern valid.
                unsafe { transmute_copy(&atomic.load(order)) }
            }

            unsafe fn atomic_store(ptr: *mut Self, value: Self, order: Ordering) {
                // SAFETY: as in `atomic_load`.
                let atomic = unsafe { <$atomic>::from_ptr(ptr.cast()) };
                // SAFETY: same size.
                atomic.store(unsafe { transmute_copy(&value) }, order)
            }

            unsafe fn atomic_fetch_add(ptr: *mut Self, value: Self, order: Ordering) -> Self {
                // SAFETY: as in `atomic_load`; two's complement addition is sign-agnostic.
                unsafe {
                    let atomic = <$atomic>::from_ptr(ptr.cast());
                    transmute_copy(&atomic.fetch_add(transmute_copy(&value), order))
                }
            }

            unsafe fn atomic_compare_exchange(
                ptr: *mut Self,
                current: Self,
                new: Self,
                success: Ordering,
                failure: Ordering,
            ) -> Result<Self, Self> {
                // SAFETY: as in `atomic_load`.
                unsafe {
                    let atomic = <$atomic>::from_ptr(ptr.cast());
                    atomic
                        .compare_exchange(transmute_copy(&current), transmute_copy(&new), success, failure)
                        .map(|old| transmute_copy(&old))
                        .map_err(|old| transmute_copy(&old))
                }
            }
        }
    )*};
}

atomic_int!(u8 => AtomicU8, i8 => AtomicU8, u16 => AtomicU16, i16 => AtomicU16, u32 => AtomicU32, i32 => AtomicU32);
#[cfg(target_has_atomic = "64")]
atomic_int!(u64 => AtomicU64, i64 => AtomicU64);
#[cfg(target_pointer_width = "32")]
atomic_int!(usize => AtomicU32, isize => AtomicU32);
#[cfg(all(target_pointer_width = "64", target_has_atomic = "64"))]
atomic_int!(usize => AtomicU64, isize => AtomicU64);
