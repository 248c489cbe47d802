//! The no_sysroot group: the `#![no_core]` mini_core library and the hello world linked against
//! it, compiled by the backend under test, run in wasm-run and compared with the expected stdout.

use std::path::{Path, PathBuf};

use super::exec::{Tools, ending, stderr_excerpt};
use super::header::Header;
use super::outcome::{Outcome, first_difference};
use super::pool::Case;
use crate::Res;
use crate::fsutil;

const MINI_CORE: &str = "example/mini_core.rs";
const HELLO: &str = "example/mini_core_hello_world.rs";

/// Two cases in order (run them with one job): the library, then the program that needs it.
pub fn cases(out: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    let out = out.to_path_buf();
    let (lib_tools, lib_out) = (tools.clone(), out.clone());
    let hello_tools = tools.clone();
    vec![
        Case {
            name: format!("{group}/mini_core"),
            run: Box::new(move || outcome(build_mini_core(&lib_tools, &lib_out))),
        },
        Case {
            name: format!("{group}/mini_core_hello_world"),
            run: Box::new(move || outcome(hello_world(&hello_tools, &out))),
        },
    ]
}

fn outcome(result: Res<()>) -> Outcome {
    match result {
        Ok(()) => Outcome::Passed,
        Err(message) => Outcome::Failed(message),
    }
}

fn rlib(out: &Path) -> PathBuf {
    out.join("libmini_core.rlib")
}

fn build_mini_core(tools: &Tools, out: &Path) -> Res<()> {
    fsutil::remove_file(&rlib(out))?;
    let header = Header::parse(&fsutil::read_to_string(&tools.repo.join(MINI_CORE))?);
    let mut flags = header.rustc_flags(&["--crate-type=lib", "--crate-name=mini_core"]);
    flags.extend(["-o".to_owned(), rlib(out).display().to_string()]);
    compile(tools, Path::new(MINI_CORE), &flags)
}

fn hello_world(tools: &Tools, out: &Path) -> Res<()> {
    if !rlib(out).is_file() {
        return Err(format!("needs {MINI_CORE}, which did not build"));
    }
    let source = fsutil::read_to_string(&tools.repo.join(HELLO))?;
    let expected_stdout =
        fsutil::read_to_string(&tools.repo.join(Path::new(HELLO).with_extension("stdout")))
            .map_err(|e| format!("missing expectation: {e}"))?;
    let header = Header::parse(&source);
    let wasm = out.join("mini_core_hello_world.wasm");
    let mut flags = header.rustc_flags(&["--crate-type=bin"]);
    flags.extend([
        "-L".to_owned(),
        format!("crate={}", out.display()),
        "-o".to_owned(),
        wasm.display().to_string(),
    ]);
    compile(tools, Path::new(HELLO), &flags)?;
    let ran = tools.run(&wasm, &header.run_args);
    let stdout = String::from_utf8_lossy(&ran.stdout);
    let mut problems = Vec::new();
    if ran.timed_out || ran.code != Some(0) {
        problems.push(format!("expected exit 0, got {}", ending(&ran, "run")));
    }
    if stdout != expected_stdout {
        problems.push(format!(
            "stdout: {}",
            first_difference(&expected_stdout, &stdout)
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(format!("program stderr:\n{}", stderr_excerpt(&ran)));
    Err(problems.join("\n"))
}

fn compile(tools: &Tools, source: &Path, flags: &[String]) -> Res<()> {
    let compiled = tools.compile(&tools.under_test, source, flags);
    if compiled.code == Some(0) && !compiled.timed_out {
        return Ok(());
    }
    Err(format!(
        "[{}] compile failed ({}):\n{}",
        tools.under_test.label,
        ending(&compiled, "compile"),
        stderr_excerpt(&compiled)
    ))
}
