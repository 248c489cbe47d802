//! The sysroots in dist/: std built from rust-src by our backend (the default, in dist/ itself;
//! with unwinding in dist/sysroot-unwind) and by LLVM (the reference, in dist/sysroot-llvm),
//! with wasi-libc and the host rustlib.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{BACKEND_DYLIB, COMPONENT_TARGET, LLVM_SYSROOT, TARGET, UNWIND_SYSROOT};
use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::hash::Fnv;
use crate::library_overlay::{self, LineEdit};
use crate::process;
use crate::toolchain::Toolchain;

/// Flags for every crate of the standard library besides its panic strategy:
/// `force-unstable-if-unmarked` makes its dependencies (libc, hashbrown, ...) unusable from
/// user code, as in rustup's sysroots.
const RUSTFLAGS: &str = "-Zforce-unstable-if-unmarked";
/// The edits of rust-src for the unwinding std (patches/README.md).
const UNWIND_EDITS: &[LineEdit] = &[
    LineEdit {
        file: "unwind/src/lib.rs",
        line: "all(target_os = \"wasi\", panic = \"unwind\"),",
        replacement: None,
        cause: "WASI would unwind through C's libunwind, which wasi-libc does not ship; without this \
                line it takes std's wasm unwinder (the `throw` instruction), as wasm32-unknown-unknown does",
    },
    LineEdit {
        file: "test/src/lib.rs",
        line: "&& (cfg!(target_family = \"wasm\") || cfg!(target_os = \"zkvm\"))",
        replacement: Some("        && cfg!(target_os = \"zkvm\")"),
        cause: "libtest ignores `#[should_panic]` tests on wasm, where other toolchains cannot catch a \
                panic; with this std they unwind and libtest catches them as natively",
    },
];
/// Lists the rlibs of a finished build in the cache; written last, so it marks completion.
const STAMP: &str = "rlibs.txt";
/// The targets our backend's sysroot covers.
const OUR_TARGETS: &[&str] = &[TARGET, "wasm32-unknown-unknown", COMPONENT_TARGET];
/// The targets of our unwinding sysroot: components do not unwind yet (FIXME(#17)).
const UNWIND_TARGETS: &[&str] = &[TARGET, "wasm32-unknown-unknown"];
/// The targets of the LLVM reference sysroot (wasm32-unknown-unknown is rustup's).
const LLVM_TARGETS: &[&str] = &[TARGET, COMPONENT_TARGET];

/// Who compiles the standard library.
#[derive(Clone, Copy, PartialEq)]
enum Compiler {
    Llvm,
    Ours,
}

/// The panic strategy the standard library is built with.
#[derive(Clone, Copy, PartialEq)]
enum Panic {
    Abort,
    /// panic_unwind, and landing pads in every crate.
    Unwind,
}

impl Panic {
    fn flag(self) -> &'static str {
        match self {
            Panic::Abort => "-Cpanic=abort",
            Panic::Unwind => "-Cpanic=unwind",
        }
    }
}

pub fn build_and_install_llvm(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let sysroot = dirs.dist.join(LLVM_SYSROOT);
    for target in LLVM_TARGETS {
        let rlibs = cached_or_built_std(dirs, toolchain, Compiler::Llvm, target, Panic::Abort)?;
        install(dirs, toolchain, &sysroot, target, &rlibs)?;
    }
    Ok(())
}

/// Needs the backend in dist/; the std built by it becomes dist/'s own sysroot.
pub fn build_and_install_ours(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    let unwinding = dirs.dist.join(UNWIND_SYSROOT);
    for target in OUR_TARGETS {
        // A stale std must never be used with a backend that could not build a new one.
        fsutil::remove_dir_all(&dirs.dist.join("lib/rustlib").join(target))?;
        fsutil::remove_dir_all(&unwinding.join("lib/rustlib").join(target))?;
    }
    for target in OUR_TARGETS {
        let rlibs = cached_or_built_std(dirs, toolchain, Compiler::Ours, target, Panic::Abort)?;
        install(dirs, toolchain, &dirs.dist, target, &rlibs)?;
    }
    for target in UNWIND_TARGETS {
        let rlibs = cached_or_built_std(dirs, toolchain, Compiler::Ours, target, Panic::Unwind)?;
        install(dirs, toolchain, &unwinding, target, &rlibs)?;
    }
    Ok(())
}

/// The std rlibs for `target`, from the cache when this exact recipe was built before.
fn cached_or_built_std(
    dirs: &Dirs,
    toolchain: &Toolchain,
    compiler: Compiler,
    target: &str,
    panic: Panic,
) -> Res<Vec<PathBuf>> {
    let rustflags = rustflags(dirs, compiler, panic);
    let mut key = Fnv::new();
    key.add(&toolchain.version)
        .add(&rustflags)
        .add(cargo_args(toolchain, &toolchain.library_src(), target, panic).join(" "));
    if panic == Panic::Unwind {
        for edit in UNWIND_EDITS {
            key.add(edit.file)
                .add(edit.line)
                .add(edit.replacement.unwrap_or(""));
        }
    }
    let label = match (compiler, panic) {
        (Compiler::Llvm, _) => "llvm",
        (Compiler::Ours, Panic::Abort) => "ours",
        (Compiler::Ours, Panic::Unwind) => "ours-unwind",
    };
    if compiler == Compiler::Ours {
        // Cargo does not see a changed backend behind the same path: key on its content.
        let backend = dirs.dist.join(BACKEND_DYLIB);
        key.add(
            std::fs::read(&backend)
                .map_err(|e| format!("cannot read {}: {e}", backend.display()))?,
        );
    }
    let prefix = format!("std-{label}-{target}-");
    let channel_cache = dirs.cache.join(&toolchain.channel);
    let cache = channel_cache.join(format!("{prefix}{}", key.hex()));
    let stamp = cache.join(STAMP);
    if let Ok(list) = std::fs::read_to_string(&stamp) {
        let rlibs: Vec<PathBuf> = list.lines().map(PathBuf::from).collect();
        if !rlibs.is_empty() && rlibs.iter().all(|rlib| rlib.is_file()) {
            eprintln!(
                "[build] std for {target} by {label}: cached in {}",
                cache.display()
            );
            return Ok(rlibs);
        }
    }
    if compiler == Compiler::Ours {
        // Every backend change makes a new one (about 120 MB each): keep only the newest.
        prune_older(&channel_cache, &prefix)?;
    }
    fsutil::remove_file(&stamp)?;
    eprintln!(
        "[build] std for {target} by {label}: building into {}",
        cache.display()
    );
    let library = match panic {
        Panic::Abort => toolchain.library_src(),
        Panic::Unwind => library_overlay::make(
            &toolchain.library_src(),
            &cache.join("library"),
            UNWIND_EDITS,
            "build_system/build/sysroot.rs (UNWIND_EDITS)",
        )?,
    };
    let rlibs = cargo_build_std(
        toolchain,
        &library,
        &cache.join("target"),
        target,
        &rustflags,
        panic,
    )?;
    let list: String = rlibs.iter().map(|p| format!("{}\n", p.display())).collect();
    fsutil::write(&stamp, list)?;
    Ok(rlibs)
}

fn rustflags(dirs: &Dirs, compiler: Compiler, panic: Panic) -> String {
    let flags = format!("{} {RUSTFLAGS}", panic.flag());
    match compiler {
        Compiler::Llvm => flags,
        Compiler::Ours => format!(
            "{flags} -Zcodegen-backend={}",
            dirs.dist.join(BACKEND_DYLIB).display()
        ),
    }
}

fn prune_older(cache: &Path, prefix: &str) -> Res<()> {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            fsutil::remove_dir_all(&entry.path())?;
        }
    }
    Ok(())
}

/// The std build's arguments, with the workspace at `library` (rust-src's, or an overlay).
fn cargo_args(toolchain: &Toolchain, library: &Path, target: &str, panic: Panic) -> Vec<String> {
    let vendor = toolchain.library_src().join("vendor");
    let mut args = vec![
        "build".into(),
        "--release".into(),
        // rust-src's own lock file and vendored crates: no network, and the exact versions.
        "--locked".into(),
        "--offline".into(),
        "--manifest-path".into(),
        library.join("sysroot/Cargo.toml").display().to_string(),
        "--target".into(),
        target.into(),
        // Only what each strategy needs: the default features add panic-unwind and the
        // std_detect features of other platforms.
        "--no-default-features".into(),
        "--config".into(),
        "source.crates-io.replace-with='vendored-sources'".into(),
        "--config".into(),
        format!("source.vendored-sources.directory='{}'", vendor.display()),
        "--message-format=json-render-diagnostics".into(),
    ];
    if panic == Panic::Unwind {
        args.extend(["--features".into(), "panic-unwind".into()]);
    }
    args
}

/// Builds `library/sysroot` (std, proc_macro, test and their dependencies) with cargo.
fn cargo_build_std(
    toolchain: &Toolchain,
    library: &Path,
    target_dir: &Path,
    target: &str,
    rustflags: &str,
    panic: Panic,
) -> Res<Vec<PathBuf>> {
    let mut cmd = Command::new(&toolchain.cargo);
    // From the library directory, so no config of our repository applies to the std build.
    cmd.current_dir(library)
        .args(cargo_args(toolchain, library, target, panic))
        .arg("--target-dir")
        .arg(target_dir)
        .env("RUSTC", &toolchain.rustc)
        // With --target, these apply to the library crates only, not to host build scripts.
        .env("RUSTFLAGS", rustflags)
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

/// Lays out `sysroot`/lib/rustlib the way rustc expects a sysroot.
fn install(
    dirs: &Dirs,
    toolchain: &Toolchain,
    sysroot: &Path,
    target: &str,
    rlibs: &[PathBuf],
) -> Res<()> {
    let rustlib = sysroot.join("lib/rustlib");
    let target_lib = rustlib.join(target).join("lib");
    fsutil::fresh_dir(&target_lib)?;
    for rlib in rlibs {
        fsutil::copy(rlib, &target_lib.join(file_name(rlib)))?;
    }
    if target.starts_with("wasm32-wasi") {
        super::wasi_libc::install(&target_lib.join("self-contained"), target)?;
    }
    // The host part: proc-macro crates link against it and rustc finds rust-lld in its bin/.
    fsutil::symlink(&toolchain.host_rustlib(), &rustlib.join(&toolchain.host))?;
    // rust-src, for rust-analyzer and `-Zbuild-std` users of this sysroot.
    fsutil::symlink(
        &toolchain.sysroot.join("lib/rustlib/src"),
        &rustlib.join("src"),
    )?;
    eprintln!(
        "[build] sysroot: {} rlibs for {target} in {}",
        rlibs.len(),
        target_lib
            .strip_prefix(&dirs.repo)
            .unwrap_or(&target_lib)
            .display()
    );
    Ok(())
}
