//! Cases of the extended group about `cargo wasm` itself: the example application built, run
//! and tested in both modes with exact output, and the command line's help, errors and exit codes.

use std::path::{Path, PathBuf};

use super::extended::Setup;
use super::outcome::{Outcome, first_difference, head};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::process::Finished;

/// The example application the README's main command builds and runs.
const EXAMPLE: &str = "example/resolver";
/// What `cargo wasm run` of the example prints, beside it.
const EXPECTED: &str = "example/resolver/expected.stdout";
/// `resolver --panic` panics on this line (the marker is a comment on it).
const PANIC_SOURCE: &str = "example/resolver/src/resolve.rs";
const PANIC_MARKER: &str = "the extended group finds this line in the backtrace";
/// The example's own unit tests.
const EXAMPLE_TESTS: &str = "test result: ok. 5 passed; 0 failed";
/// `resolver tool` cannot be resolved: exit 1 with this message.
const CONFLICT: &str = "error: conflict: tool 0.1.0 needs log =0.4.17, but log 0.4.21 was chosen";
/// A program that needs a thread.
const THREADS_MAIN: &str = "fn main() {\n    let worker = std::thread::spawn(|| 6 * 7);\n    \
                            println!(\"{}\", worker.join().unwrap());\n}\n";

pub fn cases(setup: &Setup, group: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for mode in ["dev", "release"] {
        let setup = setup.clone();
        cases.push(Case {
            name: format!("{group}/example/resolver/{mode}"),
            run: Box::new(move || outcome(example(&setup, mode))),
        });
    }
    let cli = setup.clone();
    cases.push(Case {
        name: format!("{group}/cargo-wasm/cli"),
        run: Box::new(move || outcome(command_line(&cli))),
    });
    let threads = setup.clone();
    cases.push(Case {
        name: format!("{group}/cargo-wasm/threads"),
        run: Box::new(move || outcome(threads_hint(&threads))),
    });
    cases
}

fn outcome(result: Res<()>) -> Outcome {
    match result {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A check of one command's exit status and output, with the output in the report.
fn expect(what: &str, ran: &Finished, code: i32, stdout: &[&str], stderr: &[&str]) -> Res<()> {
    let out = text(&ran.stdout);
    let err = text(&ran.stderr);
    let mut problems = Vec::new();
    if ran.code != Some(code) {
        problems.push(format!("expected exit {code}, got {:?}", ran.code));
    }
    for needle in stdout {
        if !out.contains(needle) {
            problems.push(format!("stdout lacks {needle:?}"));
        }
    }
    for needle in stderr {
        if !err.contains(needle) {
            problems.push(format!("stderr lacks {needle:?}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{what}: {}\nstdout:\n{}\nstderr:\n{}",
        problems.join("; "),
        head(&out, 30),
        head(&err, 30)
    ))
}

fn example(setup: &Setup, mode: &str) -> Res<()> {
    let dir = setup.repo.join(EXAMPLE);
    let expected = fsutil::read_to_string(&setup.repo.join(EXPECTED))?;
    let target = setup.target_dir().display().to_string();
    let mode_flag = format!("--{mode}");
    let common = [
        mode_flag.as_str(),
        "--locked",
        "--target-dir",
        target.as_str(),
    ];
    let run = |extra: &[&str]| {
        let mut args = vec!["run"];
        args.extend(common);
        args.extend(extra);
        setup.cargo_wasm(&dir, &args, false)
    };
    let ran = run(&[]);
    let module = if mode == "release" {
        "resolver.opt.wasm"
    } else {
        "resolver.wasm"
    };
    expect(
        &format!("cargo wasm run {mode_flag}"),
        &ran,
        0,
        &[],
        &[module],
    )?;
    let stdout = text(&ran.stdout);
    if stdout != expected {
        return Err(format!(
            "cargo wasm run {mode_flag}: stdout differs from {EXPECTED}: {}",
            first_difference(&expected, &stdout)
        ));
    }
    expect(
        &format!("cargo wasm run {mode_flag} -- tool"),
        &run(&["-q", "--", "tool"]),
        1,
        &[],
        &[CONFLICT],
    )?;
    if mode == "dev" {
        let line = panic_line(setup)?;
        // Dev builds unwind by default: the panic reaches `main`'s end, as natively.
        expect(
            "cargo wasm run --dev -- --panic tool",
            &run(&["-q", "--", "--panic", "tool"]),
            101,
            &[],
            &[&format!("panicked at src/resolve.rs:{line}:")],
        )?;
        // With panic=abort it traps; its own target dir keeps the default build's intact.
        let abort_target = setup
            .work
            .join("target-resolver-abort")
            .display()
            .to_string();
        let args = [
            "run",
            "--dev",
            "--locked",
            "--target-dir",
            &abort_target,
            "-q",
            "--",
            "--panic",
            "tool",
        ];
        let aborted = setup.cargo_wasm_with(&dir, &args, false, Some("-Cpanic=abort"));
        panic_backtrace(setup, &aborted, line)?;
    }
    let mut args = vec!["test"];
    args.extend(common);
    let tested = setup.cargo_wasm(&dir, &args, true);
    expect(
        &format!("cargo wasm test {mode_flag}"),
        &tested,
        0,
        &[EXAMPLE_TESTS],
        &[],
    )
}

/// The line of `resolver --panic`'s panic: the one marked in its source.
fn panic_line(setup: &Setup) -> Res<usize> {
    let source = fsutil::read_to_string(&setup.repo.join(PANIC_SOURCE))?;
    Ok(source
        .lines()
        .position(|text| text.contains(PANIC_MARKER))
        .ok_or_else(|| format!("{PANIC_SOURCE} has no line marked `{PANIC_MARKER}`"))?
        + 1)
}

/// `resolver --panic tool` built with panic=abort traps in `resolve_or_panic`: the backtrace of
/// a dev build names the marked `line` of its source, and `main`'s call of it.
fn panic_backtrace(setup: &Setup, ran: &Finished, line: usize) -> Res<()> {
    let at = format!("at {}/{PANIC_SOURCE}:{line}:", setup.repo.display());
    expect(
        "RUSTFLAGS=-Cpanic=abort cargo wasm run --dev -- --panic tool",
        ran,
        134,
        &[],
        &[
            "panicked at src/resolve.rs",
            // wasmtime prints v0 names with the crate's disambiguator: `resolver[HASH]::...`.
            "]::resolve::resolve_or_panic\n",
            &at,
            "]::main\n",
            "example/resolver/src/main.rs:",
        ],
    )
}

fn command_line(setup: &Setup) -> Res<()> {
    let dir = setup.repo.join(EXAMPLE);
    let target = setup.target_dir().display().to_string();
    let help = setup.cargo_wasm(&dir, &["--help"], false);
    expect(
        "cargo wasm --help",
        &help,
        0,
        &[
            "commands:",
            "build",
            "run",
            "test",
            "size",
            "doctor",
            "exit status:",
        ],
        &[],
    )?;
    for command in ["build", "run", "test", "size", "doctor"] {
        let ran = setup.cargo_wasm(&dir, &[command, "--help"], false);
        expect(
            &format!("cargo wasm {command} --help"),
            &ran,
            0,
            &[&format!("cargo wasm {command}: ")],
            &[],
        )?;
    }
    expect(
        "cargo wasm frobnicate",
        &setup.cargo_wasm(&dir, &["frobnicate"], false),
        2,
        &[],
        &["unknown command `frobnicate`"],
    )?;
    expect(
        "cargo wasm build --dev --release",
        &setup.cargo_wasm(&dir, &["build", "--dev", "--release"], false),
        2,
        &[],
        &["exclude each other"],
    )?;
    expect(
        "cargo wasm build --target wasm32-wasip1-threads",
        &setup.cargo_wasm(&dir, &["build", "--target", "wasm32-wasip1-threads"], false),
        1,
        &[],
        &["is not supported", "note: use `--target wasi`"],
    )?;
    expect(
        "cargo wasm size",
        &setup.cargo_wasm(
            &dir,
            &["size", "--locked", "--target-dir", &target, "-n", "3"],
            false,
        ),
        0,
        &["resolver.wasm: ", "\ncode ", "3 largest of "],
        &[],
    )?;
    expect(
        "cargo wasm doctor",
        &setup.cargo_wasm(&dir, &["doctor"], false),
        0,
        &[
            "ok       dev pipeline",
            "ok       release pipeline",
            "\n0 problem(s)",
        ],
        &[],
    )
}

/// A program that spawns a thread: wasm32-wasip1 has none, and the run says so (the failed
/// spawn panics, which unwinds to `main`'s end: 101).
fn threads_hint(setup: &Setup) -> Res<()> {
    let dir: PathBuf = setup.out.join("threads");
    fsutil::create_dir_all(&dir.join("src"))?;
    fsutil::write(
        &dir.join("Cargo.toml"),
        "[package]\nname = \"threads\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[workspace]\n",
    )?;
    fsutil::write(&dir.join("src/main.rs"), THREADS_MAIN)?;
    let target = setup.target_dir().display().to_string();
    let ran = setup.cargo_wasm(&dir, &["run", "--target-dir", &target], false);
    expect(
        "cargo wasm run (a program spawning a thread)",
        &ran,
        101,
        &[],
        &[
            "failed to spawn thread",
            "note: wasm32-wasip1 has no threads",
        ],
    )?;
    let atomics = with_rustflags(setup, &dir, "-Ctarget-feature=+atomics");
    expect(
        "RUSTFLAGS=-Ctarget-feature=+atomics cargo wasm build",
        &atomics,
        1,
        &[],
        &["needs threads"],
    )
}

fn with_rustflags(setup: &Setup, dir: &Path, flags: &str) -> Finished {
    let mut cmd = std::process::Command::new(&setup.cargo_wasm);
    cmd.current_dir(dir)
        .args(["wasm", "build"])
        .env("RUSTFLAGS", flags);
    crate::process::run_captured(&mut cmd, std::time::Duration::from_secs(300)).unwrap_or_else(
        |message| Finished {
            code: None,
            stdout: Vec::new(),
            stderr: message.into_bytes(),
            timed_out: false,
        },
    )
}
