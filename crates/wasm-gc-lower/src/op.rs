//! The operations of contract v1 (crates/wasm/CONTRACT.md section 3.3): their names, which of
//! their parameters are handles, and which have variants that return the object itself.

/// A contract function.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Op {
    StructNew,
    StructGet,
    StructSet,
    PtrEq,
    Clone,
    Drop,
    ArrayNew,
    ArrayFromSlice,
    ArrayLen,
    ArrayGet,
    ArraySet,
    ArrayPtrEq,
    ArrayClone,
    ArrayDrop,
    ExternNull,
    ExternIsNull,
    ExternClone,
    ExternDrop,
    ExternAsRaw,
    ExternFromRaw,
}

impl Op {
    pub const ALL: [Op; 20] = [
        Op::StructNew,
        Op::StructGet,
        Op::StructSet,
        Op::PtrEq,
        Op::Clone,
        Op::Drop,
        Op::ArrayNew,
        Op::ArrayFromSlice,
        Op::ArrayLen,
        Op::ArrayGet,
        Op::ArraySet,
        Op::ArrayPtrEq,
        Op::ArrayClone,
        Op::ArrayDrop,
        Op::ExternNull,
        Op::ExternIsNull,
        Op::ExternClone,
        Op::ExternDrop,
        Op::ExternAsRaw,
        Op::ExternFromRaw,
    ];

    /// The function's name in `wasm::contract::v1`, also the first part of its import name.
    pub fn name(self) -> &'static str {
        match self {
            Op::StructNew => "gc_struct_new",
            Op::StructGet => "gc_struct_get",
            Op::StructSet => "gc_struct_set",
            Op::PtrEq => "gc_ptr_eq",
            Op::Clone => "gc_clone",
            Op::Drop => "gc_drop",
            Op::ArrayNew => "gc_array_new",
            Op::ArrayFromSlice => "gc_array_from_slice",
            Op::ArrayLen => "gc_array_len",
            Op::ArrayGet => "gc_array_get_unchecked",
            Op::ArraySet => "gc_array_set_unchecked",
            Op::ArrayPtrEq => "gc_array_ptr_eq",
            Op::ArrayClone => "gc_array_clone",
            Op::ArrayDrop => "gc_array_drop",
            Op::ExternNull => "externref_null",
            Op::ExternIsNull => "externref_is_null",
            Op::ExternClone => "externref_clone",
            Op::ExternDrop => "externref_drop",
            Op::ExternAsRaw => "externref_as_raw",
            Op::ExternFromRaw => "externref_from_raw",
        }
    }

    /// The parameters that receive a handle by reference, as a bit mask (drops excluded).
    pub fn handle_params(self) -> u8 {
        match self {
            Op::StructGet
            | Op::StructSet
            | Op::Clone
            | Op::ArrayLen
            | Op::ArrayGet
            | Op::ArraySet
            | Op::ArrayClone
            | Op::ExternIsNull
            | Op::ExternClone => 0b1,
            Op::PtrEq | Op::ArrayPtrEq => 0b11,
            _ => 0,
        }
    }

    /// Its handle result can come back as a reference (ops.rs builds those variants).
    pub fn reference_result(self) -> bool {
        matches!(
            self,
            Op::StructNew | Op::StructGet | Op::Clone | Op::ArrayNew | Op::ArrayGet
        )
    }

    /// Releases the handle its one parameter points to.
    pub fn is_drop(self) -> bool {
        matches!(self, Op::Drop | Op::ArrayDrop | Op::ExternDrop)
    }

    pub fn from_name(name: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.name() == name)
    }

    /// The names of the operations.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Op::ALL.into_iter().map(Op::name)
    }
}
