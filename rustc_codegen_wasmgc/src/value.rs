//! Backend values: SSA results held in wasm locals, and constants materialized at each use.

use crate::types::Type;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Value(pub(crate) u32);

/// Index of a function symbol in the codegen unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FnId(pub(crate) u32);

/// Index of a data symbol in the codegen unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct DataId(pub(crate) u32);

#[derive(Clone, Debug)]
pub(crate) enum ValueData {
    /// A value living in consecutive wasm locals starting at `first` (one per lane).
    Local {
        ty: Type,
        first: u32,
    },
    /// An integer constant, truncated to the width of `ty` (i1/i8/i16 kept zero-extended).
    Int {
        ty: Type,
        bits: u128,
    },
    Float {
        ty: Type,
        bits: u64,
    },
    /// Undefined or poison: materialized as zeros.
    Undef(Type),
    /// Address of a data symbol plus a byte offset.
    DataAddr {
        data: DataId,
        offset: i64,
    },
    /// Address of a function: its index in the indirect function table.
    FnAddr(FnId),
    /// Address of a stack frame slot: the frame base local plus a constant offset.
    FrameAddr {
        fp: u32,
        offset: u32,
    },
    /// A constant aggregate (const_struct / const_vector).
    Aggregate {
        ty: Type,
        elems: Vec<Value>,
    },
}
