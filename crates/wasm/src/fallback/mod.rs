//! The library implementations behind the contract's operations; only `contract::v1` calls into here.

pub(crate) mod extern_table;
#[cfg(feature = "alloc")]
mod free_queue;
#[cfg(feature = "alloc")]
pub(crate) mod gc_box;
