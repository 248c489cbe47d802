//! The webs of a function's locals: LLVM's register coloring gives one wasm local to many
//! unrelated values, so handle_locals.rs decides per web (the definitions that reach a common
//! read, and those reads) instead of per local. Reaching definitions over the control-flow graph
//! of the structured body.

use std::collections::{BTreeMap, BTreeSet};

use wasmparser::Operator;

/// How an instruction touches a local.
#[derive(Copy, Clone, PartialEq)]
enum Access {
    Get,
    Set,
    Tee,
}

/// A branch target while the body is read: where `br` to this frame goes, where its end goes.
struct Frame {
    target: usize,
    end: usize,
    /// The block that ended with the `if` (for an `if` without `else`).
    head: usize,
    is_if: bool,
    has_else: bool,
}

/// The control-flow graph being built: per block its predecessors and local accesses in order.
#[derive(Default)]
pub(crate) struct Builder {
    preds: Vec<Vec<usize>>,
    accesses: Vec<Vec<(u64, u32, Access)>>,
    frames: Vec<Frame>,
    current: usize,
    /// Set when an instruction is not followed: the webs are then not computed.
    unknown: bool,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        let mut builder = Builder::default();
        let entry = builder.block();
        let exit = builder.block();
        builder.frames.push(Frame {
            target: exit,
            end: exit,
            head: entry,
            is_if: false,
            has_else: false,
        });
        builder.current = entry;
        builder
    }

    fn block(&mut self) -> usize {
        self.preds.push(Vec::new());
        self.accesses.push(Vec::new());
        self.preds.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize) {
        self.preds[to].push(from);
    }

    fn target(&self, depth: u32) -> Option<usize> {
        self.frames
            .iter()
            .rev()
            .nth(depth as usize)
            .map(|frame| frame.target)
    }

    /// A block nothing falls into: after a branch that always leaves.
    fn dead(&mut self) {
        self.current = self.block();
    }

    pub(crate) fn visit(&mut self, op: &Operator<'_>, at: u64) {
        let current = self.current;
        match *op {
            Operator::LocalGet { local_index } => {
                self.accesses[current].push((at, local_index, Access::Get))
            }
            Operator::LocalSet { local_index } => {
                self.accesses[current].push((at, local_index, Access::Set))
            }
            Operator::LocalTee { local_index } => {
                self.accesses[current].push((at, local_index, Access::Tee))
            }
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                let inner = self.block();
                self.edge(current, inner);
                let end = self.block();
                let is_loop = matches!(op, Operator::Loop { .. });
                let is_if = matches!(op, Operator::If { .. });
                self.frames.push(Frame {
                    target: if is_loop { inner } else { end },
                    end,
                    head: current,
                    is_if,
                    has_else: false,
                });
                self.current = inner;
            }
            Operator::Else => {
                let Some(frame) = self.frames.last_mut() else {
                    return self.unknown = true;
                };
                frame.has_else = true;
                let (end, head) = (frame.end, frame.head);
                self.edge(current, end);
                let other = self.block();
                self.edge(head, other);
                self.current = other;
            }
            Operator::End => {
                let Some(frame) = self.frames.pop() else {
                    return self.unknown = true;
                };
                self.edge(current, frame.end);
                if frame.is_if && !frame.has_else {
                    self.edge(frame.head, frame.end);
                }
                self.current = frame.end;
            }
            Operator::Br { relative_depth } => {
                match self.target(relative_depth) {
                    Some(target) => self.edge(current, target),
                    None => self.unknown = true,
                }
                self.dead();
            }
            Operator::BrIf { relative_depth } => {
                match self.target(relative_depth) {
                    Some(target) => self.edge(current, target),
                    None => self.unknown = true,
                }
                let next = self.block();
                self.edge(current, next);
                self.current = next;
            }
            Operator::BrTable { ref targets } => {
                let depths: Vec<u32> = targets
                    .targets()
                    .flatten()
                    .chain([targets.default()])
                    .collect();
                for depth in depths {
                    match self.target(depth) {
                        Some(target) => self.edge(current, target),
                        None => self.unknown = true,
                    }
                }
                self.dead();
            }
            Operator::Return
            | Operator::Unreachable
            | Operator::ReturnCall { .. }
            | Operator::ReturnCallIndirect { .. }
            | Operator::Throw { .. }
            | Operator::ThrowRef => self.dead(),
            Operator::BrOnNull { .. }
            | Operator::BrOnNonNull { .. }
            | Operator::BrOnCast { .. }
            | Operator::BrOnCastFail { .. } => self.unknown = true,
            _ => {}
        }
    }

    /// The definitions that reach the start of `block`: its predecessors' (and the parameters'
    /// at entry).
    fn reaching_in(
        &self,
        block: usize,
        outs: &[BTreeSet<(u32, u64)>],
        entry: &BTreeSet<(u32, u64)>,
    ) -> BTreeSet<(u32, u64)> {
        let mut reaching = if block == 0 {
            entry.clone()
        } else {
            BTreeSet::new()
        };
        for &pred in &self.preds[block] {
            reaching.extend(outs[pred].iter().copied());
        }
        reaching
    }

    /// Every local access's web (an id shared by the definitions that reach a common read and
    /// those reads); a read no definition reaches has none. The function's parameters are
    /// defined on entry: their webs hold `entry_def(param)`.
    pub(crate) fn webs(self, params: u32) -> Option<Webs> {
        if self.unknown {
            return None;
        }
        let blocks = self.preds.len();
        // Reaching definitions: (local, definition offset) pairs.
        let mut outs: Vec<BTreeSet<(u32, u64)>> = vec![BTreeSet::new(); blocks];
        let entry: BTreeSet<(u32, u64)> =
            (0..params).map(|param| (param, entry_def(param))).collect();
        let mut changed = true;
        while changed {
            changed = false;
            for block in 0..blocks {
                let mut reaching = self.reaching_in(block, &outs, &entry);
                for &(at, local, access) in &self.accesses[block] {
                    if access != Access::Get {
                        reaching.retain(|&(l, _)| l != local);
                        reaching.insert((local, at));
                    }
                }
                if reaching != outs[block] {
                    outs[block] = reaching;
                    changed = true;
                }
            }
        }
        // Union-find over definitions, joined by every read they reach together.
        let mut parent: BTreeMap<u64, u64> = BTreeMap::new();
        let mut reads: Vec<(u64, u64)> = Vec::new();
        let mut def_local = BTreeMap::new();
        for block in 0..blocks {
            let mut reaching = self.reaching_in(block, &outs, &entry);
            for &(at, local, access) in &self.accesses[block] {
                if access == Access::Get {
                    let defs: Vec<u64> = reaching
                        .iter()
                        .filter(|&&(l, _)| l == local)
                        .map(|&(_, d)| d)
                        .collect();
                    if let Some(&first) = defs.first() {
                        for &def in &defs[1..] {
                            union(&mut parent, first, def);
                        }
                        reads.push((at, first));
                    }
                } else {
                    reaching.retain(|&(l, _)| l != local);
                    reaching.insert((local, at));
                    def_local.insert(at, local);
                    parent.entry(at).or_insert(at);
                }
            }
        }
        for param in 0..params {
            def_local.insert(entry_def(param), param);
        }
        let mut web = BTreeMap::new();
        for &def in def_local.keys() {
            web.insert(def, find(&mut parent, def));
        }
        for (at, def) in reads {
            web.insert(at, find(&mut parent, def));
        }
        Some(Webs { web, def_local })
    }
}

/// The pseudo-definition of parameter `param` on entry.
pub(crate) fn entry_def(param: u32) -> u64 {
    u64::MAX - u64::from(param)
}

fn find(parent: &mut BTreeMap<u64, u64>, x: u64) -> u64 {
    let mut root = x;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    parent.insert(x, root);
    root
}

fn union(parent: &mut BTreeMap<u64, u64>, a: u64, b: u64) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent.insert(rb, ra);
    }
}

/// Webs by access offset.
pub(crate) struct Webs {
    /// Access offset (a definition, a read, or a parameter's `entry_def`) -> its web.
    pub(crate) web: BTreeMap<u64, u64>,
    /// Every definition's local.
    pub(crate) def_local: BTreeMap<u64, u32>,
}
