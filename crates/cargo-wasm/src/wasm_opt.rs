//! The release path's last step: Binaryen's wasm-opt (GC-capable, from npm) over each module.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::UNIX_EPOCH;

use crate::dist::Dist;
use crate::failure::{Failure, Res, exit_code_of};

/// Every feature on, so GC modules and whatever LLVM emitted validate, except two that wasmtime
/// (50) rejects: compact imports, a Binaryen-only encoding, and custom descriptors, whose exact
/// reference types wasm-opt writes into GC modules once it may.
const FEATURE_FLAGS: &[&str] = &[
    "--all-features",
    "--disable-compact-imports",
    "--disable-custom-descriptors",
];

/// `$WASM_OPT`, else the wrapper `./y.sh build` installs in dist/bin.
pub(crate) fn locate(dist: &Dist) -> Res<PathBuf> {
    if let Some(path) = std::env::var_os("WASM_OPT") {
        return Ok(PathBuf::from(path));
    }
    let path = dist.wasm_opt();
    if path.is_file() {
        return Ok(path);
    }
    Err(Failure::setup(format!(
        "wasm-opt is not installed ({} is missing); `--release` runs it on every module",
        path.display()
    ))
    .fix(format!(
        "{} (installs npm's binaryen); or set `wasm-opt = false` in [package.metadata.wasm]",
        dist.y_sh("prepare && ./y.sh build")
    )))
}

/// `input` optimized into `NAME.opt.wasm` beside it; skipped when that is up to date.
pub(crate) fn optimize(wasm_opt: &Path, input: &Path, flags: &[String]) -> Res<PathBuf> {
    let output = input.with_extension("opt.wasm");
    let stamp_path = input.with_extension("opt.wasm.stamp");
    let stamp = stamp(input, flags);
    if output.is_file() && std::fs::read_to_string(&stamp_path).is_ok_and(|old| old == stamp) {
        return Ok(output);
    }
    let _ = std::fs::remove_file(&stamp_path);
    run(wasm_opt, input, &output, FEATURE_FLAGS, flags)?;
    // A failed write only costs a rerun next time.
    let _ = std::fs::write(&stamp_path, stamp);
    Ok(output)
}

/// `file` optimized where it is: wasm-bindgen's JS loads NAME_bg.wasm by that name.
///
/// With the features the module declares (its `target_features` section, which wasm-bindgen
/// keeps current), not all of them: with every feature on, wasm-opt writes GC-proposal types
/// (`ref.null noextern`) into a reference-types module, which Node 20 and browsers without GC
/// then refuse to compile.
pub(crate) fn optimize_in_place(wasm_opt: &Path, file: &Path, flags: &[String]) -> Res<()> {
    let output = file.with_extension("opt.wasm");
    run(wasm_opt, file, &output, &[], flags)?;
    std::fs::rename(&output, file).map_err(|e| {
        Failure::setup(format!(
            "cannot replace {} with {}: {e}",
            file.display(),
            output.display()
        ))
    })
}

/// One wasm-opt run from `input` to `output`; `features` precede the user's `flags`.
fn run(
    wasm_opt: &Path,
    input: &Path,
    output: &Path,
    features: &[&str],
    flags: &[String],
) -> Res<()> {
    let status = Command::new(wasm_opt)
        .args(features)
        .args(flags)
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .map_err(|e| {
            Failure::setup(format!("cannot run {}: {e}", wasm_opt.display()))
                .fix("the wasm-opt wrapper runs npm's binaryen with node: is `node` on PATH?")
        })?;
    if !status.success() {
        return Err(Failure::setup(format!(
            "wasm-opt failed on {} (exit {})",
            input.display(),
            exit_code_of(status)
        ))
        .fix("check the flags of `wasm-opt` in [package.metadata.wasm], or set it to false"));
    }
    Ok(())
}

/// What the optimized module was made from: the flags and the input's size and time.
fn stamp(input: &Path, flags: &[String]) -> String {
    let meta = std::fs::metadata(input).ok();
    let modified = meta
        .as_ref()
        .and_then(|meta| meta.modified().ok())
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |time| time.as_nanos());
    format!(
        "{}\n{}\n{modified}\n",
        flags.join(" "),
        meta.map_or(0, |meta| meta.len())
    )
}
