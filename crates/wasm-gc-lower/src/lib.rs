//! The post-link WasmGC lowering (docs/wasmgc-lowering.md section 2): the `wasmgc.*` imports
//! that accelerated contract calls left in a linked module become functions made of GC
//! instructions over one rec group of struct and array types and a root table. Shared by
//! rustc_codegen_wasmgc (dev builds) and `cargo wasm build --release` (LLVM's modules).

mod functions;
mod handle_locals;
mod imports;
mod op;
mod ops;
mod records;
mod rewrite;
mod webs;
pub mod wire;

pub use op::Op;

use std::collections::BTreeMap;

use wasmparser::{FuncType, Parser, Payload, TypeRef};

use crate::functions::Functions;

use crate::wire::{
    BY_VALUE_SUFFIX, REFERENCE_RESULT, SLOT_DROP, SLOT_LOAD, SLOT_TAKE, VARIANT_SUFFIX,
};
use crate::wire::{IMPORT_MODULE, SECTION};
use ops::Env;
use records::Records;

/// A lowered module and what was done.
pub struct Lowered {
    pub bytes: Vec<u8>,
    /// How many distinct operations (imports) were lowered.
    pub operations: usize,
    /// Calls of contract operations in the module's code.
    pub calls: CallCounts,
    pub struct_types: usize,
    pub array_types: usize,
    /// `.debug_*` sections removed because the code they describe moved.
    pub debug_sections_dropped: usize,
}

/// An operation's import name: `OP.KEY`, then `.v` when its handle parameters are root indices
/// rather than their addresses (the release form, imports.rs), then `.rMASK[e]` for the variant
/// whose parameters in MASK are references and, with `e`, whose result is one (typed locals: the
/// backend's gc/typed_locals/, the release form's handle_locals.rs).
struct Variant<'a> {
    base: &'a str,
    references: u8,
    reference_result: bool,
    /// `OP.KEY.v`: handle parameters are root indices (the release form, imports.rs).
    by_value: bool,
}

impl<'a> Variant<'a> {
    fn of(name: &'a str) -> Variant<'a> {
        let (rest, references, reference_result) = match name.rsplit_once(VARIANT_SUFFIX) {
            Some((base, suffix)) => {
                let (mask, reference_result) = match suffix.strip_suffix(REFERENCE_RESULT) {
                    Some(mask) => (mask, true),
                    None => (suffix, false),
                };
                match mask.parse::<u8>() {
                    Ok(references) => (base, references, reference_result),
                    Err(_) => (name, 0, false),
                }
            }
            None => (name, 0, false),
        };
        match rest.strip_suffix(BY_VALUE_SUFFIX) {
            Some(base) => Variant {
                base,
                references,
                reference_result,
                by_value: true,
            },
            None => Variant {
                base: rest,
                references,
                reference_result,
                by_value: false,
            },
        }
    }
}

/// What a call of a former import is.
#[derive(Copy, Clone, PartialEq)]
pub(crate) enum CallKind {
    Other,
    /// An operation on handles that are root-table slots.
    Rooted,
    /// An operation that takes its object from a typed local (gc/typed_locals/).
    TypedLocal,
}

/// Calls of contract operations, by kind.
#[derive(Default, Copy, Clone)]
pub struct CallCounts {
    pub rooted: usize,
    pub typed_local: usize,
}

/// What the pass needs to know of the linked module.
#[derive(Default)]
struct Scan {
    functions: Functions,
    defined_funcs: u32,
    tables: u32,
    globals: u32,
    records: Records,
}

/// The index plan of the lowered module.
pub(crate) struct Plan {
    /// Old function index -> new. A host import with references maps to its wrapper.
    pub(crate) function_map: Vec<u32>,
    /// Type index of each new function, in order: the former imports, the two helpers, the
    /// wrappers of host imports.
    pub(crate) new_function_types: Vec<u32>,
    /// Index of the first type added.
    pub(crate) first_new_type: u32,
    /// Host imports with references: (module, name) -> (their index now, their new type, the
    /// function type to add for it).
    pub(crate) hosts: BTreeMap<(String, String), (u32, u32, FuncType)>,
}

/// Whether the module imports the `wasm` crate's release form (`wasmgc-v1`), read from its
/// sections up to the imports only: cheap enough for a runner to ask of every module.
pub fn imports_release_form(bytes: &[u8]) -> bool {
    imports_from(bytes, wire::RELEASE_MODULE)
}

/// Whether the module imports a function from `module`; reads up to the import section only.
fn imports_from(bytes: &[u8], module: &str) -> bool {
    for payload in Parser::new(0).parse_all(bytes) {
        match payload {
            Ok(Payload::ImportSection(reader)) => {
                return reader
                    .into_imports()
                    .flatten()
                    .any(|import| import.module == module);
            }
            Ok(Payload::Version { .. } | Payload::TypeSection(_) | Payload::CustomSection(_)) => {}
            _ => return false,
        }
    }
    false
}

/// Lowers the module, or returns `None` when it calls no contract operation.
pub fn lower(bytes: &[u8]) -> Result<Option<Lowered>, String> {
    // A module lowered before (its imports are gone) is left as it is.
    if imports_release_form(bytes) {
        let translated = imports::translate(bytes)?.ok_or("the `wasmgc-v1` imports vanished")?;
        lower_backend_form(&translated, false)
    } else if imports_from(bytes, IMPORT_MODULE) {
        lower_backend_form(bytes, true)
    } else {
        Ok(None)
    }
}

/// Lowers a module in the backend's form; `objects` when its operations come from the
/// backend's objects, which may have been compiled in different modes.
fn lower_backend_form(bytes: &[u8], objects: bool) -> Result<Option<Lowered>, String> {
    let scan = scan(bytes)?;
    let removed: Vec<usize> = scan
        .functions
        .imports
        .iter()
        .enumerate()
        .filter(|(_, (module, _, _))| module == IMPORT_MODULE)
        .map(|(i, _)| i)
        .collect();
    if removed.is_empty() {
        return Ok(None);
    }
    if objects {
        check_single_mode(&scan)?;
    }
    let imports = scan.functions.imports.len();
    let mut function_map = vec![0u32; imports + scan.defined_funcs as usize];
    let mut kept = 0u32;
    for (old, slot) in function_map.iter_mut().enumerate().take(imports) {
        if !removed.contains(&old) {
            *slot = kept;
            kept += 1;
        }
    }
    // Host imports that pass references, with the index they keep.
    let host_imports: Vec<(usize, u32)> = scan
        .functions
        .imports
        .iter()
        .enumerate()
        .filter(|(_, (module, name, _))| {
            scan.records
                .hosts
                .contains_key(&(module.clone(), name.clone()))
        })
        .map(|(old, _)| (old, function_map[old]))
        .collect();
    for defined in 0..scan.defined_funcs {
        function_map[imports + defined as usize] = kept + defined;
    }
    let appended = kept + scan.defined_funcs;
    for (position, &old) in removed.iter().enumerate() {
        function_map[old] = appended + position as u32;
    }
    let root_fn = appended + removed.len() as u32;

    // One rec group: every struct type, then every array type.
    let first_new_type = scan.functions.types.len() as u32;
    let struct_types: BTreeMap<String, u32> = scan
        .records
        .structs
        .keys()
        .enumerate()
        .map(|(i, key)| (key.clone(), first_new_type + i as u32))
        .collect();
    let array_base = first_new_type + struct_types.len() as u32;
    let array_types: BTreeMap<String, u32> = scan
        .records
        .arrays
        .keys()
        .enumerate()
        .map(|(i, key)| (key.clone(), array_base + i as u32))
        .collect();
    let helper_types = array_base + array_types.len() as u32;
    let env = Env {
        roots_table: scan.tables,
        free_global: scan.globals,
        root_fn,
        unroot_fn: root_fn + 1,
        struct_types: &struct_types,
        array_types: &array_types,
        structs: &scan.records.structs,
        arrays: &scan.records.arrays,
    };
    let mut bodies = Vec::new();
    let mut new_function_types = Vec::new();
    let mut call_kinds = vec![CallKind::Other; function_map.len()];
    for &old in &removed {
        let (_, name, ty) = &scan.functions.imports[old];
        let (body, kind) = match name.as_str() {
            SLOT_TAKE => (env.slot_take_helper(), CallKind::Other),
            SLOT_LOAD => (env.slot_load_helper(), CallKind::Other),
            SLOT_DROP => (env.slot_drop_helper(), CallKind::Other),
            _ => {
                let variant = Variant::of(name);
                let record = scan
                    .records
                    .ops
                    .get(variant.base)
                    .ok_or_else(|| format!("no wasmgc record for the import `{name}`"))?;
                let params = scan
                    .functions
                    .types
                    .get(*ty as usize)
                    .ok_or("an import with an unknown type")?
                    .params()
                    .len() as u32;
                let body = env
                    .operation(
                        record,
                        params,
                        variant.references,
                        variant.reference_result,
                        variant.by_value,
                    )
                    .map_err(|e| format!("`{name}`: {e}"))?;
                let typed = variant.references != 0 || variant.reference_result;
                (
                    body,
                    if typed {
                        CallKind::TypedLocal
                    } else {
                        CallKind::Rooted
                    },
                )
            }
        };
        bodies.push(body);
        call_kinds[old] = kind;
        new_function_types.push(*ty);
    }
    bodies.push(env.root_helper());
    bodies.push(env.unroot_helper());
    new_function_types.extend([helper_types, helper_types + 1]);
    let mut hosts = BTreeMap::new();
    for (position, &(old, import_index)) in host_imports.iter().enumerate() {
        let (module, name, ty) = &scan.functions.imports[old];
        let host = &scan.records.hosts[&(module.clone(), name.clone())];
        let original = scan
            .functions
            .types
            .get(*ty as usize)
            .ok_or("a host import with an unknown type")?;
        let params = original.params().len() as u32;
        bodies.push(env.host_wrapper(import_index, params, &host.references, host.result));
        new_function_types.push(*ty);
        function_map[old] = root_fn + 2 + position as u32;
        let new_type = helper_types + 2 + position as u32;
        hosts.insert(
            (module.clone(), name.clone()),
            (import_index, new_type, with_references(original, host)?),
        );
    }
    let plan = Plan {
        function_map,
        new_function_types,
        first_new_type,
        hosts,
    };
    let (bytes, calls, debug_sections_dropped) =
        rewrite::rewrite(bytes, &plan, &env, bodies, &call_kinds)?;
    Ok(Some(Lowered {
        bytes,
        calls,
        debug_sections_dropped,
        operations: removed.len(),
        struct_types: struct_types.len(),
        array_types: array_types.len(),
    }))
}

/// The type of a host import once its references are `externref`s.
fn with_references(original: &FuncType, host: &records::HostImport) -> Result<FuncType, String> {
    let externref = wasmparser::ValType::EXTERNREF;
    let mut params = original.params().to_vec();
    for &position in &host.references {
        *params
            .get_mut(position as usize)
            .ok_or("a reference position past the parameters")? = externref;
    }
    let mut results = original.results().to_vec();
    if host.result {
        *results
            .first_mut()
            .ok_or("a reference result of a function without results")? = externref;
    }
    Ok(FuncType::new(params, results))
}

fn scan(bytes: &[u8]) -> Result<Scan, String> {
    let mut scan = Scan::default();
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(err)?;
        scan.functions.read(&payload)?;
        match payload {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    match import.map_err(err)?.ty {
                        TypeRef::Table(_) => scan.tables += 1,
                        TypeRef::Global(_) => scan.globals += 1,
                        _ => {}
                    }
                }
            }
            Payload::FunctionSection(reader) => scan.defined_funcs = reader.count(),
            Payload::TableSection(reader) => scan.tables += reader.count(),
            Payload::GlobalSection(reader) => scan.globals += reader.count(),
            Payload::CustomSection(reader) if reader.name() == SECTION => {
                let text = std::str::from_utf8(reader.data())
                    .map_err(|_| "the wasmgc section is not UTF-8")?;
                scan.records.add(text)?;
            }
            _ => {}
        }
    }
    Ok(scan)
}

/// All or nothing (CONTRACT.md section 1): a library instance of a contract operation that
/// survived linking means some object calls it, compiled without acceleration.
fn check_single_mode(scan: &Scan) -> Result<(), String> {
    let library: Vec<&String> = scan
        .functions
        .names
        .values()
        .filter(|name| {
            Op::names().any(|op| name.contains(&format!("8contract2v1{}{op}", op.len())))
        })
        .collect();
    if library.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the program mixes accelerated and library contract code: {} calls the library implementation; \
         compile every crate with `-Cllvm-args=wasm-gc=accelerate` (the `wasm` crate included) or none",
        library[0]
    ))
}
