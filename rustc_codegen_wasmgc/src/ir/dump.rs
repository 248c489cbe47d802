//! A readable text form of a function's instruction list (WAT-like), for debugging the backend:
//! `-Cllvm-args=wasm-dump=SUBSTR` or `WASMGC_DUMP=SUBSTR` prints every function whose symbol
//! contains SUBSTR as the object is written.

use std::fmt::Write;

use super::{FuncCode, Inst};
use crate::ir::op;

impl FuncCode {
    /// The function as text: locals, then one instruction per line, indented by nesting.
    pub(crate) fn dump(&self, name: &str, n_params: u32, func_name: impl Fn(crate::value::FnId) -> String) -> String {
        let mut out = format!("func {name} (params {n_params})\n");
        for (i, vt) in self.locals.iter().enumerate() {
            let _ = writeln!(out, "  local {} {vt:?}", n_params as usize + i);
        }
        let mut depth = 1usize;
        let mut locs = self.code.locs.iter().peekable();
        for (i, inst) in self.code.insts.iter().enumerate() {
            if let Some((_, loc)) = locs.next_if(|(at, _)| *at as usize == i) {
                let _ = writeln!(out, "{:indent$};; {:?} scope {}", "", loc.span, loc.scope, indent = 2 * depth);
            }
            if matches!(inst, Inst::Plain(op::END | op::ELSE)) {
                depth = depth.saturating_sub(1);
            }
            let _ = writeln!(out, "{:indent$}{}", "", inst.text(&func_name), indent = 2 * depth);
            if matches!(inst, Inst::Block(_) | Inst::BlockResult(_) | Inst::TryTable(_) | Inst::Plain(op::ELSE)) {
                depth += 1;
            }
        }
        out
    }
}

impl Inst {
    fn text(&self, func_name: &impl Fn(crate::value::FnId) -> String) -> String {
        match self {
            Inst::Plain(opcode) => op::name(*opcode).to_owned(),
            Inst::PlainFc(sub) => format!("fc.{sub}"),
            Inst::Block(opcode) => op::name(*opcode).to_owned(),
            Inst::Br(depth) => format!("br {depth}"),
            Inst::BrTable(targets, default) => format!("br_table {targets:?} {default}"),
            Inst::LocalGet(l) => format!("local.get {l}"),
            Inst::LocalSet(l) => format!("local.set {l}"),
            Inst::LocalTee(l) => format!("local.tee {l}"),
            Inst::StackPointer { set } => format!("global.{} $__stack_pointer", if *set { "set" } else { "get" }),
            Inst::I32Const(v) => format!("i32.const {v}"),
            Inst::I64Const(v) => format!("i64.const {v}"),
            Inst::F32Const(bits) => format!("f32.const {}", f32::from_bits(*bits)),
            Inst::F64Const(bits) => format!("f64.const {}", f64::from_bits(*bits)),
            Inst::RefNullExtern => "ref.null extern".to_owned(),
            Inst::RefNullExn => "ref.null exn".to_owned(),
            Inst::BlockResult(vt) => format!("block (result {vt:?})"),
            Inst::TryTable(crate::ir::Catch::Tag(label)) => format!("try_table (catch $__cpp_exception {label})"),
            Inst::TryTable(crate::ir::Catch::AllRef(label)) => format!("try_table (catch_all_ref {label})"),
            Inst::Throw => "throw $__cpp_exception".to_owned(),
            Inst::Mem { opcode, align_log2, offset } => {
                format!("{} offset={offset} align={}", op::name(*opcode), 1u32 << align_log2)
            }
            Inst::MemorySize => "memory.size".to_owned(),
            Inst::MemoryGrow => "memory.grow".to_owned(),
            Inst::MemoryCopy => "memory.copy".to_owned(),
            Inst::MemoryFill => "memory.fill".to_owned(),
            Inst::Call(f) => format!("call ${}", func_name(*f)),
            Inst::CallIndirect(sig) => format!("call_indirect (type {})", sig.0),
            Inst::DataAddr { data, addend } => format!("i32.const $data{}+{addend}", data.0),
            Inst::FuncAddr(f) => format!("i32.const (table index of ${})", func_name(*f)),
        }
    }
}
