//! Turns a finished function body (blocks + terminators) into wasm code: locals, frame, control flow.
//!
//! Reducible control flow (all that rustc produces in practice) becomes nested `block`/`loop`/`if`
//! following Ramsey's "Beyond Relooper" (see `cfg.rs`): each block is emitted once, inside
//! the `loop`s of the loops it belongs to and after the `block`s that merge paths into it.
//! An irreducible CFG falls back to a dispatch loop: block `i` sits after the `i`-th nested
//! `block`, a `br_table` on a label local enters any block, and a branch to the next block in
//! layout order falls through.

use rustc_data_structures::stack::ensure_sufficient_stack;

use crate::ir::op;
use crate::ir::{Body, Code, Exit, FuncCode, Inst};
use crate::passes::cfg::{self, Plan};
use crate::types::ValType;

/// Emits `target` as the successor of a block whose code ends at `depth` below the dispatch loop.
fn jump(c: &mut Code, label: u32, target: u32, next: Option<u32>, depth: u32) {
    if Some(target) == next {
        return;
    }
    c.i32_const(target as i32);
    c.local_set(label);
    c.br(depth);
}

/// Structures a function's blocks into one instruction list. Needs only the body: every exit's
/// operands were put in place while lowering, so this runs on a worker thread.
pub(crate) fn assemble(mut body: Body, results_nonempty: bool) -> FuncCode {
    let old_sp = if body.frame_size > 0 { Some(body.new_local(ValType::I32)) } else { None };
    let exits: Vec<Option<Exit>> = body.blocks.iter_mut().map(|b| b.exit.take()).collect();
    let codes: Vec<Code> = body.blocks.iter_mut().map(|b| std::mem::take(&mut b.code)).collect();
    let control = if exits.is_empty() {
        let mut trap = Code::default();
        trap.op(op::UNREACHABLE);
        trap
    } else {
        match cfg::plan(&exits.iter().map(successors).collect::<Vec<_>>()) {
            Some(plan) => structured(codes, exits, plan, old_sp),
            None => {
                let label = body.new_local(ValType::I32);
                dispatch_loop(codes, exits, label, old_sp)
            }
        }
    };

    let mut out = Code::default();
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
    out.append(control);
    // Every path ended in a branch, return or trap, but after an `end` wasm's validator sees
    // reachable code: a function with results needs an explicit end of the line.
    if results_nonempty {
        out.op(op::UNREACHABLE);
    }
    out.end();
    FuncCode { locals: body.locals, code: out }
}

/// The blocks an exit branches to, once per branch (a switch's cases each count).
fn successors(exit: &Option<Exit>) -> Vec<u32> {
    match exit {
        Some(Exit::Br(t)) => vec![*t],
        Some(Exit::CondBr(t, f)) => vec![*t, *f],
        Some(Exit::Switch { default, cases, .. }) => {
            cases.iter().map(|&(_, t)| t).chain(std::iter::once(*default)).collect()
        }
        Some(Exit::Invoke { normal, unwind, .. }) => vec![*normal, *unwind],
        None | Some(Exit::Return | Exit::Unreachable | Exit::Rethrow { .. }) => Vec::new(),
    }
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

fn structured(codes: Vec<Code>, exits: Vec<Option<Exit>>, plan: Plan, old_sp: Option<u32>) -> Code {
    let exits = exits.into_iter().map(|exit| exit.unwrap_or(Exit::Unreachable)).collect();
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
                self.out.append(code);
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
            Exit::Rethrow { exn } => crate::eh::rethrow(&mut self.out, exn),
            Exit::Invoke { call, normal, unwind, exn } => {
                crate::eh::begin_invoke(&mut self.out, call);
                self.frames.push(Frame::Other);
                self.branch(x, normal);
                self.frames.pop();
                crate::eh::end_invoke(&mut self.out, exn);
                self.branch(x, unwind);
            }
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
                    case_test(&mut self.out, first, &lanes, case);
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
fn dispatch_loop(mut codes: Vec<Code>, exits: Vec<Option<Exit>>, label: u32, old_sp: Option<u32>) -> Code {
    let nblocks = exits.len() as u32;
    for (i, exit) in exits.into_iter().enumerate() {
        let i = i as u32;
        let next = if i + 1 < nblocks { Some(i + 1) } else { None };
        exit_to_label(&mut codes[i as usize], exit, label, nblocks - 1 - i, next, old_sp);
    }
    let mut out = Code::default();
    out.block(op::LOOP);
    for _ in 0..nblocks {
        out.block(op::BLOCK);
    }
    out.local_get(label);
    out.push(Inst::BrTable((0..nblocks).collect(), 0));
    for code in codes {
        out.end();
        out.append(code);
    }
    out.end();
    out
}

/// An exit in the dispatch loop: set the label of the next block and branch to the loop.
fn exit_to_label(c: &mut Code, exit: Option<Exit>, label: u32, depth: u32, next: Option<u32>, old_sp: Option<u32>) {
    match exit {
        None | Some(Exit::Unreachable) => c.op(op::UNREACHABLE),
        Some(Exit::Return) => {
            if let Some(old) = old_sp {
                c.local_get(old);
                c.stack_pointer(true);
            }
            c.op(op::RETURN);
        }
        Some(Exit::Br(t)) => jump(c, label, t, next, depth),
        Some(Exit::Rethrow { exn }) => crate::eh::rethrow(c, exn),
        Some(Exit::Invoke { call, normal, unwind, exn }) => {
            crate::eh::begin_invoke(c, call);
            jump(c, label, normal, None, depth + 1);
            crate::eh::end_invoke(c, exn);
            jump(c, label, unwind, next, depth);
        }
        Some(Exit::CondBr(t, f)) => {
            let (taken, fallthrough, invert) = if Some(t) == next { (f, t, true) } else { (t, f, false) };
            if invert {
                c.op(op::I32_EQZ);
            }
            c.block(op::IF);
            jump(c, label, taken, None, depth + 1);
            c.end();
            jump(c, label, fallthrough, next, depth);
        }
        Some(Exit::Switch { first, lanes, default, cases }) => {
            for (case, target) in cases {
                case_test(c, first, &lanes, case);
                c.block(op::IF);
                jump(c, label, target, None, depth + 1);
                c.end();
            }
            jump(c, label, default, next, depth);
        }
    }
}

/// Pushes `scrutinee == case` as an i32 condition, lane by lane.
fn case_test(c: &mut Code, first: u32, lanes: &[ValType], case: u128) {
    for (k, &vt) in lanes.iter().enumerate() {
        let bits = case >> (64 * k);
        c.local_get(first + k as u32);
        if vt == ValType::I64 {
            c.i64_const(bits as u64 as i64);
            c.op(op::I64_EQ);
        } else {
            c.i32_const(bits as u32 as i32);
            c.op(op::I32_EQ);
        }
        if k > 0 {
            c.op(op::I32_AND);
        }
    }
}
