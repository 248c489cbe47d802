//! The pinned nightly toolchain: where its rustc, cargo and sources are, and what identifies it.

use std::path::PathBuf;
use std::process::Command;

use crate::Res;
use crate::dirs::Dirs;
use crate::process;

pub struct Toolchain {
    /// The `channel` of rust-toolchain.toml, e.g. `nightly-2026-05-20`.
    pub channel: String,
    pub sysroot: PathBuf,
    /// The toolchain's own binaries, not the rustup proxies: they work from any directory.
    pub rustc: PathBuf,
    pub cargo: PathBuf,
    pub host: String,
    /// `rustc -vV`: names the exact compiler in cache keys.
    pub version: String,
}

impl Toolchain {
    pub fn detect(dirs: &Dirs) -> Res<Toolchain> {
        let channel = pinned_channel(dirs)?;
        // The rustup proxy resolves rust-toolchain.toml; ask it once for the real location.
        let sysroot = process::stdout_of(
            Command::new("rustc")
                .current_dir(&dirs.repo)
                .args(["--print", "sysroot"]),
        )?;
        let sysroot = PathBuf::from(sysroot.trim());
        let rustc = sysroot.join("bin").join("rustc");
        let version = process::stdout_of(Command::new(&rustc).arg("-vV"))?;
        let host = version
            .lines()
            .find_map(|line| line.strip_prefix("host: "))
            .ok_or("`rustc -vV` printed no host line")?
            .to_owned();
        Ok(Toolchain {
            channel,
            cargo: sysroot.join("bin").join("cargo"),
            rustc,
            sysroot,
            host,
            version,
        })
    }

    /// The standard library sources of the `rust-src` component.
    pub fn library_src(&self) -> PathBuf {
        self.sysroot.join("lib/rustlib/src/rust/library")
    }

    /// The directory with the host's std, proc_macro and the linkers (rust-lld).
    pub fn host_rustlib(&self) -> PathBuf {
        self.sysroot.join("lib/rustlib").join(&self.host)
    }
}

fn pinned_channel(dirs: &Dirs) -> Res<String> {
    let path = dirs.repo.join("rust-toolchain.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("channel"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .next()
        .ok_or_else(|| format!("no `channel = ...` in {}", path.display()))
}
