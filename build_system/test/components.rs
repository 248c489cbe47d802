//! The components group (wasm32-wasip2): programs built by our backend and by LLVM, linked by
//! wasm-component-ld into components and run by wasm-run with WASI 0.2. tests/components/cli.rs
//! checks what a command component gets from its host (arguments, environment, stdin, a
//! preopened directory, stderr, the exit status); every run-pass program is built by our backend
//! as a component against our wasm32-wasip2 std and held to its expected output (a failing exit
//! status is 1: WASI 0.2's `exit` carries no number), its header's checks applied to its own
//! core module inside the component.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::exec::{Compiler, Tools, ending, stderr_excerpt};
use super::outcome::{Outcome, first_difference};
use super::pool::Case;
use super::run_pass::{self, Build};
use super::{abi_component, component_http, component_new_project, gc};
use crate::Res;
use crate::fsutil;
use crate::process;

/// The component target's triple.
const TARGET: &str = "wasm32-wasip2";
const LIMIT: Duration = Duration::from_secs(120);
/// The target dir of the cargo projects built as components, in the cache.
const TARGET_DIR: &str = "components-target";
/// What tests/components/cli.rs is given on stdin.
const STDIN: &str = "first\nsecond\n";

pub fn cases(repo: &Path, cache: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let mut cases = Vec::new();
    let cargo_wasm = tools.wasm_run.with_file_name("cargo-wasm");
    let target_dir = cache.join(TARGET_DIR);
    {
        // Outside the repository: `cargo new` inside it would join its workspace.
        let (dist_bin, work) = (
            cargo_wasm.with_file_name(""),
            cache.join("components-new-project"),
        );
        cases.push(Case {
            name: format!("{group}/new-project"),
            run: Box::new(move || {
                outcome(component_new_project::check(
                    Path::new("cargo"),
                    &dist_bin,
                    &work,
                ))
            }),
        });
    }
    for mode in ["dev", "release"] {
        let (repo, cargo_wasm, target_dir) =
            (repo.to_path_buf(), cargo_wasm.clone(), target_dir.clone());
        cases.push(Case {
            name: format!("{group}/http-service[{mode}]"),
            run: Box::new(move || {
                outcome(component_http::check(&repo, &cargo_wasm, &target_dir, mode))
            }),
        });
    }
    for example in gc::examples(&fsutil::read_to_string(&repo.join(gc::MANIFEST))?) {
        let (repo, cargo_wasm, target_dir) =
            (repo.to_path_buf(), cargo_wasm.clone(), target_dir.clone());
        cases.push(Case {
            name: format!("{group}/wasm-crate/{example}"),
            run: Box::new(move || {
                outcome(check_gc_example(&repo, &cargo_wasm, &target_dir, &example))
            }),
        });
    }
    for compiler in [tools.under_test.clone(), tools.reference.clone()] {
        let (tools, out_dir) = (tools.clone(), out.join(format!("cli-{}", compiler.label)));
        cases.push(Case {
            name: format!("{group}/cli[{}]", compiler.label),
            run: Box::new(move || outcome(check_cli(&tools, &compiler, &out_dir))),
        });
    }
    let flags = vec!["--target".to_owned(), TARGET.to_owned()];
    for program in run_pass::programs(repo, &out.join("run-pass"), &format!("{group}/run-pass"))? {
        let (tools, flags) = (tools.clone(), flags.clone());
        cases.push(Case {
            name: program.name.clone(),
            run: Box::new(move || {
                let expected =
                    run_pass::expectations(&tools, &program).map(run_pass::Expected::for_component);
                outcome(expected.and_then(|expected| {
                    fsutil::fresh_dir(&program.out_dir)?;
                    let build = Build {
                        compiler: &tools.under_test,
                        flags: &flags,
                        tag: "component",
                    };
                    let wasm = run_pass::compile_and_run(&tools, &build, &program, &expected)?;
                    is_component(&wasm)
                }))
            }),
        });
    }
    Ok(cases)
}

/// The abi group's cases: tests/abi/component by our backend (dev) and by LLVM (release).
pub fn abi_cases(repo: &Path, cache: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    let cargo_wasm = tools.wasm_run.with_file_name("cargo-wasm");
    ["dev", "release"]
        .into_iter()
        .map(|mode| {
            let (repo, cargo_wasm, target_dir) = (
                repo.to_path_buf(),
                cargo_wasm.clone(),
                cache.join(TARGET_DIR),
            );
            Case {
                name: format!("{group}/component[{mode}]"),
                run: Box::new(move || {
                    outcome(abi_component::check(&repo, &cargo_wasm, &target_dir, mode))
                }),
            }
        })
        .collect()
}

fn outcome(result: Result<(), String>) -> Outcome {
    match result {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

/// Whether wasm-component-ld wrote a component, not a core module.
fn is_component(wasm: &Path) -> Result<(), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    // The preamble: magic, then version 0x0d and layer 1 (a component), not version 1 layer 0.
    if bytes.get(..8) == Some(b"\0asm\x0d\0\x01\0") {
        Ok(())
    } else {
        Err(format!("{} is not a component", wasm.display()))
    }
}

/// tests/components/cli.rs built by `compiler`, run with a preopened directory, arguments,
/// an environment variable and stdin; then again asking for a failing exit status.
fn check_cli(tools: &Tools, compiler: &Compiler, out_dir: &Path) -> Result<(), String> {
    fsutil::fresh_dir(out_dir)?;
    let label = compiler.label;
    let wasm = out_dir.join("cli.wasm");
    let compiled = tools.compile(
        compiler,
        Path::new("tests/components/cli.rs"),
        &[
            "--target".to_owned(),
            TARGET.to_owned(),
            "-o".to_owned(),
            wasm.display().to_string(),
        ],
    );
    if compiled.code != Some(0) {
        return Err(format!(
            "[{label}] compile failed ({}):\n{}",
            ending(&compiled, "compile"),
            stderr_excerpt(&compiled)
        ));
    }
    is_component(&wasm)?;
    fsutil::create_dir_all(&out_dir.join("data"))?;
    fsutil::write(&out_dir.join("data/given.txt"), "given by the host\n")?;
    let expected = fsutil::read_to_string(&tools.repo.join("tests/components/cli.stdout"))?;
    // WASI 0.2's `exit` carries success or failure, no number: any failing status becomes 1.
    for (status, expected_code) in [("0", 0), ("3", 1)] {
        let _ = std::fs::remove_file(out_dir.join("data/written.txt"));
        let mut cmd = Command::new("sh");
        cmd.current_dir(out_dir)
            .args(["-c", "printf \"$0\" | exec \"$@\"", STDIN])
            .arg(&tools.wasm_run)
            .args(["--dir", "data"])
            .arg(&wasm)
            .args(["data", status])
            .env("WASMRUST_COMPONENT_ENV", "from the host");
        let ran = process::run_or_report(&mut cmd, LIMIT);
        let stdout = String::from_utf8_lossy(&ran.stdout);
        let expected = expected.replace("@STATUS@", status);
        let mut problems = Vec::new();
        if ran.code != Some(expected_code) {
            problems.push(format!(
                "expected exit {expected_code}, got {}",
                ending(&ran, "run")
            ));
        }
        if stdout != expected {
            problems.push(format!(
                "stdout differs from tests/components/cli.stdout: {}",
                first_difference(&expected, &stdout)
            ));
        }
        if !String::from_utf8_lossy(&ran.stderr).contains("cli: a line on stderr\n") {
            problems.push("stderr lacks the program's line".to_owned());
        }
        if !problems.is_empty() {
            return Err(format!(
                "[{label}, exit {status}] {}\nstderr:\n{}",
                problems.join("\n"),
                stderr_excerpt(&ran)
            ));
        }
    }
    Ok(())
}

/// The example holding host imports: a component has no such host, so it must not compile.
const HOST_IMPORTS_EXAMPLE: &str = "externref_host";

/// One of the `wasm` crate's examples run as a component by `cargo wasm run --dev --target
/// wasip2` (its library implementation: no WasmGC lowering inside a component), held to its
/// expected output; the one with host imports must be refused at compile time, naming why.
fn check_gc_example(
    repo: &Path,
    cargo_wasm: &Path,
    target_dir: &Path,
    example: &str,
) -> Result<(), String> {
    let mut cmd = Command::new(cargo_wasm);
    cmd.current_dir(repo.join("crates/wasm"))
        .args([
            "run",
            "--dev",
            "--target",
            "wasip2",
            "--quiet",
            "--example",
            example,
        ])
        .arg("--target-dir")
        .arg(target_dir);
    let ran = process::run_or_report(&mut cmd, LIMIT);
    let stderr = String::from_utf8_lossy(&ran.stderr);
    if example == HOST_IMPORTS_EXAMPLE {
        const REFUSAL: &str =
            "error: `#[wasm::host_imports]` is not available in components (wasm32-wasip2)";
        return if ran.code != Some(0) && stderr.contains(REFUSAL) && ran.stdout.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "expected the compile error `{REFUSAL}`, got {}:\n{}",
                ending(&ran, "run"),
                stderr_excerpt(&ran)
            ))
        };
    }
    let expected_file = std::path::PathBuf::from(format!("example/{example}.stdout"));
    let expected = fsutil::read_to_string(&repo.join(&expected_file))?;
    gc::printed_example(&ran, &expected, &expected_file)
}
