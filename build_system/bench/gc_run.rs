//! binary-trees on `Box` (linear memory) against the same program on `wasm::Gc`, accelerated to
//! WasmGC structs by our backend (dev) and by the post-link lowering of LLVM's release build,
//! and a particle workload on `Gc` with typed locals on and off and in release: time and peak
//! memory of the runner, medians of several runs.

use std::path::Path;

use super::cargo::{self, Build};
use super::measure::{Job, Stats};
use super::report::{self, Csv, Table};
use super::tools::{self, Backend, COMPILE_LIMIT, RUN_LIMIT, Tools};
use crate::Res;
use crate::fsutil;

const BOX_SOURCE: &str = "tests/bench/run/binary_trees.rs";
/// Both programs print this (the Gc one is the same algorithm and output).
const EXPECTED: &str = "tests/bench/run/binary_trees.stdout";
const GC_PACKAGE: &str = "gc_binary_trees";
const PARTICLES_PACKAGE: &str = "gc_particles";
const PARTICLES_EXPECTED: &str = "tests/bench/run/gc_particles.stdout";
/// As `cargo wasm build --dev` builds it.
const ACCELERATE: &str = "-Cllvm-args=wasm-gc=accelerate";
/// The same with typed locals turned off: every handle a root-table slot.
const ACCELERATE_ROOTED: &str =
    "-Cllvm-args=wasm-gc=accelerate -Cllvm-args=wasm-gc-typed-locals=off";

/// One row: how the program is built.
enum Recipe {
    /// rustc on binary_trees.rs with these flags.
    Box(Backend, &'static [&'static str]),
    /// cargo build of a Gc package (dev profile) with these rustflags, run with these
    /// wasm-run options.
    Gc(&'static str, Backend, &'static str, &'static [&'static str]),
    /// `cargo wasm build --release` of a Gc package, step by step: LLVM at opt-level 3, the
    /// `wasm` crate's release form lowered to WasmGC (`true`) or its library fallback
    /// (`false`), then wasm-opt with cargo wasm's default flags.
    Release(&'static str, bool),
}

/// rustflags of the release rows: cargo's release opt-level (the bench's release profile is the
/// size one), no LTO (the default std has no bitcode), and the release form where it is asked.
const RELEASE_FLAGS: &str = "-Copt-level=3 -Clto=off";
const RELEASE_FORM_FLAGS: &str = "-Copt-level=3 -Clto=off --cfg wasm_gc_imports";
/// What `cargo wasm build --release` gives wasm-opt (crates/cargo-wasm/src/wasm_opt.rs).
const WASM_OPT_FLAGS: &[&str] = &[
    "--all-features",
    "--disable-compact-imports",
    "--disable-custom-descriptors",
    "-O3",
];

const ROWS: &[(&str, Recipe)] = &[
    (
        "Box, LLVM release",
        Recipe::Box(Backend::Llvm, &["-Copt-level=3", "-Ccodegen-units=1"]),
    ),
    (
        "Box, ours dev",
        Recipe::Box(Backend::Ours, &["-Copt-level=0"]),
    ),
    (
        "Gc as WasmGC, ours dev (accelerated), copying collector",
        Recipe::Gc(
            GC_PACKAGE,
            Backend::Ours,
            ACCELERATE,
            &["--collector", "copying"],
        ),
    ),
    (
        "Gc as WasmGC, ours dev (accelerated), deferred reference counting",
        Recipe::Gc(
            GC_PACKAGE,
            Backend::Ours,
            ACCELERATE,
            &["--collector", "drc"],
        ),
    ),
    (
        "Gc on the library fallback, LLVM debug",
        Recipe::Gc(GC_PACKAGE, Backend::Llvm, "", &[]),
    ),
    (
        "Gc as WasmGC, release (LLVM, lowered after linking, wasm-opt)",
        Recipe::Release(GC_PACKAGE, true),
    ),
    (
        "Gc on the library fallback, release (LLVM, wasm-opt)",
        Recipe::Release(GC_PACKAGE, false),
    ),
];

const PARTICLE_ROWS: &[(&str, Recipe)] = &[
    (
        "Gc as WasmGC, ours dev (accelerated), typed locals",
        Recipe::Gc(PARTICLES_PACKAGE, Backend::Ours, ACCELERATE, &[]),
    ),
    (
        "Gc as WasmGC, ours dev (accelerated), typed locals off",
        Recipe::Gc(PARTICLES_PACKAGE, Backend::Ours, ACCELERATE_ROOTED, &[]),
    ),
    (
        "Gc on the library fallback, LLVM debug",
        Recipe::Gc(PARTICLES_PACKAGE, Backend::Llvm, "", &[]),
    ),
    (
        "Gc as WasmGC, release (LLVM, lowered after linking, wasm-opt)",
        Recipe::Release(PARTICLES_PACKAGE, true),
    ),
    (
        "Gc on the library fallback, release (LLVM, wasm-opt)",
        Recipe::Release(PARTICLES_PACKAGE, false),
    ),
];

/// One table: a workload and its builds.
struct Workload {
    key: &'static str,
    title: &'static str,
    expected: &'static str,
    rows: &'static [(&'static str, Recipe)],
    note: &'static str,
}

const BINARY_TREES: Workload = Workload {
    key: "binary_trees",
    title: "binary-trees: Box in linear memory vs Gc as WasmGC objects",
    expected: EXPECTED,
    rows: ROWS,
    note: "tests/bench/run/binary_trees.rs and tests/bench/run/gc_binary_trees/ (the same algorithm on `wasm::Gc`), depth 16, both must print tests/bench/run/binary_trees.stdout. Peak memory is the resident set of `wasm-run` (engine, compiled code, linear memory and GC heap); the accelerated program with each of wasmtime's collecting collectors: copying (wasm-run's default) and deferred reference counting (no cycles to miss here).",
};

/// Typed handle locals (docs/wasmgc-lowering.md section 4) on and off.
const PARTICLES: Workload = Workload {
    key: "gc_particles",
    title: "particles on Gc: typed locals on and off",
    expected: PARTICLES_EXPECTED,
    rows: PARTICLE_ROWS,
    note: "tests/bench/run/gc_particles/ (2,000 particles in a list of `Gc` objects, 20,000 steps of field reads and writes through handles in local variables), must print tests/bench/run/gc_particles.stdout. \"typed locals off\" is `-Cllvm-args=wasm-gc-typed-locals=off`: every handle a root-table slot.",
};

/// The binary-trees table and the particles table.
pub fn tables(tools: &Tools, vendored: &Path, runs: usize, csv: &mut Csv) -> Res<Vec<Table>> {
    [BINARY_TREES, PARTICLES]
        .iter()
        .map(|workload| workload_table(tools, vendored, runs, csv, workload))
        .collect()
}

fn workload_table(
    tools: &Tools,
    vendored: &Path,
    runs: usize,
    csv: &mut Csv,
    workload: &Workload,
) -> Res<Table> {
    let out = tools.scratch.join(format!("gc-run-{}", workload.key));
    fsutil::fresh_dir(&out)?;
    let expected = fsutil::read_to_string(&tools.repo.join(workload.expected))?;
    let mut table = Table::new(
        &format!("{} (median of {runs} runs)", workload.title),
        &["program and build", "time", "peak memory of wasm-run"],
    );
    for (index, (label, recipe)) in workload.rows.iter().enumerate() {
        eprintln!("[bench] run: {}, {label}", workload.key);
        let measured = match build(tools, vendored, recipe, workload.key, index, &out)? {
            Ok(job) => measure(tools, &job, runs, &expected)?,
            Err(why) => Err(why),
        };
        let (times, peaks) = match measured {
            Ok(samples) => samples,
            Err(why) => {
                table.row(vec![
                    (*label).to_owned(),
                    report::failed_cell(&why),
                    "–".to_owned(),
                ]);
                table.note(format!("FAILED {label}: {why}"));
                continue;
            }
        };
        let (time, peak) = (Stats::of(&times), Stats::of(&peaks));
        let key = format!("{}/{index}", workload.key);
        csv.stats(&key, label, "run", "s", &Ok(time));
        csv.stats(&key, label, "peak", "KiB", &Ok(peak));
        table.row(vec![
            (*label).to_owned(),
            format!("{:.2} s", time.median),
            report::mib(peak.median),
        ]);
    }
    table.note(workload.note.to_owned());
    Ok(table)
}

/// Wall times (s) and peak memory (KiB) of the timed runs.
type Samples = (Vec<f64>, Vec<f64>);

/// Wall times and peak memory of `runs` checked runs, after one untimed run that fills
/// wasmtime's cache and checks the output too.
fn measure(tools: &Tools, job: &Job, runs: usize, expected: &str) -> Res<Result<Samples, String>> {
    let (mut times, mut peaks) = (Vec::new(), Vec::new());
    for run in 0..=runs {
        let sample = tools.measure(job, RUN_LIMIT)?;
        if let Err(why) = tools::check_output(&sample, expected) {
            return Ok(Err(why));
        }
        if run > 0 {
            times.push(sample.wall.as_secs_f64());
            peaks.push(sample.peak_kib as f64);
        }
    }
    Ok(Ok((times, peaks)))
}

fn build(
    tools: &Tools,
    vendored: &Path,
    recipe: &Recipe,
    key: &str,
    index: usize,
    out: &Path,
) -> Res<Result<Job, String>> {
    let wasm = out.join(format!("{key}-{index}.wasm"));
    match recipe {
        Recipe::Box(backend, flags) => {
            let compile = Job::new(tools.rustc(*backend), &tools.repo)
                .args(["--edition", "2021"])
                .args(*flags)
                .arg("-o")
                .arg(&wasm)
                .arg(tools.repo.join(BOX_SOURCE));
            let sample = tools.measure(&compile, COMPILE_LIMIT)?;
            if !sample.succeeded() {
                return Ok(Err(format!("compile failed: {}", sample.failure())));
            }
        }
        Recipe::Gc(package, backend, rustflags, runner_options) => {
            let build = Build {
                backend: *backend,
                package,
                release: false,
                rustflags,
                target_dir: tools.cache.join(format!("cargo-{key}-{index}")),
            };
            if let Err(why) = cargo::build(tools, vendored, &build)? {
                return Ok(Err(why));
            }
            fsutil::copy(&build.wasm(), &wasm)?;
            let job = Job::new(&tools.wasm_run, &tools.repo)
                .args(*runner_options)
                .arg(&wasm);
            return Ok(Ok(job));
        }
        Recipe::Release(package, accelerate) => {
            let build = Build {
                backend: Backend::Llvm,
                package,
                release: true,
                rustflags: if *accelerate {
                    RELEASE_FORM_FLAGS
                } else {
                    RELEASE_FLAGS
                },
                target_dir: tools.cache.join(format!("cargo-{key}-{index}")),
            };
            if let Err(why) = cargo::build(tools, vendored, &build)? {
                return Ok(Err(why));
            }
            let linked = out.join(format!("{key}-{index}.linked.wasm"));
            if *accelerate {
                if let Err(why) = tools.lower_gc(&build.wasm(), &linked)? {
                    return Ok(Err(why));
                }
            } else {
                fsutil::copy(&build.wasm(), &linked)?;
            }
            let optimize = Job::new(&tools.wasm_opt, &tools.repo)
                .args(WASM_OPT_FLAGS)
                .arg(&linked)
                .arg("-o")
                .arg(&wasm);
            let sample = tools.measure(&optimize, COMPILE_LIMIT)?;
            if !sample.succeeded() {
                return Ok(Err(format!("wasm-opt failed: {}", sample.failure())));
            }
        }
    }
    Ok(Ok(tools.run_job(&wasm)))
}
