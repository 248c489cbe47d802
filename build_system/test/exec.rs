//! Compiling test programs with either compiler and running them in wasm-run, with time limits.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::outcome::head;
use crate::dirs::Dirs;
use crate::process::{self, Finished};

/// A compile that takes longer is reported as hung (our backend may loop while in progress).
const COMPILE_LIMIT: Duration = Duration::from_secs(300);
/// A program that runs longer is reported as hung (e.g. a miscompiled loop condition).
const RUN_LIMIT: Duration = Duration::from_secs(60);
/// How many lines of a compiler's or program's stderr a failure report shows.
const STDERR_LINES: usize = 40;

/// Which compiler a test uses; the label names it in reports and output files.
#[derive(Clone)]
pub struct Compiler {
    pub label: &'static str,
    pub rustc: PathBuf,
    /// Given before the test's own flags (e.g. which sysroot).
    pub flags: Vec<String>,
}

impl Compiler {
    /// The same compiler against the LLVM-built std instead of the one built by our backend.
    pub fn with_llvm_sysroot(&self) -> Compiler {
        let mut flags = self.flags.clone();
        flags.extend(["--sysroot".to_owned(), "llvm".to_owned()]);
        Compiler {
            flags,
            ..self.clone()
        }
    }
}

/// The installed tools, shared by every test case.
#[derive(Clone)]
pub struct Tools {
    pub repo: PathBuf,
    /// The compiler under test: our backend, or LLVM with `--llvm-as-backend`.
    pub under_test: Compiler,
    /// The LLVM reference compiler.
    pub reference: Compiler,
    pub wasm_run: PathBuf,
}

impl Tools {
    pub fn new(dirs: &Dirs, llvm_as_backend: bool) -> Tools {
        let bin = dirs.dist.join("bin");
        let reference = Compiler {
            label: "llvm",
            rustc: bin.join("rustc-wasm-llvm"),
            flags: Vec::new(),
        };
        let under_test = if llvm_as_backend {
            Compiler {
                label: "llvm-as-backend",
                ..reference.clone()
            }
        } else {
            Compiler {
                label: "wasmgc",
                rustc: bin.join("rustc-wasm"),
                flags: Vec::new(),
            }
        };
        Tools {
            repo: dirs.repo.clone(),
            under_test,
            reference,
            wasm_run: bin.join("wasm-run"),
        }
    }

    /// Runs `compiler` from the repository root (so paths in messages are relative) on `source`.
    pub fn compile(&self, compiler: &Compiler, source: &Path, flags: &[String]) -> Finished {
        let mut cmd = Command::new(&compiler.rustc);
        cmd.current_dir(&self.repo)
            .args(&compiler.flags)
            .arg(source)
            .args(flags);
        captured(&mut cmd, COMPILE_LIMIT)
    }

    pub fn run(&self, wasm: &Path, args: &[String]) -> Finished {
        let mut cmd = Command::new(&self.wasm_run);
        cmd.current_dir(&self.repo).arg(wasm).args(args);
        captured(&mut cmd, RUN_LIMIT)
    }
}

fn captured(cmd: &mut Command, limit: Duration) -> Finished {
    process::run_or_report(cmd, limit)
}

/// "exit 3", "killed by a signal" or "timed out after N s", for reports.
pub fn ending(finished: &Finished, limit_kind: &str) -> String {
    match (finished.timed_out, finished.code) {
        (true, _) => format!("timed out ({limit_kind} limit)"),
        (false, Some(code)) => format!("exit {code}"),
        (false, None) => "killed by a signal".to_owned(),
    }
}

pub fn stderr_excerpt(finished: &Finished) -> String {
    let text = String::from_utf8_lossy(&finished.stderr);
    if text.trim().is_empty() {
        "(no stderr)".to_owned()
    } else {
        head(&text, STDERR_LINES)
    }
}
