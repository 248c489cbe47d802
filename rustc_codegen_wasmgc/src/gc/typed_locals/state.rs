//! The typed-locals state of the function being generated (survey, then plan) and what calls do
//! with handle slots: plain data, so the contexts that hold it need nothing else of this feature.

use rustc_data_structures::fx::{FxHashMap, FxHashSet};

use crate::value::FnId;

/// What a call does with a handle slot whose address it receives.
#[derive(Copy, Clone, Debug)]
pub(crate) enum SlotCallee {
    /// Returns its pointer argument unchanged: the call is not emitted.
    Identity,
    /// `drop_in_place` of a handle, or a contract drop: releases the handle.
    Drop,
    /// A contract operation (or a wrapper that forwards to it): `handles` are its by-reference
    /// handle parameters, `import` the `wasmgc` import of the operation; `result` when it
    /// returns a new handle that can come back as a reference instead.
    Operation { import: FnId, handles: u8, result: bool },
}

/// How a candidate slot's address was used in the survey.
#[derive(Default, Debug)]
pub(crate) struct Survey {
    /// Passed to an operation's by-reference handle parameter.
    pub(super) operation_uses: u32,
    /// Used any way only memory supports.
    pub(super) escaped: bool,
}

/// What the survey saw of the handle an operation returned (the `n`th such call).
#[derive(Default, Debug)]
pub(crate) struct ResultUse {
    /// The slot it was stored to, the one use that lets it stay a reference.
    pub(super) stored_to: Option<u32>,
    pub(super) used_otherwise: bool,
}

/// The two locals of a slot kept in locals.
#[derive(Copy, Clone, Debug)]
pub(crate) struct RefSlot {
    pub(super) reference: u32,
    pub(super) root: u32,
}

#[derive(Default, Debug)]
pub(crate) struct SurveyState {
    /// By frame offset of each 4-byte, 4-aligned slot.
    pub(super) slots: FxHashMap<u32, Survey>,
    pub(super) results: Vec<ResultUse>,
    /// The wasm local holding each result, to its index in `results`.
    pub(super) result_locals: FxHashMap<u32, usize>,
}

/// What the second pass does.
#[derive(Default, Debug)]
pub(crate) struct Plan {
    /// Frame offsets of the slots kept in locals.
    pub(super) chosen: FxHashSet<u32>,
    /// The calls (numbered in order) whose handle result comes back as a reference.
    pub(super) reference_results: FxHashSet<usize>,
    pub(super) locals: FxHashMap<u32, RefSlot>,
    pub(super) next_result: usize,
}

/// The state of the function being generated (one at a time; `CodegenCx::slots`).
#[derive(Default, Debug)]
pub(crate) enum Slots {
    #[default]
    Off,
    Survey(SurveyState),
    Emit(Plan),
}

impl Slots {
    /// What the survey found: the slots kept in locals and the results kept as references.
    pub(crate) fn plan(&self) -> Option<Plan> {
        let Slots::Survey(survey) = self else { return None };
        let chosen: FxHashSet<u32> = survey
            .slots
            .iter()
            .filter(|(_, slot)| slot.operation_uses > 0 && !slot.escaped)
            .map(|(&offset, _)| offset)
            .collect();
        if chosen.is_empty() {
            return None;
        }
        let reference_results = survey
            .results
            .iter()
            .enumerate()
            .filter(|(_, result)| !result.used_otherwise && result.stored_to.is_some_and(|slot| chosen.contains(&slot)))
            .map(|(index, _)| index)
            .collect();
        Some(Plan { chosen, reference_results, ..Plan::default() })
    }
}
