//! Sections 1 and 4: compile speed (whole compile, backend phase, frontend) and rustc's peak
//! memory, LLVM against ours, on the inputs of compile_inputs.rs.

use std::path::Path;

use super::Section;
use super::compile_inputs::{self, Case, Check};
use super::measure::Stats;
use super::passes::{self, Phases};
use super::report::{self, Csv, Table};
use super::tools::{Backend, COMPILE_LIMIT, Tools};
use crate::Res;

/// The measurements of one case, one entry per run.
#[derive(Default)]
struct Series {
    wall: Vec<f64>,
    phases: Vec<Phases>,
    peak_kib: Vec<f64>,
}

struct Measured {
    case: Case,
    series: Result<Series, String>,
}

pub fn section(tools: &Tools, vendored: &Path, runs: usize) -> Res<Section> {
    let cases = compile_inputs::cases(tools, vendored)?;
    let mut measured: Vec<Measured> = Vec::new();
    for case in cases {
        eprintln!(
            "[bench] compile: warm-up and check, {} by {}",
            case.input,
            case.backend.label()
        );
        let series = warm_up_and_check(tools, &case)?.map(|()| Series::default());
        measured.push(Measured { case, series });
    }
    for run in 0..runs {
        eprintln!("[bench] compile: run {} of {runs}", run + 1);
        // Alternate which backend goes first, so slow drifts of the machine hit both alike.
        let order: Vec<usize> = if run % 2 == 0 {
            (0..measured.len()).collect()
        } else {
            (0..measured.len()).rev().collect()
        };
        for i in order {
            let entry = &mut measured[i];
            if let Ok(series) = &mut entry.series
                && let Err(why) = measure_once(tools, &entry.case, series)?
            {
                entry.series = Err(why);
            }
        }
    }
    Ok(tables(&measured, runs))
}

/// The first compile (not timed: it fills the file cache), then the check of what it built.
fn warm_up_and_check(tools: &Tools, case: &Case) -> Res<Result<(), String>> {
    let jobs = match &case.jobs {
        Ok(jobs) => jobs,
        Err(why) => return Ok(Err(why.clone())),
    };
    for job in jobs {
        let sample = tools.measure(job, COMPILE_LIMIT)?;
        if !sample.succeeded() {
            return Ok(Err(format!(
                "compile failed: {}\n(command: {})",
                sample.failure(),
                job.describe()
            )));
        }
    }
    match &case.check {
        Check::Known(result) => Ok(result.clone()),
        Check::Run { wasm, expected } => compile_inputs::run_check(tools, wasm, expected),
    }
}

/// One timed run of every job of the case, added to `series`.
fn measure_once(tools: &Tools, case: &Case, series: &mut Series) -> Res<Result<(), String>> {
    let Ok(jobs) = &case.jobs else {
        return Ok(Err("no jobs".to_owned()));
    };
    let (mut wall, mut phases, mut peak) = (0.0, Phases::default(), 0u64);
    for job in jobs {
        let sample = tools.measure(job, COMPILE_LIMIT)?;
        if !sample.succeeded() {
            return Ok(Err(format!("compile failed: {}", sample.failure())));
        }
        let Some(these) = passes::parse(&sample.stderr()) else {
            return Ok(Err(format!(
                "no -Ztime-passes report from `{}`",
                job.describe()
            )));
        };
        wall += sample.wall.as_secs_f64();
        phases.add(these);
        peak = peak.max(sample.peak_kib);
    }
    series.wall.push(wall);
    series.phases.push(phases);
    series.peak_kib.push(peak as f64);
    Ok(Ok(()))
}

/// The medians of one case, or why there are none.
struct Summary {
    wall: Stats,
    backend: Stats,
    /// The backend phase without the link (rust-lld is the same program for both backends).
    codegen: Stats,
    frontend: Stats,
    above_frontend: Stats,
    peak_kib: Stats,
}

fn summarize(series: &Result<Series, String>) -> Result<Summary, String> {
    let series = series.as_ref().map_err(Clone::clone)?;
    let of =
        |f: &dyn Fn(usize) -> f64| Stats::of(&(0..series.wall.len()).map(f).collect::<Vec<_>>());
    Ok(Summary {
        wall: of(&|i| series.wall[i]),
        backend: of(&|i| series.phases[i].backend),
        codegen: of(&|i| series.phases[i].backend - series.phases[i].link),
        frontend: of(&|i| series.phases[i].frontend()),
        // What no backend can take away is the frontend; the rest of the wall time is ours to win.
        above_frontend: of(&|i| series.wall[i] - series.phases[i].frontend()),
        peak_kib: of(&|i| series.peak_kib[i]),
    })
}

fn tables(measured: &[Measured], runs: usize) -> Section {
    let mut whole = Table::new(
        &format!("Compile speed: debug build, median wall time of {runs} runs"),
        &["input", "what is timed", "LLVM", "ours", "LLVM/ours"],
    );
    let mut phases = Table::new(
        "Compile speed: backend phase and frontend (from -Ztime-passes, medians)",
        &[
            "input",
            "frontend",
            "LLVM backend",
            "ours backend",
            "LLVM/ours",
            "LLVM codegen (backend without link)",
            "ours codegen",
            "LLVM/ours codegen",
            "LLVM: wall − frontend",
            "ours: wall − frontend",
        ],
    );
    let mut memory = Table::new(
        &format!("Peak memory of rustc (max RSS, median of {runs} runs)"),
        &["input", "LLVM", "ours", "LLVM/ours"],
    );
    let mut csv = Csv::new("compile");
    let mut failures = Vec::new();
    for pair in measured.chunks(2) {
        let [llvm, ours] = pair else { continue };
        debug_assert!(llvm.case.backend == Backend::Llvm && ours.case.backend == Backend::Ours);
        let input = &llvm.case.input;
        let (l, o) = (summarize(&llvm.series), summarize(&ours.series));
        for (m, s) in [(llvm, &l), (ours, &o)] {
            let variant = m.case.backend.key();
            let get = |f: fn(&Summary) -> Stats| s.as_ref().map(f).map_err(Clone::clone);
            csv.stats(input, variant, "wall", "s", &get(|s| s.wall));
            csv.stats(input, variant, "backend", "s", &get(|s| s.backend));
            csv.stats(input, variant, "codegen", "s", &get(|s| s.codegen));
            csv.stats(input, variant, "frontend", "s", &get(|s| s.frontend));
            csv.stats(
                input,
                variant,
                "wall_above_frontend",
                "s",
                &get(|s| s.above_frontend),
            );
            csv.stats(input, variant, "peak_rss", "KiB", &get(|s| s.peak_kib));
            if let Err(why) = s {
                failures.push(format!("{} / {input}: {why}", m.case.backend.label()));
            }
        }
        let cell = |s: &Result<Summary, String>, f: fn(&Summary) -> String| match s {
            Ok(s) => f(s),
            Err(why) => report::failed_cell(why),
        };
        let both = |f: fn(&Summary) -> f64| match (&l, &o) {
            (Ok(l), Ok(o)) => report::ratio(f(l), f(o)),
            _ => "–".to_owned(),
        };
        whole.row(vec![
            input.clone(),
            llvm.case.timed.clone(),
            cell(&l, |s| report::duration(s.wall.median)),
            cell(&o, |s| report::duration(s.wall.median)),
            both(|s| s.wall.median),
        ]);
        let frontend = match (&l, &o) {
            (Ok(l), _) => report::duration(l.frontend.median),
            (_, Ok(o)) => report::duration(o.frontend.median),
            _ => "–".to_owned(),
        };
        phases.row(vec![
            input.clone(),
            frontend,
            cell(&l, |s| report::duration(s.backend.median)),
            cell(&o, |s| report::duration(s.backend.median)),
            both(|s| s.backend.median),
            cell(&l, |s| report::duration(s.codegen.median)),
            cell(&o, |s| report::duration(s.codegen.median)),
            both(|s| s.codegen.median),
            cell(&l, above_frontend),
            cell(&o, above_frontend),
        ]);
        memory.row(vec![
            input.clone(),
            cell(&l, |s| report::mib(s.peak_kib.median)),
            cell(&o, |s| report::mib(s.peak_kib.median)),
            both(|s| s.peak_kib.median),
        ]);
    }
    whole.note("Debug = `-Copt-level=0`, no debug info for either backend (its costs: section debuginfo), `-Cpanic=abort`, target wasm32-wasip1, each compiler with its default sysroot (`dist/bin/rustc-wasm`: std built by our backend; `dist/bin/rustc-wasm-llvm`: std built by LLVM). Wall time of the rustc process as started by the bench (the wrapper script and loading the backend included).");
    whole.note("crates.io inputs: cargo builds everything once per backend (dependencies by the same backend), then the bench re-runs the recorded rustc command of each timed crate, with cargo's environment; cargo itself is not timed. For \"serde_json + deps\" the crates are compiled one after another and their times added.");
    whole.note("Every build is checked before it is timed: the example and the generated crate must print their expected output, and a program using regex-syntax and serde_json (tests/bench/compile/src/main.rs) built by cargo with the same backend must print its own.");
    phases.note("Backend phase = `codegen_crate` minus the monomorphization collector and CGU partitioning when they run inside it (rustc's, the same for any backend; for an rlib they run earlier, in metadata generation), plus `finish_ongoing_codegen` (waiting for LLVM's optimization/emission threads) and `link` (rust-lld, or writing the rlib). Codegen = the backend phase without `link`: the same rust-lld links both backends' objects. Frontend = rustc's `total` minus the backend phase (parsing, expansion, type/borrow checking, MIR, monomorphization, metadata). The frontend column is the LLVM run's.");
    phases.note("\"wall − frontend\": what remains of the whole compile above the frontend that no backend can beat (backend phase, process start, loading the backend); its share of the wall time in parentheses.");
    memory.note("Maximum resident set size of the rustc process (GNU time `%M`); for \"serde_json + deps\" the largest of its crates.");
    for why in failures {
        whole.note(format!("FAILED {why}"));
    }
    Section {
        name: "compile",
        tables: vec![whole, phases, memory],
        csv,
    }
}

fn above_frontend(s: &Summary) -> String {
    format!(
        "{} ({:.0}%)",
        report::duration(s.above_frontend.median),
        100.0 * s.above_frontend.median / s.wall.median
    )
}
