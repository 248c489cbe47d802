//! The user-facing operations of `GcArray<T>`: allocation, bounds-checked access, copies and iteration.

use alloc::vec::Vec;
use core::fmt;
use core::iter::FusedIterator;

use crate::contract::v1::{self, GcArray, GcField};

impl<T: GcField> GcArray<T> {
    /// An array of `len` elements, each a clone of `init` (for references: all the same object).
    ///
    /// ```
    /// let flags = wasm::GcArray::new(3, true);
    /// assert_eq!(flags.to_vec(), [true, true, true]);
    /// ```
    pub fn new(len: usize, init: T) -> GcArray<T> {
        v1::gc_array_new(len, init)
    }

    /// An array holding clones of `values`.
    ///
    /// ```
    /// let bytes = wasm::GcArray::from_slice(b"gc");
    /// assert_eq!(bytes.len(), 2);
    /// ```
    pub fn from_slice(values: &[T]) -> GcArray<T> {
        v1::gc_array_from_slice(values)
    }

    /// The number of elements, fixed at allocation.
    ///
    /// ```
    /// assert_eq!(wasm::GcArray::new(7, 'x').len(), 7);
    /// ```
    pub fn len(&self) -> usize {
        v1::gc_array_len(self)
    }

    /// Whether the array has no elements.
    ///
    /// ```
    /// assert!(wasm::GcArray::<u8>::from_slice(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `index`, by value.
    ///
    /// # Panics
    /// If `index >= len()`, like slice indexing (WasmGC's `array.get` traps there).
    ///
    /// ```
    /// let primes = wasm::GcArray::from_slice(&[2u8, 3, 5]);
    /// assert_eq!(primes.get(2), 5);
    /// ```
    #[track_caller]
    pub fn get(&self, index: usize) -> T {
        self.check_index(index);
        // SAFETY: checked above.
        unsafe { v1::gc_array_get_unchecked(self, index) }
    }

    /// Replaces element `index` with `value`; the array is shared, so every handle sees the change.
    ///
    /// # Panics
    /// If `index >= len()`.
    ///
    /// ```
    /// let a = wasm::GcArray::new(2, 0i16);
    /// let b = a.clone();
    /// b.set(1, -4);
    /// assert_eq!(a.get(1), -4);
    /// ```
    #[track_caller]
    pub fn set(&self, index: usize, value: T) {
        self.check_index(index);
        // SAFETY: checked above.
        unsafe { v1::gc_array_set_unchecked(self, index, value) }
    }

    /// Overwrites every element with a clone of the matching element of `source`.
    ///
    /// # Panics
    /// If `source.len() != self.len()`, like [`slice::copy_from_slice`].
    ///
    /// ```
    /// let a = wasm::GcArray::new(3, 0u32);
    /// a.copy_from_slice(&[7, 8, 9]);
    /// assert_eq!(a.to_vec(), [7, 8, 9]);
    /// ```
    #[track_caller]
    pub fn copy_from_slice(&self, source: &[T]) {
        assert_eq!(
            self.len(),
            source.len(),
            "GcArray::copy_from_slice: lengths differ"
        );
        for (index, value) in source.iter().enumerate() {
            // SAFETY: `index < source.len() == self.len()`.
            unsafe { v1::gc_array_set_unchecked(self, index, value.clone()) }
        }
    }

    /// The elements, cloned into a new `Vec`.
    ///
    /// ```
    /// let a = wasm::GcArray::from_slice(&[1.5f64, 2.5]);
    /// assert_eq!(a.to_vec(), vec![1.5, 2.5]);
    /// ```
    pub fn to_vec(&self) -> Vec<T> {
        self.iter().collect()
    }

    /// Iterates over the elements by value; each element is read when the iterator reaches it.
    ///
    /// ```
    /// let a = wasm::GcArray::from_slice(&[1u64, 2, 3]);
    /// assert_eq!(a.iter().sum::<u64>(), 6);
    /// ```
    pub fn iter(&self) -> GcArrayIter<T> {
        GcArrayIter {
            array: self.clone(),
            next: 0,
            end: self.len(),
        }
    }

    /// Whether `a` and `b` refer to the same array (identity, not equal contents).
    ///
    /// ```
    /// use wasm::GcArray;
    ///
    /// let a = GcArray::new(1, 0u8);
    /// assert!(GcArray::ptr_eq(&a, &a.clone()));
    /// assert!(!GcArray::ptr_eq(&a, &GcArray::new(1, 0u8)));
    /// ```
    pub fn ptr_eq(a: &GcArray<T>, b: &GcArray<T>) -> bool {
        v1::gc_array_ptr_eq(a, b)
    }

    #[track_caller]
    fn check_index(&self, index: usize) {
        let len = self.len();
        if index >= len {
            panic!("GcArray index out of bounds: the len is {len} but the index is {index}");
        }
    }
}

impl<T: GcField> Clone for GcArray<T> {
    /// Another handle to the same array.
    fn clone(&self) -> Self {
        v1::gc_array_clone(self)
    }
}

impl<T: GcField> Drop for GcArray<T> {
    fn drop(&mut self) {
        // SAFETY: `self` is never used again.
        unsafe { v1::gc_array_drop(self) }
    }
}

impl<T: GcField> fmt::Debug for GcArray<T> {
    /// Names the element type and the length: elements may refer back to this array.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "GcArray<{}>(len {})",
            core::any::type_name::<T>(),
            self.len()
        )
    }
}

impl<T: GcField> IntoIterator for &GcArray<T> {
    type Item = T;
    type IntoIter = GcArrayIter<T>;

    fn into_iter(self) -> GcArrayIter<T> {
        self.iter()
    }
}

impl<T: GcField> IntoIterator for GcArray<T> {
    type Item = T;
    type IntoIter = GcArrayIter<T>;

    fn into_iter(self) -> GcArrayIter<T> {
        self.iter()
    }
}

/// An iterator over a [`GcArray`]'s elements by value, holding its own handle to the array.
///
/// ```
/// let words = wasm::GcArray::from_slice(&['a', 'b']);
/// let mut iter: wasm::GcArrayIter<char> = words.iter();
/// assert_eq!(iter.next(), Some('a'));
/// assert_eq!(iter.next_back(), Some('b'));
/// assert_eq!(iter.next(), None);
/// ```
pub struct GcArrayIter<T: GcField> {
    array: GcArray<T>,
    next: usize,
    end: usize,
}

impl<T: GcField> Iterator for GcArrayIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.next == self.end {
            return None;
        }
        // SAFETY: `next < end <= len`, and the length never changes.
        let value = unsafe { v1::gc_array_get_unchecked(&self.array, self.next) };
        self.next += 1;
        Some(value)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl<T: GcField> DoubleEndedIterator for GcArrayIter<T> {
    fn next_back(&mut self) -> Option<T> {
        if self.next == self.end {
            return None;
        }
        self.end -= 1;
        // SAFETY: `next <= end < len`.
        Some(unsafe { v1::gc_array_get_unchecked(&self.array, self.end) })
    }
}

impl<T: GcField> ExactSizeIterator for GcArrayIter<T> {}

impl<T: GcField> FusedIterator for GcArrayIter<T> {}
