//! The dev loop (`./y.sh bench --section devloop`): the generated crate as a cargo binary, built
//! by cargo with incremental compilation as users have it. Ours is `cargo wasm build/run --dev`;
//! LLVM debug is the same cargo with its `dev` profile as it comes, against the LLVM-built std,
//! run by the same wasm-run with only wasmtime's module cache, which is what `wasmtime run` users
//! have; LLVM's module is also run with wasm-run's per-function cache, so that the runner's part
//! and the backend's part are seen apart. Clean build, no-op rebuild, rebuild after a
//! one-function edit, the run of the rebuilt module (and how many functions Cranelift compiled
//! again), and the whole edit -> rebuild -> run; each edit's output checked equal between the
//! three runs before its times count.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::Section;
use super::measure::Stats;
use super::report::{Csv, Table, duration, ratio};
use super::tools::{Backend, Tools};
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

/// How many different one-function edits the medians are over.
const EDITS: usize = 5;
/// No build or run of the loop takes longer than this.
const LIMIT: Duration = Duration::from_secs(20 * 60);
/// The binary's name, and so the module's.
const PACKAGE: &str = "devloop";

/// One side of the comparison: a cargo project of its own and how it builds and runs.
struct Side {
    backend: Backend,
    project: PathBuf,
    dist: PathBuf,
    cargo: PathBuf,
    rustc: PathBuf,
}

impl Side {
    fn build(&self) -> Finished {
        let mut cmd = match self.backend {
            Backend::Ours => {
                let mut cmd = Command::new(self.dist.join("bin/cargo-wasm"));
                cmd.args(["wasm", "build", "--dev", "--quiet"]);
                cmd
            }
            Backend::Llvm => {
                let mut cmd = Command::new(&self.cargo);
                cmd.args(["build", "--quiet", "--target", "wasm32-wasip1"])
                    .env("RUSTC", &self.rustc)
                    .env(
                        "RUSTFLAGS",
                        format!("--sysroot {}", self.dist.join("sysroot-llvm").display()),
                    );
                cmd
            }
        };
        cmd.current_dir(&self.project)
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        if self.backend == Backend::Ours {
            cmd.env_remove("RUSTFLAGS");
        }
        process::run_or_report(&mut cmd, LIMIT)
    }

    /// Runs the built module; `per_function` turns wasm-run's per-function cache on (in a
    /// directory of its own for each setting, so the two runs of LLVM's module do not share).
    fn run(&self, per_function: bool) -> Finished {
        let wasm = self
            .project
            .join("target/wasm32-wasip1/debug")
            .join(format!("{PACKAGE}.wasm"));
        // wasm-run's caches (whole modules, and compiled functions) start empty for each bench
        // run: a module of an earlier run must not make an edit look free.
        let caches = if per_function {
            "wasm-run-cache"
        } else {
            "wasm-run-module-cache"
        };
        let mut cmd = Command::new(self.dist.join("bin/wasm-run"));
        cmd.arg(wasm)
            .env("XDG_CACHE_HOME", self.project.join(caches))
            .env("WASM_RUN_JIT_STATS", "1")
            .env_remove("WASM_RUN_JIT_CACHE_DIR");
        if !per_function {
            cmd.env("WASM_RUN_JIT_CACHE", "off");
        }
        process::run_or_report(&mut cmd, LIMIT)
    }
}

/// How many functions a run compiled, from wasm-run's `WASM_RUN_JIT_STATS` line.
fn compiled(run: &Finished) -> Option<f64> {
    let stderr = String::from_utf8_lossy(&run.stderr);
    let line = stderr
        .lines()
        .find_map(|line| line.strip_prefix("wasm-run: per-function cache: "))?;
    let (_, compiled) = line.split_once(", ")?;
    compiled.strip_suffix(" compiled")?.parse().ok()
}

/// Seconds of a step that must succeed.
fn timed(what: &str, side: &Side, step: impl Fn(&Side) -> Finished) -> Res<(f64, Finished)> {
    let started = Instant::now();
    let finished = step(side);
    let secs = started.elapsed().as_secs_f64();
    if finished.code != Some(0) || finished.timed_out {
        return Err(format!(
            "{} {what} failed: {}",
            side.backend.label(),
            String::from_utf8_lossy(&finished.stderr)
                .lines()
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    Ok((secs, finished))
}

pub fn section(tools: &Tools, generated: &Path, dist: &Path) -> Res<Section> {
    let source = fsutil::read_to_string(generated)?;
    let sides: Vec<Side> = [Backend::Llvm, Backend::Ours]
        .into_iter()
        .map(|backend| {
            let project = tools.scratch.join("devloop").join(backend.key());
            Side {
                backend,
                project,
                dist: dist.to_path_buf(),
                cargo: tools.cargo.clone(),
                rustc: tools.host_rustc.clone(),
            }
        })
        .collect();
    for side in &sides {
        // No target dir and no runner cache from an earlier bench run: the clean build is clean.
        fsutil::fresh_dir(&side.project)?;
        fsutil::create_dir_all(&side.project.join("src"))?;
        fsutil::write(
            &side.project.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{PACKAGE}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n"
            ),
        )?;
        fsutil::write(&side.project.join("src/main.rs"), &source)?;
    }
    // Per side (LLVM, ours): build times.
    let mut clean = [0.0; 2];
    let mut noop = vec![Vec::new(); 2];
    let mut rebuild = vec![Vec::new(); 2];
    // Per column (LLVM with the module cache only, LLVM with per-function cache, ours): run
    // times and functions compiled.
    let columns: [(usize, bool); 3] = [(0, false), (0, true), (1, true)];
    let mut run = vec![Vec::new(); 3];
    let mut recompiled = vec![Vec::new(); 3];
    for (i, side) in sides.iter().enumerate() {
        eprintln!("[bench] dev loop: clean build, {}", side.backend.label());
        clean[i] = timed("clean build", side, Side::build)?.0;
        for _ in 0..3 {
            noop[i].push(timed("no-op rebuild", side, Side::build)?.0);
        }
    }
    // The first run fills wasm-run's caches, as the user's first run after a clean build does.
    for &(i, per_function) in &columns {
        timed("first run", &sides[i], |side| side.run(per_function))?;
    }
    // Constants no earlier bench run has used, so no cache of any kind has seen the edited code.
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |time| time.as_secs() % 100_000) as i64
        * 10;
    let mut edited = source.clone();
    for edit in 0..EDITS {
        edited = edit_source(&edited, edit, nonce)?;
        for (i, side) in sides.iter().enumerate() {
            fsutil::write(&side.project.join("src/main.rs"), &edited)?;
            rebuild[i].push(timed("rebuild after an edit", side, Side::build)?.0);
        }
        let mut outputs = Vec::new();
        for (column, &(i, per_function)) in columns.iter().enumerate() {
            let (secs, ran) = timed("run after an edit", &sides[i], |side| {
                side.run(per_function)
            })?;
            run[column].push(secs);
            if let Some(count) = compiled(&ran) {
                recompiled[column].push(count);
            }
            outputs.push(ran.stdout);
        }
        if outputs.iter().any(|output| *output != outputs[0]) {
            return Err(format!(
                "edit {edit}: ours and LLVM's builds print different outputs"
            ));
        }
        eprintln!("[bench] dev loop: edit {} of {EDITS} done", edit + 1);
    }
    let mut table = Table::new(
        "Dev loop: the generated crate (9.9k lines) as a cargo binary, incremental",
        &[
            "step",
            "LLVM debug",
            "LLVM debug, per-function cache",
            "ours `--dev`",
            "ours / LLVM",
            "ours / LLVM with per-function cache",
        ],
    );
    let mut csv = Csv::new("devloop");
    let keys = ["llvm", "llvm-jit-cache", "ours"];
    let per_column = |values: &[Vec<f64>]| -> Vec<Vec<f64>> {
        columns.iter().map(|&(i, _)| values[i].clone()).collect()
    };
    let loop_times: Vec<Vec<f64>> = columns
        .iter()
        .enumerate()
        .map(|(column, &(i, _))| {
            rebuild[i]
                .iter()
                .zip(&run[column])
                .map(|(b, r)| b + r)
                .collect()
        })
        .collect();
    let clean: Vec<Vec<f64>> = clean.iter().map(|&s| vec![s]).collect();
    let rows: [(&str, Vec<Vec<f64>>); 5] = [
        ("clean build", per_column(&clean)),
        ("no-op rebuild", per_column(&noop)),
        ("rebuild after a one-constant edit", per_column(&rebuild)),
        ("run the rebuilt module", run.clone()),
        ("edit -> rebuild -> run", loop_times),
    ];
    for (step, values) in rows {
        let stats: Vec<Stats> = values.iter().map(|v| Stats::of(v)).collect();
        for (key, v) in keys.iter().zip(&values) {
            csv.stats(step, key, "wall", "s", &Ok(Stats::of(v)));
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
    let counts: Vec<String> = recompiled
        .iter()
        .map(|counts| match counts.is_empty() {
            true => "whole module".to_owned(),
            false => format!("{:.0}", Stats::of(counts).median),
        })
        .collect();
    table.row(vec![
        "functions compiled by the run after the edit".to_owned(),
        counts[0].clone(),
        counts[1].clone(),
        counts[2].clone(),
        String::new(),
        String::new(),
    ]);
    table.note(format!(
        "Medians (clean build: one run; no-op: 3; edits: {EDITS} different one-constant edits, each in another module). \
         LLVM debug = `cargo build --target wasm32-wasip1` with cargo's dev profile as it comes (debug info, \
         incremental) against dist/sysroot-llvm, run by dist/bin/wasm-run with only wasmtime's module cache \
         (`WASM_RUN_JIT_CACHE=off`: what `wasmtime run` has); the second column runs the same module with \
         wasm-run's per-function cache (its builds are the first column's). Ours = `cargo wasm build --dev` (the \
         same profile: `debug = 2`; it unwinds, as cargo's dev profile does natively), run with the \
         per-function cache. Every cache starts empty, then is warmed by a first run after the clean build, \
         as a user's is; each edit's output is compared between the three runs before its times count. \
         Functions compiled: wasm-run's `WASM_RUN_JIT_STATS` count."
    ));
    Ok(Section {
        name: "devloop",
        tables: vec![table],
        csv,
    })
}

/// The source with module `m{k}`'s `SCALE` constant changed (a one-function-body edit: the
/// constant is inlined into the functions that use it).
fn edit_source(source: &str, edit: usize, nonce: i64) -> Res<String> {
    let module = format!("mod m{} {{", 7 + 11 * edit);
    let start = source
        .find(&module)
        .ok_or(format!("the generated crate has no `{module}`"))?;
    let scale = source[start..]
        .find("const SCALE: i64 = ")
        .ok_or("no SCALE constant")?
        + start;
    let value_start = scale + "const SCALE: i64 = ".len();
    let value_end = source[value_start..]
        .find(';')
        .ok_or("no `;` after SCALE")?
        + value_start;
    let value: i64 = source[value_start..value_end]
        .trim()
        .parse()
        .map_err(|_| "SCALE is not a number")?;
    Ok(format!(
        "{}{}{}",
        &source[..value_start],
        value + 1 + edit as i64 + nonce,
        &source[value_end..]
    ))
}
