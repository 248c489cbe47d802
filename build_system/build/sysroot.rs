//! The wasm32-wasip1 sysroot in dist/: std built by LLVM from rust-src, wasi-libc, host rustlib.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::TARGET;
use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::hash::Fnv;
use crate::prepare::WASI_LIBC_DIR;
use crate::process;
use crate::toolchain::Toolchain;

/// Flags for every crate of the standard library. `panic=abort` everywhere keeps the first
/// sysroot simple (no unwinding on wasm); `force-unstable-if-unmarked` makes its dependencies
/// (libc, hashbrown, ...) unusable from user code, as in rustup's sysroots.
const RUSTFLAGS: &str = "-Cpanic=abort -Zforce-unstable-if-unmarked";
/// Lists the rlibs of a finished build in the cache; written last, so it marks completion.
const STAMP: &str = "rlibs.txt";

pub fn build_and_install(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let rlibs = cached_or_built_std(dirs, toolchain)?;
    install(dirs, toolchain, &rlibs)
}

/// The std rlibs for our target, from the cache when this exact recipe was built before.
fn cached_or_built_std(dirs: &Dirs, toolchain: &Toolchain) -> Res<Vec<PathBuf>> {
    let key = Fnv::new()
        .add(&toolchain.version)
        .add(RUSTFLAGS)
        .add(cargo_args(toolchain).join(" "))
        .hex();
    let cache = dirs
        .cache
        .join(&toolchain.channel)
        .join(format!("std-llvm-{TARGET}-{key}"));
    let stamp = cache.join(STAMP);
    if let Ok(list) = std::fs::read_to_string(&stamp) {
        let rlibs: Vec<PathBuf> = list.lines().map(PathBuf::from).collect();
        if !rlibs.is_empty() && rlibs.iter().all(|rlib| rlib.is_file()) {
            eprintln!("[build] std: cached in {}", cache.display());
            return Ok(rlibs);
        }
    }
    fsutil::remove_file(&stamp)?;
    let rlibs = cargo_build_std(toolchain, &cache.join("target"))?;
    let list: String = rlibs.iter().map(|p| format!("{}\n", p.display())).collect();
    fsutil::write(&stamp, list)?;
    Ok(rlibs)
}

fn cargo_args(toolchain: &Toolchain) -> Vec<String> {
    let library = toolchain.library_src();
    vec![
        "build".into(),
        "--release".into(),
        // rust-src's own lock file and vendored crates: no network, and the exact versions.
        "--locked".into(),
        "--offline".into(),
        "--manifest-path".into(),
        library.join("sysroot/Cargo.toml").display().to_string(),
        "--target".into(),
        TARGET.into(),
        // Default features add panic-unwind, which we do not build.
        "--no-default-features".into(),
        "--config".into(),
        "source.crates-io.replace-with='vendored-sources'".into(),
        "--config".into(),
        format!(
            "source.vendored-sources.directory='{}'",
            library.join("vendor").display()
        ),
        "--message-format=json-render-diagnostics".into(),
    ]
}

/// Builds `library/sysroot` (std, proc_macro, test and their dependencies) with cargo.
fn cargo_build_std(toolchain: &Toolchain, target_dir: &Path) -> Res<Vec<PathBuf>> {
    let mut cmd = Command::new(&toolchain.cargo);
    // From the library directory, so no config of our repository applies to the std build.
    cmd.current_dir(toolchain.library_src())
        .args(cargo_args(toolchain))
        .arg("--target-dir")
        .arg(target_dir)
        .env("RUSTC", &toolchain.rustc)
        // With --target, these apply to the library crates only, not to host build scripts.
        .env("RUSTFLAGS", RUSTFLAGS)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_TARGET_DIR");
    let json = process::stdout_of(&mut cmd)?;
    let rlibs: Vec<PathBuf> = json
        .lines()
        .filter(|line| line.contains(r#""reason":"compiler-artifact""#))
        .flat_map(artifact_filenames)
        .filter(|path| path.extension().is_some_and(|ext| ext == "rlib"))
        // `sysroot` is an empty crate that only pulls the others in.
        .filter(|path| crate_name(path) != "sysroot")
        .collect();
    if !rlibs.iter().any(|path| crate_name(path) == "std") {
        return Err("the std build reported no libstd rlib".to_owned());
    }
    Ok(rlibs)
}

/// `libNAME-HASH.rlib` or, for crates that are also dylibs like std, `libNAME.rlib` -> `NAME`.
fn crate_name(rlib: &Path) -> String {
    let name = file_name(rlib);
    let stem = name.strip_prefix("lib").unwrap_or(&name);
    let stem = stem.strip_suffix(".rlib").unwrap_or(stem);
    stem.split('-').next().unwrap_or(stem).to_owned()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `"filenames":[...]` of one cargo JSON message (paths without quotes or escapes).
fn artifact_filenames(line: &str) -> Vec<PathBuf> {
    let Some(start) = line.find(r#""filenames":["#) else {
        return Vec::new();
    };
    let rest = &line[start + r#""filenames":["#.len()..];
    let list = &rest[..rest.find(']').unwrap_or(0)];
    list.split(',')
        .map(|item| item.trim().trim_matches('"'))
        .filter(|item| !item.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// Lays out dist/lib/rustlib the way rustc expects a sysroot.
fn install(dirs: &Dirs, toolchain: &Toolchain, rlibs: &[PathBuf]) -> Res<()> {
    let rustlib = dirs.dist.join("lib/rustlib");
    let target_lib = rustlib.join(TARGET).join("lib");
    fsutil::fresh_dir(&target_lib)?;
    for rlib in rlibs {
        fsutil::copy(rlib, &target_lib.join(file_name(rlib)))?;
    }
    // rustc's self-contained linking for wasm32-wasip1 takes crt1-command.o and libc.a from here.
    let self_contained = target_lib.join("self-contained");
    fsutil::create_dir_all(&self_contained)?;
    for file in fsutil::files_in(Path::new(WASI_LIBC_DIR))? {
        fsutil::copy(&file, &self_contained.join(file_name(&file)))?;
    }
    // The host part: proc-macro crates link against it and rustc finds rust-lld in its bin/.
    fsutil::symlink(&toolchain.host_rustlib(), &rustlib.join(&toolchain.host))?;
    // rust-src, for rust-analyzer and `-Zbuild-std` users of this sysroot.
    fsutil::symlink(
        &toolchain.sysroot.join("lib/rustlib/src"),
        &rustlib.join("src"),
    )?;
    eprintln!(
        "[build] sysroot: {} rlibs and wasi-libc in {}",
        rlibs.len(),
        target_lib.display()
    );
    Ok(())
}
