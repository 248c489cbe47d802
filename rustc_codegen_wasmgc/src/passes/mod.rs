//! Passes over a finished function's instruction list, in order: cfg analysis (cfg.rs),
//! structuring into `block`/`loop`/`if` (structurize.rs), keeping values on the operand stack
//! (stackify.rs). All run on worker threads; none needs the type context.

pub(crate) mod cfg;
pub(crate) mod stackify;
pub(crate) mod structurize;
