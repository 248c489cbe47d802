//! Versioned compiler-crate contracts: the only items the WasmRust backend may recognize and replace.
//!
//! Each version is a module of its own and never changes once published; a new meaning gets a new
//! version. See `CONTRACT.md` in this crate for the rules the backend follows.

#[cfg(all(wasm_gc_imports, feature = "alloc"))]
mod release;
pub mod v1;

#[cfg(all(wasm_gc_imports, not(target_arch = "wasm32")))]
compile_error!(
    "`--cfg wasm_gc_imports` (the release form for the post-link WasmGC lowering) is for wasm32 targets only"
);
#[cfg(all(wasm_gc_imports, not(feature = "alloc")))]
compile_error!("`--cfg wasm_gc_imports` needs the `alloc` feature (GC objects are what it lowers)");
#[cfg(all(wasm_gc_imports, feature = "wasm-bindgen", target_os = "unknown"))]
compile_error!(
    "`--cfg wasm_gc_imports` cannot be combined with the `wasm-bindgen` feature: wasm-bindgen's CLI cannot read the lowered module, and its `ExternRef`s are heap indices (CONTRACT.md section 3.6)"
);
