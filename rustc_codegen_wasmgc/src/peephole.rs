//! Keeps values on the operand stack: a `local.set x` directly followed by `local.get x` is
//! dropped when that is the only write and read of `x`, and becomes `local.tee x` otherwise.
//!
//! The builder gives every SSA value a local, so most values are written and read right away;
//! this pass removes that traffic from the finished function body (relocations shifted).

use wasmparser::{BinaryReader, FunctionBody, Operator};

use crate::emit::{Code, op, write_uleb};

/// One adjacent `local.set x; local.get x` pair: byte ranges and the local.
struct Pair {
    set_start: usize,
    get_end: usize,
    local: u32,
}

/// Rewrites a whole function body (locals declaration included). A body the reader does not
/// understand is returned unchanged: the object's validation reports real problems.
pub(crate) fn stack_values(code: Code) -> Code {
    match find_pairs(&code.bytes) {
        Some((pairs, reads, writes)) if !pairs.is_empty() => rewrite(code, &pairs, &reads, &writes),
        _ => code,
    }
}

type Counts = Vec<u32>;

fn find_pairs(bytes: &[u8]) -> Option<(Vec<Pair>, Counts, Counts)> {
    let body = FunctionBody::new(BinaryReader::new(bytes, 0));
    let mut locals = body.get_locals_reader().ok()?;
    let mut n_locals = 0u32;
    for _ in 0..locals.get_count() {
        n_locals += locals.read().ok()?.0;
    }
    let mut reader = body.get_operators_reader().ok()?;
    // Indices up to the declared locals; parameters come first, so grow on demand.
    let mut reads: Counts = vec![0; n_locals as usize];
    let mut writes: Counts = vec![0; n_locals as usize];
    let bump = |counts: &mut Counts, local: u32| {
        let i = local as usize;
        if i >= counts.len() {
            counts.resize(i + 1, 0);
        }
        counts[i] += 1;
    };
    let mut pairs = Vec::new();
    // The previous instruction when it was a `local.set`: (its start, its local).
    let mut last_set: Option<(usize, u32)> = None;
    while !reader.eof() {
        let (operator, start) = reader.read_with_offset().ok()?;
        let mut set_here = None;
        match operator {
            Operator::LocalGet { local_index } => {
                bump(&mut reads, local_index);
                if let Some((set_start, local)) = last_set
                    && local == local_index
                {
                    pairs.push(Pair { set_start, get_end: reader.original_position() as usize, local });
                }
            }
            Operator::LocalSet { local_index } => {
                bump(&mut writes, local_index);
                set_here = Some((start as usize, local_index));
            }
            Operator::LocalTee { local_index } => {
                bump(&mut reads, local_index);
                bump(&mut writes, local_index);
            }
            _ => {}
        }
        last_set = set_here;
    }
    let needed = pairs.iter().map(|p| p.local as usize + 1).max().unwrap_or(0);
    reads.resize(reads.len().max(needed), 0);
    writes.resize(writes.len().max(needed), 0);
    Some((pairs, reads, writes))
}

fn rewrite(code: Code, pairs: &[Pair], reads: &Counts, writes: &Counts) -> Code {
    let mut bytes = Vec::with_capacity(code.bytes.len());
    // (old offset where a pair starts, bytes removed up to the end of that pair).
    let mut shifts: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    let mut removed = 0;
    let mut copied = 0;
    for pair in pairs {
        bytes.extend_from_slice(&code.bytes[copied..pair.set_start]);
        let kept = bytes.len();
        let local = pair.local as usize;
        if reads[local] > 1 || writes[local] > 1 {
            // Other reads or writes remain: `tee` keeps the local and the value on the stack.
            bytes.push(op::LOCAL_TEE);
            write_uleb(&mut bytes, u64::from(pair.local));
        }
        removed += (pair.get_end - pair.set_start) - (bytes.len() - kept);
        shifts.push((pair.set_start, removed));
        copied = pair.get_end;
    }
    bytes.extend_from_slice(&code.bytes[copied..]);
    // No relocation lies inside a pair: each moves by what was removed before it.
    let relocs = code
        .relocs
        .into_iter()
        .map(|mut reloc| {
            let before = shifts.partition_point(|&(start, _)| start < reloc.offset as usize);
            if before > 0 {
                reloc.offset -= shifts[before - 1].1 as u32;
            }
            reloc
        })
        .collect();
    Code { bytes, relocs }
}
