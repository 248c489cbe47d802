//! Re-encodes the linked module with the lowering's additions: the GC rec group and helper types,
//! without the `wasmgc` imports (every function index moves accordingly), the root table and the
//! free-list global, and the new functions at the end of the function and code sections.

use std::convert::Infallible;

use wasm_encoder::reencode::{Error, Reencode, RoundtripReencoder};
use wasm_encoder::{
    ArrayType, CodeSection, CompositeInnerType, CompositeType, ConstExpr, EntityType, Function,
    FunctionSection, GlobalSection, GlobalType, ImportSection, IndirectNameMap, Instruction,
    Module, NameMap, NameSection, RefType, StartSection, StructType, SubType, TableSection,
    TableType, TypeSection, ValType,
};
use wasmparser::{Name, NameSectionReader, Parser, Payload, TypeRef};

use super::ops::Env;
use super::{CallCounts, CallKind, Plan};
use crate::wire::{IMPORT_MODULE, SECTION};

/// Moves function indices to their place in the lowered module, counting calls of operations.
struct Remap<'a> {
    function_map: &'a [u32],
    call_kinds: &'a [CallKind],
    calls: CallCounts,
}

impl Reencode for Remap<'_> {
    type Error = Infallible;

    fn function_index(&mut self, func: u32) -> Result<u32, Error<Infallible>> {
        Ok(self.function_map[func as usize])
    }

    fn instruction<'a>(
        &mut self,
        arg: wasmparser::Operator<'a>,
    ) -> Result<Instruction<'a>, Error<Infallible>> {
        if let wasmparser::Operator::Call { function_index } = arg {
            count_call(self.call_kinds, &mut self.calls, function_index);
        }
        wasm_encoder::reencode::utils::instruction(self, arg)
    }
}

/// Counts a call of an operation by how it takes its handles.
fn count_call(call_kinds: &[CallKind], calls: &mut CallCounts, function_index: u32) {
    match call_kinds.get(function_index as usize) {
        Some(CallKind::Rooted) => calls.rooted += 1,
        Some(CallKind::TypedLocal) => calls.typed_local += 1,
        _ => {}
    }
}

/// A body with its function indices moved in place: each new index written (padded) into the
/// bytes of the old one, so every instruction keeps its offset and the module's DWARF stays true.
/// wasm-ld pads relocated indices to 5 bytes, so they fit; `None` when one does not, and the
/// body is re-encoded.
fn in_place(
    remap: &mut Remap<'_>,
    module: &[u8],
    body: &wasmparser::FunctionBody<'_>,
) -> wasmparser::Result<Option<Vec<u8>>> {
    let range = body.range();
    let start = range.start as usize;
    let mut out = module[start..range.end as usize].to_vec();
    let mut ops = body.get_operators_reader()?;
    let mut calls = CallCounts::default();
    while !ops.eof() {
        let (op, at) = ops.read_with_offset()?;
        let index = match op {
            wasmparser::Operator::Call { function_index } => {
                count_call(remap.call_kinds, &mut calls, function_index);
                function_index
            }
            wasmparser::Operator::ReturnCall { function_index }
            | wasmparser::Operator::RefFunc { function_index } => function_index,
            _ => continue,
        };
        // The opcodes of these three are one byte; the index runs to the next instruction.
        let immediate = &mut out[at as usize + 1 - start..ops.original_position() as usize - start];
        if !write_padded_leb(immediate, remap.function_map[index as usize]) {
            return Ok(None);
        }
    }
    remap.calls.rooted += calls.rooted;
    remap.calls.typed_local += calls.typed_local;
    Ok(Some(out))
}

/// Writes `value` as an unsigned LEB128 of exactly `slot.len()` bytes; false if it needs more.
fn write_padded_leb(slot: &mut [u8], mut value: u32) -> bool {
    let width = slot.len();
    for (i, byte) in slot.iter_mut().enumerate() {
        let more = if i + 1 < width { 0x80 } else { 0 };
        *byte = (value & 0x7f) as u8 | more;
        value >>= 7;
    }
    value == 0
}

fn leb_width(value: u32) -> u32 {
    (32 - value.leading_zeros()).div_ceil(7).max(1)
}

/// The sections we add where the module has none of that kind yet.
struct Pending {
    table: bool,
    global: bool,
}

pub(super) fn rewrite(
    bytes: &[u8],
    plan: &Plan,
    env: &Env<'_>,
    bodies: Vec<Function>,
    call_kinds: &[CallKind],
) -> Result<(Vec<u8>, CallCounts, usize), String> {
    let mut debug_sections_dropped = 0;
    // Whether every code offset of the old module holds in the new one (DWARF stays valid);
    // settled with the code section, so DWARF before it (none from wasm-ld) is dropped.
    let mut offsets_kept = false;
    let mut remap = Remap {
        function_map: &plan.function_map,
        call_kinds,
        calls: CallCounts::default(),
    };
    let mut module = Module::new();
    let mut pending = Pending {
        table: true,
        global: true,
    };
    let mut code: Option<CodeSection> = None;
    let mut bodies = Some(bodies);
    let failed = |e: Error<Infallible>| e.to_string();
    let parse_failed = |e: wasmparser::BinaryReaderError| e.to_string();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(parse_failed)?;
        // Sections after the code section: the code section is complete.
        if !matches!(payload, Payload::CodeSectionEntry(_))
            && let Some(mut section) = code.take()
        {
            for body in bodies.take().unwrap_or_default() {
                section.function(&body);
            }
            module.section(&section);
        }
        match payload {
            Payload::Version { .. } | Payload::End(_) => {}
            Payload::TypeSection(reader) => {
                let mut types = TypeSection::new();
                remap
                    .parse_type_section(&mut types, reader)
                    .map_err(failed)?;
                add_types(&mut types, env, plan)?;
                module.section(&types);
            }
            Payload::ImportSection(reader) => {
                let mut imports = ImportSection::new();
                for import in reader.into_imports() {
                    let import = import.map_err(parse_failed)?;
                    let function = matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_));
                    if import.module == IMPORT_MODULE && function {
                        continue;
                    }
                    if let Some((_, new_type, _)) = plan
                        .hosts
                        .get(&(import.module.to_owned(), import.name.to_owned()))
                        && function
                    {
                        imports.import(import.module, import.name, EntityType::Function(*new_type));
                        continue;
                    }
                    remap.parse_import(&mut imports, import).map_err(failed)?;
                }
                module.section(&imports);
            }
            Payload::FunctionSection(reader) => {
                let mut functions = FunctionSection::new();
                remap
                    .parse_function_section(&mut functions, reader)
                    .map_err(failed)?;
                for &ty in &plan.new_function_types {
                    functions.function(ty);
                }
                module.section(&functions);
            }
            Payload::TableSection(reader) => {
                let mut tables = TableSection::new();
                remap
                    .parse_table_section(&mut tables, reader)
                    .map_err(failed)?;
                tables.table(roots_table());
                pending.table = false;
                module.section(&tables);
            }
            Payload::MemorySection(reader) => {
                add_table_if_pending(&mut module, &mut pending);
                let mut memories = wasm_encoder::MemorySection::new();
                remap
                    .parse_memory_section(&mut memories, reader)
                    .map_err(failed)?;
                module.section(&memories);
            }
            // Unwinding code's exception tag (`__cpp_exception`): its type index is unchanged,
            // since the lowering's types follow the module's own.
            Payload::TagSection(reader) => {
                add_table_if_pending(&mut module, &mut pending);
                let mut tags = wasm_encoder::TagSection::new();
                remap.parse_tag_section(&mut tags, reader).map_err(failed)?;
                module.section(&tags);
            }
            Payload::GlobalSection(reader) => {
                add_table_if_pending(&mut module, &mut pending);
                let mut globals = GlobalSection::new();
                remap
                    .parse_global_section(&mut globals, reader)
                    .map_err(failed)?;
                globals.global(free_global(), &ConstExpr::i32_const(0));
                pending.global = false;
                module.section(&globals);
            }
            Payload::ExportSection(reader) => {
                add_pending(&mut module, &mut pending);
                let mut exports = wasm_encoder::ExportSection::new();
                remap
                    .parse_export_section(&mut exports, reader)
                    .map_err(failed)?;
                module.section(&exports);
            }
            Payload::StartSection { func, .. } => {
                add_pending(&mut module, &mut pending);
                module.section(&StartSection {
                    function_index: remap.function_index(func).map_err(failed)?,
                });
            }
            Payload::ElementSection(reader) => {
                add_pending(&mut module, &mut pending);
                let mut elements = wasm_encoder::ElementSection::new();
                remap
                    .parse_element_section(&mut elements, reader)
                    .map_err(failed)?;
                module.section(&elements);
            }
            Payload::DataCountSection { count, .. } => {
                add_pending(&mut module, &mut pending);
                module.section(&wasm_encoder::DataCountSection { count });
            }
            Payload::CodeSectionStart { count, .. } => {
                add_pending(&mut module, &mut pending);
                code = Some(CodeSection::new());
                // The helpers' bodies follow the old ones: offsets in the section stay where
                // they were if its count keeps the width of its LEB128.
                let added = bodies.as_ref().map_or(0, Vec::len) as u32;
                offsets_kept = leb_width(count) == leb_width(count + added);
            }
            Payload::CodeSectionEntry(body) => {
                let section = code
                    .as_mut()
                    .ok_or("a function body outside the code section")?;
                match in_place(&mut remap, bytes, &body).map_err(parse_failed)? {
                    Some(moved) => {
                        section.raw(&moved);
                    }
                    None => {
                        offsets_kept = false;
                        remap.parse_function_body(section, body).map_err(failed)?;
                    }
                }
            }
            Payload::DataSection(reader) => {
                let mut data = wasm_encoder::DataSection::new();
                remap
                    .parse_data_section(&mut data, reader)
                    .map_err(failed)?;
                module.section(&data);
            }
            Payload::CustomSection(reader) if reader.name() == SECTION => {}
            // DWARF addresses are offsets in the code section: true still if every body kept its
            // bytes' places (`in_place`), stale otherwise, and then dropped (the caller says so).
            // FIXME(#15): rewrite the addresses with an old-to-new offset map instead.
            Payload::CustomSection(reader)
                if reader.name().starts_with(".debug_") && !offsets_kept =>
            {
                debug_sections_dropped += 1;
            }
            Payload::CustomSection(reader) if reader.name() == "name" => {
                module.section(&names(
                    &mut remap,
                    NameSectionReader::new(reader.data_reader()),
                    plan,
                )?);
            }
            Payload::CustomSection(reader) => {
                module.section(
                    &RoundtripReencoder
                        .custom_section(reader)
                        .map_err(|e| e.to_string())?,
                );
            }
            other => {
                return Err(format!(
                    "the WasmGC lowering does not handle the section {other:?}"
                ));
            }
        }
    }
    Ok((module.finish(), remap.calls, debug_sections_dropped))
}

fn add_types(types: &mut TypeSection, env: &Env<'_>, plan: &Plan) -> Result<(), String> {
    let mut group = Vec::new();
    for kinds in env.structs.values() {
        let fields = kinds
            .iter()
            .map(|kind| env.storage(kind))
            .collect::<Result<Vec<_>, _>>()?;
        group.push(subtype(CompositeInnerType::Struct(StructType {
            fields: fields.into(),
        })));
    }
    for kind in env.arrays.values() {
        group.push(subtype(CompositeInnerType::Array(ArrayType(
            env.storage(kind)?,
        ))));
    }
    if types.len() != plan.first_new_type {
        return Err("the type section has more types than the lowering counted".to_owned());
    }
    if !group.is_empty() {
        types.ty().rec(group);
    }
    types
        .ty()
        .function([ValType::Ref(RefType::ANYREF)], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    // The host imports' new types, in the order `lower` numbered them.
    let mut host_types: Vec<&(u32, u32, wasmparser::FuncType)> = plan.hosts.values().collect();
    host_types.sort_by_key(|(_, new_type, _)| *new_type);
    for (_, _, ty) in host_types {
        let mut reencoder = RoundtripReencoder;
        let params = ty
            .params()
            .iter()
            .map(|&v| reencoder.val_type(v))
            .collect::<Result<Vec<_>, _>>();
        let results = ty
            .results()
            .iter()
            .map(|&v| reencoder.val_type(v))
            .collect::<Result<Vec<_>, _>>();
        types.ty().function(
            params.map_err(|e| e.to_string())?,
            results.map_err(|e| e.to_string())?,
        );
    }
    Ok(())
}

fn subtype(inner: CompositeInnerType) -> SubType {
    SubType {
        is_final: true,
        supertype_idxs: Vec::new(),
        composite_type: CompositeType {
            inner,
            shared: false,
            descriptor: None,
            describes: None,
        },
    }
}

fn roots_table() -> TableType {
    TableType {
        element_type: RefType::ANYREF,
        table64: false,
        minimum: 1,
        maximum: None,
        shared: false,
    }
}

fn free_global() -> GlobalType {
    GlobalType {
        val_type: ValType::I32,
        mutable: true,
        shared: false,
    }
}

fn add_table_if_pending(module: &mut Module, pending: &mut Pending) {
    if pending.table {
        let mut tables = TableSection::new();
        tables.table(roots_table());
        module.section(&tables);
        pending.table = false;
    }
}

fn add_pending(module: &mut Module, pending: &mut Pending) {
    add_table_if_pending(module, pending);
    if pending.global {
        let mut globals = GlobalSection::new();
        globals.global(free_global(), &ConstExpr::i32_const(0));
        module.section(&globals);
        pending.global = false;
    }
}

/// The name section with function indices moved; function and local names stay sorted by index,
/// as the format asks.
fn names(
    remap: &mut Remap<'_>,
    reader: NameSectionReader<'_>,
    plan: &Plan,
) -> Result<NameSection, String> {
    let mut section = NameSection::new();
    for subsection in reader {
        match subsection.map_err(|e| e.to_string())? {
            Name::Function(map) => {
                let mut entries: Vec<(u32, String)> = Vec::new();
                for naming in map {
                    let naming = naming.map_err(|e| e.to_string())?;
                    entries.push((
                        plan.function_map[naming.index as usize],
                        naming.name.to_owned(),
                    ));
                }
                // The two helpers follow every other function (see `lower`).
                let helpers = plan.function_map.len() as u32;
                entries.push((helpers, "wasmgc_root".to_owned()));
                entries.push((helpers + 1, "wasmgc_unroot".to_owned()));
                // The wrappers took the host imports' names; the imports get theirs back.
                for ((module, name), (index, _, _)) in &plan.hosts {
                    entries.push((*index, format!("{module}.{name}")));
                }
                entries.sort();
                let mut names = NameMap::new();
                for (index, name) in &entries {
                    names.append(*index, name);
                }
                section.functions(&names);
            }
            Name::Local(map) => {
                let mut entries: Vec<(u32, NameMap)> = Vec::new();
                for naming in map {
                    let naming = naming.map_err(|e| e.to_string())?;
                    let mut locals = NameMap::new();
                    for local in naming.names {
                        let local = local.map_err(|e| e.to_string())?;
                        locals.append(local.index, local.name);
                    }
                    entries.push((plan.function_map[naming.index as usize], locals));
                }
                entries.sort_by_key(|(index, _)| *index);
                let mut names = IndirectNameMap::new();
                for (index, locals) in &entries {
                    names.append(*index, locals);
                }
                section.locals(&names);
            }
            other => remap
                .parse_custom_name_subsection(&mut section, other)
                .map_err(|e| e.to_string())?,
        }
    }
    Ok(section)
}
