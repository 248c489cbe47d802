//! The function being generated, apart from the per-CGU `CodegenCx`: its body (blocks, locals,
//! stack frame) and its typed-locals state. rustc_codegen_ssa generates one function's blocks
//! before the next one's, so the context holds one `FunctionCx` at a time.

use crate::gc::typed_locals::state::Slots;
use crate::ir::Body;
use crate::value::FnId;

pub(crate) struct FunctionCx {
    pub(crate) func: FnId,
    pub(crate) body: Body,
    /// The typed-locals survey or plan of this generation of the function.
    pub(crate) slots: Slots,
    /// Set while the survey emits a call whose handle-slot arguments it has accounted for.
    pub(crate) slot_exempt: bool,
    /// Set once the survey watches an operation's result.
    pub(crate) slot_results_tracked: bool,
}

impl FunctionCx {
    pub(crate) fn new(func: FnId, n_params: u32, slots: Slots) -> FunctionCx {
        FunctionCx { func, body: Body::new(n_params), slots, slot_exempt: false, slot_results_tracked: false }
    }
}
