//! The gc group: the `wasm` crate on stable Rust. Its tests natively, and each of its examples
//! three ways, each compared with example/NAME.stdout: natively, as wasm32-wasip1 built by stable
//! rustc + LLVM, and built by our backend with `cargo wasm build --dev` (still the library
//! fallback: the WasmGC lowering of contract v1 is issue 7).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::{Tools, ending, stderr_excerpt};
use super::outcome::{Outcome, first_difference, head};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

/// The crate's report: the group is wired to what it documents (examples, host imports).
const REPORTS: &[&str] = &["crates/wasm/HOST-ABI.md"];
const MANIFEST: &str = "crates/wasm/Cargo.toml";
/// Stable builds of the crate, tests included, are slow the first time.
const CARGO_LIMIT: Duration = Duration::from_secs(900);

/// Everything a gc case needs; cloned into each case.
#[derive(Clone)]
struct Setup {
    tools: Tools,
    /// Target dir for the stable toolchain's builds (kept apart from the nightly ones).
    target_dir: PathBuf,
    /// Target dir of the `cargo wasm` builds.
    ours_target_dir: PathBuf,
}

pub fn cases(repo: &Path, cache: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let missing: Vec<&str> = REPORTS
        .iter()
        .copied()
        .filter(|doc| !repo.join(doc).is_file())
        .collect();
    if !missing.is_empty() {
        let reason = format!(
            "FIXME(issue 3): {} not written yet; the wasm crate is NOT tested",
            missing.join(" and ")
        );
        eprintln!("[test] !!! group {group} SKIPPED: {reason}");
        return Ok(vec![Case {
            name: format!("{group}/wasm-crate"),
            run: Box::new(move || Outcome::Skipped(reason)),
        }]);
    }
    let setup = Setup {
        tools: tools.clone(),
        target_dir: cache.join("stable-target"),
        ours_target_dir: cache.join("gc-cargo-wasm-target"),
    };
    let mut cases = vec![{
        let setup = setup.clone();
        Case {
            name: format!("{group}/cargo-test"),
            run: Box::new(move || cargo_test(&setup)),
        }
    }];
    if !tools.under_test.label.starts_with("llvm") {
        let setup = setup.clone();
        let out = out.to_path_buf();
        cases.push(Case {
            name: format!("{group}/recognition/real-crate"),
            run: Box::new(move || match recognizes_real_crate(&setup, &out) {
                Ok(()) => Outcome::Passed,
                Err(message) => Outcome::Failed(message),
            }),
        });
    }
    for example in examples(&fsutil::read_to_string(&repo.join(MANIFEST))?) {
        for way in [Way::Native, Way::Wasm32Llvm, Way::Wasm32Ours] {
            let setup = setup.clone();
            let example = example.clone();
            cases.push(Case {
                name: format!("{group}/{example}/{}", way.label(&setup.tools)),
                run: Box::new(move || match check_example(&setup, &example, way) {
                    Ok(()) => Outcome::Passed,
                    Err(message) => Outcome::Failed(message),
                }),
            });
        }
    }
    Ok(cases)
}

/// How an example is built and run.
#[derive(Clone, Copy)]
enum Way {
    /// `cargo +stable run`.
    Native,
    /// stable rustc + LLVM for wasm32-wasip1, run in wasm-run.
    Wasm32Llvm,
    /// `cargo wasm build --dev` (our backend and sysroot), run in wasm-run.
    Wasm32Ours,
}

impl Way {
    fn label(self, tools: &Tools) -> &'static str {
        match self {
            Way::Native => "native",
            Way::Wasm32Llvm => "wasm32-llvm",
            // `--llvm-as-backend` checks the harness: `cargo wasm build --release` then.
            Way::Wasm32Ours if tools.under_test.label == "llvm-as-backend" => {
                "wasm32-llvm-as-backend"
            }
            Way::Wasm32Ours => "wasm32-ours-fallback",
        }
    }
}

/// The `name = "..."` of every `[[example]]` table in the crate's manifest.
fn examples(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_example = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_example = line == "[[example]]";
        } else if in_example
            && let Some(value) = line.strip_prefix("name").map(str::trim_start)
            && let Some(value) = value.strip_prefix('=')
        {
            names.push(value.trim().trim_matches('"').to_owned());
        }
    }
    names
}

/// `cargo +stable ARGS -p wasm` from the repository root, output captured.
fn stable_cargo(setup: &Setup, args: &[&str]) -> Finished {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&setup.tools.repo)
        .arg("+stable")
        .args(args)
        .args(["-p", "wasm"])
        // The environment, not --target-dir: trybuild (compile-fail tests) follows it too.
        .env("CARGO_TARGET_DIR", &setup.target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    let description = process::describe(&cmd);
    process::run_captured(&mut cmd, CARGO_LIMIT).unwrap_or_else(|message| Finished {
        code: None,
        stdout: Vec::new(),
        stderr: format!("{message}\n(command: {description})").into_bytes(),
        timed_out: false,
    })
}

fn cargo_test(setup: &Setup) -> Outcome {
    let finished = stable_cargo(setup, &["test"]);
    if finished.code == Some(0) {
        return Outcome::Passed;
    }
    // Test failures are summarized at the end of the output.
    let stdout = String::from_utf8_lossy(&finished.stdout);
    let tail: Vec<&str> = stdout.lines().rev().take(30).collect();
    Outcome::Failed(format!(
        "cargo +stable test -p wasm: {}\n{}\nstderr:\n{}",
        ending(&finished, "cargo"),
        tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
        head(&String::from_utf8_lossy(&finished.stderr), 30)
    ))
}

fn check_example(setup: &Setup, example: &str, way: Way) -> Res<()> {
    let stdout_file = PathBuf::from(format!("example/{example}.stdout"));
    let expected = fsutil::read_to_string(&setup.tools.repo.join(&stdout_file))
        .map_err(|e| format!("missing expectation: {e}"))?;
    let ran = match way {
        Way::Native => stable_cargo(setup, &["run", "--quiet", "--example", example]),
        Way::Wasm32Llvm => {
            let built = stable_cargo(
                setup,
                &["build", "--example", example, "--target", "wasm32-wasip1"],
            );
            if built.code != Some(0) {
                return Err(format!(
                    "cargo +stable build ({}):\n{}",
                    ending(&built, "cargo"),
                    stderr_excerpt(&built)
                ));
            }
            let wasm = setup
                .target_dir
                .join("wasm32-wasip1/debug/examples")
                .join(format!("{example}.wasm"));
            setup.tools.run(&wasm, &[])
        }
        Way::Wasm32Ours => {
            let wasm = build_with_cargo_wasm(setup, example)?;
            setup.tools.run(&wasm, &[])
        }
    };
    let stdout = String::from_utf8_lossy(&ran.stdout);
    let mut problems = Vec::new();
    if ran.code != Some(0) {
        problems.push(format!("expected exit 0, got {}", ending(&ran, "run")));
    }
    if stdout != expected {
        problems.push(format!(
            "stdout differs from {}: {}",
            stdout_file.display(),
            first_difference(&expected, &stdout)
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(format!("stderr:\n{}", stderr_excerpt(&ran)));
    Err(problems.join("\n"))
}

/// `cargo wasm build --dev -p wasm --example NAME` with dist/'s cargo-wasm; the module's path.
fn build_with_cargo_wasm(setup: &Setup, example: &str) -> Res<PathBuf> {
    let release = setup.tools.under_test.label == "llvm-as-backend";
    let mode = if release { "--release" } else { "--dev" };
    let target_dir = setup.ours_target_dir.display().to_string();
    let mut cmd = Command::new(setup.tools.wasm_run.with_file_name("cargo-wasm"));
    cmd.current_dir(&setup.tools.repo)
        .args([
            "wasm",
            "build",
            mode,
            "-p",
            "wasm",
            "--example",
            example,
            "--target-dir",
        ])
        .arg(&target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    let description = process::describe(&cmd);
    let built = process::run_captured(&mut cmd, CARGO_LIMIT)?;
    if built.code != Some(0) {
        return Err(format!(
            "`{description}` ({}):\n{}",
            ending(&built, "cargo"),
            stderr_excerpt(&built)
        ));
    }
    let stderr = String::from_utf8_lossy(&built.stderr);
    if let Some(line) = stderr
        .lines()
        .find(|line| line.contains("wasm_recognition"))
    {
        return Err(format!(
            "`{description}`: the real wasm crate and its examples must verify cleanly, but: {line}"
        ));
    }
    let profile = if release { "release" } else { "debug" };
    let file = if release {
        format!("{example}.opt.wasm")
    } else {
        format!("{example}.wasm")
    };
    Ok(setup
        .ours_target_dir
        .join("wasm32-wasip1")
        .join(profile)
        .join("examples")
        .join(file))
}

/// A package using the real `wasm` crate that transmutes an `ExternRef`: our backend must find
/// contract v1 in it and report `wasm_recognition::gc_handle_escape` (a warning by default) at
/// the transmute, and still build the program.
fn recognizes_real_crate(setup: &Setup, out: &Path) -> Res<()> {
    let dir = out.join("recognition");
    fsutil::create_dir_all(&dir.join("src"))?;
    let wasm_crate = setup.tools.repo.join("crates/wasm");
    fsutil::write(
        &dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"recognition\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             [dependencies]\nwasm = {{ path = \"{}\" }}\n[workspace]\n",
            wasm_crate.display()
        ),
    )?;
    fsutil::write(
        &dir.join("src/main.rs"),
        "fn main() {\n    let host = wasm::ExternRef::null();\n    \
         let bits: u32 = unsafe { std::mem::transmute(host) };\n    println!(\"{bits}\");\n}\n",
    )?;
    let mut cmd = Command::new(setup.tools.wasm_run.with_file_name("cargo-wasm"));
    cmd.current_dir(&dir)
        .args(["wasm", "build", "--dev", "--target-dir"])
        .arg(&setup.ours_target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    let built = process::run_captured(&mut cmd, CARGO_LIMIT)?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let wanted = [
        // rustc names the type by its public path, the re-export `wasm::ExternRef`.
        "warning: a `wasm::ExternRef` is transmuted to `u32` (wasm_recognition::gc_handle_escape)",
        "src/main.rs:3:30",
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|line| !stderr.contains(line))
        .collect();
    if built.code != Some(0) || !missing.is_empty() {
        return Err(format!(
            "cargo wasm build --dev ({}) lacks {missing:?}; stderr:\n{}",
            ending(&built, "cargo"),
            head(&stderr, 40)
        ));
    }
    Ok(())
}
