//! Keeps values on the operand stack: a `local.set x` directly followed by `local.get x` is
//! dropped when that is the only write and read of `x`, and becomes `local.tee x` otherwise.
//!
//! The builder gives every SSA value a local, so most values are written and read right away;
//! this pass removes that traffic from the finished instruction list (locations shifted).

use crate::ir::{FuncCode, Inst};

/// Rewrites a finished function in place.
pub(crate) fn stack_values(func: &mut FuncCode) {
    let insts = &func.code.insts;
    // Reads and writes of each local; parameters come before the declared locals, so the
    // counts grow on demand.
    let mut reads: Vec<u32> = vec![0; func.locals.len()];
    let mut writes: Vec<u32> = vec![0; func.locals.len()];
    let bump = |counts: &mut Vec<u32>, local: u32| {
        let i = local as usize;
        if i >= counts.len() {
            counts.resize(i + 1, 0);
        }
        counts[i] += 1;
    };
    let mut pairs = 0usize;
    for (i, inst) in insts.iter().enumerate() {
        match *inst {
            Inst::LocalGet(l) => {
                bump(&mut reads, l);
                if i > 0 && insts[i - 1] == Inst::LocalSet(l) {
                    pairs += 1;
                }
            }
            Inst::LocalSet(l) => bump(&mut writes, l),
            Inst::LocalTee(l) => {
                bump(&mut reads, l);
                bump(&mut writes, l);
            }
            _ => {}
        }
    }
    if pairs == 0 {
        return;
    }
    let old = std::mem::take(&mut func.code.insts);
    let mut insts = Vec::with_capacity(old.len() - pairs);
    // For each old index, its new one: the locations move with their instructions.
    let mut new_index = Vec::with_capacity(old.len() + 1);
    let mut old = old.into_iter().peekable();
    while let Some(inst) = old.next() {
        new_index.push(insts.len() as u32);
        if let Inst::LocalSet(l) = inst
            && old.peek() == Some(&Inst::LocalGet(l))
        {
            old.next();
            new_index.push(insts.len() as u32);
            let i = l as usize;
            if reads[i] > 1 || writes[i] > 1 {
                // Other reads or writes remain: `tee` keeps the local and the value on the stack.
                insts.push(Inst::LocalTee(l));
            }
            continue;
        }
        insts.push(inst);
    }
    new_index.push(insts.len() as u32);
    func.code.insts = insts;
    for (at, _) in &mut func.code.locs {
        *at = new_index[*at as usize];
    }
    func.code.locs.dedup_by(|later, earlier| {
        later.0 == earlier.0 && {
            // Two runs now start at one instruction: the later one describes it.
            earlier.1 = later.1;
            true
        }
    });
}
