//! The boundary rules for `#[wasm::gc]` fields that can be decided from syntax, with advice.
//!
//! Types that pass here are still checked by the compiler against `wasm::GcField`, whose message
//! lists the allowed types; the rules below only give more specific advice for common mistakes.

use syn::{GenericArgument, PathArguments, Type};

/// Methods that `Gc<T>` (or a prelude trait) already has: a getter with one of these names would be
/// hidden behind it by method resolution, so such field names are refused.
pub(crate) const RESERVED_FIELD_NAMES: &[&str] = &[
    "clone",
    "clone_from",
    "clone_into",
    "to_owned",
    "into",
    "try_into",
];

pub(crate) fn check_field_type(ty: &Type) -> syn::Result<()> {
    match ty {
        Type::Reference(_) => Err(error(
            ty,
            "a GC object cannot hold a reference: the object may outlive any borrow. \
             Store an owned value instead, e.g. `Gc<T>` for another GC object",
        )),
        Type::Ptr(_) => Err(error(
            ty,
            "a GC object cannot hold a raw pointer: GC objects live outside linear memory. \
             Store an index, or `Gc<T>` for another GC object",
        )),
        Type::Array(_) | Type::Slice(_) => Err(error(
            ty,
            "a GC object cannot hold an inline array: use `GcArray<T>` (e.g. `GcArray::new(len, init)`)",
        )),
        Type::Tuple(_) => Err(error(
            ty,
            "a GC object cannot hold a tuple: give each element its own field",
        )),
        Type::TraitObject(_) | Type::ImplTrait(_) => Err(error(
            ty,
            "a GC object cannot hold a trait object: GC fields have a fixed WasmGC layout",
        )),
        Type::Paren(inner) => check_field_type(&inner.elem),
        Type::Group(inner) => check_field_type(&inner.elem),
        Type::Path(path) => match path.path.segments.last() {
            Some(last) => check_named_type(ty, &last.ident.to_string(), &last.arguments),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

fn check_named_type(ty: &Type, name: &str, arguments: &PathArguments) -> syn::Result<()> {
    let advice = match name {
        "String" | "str" => {
            "`String` lives in linear memory, which GC objects cannot point into: \
                             store the bytes as `GcArray<u8>` (`GcArray::from_slice(text.as_bytes())`)"
        }
        "Vec" | "VecDeque" => {
            "`Vec<T>` lives in linear memory, which GC objects cannot point into: \
                               use `GcArray<T>`"
        }
        "Box" | "Rc" | "Arc" => {
            "a GC object cannot own linear-memory allocations: \
                                 make the pointee a `#[wasm::gc]` struct and store `Gc<T>`"
        }
        "Cell" | "RefCell" | "UnsafeCell" | "Mutex" => {
            "fields of a GC object are already mutable through \
                                                        their setters: store the value itself"
        }
        "i128" | "u128" => {
            "128-bit integers have no WasmGC field type: split the value into two `u64` fields"
        }
        "Option" => return check_option_argument(ty, arguments),
        _ => return Ok(()),
    };
    Err(error(ty, advice))
}

fn check_option_argument(ty: &Type, arguments: &PathArguments) -> syn::Result<()> {
    let PathArguments::AngleBracketed(arguments) = arguments else {
        return Ok(());
    };
    let Some(GenericArgument::Type(Type::Path(inner))) = arguments.args.first() else {
        return Ok(());
    };
    match inner.path.segments.last() {
        Some(last) if last.ident == "Gc" => Ok(()),
        Some(last) if last.ident == "ExternRef" => Err(error(
            ty,
            "`ExternRef` is nullable already: store `ExternRef` and use `ExternRef::null()` for none",
        )),
        _ => Err(error(
            ty,
            "only `Option<Gc<T>>` may be optional in a GC object (it is a nullable reference): \
             for a scalar, store a sentinel value or a separate `bool` field",
        )),
    }
}

fn error(ty: &Type, advice: &str) -> syn::Error {
    syn::Error::new_spanned(
        ty,
        format!("unsupported field type in a `#[wasm::gc]` struct: {advice}"),
    )
}
