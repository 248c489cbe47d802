//! Cargo builds of the tests/bench workspace (pinned crates.io crates, the GC hello) for wasm32,
//! through dist/'s wrappers, recording each wasm32 rustc command so it can be re-run and timed.

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::measure::Job;
use super::tools::{Backend, COMPILE_LIMIT, Tools};
use crate::Res;
use crate::fsutil;
use crate::hash::Fnv;
use crate::process;

/// The workspace with the lock file, relative to the repository.
pub const WORKSPACE: &str = "tests/bench";
const TARGET: &str = "wasm32-wasip1";
/// Marks a complete vendor directory.
const VENDOR_STAMP: &str = ".bench-vendored";

/// cargo's RUSTC_WRAPPER: wasm32 crates go to $BENCH_RUSTC (a dist/bin wrapper), host crates
/// (build scripts, proc macros) to the plain rustc. With $BENCH_RECORD set, each wasm32 command
/// line and environment is saved under the crate's name (`___` is cargo's target-info probe).
const ROUTER: &str = r#"#!/usr/bin/env bash
# Written by `./y.sh bench` (build_system/bench/cargo.rs): cargo's RUSTC_WRAPPER.
set -euo pipefail
rustc="$1"; shift
case " $* " in
    *" --target wasm32-wasip1 "*) ;;
    *) exec "$rustc" "$@" ;;
esac
crate=""; prev=""
for arg in "$@"; do
    if [ "$prev" = "--crate-name" ]; then crate="$arg"; fi
    prev="$arg"
done
if [ -n "${BENCH_RECORD:-}" ] && [ -n "$crate" ] && [ "$crate" != "___" ]; then
    printf '%s\0' "$@" > "$BENCH_RECORD/$crate.args"
    env -0 > "$BENCH_RECORD/$crate.env"
fi
exec "$BENCH_RUSTC" "$@"
"#;

/// Debug builds as `cargo build` makes them, except without debug info: our backend emits none,
/// and LLVM's DWARF would be time and bytes spent on something we do not produce.
const DEV_PROFILE: &[&str] = &["profile.dev.debug=0", "profile.dev.panic=\"abort\""];
/// The smallest LLVM release build (size table): opt-level z, fat LTO, one CGU, abort, strip.
pub const RELEASE_PROFILE: &[&str] = &[
    "profile.release.opt-level=\"z\"",
    "profile.release.lto=\"fat\"",
    "profile.release.codegen-units=1",
    "profile.release.panic=\"abort\"",
    "profile.release.strip=true",
];

/// One `cargo build -p PACKAGE` of the workspace.
pub struct Build<'a> {
    pub backend: Backend,
    pub package: &'a str,
    pub release: bool,
    /// Extra flags for the wasm32 crates (`--sysroot ...`).
    pub rustflags: &'a str,
    /// Fresh for every build: cargo does not notice a changed backend behind the same wrapper.
    pub target_dir: PathBuf,
}

impl Build<'_> {
    pub fn records(&self) -> PathBuf {
        self.target_dir.join("bench-records")
    }

    /// The linked program of `package`.
    pub fn wasm(&self) -> PathBuf {
        let profile = if self.release { "release" } else { "debug" };
        self.target_dir
            .join(TARGET)
            .join(profile)
            .join(format!("{}.wasm", self.package))
    }
}

/// The crates.io sources of the lock file, vendored once into the cache (the only download).
pub fn vendor(tools: &Tools) -> Res<PathBuf> {
    let workspace = tools.repo.join(WORKSPACE);
    let lock = fsutil::read_to_string(&workspace.join("Cargo.lock"))?;
    let dir = tools
        .cache
        .join(format!("vendor-{}", Fnv::new().add(lock).hex()));
    if dir.join(VENDOR_STAMP).is_file() {
        return Ok(dir);
    }
    fsutil::remove_dir_all(&dir)?;
    let mut cmd = Command::new(&tools.cargo);
    cmd.args(["vendor", "--locked", "--versioned-dirs", "--manifest-path"])
        .arg(workspace.join("Cargo.toml"))
        .arg(&dir);
    // It prints the source-replacement config for the user; we pass our own.
    process::stdout_of(&mut cmd)?;
    fsutil::write(&dir.join(VENDOR_STAMP), "")?;
    Ok(dir)
}

/// Runs the build; `Ok(Err(why))` when cargo failed (a compile error is a result, not a crash).
pub fn build(tools: &Tools, vendored: &Path, build: &Build) -> Res<Result<(), String>> {
    fsutil::fresh_dir(&build.target_dir)?;
    fsutil::create_dir_all(&build.records())?;
    let router = build.target_dir.join("rustc-router.sh");
    fsutil::write(&router, ROUTER)?;
    std::fs::set_permissions(&router, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make {} executable: {e}", router.display()))?;
    let mut cmd = Command::new(&tools.cargo);
    cmd.current_dir(tools.repo.join(WORKSPACE))
        .args([
            "build",
            "--offline",
            "--locked",
            "--keep-going",
            "--target",
            TARGET,
        ])
        .args(["-p", build.package, "--target-dir"])
        .arg(&build.target_dir)
        .args([
            "--config",
            "source.crates-io.replace-with=\"bench-vendored\"",
        ])
        .arg("--config")
        .arg(format!(
            "source.bench-vendored.directory=\"{}\"",
            vendored.display()
        ));
    let profile = if build.release {
        cmd.arg("--release");
        RELEASE_PROFILE
    } else {
        DEV_PROFILE
    };
    for setting in profile {
        cmd.args(["--config", setting]);
    }
    cmd.env("RUSTC", &tools.host_rustc)
        .env("RUSTC_WRAPPER", &router)
        .env("BENCH_RUSTC", tools.rustc(build.backend))
        .env("BENCH_RECORD", build.records())
        // With --target these apply to the wasm32 crates only, not to build scripts.
        .env("RUSTFLAGS", build.rustflags)
        // A re-run must compile from scratch, as the recorded run did.
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_RUSTC_WRAPPER");
    let finished = process::run_captured(&mut cmd, COMPILE_LIMIT)?;
    if finished.code == Some(0) {
        return Ok(Ok(()));
    }
    let stderr = String::from_utf8_lossy(&finished.stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("error") || line.contains("-->"))
        .take(8)
        .collect();
    Ok(Err(format!(
        "cargo build -p {} ({}) failed: {}",
        build.package,
        build.backend.label(),
        errors.join(" | ")
    )))
}

/// The crates whose wasm32 rustc command was recorded (crate names, underscores), sorted.
pub fn recorded_crates(build: &Build) -> Res<Vec<String>> {
    let mut crates: Vec<String> = fsutil::files_in(&build.records())?
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "args"))
        .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    crates.sort();
    Ok(crates)
}

/// The recorded rustc command of `krate`, writing into `out_dir` instead of cargo's target dir,
/// with `-Ztime-passes`, in the environment cargo gave it.
pub fn replay(tools: &Tools, build: &Build, krate: &str, out_dir: &Path) -> Res<Job> {
    // rustc writes its dep-info there without creating the directory.
    fsutil::create_dir_all(out_dir)?;
    let records = build.records();
    let args = split_nul(&fsutil::read(&records.join(format!("{krate}.args")))?);
    let env = split_nul(&fsutil::read(&records.join(format!("{krate}.env")))?);
    let mut job = Job::new(tools.rustc(build.backend), &tools.repo.join(WORKSPACE));
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let bytes = arg.as_bytes();
        if bytes == b"--out-dir" {
            args.next();
            job = job.arg("--out-dir").arg(out_dir);
        } else {
            job = job.arg(arg);
        }
    }
    job = job.arg("-Ztime-passes");
    job.env = Some(env.iter().filter_map(env_entry).collect());
    Ok(job)
}

/// `KEY=VALUE` -> (KEY, VALUE), leaving out what must not carry over into a re-run.
fn env_entry(entry: &OsString) -> Option<(OsString, OsString)> {
    /// Cargo's jobserver file descriptors are not open in a re-run; it must not record again.
    const DROPPED: &[&str] = &["CARGO_MAKEFLAGS", "MAKEFLAGS", "MFLAGS", "BENCH_RECORD"];
    let bytes = entry.as_bytes();
    let equals = bytes.iter().position(|&b| b == b'=')?;
    let key = OsString::from_vec(bytes[..equals].to_vec());
    if DROPPED.iter().any(|dropped| key == *dropped) {
        return None;
    }
    Some((key, OsString::from_vec(bytes[equals + 1..].to_vec())))
}

fn split_nul(bytes: &[u8]) -> Vec<OsString> {
    bytes
        .split(|&b| b == 0)
        .filter(|part| !part.is_empty())
        .map(|part| OsString::from_vec(part.to_vec()))
        .collect()
}
