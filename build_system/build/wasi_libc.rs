//! The wasi-libc in each WASI sysroot's self-contained/ directory (crt1-*.o, libc.a), which
//! rustc's self-contained linking takes: the stable toolchain's current one, since Debian's
//! (2022) lacks the pthread stubs that std's thread code links against, so no libtest harness
//! could link; and wasm32-wasip2 has no Debian package at all.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Res;
use crate::fsutil;
use crate::prepare::WASI_LIBC_DIR;
use crate::process;

/// Symbols std needs that only a wasi-libc from 2023 or later defines.
const NEEDED: &[&str] = &["pthread_join", "pthread_detach"];

/// Fills `self_contained` for `target` (wasm32-wasip1: Debian's files, then the stable
/// toolchain's over them; wasm32-wasip2: the stable toolchain's). `./y.sh prepare` installs
/// stable's wasm32-wasip1 and wasm32-wasip2.
pub fn install(self_contained: &Path, target: &str) -> Res<()> {
    fsutil::create_dir_all(self_contained)?;
    if target == super::TARGET {
        for file in fsutil::files_in(Path::new(WASI_LIBC_DIR))? {
            fsutil::copy(
                &file,
                &self_contained.join(file.file_name().unwrap_or_default()),
            )?;
        }
    }
    let source = stable_self_contained(target)?;
    for file in fsutil::files_in(&source)? {
        let name = file.file_name().unwrap_or_default();
        fsutil::copy(&file, &self_contained.join(name))?;
    }
    let libc = std::fs::read(self_contained.join("libc.a")).unwrap_or_default();
    let missing: Vec<&str> = NEEDED
        .iter()
        .copied()
        .filter(|symbol| !contains(&libc, format!("{symbol}\0").as_bytes()))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}/libc.a still lacks {}",
            source.display(),
            missing.join(", ")
        ))
    }
}

fn stable_self_contained(target: &str) -> Res<PathBuf> {
    let sysroot = process::stdout_of(Command::new("rustc").args(["+stable", "--print", "sysroot"]))
        .map_err(|e| format!("{e}\n(run ./y.sh prepare: it installs the stable toolchain)"))?;
    let dir = PathBuf::from(sysroot.trim())
        .join("lib/rustlib")
        .join(target)
        .join("lib/self-contained");
    if dir.join("libc.a").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "{} has no libc.a: run ./y.sh prepare (adds {target} to the stable toolchain)",
            dir.display()
        ))
    }
}

/// Whether `needle` occurs in `haystack` (the archive's symbol table lists names NUL-terminated).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
