//! Sources of crates.io packages for the extended group: fetched by cargo itself (a scratch
//! package depending on `NAME = "=VERSION"`), then copied out of cargo's registry into the cache.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Res;
use crate::fsutil;
use crate::process;

/// `NAME-VERSION.lock`: the Cargo.lock each crate is tested with (its dev-dependencies pinned).
const LOCKS: &str = "tests/extended/locks";

/// The pinned Cargo.lock of `name` `version` in the repository.
pub fn lock_file(repo: &Path, name: &str, version: &str) -> PathBuf {
    repo.join(LOCKS).join(format!("{name}-{version}.lock"))
}

/// Written last into a copied source tree: marks it complete.
const COMPLETE: &str = ".wasmrust-source-complete";

/// The crate's source in `work` (`work/src/NAME-VERSION`), fetched when not there yet.
pub fn source(cargo: &Path, channel: &str, work: &Path, name: &str, version: &str) -> Res<PathBuf> {
    let dir = work.join("src").join(format!("{name}-{version}"));
    if dir.join(COMPLETE).is_file() {
        return Ok(dir);
    }
    let scratch = work.join("fetch").join(format!("{name}-{version}"));
    fsutil::create_dir_all(&scratch.join("src"))?;
    fsutil::write(&scratch.join("src/lib.rs"), "")?;
    fsutil::write(
        &scratch.join("Cargo.toml"),
        format!(
            "[package]\nname = \"wasmrust-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             [dependencies]\n{name} = \"={version}\"\n[workspace]\n"
        ),
    )?;
    process::run(
        Command::new(cargo)
            .arg("fetch")
            .arg("--manifest-path")
            .arg(scratch.join("Cargo.toml"))
            .env("RUSTUP_TOOLCHAIN", channel),
    )?;
    let fetched = registry_copy(name, version)?;
    fsutil::remove_dir_all(&dir)?;
    fsutil::create_dir_all(dir.parent().unwrap_or(work))?;
    // cp keeps the tree as cargo unpacked it (permissions included); no recursive copy in std.
    process::run(Command::new("cp").arg("-a").arg(&fetched).arg(&dir))?;
    fsutil::write(&dir.join(COMPLETE), "")?;
    Ok(dir)
}

/// `$CARGO_HOME/registry/src/<index>/NAME-VERSION`, where `cargo fetch` unpacks a package.
fn registry_copy(name: &str, version: &str) -> Res<PathBuf> {
    let cargo_home = match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home),
        None => PathBuf::from(std::env::var_os("HOME").ok_or("HOME is not set")?).join(".cargo"),
    };
    let registries = cargo_home.join("registry/src");
    let entries = std::fs::read_dir(&registries)
        .map_err(|e| format!("cannot list {}: {e}", registries.display()))?;
    entries
        .flatten()
        .map(|index| index.path().join(format!("{name}-{version}")))
        .find(|dir| dir.join("Cargo.toml").is_file())
        .ok_or_else(|| {
            format!(
                "cargo fetch ran, but no {name}-{version} is in {}",
                registries.display()
            )
        })
}
