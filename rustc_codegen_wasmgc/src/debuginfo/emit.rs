//! Finishing a codegen unit's DWARF on the worker thread: each encoded function's address range
//! and line rows, then the `.debug_*` sections with the relocations wasm-ld applies
//! (tool-conventions Debugging.md: addresses are offsets in the code section).

use gimli::write::{Address, AttributeValue, EndianVec, Range, RangeList, Sections, UnitEntryId, Writer};
use gimli::{LittleEndian, SectionId};

use super::unit::DebugUnit;
use crate::ir::Loc;
use crate::value::FnId;

/// What a relocated word of a debug section holds.
#[derive(Copy, Clone, Debug)]
pub(crate) enum DebugTarget {
    /// An offset in the code section: a function's start plus the addend
    /// (`R_WASM_FUNCTION_OFFSET_I32`).
    Func(FnId),
    /// An offset in another debug section (`R_WASM_SECTION_OFFSET_I32`).
    Section(SectionId),
}

#[derive(Copy, Clone, Debug)]
pub(crate) struct DebugReloc {
    pub(crate) offset: u32,
    pub(crate) target: DebugTarget,
    pub(crate) addend: i64,
}

/// One non-empty `.debug_*` custom section of the object.
pub(crate) struct DebugSection {
    pub(crate) id: SectionId,
    pub(crate) bytes: Vec<u8>,
    pub(crate) relocs: Vec<DebugReloc>,
}

impl DebugUnit {
    /// Gives `f` its address range (`len` bytes of body, locals declaration included), its line
    /// rows and its lexical blocks' ranges: `rows` are (offset in the body, location), as the
    /// encoder found them.
    pub(crate) fn finish_function(&mut self, f: FnId, len: u32, rows: &[(u32, Loc)]) {
        let Some(func) = self.funcs.get(&f) else { return };
        let start = Address::Symbol { symbol: f.0 as usize, addend: 0 };
        let program = &mut self.dwarf.unit.line_program;
        program.begin_sequence(Some(start));
        let mut last = None;
        let located = rows.iter().map(|&(at, loc)| (at, func.locs.get(&loc.span).copied().unwrap_or(func.start)));
        let located = located.chain(rows.is_empty().then_some((0, func.start)));
        // The first row starts at the function's start, so the locals declaration and the
        // prologue belong to the first statement, as in LLVM's line tables.
        for (k, (at, loc)) in located.enumerate() {
            let at = if k == 0 { 0 } else { at };
            if last == Some(loc) {
                continue;
            }
            // A statement starts where the line changes; a new column within the line (a call's
            // arguments, a condition) is no place for a debugger to stop, as in LLVM's tables.
            let is_stmt = last.is_none_or(|(file, line, _)| (file, line) != (loc.0, loc.1));
            last = Some(loc);
            let row = program.row();
            row.address_offset = u64::from(at);
            (row.file, row.line, row.column) = loc;
            row.is_statement = is_stmt;
            program.generate_row();
        }
        program.end_sequence(u64::from(len));
        let entry = self.dwarf.unit.get_mut(func.entry);
        entry.set(gimli::DW_AT_low_pc, AttributeValue::Address(start));
        entry.set(gimli::DW_AT_high_pc, AttributeValue::Udata(u64::from(len)));
        self.ranges.push(Range::StartLength { begin: start, length: u64::from(len) });
        self.place_blocks(f, len, rows);
    }

    /// Gives each lexical block of `f` the code of its scope and of the scopes within it, as
    /// `DW_AT_low_pc`/`DW_AT_high_pc` when that is one run of bytes, else as `DW_AT_ranges`
    /// (LLVM's form too). A block without code keeps no range: debuggers then count its
    /// variables as its parent's.
    fn place_blocks(&mut self, f: FnId, len: u32, rows: &[(u32, Loc)]) {
        let Some(func) = self.funcs.get(&f) else { return };
        if func.scopes.iter().all(|scope| scope.entry.is_none()) {
            return;
        }
        let mut runs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); func.scopes.len()];
        for (k, &(at, loc)) in rows.iter().enumerate() {
            // The first row covers the function from its start, as in the line table.
            let (begin, end) = (if k == 0 { 0 } else { at }, rows.get(k + 1).map_or(len, |next| next.0));
            let mut scope = Some(loc.scope);
            while let Some(index) = scope
                && let Some(block) = func.scopes.get(index as usize)
            {
                let run = &mut runs[index as usize];
                match run.last_mut() {
                    Some(last) if last.1 == begin => last.1 = end,
                    _ if begin < end => run.push((begin, end)),
                    _ => {}
                }
                scope = block.parent;
            }
        }
        let blocks: Vec<(UnitEntryId, Vec<(u32, u32)>)> =
            func.scopes.iter().zip(runs).filter_map(|(scope, run)| Some((scope.entry?, run))).collect();
        let at = |offset: u32| Address::Symbol { symbol: f.0 as usize, addend: i64::from(offset) };
        for (entry, run) in blocks {
            match run[..] {
                [] => {}
                [(begin, end)] => {
                    let entry = self.dwarf.unit.get_mut(entry);
                    entry.set(gimli::DW_AT_low_pc, AttributeValue::Address(at(begin)));
                    entry.set(gimli::DW_AT_high_pc, AttributeValue::Udata(u64::from(end - begin)));
                }
                _ => {
                    let list = run
                        .iter()
                        .map(|&(begin, end)| Range::StartLength { begin: at(begin), length: u64::from(end - begin) });
                    let list = self.dwarf.unit.ranges.add(RangeList(list.collect()));
                    self.dwarf.unit.get_mut(entry).set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(list));
                }
            }
        }
    }

    /// The unit's sections, in gimli's order, with their relocations.
    pub(crate) fn write(mut self) -> Result<Vec<DebugSection>, gimli::write::Error> {
        let ranges = self.dwarf.unit.ranges.add(RangeList(std::mem::take(&mut self.ranges)));
        let root = self.dwarf.unit.root();
        self.dwarf.unit.get_mut(root).set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(ranges));
        let mut sections = Sections::new(Relocating::default());
        self.dwarf.write(&mut sections)?;
        let mut out = Vec::new();
        sections.for_each_mut(|id, section| -> Result<(), gimli::write::Error> {
            if !section.data.slice().is_empty() {
                let data = std::mem::replace(&mut section.data, EndianVec::new(LittleEndian));
                out.push(DebugSection { id, bytes: data.into_vec(), relocs: std::mem::take(&mut section.relocs) });
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// A gimli writer that records each address and section offset it writes as a relocation.
#[derive(Clone)]
struct Relocating {
    data: EndianVec<LittleEndian>,
    relocs: Vec<DebugReloc>,
}

impl Default for Relocating {
    fn default() -> Self {
        Relocating { data: EndianVec::new(LittleEndian), relocs: Vec::new() }
    }
}

impl Relocating {
    /// Notes that the 4 bytes at `offset` hold `target` plus `addend`, for the linker to fill in.
    fn record(&mut self, offset: usize, target: DebugTarget, addend: i64, size: u8) -> gimli::write::Result<()> {
        // wasm32 DWARF is 32-bit throughout; the relocations are 4 bytes wide.
        if size != 4 {
            return Err(gimli::write::Error::UnsupportedPointerEncoding(gimli::DW_EH_PE_absptr));
        }
        self.relocs.push(DebugReloc { offset: offset as u32, target, addend });
        Ok(())
    }

    /// Appends a relocated word (zero until linked).
    fn append(&mut self, target: DebugTarget, addend: i64, size: u8) -> gimli::write::Result<()> {
        self.record(self.len(), target, addend, size)?;
        self.write_udata(0, size)
    }
}

impl Writer for Relocating {
    type Endian = LittleEndian;

    fn endian(&self) -> LittleEndian {
        LittleEndian
    }
    fn len(&self) -> usize {
        self.data.len()
    }
    fn write(&mut self, bytes: &[u8]) -> gimli::write::Result<()> {
        self.data.write(bytes)
    }
    fn write_at(&mut self, offset: usize, bytes: &[u8]) -> gimli::write::Result<()> {
        self.data.write_at(offset, bytes)
    }
    fn write_address(&mut self, address: Address, size: u8) -> gimli::write::Result<()> {
        match address {
            Address::Constant(value) => self.write_udata(value, size),
            Address::Symbol { symbol, addend } => self.append(DebugTarget::Func(FnId(symbol as u32)), addend, size),
        }
    }
    fn write_offset(&mut self, value: usize, section: SectionId, size: u8) -> gimli::write::Result<()> {
        self.append(DebugTarget::Section(section), value as i64, size)
    }
    fn write_offset_at(
        &mut self,
        offset: usize,
        value: usize,
        section: SectionId,
        size: u8,
    ) -> gimli::write::Result<()> {
        self.record(offset, DebugTarget::Section(section), value as i64, size)?;
        self.data.write_udata_at(offset, 0, size)
    }
}
