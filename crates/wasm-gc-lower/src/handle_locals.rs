//! Typed handle locals for the release form (docs/wasmgc-lowering.md section 5): an `i32` local
//! of LLVM's code that only ever holds handles made by contract operations, and only passes them
//! to operations, to other such locals, to null tests and to drops, becomes an `externref` local
//! holding the object itself, so those operations skip the root table (the backend's typed
//! locals do the same for its own code, section 4).
//!
//! Which value goes where is found by running the function's operand stack over its operators
//! (`Operator::operator_arity`); anything this does not follow exactly (a block result, a value
//! left on the stack, an unknown arity) disqualifies the locals it touches.

use std::collections::{BTreeMap, BTreeSet};

use wasmparser::{
    BlockType, CompositeInnerType, ContType, FrameKind, FuncType, FunctionBody, ModuleArity,
    Operator, RefType, SubType, ValType,
};

use crate::Op;
use crate::webs::{self, Webs};

/// What the pass knows of a call of a contract operation.
#[derive(Copy, Clone)]
pub(crate) struct Callee {
    /// The caller's id of the import the call calls.
    pub(crate) import: u32,
    pub(crate) op: Op,
    /// Its result is a handle (an object it can return itself instead of a root).
    pub(crate) handle_result: bool,
}

/// What one instruction becomes; the added `externref` locals are numbered from 0.
#[derive(Copy, Clone, Debug, PartialEq)]
pub(crate) enum Rewrite {
    /// Left out (an `i32.eqz` folded into the null test before it).
    Skip,
    Get(u32),
    Set(u32),
    Tee(u32),
    /// The local (or the tee's value) as a condition: nonzero when it holds an object.
    GetNotNull(u32),
    TeeNotNull(u32),
    /// The local (or the tee's value) under `i32.eqz`: nonzero when it is null.
    GetIsNull(u32),
    TeeIsNull(u32),
    /// `i32.const 0` stored into such a local: no object.
    Null,
    /// A drop operation of an object in such a local: the reference is simply dropped.
    Drop,
}

/// The plan for one function.
#[derive(Default)]
pub(crate) struct Plan {
    /// The index of the first added `externref` local (after the parameters and the function's
    /// own locals), and how many are added.
    pub(crate) first_local: u32,
    pub(crate) added_locals: u32,
    pub(crate) rewrites: BTreeMap<u64, Rewrite>,
    /// Per call offset: the parameters that receive an object (bit mask), and whether the
    /// result comes back as an object.
    pub(crate) calls: BTreeMap<u64, (u8, bool)>,
    /// Per call offset in `calls`: the import it calls (`Callee::import`).
    pub(crate) imports: BTreeMap<u64, u32>,
}

/// The module's types and function signatures, and the control stack of the function being
/// read: what `operator_arity` asks for.
pub(crate) struct Arity<'a> {
    pub(crate) types: &'a [SubType],
    /// Type index of every function (imports first).
    pub(crate) function_types: &'a [u32],
    frames: Vec<(BlockType, FrameKind)>,
}

impl<'a> Arity<'a> {
    pub(crate) fn new(types: &'a [SubType], function_types: &'a [u32]) -> Arity<'a> {
        Arity {
            types,
            function_types,
            frames: Vec::new(),
        }
    }
}

impl ModuleArity for Arity<'_> {
    fn sub_type_at(&self, type_idx: u32) -> Option<&SubType> {
        self.types.get(type_idx as usize)
    }

    fn tag_type_arity(&self, _at: u32) -> Option<(u32, u32)> {
        None
    }

    fn type_index_of_function(&self, function_idx: u32) -> Option<u32> {
        self.function_types.get(function_idx as usize).copied()
    }

    fn func_type_of_cont_type(&self, _c: &ContType) -> Option<&FuncType> {
        None
    }

    fn sub_type_of_ref_type(&self, _rt: &RefType) -> Option<&SubType> {
        None
    }

    fn control_stack_height(&self) -> u32 {
        self.frames.len() as u32
    }

    fn label_block(&self, depth: u32) -> Option<(BlockType, FrameKind)> {
        self.frames.iter().rev().nth(depth as usize).copied()
    }
}

/// A value on the operand stack: the offset of the instruction that pushed it, and where it was
/// consumed (instruction offset, operand position).
struct Value {
    producer: u64,
    consumer: Option<(u64, u32)>,
}

/// The stack run's results: every value, each instruction this pass looks at again, and how many
/// operands each instruction took.
struct Run {
    values: Vec<Value>,
    ops: BTreeMap<u64, Operator<'static>>,
    inputs: BTreeMap<u64, u32>,
    webs: Webs,
}

/// Runs the operand stack over the body; `None` when some arity is unknown.
fn run(
    body: &FunctionBody<'_>,
    function_type: u32,
    params: u32,
    arity: &mut Arity<'_>,
) -> Option<Run> {
    let mut cfg = webs::Builder::new();
    let mut values: Vec<Value> = Vec::new();
    let mut ops = BTreeMap::new();
    let mut input_counts = BTreeMap::new();
    // The stack of value ids, and the height of each frame's part of it.
    let mut stack: Vec<usize> = Vec::new();
    let mut heights: Vec<usize> = vec![0];
    arity.frames = vec![(BlockType::FuncType(function_type), FrameKind::Block)];
    let mut reader = body.get_operators_reader().ok()?;
    while !reader.eof() {
        let (op, at) = reader.read_with_offset().ok()?;
        // Exception handling opens frames of its own kinds: not followed (LLVM's release code
        // aborts on panic and has none).
        if matches!(
            op,
            Operator::TryTable { .. }
                | Operator::Try { .. }
                | Operator::Catch { .. }
                | Operator::CatchAll
                | Operator::Delegate { .. }
        ) {
            return None;
        }
        let (inputs, outputs) = op.operator_arity(arity)?;
        input_counts.insert(at, inputs);
        cfg.visit(&op, at);
        let base = *heights.last()?;
        for position in (0..inputs).rev() {
            if stack.len() > base {
                let id = stack.pop()?;
                values[id].consumer = Some((at, position));
            }
        }
        match op {
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                let kind = match op {
                    Operator::Loop { .. } => FrameKind::Loop,
                    Operator::If { .. } => FrameKind::If,
                    _ => FrameKind::Block,
                };
                arity.frames.push((blockty, kind));
                heights.push(stack.len());
            }
            Operator::Else => {
                stack.truncate(base);
                let (blockty, _) = arity.frames.pop()?;
                arity.frames.push((blockty, FrameKind::Else));
            }
            Operator::End => {
                stack.truncate(base);
                arity.frames.pop();
                heights.pop();
            }
            _ => {}
        }
        for _ in 0..outputs {
            stack.push(values.len());
            values.push(Value {
                producer: at,
                consumer: None,
            });
        }
        if matches!(
            op,
            Operator::Br { .. }
                | Operator::BrTable { .. }
                | Operator::Return
                | Operator::Unreachable
                | Operator::ReturnCall { .. }
                | Operator::ReturnCallIndirect { .. }
                | Operator::Throw { .. }
                | Operator::ThrowRef
        ) {
            // Stack-polymorphic until the frame ends: what follows pops nothing real.
            stack.truncate(*heights.last()?);
        }
        ops.insert(at, kept(op));
    }
    Some(Run {
        values,
        ops,
        inputs: input_counts,
        webs: cfg.webs(params)?,
    })
}

/// The operator as far as this pass looks at it again after the stack run (without borrowing
/// the body): every other one is a `nop`.
fn kept(op: Operator<'_>) -> Operator<'static> {
    match op {
        Operator::LocalGet { local_index } => Operator::LocalGet { local_index },
        Operator::LocalSet { local_index } => Operator::LocalSet { local_index },
        Operator::LocalTee { local_index } => Operator::LocalTee { local_index },
        Operator::I32Const { value } => Operator::I32Const { value },
        Operator::I32Eqz => Operator::I32Eqz,
        Operator::Call { function_index } => Operator::Call { function_index },
        Operator::ReturnCall { function_index } => Operator::ReturnCall { function_index },
        Operator::BrIf { relative_depth } => Operator::BrIf { relative_depth },
        Operator::If { blockty } => Operator::If { blockty },
        _ => Operator::Nop,
    }
}

/// The plan for a body whose calls `callee` describes (by offset and function index), or
/// `None` when no local qualifies.
pub(crate) fn plan(
    body: &FunctionBody<'_>,
    function_type: u32,
    arity: &mut Arity<'_>,
    callee: impl Fn(u64, u32) -> Option<Callee>,
) -> Option<Plan> {
    let params = match &arity
        .types
        .get(function_type as usize)?
        .composite_type
        .inner
    {
        CompositeInnerType::Func(ty) => ty.params().len() as u32,
        _ => return None,
    };
    let mut i32_locals = BTreeSet::new();
    let mut index = params;
    for local in body.get_locals_reader().ok()? {
        let (count, ty) = local.ok()?;
        if ty == ValType::I32 {
            i32_locals.extend(index..index + count);
        }
        index += count;
    }
    let Run {
        values,
        ops,
        inputs,
        webs,
    } = run(body, function_type, params, arity)?;
    // A value is a condition when it is the last operand of `br_if` or `if`.
    let is_condition = |consumer: u64, position: u32| {
        matches!(
            ops.get(&consumer),
            Some(Operator::BrIf { .. } | Operator::If { .. })
        ) && inputs.get(&consumer) == Some(&(position + 1))
    };
    let call_at = |offset: u64| match ops.get(&offset) {
        Some(Operator::Call { function_index } | Operator::ReturnCall { function_index }) => {
            callee(offset, *function_index)
        }
        _ => None,
    };
    // Values by producer offset (each instruction pushes at most one value we care about).
    let produced: BTreeMap<u64, &Value> = values.iter().map(|v| (v.producer, v)).collect();
    // The operand of each local.set/tee.
    let mut operand_of: BTreeMap<u64, &Value> = BTreeMap::new();
    for value in &values {
        if let Some((at, 0)) = value.consumer
            && matches!(
                ops.get(&at),
                Some(Operator::LocalSet { .. } | Operator::LocalTee { .. })
            )
        {
            operand_of.insert(at, value);
        }
    }
    let web_of = |offset: u64| webs.web.get(&offset).copied();
    // Candidates: the webs of non-parameter i32 locals (a web with a parameter's value on entry
    // holds a value the caller made).
    let mut qualified: BTreeSet<u64> = webs
        .def_local
        .iter()
        .filter(|(_, local)| i32_locals.contains(local))
        .filter_map(|(&def, _)| web_of(def))
        .collect();
    for param in 0..params {
        if let Some(web) = web_of(webs::entry_def(param)) {
            qualified.remove(&web);
        }
    }
    loop {
        let before = qualified.len();
        let mut failed = BTreeSet::new();
        for (&at, op) in &ops {
            let Some(web) = web_of(at) else { continue };
            if !qualified.contains(&web) {
                continue;
            }
            // Definitions: the stored value is an object an operation made, a copy, or null.
            if matches!(op, Operator::LocalSet { .. } | Operator::LocalTee { .. }) {
                let good =
                    operand_of
                        .get(&at)
                        .is_some_and(|value| match ops.get(&value.producer) {
                            Some(Operator::I32Const { value: 0 }) => true,
                            Some(Operator::LocalGet { .. }) => {
                                web_of(value.producer).is_some_and(|w| qualified.contains(&w))
                            }
                            _ => call_at(value.producer)
                                .is_some_and(|c| c.handle_result && c.op.reference_result()),
                        });
                if !good {
                    failed.insert(web);
                    continue;
                }
            }
            // Uses: an operation's handle parameter, a drop, a copy, a null test.
            if matches!(op, Operator::LocalGet { .. } | Operator::LocalTee { .. }) {
                let good = produced
                    .get(&at)
                    .and_then(|value| value.consumer)
                    .is_some_and(|(consumer, position)| match ops.get(&consumer) {
                        Some(Operator::LocalSet { .. } | Operator::LocalTee { .. }) => {
                            web_of(consumer).is_some_and(|w| qualified.contains(&w))
                        }
                        Some(Operator::BrIf { .. } | Operator::If { .. }) => {
                            is_condition(consumer, position)
                        }
                        Some(Operator::I32Eqz) => true,
                        _ => call_at(consumer).is_some_and(|c| {
                            (c.op.is_drop() && position == 0)
                                || (position < 8 && c.op.handle_params() & (1 << position) != 0)
                        }),
                    });
                if !good {
                    failed.insert(web);
                }
            }
        }
        qualified.retain(|web| !failed.contains(web));
        if qualified.len() == before {
            break;
        }
    }
    if qualified.is_empty() {
        return None;
    }
    let added: BTreeMap<u64, u32> = qualified
        .iter()
        .enumerate()
        .map(|(k, &web)| (web, k as u32))
        .collect();
    let mut plan = Plan {
        first_local: index,
        added_locals: added.len() as u32,
        ..Plan::default()
    };
    for (&at, op) in &ops {
        let Some(k) = web_of(at).and_then(|web| added.get(&web).copied()) else {
            continue;
        };
        match op {
            Operator::LocalSet { .. } => {
                plan.rewrites.insert(at, Rewrite::Set(k));
                mark_operand(&mut plan, operand_of.get(&at), &ops);
            }
            Operator::LocalGet { .. } | Operator::LocalTee { .. } => {
                let tee = matches!(op, Operator::LocalTee { .. });
                if tee {
                    mark_operand(&mut plan, operand_of.get(&at), &ops);
                }
                let Some((consumer, position)) = produced.get(&at).and_then(|v| v.consumer) else {
                    continue;
                };
                let rewrite = match (ops.get(&consumer), tee) {
                    (Some(Operator::BrIf { .. } | Operator::If { .. }), false) => {
                        Rewrite::GetNotNull(k)
                    }
                    (Some(Operator::BrIf { .. } | Operator::If { .. }), true) => {
                        Rewrite::TeeNotNull(k)
                    }
                    (Some(Operator::I32Eqz), _) => {
                        plan.rewrites.insert(consumer, Rewrite::Skip);
                        if tee {
                            Rewrite::TeeIsNull(k)
                        } else {
                            Rewrite::GetIsNull(k)
                        }
                    }
                    (Some(Operator::LocalSet { .. } | Operator::LocalTee { .. }), _) => {
                        if tee {
                            Rewrite::Tee(k)
                        } else {
                            Rewrite::Get(k)
                        }
                    }
                    _ => {
                        let callee = call_at(consumer)?;
                        if callee.op.is_drop() {
                            plan.rewrites.insert(consumer, Rewrite::Drop);
                        } else {
                            plan.calls.entry(consumer).or_default().0 |= 1 << position;
                        }
                        if tee {
                            Rewrite::Tee(k)
                        } else {
                            Rewrite::Get(k)
                        }
                    }
                };
                plan.rewrites.insert(at, rewrite);
            }
            _ => {}
        }
    }
    for &offset in plan.calls.keys() {
        plan.imports.insert(offset, call_at(offset)?.import);
    }
    Some(plan)
}

/// The value stored into a typed local: an operation's call returns the object, a constant
/// 0 becomes null (a copy needs nothing).
fn mark_operand(plan: &mut Plan, operand: Option<&&Value>, ops: &BTreeMap<u64, Operator<'static>>) {
    let Some(value) = operand else { return };
    match ops.get(&value.producer) {
        Some(Operator::I32Const { .. }) => {
            plan.rewrites.insert(value.producer, Rewrite::Null);
        }
        Some(Operator::Call { .. } | Operator::ReturnCall { .. }) => {
            plan.calls.entry(value.producer).or_default().1 = true;
        }
        _ => {}
    }
}
