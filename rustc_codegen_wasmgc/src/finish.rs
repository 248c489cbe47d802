//! Turns a finished function body (blocks + terminators) into wasm code: locals, frame, control flow.
//!
//! Control flow uses a dispatch loop: block `i` sits after the `i`-th nested `block`, a `br_table`
//! on a label local enters any block, and a branch to the next block in layout order falls through.
//! It accepts any CFG, reducible or not. FIXME(issue 6): structure reducible CFGs (Ramsey's
//! algorithm) to drop the dispatch overhead in hot loops.

use crate::builder::Builder;
use crate::context::{Bb, CodegenCx};
use crate::emit::{Code, Terminator, op, write_uleb};
use crate::types::ValType;
use crate::value::{FnId, Value};

/// Emits `target` as the successor of a block whose code ends at `depth` below the dispatch loop.
fn jump(c: &mut Code, label: u32, target: u32, next: Option<u32>, depth: u32) {
    if Some(target) == next {
        return;
    }
    c.i32_const(target as i32);
    c.local_set(label);
    c.br(depth);
}

pub(crate) fn assemble(cx: &CodegenCx<'_>, f: FnId) -> Code {
    let results_nonempty = {
        let sig = cx.funcs.borrow()[f.0 as usize].sig;
        !cx.types.borrow().wasm_sig(sig).results.is_empty()
    };
    let (nblocks, simple, label, old_sp, terms) = {
        let mut funcs = cx.funcs.borrow_mut();
        let body = funcs[f.0 as usize].body.as_mut().expect("body");
        let nblocks = body.blocks.len() as u32;
        let simple = nblocks == 0
            || (nblocks == 1
                && matches!(body.blocks[0].term, None | Some(Terminator::Return) | Some(Terminator::Unreachable)));
        let label = if simple { 0 } else { body.new_local(ValType::I32) };
        let old_sp = if body.frame_size > 0 { Some(body.new_local(ValType::I32)) } else { None };
        let terms: Vec<Option<Terminator>> = body.blocks.iter_mut().map(|b| b.term.take()).collect();
        (nblocks, simple, label, old_sp, terms)
    };
    // Terminators need the builder's value pushing, so they are appended to each block's code.
    for (i, term) in terms.into_iter().enumerate() {
        let i = i as u32;
        let next = if i + 1 < nblocks { Some(i + 1) } else { None };
        let mut bx = Builder { cx, bb: Bb { func: f, idx: i }, span: rustc_span::DUMMY_SP };
        emit_terminator(&mut bx, term, label, nblocks - 1 - i, next, old_sp);
    }
    let mut body = cx.funcs.borrow_mut()[f.0 as usize].body.take().unwrap();
    let codes: Vec<Code> = body.blocks.drain(..).map(|b| b.code).collect();

    let mut out = Code::default();
    // Locals, run-length encoded by type.
    let mut runs: Vec<(u32, ValType)> = Vec::new();
    for &vt in &body.locals {
        match runs.last_mut() {
            Some((n, t)) if *t == vt => *n += 1,
            _ => runs.push((1, vt)),
        }
    }
    write_uleb(&mut out.bytes, runs.len() as u64);
    for (n, vt) in runs {
        write_uleb(&mut out.bytes, u64::from(n));
        out.bytes.push(vt.byte());
    }

    if let Some(old) = old_sp {
        let size = body.frame_size.next_multiple_of(16);
        let fp = body.frame_local.unwrap();
        out.stack_pointer(false);
        out.local_tee(old);
        out.i32_const(size as i32);
        out.op(op::I32_SUB);
        if body.frame_align > 16 {
            out.i32_const(-(body.frame_align as i32));
            out.op(op::I32_AND);
        }
        out.local_tee(fp);
        out.stack_pointer(true);
    }

    if simple {
        match codes.first() {
            Some(code) => out.append(code),
            None => out.op(op::UNREACHABLE),
        }
    } else {
        out.block(op::LOOP);
        for _ in 0..nblocks {
            out.block(op::BLOCK);
        }
        out.local_get(label);
        out.op(op::BR_TABLE);
        write_uleb(&mut out.bytes, u64::from(nblocks));
        for i in 0..nblocks {
            write_uleb(&mut out.bytes, u64::from(i));
        }
        write_uleb(&mut out.bytes, 0);
        for code in &codes {
            out.op(op::END);
            out.append(code);
        }
        out.op(op::END);
        if results_nonempty {
            out.op(op::UNREACHABLE);
        }
    }
    out.op(op::END);
    out
}

fn emit_terminator(
    bx: &mut Builder<'_, '_>,
    term: Option<Terminator>,
    label: u32,
    depth: u32,
    next: Option<u32>,
    old_sp: Option<u32>,
) {
    match term {
        None | Some(Terminator::Unreachable) => bx.code(|c| c.op(op::UNREACHABLE)),
        Some(Terminator::Return) => bx.code(|c| {
            if let Some(old) = old_sp {
                c.local_get(old);
                c.stack_pointer(true);
            }
            c.op(op::RETURN);
        }),
        Some(Terminator::Br(t)) => bx.code(|c| jump(c, label, t, next, depth)),
        Some(Terminator::CondBr(cond, t, f)) => {
            bx.push(cond);
            let (taken, fallthrough, invert) = if Some(t) == next { (f, t, true) } else { (t, f, false) };
            bx.code(|c| {
                if invert {
                    c.op(op::I32_EQZ);
                }
                c.block(op::IF);
                jump(c, label, taken, None, depth + 1);
                c.op(op::END);
                jump(c, label, fallthrough, next, depth);
            });
        }
        Some(Terminator::Switch { value, default, cases }) => {
            for (case, target) in cases {
                switch_case_test(bx, value, case);
                bx.code(|c| {
                    c.block(op::IF);
                    jump(c, label, target, None, depth + 1);
                    c.op(op::END);
                });
            }
            bx.code(|c| jump(c, label, default, next, depth));
        }
    }
}

/// Pushes `value == case` as an i32 condition.
fn switch_case_test(bx: &mut Builder<'_, '_>, value: Value, case: u128) {
    let ty = rustc_codegen_ssa::traits::BaseTypeCodegenMethods::val_ty(bx.cx, value);
    let c = bx.cx.const_int_of(ty, case);
    let eq = bx.icmp_op(rustc_codegen_ssa::common::IntPredicate::IntEQ, value, c);
    bx.push(eq);
}
