//! The pinned nightly that dist/ was built with: found through rustup from any directory.

use std::path::PathBuf;
use std::process::Command;

use crate::failure::{Failure, Res};

/// The repository's rust-toolchain.toml, compiled in: the backend only loads into this rustc.
const TOOLCHAIN_TOML: &str = include_str!("../../../rust-toolchain.toml");

pub(crate) struct Toolchain {
    pub(crate) channel: String,
    /// The toolchain's own binaries (not rustup's proxies).
    pub(crate) rustc: PathBuf,
    pub(crate) cargo: PathBuf,
    pub(crate) sysroot: PathBuf,
}

/// `nightly-2026-05-20`: the `channel` of rust-toolchain.toml.
pub(crate) fn pinned_channel() -> String {
    TOOLCHAIN_TOML
        .lines()
        .filter_map(|line| line.trim().strip_prefix("channel"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .next()
        .unwrap_or_else(|| "nightly".to_owned())
}

/// The command that installs the pinned toolchain the way `./y.sh` does.
pub(crate) fn install_command() -> String {
    format!(
        "rustup toolchain install {} --profile minimal --component rust-src,rustc-dev,llvm-tools \
         --target wasm32-unknown-unknown",
        pinned_channel()
    )
}

/// The toolchain's rustc where rustup installs it (`$RUSTUP_HOME/toolchains/CHANNEL-HOST`),
/// without starting rustup: `rustup which` costs 40 ms of every command, a third of a no-op
/// `cargo wasm build`. `None` (then rustup answers) unless exactly one such toolchain is there.
fn rustc_in_rustup_home(channel: &str) -> Option<PathBuf> {
    let home = std::env::var_os("RUSTUP_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".rustup")))?;
    let prefix = format!("{channel}-");
    let mut found = std::fs::read_dir(home.join("toolchains"))
        .ok()?
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .map(|entry| entry.path().join("bin/rustc"))
        .filter(|rustc| rustc.is_file());
    let rustc = found.next()?;
    found.next().is_none().then_some(rustc)
}

impl Toolchain {
    pub(crate) fn locate() -> Res<Toolchain> {
        let channel = pinned_channel();
        if let Some(rustc) = rustc_in_rustup_home(&channel) {
            return Self::at(channel, rustc);
        }
        let output = Command::new("rustup")
            .args(["which", "--toolchain", &channel, "rustc"])
            // Never install behind the user's back: a missing toolchain is reported with the fix.
            .env("RUSTUP_AUTO_INSTALL", "0")
            .output()
            .map_err(|e| {
                Failure::setup(format!(
                    "cannot run rustup ({e}): cargo wasm needs it to find the {channel} toolchain"
                ))
                .fix("install rustup, then run: ".to_owned() + &install_command())
            })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(Failure::setup(format!(
                "the pinned toolchain {channel} is not installed ({})",
                stderr
                    .trim()
                    .lines()
                    .last()
                    .unwrap_or("rustup which failed")
            ))
            .fix(format!("run: {}", install_command())));
        }
        let rustc = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        Self::at(channel, rustc)
    }

    /// The toolchain whose rustc is `rustc`, with its cargo beside it.
    fn at(channel: String, rustc: PathBuf) -> Res<Toolchain> {
        let bin = rustc
            .parent()
            .ok_or_else(|| Failure::setup(format!("odd rustc path {}", rustc.display())))?;
        let sysroot = bin.parent().unwrap_or(bin).to_path_buf();
        let cargo = bin.join("cargo");
        if !cargo.is_file() {
            return Err(Failure::setup(format!(
                "the {channel} toolchain has no cargo ({})",
                cargo.display()
            ))
            .fix(format!(
                "run: rustup component add cargo --toolchain {channel}"
            )));
        }
        Ok(Toolchain {
            channel,
            rustc,
            cargo,
            sysroot,
        })
    }

    /// Where rustup put a target's std (`lib/rustlib/TRIPLE/lib`).
    pub(crate) fn target_libdir(&self, triple: &str) -> PathBuf {
        self.sysroot.join("lib/rustlib").join(triple).join("lib")
    }

    /// The toolchain's directory name under rustup's `toolchains/` (`CHANNEL-HOST`), which
    /// names the same toolchain as the channel does. Cargo caches rustc's `-vV` and `--print`
    /// answers only when `$RUSTUP_HOME/toolchains/$RUSTUP_TOOLCHAIN/bin/rustc` exists, and the
    /// rustup proxy that starts `cargo wasm` sets `RUSTUP_HOME`: with the bare channel, cargo
    /// asked rustc four times on every build (60-80 ms of a 120 ms no-op build).
    /// A toolchain elsewhere (a `rustup toolchain link`) keeps the channel.
    fn rustup_name(&self) -> &std::ffi::OsStr {
        let prefix = format!("{}-", self.channel);
        match self.sysroot.file_name() {
            Some(name) if name.to_string_lossy().starts_with(&prefix) => name,
            _ => self.channel.as_ref(),
        }
    }

    /// A cargo command of this toolchain that compiles with this toolchain's rustc.
    pub(crate) fn cargo(&self) -> Command {
        let mut cmd = Command::new(&self.cargo);
        cmd.env("RUSTC", &self.rustc)
            .env("RUSTDOC", self.rustc.with_file_name("rustdoc"))
            // Build scripts that call `rustc` or `cargo` through rustup get the same toolchain.
            .env("RUSTUP_TOOLCHAIN", self.rustup_name());
        cmd
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_pinned_channel() {
        assert!(super::pinned_channel().starts_with("nightly-"));
    }

    #[test]
    fn rustup_name_is_the_toolchain_directory_of_the_channel() {
        let toolchain = |sysroot: &str| super::Toolchain {
            channel: "nightly-2026-05-20".to_owned(),
            rustc: std::path::PathBuf::from(sysroot).join("bin/rustc"),
            cargo: std::path::PathBuf::from(sysroot).join("bin/cargo"),
            sysroot: std::path::PathBuf::from(sysroot),
        };
        let installed =
            toolchain("/home/u/.rustup/toolchains/nightly-2026-05-20-x86_64-unknown-linux-gnu");
        assert_eq!(
            installed.rustup_name(),
            "nightly-2026-05-20-x86_64-unknown-linux-gnu"
        );
        assert_eq!(
            toolchain("/opt/my-rust").rustup_name(),
            "nightly-2026-05-20"
        );
    }
}
