//! The user-facing operations of `Gc<T>`: allocation, identity, sharing and field access.

use core::fmt;
use core::ops::Deref;

use crate::contract::v1::{self, Gc, GcStruct};

impl<T: GcStruct> Gc<T> {
    /// Allocates a GC object with the given field values.
    ///
    /// ```
    /// use wasm::Gc;
    ///
    /// #[wasm::gc]
    /// struct Node { value: i64, next: Option<Gc<Node>> }
    ///
    /// let list = Gc::new(Node { value: 1, next: Some(Gc::new(Node { value: 2, next: None })) });
    /// assert_eq!(list.next().map(|next| next.value()), Some(2));
    /// ```
    pub fn new(fields: T) -> Gc<T> {
        v1::gc_struct_new(fields)
    }

    /// Whether `a` and `b` refer to the same object (identity, not equal contents).
    ///
    /// ```
    /// use wasm::Gc;
    ///
    /// #[wasm::gc]
    /// struct Cell { value: i32 }
    ///
    /// let a = Gc::new(Cell { value: 1 });
    /// let b = Gc::new(Cell { value: 1 });
    /// assert!(Gc::ptr_eq(&a, &a.clone()));
    /// assert!(!Gc::ptr_eq(&a, &b));
    /// ```
    pub fn ptr_eq(a: &Gc<T>, b: &Gc<T>) -> bool {
        v1::gc_ptr_eq(a, b)
    }
}

impl<T: GcStruct> Clone for Gc<T> {
    /// Another handle to the same object: changes through one are seen through the other.
    fn clone(&self) -> Self {
        v1::gc_clone(self)
    }
}

impl<T: GcStruct> Drop for Gc<T> {
    fn drop(&mut self) {
        // SAFETY: `self` is never used again.
        unsafe { v1::gc_drop(self) }
    }
}

impl<T: GcStruct> Deref for Gc<T> {
    type Target = T::Fields;

    /// The generated field accessors; the reference points at this handle, not into the object.
    fn deref(&self) -> &T::Fields {
        // SAFETY: `T::Fields` is `#[repr(transparent)]` over `Gc<T>` (`GcStruct`'s contract).
        unsafe { &*(self as *const Gc<T>).cast::<T::Fields>() }
    }
}

impl<T: GcStruct> fmt::Debug for Gc<T> {
    /// Names the type only: printing fields could recurse forever through a cycle.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gc<{}>", core::any::type_name::<T>())
    }
}
