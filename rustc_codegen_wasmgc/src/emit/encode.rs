//! Encodes a finished function (locals and instruction list) into code-section bytes and the
//! relocations of its linked operands.

use super::{Reloc, RelocKind, RelocTarget, write_padded_sleb, write_padded_uleb, write_sleb, write_uleb};
use crate::ir::{Catch, FuncCode, Inst, Loc, op};
use crate::types::ValType;

/// A function body as the code section holds it (locals declaration, instructions), and the
/// relocations of its operands at their offsets in those bytes. With `rows`, also the byte offset
/// at which each location run of the code starts (the line table's rows, `debuginfo/`).
pub(crate) fn encode(func: &FuncCode, mut rows: Option<&mut Vec<(u32, Loc)>>) -> (Vec<u8>, Vec<Reloc>) {
    let mut bytes = Vec::with_capacity(func.code.insts.len() * 3 + 8);
    let mut relocs = Vec::new();
    // Locals, run-length encoded by type.
    let mut runs: Vec<(u32, ValType)> = Vec::new();
    for &vt in &func.locals {
        match runs.last_mut() {
            Some((n, t)) if *t == vt => *n += 1,
            _ => runs.push((1, vt)),
        }
    }
    write_uleb(&mut bytes, runs.len() as u64);
    for (n, vt) in runs {
        write_uleb(&mut bytes, u64::from(n));
        bytes.push(vt.byte());
    }
    let mut reloc = |bytes: &mut Vec<u8>, kind: RelocKind, target: RelocTarget, addend: i32| {
        relocs.push(Reloc { offset: bytes.len() as u32, kind, target, addend });
        if matches!(kind, RelocKind::MemoryAddrSleb | RelocKind::TableIndexSleb) {
            write_padded_sleb(bytes, 0);
        } else {
            write_padded_uleb(bytes, 0);
        }
    };
    let mut locs = func.code.locs.iter().peekable();
    // Code before the first located instruction (the stack frame's prologue) belongs to the
    // function itself: a dummy span, which the line table gives the function's own line.
    if let Some(rows) = rows.as_deref_mut()
        && locs.peek().is_none_or(|&&(at, _)| at > 0)
    {
        rows.push((bytes.len() as u32, Loc::PROLOGUE));
    }
    for (i, inst) in func.code.insts.iter().enumerate() {
        if let Some(rows) = rows.as_deref_mut() {
            while let Some(&&(at, loc)) = locs.peek()
                && at as usize <= i
            {
                rows.push((bytes.len() as u32, loc));
                locs.next();
            }
        }
        match inst {
            Inst::Plain(opcode) => bytes.push(*opcode),
            Inst::PlainFc(sub) => {
                bytes.push(op::PREFIX_FC);
                write_uleb(&mut bytes, u64::from(*sub));
            }
            Inst::Block(opcode) => bytes.extend([*opcode, op::EMPTY_BLOCK]),
            Inst::Br(depth) => {
                bytes.push(op::BR);
                write_uleb(&mut bytes, u64::from(*depth));
            }
            Inst::BrTable(targets, default) => {
                bytes.push(op::BR_TABLE);
                write_uleb(&mut bytes, targets.len() as u64);
                for &target in targets.iter() {
                    write_uleb(&mut bytes, u64::from(target));
                }
                write_uleb(&mut bytes, u64::from(*default));
            }
            Inst::LocalGet(l) | Inst::LocalSet(l) | Inst::LocalTee(l) => {
                bytes.push(match inst {
                    Inst::LocalGet(_) => op::LOCAL_GET,
                    Inst::LocalSet(_) => op::LOCAL_SET,
                    _ => op::LOCAL_TEE,
                });
                write_uleb(&mut bytes, u64::from(*l));
            }
            Inst::StackPointer { set } => {
                bytes.push(if *set { op::GLOBAL_SET } else { op::GLOBAL_GET });
                reloc(&mut bytes, RelocKind::GlobalIndexLeb, RelocTarget::StackPointer, 0);
            }
            Inst::I32Const(v) => {
                bytes.push(op::I32_CONST);
                write_sleb(&mut bytes, i64::from(*v));
            }
            Inst::I64Const(v) => {
                bytes.push(op::I64_CONST);
                write_sleb(&mut bytes, *v);
            }
            Inst::F32Const(bits) => {
                bytes.push(op::F32_CONST);
                bytes.extend_from_slice(&bits.to_le_bytes());
            }
            Inst::F64Const(bits) => {
                bytes.push(op::F64_CONST);
                bytes.extend_from_slice(&bits.to_le_bytes());
            }
            Inst::RefNullExtern => bytes.extend([op::REF_NULL, ValType::ExternRef.byte()]),
            Inst::RefNullExn => bytes.extend([op::REF_NULL, ValType::ExnRef.byte()]),
            Inst::BlockResult(vt) => bytes.extend([op::BLOCK, vt.byte()]),
            Inst::TryTable(catch) => {
                bytes.extend([op::TRY_TABLE, op::EMPTY_BLOCK, 1]);
                match *catch {
                    Catch::Tag(label) => {
                        bytes.push(0x00);
                        reloc(&mut bytes, RelocKind::TagIndexLeb, RelocTarget::ExceptionTag, 0);
                        write_uleb(&mut bytes, u64::from(label));
                    }
                    Catch::AllRef(label) => {
                        bytes.push(0x03);
                        write_uleb(&mut bytes, u64::from(label));
                    }
                }
            }
            Inst::Throw => {
                bytes.push(op::THROW);
                reloc(&mut bytes, RelocKind::TagIndexLeb, RelocTarget::ExceptionTag, 0);
            }
            Inst::Mem { opcode, align_log2, offset } => {
                bytes.push(*opcode);
                write_uleb(&mut bytes, u64::from(*align_log2));
                write_uleb(&mut bytes, u64::from(*offset));
            }
            Inst::MemorySize => bytes.extend([op::MEMORY_SIZE, 0]),
            Inst::MemoryGrow => bytes.extend([op::MEMORY_GROW, 0]),
            Inst::MemoryCopy => bytes.extend([op::PREFIX_FC, 10, 0, 0]),
            Inst::MemoryFill => bytes.extend([op::PREFIX_FC, 11, 0]),
            Inst::Call(f) => {
                bytes.push(op::CALL);
                reloc(&mut bytes, RelocKind::FunctionIndexLeb, RelocTarget::Func(*f), 0);
            }
            Inst::CallIndirect(sig) => {
                bytes.push(op::CALL_INDIRECT);
                reloc(&mut bytes, RelocKind::TypeIndexLeb, RelocTarget::Type(*sig), 0);
                reloc(&mut bytes, RelocKind::TableNumberLeb, RelocTarget::IndirectTable, 0);
            }
            Inst::DataAddr { data, addend } => {
                bytes.push(op::I32_CONST);
                reloc(&mut bytes, RelocKind::MemoryAddrSleb, RelocTarget::Data(*data), *addend);
            }
            Inst::FuncAddr(f) => {
                bytes.push(op::I32_CONST);
                reloc(&mut bytes, RelocKind::TableIndexSleb, RelocTarget::Func(*f), 0);
            }
        }
    }
    (bytes, relocs)
}
