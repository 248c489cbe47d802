//! The DWARF compile unit of one codegen unit, built on the thread that holds the type context:
//! the unit, its files, a subprogram per function and every source location resolved to
//! file, line and column. Addresses come later, on the worker thread (`debuginfo/emit.rs`).

use std::ffi::OsStr;
use std::path::{Component, Path};

use gimli::write::{
    Address, AttributeValue, DwarfUnit, Expression, FileId, LineProgram, LineString, Range, UnitEntryId,
};
use gimli::{Encoding, Format, LineEncoding};
use rustc_codegen_ssa::debuginfo::type_names;
use rustc_data_structures::fx::FxHashMap;
use rustc_hir::def_id::DefId;
use rustc_middle::ty::{self, Instance, TyCtxt, Unnormalized};
use rustc_session::config::DebugInfo;
use rustc_span::{
    FileName, Pos, RemapPathScopeComponents, SourceFile, SourceFileAndLine, Span, StableSourceFileId, hygiene,
};

use super::Scope;
use crate::ir::{Body, Loc};
use crate::value::FnId;

/// A resolved source location: file, line and column (1-based; 0 when unknown).
pub(crate) type SourceLoc = (FileId, u64, u64);

/// One function's debug info before it has an address.
pub(crate) struct FuncDebug {
    /// Its subprogram.
    pub(crate) entry: UnitEntryId,
    /// The function's own location, for code generated before its first statement.
    pub(crate) start: SourceLoc,
    /// The span of its MIR body, up to which macro expansions collapse (as under LLVM).
    body_span: Span,
    /// Each span of its code, resolved.
    pub(crate) locs: FxHashMap<Span, SourceLoc>,
    /// Its MIR source scopes at `-Cdebuginfo=2` (none below), by index.
    pub(crate) scopes: Vec<BlockScope>,
}

/// A MIR source scope of a function, written as a lexical block once a variable belongs to it.
pub(crate) struct BlockScope {
    /// The scope it nests in; None for the function's own and for scopes inlined from others
    /// (their code and variables count as their call site's).
    pub(crate) parent: Option<u32>,
    /// Its DW_TAG_lexical_block, once it has one.
    pub(crate) entry: Option<UnitEntryId>,
}

/// The compile unit of a codegen unit; `Send`, so the worker thread finishes and writes it.
pub(crate) struct DebugUnit {
    pub(crate) dwarf: DwarfUnit,
    pub(crate) funcs: FxHashMap<FnId, FuncDebug>,
    /// The address ranges of the unit's functions, filled in on the worker thread.
    pub(crate) ranges: Vec<Range>,
    files: FxHashMap<StableSourceFileId, FileId>,
    namespaces: FxHashMap<DefId, UnitEntryId>,
    /// Namespaces, from `-Cdebuginfo=1` up, as LLVM writes them. Linkage names are there at
    /// every level (LLVM's line-tables-only DWARF has none): backtraces in wasmtime show a
    /// function by its DWARF name, and the demangled linkage name is the whole path.
    qualified: bool,
}

impl DebugUnit {
    /// The unit of `cgu_name`, or None when no debug info is asked for.
    pub(crate) fn new(tcx: TyCtxt<'_>, cgu_name: &str) -> Option<DebugUnit> {
        let sess = tcx.sess;
        // `line-directives-only` gets the line tables too: a superset, never less than asked.
        if sess.opts.debuginfo == DebugInfo::None {
            return None;
        }
        let encoding = Encoding { format: Format::Dwarf32, version: sess.dwarf_version() as u16, address_size: 4 };
        let mut dwarf = DwarfUnit::new(encoding);
        let comp_dir = sess.source_map().working_dir().path(RemapPathScopeComponents::DEBUGINFO).to_string_lossy();
        let name = match sess.local_crate_source_file() {
            Some(path) => path.path(RemapPathScopeComponents::DEBUGINFO).to_string_lossy().into_owned(),
            None => tcx.crate_name(rustc_hir::def_id::LOCAL_CRATE).to_string(),
        };
        dwarf.unit.line_program = LineProgram::new(
            encoding,
            LineEncoding::default(),
            LineString::new(comp_dir.as_bytes(), encoding, &mut dwarf.line_strings),
            None,
            LineString::new(name.as_bytes(), encoding, &mut dwarf.line_strings),
            None,
        );
        let producer = format!("rustc version {} with rustc_codegen_wasmgc", sess.cfg_version);
        let strings = [
            (gimli::DW_AT_producer, producer),
            // As rustc names its units: the crate root and the codegen unit.
            (gimli::DW_AT_name, format!("{name}/@/{cgu_name}")),
            (gimli::DW_AT_comp_dir, comp_dir.into_owned()),
        ];
        let root = dwarf.unit.root();
        for (attr, value) in strings {
            let id = dwarf.strings.add(value);
            dwarf.unit.get_mut(root).set(attr, AttributeValue::StringRef(id));
        }
        let root = dwarf.unit.get_mut(root);
        root.set(gimli::DW_AT_language, AttributeValue::Language(gimli::DW_LANG_Rust));
        root.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Constant(0)));
        // The unit's base address again, for gdb under wasmtime: wasmtime's translation (up to 50
        // at least) gives a unit DW_AT_ranges and no DW_AT_low_pc, and gdb then refuses every range
        // list of the unit ("Invalid .debug_ranges data (no base address)"), losing the lexical
        // blocks and their variables. gdb also takes the base from DW_AT_entry_pc (allowed on a
        // unit by DWARF 4, 2.18), which wasmtime copies, translating 0 to 0.
        root.set(gimli::DW_AT_entry_pc, AttributeValue::Address(Address::Constant(0)));
        Some(DebugUnit {
            dwarf,
            funcs: FxHashMap::default(),
            ranges: Vec::new(),
            files: FxHashMap::default(),
            namespaces: FxHashMap::default(),
            qualified: matches!(sess.opts.debuginfo, DebugInfo::Limited | DebugInfo::Full),
        })
    }

    /// A subprogram for `instance`, defined as `f` (once; the typed-locals pass generates some
    /// functions twice), with the parent of each of its MIR scopes (`-Cdebuginfo=2`).
    pub(crate) fn define_function<'tcx>(
        &mut self,
        tcx: TyCtxt<'tcx>,
        instance: Instance<'tcx>,
        f: FnId,
        linkage_name: &str,
        body_span: Span,
        parents: Vec<Option<u32>>,
    ) {
        let scopes = parents.into_iter().map(|parent| BlockScope { parent, entry: None }).collect();
        if let Some(func) = self.funcs.get_mut(&f) {
            // Generated again (typed locals): the variables and blocks of the first generation go.
            func.scopes = scopes;
            let entry = self.dwarf.unit.get_mut(func.entry);
            let children: Vec<UnitEntryId> = entry.children().copied().collect();
            for child in children {
                entry.delete_child(child);
            }
            entry.delete(gimli::DW_AT_frame_base);
            return;
        }
        let def_id = instance.def_id();
        let start = self.resolve(tcx, body_span, body_span);
        let scope = if self.qualified { self.namespace(tcx, tcx.parent(def_id)) } else { self.dwarf.unit.root() };
        let mut name = String::new();
        type_names::push_item_name(tcx, def_id, false, &mut name);
        // A closure's arguments include its parent's; the name shows those of the enclosing
        // function's generics only, as rustc's LLVM backend does.
        let generics = tcx.generics_of(tcx.typeck_root_def_id(def_id));
        let args = instance.args.truncate_to(tcx, generics);
        let args = tcx.normalize_erasing_regions(ty::TypingEnv::fully_monomorphized(), Unnormalized::new_wip(args));
        type_names::push_generic_args(tcx, args, &mut name);

        let entry = self.dwarf.unit.add(scope, gimli::DW_TAG_subprogram);
        let name_id = self.dwarf.strings.add(name);
        let linkage_id = self.dwarf.strings.add(linkage_name);
        let e = self.dwarf.unit.get_mut(entry);
        // Set again with the real values on the worker thread; set here to fix the order.
        e.set(gimli::DW_AT_low_pc, AttributeValue::Udata(0));
        e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(0));
        e.set(gimli::DW_AT_linkage_name, AttributeValue::StringRef(linkage_id));
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(name_id));
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(start.0)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(start.1));
        if tcx.is_reachable_non_generic(def_id) {
            e.set(gimli::DW_AT_external, AttributeValue::FlagPresent);
        }
        self.funcs.insert(f, FuncDebug { entry, start, body_span, locs: FxHashMap::default(), scopes });
    }

    /// A parameter or variable named `name` in `scope`, of the type `ty`, declared at `span`.
    pub(crate) fn add_variable(
        &mut self,
        tcx: TyCtxt<'_>,
        scope: Scope,
        name: &str,
        ty: UnitEntryId,
        parameter: bool,
        span: Span,
    ) -> Option<UnitEntryId> {
        let body_span = self.funcs.get(&scope.func)?.body_span;
        // Parameters belong to the subprogram itself, as debuggers look for them there.
        let parent = if parameter { self.block(scope.func, 0)? } else { self.block(scope.func, scope.index)? };
        let (file, line, _) = self.resolve(tcx, body_span, span);
        let tag = if parameter { gimli::DW_TAG_formal_parameter } else { gimli::DW_TAG_variable };
        let id = self.dwarf.unit.add(parent, tag);
        let name = self.dwarf.strings.add(name);
        let e = self.dwarf.unit.get_mut(id);
        e.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        e.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
        e.set(gimli::DW_AT_decl_line, AttributeValue::Udata(line));
        e.set(gimli::DW_AT_type, AttributeValue::UnitRef(ty));
        Some(id)
    }

    /// The entry that variables of `f`'s scope `index` belong to: the subprogram for the
    /// function's own scope, else the scope's lexical block, made with those it nests in.
    fn block(&mut self, f: FnId, index: u32) -> Option<UnitEntryId> {
        let func = self.funcs.get(&f)?;
        let Some(scope) = func.scopes.get(index as usize).filter(|_| index != 0) else {
            return Some(func.entry);
        };
        if let Some(entry) = scope.entry {
            return Some(entry);
        }
        let parent = self.block(f, scope.parent.unwrap_or(0))?;
        let entry = self.dwarf.unit.add(parent, gimli::DW_TAG_lexical_block);
        self.funcs.get_mut(&f)?.scopes[index as usize].entry = Some(entry);
        Some(entry)
    }

    /// `var` lives in `f`'s stack frame: `offset` bytes past the frame base held in local `fp`,
    /// then through the pointers at `indirect` offsets. The frame base is the subprogram's
    /// `DW_AT_frame_base`, as LLVM writes it for wasm.
    pub(crate) fn set_frame_location(&mut self, f: FnId, var: UnitEntryId, fp: u32, offset: u64, indirect: &[u64]) {
        let Some(func) = self.funcs.get(&f) else { return };
        let mut base = Expression::new();
        base.op_wasm_local(fp);
        base.op(gimli::DW_OP_stack_value);
        self.dwarf.unit.get_mut(func.entry).set(gimli::DW_AT_frame_base, AttributeValue::Exprloc(base));
        let mut location = Expression::new();
        location.op_fbreg(offset as i64);
        for &offset in indirect {
            location.op_deref();
            location.op_plus_uconst(offset);
        }
        self.dwarf.unit.get_mut(var).set(gimli::DW_AT_location, AttributeValue::Exprloc(location));
    }

    /// Resolves the spans of `f`'s finished body, while the source map is at hand.
    pub(crate) fn resolve_body(&mut self, tcx: TyCtxt<'_>, f: FnId, body: &Body) {
        let Some(mut func) = self.funcs.remove(&f) else { return };
        for block in &body.blocks {
            for &(_, Loc { span, .. }) in &block.code.locs {
                if !span.is_dummy() && !func.locs.contains_key(&span) {
                    let loc = self.resolve(tcx, func.body_span, span);
                    func.locs.insert(span, loc);
                }
            }
        }
        self.funcs.insert(f, func);
    }

    /// The location a debugger shows for `span`: macro expansions collapse to their call site
    /// within the function (`#[collapse_debuginfo]` decides), as rustc_codegen_ssa does for LLVM.
    fn resolve(&mut self, tcx: TyCtxt<'_>, body_span: Span, span: Span) -> SourceLoc {
        let span = hygiene::walk_chain_collapsed(span, body_span);
        match tcx.sess.source_map().lookup_line(span.lo()) {
            Ok(SourceFileAndLine { sf, line }) => {
                let file = self.file(&sf);
                let col = sf.relative_position(span.lo()) - sf.lines()[line];
                (file, line as u64 + 1, u64::from(col.to_u32()) + 1)
            }
            Err(sf) => (self.file(&sf), 0, 0),
        }
    }

    fn file(&mut self, sf: &SourceFile) -> FileId {
        let key = sf.stable_id;
        if let Some(&id) = self.files.get(&key) {
            return id;
        }
        let program = &mut self.dwarf.unit.line_program;
        let encoding = program.encoding();
        let strings = &mut self.dwarf.line_strings;
        let id = match &sf.name {
            FileName::Real(path) => {
                // A relative name is relative to the directory its crate was compiled in (cargo
                // builds std from `library/`), not to this unit's: join them, as LLVM's DIFile
                // does, so a debugger finds `core/src/...` of a std built by our backend.
                let (working_dir, name) = path.embeddable_name(RemapPathScopeComponents::DEBUGINFO);
                let full = working_dir.join(name);
                let (dir, name) = split_dir_and_file(&full);
                let dir = dir.to_string_lossy();
                let dir_id = if dir.is_empty() {
                    program.default_directory()
                } else {
                    program.add_directory(LineString::new(dir.as_bytes(), encoding, strings))
                };
                program.add_file(LineString::new(name.as_encoded_bytes(), encoding, strings), dir_id, None)
            }
            other => {
                let name = other.prefer_remapped_unconditionally().to_string();
                let dir = program.default_directory();
                program.add_file(LineString::new(name.into_bytes(), encoding, strings), dir, None)
            }
        };
        self.files.insert(key, id);
        id
    }

    /// The DW_TAG_namespace of a module, impl or function that items nest in.
    fn namespace(&mut self, tcx: TyCtxt<'_>, def_id: DefId) -> UnitEntryId {
        if let Some(&id) = self.namespaces.get(&def_id) {
            return id;
        }
        let parent = match tcx.def_key(def_id).parent {
            Some(index) => self.namespace(tcx, DefId { krate: def_id.krate, index }),
            None => self.dwarf.unit.root(),
        };
        let mut name = String::new();
        type_names::push_item_name(tcx, def_id, false, &mut name);
        let name = self.dwarf.strings.add(name);
        let id = self.dwarf.unit.add(parent, gimli::DW_TAG_namespace);
        self.dwarf.unit.get_mut(id).set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        self.namespaces.insert(def_id, id);
        id
    }
}

fn split_dir_and_file(path: &Path) -> (&Path, &OsStr) {
    let mut components = path.components();
    match components.next_back() {
        Some(Component::Normal(name)) => (components.as_path(), name),
        _ => (Path::new(""), path.as_os_str()),
    }
}
