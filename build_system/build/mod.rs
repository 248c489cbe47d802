//! `./y.sh build`: builds every part of dist/ in order, carrying on past a broken backend.

mod cargo;
mod smoke;
mod sysroot;
mod wrappers;

use crate::Res;
use crate::dirs::Dirs;
use crate::prepare;
use crate::process::step;
use crate::toolchain::Toolchain;

/// The codegen backend as installed in dist/.
pub const BACKEND_DYLIB: &str = "lib/librustc_codegen_wasmgc.so";
/// The wasm target our sysroot is for.
pub const TARGET: &str = "wasm32-wasip1";

/// Which parts of dist/ could not be built.
pub struct BuildReport {
    pub failed: Vec<&'static str>,
}

impl BuildReport {
    /// Only the backend failed: everything the LLVM reference path needs is in place.
    pub fn reference_path_ok(&self) -> bool {
        self.failed.iter().all(|part| *part == "backend")
    }

    pub fn into_result(self) -> Res<()> {
        if self.failed.is_empty() {
            Ok(())
        } else {
            Err(format!("build FAILED: {}", self.failed.join(", ")))
        }
    }
}

pub fn build(dirs: &Dirs, toolchain: &Toolchain) -> Res<()> {
    build_all(dirs, toolchain)?.into_result()
}

/// Builds what it can; `Err` only for problems that stop everything (missing prerequisites).
pub fn build_all(dirs: &Dirs, toolchain: &Toolchain) -> Res<BuildReport> {
    prepare::check_wasi_libc()?;
    crate::fsutil::create_dir_all(&dirs.dist.join("bin"))?;
    let mut failed = Vec::new();
    attempt(
        &mut failed,
        "backend",
        "backend (rustc_codegen_wasmgc)",
        || cargo::build_backend(dirs, toolchain),
    );
    attempt(&mut failed, "wasm-run", "runner (crates/wasm-run)", || {
        cargo::build_runner(dirs, toolchain)
    });
    attempt(
        &mut failed,
        "sysroot",
        "sysroot for wasm32-wasip1 (std by LLVM)",
        || sysroot::build_and_install(dirs, toolchain),
    );
    attempt(
        &mut failed,
        "wrappers",
        "wrappers (rustc-wasm, rustc-wasm-llvm)",
        || wrappers::install(dirs, toolchain),
    );
    // The smoke test needs everything but the backend.
    if failed.iter().all(|part| *part == "backend") {
        attempt(
            &mut failed,
            "smoke",
            "check: an LLVM hello world links and runs",
            || smoke::hello_world(dirs),
        );
    }
    Ok(BuildReport { failed })
}

/// Runs one build step, reporting (not propagating) its failure so the other steps still run.
fn attempt(
    failed: &mut Vec<&'static str>,
    part: &'static str,
    what: &str,
    body: impl FnOnce() -> Res<()>,
) {
    if let Err(message) = step("build", what, body) {
        eprintln!("[build] {part} FAILED:\n{message}\n");
        failed.push(part);
    }
}
