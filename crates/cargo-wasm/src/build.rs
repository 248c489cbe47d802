//! `cargo wasm build`: cargo build for the wasm target in the chosen mode, wasm-opt for
//! `--release`, for `--target web` wasm-bindgen (bindgen.rs) or else our JS loader (web.rs), then
//! where each file went and its size.

use std::path::{Path, PathBuf};

use crate::artifacts::{self, Artifact};
use crate::bindgen::{self, BindgenCli, JsTarget};
use crate::cli::{self, Mode, Target};
use crate::failure::{Failure, Res};
use crate::gc_lowering;
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
    let mut output = bindgen::Output::default();
    let parsed = cli::parse(args, |arg, next| output_option(&mut output, arg, next))?;
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
    if output.given() && plan.target != Target::Web {
        return Err(Failure::usage(
            "`--out-dir` and `--js-target` are for wasm-bindgen's output, with `--target web`",
        ));
    }
    let modules = build(&plan, &parsed.cargo_args, &output)?;
    if modules.is_empty() {
        status::warning(
            "no .wasm was produced: the selected targets are libraries (.rlib); add a bin \
             target, or `crate-type = [\"cdylib\"]` under [lib]",
        );
    }
    Ok(())
}

/// Takes `--out-dir DIR` and `--js-target T` (either spelling) into `output`; how many
/// arguments that took.
fn output_option(output: &mut bindgen::Output, arg: &str, next: Option<&String>) -> Res<usize> {
    let (name, value, consumed) = match arg.split_once('=') {
        Some((name, value)) => (name, Some(value), 1),
        None => (arg, next.map(String::as_str), 2),
    };
    if name != "--out-dir" && name != "--js-target" {
        return Ok(0);
    }
    let value = value.ok_or_else(|| Failure::usage(format!("`{name}` needs a value")))?;
    if name == "--out-dir" {
        output.out_dir = Some(PathBuf::from(value));
    } else {
        output.js_target = Some(JsTarget::parse(value)?);
    }
    Ok(consumed)
}

/// Builds, optimizes in release, and reports each module; the caller picks what it needs.
/// For `--target web`, a module with wasm-bindgen items goes through wasm-bindgen into
/// `output`'s directory, any other gets our loader beside it.
pub(crate) fn build(
    plan: &Plan,
    cargo_args: &[String],
    output: &bindgen::Output,
) -> Res<Vec<Module>> {
    plan.announce();
    let mut artifacts = artifacts::build(plan.cargo("build", cargo_args))?;
    // A bin and its hard-linked copy in deps/ are one module; cargo reports each path once.
    artifacts.dedup_by(|a, b| a.wasm == b.wasm);
    let wasm_opt = match (plan.mode, &plan.config.wasm_opt) {
        (Mode::Release, Some(_)) if plan.target == Target::Component && !artifacts.is_empty() => {
            if !plan.quiet {
                // FIXME(#18): optimize the core module before wasm-component-ld wraps it.
                status::note(
                    "wasm-opt does not read components: the component is left as \
                     wasm-component-ld linked it (LLVM-optimized, not wasm-opt-optimized)",
                );
            }
            None
        }
        (Mode::Release, Some(flags)) if !artifacts.is_empty() => {
            Some((wasm_opt::locate(&plan.dist)?, flags))
        }
        _ => None,
    };
    let mut modules = Vec::new();
    let mut bindgen_cli: Option<BindgenCli> = None;
    for artifact in artifacts {
        if plan.target == Target::Web && uses_bindgen(&artifact.wasm) {
            let cli = match bindgen_cli {
                Some(ref cli) => cli,
                None => bindgen_cli.insert(find_bindgen_cli(plan, &artifact.wasm)?),
            };
            // wasm-opt runs on wasm-bindgen's output: the CLI needs the sections and exports
            // that wasm-opt would strip or rename.
            let generated =
                bindgen::generate(plan, cli, &artifact.wasm, &artifact.manifest, output)?;
            announce_file(plan, "Wasm", &generated.wasm);
            announce_file(plan, "JS", &generated.js);
            announce_file(plan, "Package", &generated.package_json);
            modules.push(Module {
                artifact,
                wasm: generated.wasm,
            });
            continue;
        }
        if plan.lowers_gc {
            gc_lowering::lower(plan, &artifact.wasm)?;
        }
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
    if output.given() && bindgen_cli.is_none() {
        status::warning(
            "`--out-dir` and `--js-target` were not used: no module has wasm-bindgen items \
             (they got cargo wasm's own loader, NAME.js beside NAME.wasm)",
        );
    }
    Ok(modules)
}

fn uses_bindgen(wasm: &Path) -> bool {
    std::fs::read(wasm).is_ok_and(|bytes| bindgen::module_uses_bindgen(&bytes))
}

/// The wasm-bindgen CLI of the version in Cargo.lock, installed if need be.
fn find_bindgen_cli(plan: &Plan, wasm: &Path) -> Res<BindgenCli> {
    let lock = bindgen::lock_file(plan);
    let Some(version) = bindgen::locked_version(&lock, bindgen::BINDGEN_CRATE)? else {
        return Err(Failure::setup(format!(
            "{} has wasm-bindgen items, but {} lists no {} to match the CLI to",
            show::path(wasm),
            show::path(&lock),
            bindgen::BINDGEN_CRATE
        )));
    };
    bindgen::ensure_cli(plan, &version)
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{JsTarget, bindgen, cli, output_option};

    fn parse(words: &[&str]) -> crate::failure::Res<(bindgen::Output, Vec<String>)> {
        let args: Vec<String> = words.iter().map(|word| (*word).to_owned()).collect();
        let mut output = bindgen::Output::default();
        let parsed = cli::parse(&args, |arg, next| output_option(&mut output, arg, next))?;
        Ok((output, parsed.cargo_args))
    }

    #[test]
    fn takes_the_wasm_bindgen_options_out_of_cargos() {
        let (output, cargo) = parse(&["--out-dir", "site/pkg", "-p", "app", "--js-target=nodejs"])
            .ok()
            .unwrap();
        assert_eq!(output.out_dir.as_deref(), Some(Path::new("site/pkg")));
        assert_eq!(output.js_target, Some(JsTarget::Nodejs));
        assert_eq!(cargo, ["-p", "app"]);
        let (output, cargo) = parse(&["--features=x", "--release"]).ok().unwrap();
        assert!(!output.given());
        assert_eq!(cargo, ["--features=x"]);
    }

    #[test]
    fn rejects_bad_wasm_bindgen_options() {
        let failure = parse(&["--js-target", "deno"]).err().unwrap();
        assert_eq!(failure.code, crate::failure::USAGE_EXIT);
        assert!(parse(&["--out-dir"]).is_err());
    }
}
