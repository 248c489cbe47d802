//! The operation vocabularies the builder's arithmetic files share: integer and float binary
//! and unary operations, and the float formats.

use crate::ir::op;
use crate::types::ValType;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum IntOp {
    Add,
    Sub,
    Mul,
    UDiv,
    SDiv,
    URem,
    SRem,
    And,
    Or,
    Xor,
    Shl,
    LShr,
    AShr,
}

impl IntOp {
    pub(crate) fn opcode(self, vt: ValType) -> u8 {
        let base = match self {
            IntOp::Add => op::I32_ADD,
            IntOp::Sub => op::I32_SUB,
            IntOp::Mul => op::I32_MUL,
            IntOp::SDiv => op::I32_DIV_S,
            IntOp::UDiv => op::I32_DIV_U,
            IntOp::SRem => op::I32_REM_S,
            IntOp::URem => op::I32_REM_U,
            IntOp::And => op::I32_AND,
            IntOp::Or => op::I32_OR,
            IntOp::Xor => op::I32_XOR,
            IntOp::Shl => op::I32_SHL,
            IntOp::AShr => op::I32_SHR_S,
            IntOp::LShr => op::I32_SHR_U,
        };
        if vt == ValType::I64 { base + (op::I64_ADD - op::I32_ADD) } else { base }
    }
    pub(crate) fn signed_operands(self) -> bool {
        matches!(self, IntOp::SDiv | IntOp::SRem | IntOp::AShr)
    }
    pub(crate) fn needs_mask(self) -> bool {
        !matches!(self, IntOp::And | IntOp::Or | IntOp::Xor | IntOp::UDiv | IntOp::URem | IntOp::LShr)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
    CopySign,
}

/// Unary float operations that f32 and f64 have as wasm instructions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FloatUnop {
    Neg,
    Abs,
    Sqrt,
    Floor,
    Ceil,
    Trunc,
    Nearest,
}

impl FloatUnop {
    pub(crate) fn opcode(self, is64: bool) -> u8 {
        let (f32_op, f64_op) = match self {
            FloatUnop::Neg => (op::F32_NEG, op::F64_NEG),
            FloatUnop::Abs => (op::F32_ABS, op::F64_ABS),
            FloatUnop::Sqrt => (op::F32_SQRT, op::F64_SQRT),
            FloatUnop::Floor => (op::F32_FLOOR, op::F64_FLOOR),
            FloatUnop::Ceil => (op::F32_CEIL, op::F64_CEIL),
            FloatUnop::Trunc => (op::F32_TRUNC, op::F64_TRUNC),
            FloatUnop::Nearest => (op::F32_NEAREST, op::F64_NEAREST),
        };
        if is64 { f64_op } else { f32_op }
    }
}

/// The IEEE binary formats the backend knows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FloatWidth {
    F16,
    F32,
    F64,
    F128,
}

impl FloatWidth {
    pub(crate) fn bits(self) -> u32 {
        match self {
            FloatWidth::F16 => 16,
            FloatWidth::F32 => 32,
            FloatWidth::F64 => 64,
            FloatWidth::F128 => 128,
        }
    }

    /// Done in software: f16 through f32, f128 through runtime calls.
    pub(crate) fn is_soft(self) -> bool {
        matches!(self, FloatWidth::F16 | FloatWidth::F128)
    }
}
