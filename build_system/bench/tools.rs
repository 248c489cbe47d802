//! What the bench drives: dist/'s compiler wrappers and runner, wasm-opt, and its own directories.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::measure::{self, Job, Sample};
use crate::Res;
use crate::dirs::Dirs;
use crate::toolchain::Toolchain;

/// A program that runs longer than this counts as hung (a miscompiled loop), not as slow.
pub const RUN_LIMIT: Duration = Duration::from_secs(300);
/// The same for one compile.
pub const COMPILE_LIMIT: Duration = Duration::from_secs(600);

/// Who generates the code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Llvm,
    Ours,
}

impl Backend {
    /// The name in tables.
    pub fn label(self) -> &'static str {
        match self {
            Backend::Llvm => "LLVM",
            Backend::Ours => "ours",
        }
    }

    /// The name in file names and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Backend::Llvm => "llvm",
            Backend::Ours => "ours",
        }
    }
}

pub struct Tools {
    pub repo: PathBuf,
    /// dist/bin/rustc-wasm-llvm and dist/bin/rustc-wasm: they choose the sysroot (each its own
    /// by default; `--sysroot llvm` / `--sysroot ours` / a path select another).
    rustc_llvm: PathBuf,
    rustc_ours: PathBuf,
    pub wasm_run: PathBuf,
    /// dist/bin/wasm-opt: binaryen from npm (build_system/binaryen.rs).
    pub wasm_opt: PathBuf,
    /// dist/bin/wasm-gc-lower: the post-link WasmGC lowering of the `wasm` crate's release form.
    pub wasm_gc_lower: PathBuf,
    /// The pinned toolchain's own rustc and cargo: host programs and cargo itself.
    pub host_rustc: PathBuf,
    pub cargo: PathBuf,
    /// Outputs of this run (build/bench/), thrown away.
    pub scratch: PathBuf,
    /// Kept between runs and clones (~/.cache/wasmrust/<toolchain>/bench/).
    pub cache: PathBuf,
}

impl Tools {
    pub fn new(dirs: &Dirs, toolchain: &Toolchain) -> Res<Tools> {
        let bin = dirs.dist.join("bin");
        let tools = Tools {
            repo: dirs.repo.clone(),
            rustc_llvm: bin.join("rustc-wasm-llvm"),
            rustc_ours: bin.join("rustc-wasm"),
            wasm_run: bin.join("wasm-run"),
            wasm_opt: bin.join("wasm-opt"),
            wasm_gc_lower: bin.join("wasm-gc-lower"),
            host_rustc: toolchain.rustc.clone(),
            cargo: toolchain.cargo.clone(),
            scratch: dirs.build.join("bench"),
            cache: dirs.cache.join(&toolchain.channel).join("bench"),
        };
        // wasm-opt only serves one column of the size table: its absence fails that column.
        for tool in [&tools.rustc_llvm, &tools.rustc_ours, &tools.wasm_run] {
            if !tool.is_file() {
                return Err(format!("{} is missing: run `./y.sh build`", tool.display()));
            }
        }
        Ok(tools)
    }

    pub fn rustc(&self, backend: Backend) -> &Path {
        match backend {
            Backend::Llvm => &self.rustc_llvm,
            Backend::Ours => &self.rustc_ours,
        }
    }

    /// `wasm-run FILE ARGS`, from the repository root.
    pub fn run_job(&self, wasm: &Path) -> Job {
        Job::new(&self.wasm_run, &self.repo).arg(wasm)
    }

    /// Runs `job` once; the scratch file of GNU time goes next to the outputs.
    pub fn measure(&self, job: &Job, limit: Duration) -> Res<Sample> {
        measure::run(job, limit, &self.scratch)
    }
}

/// `Ok` when the run succeeded and printed exactly `expected`; otherwise why not.
pub fn check_output(sample: &Sample, expected: &str) -> Result<(), String> {
    if !sample.succeeded() {
        return Err(sample.failure());
    }
    let stdout = sample.stdout();
    if stdout == expected {
        return Ok(());
    }
    let (mut want, mut got) = (expected.lines(), stdout.lines());
    let mut line = 1;
    loop {
        match (want.next(), got.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => {
                return Err(format!(
                    "wrong output (miscompiled?): line {line}: expected {:?}, got {:?}",
                    a.unwrap_or("<end>"),
                    b.unwrap_or("<end>")
                ));
            }
        }
    }
}

impl Tools {
    /// `wasm` (LLVM's build of the `wasm` crate's release form, `--cfg wasm_gc_imports`) lowered
    /// to WasmGC into `output`, as `cargo wasm build --release` does before wasm-opt.
    pub fn lower_gc(&self, wasm: &Path, output: &Path) -> Res<Result<(), String>> {
        let job = Job::new(&self.wasm_gc_lower, &self.repo)
            .arg(wasm)
            .arg("-o")
            .arg(output);
        let sample = self.measure(&job, COMPILE_LIMIT)?;
        Ok(if sample.succeeded() {
            Ok(())
        } else {
            Err(format!("wasm-gc-lower failed: {}", sample.failure()))
        })
    }
}
