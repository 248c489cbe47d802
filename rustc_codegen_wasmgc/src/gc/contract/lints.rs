//! The `wasm-recognition` lint group: its lints, their default levels, the levels the user sets
//! with `-Cllvm-args=wasm-recognition=LEVEL` or `-Cllvm-args=wasm_recognition::NAME=LEVEL`, and
//! how a finding is reported at its level.

use rustc_middle::ty::TyCtxt;
use rustc_session::Session;
use rustc_span::Span;

/// The group's name in `-Cllvm-args` (both spellings are accepted).
const GROUP: &str = "wasm-recognition";

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Lint {
    /// The `wasm` crate has a contract of a version this backend does not know.
    UnknownContractVersion,
    /// A handle value is reinterpreted as another type, or made from another type's bits.
    GcHandleEscape,
    /// A program uses the contract, but compiled with its library implementation.
    FallbackUsed,
    /// An operation of the contract module does not have the contract's signature.
    ContractSignatureMismatch,
}

impl Lint {
    const ALL: [Lint; 4] =
        [Lint::UnknownContractVersion, Lint::GcHandleEscape, Lint::FallbackUsed, Lint::ContractSignatureMismatch];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Lint::UnknownContractVersion => "unknown_contract_version",
            Lint::GcHandleEscape => "gc_handle_escape",
            Lint::FallbackUsed => "fallback_used",
            Lint::ContractSignatureMismatch => "contract_signature_mismatch",
        }
    }

    /// CONTRACT.md section 5: the findings warn by default, since the program stays correct on
    /// the library path; that the library is used at all is the user's choice, so it is silent.
    fn default_level(self) -> Level {
        match self {
            Lint::FallbackUsed => Level::Allow,
            _ => Level::Warn,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// The level of each lint for this compilation.
pub(crate) struct Levels {
    levels: [Level; Lint::ALL.len()],
    /// Where each level came from, for the note on a finding.
    set_by_user: [bool; Lint::ALL.len()],
    /// Lints that acceleration made errors (a fallback is impossible for them).
    required: [bool; Lint::ALL.len()],
}

impl Levels {
    /// Defaults, then `-Cllvm-args` in order (a later setting wins; a lint's own setting is
    /// applied after the group's wherever it appears).
    pub(crate) fn from_options(sess: &Session) -> Levels {
        let mut levels = Levels {
            levels: Lint::ALL.map(Lint::default_level),
            set_by_user: [false; Lint::ALL.len()],
            required: [false; Lint::ALL.len()],
        };
        let mut own = Vec::new();
        for arg in &sess.opts.cg.llvm_args {
            let Some((key, value)) = arg.split_once('=') else { continue };
            let is_group = key == GROUP || key == GROUP.replace('-', "_");
            let lint = key
                .strip_prefix("wasm_recognition::")
                .map(|name| Lint::ALL.into_iter().find(|lint| lint.name() == name));
            if !is_group && lint.is_none() {
                continue;
            }
            let Some(level) = Level::parse(value) else {
                sess.dcx().fatal(format!("`-Cllvm-args={arg}`: the level must be allow, warn or deny"));
            };
            match lint {
                Some(Some(lint)) => own.push((lint, level)),
                Some(None) => sess.dcx().fatal(format!(
                    "`-Cllvm-args={arg}`: no lint of that name in wasm-recognition (it has {})",
                    Lint::ALL.map(|lint| format!("wasm_recognition::{}", lint.name())).join(", ")
                )),
                None => {
                    levels.levels = [level; Lint::ALL.len()];
                    levels.set_by_user = [true; Lint::ALL.len()];
                }
            }
        }
        for (lint, level) in own {
            levels.levels[lint as usize] = level;
            levels.set_by_user[lint as usize] = true;
        }
        levels
    }

    pub(crate) fn level(&self, lint: Lint) -> Level {
        self.levels[lint as usize]
    }

    /// Raises `lint` to `deny` (an accelerated program cannot fall back to the library: a handle
    /// that escapes would mean nothing there).
    pub(crate) fn require(&mut self, lint: Lint) {
        self.levels[lint as usize] = Level::Deny;
        self.set_by_user[lint as usize] = true;
        self.required[lint as usize] = true;
    }

    /// Reports `message` at `span` at the lint's level, with `notes` and how to change it.
    pub(crate) fn report(&self, tcx: TyCtxt<'_>, lint: Lint, span: Span, message: String, mut notes: Vec<String>) {
        let level = self.level(lint);
        let message = format!("{message} (wasm_recognition::{})", lint.name());
        let origin = if self.set_by_user[lint as usize] { "set by `-Cllvm-args`" } else { "the default" };
        if self.required[lint as usize] {
            notes.push(
                "the program is compiled with WasmGC acceleration (`-Cllvm-args=wasm-gc=accelerate`, the default \
                 of `cargo wasm build --dev`), where this cannot fall back to the library; with `gc = \"library\"` \
                 in [package.metadata.wasm] it is a warning"
                    .to_owned(),
            );
        } else {
            notes.push(format!(
                "`{}` is {origin}; set the level with `-Cllvm-args=wasm_recognition::{}=allow|warn|deny` \
             (with `cargo wasm`: `rustflags` in [package.metadata.wasm])",
                level.name(),
                lint.name()
            ));
        }
        match level {
            Level::Allow => {}
            Level::Warn => {
                let mut diag = tcx.dcx().struct_span_warn(span, message);
                for note in notes {
                    diag = diag.with_note(note);
                }
                diag.emit();
            }
            Level::Deny => {
                let mut diag = tcx.dcx().struct_span_err(span, message);
                for note in notes {
                    diag = diag.with_note(note);
                }
                diag.emit();
            }
        }
    }
}
