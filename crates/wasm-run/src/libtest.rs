//! `wasm-run --libtest`: runs each test of a libtest harness alone in a fresh instance of the
//! once-compiled module or component, a few at a time, each under a time limit, reporting like
//! libtest.

use std::collections::{BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use wasmtime::{Engine, Trap};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

use crate::SETUP_EXIT;
use crate::cli::{HarnessArgs, LibtestOptions, RunIgnored};
use crate::component;
use crate::run::{self, SetupError};

/// How often the epoch advances: the resolution of the per-test time limit.
const TICK: Duration = Duration::from_millis(100);
/// Output kept per instance; a test writing more traps (reported as its failure).
const OUTPUT_LIMIT: usize = 64 << 20;
/// Lines of a trap message (with its wasm backtrace) shown for a failure. A frame with DWARF
/// takes two lines (name, then file:line), and a panic's first ten frames are std's panic
/// machinery: 48 lines reach the test's own frames.
const TRAP_LINES: usize = 48;
/// Exit status when a test failed: what libtest and `cargo test` give.
const FAILED_EXIT: u8 = 101;
/// libtest's terse format breaks its line of result characters after this many.
const QUIET_LINE: usize = 88;

pub(crate) fn main(options: &LibtestOptions) -> ExitCode {
    let harness = match Harness::load(options) {
        Ok(harness) => harness,
        Err(SetupError(error)) => {
            eprintln!("wasm-run: {error:?}");
            return ExitCode::from(SETUP_EXIT);
        }
    };
    // The epoch advances every tick until the tests are done; tests are cut off by epoch
    // deadlines. Dropping `stop` wakes the ticker at once: sleeping out its tick cost every
    // harness up to 100 ms at exit (half a second of a five-target `cargo wasm test`).
    let (stop, stopped) = mpsc::channel::<()>();
    let engine = &harness.engine;
    thread::scope(|scope| {
        scope.spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(TICK) {
                engine.increment_epoch();
            }
        });
        let status = if options.harness.list {
            list_only(&harness, &options.harness)
        } else {
            run_tests(&harness, options)
        };
        drop(stop);
        status
    })
}

/// The one step of a test run that differs between a core module and a component: make a
/// fresh instance of the compiled harness and run it to its end.
pub(crate) trait FreshInstance: Send + Sync {
    /// Runs a new instance whose WASI context is `wasi` (arguments, environment, directories,
    /// captured output) and whose store traps at epoch `deadline`. `Ok` when the program ran
    /// to its end; otherwise its exit request (`I32Exit`), trap or interrupt.
    fn run(&self, wasi: &mut WasiCtxBuilder, deadline: u64) -> wasmtime::Result<()>;
}

/// The compiled harness and what every instance of it gets.
struct Harness {
    engine: Engine,
    program: Box<dyn FreshInstance>,
    /// argv[0] of every instance, as given on the command line.
    name: String,
    dirs: Vec<String>,
    timeout: Duration,
}

/// How one instance ended.
enum Ending {
    /// `proc_exit(code)` or `exit-with-code(code)`, 0 when the program returned (1 when a
    /// component's `run` returned an error).
    Exited(i32),
    /// A trap (a panic under panic=abort ends here) or a failing host call: its cause on the
    /// first line, then the wasm backtrace.
    Trapped(String),
    TimedOut,
}

/// One instance's run: its stdout and stderr (interleaved as written) and how it ended.
struct InstanceRun {
    output: String,
    ending: Ending,
    seconds: f64,
}

impl Harness {
    fn load(options: &LibtestOptions) -> Result<Harness, SetupError> {
        let (mut config, jit) = run::engine_config(options.cache, options.debug_info)?;
        config.epoch_interruption(true);
        let engine = Engine::new(&config)?;
        let (path, jit) = (&options.module, jit.as_deref());
        let program: Box<dyn FreshInstance> = if component::is_component(path) {
            Box::new(component::FreshCommand::load(&engine, path, jit)?)
        } else {
            Box::new(run::FreshModule::load(&engine, path, jit)?)
        };
        Ok(Harness {
            engine,
            program,
            name: options.module.to_string_lossy().into_owned(),
            dirs: options.dirs.clone(),
            timeout: options.timeout,
        })
    }

    /// Runs a fresh instance with `args`, capturing its output.
    fn run(&self, args: &[String]) -> InstanceRun {
        let output = MemoryOutputPipe::new(OUTPUT_LIMIT);
        let started = Instant::now();
        let ticks = self.timeout.as_millis().div_ceil(TICK.as_millis());
        let deadline = u64::try_from(ticks).unwrap_or(u64::MAX);
        let result = self
            .wasi(args, &output)
            .map_err(|SetupError(error)| error)
            .and_then(|mut wasi| self.program.run(&mut wasi, deadline));
        let seconds = started.elapsed().as_secs_f64();
        let ending = match result {
            Ok(()) => Ending::Exited(0),
            Err(error) => {
                if let Some(I32Exit(code)) = error.downcast_ref::<I32Exit>() {
                    Ending::Exited(*code)
                } else if error.downcast_ref::<Trap>() == Some(&Trap::Interrupt) {
                    Ending::TimedOut
                } else {
                    // `{:?}` puts the cause (`Caused by: wasm trap: ...`) after the backtrace,
                    // where a shortened report would cut it.
                    Ending::Trapped(format!("{}\n{error:?}", error.root_cause()))
                }
            }
        };
        InstanceRun {
            output: String::from_utf8_lossy(&output.contents()).into_owned(),
            ending,
            seconds,
        }
    }

    /// The WASI context of one instance: `args`, the environment, `--dir`s, and `output` for
    /// both stdout and stderr.
    fn wasi(
        &self,
        args: &[String],
        output: &MemoryOutputPipe,
    ) -> Result<WasiCtxBuilder, SetupError> {
        let mut builder = WasiCtxBuilder::new();
        builder
            .inherit_env()
            // libtest accepts `-Z unstable-options` (for --force-run-in-process) only on a
            // nightly compiler or with this set, and a harness built by a release rustc is not.
            .env("RUSTC_BOOTSTRAP", "1")
            // One buffer for both streams keeps a panic message in order with what came before.
            .stdout(output.clone())
            .stderr(output.clone())
            .arg(&self.name)
            .args(args);
        run::preopen(&mut builder, &self.dirs)?;
        Ok(builder)
    }

    /// The names the harness prints for `--list ARGS` (tests and benchmarks, which run once as
    /// tests outside `--bench`).
    fn list(&self, args: &[String]) -> Result<Vec<String>, String> {
        let mut full = vec!["--list".to_owned()];
        full.extend_from_slice(args);
        let run = self.run(&full);
        if !matches!(run.ending, Ending::Exited(0)) {
            return Err(format!(
                "`{} {}` failed ({}):\n{}",
                self.name,
                full.join(" "),
                describe(&run.ending, self.timeout),
                run.output.trim_end()
            ));
        }
        Ok(run
            .output
            .lines()
            .filter_map(listed_name)
            .map(str::to_owned)
            .collect())
    }
}

/// `NAME: test` (or `: bench`, `: benchmark`) -> `NAME`.
fn listed_name(line: &str) -> Option<&str> {
    let (name, kind) = line.rsplit_once(": ")?;
    matches!(kind, "test" | "bench" | "benchmark").then_some(name)
}

fn describe(ending: &Ending, timeout: Duration) -> String {
    match ending {
        Ending::Exited(code) => format!("exit status {code}"),
        Ending::Trapped(message) => format!("trapped: {}", head(message, TRAP_LINES)),
        Ending::TimedOut => format!("timed out after {} s", timeout.as_secs()),
    }
}

fn head(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let mut shown = lines[..lines.len().min(max)].join("\n");
    if lines.len() > max {
        let _ = write!(shown, "\n... ({} more lines)", lines.len() - max);
    }
    shown
}

/// `--list`: the harness's own listing, for the same selection.
fn list_only(harness: &Harness, args: &HarnessArgs) -> ExitCode {
    let mut full = vec!["--list".to_owned()];
    full.extend(args.selection());
    match args.run_ignored {
        RunIgnored::No => {}
        RunIgnored::Only => full.push("--ignored".to_owned()),
        RunIgnored::Yes => full.push("--include-ignored".to_owned()),
    }
    let run = harness.run(&full);
    print!("{}", run.output);
    match run.ending {
        Ending::Exited(0) => ExitCode::SUCCESS,
        ending => {
            eprintln!("wasm-run: {}", describe(&ending, harness.timeout));
            ExitCode::from(SETUP_EXIT)
        }
    }
}

/// One selected test: its name and whether the harness marks it `#[ignore]`.
struct Selected {
    name: String,
    ignored: bool,
}

/// The tests to report, in the harness's order, and how many of all its tests the filters
/// left out.
fn select(harness: &Harness, args: &HarnessArgs) -> Result<(Vec<Selected>, usize), String> {
    let selection = args.selection();
    let listed = harness.list(&selection)?;
    let mut ignored_args = selection.clone();
    ignored_args.push("--ignored".to_owned());
    let ignored: BTreeSet<String> = harness.list(&ignored_args)?.into_iter().collect();
    let total = if selection.is_empty() {
        listed.len()
    } else {
        harness.list(&[])?.len()
    };
    let selected: Vec<Selected> = listed
        .into_iter()
        .map(|name| Selected {
            ignored: ignored.contains(&name),
            name,
        })
        .filter(|test| args.run_ignored != RunIgnored::Only || test.ignored)
        .collect();
    let filtered_out = total.saturating_sub(selected.len());
    Ok((selected, filtered_out))
}

enum Verdict {
    Ok,
    Ignored,
    /// A short reason (for the summary) and the details to show under `failures:`.
    Failed {
        reason: String,
        details: String,
    },
}

struct TestResult {
    name: String,
    verdict: Verdict,
    /// What the test printed (libtest's own framing removed).
    output: String,
    seconds: f64,
}

/// Runs one test alone, as libtest would run it in a subprocess.
fn run_one(harness: &Harness, test: &Selected) -> TestResult {
    let args: Vec<String> = [
        test.name.as_str(),
        "--exact",
        "--test-threads=1",
        // Output goes straight to our buffer: libtest's capture would die with an aborting test.
        "--nocapture",
        // Else a panic=abort harness spawns itself as a subprocess per test, which WASI cannot.
        "-Z",
        "unstable-options",
        "--force-run-in-process",
        // Only reached for ignored tests when they were asked for (`--ignored` and friends).
        "--include-ignored",
    ]
    .map(str::to_owned)
    .to_vec();
    let run = harness.run(&args);
    let output = strip_framing(&run.output, &test.name);
    let verdict = match &run.ending {
        Ending::Exited(0) => match result_counts(&run.output) {
            Some((1, 0, 0)) => Verdict::Ok,
            Some((0, 0, 1)) => Verdict::Ignored,
            _ => Verdict::Failed {
                reason: "did not run".to_owned(),
                details: "the harness ran no test of exactly this name".to_owned(),
            },
        },
        Ending::Exited(code) => Verdict::Failed {
            reason: format!("exit status {code}"),
            details: String::new(),
        },
        Ending::Trapped(message) => Verdict::Failed {
            // Under panic=abort a panic ends in abort(), a trap like any other: its message
            // printed before tells the two apart.
            reason: if run.output.contains("panicked at") {
                "panicked".to_owned()
            } else {
                format!("trapped: {}", message.lines().next().unwrap_or_default())
            },
            details: format!("wasm-run: the test trapped: {}", head(message, TRAP_LINES)),
        },
        Ending::TimedOut => Verdict::Failed {
            reason: format!("timed out after {} s", harness.timeout.as_secs()),
            details: format!(
                "wasm-run: the test was stopped after {} s (--timeout)",
                harness.timeout.as_secs()
            ),
        },
    };
    TestResult {
        name: test.name.clone(),
        verdict,
        output,
        seconds: run.seconds,
    }
}

/// `(passed, failed, ignored)` of the last `test result:` line.
fn result_counts(output: &str) -> Option<(usize, usize, usize)> {
    let line = output
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("test result: "))?;
    let count = |what: &str| -> Option<usize> {
        line.split(';')
            .find_map(|part| part.trim().strip_suffix(what))
            .and_then(|number| number.trim().rsplit(' ').next()?.parse().ok())
    };
    Some((count(" passed")?, count(" failed")?, count(" ignored")?))
}

/// The test's own output: without libtest's `running 1 test` header, the `test NAME ... `
/// prefix and the `test result:` trailer of the single-test run.
fn strip_framing(output: &str, name: &str) -> String {
    let prefix = format!("test {name} ... ");
    let mut kept = Vec::new();
    for line in output.lines() {
        if line == "running 1 test" || line.starts_with("test result: ") {
            continue;
        }
        let line = line.strip_prefix(prefix.as_str()).unwrap_or(line);
        // The verdict word libtest appends to its prefix line is ours to print, and so is
        // the `failures:` list naming this test.
        if matches!(line, "ok" | "FAILED" | "ignored" | "failures:")
            || line == format!("    {name}")
        {
            continue;
        }
        kept.push(line);
    }
    kept.join("\n").trim().to_owned()
}

fn run_tests(harness: &Harness, options: &LibtestOptions) -> ExitCode {
    let args = &options.harness;
    let (selected, filtered_out) = match select(harness, args) {
        Ok(selection) => selection,
        Err(message) => {
            eprintln!("wasm-run: cannot list the tests: {message}");
            return ExitCode::from(SETUP_EXIT);
        }
    };
    let started = Instant::now();
    let noun = if selected.len() == 1 { "test" } else { "tests" };
    println!("\nrunning {} {noun}", selected.len());
    let results = run_selected(harness, options, &selected);
    let seconds = started.elapsed().as_secs_f64();
    let summary = Summary::of(&results, filtered_out, seconds);
    print!("{}", summary.report(&results, args.show_output));
    if let Some(path) = &options.summary_json {
        let json = summary.json(&harness.name, &results);
        if let Err(error) = std::fs::write(path, json) {
            eprintln!("wasm-run: cannot write {}: {error}", path.display());
            return ExitCode::from(SETUP_EXIT);
        }
    }
    if summary.failed > 0 {
        ExitCode::from(FAILED_EXIT)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs the selected tests on `jobs` threads, printing each result as it arrives.
fn run_selected(
    harness: &Harness,
    options: &LibtestOptions,
    selected: &[Selected],
) -> Vec<TestResult> {
    let queue = Mutex::new(selected.iter().collect::<VecDeque<_>>());
    let report_ignored = options.harness.run_ignored == RunIgnored::No;
    let (sender, received) = mpsc::channel();
    let mut results = Vec::with_capacity(selected.len());
    thread::scope(|scope| {
        for _ in 0..options.jobs {
            let sender = sender.clone();
            let queue = &queue;
            let worker = move || {
                loop {
                    // The lock is released at the end of this statement, before the test runs.
                    let next = queue.lock().map(|mut queue| queue.pop_front());
                    let Ok(Some(test)) = next else { break };
                    let result = if test.ignored && report_ignored {
                        TestResult {
                            name: test.name.clone(),
                            verdict: Verdict::Ignored,
                            output: String::new(),
                            seconds: 0.0,
                        }
                    } else {
                        run_one(harness, test)
                    };
                    if sender.send(result).is_err() {
                        break;
                    }
                }
            };
            // Wasm runs on this thread's native stack: give it what the plain runner gets.
            let spawned = thread::Builder::new()
                .name("wasm-run test".to_owned())
                .stack_size(run::WASM_STACK + crate::HOST_STACK_MARGIN)
                .spawn_scoped(scope, worker);
            if let Err(error) = spawned {
                eprintln!("wasm-run: cannot start a test thread: {error}");
            }
        }
        drop(sender);
        let mut shown = 0;
        for result in received {
            shown += 1;
            print_result(&result, options.harness.quiet, shown, selected.len());
            results.push(result);
        }
    });
    results
}

fn print_result(result: &TestResult, quiet: bool, shown: usize, total: usize) {
    use std::io::Write;
    let word = match result.verdict {
        Verdict::Ok => "ok",
        Verdict::Ignored => "ignored",
        Verdict::Failed { .. } => "FAILED",
    };
    if quiet {
        let mark = match result.verdict {
            Verdict::Ok => '.',
            Verdict::Ignored => 'i',
            Verdict::Failed { .. } => 'F',
        };
        print!("{mark}");
        if shown.is_multiple_of(QUIET_LINE) || shown == total {
            println!(" {shown}/{total}");
        }
        let _ = std::io::stdout().flush();
    } else {
        println!("test {} ... {word}", result.name);
    }
}

struct Summary {
    passed: usize,
    failed: usize,
    ignored: usize,
    filtered_out: usize,
    seconds: f64,
}

impl Summary {
    fn of(results: &[TestResult], filtered_out: usize, seconds: f64) -> Summary {
        let count = |wanted: fn(&Verdict) -> bool| {
            results
                .iter()
                .filter(|result| wanted(&result.verdict))
                .count()
        };
        Summary {
            passed: count(|v| matches!(v, Verdict::Ok)),
            failed: count(|v| matches!(v, Verdict::Failed { .. })),
            ignored: count(|v| matches!(v, Verdict::Ignored)),
            filtered_out,
            seconds,
        }
    }

    /// What libtest prints after the results: outputs, the failure list, `test result:`.
    fn report(&self, results: &[TestResult], show_output: bool) -> String {
        let mut sorted: Vec<&TestResult> = results.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let mut text = String::new();
        if show_output {
            let passed: Vec<&TestResult> = sorted
                .iter()
                .copied()
                .filter(|result| matches!(result.verdict, Verdict::Ok))
                .collect();
            section(&mut text, "successes", &passed, |result| {
                result.output.clone()
            });
        }
        let failed: Vec<&TestResult> = sorted
            .iter()
            .copied()
            .filter(|result| matches!(result.verdict, Verdict::Failed { .. }))
            .collect();
        section(&mut text, "failures", &failed, |result| {
            let details = match &result.verdict {
                Verdict::Failed { details, .. } => details.as_str(),
                _ => "",
            };
            [result.output.as_str(), details]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        });
        let outcome = if self.failed == 0 { "ok" } else { "FAILED" };
        let _ = writeln!(
            text,
            "\ntest result: {outcome}. {} passed; {} failed; {} ignored; 0 measured; \
             {} filtered out; finished in {:.2}s\n",
            self.passed, self.failed, self.ignored, self.filtered_out, self.seconds
        );
        text
    }

    /// `--summary-json`: one object, one test per line (easy to read with or without a parser).
    fn json(&self, harness: &str, results: &[TestResult]) -> String {
        let mut text = format!(
            "{{\"harness\":{},\"passed\":{},\"failed\":{},\"ignored\":{},\"filtered_out\":{},\
             \"seconds\":{:.3},\"tests\":[\n",
            json_string(harness),
            self.passed,
            self.failed,
            self.ignored,
            self.filtered_out,
            self.seconds
        );
        let mut sorted: Vec<&TestResult> = results.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let lines: Vec<String> = sorted
            .iter()
            .map(|result| {
                let (verdict, reason) = match &result.verdict {
                    Verdict::Ok => ("ok", String::new()),
                    Verdict::Ignored => ("ignored", String::new()),
                    Verdict::Failed { reason, .. } => {
                        ("failed", format!(",\"reason\":{}", json_string(reason)))
                    }
                };
                format!(
                    "{{\"name\":{},\"verdict\":\"{verdict}\"{reason},\"seconds\":{:.3}}}",
                    json_string(&result.name),
                    result.seconds
                )
            })
            .collect();
        text.push_str(&lines.join(",\n"));
        text.push_str("\n]}\n");
        text
    }
}

/// libtest's `successes:` / `failures:` block: each test's output, then the list of names.
fn section(
    text: &mut String,
    title: &str,
    results: &[&TestResult],
    output: impl Fn(&TestResult) -> String,
) {
    if results.is_empty() {
        return;
    }
    let _ = writeln!(text, "\n{title}:\n");
    for result in results {
        let shown = output(result);
        if !shown.is_empty() {
            let _ = writeln!(text, "---- {} stdout ----\n{shown}\n", result.name);
        }
    }
    let _ = writeln!(text, "\n{title}:");
    for result in results {
        let _ = writeln!(text, "    {}", result.name);
    }
}

fn json_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(quoted, "\\u{:04x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_lines_name_tests_and_benchmarks_only() {
        assert_eq!(
            listed_name("num::u8::test_add: test"),
            Some("num::u8::test_add")
        );
        assert_eq!(listed_name("fmt::bench_a: bench"), Some("fmt::bench_a"));
        assert_eq!(listed_name("5 tests, 1 benchmark"), None);
        assert_eq!(listed_name(""), None);
        // Only the last `: ` separates the kind.
        assert_eq!(listed_name("a: b: test"), Some("a: b"));
    }

    #[test]
    fn counts_come_from_the_last_result_line() {
        let output = "test result: ok. 7 passed; 0 failed; 0 ignored\n\nrunning 1 test\n\
                      test a ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; \
                      0 measured; 2 filtered out; finished in 0.00s\n";
        assert_eq!(result_counts(output), Some((1, 0, 0)));
        let ignored = "test result: ok. 0 passed; 0 failed; 1 ignored; 0 measured; \
                       9 filtered out; finished in 0.00s";
        assert_eq!(result_counts(ignored), Some((0, 0, 1)));
        assert_eq!(result_counts("running 1 test\ntest a ... "), None);
    }

    #[test]
    fn framing_is_removed_and_the_test_output_kept() {
        let output = "\nrunning 1 test\ntest m::t ... thread 'main' panicked at x.rs:1:1:\n\
                      boom\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(
            strip_framing(output, "m::t"),
            "thread 'main' panicked at x.rs:1:1:\nboom\nnote: run with `RUST_BACKTRACE=1`"
        );
        let passed = "\nrunning 1 test\ntest m::t ... ok\n\ntest result: ok. 1 passed; \
                      0 failed; 0 ignored; 0 measured; 3 filtered out; finished in 0.00s\n";
        assert_eq!(strip_framing(passed, "m::t"), "");
        let failed = "\nrunning 1 test\ntest m::t ... Error: \"bad\"\nFAILED\n\nfailures:\n\n\
                      failures:\n    m::t\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored\n";
        assert_eq!(strip_framing(failed, "m::t"), "Error: \"bad\"");
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
    }

    fn result(name: &str, verdict: Verdict) -> TestResult {
        TestResult {
            name: name.to_owned(),
            verdict,
            output: String::new(),
            seconds: 0.5,
        }
    }

    #[test]
    fn summary_has_libtest_shape_and_one_json_line_per_test() {
        let results = vec![
            result("b", Verdict::Ok),
            result(
                "a",
                Verdict::Failed {
                    reason: "timed out after 60 s".to_owned(),
                    details: "stopped".to_owned(),
                },
            ),
            result("c", Verdict::Ignored),
        ];
        let summary = Summary::of(&results, 4, 1.234);
        let report = summary.report(&results, false);
        assert!(report.contains("\nfailures:\n\n---- a stdout ----\nstopped\n"));
        assert!(report.contains("\nfailures:\n    a\n"));
        assert!(report.ends_with(
            "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; \
             4 filtered out; finished in 1.23s\n\n"
        ));
        let json = summary.json("t.wasm", &results);
        let lines: Vec<&str> = json.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[1],
            r#"{"name":"a","verdict":"failed","reason":"timed out after 60 s","seconds":0.500},"#
        );
        assert_eq!(
            lines[3],
            r#"{"name":"c","verdict":"ignored","seconds":0.500}"#
        );
        assert!(lines[0].starts_with(r#"{"harness":"t.wasm","passed":1,"failed":1,"#));
    }
}
