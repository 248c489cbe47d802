//! The user-facing operations of `ExternRef`: null, null test, cloning and dropping.

use core::fmt;

use crate::contract::v1::{self, ExternRef};

impl ExternRef {
    /// The null reference; it refers to no host object.
    ///
    /// ```
    /// assert!(wasm::ExternRef::null().is_null());
    /// ```
    pub fn null() -> ExternRef {
        v1::externref_null()
    }

    /// Whether this is the null reference.
    ///
    /// ```
    /// let maybe = wasm::ExternRef::default();
    /// assert!(maybe.is_null());
    /// ```
    #[inline] // Its MIR reaches other crates: the backend sees it forwards (docs/wasmgc-lowering.md 4).
    pub fn is_null(&self) -> bool {
        v1::externref_is_null(self)
    }
}

impl Clone for ExternRef {
    /// Another reference to the same host object.
    #[inline]
    fn clone(&self) -> Self {
        v1::externref_clone(self)
    }
}

impl Drop for ExternRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` is never used again.
        unsafe { v1::externref_drop(self) }
    }
}

impl Default for ExternRef {
    /// The null reference.
    fn default() -> Self {
        ExternRef::null()
    }
}

impl fmt::Debug for ExternRef {
    /// Says only whether it is null: what a handle's number is depends on the mode.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_null() {
            "ExternRef(null)"
        } else {
            "ExternRef(..)"
        })
    }
}
