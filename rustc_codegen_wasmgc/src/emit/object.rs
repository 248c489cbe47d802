//! Relocatable wasm object files: the sections, `linking` metadata and `reloc.*` that wasm-ld reads.

use rustc_data_structures::fx::FxHashMap;

use crate::debuginfo::emit::DebugTarget;
use crate::debuginfo::unit::DebugUnit;
use crate::emit::{Reloc, RelocKind, RelocTarget, write_padded_sleb, write_padded_uleb, write_sleb, write_uleb};
use crate::ir::FuncBody;
use crate::types::{FnSig, TypeTable, ValType};
use crate::value::FnId;

pub(crate) const SYM_BINDING_WEAK: u32 = 0x1;
pub(crate) const SYM_BINDING_LOCAL: u32 = 0x2;
pub(crate) const SYM_VISIBILITY_HIDDEN: u32 = 0x4;
const SYM_UNDEFINED: u32 = 0x10;
const SYM_EXPLICIT_NAME: u32 = 0x40;
/// The exception tag of Rust panics and C++ exceptions on wasm (one i32 payload).
const EXCEPTION_TAG: &str = "__cpp_exception";
pub(crate) const SYM_NO_STRIP: u32 = 0x80;

pub(crate) struct ObjFunc {
    pub(crate) name: String,
    pub(crate) sig: FnSig,
    pub(crate) flags: u32,
    /// The body (in blocks, or finished), or None for an import.
    pub(crate) body: Option<FuncBody>,
    /// Import module and field when the function comes from outside (`wasm_import_module`).
    pub(crate) import: Option<(String, String)>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DataReloc {
    pub(crate) offset: u32,
    pub(crate) target: RelocTarget,
    pub(crate) addend: i32,
}

pub(crate) struct ObjData {
    pub(crate) name: String,
    pub(crate) flags: u32,
    pub(crate) def: Option<DataDef>,
}

pub(crate) struct DataDef {
    pub(crate) bytes: Vec<u8>,
    pub(crate) relocs: Vec<DataReloc>,
    pub(crate) align: u64,
    pub(crate) mutable: bool,
}

#[derive(Default)]
pub(crate) struct ObjectModule {
    pub(crate) funcs: Vec<ObjFunc>,
    pub(crate) datas: Vec<ObjData>,
    /// The `wasmgc` section: records of accelerated contract operations (gc/contract/describe.rs).
    pub(crate) gc_records: String,
    /// Custom sections of `#[link_section]` statics (name, bytes); wasm-ld concatenates the
    /// sections of one name from every object.
    pub(crate) custom_sections: Vec<(String, Vec<u8>)>,
    /// Constructors (priority, function): the `linking` section's init functions.
    pub(crate) init_funcs: Vec<(u32, crate::value::FnId)>,
    /// The target features the code is built with, by LLVM's names.
    pub(crate) features: Vec<&'static str>,
    /// The type of the exception tag `__cpp_exception` when the code throws or catches (eh/).
    pub(crate) exception_tag: Option<FnSig>,
}

struct Writer<'a> {
    types: &'a TypeTable,
    type_indices: FxHashMap<(Vec<ValType>, Vec<ValType>), u32>,
    type_list: Vec<(Vec<ValType>, Vec<ValType>)>,
}

impl Writer<'_> {
    fn type_index(&mut self, sig: FnSig) -> u32 {
        let ws = self.types.wasm_sig(sig);
        let key = (ws.params.clone(), ws.results.clone());
        if let Some(&i) = self.type_indices.get(&key) {
            return i;
        }
        let i = self.type_list.len() as u32;
        self.type_list.push(key.clone());
        self.type_indices.insert(key, i);
        i
    }
}

fn name(out: &mut Vec<u8>, s: &str) {
    write_uleb(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn section(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    write_uleb(out, payload.len() as u64);
    out.extend_from_slice(payload);
}

fn custom_section(out: &mut Vec<u8>, sec_name: &str, payload: &[u8]) {
    let mut p = Vec::new();
    name(&mut p, sec_name);
    p.extend_from_slice(payload);
    section(out, 0, &p);
}

/// A function body's bytes as the code section holds them, and their relocations.
struct Encoded {
    bytes: Vec<u8>,
    relocs: Vec<Reloc>,
}

/// Finishes every function (structure, stackify, encode), then serializes the module as a
/// relocatable object file. Needs no type context: runs on a worker thread. `dump` prints the
/// instruction lists of the functions whose names contain it.
pub(crate) fn write_object(
    module: &mut ObjectModule,
    types: &TypeTable,
    dump: Option<&str>,
    mut debug: Option<DebugUnit>,
) -> Vec<u8> {
    let names: Vec<String> = module.funcs.iter().map(|f| f.name.clone()).collect();
    let mut rows = Vec::new();
    let bodies: Vec<Option<Encoded>> = module
        .funcs
        .iter_mut()
        .enumerate()
        .map(|(i, f)| {
            let body = f.body.take()?;
            let func = match body {
                FuncBody::Finished(func) => func,
                FuncBody::Blocks(body) => {
                    let ws = types.wasm_sig(f.sig);
                    let n_params = ws.params.len() as u32;
                    let mut func = crate::passes::structurize::assemble(body, !ws.results.is_empty());
                    crate::passes::stackify::stack_values(&mut func);
                    if let Some(filter) = dump
                        && f.name.contains(filter)
                    {
                        eprint!("{}", func.dump(&f.name, n_params, |g| names[g.0 as usize].clone()));
                    }
                    func
                }
            };
            rows.clear();
            let (bytes, relocs) = crate::emit::encode(&func, debug.is_some().then_some(&mut rows));
            if let Some(unit) = &mut debug {
                unit.finish_function(FnId(i as u32), bytes.len() as u32, &rows);
            }
            Some(Encoded { bytes, relocs })
        })
        .collect();
    let debug_sections = match debug.map(DebugUnit::write).transpose() {
        Ok(sections) => sections.unwrap_or_default(),
        // gimli refuses only what the unit itself got wrong: a bug of ours, reported as one.
        Err(e) => panic!("rustc_codegen_wasmgc could not write the DWARF of its unit: {e} (a bug in the backend)"),
    };
    let module = &*module;
    let mut w = Writer { types, type_indices: FxHashMap::default(), type_list: Vec::new() };

    // Which undefined symbols are referenced at all; unreferenced declarations are dropped.
    let mut func_used = vec![false; module.funcs.len()];
    let mut data_used = vec![false; module.datas.len()];
    let mut uses_table = false;
    let mark = |t: &RelocTarget, fu: &mut Vec<bool>, du: &mut Vec<bool>, table: &mut bool| match *t {
        RelocTarget::Func(f) => fu[f.0 as usize] = true,
        RelocTarget::Data(d) => du[d.0 as usize] = true,
        RelocTarget::IndirectTable => *table = true,
        _ => {}
    };
    for body in bodies.iter().flatten() {
        for r in &body.relocs {
            mark(&r.target, &mut func_used, &mut data_used, &mut uses_table);
        }
    }
    for d in &module.datas {
        if let Some(def) = &d.def {
            for r in &def.relocs {
                mark(&r.target, &mut func_used, &mut data_used, &mut uses_table);
            }
        }
    }
    for &(_, f) in &module.init_funcs {
        func_used[f.0 as usize] = true;
    }

    // Function index space: imports first.
    let mut func_index: Vec<Option<u32>> = vec![None; module.funcs.len()];
    let mut imported: Vec<usize> = Vec::new();
    let mut defined: Vec<usize> = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        if body.is_some() {
            defined.push(i);
        } else if func_used[i] {
            imported.push(i);
        }
    }
    for (n, &i) in imported.iter().chain(defined.iter()).enumerate() {
        func_index[i] = Some(n as u32);
    }

    // Symbol table: functions, then data, then the stack pointer global and the table.
    let mut symtab = Vec::new();
    let mut nsyms = 0u32;
    let mut func_sym: Vec<u32> = vec![u32::MAX; module.funcs.len()];
    for &i in imported.iter().chain(defined.iter()) {
        let f = &module.funcs[i];
        func_sym[i] = nsyms;
        nsyms += 1;
        symtab.push(0u8);
        let mut flags = f.flags;
        if bodies[i].is_none() {
            flags = (flags & !(SYM_BINDING_LOCAL)) | SYM_UNDEFINED;
            // As LLVM does for `wasm_import_module` functions: an explicit import name tells
            // wasm-ld that the symbol is an import of the module, not an unresolved symbol.
            let explicit = f.import.is_some();
            if explicit {
                flags |= SYM_EXPLICIT_NAME;
            }
            write_uleb(&mut symtab, u64::from(flags));
            write_uleb(&mut symtab, u64::from(func_index[i].unwrap()));
            if explicit {
                name(&mut symtab, &f.name);
            }
        } else {
            write_uleb(&mut symtab, u64::from(flags));
            write_uleb(&mut symtab, u64::from(func_index[i].unwrap()));
            name(&mut symtab, &f.name);
        }
    }

    // Data segments: one per defined data symbol.
    let mut data_sym: Vec<u32> = vec![u32::MAX; module.datas.len()];
    let mut segments: Vec<usize> = Vec::new();
    for (i, d) in module.datas.iter().enumerate() {
        if d.def.is_none() && !data_used[i] {
            continue;
        }
        data_sym[i] = nsyms;
        nsyms += 1;
        symtab.push(1u8);
        match &d.def {
            Some(def) => {
                write_uleb(&mut symtab, u64::from(d.flags));
                name(&mut symtab, &d.name);
                write_uleb(&mut symtab, segments.len() as u64);
                write_uleb(&mut symtab, 0);
                write_uleb(&mut symtab, def.bytes.len() as u64);
                segments.push(i);
            }
            None => {
                write_uleb(&mut symtab, u64::from((d.flags & !SYM_BINDING_LOCAL) | SYM_UNDEFINED));
                name(&mut symtab, &d.name);
            }
        }
    }
    let sp_sym = nsyms;
    nsyms += 1;
    symtab.push(2u8);
    write_uleb(&mut symtab, u64::from(SYM_UNDEFINED));
    write_uleb(&mut symtab, 0);
    let table_sym = nsyms;
    if uses_table {
        nsyms += 1;
        symtab.push(5u8);
        write_uleb(&mut symtab, u64::from(SYM_UNDEFINED | SYM_NO_STRIP));
        write_uleb(&mut symtab, 0);
    }

    // The exception tag, when the code throws or catches: defined here, weak, in each object
    // that needs it (as LLVM once did), so a module links whether or not the unwinder
    // (`__cpp_exception` of std's wasm unwinder, C++'s libunwind) defines it too.
    let tag_sym = nsyms;
    if module.exception_tag.is_some() {
        nsyms += 1;
        symtab.push(4u8);
        write_uleb(&mut symtab, u64::from(SYM_BINDING_WEAK | SYM_VISIBILITY_HIDDEN));
        write_uleb(&mut symtab, 0);
        name(&mut symtab, EXCEPTION_TAG);
    }

    // The debug sections follow the data section (the type, import, function, tag if any, code
    // and data sections come first, written below); a section symbol names each, for the
    // section-offset relocations between them.
    let tag_sections = u32::from(module.exception_tag.is_some());
    let debug_section_index = |k: usize| 5 + tag_sections + k as u32;
    let first_section_sym = nsyms;
    for k in 0..debug_sections.len() {
        nsyms += 1;
        symtab.push(3u8);
        write_uleb(&mut symtab, u64::from(SYM_BINDING_LOCAL));
        write_uleb(&mut symtab, u64::from(debug_section_index(k)));
    }

    let reloc_index = |w: &mut Writer<'_>, t: RelocTarget| -> u32 {
        match t {
            RelocTarget::Func(f) => func_sym[f.0 as usize],
            RelocTarget::Data(d) => data_sym[d.0 as usize],
            RelocTarget::Type(s) => w.type_index(s),
            RelocTarget::StackPointer => sp_sym,
            RelocTarget::IndirectTable => table_sym,
            RelocTarget::ExceptionTag => tag_sym,
        }
    };

    // Virtual addresses of the segments, so relocated immediates hold meaningful values.
    let mut seg_addr: Vec<u64> = vec![0; module.datas.len()];
    let mut next_addr = 0u64;
    for &i in &segments {
        let def = module.datas[i].def.as_ref().unwrap();
        next_addr = next_addr.div_ceil(def.align) * def.align;
        seg_addr[i] = next_addr;
        next_addr += def.bytes.len() as u64;
    }

    // Code section payload and its relocations.
    let mut code = Vec::new();
    write_uleb(&mut code, defined.len() as u64);
    let mut code_relocs: Vec<(RelocKind, u32, u32, i64)> = Vec::new();
    for &i in &defined {
        let body = bodies[i].as_ref().unwrap();
        write_uleb(&mut code, body.bytes.len() as u64);
        let base = code.len() as u32;
        code.extend_from_slice(&body.bytes);
        for r in &body.relocs {
            let idx = reloc_index(&mut w, r.target);
            code_relocs.push((r.kind, base + r.offset, idx, i64::from(r.addend)));
            // The linker rewrites these; the object itself must still validate.
            let at = (base + r.offset) as usize;
            match r.kind {
                RelocKind::FunctionIndexLeb => patch_uleb(&mut code, at, func_index[func_target(r.target)].unwrap()),
                RelocKind::TypeIndexLeb => patch_uleb(&mut code, at, idx),
                RelocKind::MemoryAddrSleb => {
                    let RelocTarget::Data(d) = r.target else { unreachable!() };
                    patch_sleb(&mut code, at, (seg_addr[d.0 as usize] as i64 + i64::from(r.addend)) as i32);
                }
                _ => {}
            }
        }
    }

    // Data section payload and its relocations.
    let mut data = Vec::new();
    write_uleb(&mut data, segments.len() as u64);
    let mut data_relocs: Vec<(RelocKind, u32, u32, i64)> = Vec::new();
    let mut seg_info = Vec::new();
    write_uleb(&mut seg_info, segments.len() as u64);
    let mut addr = 0u64;
    for &i in &segments {
        let d = &module.datas[i];
        let def = d.def.as_ref().unwrap();
        addr = addr.div_ceil(def.align) * def.align;
        data.push(0);
        data.push(crate::ir::op::I32_CONST);
        write_sleb(&mut data, addr as i32 as i64);
        data.push(crate::ir::op::END);
        write_uleb(&mut data, def.bytes.len() as u64);
        let base = data.len() as u32;
        data.extend_from_slice(&def.bytes);
        for r in &def.relocs {
            let kind = match r.target {
                RelocTarget::Func(_) => RelocKind::TableIndexI32,
                _ => RelocKind::MemoryAddrI32,
            };
            let idx = reloc_index(&mut w, r.target);
            data_relocs.push((kind, base + r.offset, idx, i64::from(r.addend)));
        }
        addr += def.bytes.len() as u64;
        // As LLVM does: wasm-ld writes no `.bss` segment (memory starts zeroed), so a large zeroed
        // `static mut` costs no module bytes. Constants stay `.rodata` whatever their bytes.
        let zeroed = def.relocs.is_empty() && def.bytes.iter().all(|&b| b == 0);
        let prefix = match (def.mutable, zeroed) {
            (true, true) => ".bss.",
            (true, false) => ".data.",
            (false, _) => ".rodata.",
        };
        name(&mut seg_info, &format!("{prefix}{}", d.name));
        write_uleb(&mut seg_info, u64::from(def.align.trailing_zeros()));
        write_uleb(&mut seg_info, 0);
    }

    // Type indices of the function declarations (the relocations above may have added some).
    let mut func_types = Vec::new();
    for &i in &defined {
        func_types.push(w.type_index(module.funcs[i].sig));
    }
    let mut import_types = Vec::new();
    for &i in &imported {
        import_types.push(w.type_index(module.funcs[i].sig));
    }
    let tag_type = module.exception_tag.map(|sig| w.type_index(sig));

    let mut out = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    let mut section_count = 0u32;

    let mut types_payload = Vec::new();
    write_uleb(&mut types_payload, w.type_list.len() as u64);
    for (params, results) in &w.type_list {
        types_payload.push(0x60);
        write_uleb(&mut types_payload, params.len() as u64);
        types_payload.extend(params.iter().map(|v| v.byte()));
        write_uleb(&mut types_payload, results.len() as u64);
        types_payload.extend(results.iter().map(|v| v.byte()));
    }
    section(&mut out, 1, &types_payload);
    section_count += 1;

    let mut imports = Vec::new();
    let n_imports = 2 + imported.len() + usize::from(uses_table);
    write_uleb(&mut imports, n_imports as u64);
    name(&mut imports, "env");
    name(&mut imports, "__linear_memory");
    imports.extend_from_slice(&[0x02, 0x00, 0x00]);
    name(&mut imports, "env");
    name(&mut imports, "__stack_pointer");
    imports.extend_from_slice(&[0x03, 0x7f, 0x01]);
    if uses_table {
        name(&mut imports, "env");
        name(&mut imports, "__indirect_function_table");
        imports.extend_from_slice(&[0x01, 0x70, 0x00, 0x00]);
    }
    for (&i, &ty) in imported.iter().zip(&import_types) {
        let f = &module.funcs[i];
        let (m, field) = f.import.clone().unwrap_or_else(|| ("env".to_owned(), f.name.clone()));
        name(&mut imports, &m);
        name(&mut imports, &field);
        imports.push(0x00);
        write_uleb(&mut imports, u64::from(ty));
    }
    section(&mut out, 2, &imports);
    section_count += 1;

    let mut funcs_payload = Vec::new();
    write_uleb(&mut funcs_payload, func_types.len() as u64);
    for t in &func_types {
        write_uleb(&mut funcs_payload, u64::from(*t));
    }
    section(&mut out, 3, &funcs_payload);
    section_count += 1;

    if let Some(ty) = tag_type {
        // One tag: attribute 0 (an exception), then its type.
        let mut tags = Vec::new();
        write_uleb(&mut tags, 1);
        tags.push(0x00);
        write_uleb(&mut tags, u64::from(ty));
        section(&mut out, 13, &tags);
        section_count += 1;
    }

    let code_section_index = section_count;
    section(&mut out, 10, &code);
    section_count += 1;
    let data_section_index = section_count;
    section(&mut out, 11, &data);
    section_count += 1;
    debug_assert_eq!(debug_section_index(0), section_count);
    let mut debug_relocs = Vec::new();
    for (k, debug_section) in debug_sections.iter().enumerate() {
        custom_section(&mut out, debug_section.id.name(), &debug_section.bytes);
        let relocs = debug_section.relocs.iter().map(|r| match r.target {
            DebugTarget::Func(f) => (RelocKind::FunctionOffsetI32, r.offset, func_sym[f.0 as usize], r.addend),
            DebugTarget::Section(id) => {
                let Some(target) = debug_sections.iter().position(|s| s.id == id) else {
                    panic!("DWARF refers to the empty section {}", id.name())
                };
                (RelocKind::SectionOffsetI32, r.offset, first_section_sym + target as u32, r.addend)
            }
        });
        debug_relocs.push((format!("reloc.{}", debug_section.id.name()), debug_section_index(k), relocs.collect()));
    }

    let mut linking = Vec::new();
    write_uleb(&mut linking, 2);
    linking.push(8);
    let mut sub = Vec::new();
    write_uleb(&mut sub, u64::from(nsyms));
    sub.extend_from_slice(&symtab);
    write_uleb(&mut linking, sub.len() as u64);
    linking.extend_from_slice(&sub);
    if !segments.is_empty() {
        linking.push(5);
        write_uleb(&mut linking, seg_info.len() as u64);
        linking.extend_from_slice(&seg_info);
    }
    if !module.init_funcs.is_empty() {
        // WASM_INIT_FUNCS: (priority, function symbol) pairs.
        let mut init = Vec::new();
        write_uleb(&mut init, module.init_funcs.len() as u64);
        for &(priority, f) in &module.init_funcs {
            write_uleb(&mut init, u64::from(priority));
            write_uleb(&mut init, u64::from(func_sym[f.0 as usize]));
        }
        linking.push(6);
        write_uleb(&mut linking, init.len() as u64);
        linking.extend_from_slice(&init);
    }
    custom_section(&mut out, "linking", &linking);

    let sections = [
        ("reloc.CODE".to_owned(), code_section_index, code_relocs),
        ("reloc.DATA".to_owned(), data_section_index, data_relocs),
    ];
    for (sec_name, index, mut relocs) in sections.into_iter().chain(debug_relocs) {
        if relocs.is_empty() {
            continue;
        }
        relocs.sort_by_key(|r| r.1);
        let mut p = Vec::new();
        write_uleb(&mut p, u64::from(index));
        write_uleb(&mut p, relocs.len() as u64);
        for (kind, offset, idx, addend) in relocs {
            p.push(kind as u8);
            write_uleb(&mut p, u64::from(offset));
            write_uleb(&mut p, u64::from(idx));
            if kind.has_addend() {
                write_sleb(&mut p, addend);
            }
        }
        custom_section(&mut out, &sec_name, &p);
    }
    if !module.gc_records.is_empty() {
        custom_section(&mut out, crate::gc::wire::SECTION, module.gc_records.as_bytes());
    }
    for (section, bytes) in &module.custom_sections {
        custom_section(&mut out, section, bytes);
    }
    // As LLVM's objects have it (tool-conventions Linking.md): each feature on, marked used
    // (`+`). wasm-ld merges them into the module's section, where tools read them (wasm-bindgen
    // chooses its externref table by `+reference-types`).
    if !module.features.is_empty() {
        let mut features = Vec::new();
        write_uleb(&mut features, module.features.len() as u64);
        for feature in &module.features {
            features.push(b'+');
            name(&mut features, feature);
        }
        custom_section(&mut out, "target_features", &features);
    }
    out
}

fn func_target(t: RelocTarget) -> usize {
    match t {
        RelocTarget::Func(f) => f.0 as usize,
        _ => unreachable!("function relocation without a function target"),
    }
}

fn patch_uleb(buf: &mut [u8], at: usize, v: u32) {
    let mut tmp = Vec::with_capacity(5);
    write_padded_uleb(&mut tmp, v);
    buf[at..at + 5].copy_from_slice(&tmp);
}

fn patch_sleb(buf: &mut [u8], at: usize, v: i32) {
    let mut tmp = Vec::with_capacity(5);
    write_padded_sleb(&mut tmp, v);
    buf[at..at + 5].copy_from_slice(&tmp);
}
