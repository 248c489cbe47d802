//! Section 3: run speed in wasm-run (wasmtime) of the programs in tests/bench/run/, our dev
//! build against LLVM debug and LLVM release, and what unwinding costs ours (module bytes and
//! run time with `-Cpanic=unwind` against panic=abort); each run's output is checked.

use std::path::{Path, PathBuf};

use super::Section;
use super::measure::{Job, Stats};
use super::report::{self, Csv, Table};
use super::tools::{self, Backend, COMPILE_LIMIT, RUN_LIMIT, Tools};
use crate::Res;
use crate::fsutil;

const RUN_DIR: &str = "tests/bench/run";
const PROGRAMS: &[&str] = &[
    "nbody",
    "fannkuch_redux",
    "spectral_norm",
    "mandelbrot",
    "binary_trees",
    "strings_hashmap",
];

/// The columns: compiler, flags, and `--sysroot` when not the wrapper's default.
struct Variant {
    label: &'static str,
    key: &'static str,
    backend: Backend,
    flags: &'static [&'static str],
}

const VARIANTS: &[Variant] = &[
    Variant {
        label: "LLVM release",
        key: "llvm-release",
        backend: Backend::Llvm,
        flags: &["-Copt-level=3", "-Ccodegen-units=1"],
    },
    Variant {
        label: "LLVM debug",
        key: "llvm-debug",
        backend: Backend::Llvm,
        flags: &["-Copt-level=0"],
    },
    Variant {
        label: "ours dev",
        key: "ours-dev",
        backend: Backend::Ours,
        flags: &["-Copt-level=0"],
    },
    Variant {
        label: "ours dev, LLVM's std",
        key: "ours-dev-llvm-std",
        backend: Backend::Ours,
        flags: &["-Copt-level=0", "--sysroot", "llvm"],
    },
    // rustc-wasm takes dist/sysroot-unwind for -Cpanic=unwind.
    Variant {
        label: "ours dev, unwind",
        key: "ours-dev-unwind",
        backend: Backend::Ours,
        flags: &["-Copt-level=0", "-Cpanic=unwind"],
    },
];
/// Indices into VARIANTS of the columns the ratios compare.
const LLVM_RELEASE: usize = 0;
const LLVM_DEBUG: usize = 1;
const OURS: usize = 2;
const OURS_UNWIND: usize = 4;

pub fn section(tools: &Tools, vendored: &Path, runs: usize) -> Res<Section> {
    let out = tools.scratch.join("run");
    fsutil::fresh_dir(&out)?;
    let mut header = vec!["program"];
    header.extend(VARIANTS.iter().map(|v| v.label));
    header.extend(["ours ÷ LLVM debug", "ours ÷ LLVM release"]);
    let mut table = Table::new(
        &format!("Run speed in wasmtime (median of {runs} runs, seconds; lower is better)"),
        &header,
    );
    let mut csv = Csv::new("run");
    let mut failures = Vec::new();
    let mut unwind_costs = Table::new(
        "What unwinding costs ours: -Cpanic=unwind against panic=abort (same programs and runs)",
        &[
            "program",
            "module bytes, abort",
            "module bytes, unwind",
            "bytes unwind ÷ abort",
            "run time unwind ÷ abort",
        ],
    );
    for program in PROGRAMS {
        let expected =
            fsutil::read_to_string(&tools.repo.join(RUN_DIR).join(format!("{program}.stdout")))?;
        // Build and check every variant first, then time them in turns.
        let mut built: Vec<Result<(Job, Vec<f64>), String>> = Vec::new();
        for variant in VARIANTS {
            eprintln!("[bench] run: build and check {program} ({})", variant.label);
            built.push(
                build_and_check(tools, program, variant, &expected, &out)?
                    .map(|job| (job, Vec::new())),
            );
        }
        for run in 0..runs {
            eprintln!("[bench] run: {program}, run {} of {runs}", run + 1);
            // Alternate the order, so slow drifts of the machine hit every variant alike.
            let order: Vec<usize> = if run % 2 == 0 {
                (0..built.len()).collect()
            } else {
                (0..built.len()).rev().collect()
            };
            for i in order {
                let entry = &mut built[i];
                let Ok((job, times)) = entry else { continue };
                let sample = tools.measure(job, RUN_LIMIT)?;
                match tools::check_output(&sample, &expected) {
                    Ok(()) => times.push(sample.wall.as_secs_f64()),
                    Err(why) => *entry = Err(why),
                }
            }
        }
        let stats: Vec<Result<Stats, String>> = built
            .iter()
            .map(|entry| {
                entry
                    .as_ref()
                    .map(|(_, times)| Stats::of(times))
                    .map_err(Clone::clone)
            })
            .collect();
        let mut row = vec![(*program).to_owned()];
        for (variant, stats) in VARIANTS.iter().zip(&stats) {
            csv.stats(program, variant.key, "run", "s", stats);
            row.push(match stats {
                Ok(s) => format!("{:.2}", s.median),
                Err(why) => {
                    failures.push(format!("{program} / {}: {why}", variant.label));
                    report::failed_cell(why)
                }
            });
        }
        let ratio = |ours: &Result<Stats, String>, llvm: &Result<Stats, String>| match (ours, llvm)
        {
            (Ok(o), Ok(l)) => report::ratio(o.median, l.median),
            _ => "–".to_owned(),
        };
        row.push(ratio(&stats[OURS], &stats[LLVM_DEBUG]));
        row.push(ratio(&stats[OURS], &stats[LLVM_RELEASE]));
        table.row(row);
        let bytes = |variant: &Variant| {
            std::fs::metadata(out.join(format!("{program}-{}.wasm", variant.key)))
                .map(|m| m.len())
                .unwrap_or(0)
        };
        let (abort, unwind) = (bytes(&VARIANTS[OURS]), bytes(&VARIANTS[OURS_UNWIND]));
        unwind_costs.row(vec![
            (*program).to_owned(),
            abort.to_string(),
            unwind.to_string(),
            report::ratio(unwind as f64, abort as f64),
            ratio(&stats[OURS_UNWIND], &stats[OURS]),
        ]);
    }
    unwind_costs.note("Both built by our backend at -Copt-level=0, each against its own std (dist/ and dist/sysroot-unwind, both built by our backend); run times are the medians of the table above.");
    table.note("Sources in tests/bench/run/ (each prints a checksum; every timed run must print the expected output). Wall time of `dist/bin/wasm-run FILE.wasm`, wasmtime's module cache warm (one untimed run first), so start-up and instantiation are included but not Cranelift's compile.");
    table.note("LLVM release = `-Copt-level=3 -Ccodegen-units=1` (cargo's release profile with one CGU, no LTO); debug/dev = `-Copt-level=0`. \"ours dev\" links the std built by our backend, \"LLVM's std\" the LLVM-built one (`--sysroot llvm`): the difference is the std's code. \"ours dev, unwind\" is built with `-Cpanic=unwind` against the unwinding std (table below). Ratios use \"ours dev\".");
    for why in failures {
        table.note(format!("FAILED {why}"));
    }
    let mut tables = vec![table, unwind_costs];
    tables.extend(super::gc_run::tables(tools, vendored, runs, &mut csv)?);
    Ok(Section {
        name: "run",
        tables,
        csv,
    })
}

/// Compiles `program` as `variant` and runs it once (untimed: fills wasmtime's cache) to check it.
fn build_and_check(
    tools: &Tools,
    program: &str,
    variant: &Variant,
    expected: &str,
    out: &Path,
) -> Res<Result<Job, String>> {
    let wasm: PathBuf = out.join(format!("{program}-{}.wasm", variant.key));
    let compile = Job::new(tools.rustc(variant.backend), &tools.repo)
        .args(["--edition", "2021"])
        .args(variant.flags)
        .arg("-o")
        .arg(&wasm)
        .arg(tools.repo.join(RUN_DIR).join(format!("{program}.rs")));
    let sample = tools.measure(&compile, COMPILE_LIMIT)?;
    if !sample.succeeded() {
        return Ok(Err(format!("compile failed: {}", sample.failure())));
    }
    let job = tools.run_job(&wasm);
    let sample = tools.measure(&job, tools::RUN_LIMIT)?;
    Ok(tools::check_output(&sample, expected).map(|()| job))
}
