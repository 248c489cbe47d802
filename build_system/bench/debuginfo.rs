//! Section "debuginfo": what debug info costs. The generated crate built by LLVM and by ours at
//! `-Cdebuginfo` 0, line-tables-only and 2 (cargo's dev default): compile time, module bytes and
//! DWARF bytes, each build checked by running it.

use std::path::Path;

use super::Section;
use super::compile_inputs;
use super::measure::{Job, Stats};
use super::report::{self, Csv, Table};
use super::tools::{self, Backend, COMPILE_LIMIT, Tools};
use super::wasm_sections;
use crate::Res;
use crate::fsutil;

const LEVELS: &[&str] = &["0", "line-tables-only", "2"];

/// One build: its median compile time and the bytes of what it wrote.
struct Built {
    wall: Stats,
    module: u64,
    dwarf: u64,
}

pub fn section(tools: &Tools, runs: usize) -> Res<Section> {
    let out = tools.scratch.join("debuginfo");
    fsutil::fresh_dir(&out)?;
    let generated = compile_inputs::generate(tools, &out)?;
    let expected = fsutil::read_to_string(&tools.repo.join(compile_inputs::GENERATED_STDOUT))?;
    let mut table = Table::new(
        &format!(
            "Debug info: the generated crate (9.9k lines) at -Copt-level=0, median compile time of \
             {runs} runs, module and DWARF bytes"
        ),
        &[
            "-Cdebuginfo",
            "LLVM compile",
            "ours compile",
            "LLVM/ours",
            "LLVM module (DWARF)",
            "ours module (DWARF)",
        ],
    );
    let mut csv = Csv::new("debuginfo");
    for level in LEVELS {
        let mut cells = vec![(*level).to_owned()];
        let mut built = Vec::new();
        for backend in [Backend::Llvm, Backend::Ours] {
            eprintln!(
                "[bench] debuginfo: -Cdebuginfo={level} by {}",
                backend.label()
            );
            let result = build(tools, backend, level, &generated, &out, &expected, runs)?;
            csv.stats(
                "generated crate",
                &format!("{} -Cdebuginfo={level}", backend.key()),
                "compile",
                "s",
                &result.as_ref().map(|b| b.wall).map_err(Clone::clone),
            );
            built.push(result);
        }
        for result in &built {
            cells.push(match result {
                Ok(b) => report::duration(b.wall.median),
                Err(why) => report::failed_cell(why),
            });
        }
        cells.push(match (&built[0], &built[1]) {
            (Ok(llvm), Ok(ours)) => report::ratio(llvm.wall.median, ours.wall.median),
            _ => "-".to_owned(),
        });
        for result in &built {
            cells.push(match result {
                Ok(b) => format!("{} ({})", report::bytes(b.module), report::bytes(b.dwarf)),
                Err(why) => report::failed_cell(why),
            });
        }
        table.row(cells);
    }
    table.note(
        "ours at line-tables-only and 1: line tables, functions with linkage names (LLVM's line-tables-only \
         DWARF has no linkage names); at 2 also variables and types, without lexical scopes and inlined \
         frames (README, debug info). Command: `./y.sh bench --section debuginfo`",
    );
    Ok(Section {
        name: "debuginfo",
        tables: vec![table],
        csv,
    })
}

fn build(
    tools: &Tools,
    backend: Backend,
    level: &str,
    source: &Path,
    out: &Path,
    expected: &str,
    runs: usize,
) -> Res<Result<Built, String>> {
    let wasm = out.join(format!("{}-g{level}.wasm", backend.key()));
    let job = Job::new(tools.rustc(backend), &tools.repo)
        .args(["--edition", "2021", "-Copt-level=0"])
        .arg(format!("-Cdebuginfo={level}"))
        .arg("-o")
        .arg(&wasm)
        .arg(source);
    let mut walls = Vec::new();
    // The first compile fills the file cache and is checked, not timed.
    for run in 0..=runs {
        let sample = tools.measure(&job, COMPILE_LIMIT)?;
        if !sample.succeeded() {
            return Ok(Err(format!("compile failed: {}", sample.failure())));
        }
        if run == 0 {
            let ran = tools.measure(&tools.run_job(&wasm), tools::RUN_LIMIT)?;
            if let Err(why) = tools::check_output(&ran, expected) {
                return Ok(Err(why));
            }
        } else {
            walls.push(sample.wall.as_secs_f64());
        }
    }
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let Some(sizes) = wasm_sections::sizes(&bytes) else {
        return Ok(Err(format!("{} is not a wasm module", wasm.display())));
    };
    Ok(Ok(Built {
        wall: Stats::of(&walls),
        module: bytes.len() as u64,
        dwarf: sizes.dwarf,
    }))
}
