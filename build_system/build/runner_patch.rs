//! wasm-run's one patched dependency: cranelift-codegen, whose `DataFlowGraph::clear` forgets
//! the exception tables (patches/README.md). The patched crate is an overlay of the registry's
//! copy, built in through `--config patch` with a lock file of its own, so the repository's
//! Cargo.toml and Cargo.lock stay as they are and other builds use the crate as published.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::library_overlay::{self, LineEdit};
use crate::process;
use crate::toolchain::Toolchain;

const CRATE: &str = "cranelift-codegen";
const EDITS: &[LineEdit] = &[LineEdit {
    file: "src/ir/dfg.rs",
    line: "self.jump_tables.clear();",
    replacement: Some("        self.jump_tables.clear(); self.exception_tables.clear();"),
    cause: "wasmtime reuses a cleared Context per function; the exception tables of the functions \
            compiled before stay in the next one's stencil, which is its incremental-cache key, so \
            unchanged functions miss wasm-run's per-function cache",
}];

/// The arguments after `cargo` that build wasm-run against the patched crate.
pub fn cargo_config(dirs: &Dirs, toolchain: &Toolchain) -> Res<Vec<String>> {
    let lock = fsutil::read_to_string(&dirs.repo.join("Cargo.lock"))?;
    let version = crate::prepare::locked_version(&lock, CRATE).ok_or(format!(
        "Cargo.lock has no {CRATE}: update build_system/build/runner_patch.rs"
    ))?;
    let source = registry_source(dirs, toolchain, &version)?;
    // In the user cache, not the clone: cargo rebuilds a path dependency (and wasmtime above it)
    // when its path or its files' times change, so a fresh clone must find the same overlay.
    let root = dirs.cache.join(&toolchain.channel).join("runner-patch");
    let overlay = root.join(format!("{CRATE}-{version}"));
    // What the overlay was made from; an overlay with the same stamp is kept as it is.
    let stamp = format!(
        "{}\n{:?}\n",
        source.display(),
        EDITS.iter().map(|e| e.replacement).collect::<Vec<_>>()
    );
    let stamp_file = root.join(format!("{CRATE}-{version}.stamp"));
    if std::fs::read_to_string(&stamp_file).ok().as_deref() != Some(stamp.as_str()) {
        library_overlay::make(
            &source,
            &overlay,
            EDITS,
            "build_system/build/runner_patch.rs",
        )?;
        fsutil::write(&stamp_file, &stamp)?;
    }
    // cargo rewrites the patched crate's entry in the lock file it is given: a copy.
    let lock_copy = root.join("Cargo.lock");
    fsutil::write(&lock_copy, lock)?;
    Ok(vec![
        "--config".to_owned(),
        format!("patch.crates-io.{CRATE}.path={}", toml_string(&overlay)),
        "--config".to_owned(),
        format!("resolver.lockfile-path={}", toml_string(&lock_copy)),
    ])
}

/// The registry's unpacked copy of CRATE `version`, as `cargo metadata` of the workspace (which
/// downloads and unpacks what the lock file lists) reports its manifest.
fn registry_source(dirs: &Dirs, toolchain: &Toolchain, version: &str) -> Res<PathBuf> {
    let mut cmd = Command::new(&toolchain.cargo);
    cmd.current_dir(&dirs.repo)
        .args(["metadata", "--locked", "--format-version", "1"]);
    let metadata = process::stdout_of(&mut cmd)?;
    let suffix = format!("/{CRATE}-{version}/Cargo.toml");
    metadata
        .split("\"manifest_path\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|path| path.ends_with(&suffix))
        .and_then(|manifest| Path::new(manifest).parent().map(Path::to_path_buf))
        .ok_or(format!(
            "cargo metadata lists no {CRATE} {version} from the registry"
        ))
}

fn toml_string(path: &Path) -> String {
    format!("{:?}", path.display().to_string())
}
