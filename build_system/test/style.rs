//! The style group: rustfmt and clippy (`-D warnings`) over the workspace and the build system
//! with the pinned toolchain, and clippy over the `wasm` crate with stable Rust, which it must
//! build on.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use super::exec::ending;
use super::outcome::{Outcome, head};
use super::pool::Case;
use crate::Res;
use crate::build::workspace_target_dir;
use crate::dirs::Dirs;
use crate::process;
use crate::toolchain::Toolchain;

/// A cold clippy of the workspace checks wasmtime's dependency tree first.
const LIMIT: Duration = Duration::from_secs(20 * 60);

/// One cargo command of a group: how it is run (from the repository root).
pub struct Check {
    pub name: &'static str,
    pub program: PathBuf,
    pub args: Vec<String>,
    /// `cargo +stable` needs the rustup proxy and no pinned-toolchain override.
    pub stable: bool,
}

pub fn cases(dirs: &Dirs, group: &str) -> Res<Vec<Case>> {
    let toolchain = Toolchain::detect(dirs)?;
    let channel_cache = dirs.cache.join(&toolchain.channel);
    let workspace_target = workspace_target_dir(dirs, &toolchain).display().to_string();
    let build_system_target = channel_cache
        .join("clippy-build-system")
        .display()
        .to_string();
    let stable_target = dirs.cache.join("stable-target").display().to_string();
    let words = |text: &str| {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let cargo = toolchain.cargo.clone();
    let checks = vec![
        Check {
            name: "rustfmt",
            program: cargo.clone(),
            args: words("fmt --all --check"),
            stable: false,
        },
        Check {
            name: "rustfmt-build-system",
            program: cargo.clone(),
            args: words("fmt --check --manifest-path build_system/Cargo.toml"),
            stable: false,
        },
        Check {
            name: "clippy",
            program: cargo.clone(),
            args: words(&format!(
                "clippy --workspace --all-targets --target-dir {workspace_target} -- -D warnings"
            )),
            stable: false,
        },
        Check {
            name: "clippy-build-system",
            program: cargo,
            args: words(&format!(
                "clippy --manifest-path build_system/Cargo.toml --all-targets \
                 --target-dir {build_system_target} -- -D warnings"
            )),
            stable: false,
        },
        Check {
            name: "clippy-wasm-stable",
            program: PathBuf::from("cargo"),
            args: words(&format!(
                "+stable clippy -p wasm --all-targets --target-dir {stable_target} -- -D warnings"
            )),
            stable: true,
        },
    ];
    Ok(check_cases(dirs, group, checks))
}

/// One case per check: passes when the command exits 0, else shows the end of its output.
pub fn check_cases(dirs: &Dirs, group: &str, checks: Vec<Check>) -> Vec<Case> {
    let repo = dirs.repo.clone();
    checks
        .into_iter()
        .map(|check| {
            let repo = repo.clone();
            Case {
                name: format!("{group}/{}", check.name),
                run: Box::new(move || {
                    let mut cmd = Command::new(&check.program);
                    cmd.current_dir(&repo)
                        .args(&check.args)
                        .env_remove("RUSTFLAGS")
                        .env_remove("CARGO_ENCODED_RUSTFLAGS")
                        .env_remove("CARGO_TARGET_DIR");
                    if check.stable {
                        cmd.env_remove("RUSTUP_TOOLCHAIN");
                    }
                    let description = process::describe(&cmd);
                    match process::run_captured(&mut cmd, LIMIT) {
                        Ok(finished) if finished.code == Some(0) => Outcome::Passed,
                        Ok(finished) => {
                            let mut output = String::from_utf8_lossy(&finished.stdout).into_owned();
                            output.push_str(&String::from_utf8_lossy(&finished.stderr));
                            Outcome::Failed(format!(
                                "`{description}`: {}\n{}",
                                ending(&finished, "cargo"),
                                head(&output, 40)
                            ))
                        }
                        Err(message) => Outcome::Failed(message),
                    }
                }),
            }
        })
        .collect()
}
