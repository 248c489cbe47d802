//! The directories the build system reads and writes: repository, dist/, build/ and the cache.

use std::path::PathBuf;

use crate::Res;
use crate::fsutil;

pub struct Dirs {
    /// The repository root (y.sh runs us from there).
    pub repo: PathBuf,
    /// The installed toolchain: backend, wrappers, runner and sysroot.
    pub dist: PathBuf,
    /// Scratch space of this clone: test outputs, the build system's own target dir.
    pub build: PathBuf,
    /// Cargo target dirs kept across clones and CI runs (outside the clone, keyed inside).
    pub cache: PathBuf,
}

impl Dirs {
    pub fn find() -> Res<Dirs> {
        let repo = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
        if !repo.join("rust-toolchain.toml").is_file() || !repo.join("build_system").is_dir() {
            return Err(format!(
                "{} is not the repository root; run the build system through ./y.sh",
                repo.display()
            ));
        }
        Ok(Dirs {
            dist: repo.join("dist"),
            build: repo.join("build"),
            cache: cache_root()?,
            repo,
        })
    }

    pub fn clean(&self) -> Res<()> {
        for dir in [&self.dist, &self.build] {
            eprintln!("[clean] removing {}", dir.display());
            fsutil::remove_dir_all(dir)?;
        }
        eprintln!("[clean] kept the cache in {}", self.cache.display());
        Ok(())
    }
}

fn cache_root() -> Res<PathBuf> {
    if let Some(dir) = std::env::var_os("WASMRUST_CACHE_DIR") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(dir).join("wasmrust"));
    }
    let home = std::env::var_os("HOME").ok_or("neither WASMRUST_CACHE_DIR nor HOME is set")?;
    Ok(PathBuf::from(home).join(".cache").join("wasmrust"))
}
