//! One side of the dev-loop comparison: a project built by LLVM debug (cargo as it comes) or by
//! ours (`cargo wasm --dev`), its rebuild and its run or test step.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::inputs::Step;
use crate::Res;
use crate::bench::tools::Backend;
use crate::fsutil;
use crate::process::{self, Finished};

/// No build, run or test of the loop takes longer than this.
const LIMIT: Duration = Duration::from_secs(20 * 60);
const TARGET: &str = "wasm32-wasip1";

/// cargo's RUSTC_WRAPPER for both sides, from the clean build on (cargo does not fingerprint
/// it or the variable): with $BENCH_TIME_PASSES set, the package's own crates print rustc's
/// `-Ztime-passes`, an untracked option, so that build reuses the incremental state as any
/// other rebuild does.
const WRAPPER: &str = r#"#!/bin/sh
# Written by `./y.sh bench --section devloop` (build_system/bench/devloop/side.rs).
if [ -n "${BENCH_TIME_PASSES:-}" ] && [ -n "${CARGO_PRIMARY_PACKAGE:-}" ]; then
    exec "$@" -Ztime-passes
fi
exec "$@"
"#;

pub struct Side {
    pub backend: Backend,
    pub project: PathBuf,
    pub dist: PathBuf,
    pub cargo: PathBuf,
    pub rustc: PathBuf,
    pub wrapper: PathBuf,
}

/// Writes the RUSTC_WRAPPER into `dir`.
pub fn write_wrapper(dir: &Path) -> Res<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("time-passes-wrapper.sh");
    fsutil::write(&path, WRAPPER)?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make {} executable: {e}", path.display()))?;
    Ok(path)
}

impl Side {
    /// `cargo wasm build --dev` or `cargo build` (for tests: `test --no-run`).
    pub fn build(&self, step: Step, time_passes: bool) -> Finished {
        let mut cmd = self.cargo_command(step);
        if step == Step::Test {
            cmd.arg("--no-run");
        }
        if time_passes {
            cmd.env("BENCH_TIME_PASSES", "1");
        }
        process::run_or_report(&mut cmd, LIMIT)
    }

    /// Runs the built module or the tests; `per_function` turns wasm-run's per-function cache
    /// on (in a directory of its own for each setting, so the two runs of LLVM's modules do not
    /// share).
    pub fn run(&self, step: Step, per_function: bool) -> Finished {
        let mut cmd = match step {
            Step::Run(name) => {
                let mut cmd = Command::new(self.dist.join("bin/wasm-run"));
                cmd.arg(
                    self.project
                        .join("target")
                        .join(TARGET)
                        .join("debug")
                        .join(format!("{name}.wasm")),
                );
                cmd
            }
            Step::Test => self.cargo_command(step),
        };
        // wasm-run's caches (whole modules, and compiled functions) start empty for each bench
        // run: a module of an earlier run must not make an edit look free.
        let caches = if per_function {
            "wasm-run-cache"
        } else {
            "wasm-run-module-cache"
        };
        cmd.env("XDG_CACHE_HOME", self.project.join(caches))
            .env("WASM_RUN_JIT_STATS", "1")
            .env_remove("WASM_RUN_JIT_CACHE_DIR");
        if !per_function {
            cmd.env("WASM_RUN_JIT_CACHE", "off");
        }
        process::run_or_report(&mut cmd, LIMIT)
    }

    /// The side's cargo command for `step`'s build (for tests: `test --tests`, which `cargo wasm
    /// test` runs by default), with the wrapper.
    fn cargo_command(&self, step: Step) -> Command {
        let subcommand = match step {
            Step::Run(_) => "build",
            Step::Test => "test",
        };
        let mut cmd = match self.backend {
            Backend::Ours => {
                let mut cmd = Command::new(self.dist.join("bin/cargo-wasm"));
                cmd.args(["wasm", subcommand, "--dev", "--quiet"])
                    .env_remove("RUSTFLAGS");
                cmd
            }
            Backend::Llvm => {
                let mut cmd = Command::new(&self.cargo);
                cmd.args([subcommand, "--quiet", "--target", TARGET])
                    .env("RUSTC", &self.rustc)
                    .env(
                        "RUSTFLAGS",
                        format!("--sysroot {}", self.dist.join("sysroot-llvm").display()),
                    );
                if step == Step::Test {
                    // The runner `wasmtime run` users give cargo: the module in one instance.
                    cmd.arg("--tests").arg("--config").arg(format!(
                        "target.{TARGET}.runner=[\"{}\"]",
                        self.dist.join("bin/wasm-run").display()
                    ));
                }
                cmd
            }
        };
        cmd.current_dir(&self.project)
            .env("RUSTC_WRAPPER", &self.wrapper)
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("BENCH_TIME_PASSES");
        cmd
    }
}

/// Seconds of a step that must succeed.
pub fn timed(what: &str, side: &Side, step: impl Fn(&Side) -> Finished) -> Res<(f64, Finished)> {
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

/// How many functions a run compiled, from wasm-run's `WASM_RUN_JIT_STATS` lines (one per
/// module: a test step runs several).
pub fn compiled(run: &Finished) -> Option<f64> {
    let stderr = String::from_utf8_lossy(&run.stderr);
    let counts: Vec<f64> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("wasm-run: per-function cache: "))
        .filter_map(|line| line.split_once(", "))
        .filter_map(|(_, compiled)| compiled.strip_suffix(" compiled")?.parse().ok())
        .collect();
    (!counts.is_empty()).then(|| counts.iter().sum())
}

/// What a step printed that both backends must agree on: a run's stdout, a test step's passed
/// tests (libtest's `test result:` lines, summed; their timings differ).
pub fn outcome(step: Step, finished: &Finished) -> Res<String> {
    let stdout = String::from_utf8_lossy(&finished.stdout);
    match step {
        Step::Run(_) => Ok(stdout.into_owned()),
        Step::Test => {
            let mut passed = 0;
            let mut suites = 0;
            for line in stdout.lines() {
                let Some(rest) = line.strip_prefix("test result: ok. ") else {
                    continue;
                };
                let count = rest.split(' ').next().and_then(|n| n.parse::<usize>().ok());
                passed += count.ok_or(format!("odd libtest line `{line}`"))?;
                suites += 1;
            }
            if suites == 0 {
                return Err(format!(
                    "the tests printed no `test result: ok.` line:\n{stdout}"
                ));
            }
            Ok(format!("{passed} tests passed in {suites} suites"))
        }
    }
}
