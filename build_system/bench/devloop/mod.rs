//! The dev loop (`./y.sh bench --section devloop`): three inputs (inputs.rs) built by cargo with
//! incremental compilation as users have it. Ours is `cargo wasm build/run/test --dev`; LLVM
//! debug is the same cargo with its `dev` profile as it comes, against the LLVM-built std, run
//! by the same wasm-run with only wasmtime's module cache, which is what `wasmtime run` users
//! have; LLVM's modules also run with wasm-run's per-function cache, so that the runner's part
//! and the backend's part are seen apart. Clean build, no-op rebuild, rebuild after a
//! one-function edit, the run (or the tests) of the rebuilt modules and how many functions
//! Cranelift compiled again, and the whole loop; each edit's outcome checked equal between the
//! three runs before its times count. One more edit per side is rebuilt with `-Ztime-passes`,
//! for where the rebuild goes (frontend, codegen, link, the rest).

mod inputs;
mod side;

use std::path::Path;

use super::Section;
use super::measure::Stats;
use super::passes::{self, Phases};
use super::report::{Csv, Table, duration, ratio};
use super::tools::{Backend, Tools};
use crate::Res;
use crate::fsutil;
use inputs::{Input, Step};
use side::{Side, compiled, outcome, timed};

/// How many different one-function edits the medians are over.
const EDITS: usize = 5;
/// The generated crate's package name, and so its module's.
const PACKAGE: &str = "devloop";
/// Per column of the run step: the side (0 LLVM, 1 ours) and whether wasm-run's per-function
/// cache is on (LLVM with the module cache only, LLVM with the per-function cache, ours).
const COLUMNS: [(usize, bool); 3] = [(0, false), (0, true), (1, true)];
/// The run column the split table shows per side: LLVM as `wasmtime run` users have it, ours.
const SPLIT_RUN_COLUMNS: [usize; 2] = [0, 2];

/// One input's measurements, per side (LLVM, ours) or per column.
#[derive(Default)]
struct Measured {
    clean: [f64; 2],
    noop: [Vec<f64>; 2],
    rebuild: [Vec<f64>; 2],
    run: [Vec<f64>; 3],
    recompiled: [Vec<f64>; 3],
    /// The `-Ztime-passes` rebuild: its wall time and rustc's phases.
    split: [(f64, Phases); 2],
    outcome: String,
}

pub fn section(tools: &Tools, generated: &Path, dist: &Path, channel: &str) -> Res<Section> {
    let scratch = tools.scratch.join("devloop");
    fsutil::create_dir_all(&scratch)?;
    let wrapper = side::write_wrapper(&scratch)?;
    let inputs = inputs::all(
        &tools.repo,
        generated,
        &tools.cargo,
        channel,
        &tools.cache.join("devloop-sources"),
    )?;
    // Constants no earlier bench run has used, so no cache of any kind has seen the edited code.
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |time| time.as_secs() % 100_000) as i64
        * 10;
    let mut tables = Vec::new();
    let mut csv = Csv::new("devloop");
    let mut split = Table::new(
        "Where a rebuild after an edit goes (one more edit, rebuilt with `-Ztime-passes`)",
        &[
            "input",
            "backend",
            "rebuild (wall)",
            "rustc: frontend (the floor)",
            "rustc: codegen",
            "rustc: link",
            "outside rustc (cargo, cargo wasm)",
            "then the run or tests (median)",
        ],
    );
    for input in &inputs {
        let sides: Vec<Side> = [Backend::Llvm, Backend::Ours]
            .into_iter()
            .map(|backend| Side {
                backend,
                project: scratch.join(input.key).join(backend.key()),
                dist: dist.to_path_buf(),
                cargo: tools.cargo.clone(),
                rustc: tools.host_rustc.clone(),
                wrapper: wrapper.clone(),
            })
            .collect();
        let measured = measure(input, &sides, nonce)?;
        tables.push(measured.table(input, &mut csv));
        measured.split_rows(input, &mut split, &mut csv);
    }
    split.note(
        "From rustc's `-Ztime-passes` of the package's own crates (summed when a test build \
         compiles several, which cargo runs in parallel: then `outside rustc` is left out). \
         Frontend = rustc's total without the backend phase (parsing to MIR, incremental \
         bookkeeping): what any backend's rebuild costs at least. Codegen = `codegen_crate` \
         without the monomorphization collector and partitioning, plus waiting for the codegen \
         threads; link = rust-lld. The run column is the table's run step (ours: with the \
         per-function cache; LLVM: module cache only).",
    );
    tables.push(split);
    Ok(Section {
        name: "devloop",
        tables,
        csv,
    })
}

fn measure(input: &Input, sides: &[Side], nonce: i64) -> Res<Measured> {
    let step = input.step;
    let mut m = Measured::default();
    for (i, side) in sides.iter().enumerate() {
        input.set_up(&side.project)?;
        eprintln!(
            "[bench] dev loop, {}: clean build, {}",
            input.key,
            side.backend.label()
        );
        m.clean[i] = timed("clean build", side, |s| s.build(step, false))?.0;
        for _ in 0..3 {
            m.noop[i].push(timed("no-op rebuild", side, |s| s.build(step, false))?.0);
        }
    }
    // The first run fills wasm-run's caches, as the user's first run after a clean build does.
    for &(i, per_function) in &COLUMNS {
        timed("first run", &sides[i], |s| s.run(step, per_function))?;
    }
    for edit in 0..EDITS {
        for (i, side) in sides.iter().enumerate() {
            input.edit(&side.project, edit, nonce)?;
            m.rebuild[i].push(timed("rebuild after an edit", side, |s| s.build(step, false))?.0);
        }
        let mut outcomes = Vec::new();
        for (column, &(i, per_function)) in COLUMNS.iter().enumerate() {
            let (secs, ran) = timed("run after an edit", &sides[i], |s| {
                s.run(step, per_function)
            })?;
            m.run[column].push(secs);
            if let Some(count) = compiled(&ran) {
                m.recompiled[column].push(count);
            }
            outcomes.push(outcome(step, &ran)?);
        }
        if outcomes.iter().any(|o| *o != outcomes[0]) {
            return Err(format!(
                "{} edit {edit}: ours and LLVM's builds disagree: {outcomes:?}",
                input.key
            ));
        }
        m.outcome = outcomes.swap_remove(0);
        eprintln!(
            "[bench] dev loop, {}: edit {} of {EDITS} done",
            input.key,
            edit + 1
        );
    }
    for (i, side) in sides.iter().enumerate() {
        input.edit(&side.project, EDITS, nonce)?;
        let (secs, built) = timed("rebuild with -Ztime-passes", side, |s| s.build(step, true))?;
        let phases = passes::parse(&String::from_utf8_lossy(&built.stderr)).ok_or(format!(
            "{} {}: the rebuild printed no -Ztime-passes",
            input.key,
            side.backend.label()
        ))?;
        m.split[i] = (secs, phases);
    }
    Ok(m)
}

impl Measured {
    fn table(&self, input: &Input, csv: &mut Csv) -> Table {
        let (run_name, loop_name) = match input.step {
            Step::Run(_) => ("run the rebuilt module", "edit -> rebuild -> run"),
            Step::Test => ("run the tests", "edit -> rebuild -> test"),
        };
        let mut table = Table::new(
            &format!("Dev loop: {}, incremental", input.title),
            &[
                "step",
                "LLVM debug",
                "LLVM debug, per-function cache",
                "ours `--dev`",
                "ours / LLVM",
                "ours / LLVM with per-function cache",
            ],
        );
        let per_column = |values: &[Vec<f64>]| -> Vec<Vec<f64>> {
            COLUMNS.iter().map(|&(i, _)| values[i].clone()).collect()
        };
        let loop_times: Vec<Vec<f64>> = COLUMNS
            .iter()
            .enumerate()
            .map(|(column, &(i, _))| {
                self.rebuild[i]
                    .iter()
                    .zip(&self.run[column])
                    .map(|(b, r)| b + r)
                    .collect()
            })
            .collect();
        let clean: Vec<Vec<f64>> = self.clean.iter().map(|&s| vec![s]).collect();
        let rows: [(&str, Vec<Vec<f64>>); 5] = [
            ("clean build", per_column(&clean)),
            ("no-op rebuild", per_column(&self.noop)),
            (
                "rebuild after a one-function edit",
                per_column(&self.rebuild),
            ),
            (run_name, self.run.to_vec()),
            (loop_name, loop_times),
        ];
        let keys = ["llvm", "llvm-jit-cache", "ours"];
        for (step, values) in rows {
            let stats: Vec<Stats> = values.iter().map(|v| Stats::of(v)).collect();
            for (key, v) in keys.iter().zip(&values) {
                csv.stats(
                    &format!("{}: {step}", input.key),
                    key,
                    "wall",
                    "s",
                    &Ok(Stats::of(v)),
                );
            }
            table.row(vec![
                step.to_owned(),
                duration(stats[0].median),
                duration(stats[1].median),
                duration(stats[2].median),
                ratio(stats[2].median, stats[0].median),
                ratio(stats[2].median, stats[1].median),
            ]);
        }
        let mut counts = vec!["functions compiled by the run after the edit".to_owned()];
        counts.extend(
            self.recompiled
                .iter()
                .map(|counts| match counts.is_empty() {
                    true => "whole module".to_owned(),
                    false => format!("{:.0}", Stats::of(counts).median),
                }),
        );
        counts.extend([String::new(), String::new()]);
        table.row(counts);
        let edits = match input.step {
            Step::Run(_) => "each in another function",
            Step::Test => {
                "each in another function of the library, so every test target is rebuilt"
            }
        };
        table.note(format!(
            "Medians (clean build: one run; no-op: 3; edits: {EDITS} different one-function edits, {edits}). \
             LLVM debug = `cargo build`/`cargo test --tests` `--target wasm32-wasip1` with cargo's dev \
             profile as it comes (debug info, incremental) against dist/sysroot-llvm, run by \
             dist/bin/wasm-run (tests: as cargo's runner, all tests of a target in one instance) with only \
             wasmtime's module cache (`WASM_RUN_JIT_CACHE=off`: what `wasmtime run` has); the second \
             column runs the same modules with wasm-run's per-function cache (its builds are the first \
             column's). Ours = `cargo wasm build`/`test --dev` (the same profile: `debug = 2`; it unwinds, \
             as cargo's dev profile does natively; tests run one instance each), with the per-function \
             cache. A test step's rebuild is `--no-run`. Both sides build through the same `RUSTC_WRAPPER` (a shell script that \
             adds `-Ztime-passes` to the last, untimed rebuild only). Every cache starts empty, then is warmed by a \
             first run after the clean build, as a user's is; each edit's outcome ({}) is compared \
             between the three runs before its times count. Functions compiled: wasm-run's \
             `WASM_RUN_JIT_STATS` count, summed over a step's modules.",
            match input.step {
                Step::Run(_) => "the module's output".to_owned(),
                Step::Test => format!("here: {}", self.outcome),
            }
        ));
        table
    }

    fn split_rows(&self, input: &Input, table: &mut Table, csv: &mut Csv) {
        for (i, backend) in [Backend::Llvm, Backend::Ours].into_iter().enumerate() {
            let (wall, phases) = self.split[i];
            let outside = wall - phases.total;
            let run = Stats::of(&self.run[SPLIT_RUN_COLUMNS[i]]).median;
            let codegen = phases.backend - phases.link;
            for (metric, secs) in [
                ("frontend", phases.frontend()),
                ("codegen", codegen),
                ("link", phases.link),
            ] {
                csv.stats(
                    &format!("{}: rebuild split", input.key),
                    backend.key(),
                    metric,
                    "s",
                    &Ok(Stats::of(&[secs])),
                );
            }
            table.row(vec![
                input.key.to_owned(),
                backend.label().to_owned(),
                duration(wall),
                duration(phases.frontend()),
                duration(codegen),
                duration(phases.link),
                match outside >= 0.0 && input.step != Step::Test {
                    true => duration(outside),
                    false => "—".to_owned(),
                },
                duration(run),
            ]);
        }
    }
}
