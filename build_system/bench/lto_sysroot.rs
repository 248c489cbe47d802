//! An LLVM-built wasm32-wasip1 std with embedded bitcode, kept in the bench cache: `-Clto` (the
//! release builds of the size table) needs bitcode, and dist/'s reference std is built without.
//! Same sources, lock file and flags as dist/'s LLVM sysroot (build_system/build/sysroot.rs),
//! plus `-Cembed-bitcode=yes`.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::tools::Tools;
use crate::Res;
use crate::fsutil;
use crate::hash::Fnv;
use crate::prepare::WASI_LIBC_DIR;
use crate::process;
use crate::toolchain::Toolchain;

const TARGET: &str = "wasm32-wasip1";
/// dist/'s LLVM sysroot flags, and bitcode for LTO. A later `-C` flag wins over cargo's own
/// `-C embed-bitcode=no`.
const RUSTFLAGS: &str = "-Cpanic=abort -Zforce-unstable-if-unmarked -Cembed-bitcode=yes";
/// Written last: marks a complete sysroot.
const STAMP: &str = ".bench-complete";

/// The sysroot directory (for `--sysroot`), built the first time.
pub fn ensure(tools: &Tools, toolchain: &Toolchain) -> Res<PathBuf> {
    let key = Fnv::new()
        .add(&toolchain.version)
        .add(RUSTFLAGS)
        .add(cargo_args(toolchain).join(" "))
        .hex();
    let dir = tools.cache.join(format!("std-llvm-lto-{key}"));
    let sysroot = dir.join("sysroot");
    if sysroot.join(STAMP).is_file() {
        return Ok(sysroot);
    }
    eprintln!(
        "[bench] building an LLVM std with bitcode for LTO into {} (once)",
        dir.display()
    );
    let target_dir = dir.join("target");
    let mut cmd = Command::new(&toolchain.cargo);
    // From the library directory, so no config of our repository applies to the std build.
    cmd.current_dir(toolchain.library_src())
        .args(cargo_args(toolchain))
        .arg("--target-dir")
        .arg(&target_dir)
        .env("RUSTC", &toolchain.rustc)
        .env("RUSTFLAGS", RUSTFLAGS)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_TARGET_DIR");
    process::run(&mut cmd)?;
    install(
        toolchain,
        &target_dir.join(TARGET).join("release/deps"),
        &sysroot,
    )?;
    fsutil::write(&sysroot.join(STAMP), "")?;
    Ok(sysroot)
}

fn cargo_args(toolchain: &Toolchain) -> Vec<String> {
    let library = toolchain.library_src();
    vec![
        "build".into(),
        "--release".into(),
        // rust-src's own lock file and vendored crates: no network, the exact versions.
        "--locked".into(),
        "--offline".into(),
        "--manifest-path".into(),
        library.join("sysroot/Cargo.toml").display().to_string(),
        "--target".into(),
        TARGET.into(),
        // Default features add panic-unwind, which dist/'s sysroots do not have either.
        "--no-default-features".into(),
        "--config".into(),
        "source.crates-io.replace-with='vendored-sources'".into(),
        "--config".into(),
        format!(
            "source.vendored-sources.directory='{}'",
            library.join("vendor").display()
        ),
    ]
}

/// Lays the rlibs out as a sysroot, with wasi-libc (self-contained linking) and the host rustlib
/// (rust-lld).
fn install(toolchain: &Toolchain, deps: &Path, sysroot: &Path) -> Res<()> {
    let rustlib = sysroot.join("lib/rustlib");
    let lib = rustlib.join(TARGET).join("lib");
    fsutil::fresh_dir(&lib)?;
    for file in fsutil::files_in(deps)? {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        // `sysroot` is the empty crate that only pulls the others in.
        if name.ends_with(".rlib") && !name.starts_with("libsysroot-") {
            fsutil::copy(&file, &lib.join(&*name))?;
        }
    }
    let self_contained = lib.join("self-contained");
    fsutil::create_dir_all(&self_contained)?;
    for file in fsutil::files_in(Path::new(WASI_LIBC_DIR))? {
        fsutil::copy(
            &file,
            &self_contained.join(file.file_name().unwrap_or_default()),
        )?;
    }
    fsutil::symlink(&toolchain.host_rustlib(), &rustlib.join(&toolchain.host))
}
