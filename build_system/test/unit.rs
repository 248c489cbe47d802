//! The unit group: the host tools' own tests (`cargo test`): the backend's (its library's unit
//! tests), wasm-run (its JIT cache among them), cargo-wasm and the build system, built where
//! `./y.sh build` builds them.

use super::pool::Case;
use super::style::{Check, check_cases};
use crate::Res;
use crate::build::workspace_target_dir;
use crate::dirs::Dirs;
use crate::toolchain::Toolchain;

pub fn cases(dirs: &Dirs, group: &str) -> Res<Vec<Case>> {
    let toolchain = Toolchain::detect(dirs)?;
    // `--release` in the target dir of `./y.sh build`: the dependencies are built already.
    let workspace_target = workspace_target_dir(dirs, &toolchain).display().to_string();
    let build_system_target = dirs.build.join("build_system").display().to_string();
    let cargo = |name: &'static str, args: String| Check {
        name,
        program: toolchain.cargo.clone(),
        args: args.split_whitespace().map(str::to_owned).collect(),
        stable: false,
    };
    let checks = vec![
        cargo(
            "backend",
            format!("test --release -p rustc_codegen_wasmgc --lib --target-dir {workspace_target}"),
        ),
        cargo(
            "wasm-run",
            format!("test --release -p wasm-run --target-dir {workspace_target}"),
        ),
        cargo(
            "cargo-wasm",
            format!("test --release -p cargo-wasm --target-dir {workspace_target}"),
        ),
        cargo(
            "build-system",
            format!(
                "test --manifest-path build_system/Cargo.toml --target-dir {build_system_target}"
            ),
        ),
    ];
    Ok(check_cases(dirs, group, checks))
}
