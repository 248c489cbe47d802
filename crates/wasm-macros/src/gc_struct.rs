//! Expansion of `#[wasm::gc]`: the struct, its contract layout impls and its by-value accessors.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{Field, Fields, GenericParam, Ident, Item, ItemStruct, parse_quote};

use crate::field_rules::{RESERVED_FIELD_NAMES, check_field_type};

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if !args.is_empty() {
        return Err(syn::Error::new_spanned(
            args,
            "`#[wasm::gc]` takes no arguments",
        ));
    }
    let mut item = match syn::parse2::<Item>(item)? {
        Item::Struct(item) => item,
        Item::Enum(item) => return Err(not_a_struct(&item.enum_token, "an enum")),
        Item::Union(item) => return Err(not_a_struct(&item.union_token, "a union")),
        other => {
            return Err(syn::Error::new_spanned(
                other,
                "`#[wasm::gc]` applies to structs with named fields",
            ));
        }
    };
    check_struct(&item)?;
    let fields = named_fields(&item)?;
    check_accessor_names(&fields)?;
    bound_type_parameters(&mut item);
    Ok(generate(&item, &fields))
}

fn not_a_struct(token: &impl quote::ToTokens, what: &str) -> syn::Error {
    syn::Error::new_spanned(
        token,
        format!(
            "`#[wasm::gc]` cannot lay out {what} in contract v1: use a struct with named fields"
        ),
    )
}

fn check_struct(item: &ItemStruct) -> syn::Result<()> {
    if let Some(repr) = item.attrs.iter().find(|attr| attr.path().is_ident("repr")) {
        return Err(syn::Error::new_spanned(
            repr,
            "`#[wasm::gc]` decides the layout of a GC struct: remove this `#[repr]`",
        ));
    }
    for parameter in &item.generics.params {
        match parameter {
            GenericParam::Lifetime(lifetime) => {
                return Err(syn::Error::new_spanned(
                    lifetime,
                    "a `#[wasm::gc]` struct cannot have lifetime parameters: a GC object may outlive any \
                     borrow, so its fields must own their values",
                ));
            }
            GenericParam::Const(constant) => {
                return Err(syn::Error::new_spanned(
                    constant,
                    "a `#[wasm::gc]` struct cannot have const parameters in contract v1: \
                     use a `GcArray<T>` field for a length chosen at run time",
                ));
            }
            GenericParam::Type(_) => {}
        }
    }
    Ok(())
}

fn named_fields(item: &ItemStruct) -> syn::Result<Vec<Field>> {
    match &item.fields {
        Fields::Named(named) => {
            for field in &named.named {
                check_field_type(&field.ty)?;
            }
            Ok(named.named.iter().cloned().collect())
        }
        Fields::Unit => Ok(Vec::new()),
        Fields::Unnamed(unnamed) => Err(syn::Error::new_spanned(
            unnamed,
            "`#[wasm::gc]` needs named fields, because the accessors are named after them: \
             write `struct Name { field: Type }`",
        )),
    }
}

fn field_ident(field: &Field) -> &Ident {
    field.ident.as_ref().expect("named field")
}

fn setter_ident(field: &Field) -> Ident {
    let ident = field_ident(field);
    format_ident!("set_{}", ident.unraw(), span = ident.span())
}

fn check_accessor_names(fields: &[Field]) -> syn::Result<()> {
    let mut taken: Vec<(String, &Ident)> = Vec::new();
    for field in fields {
        let ident = field_ident(field);
        let getter = ident.unraw().to_string();
        if RESERVED_FIELD_NAMES.contains(&getter.as_str()) {
            return Err(syn::Error::new_spanned(
                ident,
                format!(
                    "a `#[wasm::gc]` field cannot be named `{getter}`: `Gc<T>` already has a method `{getter}`, \
                     which would hide this field's getter; rename the field"
                ),
            ));
        }
        for name in [getter, setter_ident(field).to_string()] {
            if let Some((_, other)) = taken.iter().find(|(taken_name, _)| *taken_name == name) {
                return Err(syn::Error::new_spanned(
                    ident,
                    format!(
                        "the accessor `{name}` of this field clashes with an accessor of field `{other}` \
                         (getters are named like the field, setters `set_<field>`); rename one of the fields"
                    ),
                ));
            }
            taken.push((name, ident));
        }
    }
    Ok(())
}

/// A type parameter can be laid out only as one of the GC field types, so it is bounded by them.
fn bound_type_parameters(item: &mut ItemStruct) {
    let parameters: Vec<Ident> = item
        .generics
        .type_params()
        .map(|parameter| parameter.ident.clone())
        .collect();
    let where_clause = item.generics.make_where_clause();
    for parameter in parameters {
        where_clause
            .predicates
            .push(parse_quote!(#parameter: ::wasm::GcField));
    }
}

fn generate(item: &ItemStruct, fields: &[Field]) -> TokenStream {
    let name = &item.ident;
    let vis = &item.vis;
    let fields_name = format_ident!("{}Fields", name, span = name.span());
    let (impl_generics, type_generics, where_clause) = item.generics.split_for_impl();
    let generics = &item.generics;
    let contract = quote!(::wasm::contract::v1);
    let field_count = u32::try_from(fields.len()).expect("fewer than 2^32 fields");
    let fields_doc = format!(
        "Field accessors of [`Gc<{name}>`](::wasm::Gc), generated by `#[wasm::gc]`: \
         `Gc<{name}>` dereferences to this type. Getters return copies (new handles for references), \
         setters replace the field."
    );

    let layout_impls = fields.iter().enumerate().map(|(index, field)| {
        let index = u32::try_from(index).expect("fewer than 2^32 fields");
        let ident = field_ident(field);
        let ty = &field.ty;
        quote! {
            // SAFETY: `Type` is the declared type of field number #index and `OFFSET` its offset.
            unsafe impl #impl_generics #contract::GcStructField<#index> for #name #type_generics #where_clause {
                type Type = #ty;
                const OFFSET: usize = ::core::mem::offset_of!(Self, #ident);
            }
        }
    });

    // Per field its storage kind and offset: the release form's descriptor (CONTRACT.md section 6).
    // Through the `GcStructField` impls, so a field type that is not a `GcField` is reported
    // once, at that impl's bound.
    let layout_words = (0..field_count).map(|index| {
        quote! {
            <Self as #contract::GcStructField<#index>>::KIND,
            <Self as #contract::GcStructField<#index>>::OFFSET as u32,
        }
    });

    let accessors = fields.iter().enumerate().map(|(index, field)| {
        let index = u32::try_from(index).expect("fewer than 2^32 fields");
        let ident = field_ident(field);
        let setter = setter_ident(field);
        let (ty, field_vis) = (&field.ty, &field.vis);
        let docs = field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"));
        let getter_doc = format!("Reads `{}` by value.", ident.unraw());
        let setter_doc = format!(
            "Replaces `{}`; every handle to the object sees the new value.",
            ident.unraw()
        );
        quote! {
            #(#docs)*
            #[doc = ""]
            #[doc = #getter_doc]
            #[inline]
            #field_vis fn #ident(&self) -> #ty {
                #contract::gc_struct_get::<#name #type_generics, #index>(&self.object)
            }

            #[doc = #setter_doc]
            #[inline]
            #field_vis fn #setter(&self, value: #ty) {
                #contract::gc_struct_set::<#name #type_generics, #index>(&self.object, value)
            }
        }
    });

    quote! {
        #item

        #[doc = #fields_doc]
        #[repr(transparent)]
        #vis struct #fields_name #generics #where_clause {
            object: ::wasm::Gc<#name #type_generics>,
        }

        // SAFETY: `#fields_name` is `#[repr(transparent)]` over `Gc<Self>`, and every field has its
        // `GcStructField` impl below.
        unsafe impl #impl_generics #contract::GcStruct for #name #type_generics #where_clause {
            type Fields = #fields_name #type_generics;
            const FIELD_COUNT: u32 = #field_count;
            const LAYOUT: &'static [u32] = &[
                #contract::LAYOUT_MAGIC,
                #field_count,
                #(#layout_words)*
            ];
        }

        #(#layout_impls)*

        // WasmGC objects have no destructors, so a `Drop` impl would run in the fallback only: the
        // two impls below conflict exactly when `#name` implements `Drop`, and the trait's name
        // tells the user why.
        const _: () = {
            #[allow(non_camel_case_types)]
            trait GC_STRUCTS_CANNOT_IMPLEMENT_DROP_because_WasmGC_objects_have_no_destructors {}
            #[allow(drop_bounds)]
            impl<T: ::core::ops::Drop> GC_STRUCTS_CANNOT_IMPLEMENT_DROP_because_WasmGC_objects_have_no_destructors for T {}
            impl #impl_generics GC_STRUCTS_CANNOT_IMPLEMENT_DROP_because_WasmGC_objects_have_no_destructors
                for #name #type_generics #where_clause {}
        };

        // Accessors are generated for every field; a program need not use them all.
        #[allow(dead_code)]
        impl #impl_generics #fields_name #type_generics #where_clause {
            #(#accessors)*
        }
    }
}
