//! One program through the three builds (LLVM -O0 as the reference, ours at -O0 and -O3), each
//! run in wasm-run, ours held to the reference's exact stdout and exit code.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process::{self, Finished};
use crate::test::exec::{Compiler, Tools, ending, stderr_excerpt};
use crate::test::outcome::first_difference;

/// The flags every build gets; the opt level comes on top. One codegen unit: these programs
/// are small, and splitting them only costs time.
const FLAGS: &[&str] = &["--edition=2021", "-Ccodegen-units=1"];
/// Generated programs finish in well under a second; a hang is a finding, not worth a minute.
const RUN_LIMIT: Duration = Duration::from_secs(20);

/// A build of ours that is compared with the reference.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Ours {
    O0,
    O3,
}

impl Ours {
    pub const ALL: [Ours; 2] = [Ours::O0, Ours::O3];

    pub fn label(self) -> &'static str {
        match self {
            Ours::O0 => "ours-O0",
            Ours::O3 => "ours-O3",
        }
    }

    fn opt_flag(self) -> &'static str {
        match self {
            Ours::O0 => "-Copt-level=0",
            Ours::O3 => "-Copt-level=3",
        }
    }
}

/// How one of our builds departed from the reference.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    /// LLVM accepts the program, our backend does not (or crashes, or hangs).
    CompileFailed,
    /// Stdout or exit code differ.
    OutputDiffers,
}

pub struct Finding {
    pub build: Ours,
    pub kind: Kind,
    /// For the report: the difference, or the compiler's stderr.
    pub detail: String,
    /// What our build printed (stdout, or the compiler's stderr when it failed).
    pub output: String,
}

pub enum Verdict {
    /// Both of our builds printed exactly what the reference printed.
    Match,
    /// The reference did not compile, or did not exit 0: the generator wrote a bad program.
    BadProgram(String),
    Mismatch {
        reference: Reference,
        findings: Vec<Finding>,
    },
    /// dist/ itself is unusable (e.g. being rebuilt): nothing was learned about the program.
    ToolchainBroken(String),
}

/// Signs in a compiler's stderr that the installed toolchain, not the program, is at fault.
const BROKEN_TOOLCHAIN: &[&str] = &[
    "couldn't load codegen backend",
    "can't find crate for `std`",
    "can't find crate for `core`",
    "cannot start `",
];

/// A runner killed by a signal (not by our time limit) says nothing about the program: a
/// program's own failures are traps (exit 134). It happens when dist/ is replaced under it.
fn runner_killed(ran: &Finished) -> Option<Verdict> {
    (ran.code.is_none() && !ran.timed_out).then(|| {
        Verdict::ToolchainBroken(format!(
            "wasm-run was killed by a signal:\n{}",
            stderr_excerpt(ran)
        ))
    })
}

fn toolchain_broken(compiled: &Finished) -> Option<Verdict> {
    let stderr = String::from_utf8_lossy(&compiled.stderr);
    BROKEN_TOOLCHAIN
        .iter()
        .any(|sign| stderr.contains(sign))
        .then(|| Verdict::ToolchainBroken(stderr_excerpt(compiled)))
}

/// Where the time of a comparison went, per phase, for the throughput report.
#[derive(Default, Clone, Copy)]
pub struct Timing {
    pub reference_compile: Duration,
    pub reference_run: Duration,
    pub ours_compile: Duration,
    pub ours_run: Duration,
}

impl Timing {
    pub fn add(&mut self, other: Timing) {
        self.reference_compile += other.reference_compile;
        self.reference_run += other.reference_run;
        self.ours_compile += other.ours_compile;
        self.ours_run += other.ours_run;
    }
}

/// The reference's output, kept so that ours can be compared with it (and written out).
pub struct Reference {
    pub stdout: String,
}

/// The program's stdout and exit code, the two things compared.
fn observed(ran: &Finished) -> (String, String) {
    (
        String::from_utf8_lossy(&ran.stdout).into_owned(),
        ending(ran, "run"),
    )
}

/// Builds and runs the reference in `dir`; `Err` is the verdict when there is nothing to compare
/// with (a bad program, or a broken toolchain).
pub fn reference(
    tools: &Tools,
    source: &Path,
    dir: &Path,
    timing: &mut Timing,
) -> Result<Reference, Verdict> {
    let wasm = dir.join("llvm.wasm");
    let started = Instant::now();
    let compiled = build(tools, &tools.reference, source, &wasm, "-Copt-level=0");
    timing.reference_compile += started.elapsed();
    if compiled.code != Some(0) {
        return Err(toolchain_broken(&compiled).unwrap_or_else(|| {
            Verdict::BadProgram(format!(
                "LLVM rejected the program ({}):\n{}",
                ending(&compiled, "compile"),
                stderr_excerpt(&compiled)
            ))
        }));
    }
    let started = Instant::now();
    let ran = run(tools, &wasm);
    timing.reference_run += started.elapsed();
    if let Some(broken) = runner_killed(&ran) {
        return Err(broken);
    }
    let (stdout, end) = observed(&ran);
    if ran.code != Some(0) || ran.timed_out {
        return Err(Verdict::BadProgram(format!(
            "the LLVM build ended with {end}:\n{}",
            stderr_excerpt(&ran)
        )));
    }
    Ok(Reference { stdout })
}

/// Builds and runs one of ours, `None` when it matches the reference; `Err` when the toolchain
/// is broken.
pub fn ours(
    tools: &Tools,
    source: &Path,
    dir: &Path,
    which: Ours,
    expected: &Reference,
    timing: &mut Timing,
) -> Result<Option<Finding>, Verdict> {
    let wasm = dir.join(format!("{}.wasm", which.label()));
    let started = Instant::now();
    let compiled = build(tools, &tools.under_test, source, &wasm, which.opt_flag());
    timing.ours_compile += started.elapsed();
    if compiled.code != Some(0) {
        if let Some(broken) = toolchain_broken(&compiled) {
            return Err(broken);
        }
        let stderr = String::from_utf8_lossy(&compiled.stderr).into_owned();
        return Ok(Some(Finding {
            build: which,
            kind: Kind::CompileFailed,
            detail: format!(
                "[{}] compile failed ({}):\n{}",
                which.label(),
                ending(&compiled, "compile"),
                stderr_excerpt(&compiled)
            ),
            output: stderr,
        }));
    }
    let started = Instant::now();
    let ran = run(tools, &wasm);
    timing.ours_run += started.elapsed();
    if let Some(broken) = runner_killed(&ran) {
        return Err(broken);
    }
    let (stdout, end) = observed(&ran);
    if stdout == expected.stdout && end == "exit 0" {
        return Ok(None);
    }
    let mut detail = format!("[{}] ended with {end} (reference: exit 0)", which.label());
    if stdout != expected.stdout {
        detail.push_str(&format!(
            "; stdout {}",
            first_difference(&expected.stdout, &stdout)
        ));
    }
    if end != "exit 0" {
        detail.push_str(&format!("\nprogram stderr:\n{}", stderr_excerpt(&ran)));
    }
    Ok(Some(Finding {
        build: which,
        kind: Kind::OutputDiffers,
        detail,
        output: format!("{stdout}\n[{end}]\n"),
    }))
}

/// The whole comparison of one program.
pub fn compare(tools: &Tools, source: &Path, dir: &Path, timing: &mut Timing) -> Verdict {
    let expected = match reference(tools, source, dir, timing) {
        Ok(expected) => expected,
        Err(verdict) => return verdict,
    };
    let mut findings = Vec::new();
    for which in Ours::ALL {
        match ours(tools, source, dir, which, &expected, timing) {
            Ok(finding) => findings.extend(finding),
            Err(broken) => return broken,
        }
    }
    if findings.is_empty() {
        Verdict::Match
    } else {
        Verdict::Mismatch {
            reference: expected,
            findings,
        }
    }
}

fn build(tools: &Tools, compiler: &Compiler, source: &Path, wasm: &Path, opt: &str) -> Finished {
    let mut flags: Vec<String> = FLAGS.iter().map(|flag| flag.to_string()).collect();
    flags.extend([opt.to_owned(), "-o".to_owned(), wasm.display().to_string()]);
    tools.compile(compiler, source, &flags)
}

/// Runs without wasm-run's module cache: every program is new, so the cache would only grow
/// (by megabytes per program) and cost a write per run.
fn run(tools: &Tools, wasm: &Path) -> Finished {
    let mut cmd = Command::new(&tools.wasm_run);
    cmd.current_dir(&tools.repo).arg("--no-cache").arg(wasm);
    process::run_or_report(&mut cmd, RUN_LIMIT)
}
