//! The diagnostics group: programs the backend must reject with the expected messages and spans,
//! writing no .wasm.

use std::path::{Path, PathBuf};

use super::exec::{Tools, ending, stderr_excerpt};
use super::header::Header;
use super::outcome::Outcome;
use super::pool::Case;
use crate::Res;
use crate::fsutil;

/// rustc's exit status after an internal compiler error: a crash is not a diagnostic.
const ICE_EXIT: i32 = 101;

pub fn cases(repo: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let dir = repo.join("tests/diagnostics");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    Ok(fsutil::files_in(&dir)?
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| path.strip_prefix(repo).ok().map(Path::to_path_buf))
        .map(|source| {
            let stem = source
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let out_dir = out.join(&stem);
            let tools = tools.clone();
            Case {
                name: format!("{group}/{stem}"),
                run: Box::new(move || match check(&tools, &source, &out_dir) {
                    Ok(()) => Outcome::Passed,
                    Err(message) => Outcome::Failed(message),
                }),
            }
        })
        .collect())
}

fn check(tools: &Tools, source: &PathBuf, out_dir: &Path) -> Res<()> {
    let expected_path = source.with_extension("stderr-contains");
    let expected = fsutil::read_to_string(&tools.repo.join(&expected_path))
        .map_err(|e| format!("missing expectation: {e}"))?;
    let header = Header::parse(&fsutil::read_to_string(&tools.repo.join(source))?);
    fsutil::fresh_dir(out_dir)?;
    let mut flags = header.rustc_flags(&[]);
    for (name, path) in &header.aux_crates {
        let rlib = out_dir.join(format!("lib{name}.rlib"));
        let built = tools.compile(
            &tools.under_test,
            Path::new(path),
            &[
                format!("--edition={}", super::header::DEFAULT_EDITION),
                "--crate-type=rlib".to_owned(),
                format!("--crate-name={name}"),
                "-o".to_owned(),
                rlib.display().to_string(),
            ],
        );
        if built.code != Some(0) {
            return Err(format!(
                "aux crate {name} ({path}) did not build ({}):\n{}",
                ending(&built, "compile"),
                stderr_excerpt(&built)
            ));
        }
        flags.push(format!("--extern={name}={}", rlib.display()));
    }
    flags.extend([
        "-o".to_owned(),
        out_dir.join("program.wasm").display().to_string(),
    ]);
    let compiled = tools.compile(&tools.under_test, source, &flags);
    let stderr = String::from_utf8_lossy(&compiled.stderr);
    let mut problems = Vec::new();
    match compiled.code {
        Some(0) => problems.push("the compiler accepted the program".to_owned()),
        Some(ICE_EXIT) => {
            problems.push("the compiler crashed (internal compiler error)".to_owned())
        }
        _ if compiled.timed_out => {
            problems.push(format!("the compiler {}", ending(&compiled, "compile")))
        }
        _ => {}
    }
    for line in expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        if !stderr.contains(line) {
            problems.push(format!("stderr lacks: {line}"));
        }
    }
    // Optional: lines that must not appear (a lookalike that must not be reported).
    let lacks_path = tools.repo.join(source.with_extension("stderr-lacks"));
    if lacks_path.is_file() {
        for line in fsutil::read_to_string(&lacks_path)?
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
        {
            if stderr.contains(line) {
                problems.push(format!("stderr contains what it must not: {line}"));
            }
        }
    }
    let written: Vec<String> = fsutil::files_in(out_dir)?
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .map(|path| path.display().to_string())
        .collect();
    if !written.is_empty() {
        problems.push(format!("output written anyway: {}", written.join(", ")));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(format!(
        "compiler ({}) stderr:\n{}",
        ending(&compiled, "compile"),
        stderr_excerpt(&compiled)
    ));
    Err(problems.join("\n"))
}
