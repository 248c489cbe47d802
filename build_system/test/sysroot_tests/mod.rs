//! The sysroot_tests group: rust-src's coretests and alloctests built for wasm32-wasip1 by LLVM
//! and by our backend, every test run alone (`wasm-run --libtest`), the verdicts compared; and
//! both built by our backend with unwinding, each of their failures listed with its cause.

mod build;
mod compare;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::exec::Tools;
use super::outcome::{Outcome, Tally, head};
use crate::Res;
use crate::build::{BACKEND_DYLIB, LLVM_SYSROOT, UNWIND_SYSROOT};
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process;
use crate::toolchain::Toolchain;
use build::{Built, OURS_EXCLUDED, Recipe};
use compare::{Comparison, KnownFailures, Verdict, Verdicts};

/// Committed: the ours-only failures we know of, one per line with its cause.
const KNOWN_FAILURES: &str = "tests/sysroot_tests/known-failures.txt";
/// Committed: every test that fails when built by our backend with `-Cpanic=unwind`, with its
/// cause (all of them need what wasm32-wasip1 lacks, threads).
const KNOWN_UNWIND_FAILURES: &str = "tests/sysroot_tests/known-failures-unwind.txt";
/// A whole harness run; each test also has wasm-run's own limit (TEST_TIMEOUT).
const RUN_LIMIT: Duration = Duration::from_secs(45 * 60);
/// Per test. LLVM's slowest coretests take ~40 s in a debug build; a hang costs this much.
const TEST_TIMEOUT: &str = "60";

/// A test harness of the library workspace.
pub(super) struct Suite {
    /// How the group names it (`--filter` matches this).
    name: &'static str,
    package: &'static str,
    /// The `[[test]]` target, or `None` for the unit tests of the package's lib.
    target: Option<&'static str>,
}

/// What `cargo test -p coretests -p alloctests` runs, minus the benchmarks.
const SUITES: &[Suite] = &[
    Suite {
        name: "coretests",
        package: "coretests",
        target: Some("coretests"),
    },
    Suite {
        name: "alloctests-lib",
        package: "alloctests",
        target: None,
    },
    Suite {
        name: "alloctests",
        package: "alloctests",
        target: Some("alloctests"),
    },
    Suite {
        name: "vec_deque_alloc_error",
        package: "alloctests",
        target: Some("vec_deque_alloc_error"),
    },
];

/// One side's harness run of a suite.
struct SideRun {
    verdicts: Verdicts,
    seconds: f64,
}

/// Both sides of one suite, and ours with unwinding where that runs.
struct SuiteResult {
    suite: &'static str,
    llvm: Result<SideRun, String>,
    ours: Result<SideRun, String>,
    comparison: Option<Comparison>,
    unwind: Option<Result<SideRun, String>>,
}

pub(super) fn run(dirs: &Dirs, tools: &Tools, out: &Path, options: &super::Options) -> Res<Tally> {
    let toolchain = Toolchain::detect(dirs)?;
    let suites: Vec<&Suite> = SUITES
        .iter()
        .filter(|suite| {
            options.filter.as_ref().is_none_or(|filter| {
                format!("sysroot_tests/{}", suite.name).contains(filter.as_str())
            })
        })
        .collect();
    if suites.is_empty() {
        println!("[sysroot_tests] no tests selected");
        return Ok(Tally::default());
    }
    let known = KnownFailures::parse(&fsutil::read_to_string(&dirs.repo.join(KNOWN_FAILURES))?)
        .map_err(|e| format!("{KNOWN_FAILURES}: {e}"))?;
    let known_unwind = KnownFailures::parse(&fsutil::read_to_string(
        &dirs.repo.join(KNOWN_UNWIND_FAILURES),
    )?)
    .map_err(|e| format!("{KNOWN_UNWIND_FAILURES}: {e}"))?;
    let (llvm_recipe, ours_recipe) = recipes(dirs, options.llvm_as_backend);
    let llvm_built = build::harnesses(
        dirs,
        &toolchain,
        &llvm_recipe,
        &suites,
        &out.join("build-llvm.log"),
    )?;
    let ours_log = out.join(format!("build-{}.log", ours_recipe.label));
    let ours_built = build::harnesses(dirs, &toolchain, &ours_recipe, &suites, &ours_log)?;
    if !ours_built.errors.is_empty() {
        eprintln!(
            "[test] !!! sysroot_tests: the {} build failed for some suites:\n{}",
            ours_recipe.label,
            head(&ours_built.errors, 30)
        );
    }
    let unwind_recipe = unwind_recipe(dirs, options.llvm_as_backend);
    let unwind_built = match &unwind_recipe {
        Some(recipe) => {
            let log = out.join(format!("build-{}.log", recipe.label));
            Some(build::harnesses(dirs, &toolchain, recipe, &suites, &log)?)
        }
        _ => None,
    };
    let jobs = options.jobs.to_string();
    let mut results = Vec::new();
    for suite in &suites {
        let side = |recipe: &Recipe, built: &Built| {
            run_side(tools, out, suite.name, recipe.label, built, &jobs)
        };
        let llvm = side(&llvm_recipe, &llvm_built);
        let ours = side(&ours_recipe, &ours_built);
        let comparison = match (&llvm, &ours) {
            (Ok(llvm), Ok(ours)) => Some(compare::compare(
                suite.name,
                &llvm.verdicts,
                &ours.verdicts,
                &known,
            )),
            _ => None,
        };
        let unwind = match (&unwind_recipe, &unwind_built) {
            (Some(recipe), Some(built)) => Some(side(recipe, built)),
            _ => None,
        };
        results.push(SuiteResult {
            suite: suite.name,
            llvm,
            ours,
            comparison,
            unwind,
        });
    }
    let mut report = report(&results, &llvm_built, &ours_built, ours_recipe.label);
    report.push_str(&unwind_report(&results, &known_unwind));
    print!("{report}");
    let results_md = out.join("results.md");
    fsutil::write(&results_md, &report)?;
    println!("[sysroot_tests] table written to {}", results_md.display());
    let mut tally = Tally::default();
    for result in &results {
        tally.record(&format!("sysroot_tests/{}", result.suite), &outcome(result));
        if let Some(unwind) = &result.unwind {
            tally.record(
                &format!("sysroot_tests/{}-unwind", result.suite),
                &unwind_outcome(result.suite, unwind, &known_unwind),
            );
        }
    }
    Ok(tally)
}

/// Ours with unwinding, against the unwinding std dist/sysroot-unwind (when built).
fn unwind_recipe(dirs: &Dirs, llvm_as_backend: bool) -> Option<Recipe> {
    let sysroot = dirs.dist.join(UNWIND_SYSROOT);
    (!llvm_as_backend && sysroot.is_dir()).then(|| Recipe {
        label: "ours-unwind",
        sysroot,
        backend: Some(dirs.dist.join(BACKEND_DYLIB)),
        exclusions: true,
        unwind: true,
    })
}

/// The tests that fail with unwinding and are not listed with a cause.
fn unlisted_unwind_failures(suite: &str, run: &SideRun, known: &KnownFailures) -> Vec<String> {
    run.verdicts
        .iter()
        .filter(|(test, verdict)| {
            matches!(verdict, Verdict::Failed(_)) && known.cause(suite, test).is_none()
        })
        .map(|(test, verdict)| format!("  {test} ({verdict:?})"))
        .collect()
}

fn unwind_outcome(suite: &str, run: &Result<SideRun, String>, known: &KnownFailures) -> Outcome {
    match run {
        Err(message) => Outcome::Failed(format!("ours with unwinding: {message}")),
        Ok(run) => {
            let unlisted = unlisted_unwind_failures(suite, run, known);
            if unlisted.is_empty() {
                Outcome::Passed
            } else {
                Outcome::Failed(format!(
                    "{} tests fail when built by ours with -Cpanic=unwind, not in {KNOWN_UNWIND_FAILURES}:\n{}",
                    unlisted.len(),
                    head(&unlisted.join("\n"), 40)
                ))
            }
        }
    }
}

/// The unwinding runs' counts and their failures with causes, as Markdown.
fn unwind_report(results: &[SuiteResult], known: &KnownFailures) -> String {
    let runs: Vec<(&str, &Result<SideRun, String>)> = results
        .iter()
        .filter_map(|result| Some((result.suite, result.unwind.as_ref()?)))
        .collect();
    if runs.is_empty() {
        return String::new();
    }
    let mut text = String::from(
        "## sysroot_tests: built by ours with -Cpanic=unwind (dist/sysroot-unwind)\n\n\
         | suite | passed / failed / ignored | run time |\n|---|---|---|\n",
    );
    for (suite, run) in &runs {
        let _ = writeln!(
            text,
            "| {suite} | {} | {} |",
            side_counts(run),
            side_time(run)
        );
    }
    for (suite, run) in &runs {
        let Ok(run) = run else { continue };
        for (test, verdict) in &run.verdicts {
            if matches!(verdict, Verdict::Failed(_)) {
                let cause = known.cause(suite, test).unwrap_or("**not listed**");
                let _ = writeln!(text, "- {suite} `{test}`: {cause}");
            }
        }
    }
    text.push('\n');
    text
}

/// The LLVM reference against the LLVM-built std; ours with our backend against dist/'s std
/// (built by our backend when dist/sysroot-llvm exists beside it).
fn recipes(dirs: &Dirs, llvm_as_backend: bool) -> (Recipe, Recipe) {
    let llvm_sysroot = dirs.dist.join(LLVM_SYSROOT);
    let llvm_sysroot = if llvm_sysroot.is_dir() {
        llvm_sysroot
    } else {
        dirs.dist.clone()
    };
    let llvm = Recipe {
        label: "llvm",
        sysroot: llvm_sysroot.clone(),
        backend: None,
        exclusions: false,
        unwind: false,
    };
    let ours = if llvm_as_backend {
        Recipe {
            label: "llvm-as-backend",
            sysroot: llvm_sysroot,
            backend: None,
            exclusions: true,
            unwind: false,
        }
    } else {
        Recipe {
            label: "ours",
            sysroot: dirs.dist.clone(),
            backend: Some(dirs.dist.join(BACKEND_DYLIB)),
            exclusions: true,
            unwind: false,
        }
    };
    (llvm, ours)
}

/// Runs one harness with `wasm-run --libtest`; its output goes to `SUITE-LABEL.log`.
fn run_side(
    tools: &Tools,
    out: &Path,
    suite: &str,
    label: &str,
    built: &Built,
    jobs: &str,
) -> Result<SideRun, String> {
    let Some(harness) = built.harnesses.get(suite) else {
        return Err(format!(
            "the harness did not build:\n{}",
            head(&built.errors, 30)
        ));
    };
    let summary = out.join(format!("{suite}-{label}.json"));
    let log = out.join(format!("{suite}-{label}.log"));
    let mut cmd = Command::new(&tools.wasm_run);
    cmd.arg("--libtest")
        .args(["--jobs", jobs, "--timeout", TEST_TIMEOUT, "--summary-json"])
        .arg(&summary)
        .arg(harness);
    eprintln!(
        "[test] sysroot_tests: running {suite} built by {label} (log: {})",
        log.display()
    );
    let started = Instant::now();
    let finished = process::run_captured(&mut cmd, RUN_LIMIT)?;
    let seconds = started.elapsed().as_secs_f64();
    let mut text = finished.stdout.clone();
    text.extend_from_slice(&finished.stderr);
    fsutil::write(&log, &text)?;
    // 0: all passed, 101: some failed; anything else means no verdicts (see the log).
    if finished.timed_out || !matches!(finished.code, Some(0 | 101)) {
        let stderr = String::from_utf8_lossy(&finished.stderr);
        return Err(format!(
            "wasm-run --libtest ended with {:?}{}:\n{}",
            finished.code,
            if finished.timed_out {
                " (time limit)"
            } else {
                ""
            },
            head(&stderr, 20)
        ));
    }
    let verdicts = compare::parse_summary(&fsutil::read_to_string(&summary)?)?;
    Ok(SideRun { verdicts, seconds })
}

fn outcome(result: &SuiteResult) -> Outcome {
    let mut problems = String::new();
    if let Err(message) = &result.llvm {
        let _ = writeln!(problems, "LLVM side: {message}");
    }
    if let Err(message) = &result.ours {
        let _ = writeln!(problems, "our side: {message}");
    }
    if let Some(comparison) = &result.comparison {
        let new: Vec<String> = comparison
            .regressions
            .iter()
            .filter(|regression| regression.known.is_none())
            .map(|regression| format!("  {} ({})", regression.test, regression.ours))
            .collect();
        if !new.is_empty() {
            let _ = writeln!(
                problems,
                "{} tests pass under LLVM and fail under ours, not in {KNOWN_FAILURES}:\n{}",
                new.len(),
                head(&new.join("\n"), 40)
            );
        }
    }
    if problems.is_empty() {
        Outcome::Passed
    } else {
        Outcome::Failed(problems)
    }
}

/// The side-by-side table and the lists behind it, as Markdown (printed and written).
fn report(results: &[SuiteResult], llvm: &Built, ours: &Built, label: &str) -> String {
    let mut text = String::from("\n## sysroot_tests: coretests and alloctests, LLVM vs ours\n\n");
    let _ = writeln!(
        text,
        "| suite | LLVM passed / failed / ignored | {label} passed / failed / ignored | \
         pass LLVM, fail {label} (known) | run time LLVM / {label} |"
    );
    text.push_str("|---|---|---|---|---|\n");
    for result in results {
        let regressions = match &result.comparison {
            Some(comparison) => {
                let known = comparison
                    .regressions
                    .iter()
                    .filter(|regression| regression.known.is_some())
                    .count();
                format!("{} ({known})", comparison.regressions.len())
            }
            None => "-".to_owned(),
        };
        let _ = writeln!(
            text,
            "| {} | {} | {} | {regressions} | {} / {} |",
            result.suite,
            side_counts(&result.llvm),
            side_counts(&result.ours),
            side_time(&result.llvm),
            side_time(&result.ours),
        );
    }
    let build_time = |built: &Built| {
        if built.cached {
            "cached".to_owned()
        } else {
            format!("{:.0} s", built.seconds)
        }
    };
    let _ = writeln!(
        text,
        "\nbuild: LLVM {}, {label} {}",
        build_time(llvm),
        build_time(ours)
    );
    if !OURS_EXCLUDED.is_empty() {
        text.push_str("\nleft out of our build (their tests count as ours-only failures):\n");
        for exclusion in OURS_EXCLUDED {
            let _ = writeln!(
                text,
                "- `{}` in library/{}: {}",
                exclusion.line, exclusion.file, exclusion.cause
            );
        }
    }
    for result in results {
        let Some(comparison) = &result.comparison else {
            for (side, run) in [("LLVM", &result.llvm), (label, &result.ours)] {
                if let Err(message) = run {
                    let _ = writeln!(
                        text,
                        "\n### {}: no {side} verdicts\n\n```\n{message}\n```",
                        result.suite
                    );
                }
            }
            continue;
        };
        if !comparison.regressions.is_empty() {
            let _ = writeln!(
                text,
                "\n### {}: pass under LLVM, fail under {label}\n",
                result.suite
            );
            for regression in &comparison.regressions {
                let cause = match &regression.known {
                    Some(cause) => format!("known: {cause}"),
                    None => "**NEW**".to_owned(),
                };
                let _ = writeln!(
                    text,
                    "- `{}`: {}; {cause}",
                    regression.test, regression.ours
                );
            }
        }
        if !comparison.no_longer_failing.is_empty() {
            let _ = writeln!(
                text,
                "\n### {}: listed in {KNOWN_FAILURES} but not failing now (remove them)\n",
                result.suite
            );
            for test in &comparison.no_longer_failing {
                let _ = writeln!(text, "- `{test}`");
            }
        }
        if !comparison.ours_only_passes.is_empty() {
            let _ = writeln!(
                text,
                "\n{}: {} tests fail under LLVM and pass under {label}: {}",
                result.suite,
                comparison.ours_only_passes.len(),
                comparison.ours_only_passes.join(", ")
            );
        }
    }
    text.push('\n');
    text
}

fn side_counts(run: &Result<SideRun, String>) -> String {
    match run {
        Ok(run) => {
            let (passed, failed, ignored) = compare::counts(&run.verdicts);
            format!("{passed} / {failed} / {ignored}")
        }
        Err(_) => "did not run".to_owned(),
    }
}

fn side_time(run: &Result<SideRun, String>) -> String {
    match run {
        Ok(run) => format!("{:.0} s", run.seconds),
        Err(_) => "-".to_owned(),
    }
}
