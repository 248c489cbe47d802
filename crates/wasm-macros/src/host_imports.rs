//! Expansion of `#[wasm::host_imports]`: safe wrappers over wasm imports, or over a native emulation.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::parse::Parser;
use syn::{
    FnArg, ForeignItem, ForeignItemFn, Ident, ItemForeignMod, LitStr, Pat, Path, ReturnType,
};

use crate::host_types::{
    HostResult, classify_parameter, classify_result, lift_result, lower_parameter,
};

struct Options {
    module: LitStr,
    native: Option<Path>,
}

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = parse_options(args)?;
    let block: ItemForeignMod = syn::parse2(item).map_err(|error| {
        syn::Error::new(
            error.span(),
            "`#[wasm::host_imports]` applies to an `extern \"C\" { fn ...; }` block",
        )
    })?;
    if let Some(abi) = &block.abi.name
        && abi.value() != "C"
    {
        return Err(syn::Error::new_spanned(
            abi,
            "host imports use the C ABI: write `extern \"C\"`",
        ));
    }
    let functions = block.items.iter().map(|item| match item {
        ForeignItem::Fn(function) => expand_function(&options, function),
        other => Err(syn::Error::new_spanned(
            other,
            "`#[wasm::host_imports]` blocks may only declare functions (`fn name(..) -> T;`)",
        )),
    });
    let module = &options.module;
    // A component's imports are WIT interfaces that wasm-component-ld resolves; a plain wasm
    // import module would only fail there, at link time, without naming the cause.
    let not_in_components = quote::quote_spanned! {module.span()=>
        #[cfg(all(target_os = "wasi", target_env = "p2"))]
        ::core::compile_error!(
            "`#[wasm::host_imports]` is not available in components (wasm32-wasip2): a component \
             imports WIT interfaces, not wasm import modules such as this one, and so it has no \
             host to hand it `ExternRef`s; declare the host's functions in WIT and use wit-bindgen, \
             or build a module (`--target wasi`)"
        );
        // Refused, with the reason, when the `wasm` crate's handles are wasm-bindgen's.
        ::wasm::__host_imports_allowed!();
    };
    std::iter::once(Ok(not_in_components))
        .chain(functions)
        .collect()
}

fn parse_options(args: TokenStream) -> syn::Result<Options> {
    let (mut module, mut native) = (None, None);
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("module") {
            module = Some(meta.value()?.parse::<LitStr>()?);
            Ok(())
        } else if meta.path.is_ident("native") {
            native = Some(meta.value()?.parse::<Path>()?);
            Ok(())
        } else {
            Err(meta.error(
                "unknown argument: expected `module = \"name\"` or `native = path::to::module`",
            ))
        }
    });
    parser.parse2(args)?;
    let module = module.ok_or_else(|| {
        syn::Error::new(
            Span::call_site(),
            "`#[wasm::host_imports]` needs the wasm import module the host provides, e.g. \
             `#[wasm::host_imports(module = \"wasm_host\")]`",
        )
    })?;
    Ok(Options { module, native })
}

fn expand_function(options: &Options, function: &ForeignItemFn) -> syn::Result<TokenStream> {
    let signature = &function.sig;
    if let Some(variadic) = &signature.variadic {
        return Err(syn::Error::new_spanned(
            variadic,
            "host imports cannot be variadic",
        ));
    }
    if !signature.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &signature.generics,
            "host imports cannot be generic",
        ));
    }
    let name = &signature.ident;
    let import_name =
        link_name(function)?.unwrap_or_else(|| LitStr::new(&name.to_string(), name.span()));
    let attrs = function
        .attrs
        .iter()
        .filter(|attr| !attr.path().is_ident("link_name"));
    let attrs: Vec<_> = attrs.collect();
    let vis = &function.vis;

    let mut parameters = Vec::new();
    let mut raw_parameters = Vec::new();
    let mut raw_arguments = Vec::new();
    let mut names = Vec::new();
    let mut handle_positions = Vec::new();
    let mut wasm_position = 0;
    for (position, input) in signature.inputs.iter().enumerate() {
        let FnArg::Typed(typed) = input else {
            return Err(syn::Error::new_spanned(
                input,
                "host imports cannot take `self`",
            ));
        };
        let parameter_name = match &*typed.pat {
            Pat::Ident(ident) => ident.ident.clone(),
            _ => format_ident!("argument_{}", position),
        };
        let ty = &*typed.ty;
        let kind = classify_parameter(ty)?;
        if kind.is_handle() {
            handle_positions.push(wasm_position.to_string());
        }
        wasm_position += kind.wasm_width();
        let (raw_parameter, raw_argument) = lower_parameter(&kind, &parameter_name, ty);
        parameters.push(quote!(#parameter_name: #ty));
        raw_parameters.push(raw_parameter);
        raw_arguments.push(raw_argument);
        names.push(parameter_name);
    }
    let result_type = match &signature.output {
        ReturnType::Default => None,
        ReturnType::Type(_, ty) => Some(&**ty),
    };
    let result_kind = classify_result(result_type)?;
    let output = &signature.output;
    let raw = Ident::new("raw_result", Span::mixed_site());
    let (raw_output, lifted) = lift_result(&result_kind, result_type, &raw);
    let module = &options.module;
    let handles_record = handles_record(
        module,
        &import_name,
        &handle_positions,
        matches!(result_kind, HostResult::ExternRef),
    );

    let native_body = match &options.native {
        Some(native) => quote!(#native::#name(#(#names),*)),
        None => {
            let message = format!(
                "host import `{}.{}` has no native emulation: give `#[wasm::host_imports(native = path::to::module)]` \
                 a module with a `fn {}` of the same signature (see `wasm::host::emulated`)",
                module.value(),
                import_name.value(),
                name
            );
            quote! {
                let _ = (#(&#names,)*);
                ::core::panic!(#message)
            }
        }
    };

    Ok(quote! {
        #(#attrs)*
        #[cfg(target_arch = "wasm32")]
        #vis fn #name(#(#parameters),*) #output {
            #[link(wasm_import_module = #module)]
            unsafe extern "C" {
                #[link_name = #import_name]
                fn __wasm_host_import(#(#raw_parameters),*) #raw_output;
            }
            // SAFETY: the host implements the import as HOST-ABI.md describes; the slices and handles
            // passed stay valid for the duration of the call.
            #handles_record
            let #raw = unsafe { __wasm_host_import(#(#raw_arguments),*) };
            #lifted
        }

        #(#attrs)*
        #[cfg(not(target_arch = "wasm32"))]
        #vis fn #name(#(#parameters),*) #output {
            #native_body
        }
    })
}

fn link_name(function: &ForeignItemFn) -> syn::Result<Option<LitStr>> {
    let Some(attr) = function
        .attrs
        .iter()
        .find(|attr| attr.path().is_ident("link_name"))
    else {
        return Ok(None);
    };
    let value = &attr.meta.require_name_value()?.value;
    match value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(name),
            ..
        }) => Ok(Some(name.clone())),
        _ => Err(syn::Error::new_spanned(
            value,
            "`link_name` must be a string literal",
        )),
    }
}

/// For an import that passes `ExternRef` handles, a record in the custom section
/// `wasm_host.handles` (HOST-ABI.md section 6): `MODULE NAME params=I,..|- result=handle|-`, the
/// wasm parameter positions that are handles. A JS host of the `i32` form reads it to know which
/// values to look up in its table (`cargo wasm build --target web` bakes it into its loader).
fn handles_record(
    module: &LitStr,
    import_name: &LitStr,
    positions: &[String],
    result: bool,
) -> TokenStream {
    if positions.is_empty() && !result {
        return TokenStream::new();
    }
    let params = if positions.is_empty() {
        "-".to_owned()
    } else {
        positions.join(",")
    };
    let record = format!(
        "{} {} params={params} result={}\n",
        module.value(),
        import_name.value(),
        if result { "handle" } else { "-" }
    );
    let bytes = syn::LitByteStr::new(record.as_bytes(), Span::call_site());
    let len = record.len();
    quote! {
        #[used]
        #[unsafe(link_section = "wasm_host.handles")]
        static HANDLES: [u8; #len] = *#bytes;
    }
}
