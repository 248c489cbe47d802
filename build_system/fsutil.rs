//! File system helpers with error messages that name the path.

use std::fs;
use std::path::Path;

use crate::Res;

pub fn create_dir_all(dir: &Path) -> Res<()> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Removes `dir` if present (a symlink is removed, not followed).
pub fn remove_dir_all(dir: &Path) -> Res<()> {
    match fs::symlink_metadata(dir) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))
        }
        Ok(_) => remove_file(dir),
    }
}

pub fn remove_file(path: &Path) -> Res<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

/// An empty directory at `dir`, whatever was there before.
pub fn fresh_dir(dir: &Path) -> Res<()> {
    remove_dir_all(dir)?;
    create_dir_all(dir)
}

/// Copies one file, replacing `to`; a hard link would tie dist/ to the cache's later rebuilds.
pub fn copy(from: &Path, to: &Path) -> Res<()> {
    remove_file(to)?;
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

pub fn symlink(target: &Path, link: &Path) -> Res<()> {
    remove_dir_all(link)?;
    std::os::unix::fs::symlink(target, link).map_err(|e| {
        format!(
            "cannot link {} to {}: {e}",
            link.display(),
            target.display()
        )
    })
}

pub fn read(path: &Path) -> Res<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn read_to_string(path: &Path) -> Res<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Res<()> {
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The regular files directly inside `dir`, sorted by name.
/// The `.rs` files of `dir`, sorted, each with its file stem (a test's name).
pub fn rust_files_in(dir: &Path) -> Res<Vec<(String, std::path::PathBuf)>> {
    Ok(files_in(dir)?
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| {
            let stem = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (stem, path)
        })
        .collect())
}

pub fn files_in(dir: &Path) -> Res<Vec<std::path::PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
