//! `cargo wasm build`: cargo build for the wasm target in the chosen mode, wasm-opt for
//! `--release`, a JS loader (web.rs) for `--target web`, then where each file went and its size.

use std::path::PathBuf;

use crate::artifacts::{self, Artifact};
use crate::cli::{self, Mode, Target};
use crate::failure::{Failure, Res};
use crate::help;
use crate::plan::Plan;
use crate::show;
use crate::status;
use crate::wasm_opt;
use crate::web;

/// A module as the build left it: cargo's artifact and the file to use (optimized in release).
pub(crate) struct Module {
    pub(crate) artifact: Artifact,
    pub(crate) wasm: PathBuf,
}

pub(crate) fn command(args: &[String]) -> Res<()> {
    let parsed = cli::parse(args, |_, _| Ok(0))?;
    if parsed.help {
        print!("{}", help::BUILD);
        return Ok(());
    }
    if parsed.has_separator {
        return Err(Failure::usage(
            "`cargo wasm build` takes no arguments after `--` (program arguments go to `cargo wasm run`)",
        ));
    }
    let plan = Plan::new(&parsed)?;
    let modules = build(&plan, &parsed.cargo_args)?;
    if modules.is_empty() {
        status::warning(
            "no .wasm was produced: the selected targets are libraries (.rlib); add a bin \
             target, or `crate-type = [\"cdylib\"]` under [lib]",
        );
    }
    Ok(())
}

/// Builds, optimizes in release, and reports each module; the caller picks what it needs.
pub(crate) fn build(plan: &Plan, cargo_args: &[String]) -> Res<Vec<Module>> {
    plan.announce();
    let mut artifacts = artifacts::build(plan.cargo("build", cargo_args))?;
    // A bin and its hard-linked copy in deps/ are one module; cargo reports each path once.
    artifacts.dedup_by(|a, b| a.wasm == b.wasm);
    let wasm_opt = match (plan.mode, &plan.config.wasm_opt) {
        (Mode::Release, Some(flags)) if !artifacts.is_empty() => {
            Some((wasm_opt::locate(&plan.dist)?, flags))
        }
        _ => None,
    };
    let mut modules = Vec::new();
    for artifact in artifacts {
        let wasm = match &wasm_opt {
            Some((tool, flags)) => {
                let optimized = wasm_opt::optimize(tool, &artifact.wasm, flags)?;
                if !plan.quiet {
                    status::status(
                        "Optimized",
                        &format!(
                            "{} with wasm-opt {}: {} -> {}",
                            show::path(&artifact.wasm),
                            flags.join(" "),
                            show::thousands(show::file_size(&artifact.wasm)),
                            show::thousands(show::file_size(&optimized)),
                        ),
                    );
                }
                optimized
            }
            None => artifact.wasm.clone(),
        };
        announce_file(plan, "Wasm", &wasm);
        if plan.target == Target::Web {
            let loader = web::write_loader(&wasm, &artifact.name)?;
            announce_file(plan, "Loader", &loader);
        }
        modules.push(Module { artifact, wasm });
    }
    Ok(modules)
}

/// A status line with a file the build wrote and its size.
fn announce_file(plan: &Plan, label: &str, file: &std::path::Path) {
    if !plan.quiet {
        status::status(
            label,
            &format!("{} {}", show::path(file), show::size(show::file_size(file))),
        );
    }
}

/// The one module a command works on, chosen the way `cargo run` chooses a binary: `--bin`,
/// `--example`, `default-run`, or the only candidate.
pub(crate) fn select<'a>(
    plan: &Plan,
    cargo_args: &[String],
    modules: &'a [Module],
    executables_only: bool,
) -> Res<&'a Module> {
    let candidates: Vec<&Module> = modules
        .iter()
        .filter(|module| module.artifact.executable || !executables_only)
        .collect();
    let wanted = cli::option_value(cargo_args, "--bin", None)
        .or_else(|| cli::option_value(cargo_args, "--example", None))
        .or_else(|| plan.config.default_run.clone());
    if let Some(name) = wanted
        && let Some(module) = candidates.iter().find(|m| m.artifact.name == name)
    {
        return Ok(module);
    }
    match candidates.as_slice() {
        [one] => Ok(one),
        [] if executables_only => Err(Failure::setup(
            "there is no program to run: the package has no bin target (src/main.rs or src/bin/)",
        )
        .fix("`cargo wasm test` runs a library's tests")),
        [] => Err(Failure::setup(
            "the build produced no .wasm: the selected targets are libraries (.rlib)",
        )
        .fix("add a bin target, or `crate-type = [\"cdylib\"]` under [lib]")),
        many => {
            let names: Vec<&str> = many.iter().map(|m| m.artifact.name.as_str()).collect();
            Err(Failure::usage(format!(
                "could not determine which module to use (available: {})",
                names.join(", ")
            ))
            .fix("pass `--bin NAME` (or `--example NAME`), or set `default-run` in [package]"))
        }
    }
}
