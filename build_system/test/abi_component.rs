//! The abi group's component: tests/abi/component (a wit-bindgen world that exports
//! `wasmrust:abi/shapes`: records, variants, flags, options, results, lists, strings, 17
//! parameters, return areas) built by `cargo wasm build --target wasip2` with our backend (dev)
//! and with LLVM (release). wasm-component-ld checks each build's core signatures against the
//! canonical ABI's lowering of the WIT; wasm-run then calls every function of
//! tests/abi/component/invocations.txt through wasmtime's canonical ABI, and each result must be
//! the line of invocations.expected.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::component_build;
use super::exec::ending;
use crate::fsutil;
use crate::process;

const PROJECT: &str = "tests/abi/component";
const CALL_LIMIT: Duration = Duration::from_secs(60);

/// Builds the component in `mode` (dev or release) and checks every call.
pub fn check(repo: &Path, cargo_wasm: &Path, target_dir: &Path, mode: &str) -> Result<(), String> {
    let dir = repo.join(PROJECT);
    let wasm = component_build::build(cargo_wasm, &dir, target_dir, mode, "abi_component")?;
    let calls = fsutil::read_to_string(&dir.join("invocations.txt"))?;
    let results = fsutil::read_to_string(&dir.join("invocations.expected"))?;
    let (calls, results): (Vec<&str>, Vec<&str>) =
        (calls.lines().collect(), results.lines().collect());
    if calls.len() != results.len() {
        return Err(format!(
            "{PROJECT}: {} invocations but {} expected results",
            calls.len(),
            results.len()
        ));
    }
    let wasm_run = cargo_wasm.with_file_name("wasm-run");
    let mut problems = Vec::new();
    for (call, expected) in calls.iter().zip(&results) {
        let ran = process::run_or_report(
            Command::new(&wasm_run).arg("--invoke").arg(call).arg(&wasm),
            CALL_LIMIT,
        );
        let stdout = String::from_utf8_lossy(&ran.stdout);
        if ran.code != Some(0) {
            problems.push(format!(
                "{call}: {}: {}",
                ending(&ran, "call"),
                String::from_utf8_lossy(&ran.stderr).trim()
            ));
        } else if stdout.trim_end_matches('\n') != *expected {
            problems.push(format!(
                "{call}: got {:?}, expected {expected:?}",
                stdout.trim_end()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "[{mode}] {} of {} calls differ:\n  {}",
            problems.len(),
            calls.len(),
            problems.join("\n  ")
        ))
    }
}
