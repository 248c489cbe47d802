//! The abi group: tests/abi/callee.rs and caller.rs built by different backends, in both directions, linked and run; every check must pass.

use std::path::{Path, PathBuf};

use super::exec::{Compiler, Tools, ending, stderr_excerpt};
use super::outcome::{Outcome, first_difference, head};
use super::pool::Case;
use crate::fsutil;

const CALLEE: &str = "tests/abi/callee.rs";
const CALLER: &str = "tests/abi/caller.rs";
const EXPECTED: &str = "tests/abi/caller.stdout";
/// How many of the program's `FAIL` lines a report quotes.
const FAIL_LINES: usize = 30;

/// One half of the program: its compiler and that compiler's flags (optimization level, features).
#[derive(Clone)]
struct Half {
    compiler: Compiler,
    flags: &'static [&'static str],
}

/// One way of building the program: who compiles each half, against which std.
struct Config {
    callee: Half,
    caller: Half,
    /// Both halves name the same sysroot, or their rlibs would not link (different crate hashes).
    std: &'static str,
    out_dir: PathBuf,
}

/// Five cases: the backend under test as the caller and as the callee, each against the std
/// built by our backend and the one built by LLVM (the latter keeps a std miscompilation out of
/// an ABI failure); and an LLVM callee with `+simd128`, whose v128 code ends up in our linked
/// module (post-link validation must accept what LLVM's objects legitimately contain).
pub fn cases(out: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    let ours = Half {
        compiler: tools.under_test.clone(),
        flags: &["-Copt-level=0"],
    };
    // LLVM optimizes, so that it relies on every ABI promise (argument extension, truncation
    // left to the callee) instead of re-establishing it as unoptimized code does.
    let llvm = Half {
        compiler: tools.reference.clone(),
        flags: &["-Copt-level=2"],
    };
    let llvm_simd = Half {
        compiler: tools.reference.clone(),
        flags: &["-Copt-level=2", "-Ctarget-feature=+simd128"],
    };
    let mut configs = Vec::new();
    for std in ["ours", "llvm"] {
        configs.push((&llvm, &ours, std, ""));
        configs.push((&ours, &llvm, std, ""));
    }
    configs.push((&llvm_simd, &ours, "ours", "+simd128"));
    let mut cases = Vec::new();
    for (callee, caller, std, callee_features) in configs {
        let name = format!(
            "callee={}{callee_features},caller={},std={std}",
            callee.compiler.label, caller.compiler.label
        );
        let config = Config {
            callee: callee.clone(),
            caller: caller.clone(),
            std,
            out_dir: out.join(name.replace([',', '=', '+'], "_")),
        };
        let tools = tools.clone();
        cases.push(Case {
            name: format!("{group}/{name}"),
            run: Box::new(move || check(&tools, &config)),
        });
    }
    cases
}

fn check(tools: &Tools, config: &Config) -> Outcome {
    match build_and_run(tools, config) {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

/// Flags both halves get; `--sysroot ours|llvm` is understood by both wrappers.
fn common_flags(half: &Half, std: &str) -> Vec<String> {
    ["--edition=2021", "--sysroot", std]
        .iter()
        .chain(half.flags)
        .map(|flag| flag.to_string())
        .collect()
}

fn build_and_run(tools: &Tools, config: &Config) -> Result<(), String> {
    let expected = fsutil::read_to_string(&tools.repo.join(EXPECTED))
        .map_err(|e| format!("missing expectation: {e}"))?;
    fsutil::fresh_dir(&config.out_dir)?;
    let rlib = config.out_dir.join("libabi_callee.rlib");
    let wasm = config.out_dir.join("abi.wasm");
    let mut flags = common_flags(&config.callee, config.std);
    flags.extend(["--crate-type=rlib", "--crate-name=abi_callee", "-o"].map(str::to_owned));
    flags.push(rlib.display().to_string());
    compile(tools, &config.callee.compiler, CALLEE, &flags)?;
    let mut flags = common_flags(&config.caller, config.std);
    flags.extend([
        "--crate-type=bin".to_owned(),
        "--extern".to_owned(),
        format!("abi_callee={}", rlib.display()),
        "-o".to_owned(),
        wasm.display().to_string(),
    ]);
    compile(tools, &config.caller.compiler, CALLER, &flags)?;
    let ran = tools.run(&wasm, &[]);
    let stdout = String::from_utf8_lossy(&ran.stdout);
    // Kept for inspection next to the .wasm.
    let _ = fsutil::write(&config.out_dir.join("abi.stdout"), stdout.as_bytes());
    if !ran.timed_out && ran.code == Some(0) && stdout == expected {
        return Ok(());
    }
    let mut report = vec![format!("exit: expected 0, got {}", ending(&ran, "run"))];
    let failed: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("FAIL "))
        .collect();
    if failed.is_empty() {
        // No failed check: the program stopped early (a trap) or printed something else.
        report.push(format!(
            "stdout differs from {EXPECTED}: {}",
            first_difference(&expected, &stdout)
        ));
    } else {
        report.push(format!(
            "{} failed checks (r_/c_: Rust/C ABI; /cb: checked in a callback the callee called):\n{}",
            failed.len(),
            head(&failed.join("\n"), FAIL_LINES)
        ));
    }
    if !ran.stderr.is_empty() {
        report.push(format!("program stderr:\n{}", stderr_excerpt(&ran)));
    }
    Err(report.join("\n"))
}

fn compile(
    tools: &Tools,
    compiler: &Compiler,
    source: &str,
    flags: &[String],
) -> Result<(), String> {
    let compiled = tools.compile(compiler, Path::new(source), flags);
    if compiled.code == Some(0) && !compiled.timed_out {
        return Ok(());
    }
    Err(format!(
        "[{}] compile of {source} failed ({}):\n{}",
        compiler.label,
        ending(&compiled, "compile"),
        stderr_excerpt(&compiled)
    ))
}
