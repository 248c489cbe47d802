//! `./y.sh build`: builds every part of dist/ in order, carrying on past a broken backend.

mod cargo;
mod runner_patch;
mod smoke;
mod sysroot;
mod wasi_libc;
mod wrappers;

use crate::Res;
use crate::dirs::Dirs;
use crate::prepare;
use crate::process::step;
use crate::toolchain::Toolchain;

pub use cargo::workspace_target_dir;

/// The codegen backend as installed in dist/.
pub const BACKEND_DYLIB: &str = "lib/librustc_codegen_wasmgc.so";
/// The wasm target our sysroot is for.
pub const TARGET: &str = "wasm32-wasip1";
/// The component target: our sysroot and the reference cover it too, linked by wasm-component-ld.
pub const COMPONENT_TARGET: &str = "wasm32-wasip2";
/// The LLVM-built reference sysroot, relative to dist/ (dist/ itself is the one built by us).
pub const LLVM_SYSROOT: &str = "sysroot-llvm";
/// Our std built with `-Cpanic=unwind` (panic_unwind, landing pads), in dist/.
pub const UNWIND_SYSROOT: &str = "sysroot-unwind";

/// The parts of dist/ that our backend makes; without them the LLVM reference path still works.
const OURS: &[&str] = &["backend", "sysroot"];

/// The parts only `cargo wasm` (and the extended test group) needs.
const CARGO_WASM: &[&str] = &["cargo-wasm", "wasm-opt"];

/// Which parts of dist/ could not be built.
pub struct BuildReport {
    pub failed: Vec<&'static str>,
}

impl BuildReport {
    /// Only the backend (and so our sysroot) failed: the LLVM reference path is in place.
    pub fn reference_path_ok(&self) -> bool {
        self.failed
            .iter()
            .all(|part| OURS.contains(part) || CARGO_WASM.contains(part))
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

/// Builds what it can; `Err` only for problems that stop everything (prerequisites that could
/// not be installed).
pub fn build_all(dirs: &Dirs, toolchain: &Toolchain) -> Res<BuildReport> {
    prepare::for_build(toolchain)?;
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
        "sysroot-llvm",
        "reference sysroots for wasm32-wasip1 and wasm32-wasip2 (std by LLVM)",
        || sysroot::build_and_install_llvm(dirs, toolchain),
    );
    if failed.contains(&"backend") {
        failed.push("sysroot");
    } else {
        attempt(
            &mut failed,
            "sysroot",
            "our sysroots for wasm32-wasip1, wasm32-unknown-unknown and wasm32-wasip2 (std by our backend)",
            || sysroot::build_and_install_ours(dirs, toolchain),
        );
    }
    attempt(
        &mut failed,
        "wrappers",
        "wrappers (rustc-wasm, rustc-wasm-llvm)",
        || wrappers::install(dirs, toolchain),
    );
    // The smoke test needs everything but our parts.
    if failed.iter().all(|part| OURS.contains(part)) {
        attempt(
            &mut failed,
            "smoke",
            "check: an LLVM hello world links and runs",
            || smoke::hello_world(dirs),
        );
    }
    attempt(
        &mut failed,
        "cargo-wasm",
        "cargo wasm (crates/cargo-wasm)",
        || cargo::build_cargo_wasm(dirs, toolchain),
    );
    attempt(&mut failed, "wasm-opt", "wasm-opt (npm binaryen)", || {
        crate::binaryen::install_wrapper(dirs)
    });
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
