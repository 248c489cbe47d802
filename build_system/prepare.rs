//! `./y.sh prepare`: checks, and installs when missing, what lives outside the repository.

use std::path::Path;
use std::process::Command;

use crate::Res;
use crate::dirs::Dirs;
use crate::process::{self, step};
use crate::toolchain::Toolchain;

/// Where Debian's `wasi-libc` package installs the C library for wasm32 WASI.
pub const WASI_LIBC_DIR: &str = "/usr/lib/wasm32-wasi";

/// The stable toolchain builds and runs the `wasm` crate's examples (the gc group).
const STABLE: &str = "stable";

/// Everything: what `build` needs and what only the tests and the bench need.
pub fn prepare(_dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    for_build(toolchain)?;
    for_tests()?;
    eprintln!("[prepare] all prerequisites are in place");
    Ok(())
}

/// What `./y.sh build` cannot do without; it runs this itself, so a fresh machine needs no
/// separate `prepare` before the README's first command.
pub fn for_build(toolchain: &Toolchain) -> Res<()> {
    step("prepare", "wasi-libc (apt)", ensure_wasi_libc)?;
    step(
        "prepare",
        "rustup components of the pinned toolchain",
        || ensure_components(toolchain),
    )?;
    step(
        "prepare",
        "stable toolchain with wasm32-wasip1",
        ensure_stable_wasip1,
    )
}

/// What only the test ladder and the bench use (GNU time, headless Chromium); `./y.sh test`
/// runs this before building.
pub fn for_tests() -> Res<()> {
    step(
        "prepare",
        "GNU time (apt), for ./y.sh bench",
        ensure_gnu_time,
    )?;
    step(
        "prepare",
        "Chromium (apt), for the web group's headless browser",
        ensure_chromium,
    )?;
    step(
        "prepare",
        "llvm-dwarfdump and gdb (apt), for the debuginfo group",
        || {
            ensure_packages(
                &["/usr/bin/llvm-dwarfdump", "/usr/bin/gdb"],
                &["llvm", "gdb"],
            )
        },
    )
}

fn wasi_libc_present() -> bool {
    Path::new(WASI_LIBC_DIR).join("libc.a").is_file()
}

fn ensure_wasi_libc() -> Res<()> {
    let libc = format!("{WASI_LIBC_DIR}/libc.a");
    ensure_packages(&[&libc], &["wasi-libc"])?;
    if !wasi_libc_present() {
        return Err(format!(
            "the wasi-libc package is installed but {libc} is still missing"
        ));
    }
    Ok(())
}

fn apt_get(args: &[&str]) -> Res<()> {
    process::run(
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
    .map_err(|e| format!("{e}\n(apt-get needs root; install the package by hand otherwise)"))
}

/// The components of rust-toolchain.toml; `rustup toolchain install` does not add them to a
/// toolchain that is already installed without them.
fn ensure_components(toolchain: &Toolchain) -> Res<()> {
    let installed = rustup_list(&[
        "component",
        "list",
        "--installed",
        "--toolchain",
        &toolchain.channel,
    ])?;
    let wanted = ["rust-src", "rustc-dev", "llvm-tools", "rustfmt", "clippy"];
    let missing: Vec<&str> = wanted
        .into_iter()
        .filter(|name| {
            !installed
                .iter()
                .any(|line| is_component(line, name, &toolchain.host))
        })
        .collect();
    if missing.is_empty() {
        eprintln!("[prepare] components present: {}", wanted.join(", "));
        return Ok(());
    }
    eprintln!("[prepare] adding components: {}", missing.join(", "));
    process::run(
        Command::new("rustup")
            .args(["component", "add", "--toolchain", &toolchain.channel])
            .args(&missing),
    )
}

/// `rustup component list` names host components with the host triple appended.
fn is_component(line: &str, name: &str, host: &str) -> bool {
    line == name || line == format!("{name}-{host}")
}

fn ensure_stable_wasip1() -> Res<()> {
    let toolchains = rustup_list(&["toolchain", "list"])?;
    if !toolchains.iter().any(|line| line.starts_with("stable-")) {
        eprintln!("[prepare] installing the stable toolchain");
        return process::run(Command::new("rustup").args([
            "toolchain",
            "install",
            STABLE,
            "--profile",
            "minimal",
            "--target",
            "wasm32-wasip1",
        ]));
    }
    let targets = rustup_list(&["target", "list", "--installed", "--toolchain", STABLE])?;
    if targets.iter().any(|line| line == "wasm32-wasip1") {
        eprintln!("[prepare] stable has wasm32-wasip1");
        return Ok(());
    }
    eprintln!("[prepare] adding wasm32-wasip1 to the stable toolchain");
    process::run(Command::new("rustup").args([
        "target",
        "add",
        "wasm32-wasip1",
        "--toolchain",
        STABLE,
    ]))
}

fn rustup_list(args: &[&str]) -> Res<Vec<String>> {
    let text = process::stdout_of(Command::new("rustup").args(args))?;
    Ok(text.lines().map(|line| line.trim().to_owned()).collect())
}

/// GNU time reports a command's peak memory (the bench's memory table); Debian package `time`.
pub fn ensure_gnu_time() -> Res<()> {
    ensure_packages(&["/usr/bin/time"], &["time"])
}

/// The web group loads pages in headless Chromium; Debian's `chromium` runs WasmGC modules
/// (Node 20 does not). chromium-driver comes along for WebDriver-based checks.
fn ensure_chromium() -> Res<()> {
    ensure_packages(
        &["/usr/bin/chromium", "/usr/bin/chromedriver"],
        &["chromium", "chromium-driver"],
    )
}

/// Installs Debian `packages` unless every one of `files` exists (refreshing the package lists
/// once if the first attempt fails).
fn ensure_packages(files: &[&str], packages: &[&str]) -> Res<()> {
    if files.iter().all(|file| Path::new(file).is_file()) {
        eprintln!("[prepare] found {}", files.join(" and "));
        return Ok(());
    }
    eprintln!("[prepare] installing Debian's {}", packages.join(" and "));
    let install: Vec<&str> = ["install", "-y"].iter().chain(packages).copied().collect();
    // The package lists may be fresh enough already; only refresh them when the install fails.
    if apt_get(&install).is_err() {
        eprintln!("[prepare] apt-get install failed; refreshing the package lists and retrying");
        apt_get(&["update"])?;
        apt_get(&install)?;
    }
    Ok(())
}
