//! `./y.sh fuzz`: generates random programs, builds them with LLVM and with our backend, runs
//! them, compares, reduces every mismatch and keeps a running tally of programs compared.

pub mod compare;
mod generate;
mod reduce;
mod rng;
mod tally;

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::test::exec::Tools;
use compare::{Finding, Kind, Ours, Timing, Verdict};

/// Seeds whose program our backend gets wrong today, one per line: `SEED  reason`.
pub const KNOWN_FAILURES: &str = "build_system/fuzz/known-failures.txt";
/// How often the command reports progress.
const PROGRESS_EVERY: u64 = 50;
/// How long a run waits for an unusable dist/ to come back, and how often it looks.
const TOOLCHAIN_WAIT: Duration = Duration::from_secs(40 * 60);
const TOOLCHAIN_POLL: Duration = Duration::from_secs(20);

pub struct Options {
    seeds: Range<u64>,
    jobs: usize,
    keep: bool,
    reduce: bool,
    print: Option<u64>,
}

impl Options {
    pub fn parse(args: &[String]) -> Res<Options> {
        let mut options = Options {
            seeds: 0..200,
            // The CI machines have 2 cores.
            jobs: 2,
            keep: false,
            reduce: true,
            print: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value =
                |name: &str| args.next().cloned().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--seeds" => options.seeds = parse_range(&value("--seeds")?)?,
                "--jobs" => {
                    let text = value("--jobs")?;
                    options.jobs = text
                        .parse()
                        .map_err(|_| format!("--jobs {text}: not a number"))?;
                }
                "--keep" => options.keep = true,
                "--no-reduce" => options.reduce = false,
                "--print" => {
                    let text = value("--print")?;
                    options.print = Some(
                        text.parse()
                            .map_err(|_| format!("--print {text}: not a seed"))?,
                    );
                }
                other => return Err(format!("unknown fuzz option `{other}`")),
            }
        }
        Ok(options)
    }
}

/// `A..B` (B excluded) or a single seed `A`.
pub fn parse_range(text: &str) -> Res<Range<u64>> {
    let number = |part: &str| {
        part.trim()
            .parse::<u64>()
            .map_err(|_| format!("--seeds {text}: expected A..B"))
    };
    match text.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (number(a)?, number(b)?);
            if a >= b {
                return Err(format!("--seeds {text}: empty range"));
            }
            Ok(a..b)
        }
        None => {
            let a = number(text)?;
            Ok(a..a + 1)
        }
    }
}

/// The program for `seed`, as the command and the test group both see it.
pub fn program(seed: u64) -> String {
    generate::program(seed)
}

/// The result of one seed, as the workers report it.
struct Done {
    seed: u64,
    verdict: Verdict,
    timing: Timing,
}

pub fn fuzz(dirs: &Dirs, options: &Options) -> Res<()> {
    if let Some(seed) = options.print {
        print!("{}", program(seed));
        return Ok(());
    }
    let tools = Tools::new(dirs, false);
    for tool in [
        &tools.reference.rustc,
        &tools.under_test.rustc,
        &tools.wasm_run,
    ] {
        if !tool.is_file() {
            return Err(format!("{} is missing: run ./y.sh build", tool.display()));
        }
    }
    let root = dirs.build.join("fuzz");
    let work = root.join("work");
    let failures = root.join("failures");
    fsutil::create_dir_all(&work)?;
    fsutil::create_dir_all(&failures)?;
    let known = known_failures(&dirs.repo)?;
    let seeds = options.seeds.clone();
    let total = seeds.end - seeds.start;
    eprintln!(
        "[fuzz] seeds {}..{} ({total} programs), {} jobs; failures go to {}",
        seeds.start,
        seeds.end,
        options.jobs,
        failures.display()
    );
    let next = AtomicU64::new(seeds.start);
    let (sender, received) = mpsc::channel::<Done>();
    let started = Instant::now();
    let mut summary = Summary::default();
    thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            let sender = sender.clone();
            let (next, tools, work, failures, known) = (&next, &tools, &work, &failures, &known);
            let (end, keep, reduce) = (seeds.end, options.keep, options.reduce);
            scope.spawn(move || {
                loop {
                    let seed = next.fetch_add(1, Ordering::Relaxed);
                    if seed >= end {
                        break;
                    }
                    let dir = work.join(seed.to_string());
                    let mut timing = Timing::default();
                    let verdict = run_waiting(tools, seed, &dir, &mut timing);
                    if let Verdict::ToolchainBroken(_) = verdict {
                        // No later seed can say anything either: the others stop too.
                        next.store(end, Ordering::Relaxed);
                    }
                    if let Verdict::BadProgram(_) | Verdict::Mismatch { .. } = verdict {
                        let target = failures.join(seed.to_string());
                        let known = known.iter().any(|(s, _)| *s == seed);
                        if let Err(e) =
                            write_failure(tools, seed, &dir, &target, &verdict, reduce && !known)
                        {
                            eprintln!("[fuzz] seed {seed}: {e}");
                        }
                    }
                    if !keep {
                        let _ = fsutil::remove_dir_all(&dir);
                    }
                    if sender
                        .send(Done {
                            seed,
                            verdict,
                            timing,
                        })
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for done in received {
            if !summary.record(&done, &known) {
                continue;
            }
            if summary.programs % PROGRESS_EVERY == 0 || summary.programs == total {
                eprintln!(
                    "[fuzz] {}/{total}: {} mismatches, {} bad programs, {:.2} programs/s",
                    summary.programs,
                    summary.mismatches.len(),
                    summary.bad.len(),
                    summary.programs as f64 / started.elapsed().as_secs_f64()
                );
            }
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    println!("{}", summary.report(seconds, options.jobs));
    tally::record(dirs, &seeds, &summary.counts(), seconds)?;
    println!("{}", tally::totals(dirs)?);
    if let Some(why) = summary.broken {
        return Err(format!(
            "the toolchain in dist/ is unusable (being rebuilt?), the run stopped:\n{why}"
        ));
    }
    if summary.mismatches.iter().any(|(_, known)| !known) || !summary.bad.is_empty() {
        return Err("new mismatches or bad programs (see above)".to_owned());
    }
    Ok(())
}

/// Generates the program of `seed` into `dir` and compares it.
pub fn run_seed(tools: &Tools, seed: u64, dir: &Path, timing: &mut Timing) -> Verdict {
    if let Err(e) = fsutil::fresh_dir(dir) {
        return Verdict::BadProgram(e);
    }
    let source = dir.join("prog.rs");
    if let Err(e) = fsutil::write(&source, program(seed)) {
        return Verdict::BadProgram(e);
    }
    compare::compare(tools, &source, dir, timing)
}

/// `run_seed`, waiting while dist/ is unusable: `./y.sh build` replaces it piece by piece, and
/// a long run should survive a rebuild rather than report thousands of broken seeds.
fn run_waiting(tools: &Tools, seed: u64, dir: &Path, timing: &mut Timing) -> Verdict {
    let mut waited = Duration::ZERO;
    loop {
        let verdict = run_seed(tools, seed, dir, timing);
        if !matches!(verdict, Verdict::ToolchainBroken(_)) || waited >= TOOLCHAIN_WAIT {
            return verdict;
        }
        if waited.is_zero() {
            eprintln!("[fuzz] seed {seed}: dist/ is unusable (being rebuilt?), waiting for it");
        }
        thread::sleep(TOOLCHAIN_POLL);
        waited += TOOLCHAIN_POLL;
        *timing = Timing::default();
    }
}

/// The seeds of KNOWN_FAILURES and their reasons.
pub fn known_failures(repo: &Path) -> Res<Vec<(u64, String)>> {
    let path = repo.join(KNOWN_FAILURES);
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let mut known = Vec::new();
    for line in fsutil::read_to_string(&path)?.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (seed, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let seed = seed
            .parse()
            .map_err(|_| format!("{}: `{line}` does not start with a seed", path.display()))?;
        known.push((seed, reason.trim().to_owned()));
    }
    Ok(known)
}

/// Writes the program, the outputs and (for a mismatch) a reduced program to `target`.
fn write_failure(
    tools: &Tools,
    seed: u64,
    dir: &Path,
    target: &Path,
    verdict: &Verdict,
    reduce: bool,
) -> Res<()> {
    fsutil::fresh_dir(target)?;
    let source = fsutil::read_to_string(&dir.join("prog.rs"))?;
    fsutil::write(&target.join("prog.rs"), &source)?;
    let mut report = format!("seed {seed}\n");
    match verdict {
        Verdict::Match | Verdict::ToolchainBroken(_) => return Ok(()),
        Verdict::BadProgram(why) => {
            let _ = writeln!(report, "generator bug: {why}");
            eprintln!("[fuzz] seed {seed}: GENERATOR BUG: {why}");
        }
        Verdict::Mismatch {
            reference,
            findings,
        } => {
            fsutil::write(&target.join("llvm.stdout"), &reference.stdout)?;
            for finding in findings {
                write_finding(target, &mut report, finding)?;
            }
            eprintln!(
                "[fuzz] seed {seed}: MISMATCH ({})",
                findings
                    .iter()
                    .map(|f| format!("{} {:?}", f.build.label(), f.kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if reduce {
                // The first finding is the -O0 one when both fail: the simpler build to debug.
                let first = &findings[0];
                let reduced = reduce::reduce(tools, &source, dir, first.build, first.kind);
                fsutil::write(&target.join("reduced.rs"), &reduced)?;
                let _ = writeln!(
                    report,
                    "reduced ({} lines, {} failing): reduced.rs",
                    reduced.lines().count(),
                    first.build.label()
                );
                write_reduced_outputs(tools, dir, target, first.build, &reduced)?;
            }
        }
    }
    fsutil::write(&target.join("report.txt"), report)
}

fn write_finding(target: &Path, report: &mut String, finding: &Finding) -> Res<()> {
    let label = finding.build.label();
    let file = match finding.kind {
        Kind::CompileFailed => format!("{label}.stderr"),
        Kind::OutputDiffers => format!("{label}.stdout"),
    };
    fsutil::write(&target.join(&file), &finding.output)?;
    let _ = writeln!(report, "{}\n(full output: {file})", finding.detail);
    Ok(())
}

/// Both outputs of the reduced program, for the bug report.
fn write_reduced_outputs(
    tools: &Tools,
    dir: &Path,
    target: &Path,
    build: Ours,
    reduced: &str,
) -> Res<()> {
    let source = dir.join("reduced.rs");
    fsutil::write(&source, reduced)?;
    let mut timing = Timing::default();
    let Ok(expected) = compare::reference(tools, &source, dir, &mut timing) else {
        return Err("the reduced program no longer builds under LLVM".to_owned());
    };
    fsutil::write(&target.join("reduced.llvm.stdout"), &expected.stdout)?;
    if let Ok(Some(finding)) = compare::ours(tools, &source, dir, build, &expected, &mut timing) {
        fsutil::write(
            &target.join(format!("reduced.{}.out", build.label())),
            &finding.output,
        )?;
    }
    Ok(())
}

/// Counts of one run of the command.
#[derive(Default)]
struct Summary {
    programs: u64,
    matched: u64,
    /// Seeds and whether KNOWN_FAILURES lists them.
    mismatches: Vec<(u64, bool)>,
    bad: Vec<u64>,
    /// Comparisons made per build of ours (a bad program makes none).
    compared: [u64; 2],
    /// Why dist/ was unusable, when it was: the run stopped there.
    broken: Option<String>,
    timing: Timing,
}

impl Summary {
    /// Counts one result; false when it says nothing about the program (broken toolchain).
    fn record(&mut self, done: &Done, known: &[(u64, String)]) -> bool {
        if let Verdict::ToolchainBroken(why) = &done.verdict {
            self.broken = Some(format!("seed {}: {why}", done.seed));
            return false;
        }
        self.programs += 1;
        self.timing.add(done.timing);
        match &done.verdict {
            Verdict::ToolchainBroken(_) => {}
            Verdict::Match => {
                self.matched += 1;
                self.compared[0] += 1;
                self.compared[1] += 1;
            }
            Verdict::BadProgram(_) => self.bad.push(done.seed),
            Verdict::Mismatch { .. } => {
                self.compared[0] += 1;
                self.compared[1] += 1;
                let listed = known.iter().any(|(seed, _)| *seed == done.seed);
                self.mismatches.push((done.seed, listed));
            }
        }
        true
    }

    fn counts(&self) -> tally::Counts {
        tally::Counts {
            programs: self.programs,
            compared_o0: self.compared[0],
            compared_o3: self.compared[1],
            mismatches: self.mismatches.len() as u64,
            bad: self.bad.len() as u64,
        }
    }

    fn report(&self, seconds: f64, jobs: usize) -> String {
        let mut text = format!(
            "\n[fuzz] {} programs in {seconds:.0}s ({:.2} programs/s with {jobs} jobs): {} matched, {} mismatched, {} bad programs\n",
            self.programs,
            self.programs as f64 / seconds.max(0.001),
            self.matched,
            self.mismatches.len(),
            self.bad.len()
        );
        let t = &self.timing;
        let _ = writeln!(
            text,
            "[fuzz] time per program (summed over jobs): LLVM compile {:.2}s, LLVM run {:.2}s, ours compile (both) {:.2}s, ours run (both) {:.2}s",
            per(t.reference_compile, self.programs),
            per(t.reference_run, self.programs),
            per(t.ours_compile, self.programs),
            per(t.ours_run, self.programs)
        );
        let mut seeds: Vec<&(u64, bool)> = self.mismatches.iter().collect();
        seeds.sort();
        for (seed, known) in seeds {
            let _ = writeln!(
                text,
                "  mismatch: seed {seed}{}",
                if *known {
                    " (known)"
                } else {
                    " (NEW: see build/fuzz/failures)"
                }
            );
        }
        for seed in &self.bad {
            let _ = writeln!(
                text,
                "  generator bug: seed {seed} (build/fuzz/failures/{seed})"
            );
        }
        text.trim_end().to_owned()
    }
}

fn per(duration: std::time::Duration, count: u64) -> f64 {
    duration.as_secs_f64() / count.max(1) as f64
}
