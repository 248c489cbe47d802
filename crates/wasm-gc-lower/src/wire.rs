//! The names both sides of the link agree on: what accelerated objects write (the backend's
//! gc/contract/ and gc/typed_locals/, or imports.rs for the release form) and the lowering
//! (lib.rs, ops.rs) reads back from the linked module.

/// The import module of the contract operations and of the typed-locals helpers.
pub const IMPORT_MODULE: &str = "wasmgc";
/// The import module of the release form's contract operations (the `wasm` crate built with
/// `--cfg wasm_gc_imports`, CONTRACT.md section 6), which imports.rs translates.
pub const RELEASE_MODULE: &str = "wasmgc-v1";
/// The prefix of its import names (`wasmgc:gc_struct_get:i64`): a symbol no C function can have.
pub const RELEASE_PREFIX: &str = "wasmgc:";
/// The custom section with the records of accelerated operations (gc/contract/describe.rs).
pub const SECTION: &str = "wasmgc";
/// The typed-locals helper imports the lowering defines (lower/ops.rs).
pub const SLOT_TAKE: &str = "slot_take";
pub const SLOT_LOAD: &str = "slot_load";
pub const SLOT_DROP: &str = "slot_drop";
/// The suffix of an operation's import taking references: `.r`, the mask of those parameters,
/// and `e` when it returns an `externref` instead of a handle.
pub const VARIANT_SUFFIX: &str = ".r";
pub const REFERENCE_RESULT: char = 'e';
/// The suffix of an operation's import whose handle parameters are root indices, not their
/// addresses (the release form's, imports.rs).
pub const BY_VALUE_SUFFIX: &str = ".v";
/// The type key of a reference field whose struct or array the records do not name:
/// `(ref struct)` / `(ref array)` (the release form's, imports.rs).
pub const ANY_TYPE: &str = "*";
