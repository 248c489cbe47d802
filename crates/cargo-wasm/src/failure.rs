//! How a command fails: the message and next step for the user, and the exit status scripts see.

use std::process::ExitCode;

use crate::status;

/// Exit status for problems of the setup (missing toolchain, sysroot, bad configuration).
pub(crate) const SETUP_EXIT: u8 = 1;
/// Exit status for command-line mistakes.
pub(crate) const USAGE_EXIT: u8 = 2;

pub(crate) struct Failure {
    pub(crate) code: u8,
    /// `None` when the failing tool (cargo, wasm-run) already reported it.
    pub(crate) message: Option<String>,
    /// What to run or change next.
    pub(crate) fix: Option<String>,
}

pub(crate) type Res<T> = Result<T, Failure>;

impl Failure {
    pub(crate) fn setup(message: impl Into<String>) -> Failure {
        Failure {
            code: SETUP_EXIT,
            message: Some(message.into()),
            fix: None,
        }
    }

    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: USAGE_EXIT,
            message: Some(message.into()),
            fix: Some("see `cargo wasm help`".to_owned()),
        }
    }

    /// A tool that printed its own errors exited with `code`; we exit the same way.
    pub(crate) fn reported(code: u8) -> Failure {
        Failure {
            code,
            message: None,
            fix: None,
        }
    }

    pub(crate) fn fix(mut self, fix: impl Into<String>) -> Failure {
        self.fix = Some(fix.into());
        self
    }

    pub(crate) fn report(self) -> ExitCode {
        if let Some(message) = &self.message {
            status::error(message);
        }
        if let Some(fix) = &self.fix {
            status::note(fix);
        }
        ExitCode::from(self.code)
    }
}

/// The exit status of a finished child as ours: its code, or 128 + signal like a shell.
pub(crate) fn exit_code_of(status: std::process::ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => u8::try_from(code).unwrap_or(1),
        (None, Some(signal)) => u8::try_from(128 + signal).unwrap_or(1),
        (None, None) => 1,
    }
}
