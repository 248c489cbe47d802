//! `./y.sh prepare`: checks, and installs when missing, what lives outside the repository.

use std::path::Path;
use std::process::Command;

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process::{self, step};
use crate::toolchain::Toolchain;

/// Where Debian's `wasi-libc` package installs the C library for wasm32 WASI.
pub const WASI_LIBC_DIR: &str = "/usr/lib/wasm32-wasi";

/// The stable toolchain builds and runs the `wasm` crate's examples (the gc group).
const STABLE: &str = "stable";

/// The example whose Cargo.lock pins the wasm-bindgen (and so the wasm-bindgen-cli) that the
/// web tests use.
const WEB_BINDGEN_LOCK: &str = "example/web-bindgen/Cargo.lock";

/// Everything: what `build` needs and what only the tests and the bench need.
pub fn prepare(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    for_build(toolchain)?;
    for_tests()?;
    wasm_bindgen_cli(dirs, toolchain)?;
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
        "stable toolchain with wasm32-wasip1 and wasm32-wasip2",
        ensure_stable_targets,
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

/// wasm-bindgen-cli of the version example/web-bindgen's Cargo.lock pins, installed where
/// `cargo wasm` looks for it (CACHE/wasm-bindgen/VERSION, the same cache root): built from
/// source it takes minutes, better spent here than inside a test's time limit.
pub fn wasm_bindgen_cli(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let lock = dirs.repo.join(WEB_BINDGEN_LOCK);
    let text = fsutil::read_to_string(&lock)?;
    let version = locked_version(&text, "wasm-bindgen")
        .ok_or_else(|| format!("{} names no wasm-bindgen", lock.display()))?;
    let root = dirs.cache.join("wasm-bindgen").join(&version);
    let binaries = ["wasm-bindgen", "wasm-bindgen-test-runner"];
    if binaries
        .iter()
        .all(|bin| root.join("bin").join(bin).is_file())
    {
        eprintln!(
            "[prepare] found wasm-bindgen-cli {version} in {}",
            root.display()
        );
        return Ok(());
    }
    step(
        "prepare",
        &format!("wasm-bindgen-cli {version} (cargo install, minutes)"),
        || {
            // A fresh root renamed into place when complete, as cargo wasm installs it: an
            // interrupted install leaves nothing that looks finished.
            let parent = dirs.cache.join("wasm-bindgen");
            let partial = parent.join(format!("{version}.partial-{}", std::process::id()));
            fsutil::remove_dir_all(&partial)?;
            fsutil::create_dir_all(&parent)?;
            process::run(
                Command::new(&toolchain.cargo)
                    // Outside the repository: no .cargo/config.toml of ours applies.
                    .current_dir(&parent)
                    .args(["install", "wasm-bindgen-cli", "--locked", "--version"])
                    .arg(format!("={version}"))
                    .arg("--root")
                    .arg(&partial)
                    .env("RUSTC", &toolchain.rustc)
                    .env_remove("RUSTFLAGS")
                    .env_remove("CARGO_ENCODED_RUSTFLAGS")
                    .env_remove("CARGO_BUILD_TARGET"),
            )?;
            std::fs::rename(&partial, &root).map_err(|e| {
                format!(
                    "cannot move {} to {}: {e}",
                    partial.display(),
                    root.display()
                )
            })
        },
    )
}

/// The version of package `name` in the text of a Cargo.lock (its first entry).
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut package = None;
    for line in lock.lines().map(str::trim) {
        let value = |key: &str| {
            line.strip_prefix(key)?
                .trim_start()
                .strip_prefix('=')?
                .trim()
                .strip_prefix('"')?
                .strip_suffix('"')
        };
        if line.starts_with('[') {
            package = None;
        } else if let Some(found) = value("name") {
            package = Some(found);
        } else if let Some(version) = value("version")
            && package == Some(name)
        {
            return Some(version.to_owned());
        }
    }
    None
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

/// The stable toolchain's wasm targets: their self-contained wasi-libc goes into our sysroots
/// (build/wasi_libc.rs) and the gc group builds the `wasm` crate on stable.
const STABLE_TARGETS: &[&str] = &["wasm32-wasip1", "wasm32-wasip2"];

fn ensure_stable_targets() -> Res<()> {
    let toolchains = rustup_list(&["toolchain", "list"])?;
    if !toolchains.iter().any(|line| line.starts_with("stable-")) {
        eprintln!("[prepare] installing the stable toolchain");
        let mut cmd = Command::new("rustup");
        cmd.args(["toolchain", "install", STABLE, "--profile", "minimal"]);
        for target in STABLE_TARGETS {
            cmd.args(["--target", target]);
        }
        return process::run(&mut cmd);
    }
    let installed = rustup_list(&["target", "list", "--installed", "--toolchain", STABLE])?;
    let missing: Vec<&str> = STABLE_TARGETS
        .iter()
        .copied()
        .filter(|target| !installed.iter().any(|line| line == target))
        .collect();
    if missing.is_empty() {
        eprintln!("[prepare] stable has {}", STABLE_TARGETS.join(" and "));
        return Ok(());
    }
    eprintln!(
        "[prepare] adding {} to the stable toolchain",
        missing.join(" and ")
    );
    process::run(
        Command::new("rustup")
            .args(["target", "add", "--toolchain", STABLE])
            .args(&missing),
    )
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

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_version_from_a_lock_file() {
        let lock = "version = 4\n\n[[package]]\nname = \"js-sys\"\nversion = \"0.3.83\"\n\
                    dependencies = [\n \"wasm-bindgen\",\n]\n\n[[package]]\n\
                    name = \"wasm-bindgen\"\nversion = \"0.2.106\"\n";
        assert_eq!(
            super::locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.106")
        );
        assert_eq!(super::locked_version(lock, "web-sys"), None);
    }
}
