//! The names both sides of the link agree on: what accelerated objects write (contract/,
//! typed_locals/) and the post-link lowering (lower/) reads back from the linked module.

/// The import module of the contract operations and of the typed-locals helpers.
pub(crate) const IMPORT_MODULE: &str = "wasmgc";
/// The custom section with the records of accelerated operations (gc/contract/describe.rs).
pub(crate) const SECTION: &str = "wasmgc";
/// The typed-locals helper imports the lowering defines (lower/ops.rs).
pub(crate) const SLOT_TAKE: &str = "slot_take";
pub(crate) const SLOT_LOAD: &str = "slot_load";
pub(crate) const SLOT_DROP: &str = "slot_drop";
/// The suffix of an operation's import taking references: `.r`, the mask of those parameters,
/// and `e` when it returns an `externref` instead of a handle.
pub(crate) const VARIANT_SUFFIX: &str = ".r";
pub(crate) const REFERENCE_RESULT: char = 'e';
