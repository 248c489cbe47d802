//! The unwind group: tests/unwind/*.rs built by our backend with `-Cpanic=unwind` against the
//! unwinding std (dist/sysroot-unwind) and run in wasm-run, each held to the same program built
//! natively by the host rustc, since LLVM's wasm targets cannot unwind by default: the same
//! stdout, the same panic messages (`panicked at FILE:LINE:COL:` and the message), and the same
//! ending (the exit code, or an abort). And tests/unwind/libtest, a library whose tests panic:
//! `cargo wasm test --dev` with `-Cpanic=unwind` must give each test the verdict native
//! `cargo test` gives it, `#[should_panic]` ones included. And, for the abi group,
//! tests/unwind/frames: a caller and a callee crate built one by LLVM (`+exception-handling`,
//! against the same unwinding std) and one by ours, both ways: panics cross the other backend's
//! frames, whose cleanups and catches run, and the output is the native program's. And
//! `jit-cache-reuse`: wasm-run compiles no function of an unwinding module again whose code did
//! not change (its patched Cranelift, patches/README.md).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::exec::{Tools, ending, stderr_excerpt};
use super::outcome::{Outcome, first_difference};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

/// Both builds get these; the native one in debug, as ours.
const FLAGS: &[&str] = &["--edition", "2021", "-Copt-level=0", "-Cpanic=unwind"];
/// wasm-run's exit code when the program traps, as `std::process::abort` does on wasm.
const TRAP_EXIT: i32 = 134;
const LIMIT: Duration = Duration::from_secs(120);

pub fn cases(repo: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let mut cases = Vec::new();
    for (stem, source) in fsutil::rust_files_in(&repo.join("tests/unwind"))? {
        let (tools, out_dir) = (tools.clone(), out.join(&stem));
        let source = source
            .strip_prefix(repo)
            .map(Path::to_path_buf)
            .unwrap_or(source);
        cases.push(Case {
            name: format!("{group}/{stem}"),
            run: Box::new(move || outcome(check(&tools, &source, &out_dir))),
        });
    }
    let (libtest_tools, out_dir) = (tools.clone(), out.join("libtest"));
    cases.push(Case {
        name: format!("{group}/libtest"),
        run: Box::new(move || outcome(check_libtest(&libtest_tools, &out_dir))),
    });
    let (tools, out_dir) = (tools.clone(), out.join("jit-cache-reuse"));
    cases.push(Case {
        name: format!("{group}/jit-cache-reuse"),
        run: Box::new(move || outcome(check_cache_reuse(&tools, &out_dir))),
    });
    Ok(cases)
}

/// example/std_example.rs built with unwinding, run by wasm-run with empty caches, then the
/// same module with one more custom section (so wasmtime's module cache misses it): the second
/// run must compile no function, every one coming from the per-function cache. Before wasm-run's
/// Cranelift was patched, stale exception tables in the functions' cache keys made 923-992 of
/// its 1,503 functions compile again after an edit, and some even without one.
fn check_cache_reuse(tools: &Tools, out_dir: &Path) -> Result<(), String> {
    fsutil::fresh_dir(out_dir)?;
    let first = out_dir.join("first.wasm");
    let mut ours = Command::new(&tools.under_test.rustc);
    ours.args(&tools.under_test.flags)
        .args(FLAGS)
        .arg("example/std_example.rs")
        .arg("-o")
        .arg(&first);
    compiled("wasmgc", run_in(tools, &mut ours))?;
    let mut bytes = fsutil::read(&first)?;
    // A custom section (id 0): size 10, name "unchanged" (9 bytes), no payload.
    bytes.extend_from_slice(&[0, 10, 9]);
    bytes.extend_from_slice(b"unchanged");
    let second = out_dir.join("second.wasm");
    fsutil::write(&second, &bytes)?;
    let mut counts = Vec::new();
    for module in [&first, &second] {
        let ran = run_in(
            tools,
            Command::new(&tools.wasm_run)
                .arg(module)
                .env("XDG_CACHE_HOME", out_dir.join("caches"))
                .env("WASM_RUN_JIT_STATS", "1")
                .env_remove("WASM_RUN_JIT_CACHE_DIR")
                .env_remove("WASM_RUN_JIT_CACHE"),
        );
        let stderr = String::from_utf8_lossy(&ran.stderr);
        let count = stderr
            .lines()
            .find_map(|line| line.strip_prefix("wasm-run: per-function cache: "))
            .ok_or(format!(
                "{}: no per-function cache line ({}):\n{}",
                module.display(),
                ending(&ran, "run"),
                stderr_excerpt(&ran)
            ))?;
        counts.push(count.to_owned());
    }
    let all_reused = counts[1].ends_with(", 0 compiled") && !counts[1].starts_with("0 reused");
    if counts[0].ends_with(", 0 compiled") || !all_reused {
        return Err(format!(
            "the unchanged module's functions were not all reused: first run {:?}, second {:?}",
            counts[0], counts[1]
        ));
    }
    Ok(())
}

/// The abi group's unwinding cases: tests/unwind/frames with the callee by LLVM and the caller
/// by ours, and the other way round.
pub fn frames_cases(out: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for llvm_callee in [true, false] {
        let name = if llvm_callee {
            "frames-llvm-callee"
        } else {
            "frames-llvm-caller"
        };
        let (tools, out_dir) = (tools.clone(), out.join(name));
        cases.push(Case {
            name: format!("{group}/{name}"),
            run: Box::new(move || outcome(check_frames(&tools, &out_dir, llvm_callee))),
        });
    }
    cases
}

/// tests/unwind/frames with the callee by LLVM and the caller by ours (`llvm_callee`), or the
/// other way round, against the native build of both.
fn check_frames(tools: &Tools, out_dir: &Path, llvm_callee: bool) -> Result<(), String> {
    fsutil::fresh_dir(out_dir)?;
    let dir = Path::new("tests/unwind/frames");
    let llvm: Vec<&str> = vec![
        "--sysroot",
        "unwind",
        "-Ctarget-feature=+exception-handling",
    ];
    let mut native_callee = Command::new("rustc");
    native_callee.args(FLAGS).args(["--crate-type", "rlib"]);
    let mut native_caller = Command::new("rustc");
    native_caller.args(FLAGS);
    let (mut wasm_callee, mut wasm_caller) = (
        Command::new(&tools.reference.rustc),
        Command::new(&tools.under_test.rustc),
    );
    wasm_callee.args(&llvm);
    if !llvm_callee {
        (wasm_callee, wasm_caller) = (
            Command::new(&tools.under_test.rustc),
            Command::new(&tools.reference.rustc),
        );
        wasm_caller.args(&llvm);
    }
    wasm_callee.args(FLAGS).args(["--crate-type", "rlib"]);
    wasm_caller.args(FLAGS);
    let mut outputs = Vec::new();
    for (label, callee, caller) in [
        ("native", &mut native_callee, &mut native_caller),
        ("wasm", &mut wasm_callee, &mut wasm_caller),
    ] {
        let rlib = out_dir.join(format!("libcallee-{label}.rlib"));
        let program = out_dir.join(format!("caller-{label}"));
        callee.arg(dir.join("callee.rs")).arg("-o").arg(&rlib);
        compiled(label, run_in(tools, callee))?;
        caller
            .arg(dir.join("caller.rs"))
            .arg("--extern")
            .arg(format!("callee={}", rlib.display()))
            .arg("-o")
            .arg(&program);
        compiled(label, run_in(tools, caller))?;
        let ran = if label == "native" {
            run_in(tools, &mut Command::new(&program))
        } else {
            run_in(tools, Command::new(&tools.wasm_run).arg(&program))
        };
        if ran.code != Some(0) {
            return Err(format!(
                "[{label}] the program ended with {}:\n{}",
                ending(&ran, "run"),
                stderr_excerpt(&ran)
            ));
        }
        outputs.push(String::from_utf8_lossy(&ran.stdout).into_owned());
    }
    if outputs[0] != outputs[1] {
        return Err(format!(
            "stdout differs from the native program's: {}",
            first_difference(&outputs[0], &outputs[1])
        ));
    }
    Ok(())
}

fn outcome(result: Result<(), String>) -> Outcome {
    match result {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

/// tests/unwind/libtest's tests natively (`cargo test`) and in dev (`cargo wasm test --dev`
/// with `-Cpanic=unwind`): the same verdict for every test, and both runs fail (it has failing
/// tests on purpose).
fn check_libtest(tools: &Tools, out_dir: &Path) -> Result<(), String> {
    fsutil::fresh_dir(out_dir)?;
    let project = tools.repo.join("tests/unwind/libtest");
    let cargo_wasm = tools.wasm_run.with_file_name("cargo-wasm");
    let mut native = Command::new("cargo");
    native.arg("test");
    let mut ours = Command::new(&cargo_wasm);
    ours.args(["wasm", "test", "--dev"])
        .env("RUSTFLAGS", "-Cpanic=unwind");
    let mut verdicts = Vec::new();
    for (label, cmd) in [("native", &mut native), ("dev", &mut ours)] {
        cmd.current_dir(&project)
            .env("CARGO_TARGET_DIR", out_dir.join(label))
            .env("RUST_BACKTRACE", "0")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        if label == "native" {
            cmd.env_remove("RUSTFLAGS");
        }
        let done = process::run_or_report(cmd, LIMIT);
        if done.code != Some(101) {
            return Err(format!(
                "[{label}] expected the failing tests to fail the run (exit 101), got {}:\n{}",
                ending(&done, "test"),
                stderr_excerpt(&done)
            ));
        }
        verdicts.push(test_verdicts(&String::from_utf8_lossy(&done.stdout)));
    }
    if verdicts[0].is_empty() || verdicts[0] != verdicts[1] {
        return Err(format!(
            "verdicts differ: native {:?}, dev {:?}",
            verdicts[0], verdicts[1]
        ));
    }
    Ok(())
}

/// libtest's `test NAME ... VERDICT` lines (` - should panic` dropped), sorted; the failures'
/// output after `failures:` is not read (wasm-run's per-test runs quote their own lines there).
fn test_verdicts(stdout: &str) -> Vec<String> {
    let mut verdicts: Vec<String> = stdout
        .lines()
        .take_while(|line| *line != "failures:")
        .filter_map(|line| line.strip_prefix("test "))
        .filter(|rest| rest.contains(" ... "))
        .map(|rest| rest.replace(" - should panic", ""))
        .collect();
    verdicts.sort();
    verdicts
}

/// One program natively and by our backend, compared.
fn check(tools: &Tools, source: &Path, out_dir: &Path) -> Result<(), String> {
    fsutil::fresh_dir(out_dir)?;
    let native_exe = out_dir.join("native");
    // The host rustc of the pinned toolchain (rust-toolchain.toml, from the repository root).
    let mut native = Command::new("rustc");
    native.args(FLAGS).arg(source).arg("-o").arg(&native_exe);
    compiled("native", run_in(tools, &mut native))?;
    let expected = run_in(tools, &mut Command::new(&native_exe));
    let wasm = out_dir.join("wasmgc.wasm");
    let mut ours = Command::new(&tools.under_test.rustc);
    ours.args(&tools.under_test.flags)
        .args(FLAGS)
        .arg(source)
        .arg("-o")
        .arg(&wasm);
    compiled("wasmgc", run_in(tools, &mut ours))?;
    let ran = run_in(tools, Command::new(&tools.wasm_run).arg(&wasm));
    let mut problems = Vec::new();
    let (native_out, ours_out) = (
        String::from_utf8_lossy(&expected.stdout),
        String::from_utf8_lossy(&ran.stdout),
    );
    if native_out != ours_out {
        problems.push(format!(
            "stdout differs from the native program's: {}",
            first_difference(&native_out, &ours_out)
        ));
    }
    let (native_panics, ours_panics) = (panics(&expected), panics(&ran));
    if native_panics != ours_panics {
        problems.push(format!(
            "panic messages differ: native {native_panics:?}, ours {ours_panics:?}"
        ));
    }
    let (native_end, ours_end) = (end_of(&expected), end_of(&ran));
    if native_end != ours_end {
        problems.push(format!(
            "the native program ended with {native_end}, ours with {ours_end} ({})",
            ending(&ran, "run")
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(format!("our program's stderr:\n{}", stderr_excerpt(&ran)));
    Err(problems.join("\n"))
}

/// Runs from the repository root (paths in panic messages are relative to it), with
/// backtraces off on both sides.
fn run_in(tools: &Tools, cmd: &mut Command) -> Finished {
    cmd.current_dir(&tools.repo).env("RUST_BACKTRACE", "0");
    process::run_or_report(cmd, LIMIT)
}

fn compiled(label: &str, done: Finished) -> Result<(), String> {
    if done.code == Some(0) && !done.timed_out {
        return Ok(());
    }
    Err(format!(
        "[{label}] compile failed ({}):\n{}",
        ending(&done, "compile"),
        stderr_excerpt(&done)
    ))
}

/// Each panic the default hook reported: `panicked at FILE:LINE:COL:` and the message's first
/// line (native messages also name the thread's id, which wasm has not). A file of std is named
/// from `library/` on: rustup's std was built under `/rustc/HASH/`, ours from rust-src's
/// library directory.
fn panics(done: &Finished) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&done.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let at = line.find("panicked at ")? + "panicked at ".len();
            let place = &line[at..];
            let place = match place.find("/library/") {
                Some(library) if place.starts_with("/rustc/") => {
                    &place[library + "/library/".len()..]
                }
                _ => place,
            };
            Some(format!(
                "{place} {}",
                lines.get(i + 1).copied().unwrap_or("")
            ))
        })
        .collect()
}

/// How a program ended: its exit code, or "an abort" for a native SIGABRT and a wasm trap.
fn end_of(done: &Finished) -> String {
    match done.code {
        None if !done.timed_out => "an abort".to_owned(),
        Some(TRAP_EXIT) => "an abort".to_owned(),
        Some(code) => format!("exit {code}"),
        None => "a time-out".to_owned(),
    }
}
