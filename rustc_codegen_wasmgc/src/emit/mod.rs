//! From instruction lists to bytes: relocations (tool-conventions Linking.md), LEB128, the
//! encoder of function bodies, the object writer and the validator.

mod encode;
pub(crate) mod object;
pub(crate) mod validate;

pub(crate) use crate::ir::RelocTarget;
pub(crate) use encode::encode;

/// Relocation types from tool-conventions Linking.md.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum RelocKind {
    FunctionIndexLeb = 0,
    TableIndexSleb = 1,
    TableIndexI32 = 2,
    MemoryAddrSleb = 4,
    MemoryAddrI32 = 5,
    TypeIndexLeb = 6,
    GlobalIndexLeb = 7,
    /// In debug sections: a function's offset in the code section, plus the addend.
    FunctionOffsetI32 = 8,
    /// In debug sections: an offset in another custom section (by its section symbol).
    SectionOffsetI32 = 9,
    /// A tag index (`throw`, `catch`): the exception tag `__cpp_exception`.
    TagIndexLeb = 10,
    TableNumberLeb = 20,
}

impl RelocKind {
    pub(crate) fn has_addend(self) -> bool {
        matches!(
            self,
            RelocKind::MemoryAddrSleb
                | RelocKind::MemoryAddrI32
                | RelocKind::FunctionOffsetI32
                | RelocKind::SectionOffsetI32
        )
    }
}

#[derive(Copy, Clone, Debug)]
pub(crate) struct Reloc {
    pub(crate) offset: u32,
    pub(crate) kind: RelocKind,
    pub(crate) target: RelocTarget,
    pub(crate) addend: i32,
}

pub(crate) fn write_uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub(crate) fn write_sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A 5-byte padded LEB, the form every relocated immediate takes so the linker can patch it.
pub(crate) fn write_padded_uleb(out: &mut Vec<u8>, v: u32) {
    let mut v = v;
    for i in 0..5 {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if i < 4 { byte | 0x80 } else { byte });
    }
}

pub(crate) fn write_padded_sleb(out: &mut Vec<u8>, v: i32) {
    let mut v = v;
    for i in 0..5 {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if i < 4 { byte | 0x80 } else { byte & 0x7f });
    }
}
