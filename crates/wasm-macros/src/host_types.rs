//! The types a host import may take and return, and how each crosses the wasm boundary.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Type, TypeReference};

const SCALARS: &[&str] = &[
    "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "f32", "f64",
];

const ALLOWED_PARAMETERS: &str = "host import parameters may be integers up to 64 bits, `f32`, `f64`, `bool`, \
                                  `&str`, `&[u8]`, `&mut [u8]`, `ExternRef` or `&ExternRef`";
const ALLOWED_RESULTS: &str =
    "host imports may return `()`, integers up to 64 bits, `f32`, `f64`, `bool` or `ExternRef`";

pub(crate) enum HostParameter {
    Scalar,
    Bool,
    Bytes,
    BytesMut,
    ExternRef,
    ExternRefBorrowed,
}

pub(crate) enum HostResult {
    Unit,
    Scalar,
    Bool,
    ExternRef,
}

pub(crate) fn classify_parameter(ty: &Type) -> syn::Result<HostParameter> {
    if let Type::Reference(reference) = ty {
        return classify_reference(reference);
    }
    match simple_name(ty).as_deref() {
        Some(name) if SCALARS.contains(&name) => Ok(HostParameter::Scalar),
        Some("bool") => Ok(HostParameter::Bool),
        Some("ExternRef") => Ok(HostParameter::ExternRef),
        _ => Err(syn::Error::new_spanned(
            ty,
            format!("unsupported host import parameter type: {ALLOWED_PARAMETERS}"),
        )),
    }
}

fn classify_reference(reference: &TypeReference) -> syn::Result<HostParameter> {
    let mutable = reference.mutability.is_some();
    let pointee = &*reference.elem;
    let is_bytes =
        matches!(pointee, Type::Slice(slice) if simple_name(&slice.elem).as_deref() == Some("u8"));
    match (simple_name(pointee).as_deref(), is_bytes, mutable) {
        (Some("str"), _, false) | (_, true, false) => Ok(HostParameter::Bytes),
        (_, true, true) => Ok(HostParameter::BytesMut),
        (Some("ExternRef"), _, false) => Ok(HostParameter::ExternRefBorrowed),
        _ => Err(syn::Error::new_spanned(
            reference,
            format!("unsupported host import parameter type: {ALLOWED_PARAMETERS}"),
        )),
    }
}

pub(crate) fn classify_result(ty: Option<&Type>) -> syn::Result<HostResult> {
    let Some(ty) = ty else {
        return Ok(HostResult::Unit);
    };
    match simple_name(ty).as_deref() {
        Some(name) if SCALARS.contains(&name) => Ok(HostResult::Scalar),
        Some("bool") => Ok(HostResult::Bool),
        Some("ExternRef") => Ok(HostResult::ExternRef),
        _ if matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty()) => Ok(HostResult::Unit),
        _ => Err(syn::Error::new_spanned(
            ty,
            format!("unsupported host import result type: {ALLOWED_RESULTS}"),
        )),
    }
}

/// The last segment of a plain path type without generic arguments (`wasm::ExternRef` -> `ExternRef`).
fn simple_name(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    last.arguments.is_empty().then(|| last.ident.to_string())
}

impl HostParameter {
    /// How many wasm parameters it lowers to (a slice is a pointer and a length).
    pub(crate) fn wasm_width(&self) -> u32 {
        match self {
            HostParameter::Bytes | HostParameter::BytesMut => 2,
            _ => 1,
        }
    }

    pub(crate) fn is_handle(&self) -> bool {
        matches!(
            self,
            HostParameter::ExternRef | HostParameter::ExternRefBorrowed
        )
    }
}

/// The raw import's parameters and the expressions passed to them, for one Rust parameter.
pub(crate) fn lower_parameter(
    kind: &HostParameter,
    name: &Ident,
    ty: &Type,
) -> (TokenStream, TokenStream) {
    let contract = quote!(::wasm::contract::v1);
    let (ptr, len) = (format_ident!("{}_ptr", name), format_ident!("{}_len", name));
    match kind {
        HostParameter::Scalar => (quote!(#name: #ty), quote!(#name)),
        HostParameter::Bool => (quote!(#name: u32), quote!(u32::from(#name))),
        HostParameter::Bytes => (
            quote!(#ptr: *const u8, #len: usize),
            quote!(#name.as_ptr(), #name.len()),
        ),
        HostParameter::BytesMut => (
            quote!(#ptr: *mut u8, #len: usize),
            quote!(#name.as_mut_ptr(), #name.len()),
        ),
        HostParameter::ExternRef => (
            quote!(#name: #contract::RawExternRef),
            quote!(#contract::externref_as_raw(&#name)),
        ),
        HostParameter::ExternRefBorrowed => (
            quote!(#name: #contract::RawExternRef),
            quote!(#contract::externref_as_raw(#name)),
        ),
    }
}

/// The raw import's result type and the expression turning `raw` into the Rust result.
pub(crate) fn lift_result(
    kind: &HostResult,
    ty: Option<&Type>,
    raw: &Ident,
) -> (TokenStream, TokenStream) {
    let contract = quote!(::wasm::contract::v1);
    match kind {
        HostResult::Unit => (quote!(), quote!(#raw)),
        HostResult::Scalar => (quote!(-> #ty), quote!(#raw)),
        HostResult::Bool => (quote!(-> u32), quote!(#raw != 0)),
        HostResult::ExternRef => (
            quote!(-> #contract::RawExternRef),
            // SAFETY: per HOST-ABI.md a returned handle is new and owned by the caller.
            quote!(unsafe { #contract::externref_from_raw(#raw) }),
        ),
    }
}
