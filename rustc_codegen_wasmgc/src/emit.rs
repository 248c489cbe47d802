//! Wasm instruction encoding into per-block byte buffers, with relocations for linked indices.

use crate::types::{FnSig, ValType};
use crate::value::{DataId, FnId, Value};

/// Relocation types from tool-conventions Linking.md.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum RelocKind {
    FunctionIndexLeb = 0,
    TableIndexSleb = 1,
    TableIndexI32 = 2,
    MemoryAddrLeb = 3,
    MemoryAddrSleb = 4,
    MemoryAddrI32 = 5,
    TypeIndexLeb = 6,
    GlobalIndexLeb = 7,
    TableNumberLeb = 20,
}

impl RelocKind {
    pub(crate) fn has_addend(self) -> bool {
        matches!(self, RelocKind::MemoryAddrLeb | RelocKind::MemoryAddrSleb | RelocKind::MemoryAddrI32)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RelocTarget {
    Func(FnId),
    Data(DataId),
    Type(FnSig),
    StackPointer,
    IndirectTable,
}

#[derive(Copy, Clone, Debug)]
pub(crate) struct Reloc {
    pub(crate) offset: u32,
    pub(crate) kind: RelocKind,
    pub(crate) target: RelocTarget,
    pub(crate) addend: i32,
}

/// The opcode table of the instructions the backend may emit; kept complete on purpose.
#[allow(dead_code)]
pub(crate) mod op {
    pub(crate) const UNREACHABLE: u8 = 0x00;
    pub(crate) const BLOCK: u8 = 0x02;
    pub(crate) const LOOP: u8 = 0x03;
    pub(crate) const IF: u8 = 0x04;
    pub(crate) const ELSE: u8 = 0x05;
    pub(crate) const END: u8 = 0x0b;
    pub(crate) const BR: u8 = 0x0c;
    pub(crate) const BR_IF: u8 = 0x0d;
    pub(crate) const BR_TABLE: u8 = 0x0e;
    pub(crate) const RETURN: u8 = 0x0f;
    pub(crate) const CALL: u8 = 0x10;
    pub(crate) const CALL_INDIRECT: u8 = 0x11;
    pub(crate) const DROP: u8 = 0x1a;
    pub(crate) const REF_NULL: u8 = 0xd0;
    pub(crate) const SELECT: u8 = 0x1b;
    pub(crate) const LOCAL_GET: u8 = 0x20;
    pub(crate) const LOCAL_SET: u8 = 0x21;
    pub(crate) const LOCAL_TEE: u8 = 0x22;
    pub(crate) const GLOBAL_GET: u8 = 0x23;
    pub(crate) const GLOBAL_SET: u8 = 0x24;
    pub(crate) const I32_LOAD: u8 = 0x28;
    pub(crate) const I64_LOAD: u8 = 0x29;
    pub(crate) const F32_LOAD: u8 = 0x2a;
    pub(crate) const F64_LOAD: u8 = 0x2b;
    pub(crate) const I32_LOAD8_U: u8 = 0x2d;
    pub(crate) const I32_LOAD16_U: u8 = 0x2f;
    pub(crate) const I64_LOAD8_U: u8 = 0x31;
    pub(crate) const I64_LOAD16_U: u8 = 0x33;
    pub(crate) const I64_LOAD32_U: u8 = 0x35;
    pub(crate) const I32_STORE: u8 = 0x36;
    pub(crate) const I64_STORE: u8 = 0x37;
    pub(crate) const F32_STORE: u8 = 0x38;
    pub(crate) const F64_STORE: u8 = 0x39;
    pub(crate) const I32_STORE8: u8 = 0x3a;
    pub(crate) const I32_STORE16: u8 = 0x3b;
    pub(crate) const I64_STORE8: u8 = 0x3c;
    pub(crate) const I64_STORE16: u8 = 0x3d;
    pub(crate) const I64_STORE32: u8 = 0x3e;
    pub(crate) const I32_CONST: u8 = 0x41;
    pub(crate) const I64_CONST: u8 = 0x42;
    pub(crate) const F32_CONST: u8 = 0x43;
    pub(crate) const F64_CONST: u8 = 0x44;
    pub(crate) const I32_EQZ: u8 = 0x45;
    pub(crate) const I32_EQ: u8 = 0x46;
    pub(crate) const I32_NE: u8 = 0x47;
    pub(crate) const I32_LT_S: u8 = 0x48;
    pub(crate) const I32_LT_U: u8 = 0x49;
    pub(crate) const I32_GT_S: u8 = 0x4a;
    pub(crate) const I32_GT_U: u8 = 0x4b;
    pub(crate) const I32_LE_S: u8 = 0x4c;
    pub(crate) const I32_LE_U: u8 = 0x4d;
    pub(crate) const I32_GE_S: u8 = 0x4e;
    pub(crate) const I32_GE_U: u8 = 0x4f;
    pub(crate) const I64_EQZ: u8 = 0x50;
    pub(crate) const I64_EQ: u8 = 0x51;
    pub(crate) const I64_NE: u8 = 0x52;
    pub(crate) const I64_LT_S: u8 = 0x53;
    pub(crate) const I64_LT_U: u8 = 0x54;
    pub(crate) const I64_GT_S: u8 = 0x55;
    pub(crate) const I64_GT_U: u8 = 0x56;
    pub(crate) const I64_LE_S: u8 = 0x57;
    pub(crate) const I64_LE_U: u8 = 0x58;
    pub(crate) const I64_GE_S: u8 = 0x59;
    pub(crate) const I64_GE_U: u8 = 0x5a;
    pub(crate) const F32_EQ: u8 = 0x5b;
    pub(crate) const F64_EQ: u8 = 0x61;
    pub(crate) const I32_CLZ: u8 = 0x67;
    pub(crate) const I32_CTZ: u8 = 0x68;
    pub(crate) const I32_POPCNT: u8 = 0x69;
    pub(crate) const I32_ADD: u8 = 0x6a;
    pub(crate) const I32_SUB: u8 = 0x6b;
    pub(crate) const I32_MUL: u8 = 0x6c;
    pub(crate) const I32_DIV_S: u8 = 0x6d;
    pub(crate) const I32_DIV_U: u8 = 0x6e;
    pub(crate) const I32_REM_S: u8 = 0x6f;
    pub(crate) const I32_REM_U: u8 = 0x70;
    pub(crate) const I32_AND: u8 = 0x71;
    pub(crate) const I32_OR: u8 = 0x72;
    pub(crate) const I32_XOR: u8 = 0x73;
    pub(crate) const I32_SHL: u8 = 0x74;
    pub(crate) const I32_SHR_S: u8 = 0x75;
    pub(crate) const I32_SHR_U: u8 = 0x76;
    pub(crate) const I32_ROTL: u8 = 0x77;
    pub(crate) const I32_ROTR: u8 = 0x78;
    pub(crate) const I64_CLZ: u8 = 0x79;
    pub(crate) const I64_CTZ: u8 = 0x7a;
    pub(crate) const I64_POPCNT: u8 = 0x7b;
    pub(crate) const I64_ADD: u8 = 0x7c;
    pub(crate) const I64_SUB: u8 = 0x7d;
    pub(crate) const I64_MUL: u8 = 0x7e;
    pub(crate) const I64_DIV_S: u8 = 0x7f;
    pub(crate) const I64_DIV_U: u8 = 0x80;
    pub(crate) const I64_REM_S: u8 = 0x81;
    pub(crate) const I64_REM_U: u8 = 0x82;
    pub(crate) const I64_AND: u8 = 0x83;
    pub(crate) const I64_OR: u8 = 0x84;
    pub(crate) const I64_XOR: u8 = 0x85;
    pub(crate) const I64_SHL: u8 = 0x86;
    pub(crate) const I64_SHR_S: u8 = 0x87;
    pub(crate) const I64_SHR_U: u8 = 0x88;
    pub(crate) const I64_ROTL: u8 = 0x89;
    pub(crate) const I64_ROTR: u8 = 0x8a;
    pub(crate) const F32_ABS: u8 = 0x8b;
    pub(crate) const F32_NEG: u8 = 0x8c;
    pub(crate) const F32_CEIL: u8 = 0x8d;
    pub(crate) const F32_FLOOR: u8 = 0x8e;
    pub(crate) const F32_TRUNC: u8 = 0x8f;
    pub(crate) const F32_NEAREST: u8 = 0x90;
    pub(crate) const F32_SQRT: u8 = 0x91;
    pub(crate) const F32_ADD: u8 = 0x92;
    pub(crate) const F32_SUB: u8 = 0x93;
    pub(crate) const F32_MUL: u8 = 0x94;
    pub(crate) const F32_DIV: u8 = 0x95;
    pub(crate) const F32_MIN: u8 = 0x96;
    pub(crate) const F32_MAX: u8 = 0x97;
    pub(crate) const F32_COPYSIGN: u8 = 0x98;
    pub(crate) const F64_ABS: u8 = 0x99;
    pub(crate) const F64_NEG: u8 = 0x9a;
    pub(crate) const F64_CEIL: u8 = 0x9b;
    pub(crate) const F64_FLOOR: u8 = 0x9c;
    pub(crate) const F64_TRUNC: u8 = 0x9d;
    pub(crate) const F64_NEAREST: u8 = 0x9e;
    pub(crate) const F64_SQRT: u8 = 0x9f;
    pub(crate) const F64_ADD: u8 = 0xa0;
    pub(crate) const F64_SUB: u8 = 0xa1;
    pub(crate) const F64_MUL: u8 = 0xa2;
    pub(crate) const F64_DIV: u8 = 0xa3;
    pub(crate) const F64_MIN: u8 = 0xa4;
    pub(crate) const F64_MAX: u8 = 0xa5;
    pub(crate) const F64_COPYSIGN: u8 = 0xa6;
    pub(crate) const I32_WRAP_I64: u8 = 0xa7;
    pub(crate) const I64_EXTEND_I32_S: u8 = 0xac;
    pub(crate) const I64_EXTEND_I32_U: u8 = 0xad;
    pub(crate) const F32_CONVERT_I32_S: u8 = 0xb2;
    pub(crate) const F32_CONVERT_I32_U: u8 = 0xb3;
    pub(crate) const F32_CONVERT_I64_S: u8 = 0xb4;
    pub(crate) const F32_CONVERT_I64_U: u8 = 0xb5;
    pub(crate) const F32_DEMOTE_F64: u8 = 0xb6;
    pub(crate) const F64_CONVERT_I32_S: u8 = 0xb7;
    pub(crate) const F64_CONVERT_I32_U: u8 = 0xb8;
    pub(crate) const F64_CONVERT_I64_S: u8 = 0xb9;
    pub(crate) const F64_CONVERT_I64_U: u8 = 0xba;
    pub(crate) const F64_PROMOTE_F32: u8 = 0xbb;
    pub(crate) const I32_REINTERPRET_F32: u8 = 0xbc;
    pub(crate) const I64_REINTERPRET_F64: u8 = 0xbd;
    pub(crate) const F32_REINTERPRET_I32: u8 = 0xbe;
    pub(crate) const F64_REINTERPRET_I64: u8 = 0xbf;
    pub(crate) const I32_EXTEND8_S: u8 = 0xc0;
    pub(crate) const I32_EXTEND16_S: u8 = 0xc1;
    pub(crate) const I64_EXTEND8_S: u8 = 0xc2;
    pub(crate) const I64_EXTEND16_S: u8 = 0xc3;
    pub(crate) const I64_EXTEND32_S: u8 = 0xc4;
    /// Prefix of the saturating truncations and bulk-memory instructions.
    pub(crate) const PREFIX_FC: u8 = 0xfc;
    pub(crate) const EMPTY_BLOCK: u8 = 0x40;
    pub(crate) const MEMORY_SIZE: u8 = 0x3f;
    pub(crate) const MEMORY_GROW: u8 = 0x40;
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

/// Instructions of one basic block (or one whole helper function), with their relocations.
#[derive(Default, Debug)]
pub(crate) struct Code {
    pub(crate) bytes: Vec<u8>,
    pub(crate) relocs: Vec<Reloc>,
}

impl Code {
    pub(crate) fn op(&mut self, op: u8) {
        self.bytes.push(op);
    }
    pub(crate) fn op_fc(&mut self, sub: u32) {
        self.bytes.push(op::PREFIX_FC);
        write_uleb(&mut self.bytes, u64::from(sub));
    }
    pub(crate) fn uleb(&mut self, v: u64) {
        write_uleb(&mut self.bytes, v);
    }
    pub(crate) fn i32_const(&mut self, v: i32) {
        self.bytes.push(op::I32_CONST);
        write_sleb(&mut self.bytes, i64::from(v));
    }
    pub(crate) fn i64_const(&mut self, v: i64) {
        self.bytes.push(op::I64_CONST);
        write_sleb(&mut self.bytes, v);
    }
    pub(crate) fn f32_const(&mut self, bits: u32) {
        self.bytes.push(op::F32_CONST);
        self.bytes.extend_from_slice(&bits.to_le_bytes());
    }
    pub(crate) fn f64_const(&mut self, bits: u64) {
        self.bytes.push(op::F64_CONST);
        self.bytes.extend_from_slice(&bits.to_le_bytes());
    }
    pub(crate) fn zero(&mut self, vt: ValType) {
        match vt {
            ValType::I32 => self.i32_const(0),
            ValType::I64 => self.i64_const(0),
            ValType::F32 => self.f32_const(0),
            ValType::F64 => self.f64_const(0),
            ValType::ExternRef => {
                self.bytes.push(op::REF_NULL);
                self.bytes.push(ValType::ExternRef.byte());
            }
        }
    }
    pub(crate) fn local_get(&mut self, l: u32) {
        self.bytes.push(op::LOCAL_GET);
        self.uleb(u64::from(l));
    }
    pub(crate) fn local_set(&mut self, l: u32) {
        self.bytes.push(op::LOCAL_SET);
        self.uleb(u64::from(l));
    }
    pub(crate) fn local_tee(&mut self, l: u32) {
        self.bytes.push(op::LOCAL_TEE);
        self.uleb(u64::from(l));
    }
    /// A memory access with `align` as log2 and a constant offset.
    pub(crate) fn mem(&mut self, opcode: u8, align_log2: u32, offset: u32) {
        self.bytes.push(opcode);
        self.uleb(u64::from(align_log2));
        self.uleb(u64::from(offset));
    }
    pub(crate) fn reloc_uleb(&mut self, kind: RelocKind, target: RelocTarget, addend: i32) {
        self.relocs.push(Reloc { offset: self.bytes.len() as u32, kind, target, addend });
        write_padded_uleb(&mut self.bytes, 0);
    }
    pub(crate) fn reloc_sleb(&mut self, kind: RelocKind, target: RelocTarget, addend: i32) {
        self.relocs.push(Reloc { offset: self.bytes.len() as u32, kind, target, addend });
        write_padded_sleb(&mut self.bytes, 0);
    }
    pub(crate) fn call(&mut self, f: FnId) {
        self.bytes.push(op::CALL);
        self.reloc_uleb(RelocKind::FunctionIndexLeb, RelocTarget::Func(f), 0);
    }
    pub(crate) fn stack_pointer(&mut self, set: bool) {
        self.bytes.push(if set { op::GLOBAL_SET } else { op::GLOBAL_GET });
        self.reloc_uleb(RelocKind::GlobalIndexLeb, RelocTarget::StackPointer, 0);
    }
    pub(crate) fn block(&mut self, opcode: u8) {
        self.bytes.push(opcode);
        self.bytes.push(op::EMPTY_BLOCK);
    }
    pub(crate) fn br(&mut self, depth: u32) {
        self.bytes.push(op::BR);
        self.uleb(u64::from(depth));
    }
    /// Append another buffer, shifting its relocation offsets.
    pub(crate) fn append(&mut self, other: &Code) {
        let base = self.bytes.len() as u32;
        self.bytes.extend_from_slice(&other.bytes);
        self.relocs.extend(other.relocs.iter().map(|r| Reloc { offset: r.offset + base, ..*r }));
    }
}

/// How control leaves a basic block.
#[derive(Clone, Debug)]
pub(crate) enum Terminator {
    Br(u32),
    CondBr(Value, u32, u32),
    Switch {
        value: Value,
        default: u32,
        cases: Vec<(u128, u32)>,
    },
    /// The return value (if any) is already on the operand stack.
    Return,
    Unreachable,
}

#[derive(Default, Debug)]
pub(crate) struct Block {
    pub(crate) code: Code,
    pub(crate) term: Option<Terminator>,
}

/// A function body under construction.
#[derive(Debug)]
pub(crate) struct Body {
    pub(crate) n_params: u32,
    /// Types of all locals after the params.
    pub(crate) locals: Vec<ValType>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) frame_size: u32,
    pub(crate) frame_align: u32,
    /// Local holding the frame base; allocated with the first alloca.
    pub(crate) frame_local: Option<u32>,
}

impl Body {
    pub(crate) fn new(n_params: u32) -> Self {
        Body { n_params, locals: Vec::new(), blocks: Vec::new(), frame_size: 0, frame_align: 16, frame_local: None }
    }
    pub(crate) fn new_local(&mut self, vt: ValType) -> u32 {
        self.locals.push(vt);
        self.n_params + self.locals.len() as u32 - 1
    }
}
