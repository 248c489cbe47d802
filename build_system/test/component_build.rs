//! A cargo project built as a component by `cargo wasm build --target wasip2`, for the cases of
//! the components and abi groups that need one.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::ending;
use crate::process;

const BUILD_LIMIT: Duration = Duration::from_secs(600);

/// `cargo wasm build --MODE --target wasip2` of the cargo project in `dir`: the component of its
/// cdylib `name`.
pub fn build(
    cargo_wasm: &Path,
    dir: &Path,
    target_dir: &Path,
    mode: &str,
    name: &str,
) -> Result<PathBuf, String> {
    let built = process::run_or_report(
        Command::new(cargo_wasm)
            .current_dir(dir)
            .args(["build", "--quiet", "--locked", "--target", "wasip2"])
            .arg(format!("--{mode}"))
            .arg("--target-dir")
            .arg(target_dir),
        BUILD_LIMIT,
    );
    if built.code != Some(0) {
        return Err(format!(
            "cargo wasm build --{mode} --target wasip2 in {} ({}):\n{}",
            dir.display(),
            ending(&built, "build"),
            String::from_utf8_lossy(&built.stderr)
        ));
    }
    let profile = if mode == "dev" { "debug" } else { "release" };
    Ok(target_dir.join(format!("wasm32-wasip2/{profile}/{name}.wasm")))
}
