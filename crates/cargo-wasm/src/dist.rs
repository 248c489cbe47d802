//! The installed WasmRust tree (`dist/`) this cargo-wasm belongs to: backend, runner, sysroots.

use std::path::{Path, PathBuf};

use crate::cli::{Mode, Target};
use crate::failure::{Failure, Res};

pub(crate) struct Dist {
    /// `dist/`: `bin/cargo-wasm` is in it.
    pub(crate) root: PathBuf,
}

impl Dist {
    /// The dist/ above our own executable, or `$WASMRUST_DIST`.
    pub(crate) fn locate() -> Res<Dist> {
        let root = match std::env::var_os("WASMRUST_DIST") {
            Some(dir) => PathBuf::from(dir),
            None => {
                let exe = std::env::current_exe()
                    .and_then(std::fs::canonicalize)
                    .map_err(|e| Failure::setup(format!("cannot locate cargo-wasm itself: {e}")))?;
                exe.parent()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            }
        };
        if !root.join("bin").is_dir() || !root.join("lib").is_dir() {
            return Err(Failure::setup(format!(
                "{} is not a WasmRust dist/ directory (no bin/ and lib/): cargo-wasm must run \
                 from the dist/bin/ that `./y.sh build` installs",
                root.display()
            ))
            .fix("run `./y.sh build` in the WasmRust clone and put its dist/bin on PATH, or set WASMRUST_DIST"));
        }
        Ok(Dist { root })
    }

    /// The clone dist/ was built in, when it is still there (for exact fix commands).
    pub(crate) fn repo(&self) -> Option<PathBuf> {
        let repo = self.root.parent()?;
        repo.join("y.sh").is_file().then(|| repo.to_path_buf())
    }

    /// `cd REPO && ./y.sh COMMAND`, or a generic hint when the clone is gone.
    pub(crate) fn y_sh(&self, command: &str) -> String {
        match self.repo() {
            Some(repo) => format!("run: cd {} && ./y.sh {command}", repo.display()),
            None => format!("run `./y.sh {command}` in your WasmRust clone"),
        }
    }

    pub(crate) fn backend(&self) -> PathBuf {
        self.root.join("lib/librustc_codegen_wasmgc.so")
    }

    pub(crate) fn wasm_run(&self) -> PathBuf {
        self.root.join("bin/wasm-run")
    }

    pub(crate) fn wasm_opt(&self) -> PathBuf {
        self.root.join("bin/wasm-opt")
    }

    /// The LLVM-built reference sysroot, or dist/ itself while there is no separate one.
    pub(crate) fn llvm_sysroot(&self) -> PathBuf {
        let separate = self.root.join("sysroot-llvm");
        if separate.join("lib/rustlib").is_dir() {
            separate
        } else {
            self.root.clone()
        }
    }

    /// Fails with the next step when the sysroot that `mode` and `target` compile against is
    /// missing; `None` means rustup's own std for the target (release builds for the web).
    /// `unwind`: the std our backend built with panic=unwind (dev only).
    pub(crate) fn sysroot(
        &self,
        mode: Mode,
        target: Target,
        unwind: bool,
        toolchain_libdir: &Path,
    ) -> Res<Option<PathBuf>> {
        let sysroot = match (mode, target) {
            (Mode::Dev, _) if unwind => self.root.join("sysroot-unwind"),
            (Mode::Dev, _) => self.root.clone(),
            (Mode::Release, Target::Wasi | Target::Component) => self.llvm_sysroot(),
            (Mode::Release, Target::Web) => {
                if has_std(toolchain_libdir) {
                    return Ok(None);
                }
                return Err(Failure::setup(format!(
                    "the toolchain has no std for wasm32-unknown-unknown ({} is empty)",
                    toolchain_libdir.display()
                ))
                .fix(format!(
                    "run: rustup target add wasm32-unknown-unknown --toolchain {}",
                    crate::toolchain::pinned_channel()
                )));
            }
        };
        let libdir = sysroot
            .join("lib/rustlib")
            .join(target.triple())
            .join("lib");
        if has_std(&libdir) {
            return Ok(Some(sysroot));
        }
        let mut failure = Failure::setup(format!(
            "no {} std for {} in {}",
            mode.name(),
            target.triple(),
            libdir.display()
        ));
        failure = if (mode, target) == (Mode::Dev, Target::Web) {
            failure.fix(
                "the dev sysroot for wasm32-unknown-unknown is not built yet: use \
                 `cargo wasm build --release --target web` meanwhile",
            )
        } else {
            failure.fix(self.y_sh("build"))
        };
        Err(failure)
    }
}

/// Whether `libdir` holds a compiled std (`libstd-HASH.rlib` or `libstd.rlib`).
pub(crate) fn has_std(libdir: &Path) -> bool {
    std::fs::read_dir(libdir).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("libstd") && name.ends_with(".rlib")
        })
    })
}
