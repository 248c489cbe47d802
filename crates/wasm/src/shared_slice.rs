//! `SharedSlice<T>`: memory that other threads or the host may change at any time, accessed by copy.
//!
//! Every access is atomic at the hardware level, so concurrent readers and writers never make a data
//! race (undefined behaviour in Rust); a value of a type wider than the largest atomic may tear.
//! Nothing here hands out `&T` or `&mut T`: a reference would promise the compiler that the memory
//! does not change under it, which is exactly what shared memory does not promise.

use alloc::alloc::{Layout, alloc_zeroed, dealloc, handle_alloc_error};
use alloc::sync::Arc;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::ops::{Bound, Index, RangeBounds};
use core::ptr::NonNull;
use core::sync::atomic::Ordering;

mod access;

pub use access::AtomicInt;

/// Plain old data: a `Copy` type for which every bit pattern of its size is a valid value.
///
/// # Safety
/// The type has no padding, no invalid bit patterns (so not `bool` or `char`), no pointers the
/// program relies on, and no interior mutability.
///
/// ```
/// #[derive(Clone, Copy)]
/// #[repr(C)]
/// struct Rgba { r: u8, g: u8, b: u8, a: u8 }
///
/// // SAFETY: four `u8`s, no padding, every bit pattern is a colour.
/// unsafe impl wasm::Pod for Rgba {}
///
/// let pixels = wasm::SharedSlice::<Rgba>::new(2);
/// pixels.write(1, Rgba { r: 255, g: 0, b: 0, a: 255 });
/// assert_eq!(pixels.read(1).r, 255);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not plain old data, so it cannot live in a `SharedSlice`",
    label = "not `wasm::Pod`",
    note = "use integers, floats, or a `#[repr(C)]` struct of them without padding that implements `wasm::Pod`"
)]
pub unsafe trait Pod: Copy + 'static {}

macro_rules! pod {
    ($($ty:ty),*) => {$(
        // SAFETY: primitive numbers: every bit pattern is a value.
        unsafe impl Pod for $ty {}
    )*};
}
pod!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

/// A shared, fixed-length buffer of `T` that any thread (or the host) may read and write concurrently.
///
/// Access is by copy ([`read`](Self::read), [`write`](Self::write), [`copy_to_slice`](Self::copy_to_slice),
/// [`copy_from_slice`](Self::copy_from_slice)) and, for integers, by atomic operations; never through
/// `&T`. `Clone` and [`slice`](Self::slice) make views of the same memory. `Send + Sync`.
///
/// ```
/// use std::sync::atomic::Ordering;
/// use wasm::SharedSlice;
///
/// let counters = SharedSlice::<u32>::new(1);
/// std::thread::scope(|scope| {
///     for _ in 0..4 {
///         scope.spawn(|| {
///             for _ in 0..1000 {
///                 counters.fetch_add(0, 1, Ordering::Relaxed);
///             }
///         });
///     }
/// });
/// assert_eq!(counters.load(0, Ordering::SeqCst), 4000);
/// ```
pub struct SharedSlice<T: Pod> {
    buffer: Arc<SharedBuffer>,
    start: NonNull<T>,
    len: usize,
    element: PhantomData<T>,
}

// SAFETY: all accesses are atomic, and `T: Pod` carries no thread-bound state.
unsafe impl<T: Pod> Send for SharedSlice<T> {}
// SAFETY: as above; `&SharedSlice` only allows the same atomic accesses.
unsafe impl<T: Pod> Sync for SharedSlice<T> {}

/// The owned allocation behind one or more `SharedSlice` views.
struct SharedBuffer {
    base: NonNull<u8>,
    layout: Layout,
}

// SAFETY: the buffer is raw memory accessed only atomically through `SharedSlice`.
unsafe impl Send for SharedBuffer {}
// SAFETY: as above.
unsafe impl Sync for SharedBuffer {}

impl Drop for SharedBuffer {
    fn drop(&mut self) {
        if self.layout.size() != 0 {
            // SAFETY: allocated in `SharedSlice::new` with this layout.
            unsafe { dealloc(self.base.as_ptr(), self.layout) }
        }
    }
}

impl<T: Pod> SharedSlice<T> {
    /// A new buffer of `len` zeroed elements.
    ///
    /// # Panics
    /// If the size overflows `isize`.
    ///
    /// ```
    /// let zeros = wasm::SharedSlice::<f64>::new(3);
    /// assert_eq!(zeros.len(), 3);
    /// assert_eq!(zeros.read(2), 0.0);
    /// ```
    pub fn new(len: usize) -> SharedSlice<T> {
        // 8-byte alignment at least, so that 64-bit atomics work where `u64` is only 4-aligned.
        let layout = Layout::array::<T>(len)
            .and_then(|layout| layout.align_to(align_of::<T>().max(8)))
            .expect("SharedSlice::new: size overflows isize");
        let base = if layout.size() == 0 {
            // No allocation, but still aligned for `T` (whose alignment may exceed 8).
            NonNull::new(core::ptr::without_provenance_mut(layout.align()))
                .expect("alignment is not zero")
        } else {
            // SAFETY: the size is not zero.
            let base = unsafe { alloc_zeroed(layout) };
            NonNull::new(base).unwrap_or_else(|| handle_alloc_error(layout))
        };
        SharedSlice {
            buffer: Arc::new(SharedBuffer { base, layout }),
            start: base.cast(),
            len,
            element: PhantomData,
        }
    }

    /// The number of elements.
    ///
    /// ```
    /// assert_eq!(wasm::SharedSlice::<u8>::new(16).len(), 16);
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    ///
    /// ```
    /// assert!(wasm::SharedSlice::<u8>::new(0).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A copy of element `index` as it is now (relaxed: no ordering with other memory).
    ///
    /// # Panics
    /// If `index >= len()`.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<i16>::new(2);
    /// data.write(1, -7);
    /// assert_eq!(data.read(1), -7);
    /// ```
    #[track_caller]
    pub fn read(&self, index: usize) -> T {
        // SAFETY: in bounds, and every access to this memory is atomic.
        unsafe { access::load_relaxed(self.element_ptr(index)) }
    }

    /// Stores `value` into element `index` (relaxed).
    ///
    /// # Panics
    /// If `index >= len()`.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<u64>::new(1);
    /// data.write(0, u64::MAX);
    /// assert_eq!(data.read(0), u64::MAX);
    /// ```
    #[track_caller]
    pub fn write(&self, index: usize, value: T) {
        // SAFETY: in bounds, and every access to this memory is atomic.
        unsafe { access::store_relaxed(self.element_ptr(index), value) }
    }

    /// Copies all elements into `target`, element by element (relaxed; other writers may interleave).
    ///
    /// # Panics
    /// If `target.len() != len()`.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<u8>::new(3);
    /// data.copy_from_slice(&[1, 2, 3]);
    /// let mut out = [0; 3];
    /// data.copy_to_slice(&mut out);
    /// assert_eq!(out, [1, 2, 3]);
    /// ```
    #[track_caller]
    pub fn copy_to_slice(&self, target: &mut [T]) {
        assert_eq!(
            self.len,
            target.len(),
            "SharedSlice::copy_to_slice: lengths differ"
        );
        for (index, slot) in target.iter_mut().enumerate() {
            // SAFETY: `index < len`.
            *slot = unsafe { access::load_relaxed(self.start.as_ptr().add(index)) };
        }
    }

    /// Overwrites all elements from `source`, element by element (relaxed).
    ///
    /// # Panics
    /// If `source.len() != len()`.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<f32>::new(2);
    /// data.copy_from_slice(&[0.5, 1.5]);
    /// assert_eq!(data.read(1), 1.5);
    /// ```
    #[track_caller]
    pub fn copy_from_slice(&self, source: &[T]) {
        assert_eq!(
            self.len,
            source.len(),
            "SharedSlice::copy_from_slice: lengths differ"
        );
        for (index, value) in source.iter().enumerate() {
            // SAFETY: `index < len`.
            unsafe { access::store_relaxed(self.start.as_ptr().add(index), *value) };
        }
    }

    /// A view of the elements in `range`, sharing this memory.
    ///
    /// # Panics
    /// If the range is out of bounds or decreasing.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<u16>::new(4);
    /// let tail = data.slice(2..);
    /// tail.write(0, 9);
    /// assert_eq!(data.read(2), 9);
    /// assert_eq!(tail.len(), 2);
    /// ```
    #[track_caller]
    pub fn slice(&self, range: impl RangeBounds<usize>) -> SharedSlice<T> {
        let start = match range.start_bound() {
            Bound::Included(&start) => start,
            Bound::Excluded(&start) => start
                .checked_add(1)
                .expect("SharedSlice::slice: start overflows"),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&end) => end
                .checked_add(1)
                .expect("SharedSlice::slice: end overflows"),
            Bound::Excluded(&end) => end,
            Bound::Unbounded => self.len,
        };
        assert!(
            start <= end && end <= self.len,
            "SharedSlice::slice: {start}..{end} out of 0..{}",
            self.len
        );
        SharedSlice {
            buffer: Arc::clone(&self.buffer),
            // SAFETY: `start <= len`, so the pointer stays inside (or one past) the allocation.
            start: unsafe { self.start.add(start) },
            len: end - start,
            element: PhantomData,
        }
    }

    /// The address of the first element, to hand to the host; never dereference it as `&T`.
    ///
    /// ```
    /// let data = wasm::SharedSlice::<u32>::new(2);
    /// assert_eq!(data.as_ptr() as usize % 4, 0);
    /// ```
    pub fn as_ptr(&self) -> *mut T {
        self.start.as_ptr()
    }

    #[track_caller]
    fn element_ptr(&self, index: usize) -> *mut T {
        assert!(
            index < self.len,
            "SharedSlice index out of bounds: the len is {} but the index is {index}",
            self.len
        );
        // SAFETY: in bounds.
        unsafe { self.start.as_ptr().add(index) }
    }
}

// The atomics are bounded per method (not per impl) so that calling one on a non-integer element type
// reports `AtomicInt`'s explanation instead of a bare "method exists but bounds were not satisfied".
impl<T: Pod> SharedSlice<T> {
    /// Atomically loads element `index` with the given ordering.
    ///
    /// # Panics
    /// If `index >= len()`, or for `Release`/`AcqRel` orderings (as `AtomicU32::load`).
    ///
    /// ```
    /// use std::sync::atomic::Ordering;
    ///
    /// let flags = wasm::SharedSlice::<u8>::new(1);
    /// flags.store(0, 1, Ordering::Release);
    /// assert_eq!(flags.load(0, Ordering::Acquire), 1);
    /// ```
    #[track_caller]
    pub fn load(&self, index: usize, order: Ordering) -> T
    where
        T: AtomicInt,
    {
        // SAFETY: in bounds and suitably aligned (`AtomicInt`'s contract).
        unsafe { T::atomic_load(self.element_ptr(index), order) }
    }

    /// Atomically stores `value` into element `index` with the given ordering.
    ///
    /// # Panics
    /// If `index >= len()`, or for `Acquire`/`AcqRel` orderings.
    ///
    /// ```
    /// use std::sync::atomic::Ordering;
    ///
    /// let data = wasm::SharedSlice::<i64>::new(1);
    /// data.store(0, -1, Ordering::SeqCst);
    /// assert_eq!(data.read(0), -1);
    /// ```
    #[track_caller]
    pub fn store(&self, index: usize, value: T, order: Ordering)
    where
        T: AtomicInt,
    {
        // SAFETY: as in `load`.
        unsafe { T::atomic_store(self.element_ptr(index), value, order) }
    }

    /// Atomically adds `value` (wrapping) to element `index` and returns the previous value.
    ///
    /// # Panics
    /// If `index >= len()`.
    ///
    /// ```
    /// use std::sync::atomic::Ordering;
    ///
    /// let data = wasm::SharedSlice::<u8>::new(1);
    /// data.write(0, 255);
    /// assert_eq!(data.fetch_add(0, 2, Ordering::Relaxed), 255);
    /// assert_eq!(data.read(0), 1);
    /// ```
    #[track_caller]
    pub fn fetch_add(&self, index: usize, value: T, order: Ordering) -> T
    where
        T: AtomicInt,
    {
        // SAFETY: as in `load`.
        unsafe { T::atomic_fetch_add(self.element_ptr(index), value, order) }
    }

    /// Atomically replaces element `index` with `new` if it equals `current`; returns the previous value,
    /// `Ok` if it was replaced and `Err` otherwise.
    ///
    /// # Panics
    /// If `index >= len()`, or for orderings that the standard atomics reject.
    ///
    /// ```
    /// use std::sync::atomic::Ordering::SeqCst;
    ///
    /// let lock = wasm::SharedSlice::<u32>::new(1);
    /// assert_eq!(lock.compare_exchange(0, 0, 1, SeqCst, SeqCst), Ok(0));
    /// assert_eq!(lock.compare_exchange(0, 0, 1, SeqCst, SeqCst), Err(1));
    /// ```
    #[track_caller]
    pub fn compare_exchange(
        &self,
        index: usize,
        current: T,
        new: T,
        success: Ordering,
        failure: Ordering,
    ) -> Result<T, T>
    where
        T: AtomicInt,
    {
        // SAFETY: as in `load`.
        unsafe {
            T::atomic_compare_exchange(self.element_ptr(index), current, new, success, failure)
        }
    }
}

/// Indexing is refused at compile time, with a message saying what to use: a `SharedSlice` never
/// hands out `&T` (the element may change while the reference lives). No index type is accepted.
impl<T: Pod, I: NoReferencesIntoSharedMemory> Index<I> for SharedSlice<T> {
    type Output = T;

    fn index(&self, _: I) -> &T {
        unreachable!("no type implements `NoReferencesIntoSharedMemory`")
    }
}

/// Implemented by no type: the bound that makes `shared[index]` a compile error with advice.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "a `SharedSlice` cannot be indexed: it never hands out references into shared memory",
    label = "indexing would borrow an element that other threads may change",
    note = "copy the element out with `read(index)` and in with `write(index, value)`, or use `load`/`store`/`fetch_add`/`compare_exchange` for integers"
)]
pub trait NoReferencesIntoSharedMemory {}

impl<T: Pod> Clone for SharedSlice<T> {
    /// Another view of the same memory.
    fn clone(&self) -> Self {
        SharedSlice {
            buffer: Arc::clone(&self.buffer),
            start: self.start,
            len: self.len,
            element: PhantomData,
        }
    }
}

impl<T: Pod> fmt::Debug for SharedSlice<T> {
    /// Shows the length only: the contents may change while they are printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SharedSlice<{}>(len {})",
            core::any::type_name::<T>(),
            self.len
        )
    }
}

const _: () = assert!(size_of::<SharedSlice<u8>>() == 3 * size_of::<usize>());
