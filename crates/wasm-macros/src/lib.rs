//! Procedural macros of the `wasm` crate; documented and used as `#[wasm::gc]` and `#[wasm::host_imports]`.
//!
//! Generated code names the `wasm` crate as `::wasm` and reaches GC objects only through
//! `::wasm::contract::v1`, so the backend can replace exactly the contract's operations.

use proc_macro::TokenStream;

mod field_rules;
mod gc_struct;
mod host_imports;
mod host_types;

/// See `wasm::gc`.
#[proc_macro_attribute]
pub fn gc(args: TokenStream, item: TokenStream) -> TokenStream {
    gc_struct::expand(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `wasm::host_imports`.
#[proc_macro_attribute]
pub fn host_imports(args: TokenStream, item: TokenStream) -> TokenStream {
    host_imports::expand(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
