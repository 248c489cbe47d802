//! Turns a finished function body (blocks + terminators) into wasm code: locals, frame, control flow.
//!
//! Reducible control flow (all that rustc produces in practice) becomes nested `block`/`loop`/`if`
//! following Ramsey's "Beyond Relooper" (see `structure.rs`): each block is emitted once, inside
//! the `loop`s of the loops it belongs to and after the `block`s that merge paths into it.
//! An irreducible CFG falls back to a dispatch loop: block `i` sits after the `i`-th nested
//! `block`, a `br_table` on a label local enters any block, and a branch to the next block in
//! layout order falls through.

use rustc_data_structures::stack::ensure_sufficient_stack;

use crate::builder::Builder;
use crate::context::{Bb, CodegenCx};
use crate::emit::{Code, Terminator, op, write_uleb};
use crate::structure::{self, Plan};
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
    let (terms, old_sp) = {
        let mut funcs = cx.funcs.borrow_mut();
        let body = funcs[f.0 as usize].body.as_mut().expect("body");
        let old_sp = if body.frame_size > 0 { Some(body.new_local(ValType::I32)) } else { None };
        let terms: Vec<Option<Terminator>> = body.blocks.iter_mut().map(|b| b.term.take()).collect();
        (terms, old_sp)
    };
    let control = if terms.is_empty() {
        let mut trap = Code::default();
        trap.op(op::UNREACHABLE);
        trap
    } else {
        match structure::plan(&terms.iter().map(successors).collect::<Vec<_>>()) {
            Some(plan) => structured(cx, f, terms, plan, old_sp),
            None => dispatch_loop(cx, f, terms, old_sp),
        }
    };
    let body = cx.funcs.borrow_mut()[f.0 as usize].body.take().unwrap();

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
    out.append(&control);
    // Every path ended in a branch, return or trap, but after an `end` wasm's validator sees
    // reachable code: a function with results needs an explicit end of the line.
    if results_nonempty {
        out.op(op::UNREACHABLE);
    }
    out.op(op::END);
    out
}

/// The blocks a terminator branches to, once per branch (a switch's cases each count).
fn successors(term: &Option<Terminator>) -> Vec<u32> {
    match term {
        Some(Terminator::Br(t)) => vec![*t],
        Some(Terminator::CondBr(_, t, f)) => vec![*t, *f],
        Some(Terminator::Switch { default, cases, .. }) => {
            cases.iter().map(|&(_, t)| t).chain(std::iter::once(*default)).collect()
        }
        None | Some(Terminator::Return | Terminator::Unreachable) => Vec::new(),
    }
}

/// A terminator once its operands are in place at the end of its block's code.
enum Exit {
    Br(u32),
    /// The condition is on the operand stack.
    CondBr(u32, u32),
    /// The scrutinee is in locals starting at `first`, one per lane.
    Switch {
        first: u32,
        lanes: Vec<ValType>,
        default: u32,
        cases: Vec<(u128, u32)>,
    },
    Return,
    Unreachable,
}

/// What encloses the code being emitted, innermost last: the targets of `br`.
enum Frame {
    /// `loop` of this header: `br` goes back to it.
    Loop(u32),
    /// `block` followed by this merge node: `br` goes forward to it.
    Follow(u32),
    /// `if` or a switch arm: never a branch target.
    Other,
}

struct Emitter<'p> {
    plan: &'p Plan,
    codes: Vec<Code>,
    exits: Vec<Exit>,
    old_sp: Option<u32>,
    frames: Vec<Frame>,
    out: Code,
}

fn structured(cx: &CodegenCx<'_>, f: FnId, terms: Vec<Option<Terminator>>, plan: Plan, old_sp: Option<u32>) -> Code {
    let mut exits = Vec::with_capacity(terms.len());
    for (i, term) in terms.into_iter().enumerate() {
        let mut bx = Builder { cx, bb: Bb { func: f, idx: i as u32 }, span: rustc_span::DUMMY_SP };
        exits.push(match term {
            None | Some(Terminator::Unreachable) => Exit::Unreachable,
            Some(Terminator::Return) => Exit::Return,
            Some(Terminator::Br(t)) => Exit::Br(t),
            Some(Terminator::CondBr(cond, t, f)) => {
                bx.push(cond);
                Exit::CondBr(t, f)
            }
            Some(Terminator::Switch { value, default, cases }) => {
                let ty = rustc_codegen_ssa::traits::BaseTypeCodegenMethods::val_ty(bx.cx, value);
                let lanes = bx.lanes(ty);
                let first = bx.in_locals(value);
                Exit::Switch { first, lanes, default, cases }
            }
        });
    }
    let codes: Vec<Code> = {
        let mut funcs = cx.funcs.borrow_mut();
        funcs[f.0 as usize].body.as_mut().unwrap().blocks.iter_mut().map(|b| std::mem::take(&mut b.code)).collect()
    };
    let mut emitter = Emitter { plan: &plan, codes, exits, old_sp, frames: Vec::new(), out: Code::default() };
    emitter.tree(0);
    emitter.out
}

impl Emitter<'_> {
    /// Block `x` and everything it dominates.
    fn tree(&mut self, x: u32) {
        ensure_sufficient_stack(|| {
            let children = self.plan.merge_children[x as usize].clone();
            if self.plan.loop_header[x as usize] {
                self.out.block(op::LOOP);
                self.frames.push(Frame::Loop(x));
                self.within(x, &children);
                self.frames.pop();
                self.out.op(op::END);
            } else {
                self.within(x, &children);
            }
        });
    }

    /// Block `x` with its merge-node children `ys` placed after it, each after a `block`.
    fn within(&mut self, x: u32, ys: &[u32]) {
        match ys.split_first() {
            Some((&y, rest)) => {
                self.out.block(op::BLOCK);
                self.frames.push(Frame::Follow(y));
                self.within(x, rest);
                self.frames.pop();
                self.out.op(op::END);
                self.tree(y);
            }
            None => {
                let code = std::mem::take(&mut self.codes[x as usize]);
                self.out.append(&code);
                self.exit(x);
            }
        }
    }

    fn exit(&mut self, x: u32) {
        match std::mem::replace(&mut self.exits[x as usize], Exit::Unreachable) {
            Exit::Unreachable => self.out.op(op::UNREACHABLE),
            Exit::Return => {
                if let Some(old) = self.old_sp {
                    self.out.local_get(old);
                    self.out.stack_pointer(true);
                }
                self.out.op(op::RETURN);
            }
            Exit::Br(t) => self.branch(x, t),
            Exit::CondBr(t, f) => {
                self.out.block(op::IF);
                self.frames.push(Frame::Other);
                self.branch(x, t);
                self.out.op(op::ELSE);
                self.branch(x, f);
                self.frames.pop();
                self.out.op(op::END);
            }
            Exit::Switch { first, lanes, default, cases } => {
                for (case, target) in cases {
                    for (k, &vt) in lanes.iter().enumerate() {
                        let bits = case >> (64 * k);
                        self.out.local_get(first + k as u32);
                        if vt == ValType::I64 {
                            self.out.i64_const(bits as u64 as i64);
                            self.out.op(op::I64_EQ);
                        } else {
                            self.out.i32_const(bits as u32 as i32);
                            self.out.op(op::I32_EQ);
                        }
                        if k > 0 {
                            self.out.op(op::I32_AND);
                        }
                    }
                    self.out.block(op::IF);
                    self.frames.push(Frame::Other);
                    self.branch(x, target);
                    self.frames.pop();
                    self.out.op(op::END);
                }
                self.branch(x, default);
            }
        }
    }

    /// Control passes from block `from` to block `to`: a `br` to the enclosing construct that
    /// leads there, or `to` itself emitted in place when `from` is its only way in.
    fn branch(&mut self, from: u32, to: u32) {
        let backward = self.plan.is_backward(from, to);
        if !backward && !self.plan.merge[to as usize] {
            self.tree(to);
            return;
        }
        let depth = self
            .frames
            .iter()
            .rev()
            .position(|frame| match frame {
                Frame::Loop(h) => backward && *h == to,
                Frame::Follow(m) => !backward && *m == to,
                Frame::Other => false,
            })
            .expect("a branch target is always an enclosing loop or block (reducible CFG)");
        self.out.br(depth as u32);
    }
}

/// The fallback for irreducible control flow: one `loop` around a `br_table` over all blocks.
fn dispatch_loop(cx: &CodegenCx<'_>, f: FnId, terms: Vec<Option<Terminator>>, old_sp: Option<u32>) -> Code {
    let nblocks = terms.len() as u32;
    let label = cx.funcs.borrow_mut()[f.0 as usize].body.as_mut().unwrap().new_local(ValType::I32);
    // Terminators need the builder's value pushing, so they are appended to each block's code.
    for (i, term) in terms.into_iter().enumerate() {
        let i = i as u32;
        let next = if i + 1 < nblocks { Some(i + 1) } else { None };
        let mut bx = Builder { cx, bb: Bb { func: f, idx: i }, span: rustc_span::DUMMY_SP };
        emit_terminator(&mut bx, term, label, nblocks - 1 - i, next, old_sp);
    }
    let codes: Vec<Code> = {
        let mut funcs = cx.funcs.borrow_mut();
        funcs[f.0 as usize].body.as_mut().unwrap().blocks.iter_mut().map(|b| std::mem::take(&mut b.code)).collect()
    };
    let mut out = Code::default();
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
