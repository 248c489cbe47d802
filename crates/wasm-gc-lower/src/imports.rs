//! The release form (crates/wasm/CONTRACT.md section 6): the `wasm` crate built with
//! `--cfg wasm_gc_imports` by any compiler calls its contract operations as `wasmgc-v1` imports,
//! the typed ones with a descriptor (a constant) as their last argument. This turns such a
//! module into the form rustc_codegen_wasmgc's objects give (`wasmgc` imports named
//! `OP.KEY.v` and the records describing them), which lib.rs then lowers.

use std::collections::BTreeMap;

use std::collections::BTreeSet;
use wasm_encoder::reencode::{Error, Reencode, RoundtripReencoder};
use wasm_encoder::{CodeSection, CustomSection, EntityType, ImportSection, Module, TypeSection};

use wasmparser::{
    CompositeInnerType, CompositeType, DataKind, FuncType, Operator, Parser, Payload, SubType,
    TypeRef, ValType,
};

use crate::Op;
use crate::handle_locals::{self, Rewrite};

use crate::functions::Functions;
use crate::wire::{
    ANY_TYPE, BY_VALUE_SUFFIX, IMPORT_MODULE, RELEASE_MODULE, RELEASE_PREFIX, SECTION,
    VARIANT_SUFFIX,
};

/// The first word of a struct layout descriptor ("WGC1").
const LAYOUT_MAGIC: u32 = u32::from_le_bytes(*b"WGC1");
/// The first word of a field descriptor ("WGF1").
const FIELD_MAGIC: u32 = u32::from_le_bytes(*b"WGF1");

/// What the constant last argument of a release-form import is.
#[derive(Copy, Clone, PartialEq)]
enum Descriptor {
    /// None: the import takes no descriptor.
    None,
    /// The address of a struct layout: `[magic, count, (kind, offset) * count]`, `u32`s.
    Layout,
    /// The address of a field: `[magic, layout address, field number]`.
    Field,
    /// The element kind itself.
    Element,
}

/// The contract operation of a release-form import and its descriptor; `None` when the name is
/// not one of contract v1's.
fn operation(name: &str) -> Option<(&'static str, Descriptor)> {
    // The prefix keeps the symbols apart from any C function's name (the linker resolves by name).
    let name = name.strip_prefix(RELEASE_PREFIX)?;
    let (base, value_type) = match name.split_once(':') {
        Some((base, ty)) if ["i32", "i64", "f32", "f64"].contains(&ty) => (base, true),
        Some(_) => return None,
        None => (name, false),
    };
    let (op, descriptor) = match base {
        "gc_struct_new" => ("gc_struct_new", Descriptor::Layout),
        "gc_struct_get" => ("gc_struct_get", Descriptor::Field),
        "gc_struct_set" => ("gc_struct_set", Descriptor::Field),
        "gc_array_new" => ("gc_array_new", Descriptor::Element),
        "gc_array_from_slice" => ("gc_array_from_slice", Descriptor::Element),
        "gc_array_get" => ("gc_array_get_unchecked", Descriptor::Element),
        "gc_array_set" => ("gc_array_set_unchecked", Descriptor::Element),
        "gc_ptr_eq" => ("gc_ptr_eq", Descriptor::None),
        "gc_clone" => ("gc_clone", Descriptor::None),
        "gc_drop" => ("gc_drop", Descriptor::None),
        "gc_array_len" => ("gc_array_len", Descriptor::None),
        "externref_clone" => ("externref_clone", Descriptor::None),
        "externref_drop" => ("externref_drop", Descriptor::None),
        _ => return None,
    };
    let typed = matches!(
        base,
        "gc_struct_get" | "gc_struct_set" | "gc_array_new" | "gc_array_get" | "gc_array_set"
    );
    (typed == value_type).then_some((op, descriptor))
}

/// A field kind code of the descriptors (CONTRACT.md section 6) as the records write it.
fn kind_text(code: u32) -> Option<String> {
    Some(
        match code {
            0 => "i8s",
            1 => "i8u",
            2 => "i16s",
            3 => "i16u",
            4 => "bool",
            5 => "i32",
            6 => "i64",
            7 => "f32",
            8 => "f64",
            9 => "ext",
            10 => return Some(format!("gc:{ANY_TYPE}")),
            11 => return Some(format!("gc?:{ANY_TYPE}")),
            12 => return Some(format!("arr:{ANY_TYPE}")),
            _ => return None,
        }
        .to_owned(),
    )
}

/// The custom section in which `#[wasm::host_imports]` lists the handle positions of each host
/// import (crates/wasm/HOST-ABI.md section 6).
const HOST_HANDLES_SECTION: &str = "wasm_host.handles";

/// `host` records from the lines of `wasm_host.handles` (`MODULE NAME params=I,..|- result=handle|-`):
/// those imports take and return `externref`s once lowered.
fn host_records_of(text: &str) -> Result<String, String> {
    let mut records = String::new();
    for line in text.lines().filter(|line| !line.is_empty()) {
        let bad = || format!("bad `{HOST_HANDLES_SECTION}` line `{line}`");
        let words: Vec<&str> = line.split(' ').collect();
        let [module, name, params, result] = words[..] else {
            return Err(bad());
        };
        let params = params.strip_prefix("params=").ok_or_else(bad)?;
        let result = match result.strip_prefix("result=").ok_or_else(bad)? {
            "handle" => "ext",
            "-" => "-",
            _ => return Err(bad()),
        };
        records.push_str(&format!(
            "host {module} {name} params={params} result={result}\n"
        ));
    }
    Ok(records)
}

/// What the first pass learned.
#[derive(Default)]
struct Scan<'a> {
    functions: Functions,
    /// Active data segments of memory 0: (address, bytes).
    data: Vec<(u32, &'a [u8])>,
    /// The type index of each defined function.
    defined_types: Vec<u32>,
}

impl Scan<'_> {
    fn word(&self, address: u32) -> Option<u32> {
        self.data.iter().find_map(|&(start, bytes)| {
            let at = address.checked_sub(start)? as usize;
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        })
    }
}

/// The translation: the `wasmgc` imports that replace the release form's, and the records.
#[derive(Default)]
struct Translation {
    /// New import names in order, with their function type.
    imports: Vec<(String, FuncType)>,
    by_name: BTreeMap<String, u32>,
    /// Struct keys by their field kinds (equal layouts share a WasmGC type), array keys by kind.
    structs: BTreeMap<Vec<String>, String>,
    arrays: BTreeMap<String, String>,
    records: String,
    /// Per defined function: the offsets of descriptor constants to drop, and of the calls that
    /// follow them with the new import each calls.
    sites: BTreeMap<u32, (Vec<u64>, BTreeMap<u64, u32>)>,
    /// The defined functions that call contract operations.
    calling: BTreeSet<u32>,
    /// The new imports whose result is a handle (an object their `e` variant returns itself).
    handle_results: BTreeSet<u32>,
    /// Per defined function with typed handle locals: the plan, where its added locals start,
    /// and the new import each changed call calls.
    typed: BTreeMap<u32, (handle_locals::Plan, BTreeMap<u64, u32>)>,
}

impl Translation {
    /// The variant of new import `base` whose parameters in `mask` take objects (`externref`s)
    /// and, with `object_result`, whose result is one (lib.rs's `OP.KEY.v.rMASK[e]`).
    fn variant(&mut self, base: u32, mask: u8, object_result: bool) -> u32 {
        if mask == 0 && !object_result {
            return base;
        }
        let (name, ty) = &self.imports[base as usize];
        let e = if object_result { "e" } else { "" };
        let name = format!("{name}{VARIANT_SUFFIX}{mask}{e}");
        let params: Vec<ValType> = ty
            .params()
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                if i < 8 && mask & (1 << i) != 0 {
                    ValType::EXTERNREF
                } else {
                    v
                }
            })
            .collect();
        let results: Vec<ValType> = if object_result {
            vec![ValType::EXTERNREF]
        } else {
            ty.results().to_vec()
        };
        // The records of `base` serve every variant (lib.rs reads the base name).
        self.import(name, FuncType::new(params, results), String::new)
    }

    /// The index among the new imports of `name` (made with `ty` and `record` the first time).
    fn import(&mut self, name: String, ty: FuncType, record: impl FnOnce() -> String) -> u32 {
        if let Some(&index) = self.by_name.get(&name) {
            return index;
        }
        self.records.push_str(&record());
        let index = self.imports.len() as u32;
        self.by_name.insert(name.clone(), index);
        self.imports.push((name, ty));
        index
    }

    fn struct_key(
        &mut self,
        scan: &Scan<'_>,
        layout: u32,
    ) -> Result<(String, Vec<u32>, Vec<String>), String> {
        let bad = || format!("no struct layout descriptor at {layout:#x}");
        if scan.word(layout) != Some(LAYOUT_MAGIC) {
            return Err(bad());
        }
        let count = scan.word(layout + 4).ok_or_else(bad)?;
        let mut kinds = Vec::new();
        let mut offsets = Vec::new();
        for field in 0..count {
            let at = layout + 8 + field * 8;
            let code = scan.word(at).ok_or_else(bad)?;
            kinds.push(
                kind_text(code).ok_or_else(|| format!("unknown field kind {code} at {at:#x}"))?,
            );
            offsets.push(scan.word(at + 4).ok_or_else(bad)?);
        }
        let next = format!("s{}", self.structs.len());
        let fresh = !self.structs.contains_key(&kinds);
        let key = self.structs.entry(kinds.clone()).or_insert(next).clone();
        if fresh {
            self.records
                .push_str(&format!("struct {key} {}\n", kinds.join(" ")));
        }
        Ok((key, offsets, kinds))
    }

    fn array_key(&mut self, code: u32) -> Result<(String, String), String> {
        let kind = kind_text(code).ok_or_else(|| format!("unknown array element kind {code}"))?;
        let next = format!("a{}", self.arrays.len());
        let fresh = !self.arrays.contains_key(&kind);
        let key = self.arrays.entry(kind.clone()).or_insert(next).clone();
        if fresh {
            self.records.push_str(&format!("array {key} {kind}\n"));
        }
        Ok((key, kind))
    }

    /// The new import a call of release-form import `name` (type `ty`) with descriptor `value`
    /// stands for.
    fn site(
        &mut self,
        scan: &Scan<'_>,
        name: &str,
        ty: &FuncType,
        value: u32,
    ) -> Result<u32, String> {
        let (op, descriptor) =
            operation(name).ok_or_else(|| format!("`{RELEASE_MODULE}.{name}` is unknown"))?;
        let params = ty.params();
        let without_descriptor =
            FuncType::new(params[..params.len() - 1].to_vec(), ty.results().to_vec());
        let value_type = name
            .strip_prefix(RELEASE_PREFIX)
            .and_then(|name| name.split_once(':'))
            .map(|(_, ty)| ty);
        match descriptor {
            Descriptor::None => unreachable!("only operations with a descriptor have call sites"),
            Descriptor::Layout => {
                let (key, offsets, _) = self.struct_key(scan, value)?;
                let base = format!("{op}.L{value:x}");
                let offsets: Vec<String> = offsets.iter().map(u32::to_string).collect();
                let record = format!("op {base} {op} type={key} pass=mem:{}\n", offsets.join(","));
                Ok(self.typed_import(base, without_descriptor, record, true))
            }
            Descriptor::Field => {
                let bad = || format!("no field descriptor at {value:#x}");
                if scan.word(value) != Some(FIELD_MAGIC) {
                    return Err(bad());
                }
                let layout = scan.word(value + 4).ok_or_else(bad)?;
                let field = scan.word(value + 8).ok_or_else(bad)?;
                let (key, _, kinds) = self.struct_key(scan, layout)?;
                let kind = kinds
                    .get(field as usize)
                    .ok_or_else(|| format!("struct {key} has no field {field}"))?;
                check_value_type(name, kind, value_type)?;
                let handle = is_handle_kind(kind);
                let base = format!("{op}.{key}.f{field}");
                let record = format!("op {base} {op} type={key} field={field}\n");
                Ok(self.typed_import(base, without_descriptor, record, handle))
            }
            Descriptor::Element => {
                let (key, kind) = self.array_key(value)?;
                check_value_type(name, &kind, value_type)?;
                // `gc_array_new` makes an array; `gc_array_get` returns an element.
                let handle = op == "gc_array_new" || is_handle_kind(&kind);
                let base = format!("{op}.{key}");
                let record = format!("op {base} {op} type={key}\n");
                Ok(self.typed_import(base, without_descriptor, record, handle))
            }
        }
    }

    /// The by-value import `BASE.v` of a call with a descriptor; `handle` when its result is a
    /// handle.
    fn typed_import(&mut self, base: String, ty: FuncType, record: String, handle: bool) -> u32 {
        let index = self.import(format!("{base}{BY_VALUE_SUFFIX}"), ty, || record);
        if handle {
            self.handle_results.insert(index);
        }
        index
    }
}

/// A kind (as the records write it) that Rust code holds as a handle.
fn is_handle_kind(kind: &str) -> bool {
    kind == "ext" || kind.starts_with("gc") || kind.starts_with("arr:")
}

/// A typed import (`gc_struct_get:i64`) must carry the wasm type of the field's kind.
fn check_value_type(name: &str, kind: &str, value_type: Option<&str>) -> Result<(), String> {
    let Some(value_type) = value_type else {
        return Ok(());
    };
    let expected = match kind {
        "i64" => "i64",
        "f32" => "f32",
        "f64" => "f64",
        _ => "i32",
    };
    if value_type == expected {
        Ok(())
    } else {
        Err(format!(
            "`{RELEASE_MODULE}.{name}` is called for a field of kind {kind}, which is an {expected}"
        ))
    }
}

/// The module in the backend's form, or `None` when it imports nothing from `wasmgc-v1`.
pub(crate) fn translate(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    let mut scan = Scan::default();
    let mut bodies = Vec::new();
    let mut host_records = String::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(err)?;
        scan.functions.read(&payload)?;
        match payload {
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(err)?;
                    if let DataKind::Active {
                        memory_index: 0,
                        offset_expr,
                    } = data.kind
                        && let [Operator::I32Const { value }, Operator::End] = offset_expr
                            .get_operators_reader()
                            .into_iter()
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(err)?[..]
                    {
                        scan.data.push((value as u32, data.data));
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body),
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    scan.defined_types.push(ty.map_err(err)?);
                }
            }
            Payload::CustomSection(reader) if reader.name() == HOST_HANDLES_SECTION => {
                let text = std::str::from_utf8(reader.data())
                    .map_err(|_| "`wasm_host.handles` is not UTF-8")?;
                host_records.push_str(&host_records_of(text)?);
            }
            _ => {}
        }
    }
    let release: Vec<usize> = (0..scan.functions.imports.len())
        .filter(|&i| scan.functions.imports[i].0 == RELEASE_MODULE)
        .collect();
    if release.is_empty() {
        return Ok(None);
    }
    let mut translation = Translation {
        records: host_records,
        ..Translation::default()
    };
    // Operations without a descriptor: one new import each, whatever calls it.
    let mut direct = BTreeMap::new();
    for &old in &release {
        let (_, name, ty) = &scan.functions.imports[old];
        let (op, descriptor) =
            operation(name).ok_or_else(|| format!("`{RELEASE_MODULE}.{name}` is unknown"))?;
        let ty = scan
            .functions
            .types
            .get(*ty as usize)
            .ok_or("an import of an unknown type")?
            .clone();
        if descriptor == Descriptor::None {
            let record = format!("op {op} {op}\n");
            let index = translation.import(format!("{op}{BY_VALUE_SUFFIX}"), ty, || record);
            if op == "gc_clone" {
                // A new handle; the other operations without a descriptor return none to keep.
                translation.handle_results.insert(index);
            }
            direct.insert(old as u32, index);
        } else if ty.params().last() != Some(&ValType::I32) {
            return Err(format!(
                "`{RELEASE_MODULE}.{name}` has no descriptor parameter"
            ));
        }
    }
    let imports = scan.functions.imports.len() as u32;
    for (defined, body) in bodies.iter().enumerate() {
        let function = imports + defined as u32;
        let mut ops = body.get_operators_reader().map_err(err)?;
        let mut previous: Option<(i32, u64)> = None;
        while !ops.eof() {
            let (op, at) = ops.read_with_offset().map_err(err)?;
            // A tail call (`return_call`, with `+tail-call`) passes its descriptor the same way.
            if let Operator::Call { function_index } | Operator::ReturnCall { function_index } = op
                && direct.contains_key(&function_index)
            {
                translation.calling.insert(defined as u32);
            }
            if let Operator::Call { function_index } | Operator::ReturnCall { function_index } = op
                && let Some(&old) = release.iter().find(|&&old| old as u32 == function_index)
                && !direct.contains_key(&function_index)
            {
                translation.calling.insert(defined as u32);
                let (_, name, ty) = &scan.functions.imports[old];
                let in_function = || scan.functions.describe(function);
                let Some((value, const_at)) = previous else {
                    return Err(format!(
                        "{}: the descriptor argument of `{RELEASE_MODULE}.{name}` is not a constant",
                        in_function()
                    ));
                };
                let ty = &scan.functions.types[*ty as usize];
                let target = translation
                    .site(&scan, name, ty, value as u32)
                    .map_err(|e| format!("{}: {e}", in_function()))?;
                let (consts, calls) = translation.sites.entry(defined as u32).or_default();
                consts.push(const_at);
                calls.insert(at, target);
            }
            previous = match op {
                Operator::I32Const { value } => Some((value, at)),
                _ => None,
            };
        }
    }
    plan_typed_locals(&scan, &bodies, &direct, &mut translation);
    let mut reencoder = Translate::new(&scan, &release, &direct, &translation);
    let mut module = Module::new();
    reencoder
        .parse_core_module(&mut module, Parser::new(0), bytes)
        .map_err(|e| e.to_string())?;
    module.section(&CustomSection {
        name: SECTION.into(),
        data: translation.records.as_bytes().into(),
    });
    Ok(Some(module.finish()))
}

/// Typed handle locals (handle_locals.rs) for every function where some qualify.
fn plan_typed_locals(
    scan: &Scan<'_>,
    bodies: &[wasmparser::FunctionBody<'_>],
    direct: &BTreeMap<u32, u32>,
    translation: &mut Translation,
) {
    let sub_types: Vec<SubType> = scan
        .functions
        .types
        .iter()
        .map(|ty| SubType {
            is_final: true,
            supertype_idxs: Vec::new(),
            composite_type: CompositeType {
                inner: CompositeInnerType::Func(ty.clone()),
                shared: false,
                descriptor_idx: None,
                describes_idx: None,
            },
        })
        .collect();
    let function_types: Vec<u32> = scan
        .functions
        .imports
        .iter()
        .map(|(_, _, ty)| *ty)
        .chain(scan.defined_types.iter().copied())
        .collect();
    let mut arity = handle_locals::Arity::new(&sub_types, &function_types);
    for (defined, body) in bodies.iter().enumerate() {
        let defined = defined as u32;
        // Only functions that call contract operations can have handle locals to type.
        if !translation.calling.contains(&defined) {
            continue;
        }
        let Some(&function_type) = scan.defined_types.get(defined as usize) else {
            continue;
        };
        let sites = translation.sites.get(&defined);
        let plan =
            handle_locals::plan(body, function_type, &mut arity, |offset, function_index| {
                let import = direct
                    .get(&function_index)
                    .copied()
                    .or_else(|| sites?.1.get(&offset).copied())?;
                let name = &translation.imports[import as usize].0;
                Some(handle_locals::Callee {
                    import,
                    op: Op::from_name(name.split('.').next()?)?,
                    handle_result: translation.handle_results.contains(&import),
                })
            });
        let Some(plan) = plan else { continue };
        let mut targets = BTreeMap::new();
        for (&offset, &(mask, object_result)) in &plan.calls {
            let base = plan.imports[&offset];
            targets.insert(offset, translation.variant(base, mask, object_result));
        }
        translation.typed.insert(defined, (plan, targets));
    }
}

/// The re-encoding: release-form imports out, the new ones in after the others, descriptor
/// constants dropped and their calls pointed at the new imports.
struct Translate<'a> {
    translation: &'a Translation,
    /// Old function index -> new; `None` for a release-form import with a descriptor.
    function_map: Vec<Option<u32>>,
    /// Index of the first added type, and of the new imports' types.
    first_new_type: u32,
    new_import_types: Vec<u32>,
    new_types: Vec<FuncType>,
    first_new_import: u32,
    defined: u32,
    /// The defined function whose body comes next.
    next_body: u32,
}

impl<'a> Translate<'a> {
    fn new(
        scan: &Scan<'_>,
        release: &[usize],
        direct: &BTreeMap<u32, u32>,
        translation: &'a Translation,
    ) -> Translate<'a> {
        let kept = (scan.functions.imports.len() - release.len()) as u32;
        let added = translation.imports.len() as u32;
        let mut function_map = Vec::new();
        let mut next = 0;
        for old in 0..scan.functions.imports.len() {
            function_map.push(if release.contains(&old) {
                direct.get(&(old as u32)).map(|new| kept + new)
            } else {
                next += 1;
                Some(next - 1)
            });
        }
        // Function types of the new imports: an existing equal one, else added.
        let first_new_type = scan.functions.types.len() as u32;
        let mut new_types: Vec<FuncType> = Vec::new();
        let mut new_import_types = Vec::new();
        for (_, ty) in &translation.imports {
            let index = match scan.functions.types.iter().position(|t| t == ty) {
                Some(index) => index as u32,
                None => match new_types.iter().position(|t| t == ty) {
                    Some(index) => first_new_type + index as u32,
                    None => {
                        new_types.push(ty.clone());
                        first_new_type + new_types.len() as u32 - 1
                    }
                },
            };
            new_import_types.push(index);
        }
        Translate {
            translation,
            function_map,
            first_new_type,
            new_import_types,
            new_types,
            first_new_import: kept,
            defined: kept + added,
            next_body: 0,
        }
    }
}

impl Reencode for Translate<'_> {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, Error<String>> {
        self.kept_index(func).ok_or_else(|| {
            Error::UserError(format!(
                "function {func}, a `{RELEASE_MODULE}` import with a descriptor, is used other than by a call"
            ))
        })
    }

    fn parse_type_section(
        &mut self,
        types: &mut TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        wasm_encoder::reencode::utils::parse_type_section(self, types, section)?;
        if types.len() != self.first_new_type {
            return Err(Error::UserError("the type section changed size".to_owned()));
        }
        for ty in &self.new_types {
            let params = ty
                .params()
                .iter()
                .map(|&v| RoundtripReencoder.val_type(v))
                .collect::<Result<Vec<_>, _>>();
            let results = ty
                .results()
                .iter()
                .map(|&v| RoundtripReencoder.val_type(v))
                .collect::<Result<Vec<_>, _>>();
            let failed = |e: Error<std::convert::Infallible>| Error::UserError(e.to_string());
            types
                .ty()
                .function(params.map_err(failed)?, results.map_err(failed)?);
        }
        Ok(())
    }

    fn parse_import_section(
        &mut self,
        imports: &mut ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        for import in section.into_imports() {
            let import = import?;
            if import.module == RELEASE_MODULE
                && matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_))
            {
                continue;
            }
            self.parse_import(imports, import)?;
        }
        for ((name, _), &ty) in self.translation.imports.iter().zip(&self.new_import_types) {
            imports.import(IMPORT_MODULE, name, EntityType::Function(ty));
        }
        Ok(())
    }

    /// The handle positions are records now; the lowered imports take `externref`s.
    fn parse_custom_section(
        &mut self,
        module: &mut Module,
        section: wasmparser::CustomSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        if section.name() == HOST_HANDLES_SECTION {
            return Ok(());
        }
        wasm_encoder::reencode::utils::parse_custom_section(self, module, section)
    }

    /// Names of functions that no longer exist (release-form imports with a descriptor) go.
    fn parse_custom_name_subsection(
        &mut self,
        names: &mut wasm_encoder::NameSection,
        section: wasmparser::Name<'_>,
    ) -> Result<(), Error<String>> {
        match section {
            wasmparser::Name::Function(map) => {
                let mut entries = Vec::new();
                for naming in map {
                    let naming = naming?;
                    if let Some(index) = self.kept_index(naming.index) {
                        entries.push((index, naming.name));
                    }
                }
                entries.sort_by_key(|(index, _)| *index);
                let mut map = wasm_encoder::NameMap::new();
                for (index, name) in entries {
                    map.append(index, name);
                }
                names.functions(&map);
                Ok(())
            }
            wasmparser::Name::Local(map) => {
                let mut entries = Vec::new();
                for naming in map {
                    let naming = naming?;
                    if let Some(index) = self.kept_index(naming.index) {
                        let mut locals = wasm_encoder::NameMap::new();
                        for local in naming.names {
                            let local = local?;
                            locals.append(local.index, local.name);
                        }
                        entries.push((index, locals));
                    }
                }
                entries.sort_by_key(|(index, _)| *index);
                let mut map = wasm_encoder::IndirectNameMap::new();
                for (index, locals) in &entries {
                    map.append(*index, locals);
                }
                names.locals(&map);
                Ok(())
            }
            other => {
                wasm_encoder::reencode::utils::parse_custom_name_subsection(self, names, other)
            }
        }
    }

    fn parse_function_body(
        &mut self,
        code: &mut CodeSection,
        body: wasmparser::FunctionBody<'_>,
    ) -> Result<(), Error<String>> {
        let defined = self.next_body;
        self.next_body += 1;
        let typed = self.translation.typed.get(&defined);
        let mut function = match typed {
            None => self.new_function_with_parsed_locals(&body)?,
            Some((plan, _)) => {
                // The function's own locals, then one `externref` per typed handle local.
                let mut locals = Vec::new();
                for local in body.get_locals_reader()? {
                    let (count, ty) = local?;
                    locals.push((count, self.val_type(ty)?));
                }
                locals.push((plan.added_locals, wasm_encoder::ValType::EXTERNREF));
                wasm_encoder::Function::new(locals)
            }
        };
        let sites = self.translation.sites.get(&defined);
        let mut ops = body.get_operators_reader()?;
        while !ops.eof() {
            let (op, at) = ops.read_with_offset()?;
            if let Some((plan, targets)) = typed {
                if let Some(&rewrite) = plan.rewrites.get(&at) {
                    emit_rewrite(&mut function, rewrite, plan.first_local);
                    continue;
                }
                if let Some(&new) = targets.get(&at) {
                    function.instruction(&call(&op, self.first_new_import + new));
                    continue;
                }
            }
            if let Some((consts, calls)) = sites {
                if consts.contains(&at) {
                    continue;
                }
                if let Some(&new) = calls.get(&at) {
                    function.instruction(&call(&op, self.first_new_import + new));
                    continue;
                }
            }
            function.instruction(&self.instruction(op)?);
        }
        code.function(&function);
        Ok(())
    }
}

/// A call (or tail call, as `op` was) of `function_index`.
fn call(op: &Operator<'_>, function_index: u32) -> wasm_encoder::Instruction<'static> {
    match op {
        Operator::ReturnCall { .. } => wasm_encoder::Instruction::ReturnCall(function_index),
        _ => wasm_encoder::Instruction::Call(function_index),
    }
}

/// What a typed handle local makes of one instruction; its locals start at `first`.
fn emit_rewrite(function: &mut wasm_encoder::Function, rewrite: Rewrite, first: u32) {
    use wasm_encoder::Instruction as I;
    let not_null = [I::RefIsNull, I::I32Eqz];
    let is_null = [I::RefIsNull];
    let (head, tail): (I<'static>, &[I<'static>]) = match rewrite {
        Rewrite::Skip => return,
        Rewrite::Get(k) => (I::LocalGet(first + k), &[]),
        Rewrite::Set(k) => (I::LocalSet(first + k), &[]),
        Rewrite::Tee(k) => (I::LocalTee(first + k), &[]),
        Rewrite::GetNotNull(k) => (I::LocalGet(first + k), &not_null),
        Rewrite::TeeNotNull(k) => (I::LocalTee(first + k), &not_null),
        Rewrite::GetIsNull(k) => (I::LocalGet(first + k), &is_null),
        Rewrite::TeeIsNull(k) => (I::LocalTee(first + k), &is_null),
        Rewrite::Null => (I::RefNull(wasm_encoder::HeapType::EXTERN), &[]),
        Rewrite::Drop => (I::Drop, &[]),
    };
    function.instruction(&head);
    for instruction in tail {
        function.instruction(instruction);
    }
}

impl Translate<'_> {
    /// The new index of function `old`, `None` for a release-form import with a descriptor.
    fn kept_index(&self, old: u32) -> Option<u32> {
        let imports = self.function_map.len() as u32;
        if old >= imports {
            Some(self.defined + old - imports)
        } else {
            self.function_map[old as usize]
        }
    }
}
