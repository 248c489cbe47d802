//! The extended group: widely used crates from crates.io, each crate's own test suite run with
//! `cargo wasm test --release` and `--dev`; every test that passes in release must pass in dev.
//! Plus the example application and the behaviour of `cargo wasm` itself (cargo_wasm_cli.rs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::cargo_wasm_cli;
use super::crates_io;
use super::incremental;
use super::libtest_log::{self, Verdict};
use super::outcome::{Outcome, head};
use super::pool::Case;
use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process::{self, Finished};
use crate::toolchain::Toolchain;

/// The crates, their versions and how many of their tests pass in release.
const LIST: &str = "tests/extended/crates.txt";
/// A cold build of a crate's tests with its dev-dependencies can take minutes.
const CARGO_LIMIT: Duration = Duration::from_secs(45 * 60);
/// How many tests a report lists by name.
const NAMES_SHOWN: usize = 20;

/// What every case of the group needs; cloned into each.
#[derive(Clone)]
pub struct Setup {
    pub repo: PathBuf,
    pub cargo_wasm: PathBuf,
    /// The pinned toolchain's cargo, for fetching sources.
    pub cargo: PathBuf,
    pub channel: String,
    /// Kept across runs: sources and the shared target dir.
    pub work: PathBuf,
    /// This run's logs.
    pub out: PathBuf,
}

impl Setup {
    pub fn target_dir(&self) -> PathBuf {
        self.work.join("target")
    }

    /// Runs `cargo-wasm wasm ARGS` in `cwd`; with `merged`, stderr goes into stdout in order
    /// (cargo's `Running` lines must stay next to the test lines that follow them).
    pub fn cargo_wasm(&self, cwd: &Path, args: &[&str], merged: bool) -> Finished {
        self.cargo_wasm_with(cwd, args, merged, None)
    }

    /// `cargo_wasm` with the crate's own `RUSTFLAGS`, if it has some.
    pub fn cargo_wasm_with(
        &self,
        cwd: &Path,
        args: &[&str],
        merged: bool,
        rustflags: Option<&str>,
    ) -> Finished {
        let mut cmd = if merged {
            let mut cmd = Command::new("bash");
            cmd.args(["-c", r#"exec "$0" "$@" 2>&1"#])
                .arg(&self.cargo_wasm);
            cmd
        } else {
            Command::new(&self.cargo_wasm)
        };
        cmd.current_dir(cwd)
            .arg("wasm")
            .args(args)
            // The user's flags and target dir must not leak into the tests.
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET");
        if let Some(rustflags) = rustflags {
            cmd.env("RUSTFLAGS", rustflags);
        }
        process::run_or_report(&mut cmd, CARGO_LIMIT)
    }
}

impl Setup {
    /// `cargo-wasm wasm ARGS` in `cwd` with these `RUSTFLAGS`, following `dist` instead of the
    /// group's dist/ (stdout and stderr apart).
    pub fn cargo_wasm_in(
        &self,
        cwd: &Path,
        args: &[&str],
        rustflags: &str,
        dist: &Path,
    ) -> Finished {
        let mut cmd = Command::new(&self.cargo_wasm);
        cmd.current_dir(cwd)
            .arg("wasm")
            .args(args)
            .env("RUSTFLAGS", rustflags)
            .env("WASMRUST_DIST", dist)
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET");
        process::run_or_report(&mut cmd, CARGO_LIMIT)
    }
}

/// One line of tests/extended/crates.txt.
struct Crate {
    name: String,
    version: String,
    release_passed: usize,
    /// `RUSTFLAGS` of both builds (`rustflags=...` in the list), for example a target feature.
    rustflags: Option<String>,
    /// `RUSTFLAGS` of the dev build only (`dev-rustflags=...`): `-Cpanic=abort`, against the
    /// default of dev builds.
    dev_rustflags: Option<String>,
    /// More arguments for `cargo wasm test` (after `--`: for libtest).
    args: Vec<String>,
}

impl Crate {
    /// The name of its case: the crate, and its flags when it has some.
    fn label(&self) -> String {
        let name = match self
            .args
            .iter()
            .find_map(|arg| arg.strip_prefix("--target="))
        {
            // A crate listed again for components gets its own name.
            Some(target @ "wasip2") => format!("{}[{target}]", self.name),
            _ => self.name.clone(),
        };
        match (&self.rustflags, &self.dev_rustflags) {
            (Some(flags), _) => format!("{name}[{flags}]"),
            (None, Some(flags)) => format!("{name}[dev {flags}]"),
            (None, None) => name,
        }
    }

    /// Whether the list gives it flags of its own (it then gets its own copy and target dir).
    fn flagged(&self) -> bool {
        self.rustflags.is_some() || self.dev_rustflags.is_some()
    }

    /// The `RUSTFLAGS` of the build in `mode`.
    fn rustflags_of(&self, mode: &str) -> Option<&str> {
        match mode {
            "dev" => self.dev_rustflags.as_deref().or(self.rustflags.as_deref()),
            _ => self.rustflags.as_deref(),
        }
    }

    /// The label as a file name.
    fn file_label(&self) -> String {
        self.label().replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_',
            "_",
        )
    }
}

pub fn cases(dirs: &Dirs, out: &Path, group: &str) -> Res<Vec<Case>> {
    let toolchain = Toolchain::detect(dirs)?;
    // cargo-wasm follows WASMRUST_DIST to another dist/; so does the group, to test that one.
    let dist = std::env::var_os("WASMRUST_DIST").map_or_else(|| dirs.dist.clone(), PathBuf::from);
    let setup = Setup {
        repo: dirs.repo.clone(),
        cargo_wasm: dist.join("bin/cargo-wasm"),
        cargo: toolchain.cargo.clone(),
        channel: toolchain.channel.clone(),
        work: dirs.cache.join(&toolchain.channel).join("extended"),
        out: out.to_path_buf(),
    };
    prune_stale_dev_builds(&setup.work, &dist)?;
    let mut cases = cargo_wasm_cli::cases(&setup, group);
    cases.push(incremental::case(&setup, &dist, group));
    for krate in crates(&dirs.repo)? {
        let setup = setup.clone();
        cases.push(Case {
            name: format!("{group}/{}", krate.label()),
            run: Box::new(move || match check(&setup, &krate) {
                Ok(()) => Outcome::Passed,
                Err(message) => Outcome::Failed(message),
            }),
        });
    }
    Ok(cases)
}

/// Where the group records which dist/ its dev builds are from.
const DEV_BUILDS_STAMP: &str = ".dev-builds-dist";

/// Removes the group's dev builds when dist/ is another than the one that made them. cargo wasm
/// names dev builds after the backend and sysroot files (`-Cmetadata`, from their sizes and
/// times: crates/cargo-wasm/src/fingerprint.rs), so every fresh clone's `./y.sh build` makes the
/// earlier ones unreachable, and without this the cache grew by a dev build of every crate per
/// clone (39 GB, then a full disk, seen in CI). Release builds (LLVM) stay: they are reused.
fn prune_stale_dev_builds(work: &Path, dist: &Path) -> Res<()> {
    let backend = dist.join("lib/librustc_codegen_wasmgc.so");
    let Ok(meta) = std::fs::metadata(&backend) else {
        return Ok(());
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    let identity = format!("{} {} {:?}\n", backend.display(), meta.len(), modified);
    let stamp = work.join(DEV_BUILDS_STAMP);
    if std::fs::read_to_string(&stamp).is_ok_and(|old| old == identity) {
        return Ok(());
    }
    for target_dir in std::fs::read_dir(work).into_iter().flatten().flatten() {
        let name = target_dir.file_name().to_string_lossy().into_owned();
        if name != "target" && !name.starts_with("target-") {
            continue;
        }
        for triple in std::fs::read_dir(target_dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if triple.file_name().to_string_lossy().starts_with("wasm32-") {
                fsutil::remove_dir_all(&triple.path().join("debug"))?;
            }
        }
    }
    fsutil::create_dir_all(work)?;
    fsutil::write(&stamp, identity)
}

fn crates(repo: &Path) -> Res<Vec<Crate>> {
    let path = repo.join(LIST);
    let mut crates = Vec::new();
    for line in fsutil::read_to_string(&path)?.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let (Some(name), Some(version), Some(passed)) = (words.first(), words.get(1), words.get(2))
        else {
            return Err(format!(
                "{}: `{line}`: expected NAME VERSION PASSED",
                path.display()
            ));
        };
        crates.push(Crate {
            name: (*name).to_owned(),
            version: (*version).to_owned(),
            release_passed: passed
                .parse()
                .map_err(|_| format!("{}: `{line}`: {passed} is not a count", path.display()))?,
            rustflags: words[3..]
                .iter()
                .find_map(|word| word.strip_prefix("rustflags="))
                .map(str::to_owned),
            dev_rustflags: words[3..]
                .iter()
                .find_map(|word| word.strip_prefix("dev-rustflags="))
                .map(str::to_owned),
            args: words[3..]
                .iter()
                .filter(|word| {
                    !word.starts_with("rustflags=") && !word.starts_with("dev-rustflags=")
                })
                .map(|word| (*word).to_owned())
                .collect(),
        });
    }
    Ok(crates)
}

/// The crate's tests in both modes, compared.
fn check(setup: &Setup, krate: &Crate) -> Res<()> {
    // A crate listed twice (with flags) gets its own copy: the two cases may run at once.
    let work = if krate.flagged() {
        setup.work.join(format!("flagged-{}", krate.file_label()))
    } else {
        setup.work.clone()
    };
    let source = crates_io::source(
        &setup.cargo,
        &setup.channel,
        &work,
        &krate.name,
        &krate.version,
    )?;
    let lock = crates_io::lock_file(&setup.repo, &krate.name, &krate.version);
    if !lock.is_file() {
        return Err(format!(
            "{} is missing: run `cargo generate-lockfile` in {} and commit its Cargo.lock there",
            lock.display(),
            source.display()
        ));
    }
    fsutil::copy(&lock, &source.join("Cargo.lock"))?;
    let release = test_suite(setup, krate, &source, "release")?;
    let dev = test_suite(setup, krate, &source, "dev")?;
    let passed =
        |verdicts: &BTreeMap<String, Verdict>| libtest_log::count(verdicts, Verdict::Passed);
    let counts = |verdicts: &BTreeMap<String, Verdict>| {
        format!(
            "{} passed, {} failed, {} ignored",
            passed(verdicts),
            libtest_log::count(verdicts, Verdict::Failed),
            libtest_log::count(verdicts, Verdict::Ignored)
        )
    };
    println!(
        "[extended] {}-{}: release {}; dev {}",
        krate.label(),
        krate.version,
        counts(&release),
        counts(&dev)
    );
    let mut problems = Vec::new();
    if passed(&release) != krate.release_passed {
        problems.push(format!(
            "release: {} tests passed, {LIST} says {} (update it and the README table when the \
             change is right)",
            passed(&release),
            krate.release_passed
        ));
    }
    let regressions: Vec<&String> = release
        .iter()
        .filter(|(name, verdict)| {
            **verdict == Verdict::Passed && dev.get(*name) != Some(&Verdict::Passed)
        })
        .map(|(name, _)| name)
        .collect();
    if !regressions.is_empty() {
        let shown: Vec<String> = regressions
            .iter()
            .take(NAMES_SHOWN)
            .map(|name| format!("  {name}: {:?} in dev", dev.get(*name)))
            .collect();
        problems.push(format!(
            "{} tests pass in release but not in dev (logs in {}):\n{}",
            regressions.len(),
            setup.out.display(),
            shown.join("\n")
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `cargo wasm test --MODE` of one crate; its output is kept in out/LABEL.MODE.log.
fn test_suite(
    setup: &Setup,
    krate: &Crate,
    source: &Path,
    mode: &str,
) -> Res<BTreeMap<String, Verdict>> {
    // Other flags would rebuild every crate of the shared target dir: they get their own.
    let target_dir = if krate.flagged() {
        setup.work.join(format!("target-{}", krate.file_label()))
    } else {
        setup.target_dir()
    };
    let target_dir = target_dir.display().to_string();
    let mut args = vec![
        "test",
        &format!("--{mode}"),
        "--locked",
        // A failing harness (a trybuild suite, a test that needs unwinding) must not keep the
        // crate's other harnesses from running.
        "--no-fail-fast",
        "--target-dir",
        &target_dir,
    ]
    .into_iter()
    .map(str::to_owned)
    .collect::<Vec<_>>();
    args.extend(krate.args.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = Instant::now();
    let finished = setup.cargo_wasm_with(source, &args, true, krate.rustflags_of(mode));
    let output = String::from_utf8_lossy(&finished.stdout).into_owned();
    let log = setup.out.join(format!(
        "{}-{}.{mode}.log",
        krate.file_label(),
        krate.version
    ));
    fsutil::write(&log, &output)?;
    let verdicts = libtest_log::verdicts(&output);
    eprintln!(
        "[extended] {} {mode}: {:.0} s",
        krate.label(),
        started.elapsed().as_secs_f64()
    );
    if finished.timed_out || (verdicts.is_empty() && finished.code != Some(0)) {
        return Err(format!(
            "cargo wasm test --{mode} ran no test (exit {:?}{}); its output ({}):\n{}",
            finished.code,
            if finished.timed_out {
                ", timed out"
            } else {
                ""
            },
            log.display(),
            head(&last_lines(&output, 40), 40)
        ));
    }
    Ok(verdicts)
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
