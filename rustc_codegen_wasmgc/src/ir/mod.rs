//! The per-function instruction list: typed wasm instructions with relocatable operands, grouped
//! in basic blocks that end in resolved exits. Passes rewrite it; bytes exist only after encoding.

mod dump;
pub(crate) mod op;

use rustc_span::Span;

use crate::types::{FnSig, ValType};
use crate::value::{DataId, FnId};

/// What a relocatable operand or data word refers to; the object writer turns it into a
/// symbol or type index.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RelocTarget {
    Func(FnId),
    Data(DataId),
    Type(FnSig),
    StackPointer,
    IndirectTable,
    /// The exception tag `__cpp_exception`.
    ExceptionTag,
}

/// One wasm instruction. Operands that the linker relocates name their target (a function, a
/// data symbol, a signature) instead of holding an index.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Inst {
    /// An instruction without immediates, by opcode (`i32.add`, `select`, `return`, `end`, ...).
    Plain(u8),
    /// A `0xfc`-prefixed instruction without immediates (the saturating truncations).
    PlainFc(u32),
    /// `block`, `loop` or `if` (by opcode), without parameters or results.
    Block(u8),
    Br(u32),
    BrTable(Box<[u32]>, u32),
    LocalGet(u32),
    LocalSet(u32),
    LocalTee(u32),
    /// `global.get` / `global.set` of the imported `__stack_pointer`.
    StackPointer {
        set: bool,
    },
    I32Const(i32),
    I64Const(i64),
    /// An `f32.const` by its bits.
    F32Const(u32),
    /// An `f64.const` by its bits.
    F64Const(u64),
    RefNullExtern,
    RefNullExn,
    /// `block` with one result (`try_table`'s catch clauses deliver their values to one).
    BlockResult(ValType),
    /// `try_table` without parameters or results, with one catch clause (eh/).
    TryTable(Catch),
    /// `throw` of the C++ exception tag `__cpp_exception` (one i32 payload), as LLVM's code
    /// and std's unwinder throw and catch Rust panics.
    Throw,
    /// A load or store (by opcode) with its alignment as log2 and its constant offset.
    Mem {
        opcode: u8,
        align_log2: u32,
        offset: u32,
    },
    MemorySize,
    MemoryGrow,
    MemoryCopy,
    MemoryFill,
    Call(FnId),
    CallIndirect(FnSig),
    /// `i32.const` of a data symbol's address plus `addend`.
    DataAddr {
        data: DataId,
        addend: i32,
    },
    /// `i32.const` of a function's index in the indirect function table.
    FuncAddr(FnId),
}

/// Where a run of instructions comes from: its span, and its MIR source scope (an index into the
/// body's `source_scopes`; 0, the function's own, unless `-Cdebuginfo=2` asks for lexical blocks).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub(crate) span: Span,
    pub(crate) scope: u32,
}

impl Loc {
    /// Code the function has before its first statement (the stack frame's prologue).
    pub(crate) const PROLOGUE: Loc = Loc { span: rustc_span::DUMMY_SP, scope: 0 };
}

/// Instructions of one basic block or one finished function, with the source location of each
/// run of them: `locs[k] = (i, loc)` covers the instructions from `i` to the next entry.
#[derive(Default, Debug, Clone)]
pub(crate) struct Code {
    pub(crate) insts: Vec<Inst>,
    pub(crate) locs: Vec<(u32, Loc)>,
}

/// One-operand shorthands: `c.local_get(l)` appends `Inst::LocalGet(l)`.
macro_rules! shorthands {
    ($($name:ident($arg:ident: $ty:ty) => $inst:ident;)*) => {
        $(pub(crate) fn $name(&mut self, $arg: $ty) {
            self.push(Inst::$inst($arg));
        })*
    };
}

impl Code {
    shorthands! {
        op(opcode: u8) => Plain;
        op_fc(sub: u32) => PlainFc;
        i32_const(v: i32) => I32Const;
        i64_const(v: i64) => I64Const;
        f32_const(bits: u32) => F32Const;
        f64_const(bits: u64) => F64Const;
        local_get(l: u32) => LocalGet;
        local_set(l: u32) => LocalSet;
        local_tee(l: u32) => LocalTee;
        call(f: FnId) => Call;
        block(opcode: u8) => Block;
        br(depth: u32) => Br;
    }

    pub(crate) fn push(&mut self, inst: Inst) {
        self.insts.push(inst);
    }
    /// The instructions appended from now on come from `span`.
    pub(crate) fn at(&mut self, loc: Loc) {
        if self.locs.last().is_none_or(|&(_, last)| last != loc) {
            let here = self.insts.len() as u32;
            match self.locs.last_mut() {
                Some(last) if last.0 == here => last.1 = loc,
                _ => self.locs.push((here, loc)),
            }
        }
    }
    pub(crate) fn zero(&mut self, vt: ValType) {
        self.push(match vt {
            ValType::I32 => Inst::I32Const(0),
            ValType::I64 => Inst::I64Const(0),
            ValType::F32 => Inst::F32Const(0),
            ValType::F64 => Inst::F64Const(0),
            ValType::ExternRef => Inst::RefNullExtern,
            ValType::ExnRef => Inst::RefNullExn,
        });
    }
    /// A memory access with `align` as log2 and a constant offset.
    pub(crate) fn mem(&mut self, opcode: u8, align_log2: u32, offset: u32) {
        self.push(Inst::Mem { opcode, align_log2, offset });
    }
    pub(crate) fn stack_pointer(&mut self, set: bool) {
        self.push(Inst::StackPointer { set });
    }
    pub(crate) fn end(&mut self) {
        self.op(op::END);
    }
    /// Appends another list, shifting its locations. A run that `other` starts at its end (a
    /// block's terminator) covers what is appended next (the exit's instructions).
    pub(crate) fn append(&mut self, other: Code) {
        let base = self.insts.len() as u32;
        for (i, loc) in other.locs {
            // A run recorded at our end with no instruction yet gives way to the appended one.
            match self.locs.last_mut() {
                Some(last) if last.0 == base + i => last.1 = loc,
                _ => self.locs.push((base + i, loc)),
            }
        }
        self.insts.extend(other.insts);
    }
}

/// The catch clause of a `try_table`, with the label (relative depth) it branches to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Catch {
    /// `catch __cpp_exception L`: a Rust panic (or C++ exception), its payload pushed.
    Tag(u32),
    /// `catch_all_ref L`: any exception, as an `exnref` to rethrow.
    AllRef(u32),
}

/// How control leaves a basic block, with its operands already in place at the end of the
/// block's code (decided while lowering, so no pass needs the builder).
#[derive(Clone, Debug)]
pub(crate) enum Exit {
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
    /// The return value (if any) is on the operand stack.
    Return,
    Unreachable,
    /// A call that may unwind (`invoke`): `call` runs inside a `try_table`; returning, it goes
    /// on to `normal`; unwinding, the exception goes to local `exn` and control to `unwind`.
    Invoke {
        call: Code,
        normal: u32,
        unwind: u32,
        exn: u32,
    },
    /// The end of a cleanup: unwinding goes on with the exception in local `exn`.
    Rethrow {
        exn: u32,
    },
}

#[derive(Default, Debug)]
pub(crate) struct Block {
    pub(crate) code: Code,
    pub(crate) exit: Option<Exit>,
}

/// A function body under construction: its blocks, locals and stack frame.
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
    /// Local holding the exception being unwound; allocated with the first `invoke`.
    pub(crate) exn_local: Option<u32>,
}

impl Body {
    pub(crate) fn new(n_params: u32) -> Self {
        Body {
            n_params,
            locals: Vec::new(),
            blocks: Vec::new(),
            frame_size: 0,
            frame_align: 16,
            frame_local: None,
            exn_local: None,
        }
    }
    /// The local of the exception being unwound.
    pub(crate) fn exn_local(&mut self) -> u32 {
        match self.exn_local {
            Some(local) => local,
            None => {
                let local = self.new_local(ValType::ExnRef);
                self.exn_local = Some(local);
                local
            }
        }
    }
    pub(crate) fn new_local(&mut self, vt: ValType) -> u32 {
        self.locals.push(vt);
        self.n_params + self.locals.len() as u32 - 1
    }
}

/// A function after structuring: its declared locals (after the params) and its whole code,
/// ending in `end`.
#[derive(Debug)]
pub(crate) struct FuncCode {
    pub(crate) locals: Vec<ValType>,
    pub(crate) code: Code,
}

/// A function of an object: still in blocks (structured on the worker thread), or finished.
#[derive(Debug)]
pub(crate) enum FuncBody {
    Blocks(Body),
    Finished(FuncCode),
}
