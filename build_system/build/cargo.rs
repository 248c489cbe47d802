//! Builds the workspace's host binaries (backend dylib, wasm-run) and installs them into dist/.

use std::path::PathBuf;
use std::process::Command;

use super::BACKEND_DYLIB;
use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process;
use crate::toolchain::Toolchain;

/// The workspace target dir lives in the cache, so a fresh clone (CI) reuses compiled dependencies.
pub fn workspace_target_dir(dirs: &Dirs, toolchain: &Toolchain) -> PathBuf {
    dirs.cache.join(&toolchain.channel).join("target")
}

pub fn build_backend(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let installed = dirs.dist.join(BACKEND_DYLIB);
    // A stale backend must never be tested in place of one that no longer builds.
    fsutil::remove_file(&installed)?;
    let built = cargo_build_release(dirs, toolchain, "rustc_codegen_wasmgc", &[])?;
    fsutil::create_dir_all(&dirs.dist.join("lib"))?;
    fsutil::copy(&built.join("librustc_codegen_wasmgc.so"), &installed)
}

pub fn build_runner(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let installed = dirs.dist.join("bin/wasm-run");
    fsutil::remove_file(&installed)?;
    let patch = super::runner_patch::cargo_config(dirs, toolchain)?;
    let built = cargo_build_release(dirs, toolchain, "wasm-run", &patch)?;
    fsutil::copy(&built.join("wasm-run"), &installed)
}

/// cargo-wasm, and the post-link WasmGC lowering as a tool of its own (wasm-gc-lower, which
/// cargo-wasm links as a library; the bench and other toolchains' users run the tool).
pub fn build_cargo_wasm(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    for package in ["cargo-wasm", "wasm-gc-lower"] {
        let installed = dirs.dist.join("bin").join(package);
        fsutil::remove_file(&installed)?;
        let built = cargo_build_release(dirs, toolchain, package, &[])?;
        fsutil::copy(&built.join(package), &installed)?;
    }
    Ok(())
}

/// `cargo CONFIG build --release -p PACKAGE`; returns the directory holding the artifacts.
fn cargo_build_release(
    dirs: &Dirs,
    toolchain: &Toolchain,
    package: &str,
    config: &[String],
) -> Res<PathBuf> {
    let target_dir = workspace_target_dir(dirs, toolchain);
    let mut cmd = Command::new(&toolchain.cargo);
    cmd.current_dir(&dirs.repo)
        .args(config)
        .args(["build", "--release", "-p", package, "--target-dir"])
        .arg(&target_dir)
        // Flags meant for compiling wasm programs (see README) would break a host build.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("CARGO_TARGET_DIR");
    process::run(&mut cmd)?;
    Ok(target_dir.join("release"))
}
