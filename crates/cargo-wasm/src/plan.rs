//! Everything one building command needs, settled once: dist/, the toolchain, the configuration,
//! the mode and target, and the cargo command lines that follow from them.

use std::path::PathBuf;
use std::process::Command;

use crate::cli::{self, Mode, Parsed, Target};
use crate::config::{self, Config};
use crate::dist::Dist;
use crate::failure::Res;
use crate::fingerprint;
use crate::flags;
use crate::status;
use crate::toolchain::Toolchain;

pub(crate) struct Plan {
    pub(crate) dist: Dist,
    pub(crate) toolchain: Toolchain,
    pub(crate) config: Config,
    pub(crate) mode: Mode,
    pub(crate) target: Target,
    /// The `--sysroot` of the wasm crates; `None` for rustup's own std.
    pub(crate) sysroot: Option<PathBuf>,
    /// Every rustc flag of the wasm crates: ours, the manifest's, the environment's.
    pub(crate) rustflags: Vec<String>,
    /// `-q`/`--quiet` was given: no status lines of ours either.
    pub(crate) quiet: bool,
    /// The build unwinds (dev builds against the unwinding std): `flags::unwinds`.
    pub(crate) unwind: bool,
    /// A release build with the `wasm` crate's release form (`--cfg wasm_gc_imports`): each
    /// module is lowered to WasmGC after linking (gc_lowering.rs).
    pub(crate) lowers_gc: bool,
}

impl Plan {
    pub(crate) fn new(parsed: &Parsed) -> Res<Plan> {
        let dist = Dist::locate()?;
        let toolchain = Toolchain::locate()?;
        let mut config = config::load(&toolchain, &parsed.cargo_args)?;
        if parsed.accelerate_gc.is_some() {
            config.accelerate_gc = parsed.accelerate_gc;
        }
        let mode = parsed.mode.or(config.mode).unwrap_or(Mode::Dev);
        let target = parsed.target.or(config.target).unwrap_or(Target::Wasi);
        let user: Vec<String> = config
            .rustflags
            .iter()
            .cloned()
            .chain(flags::from_environment())
            .collect();
        flags::check_features(&user, mode, target)?;
        let unwind = flags::unwinds(&user, mode, target, config.dev_profile_panic.as_deref())?;
        let sysroot = dist.sysroot(
            mode,
            target,
            unwind,
            &toolchain.target_libdir(target.triple()),
        )?;
        if mode == Mode::Dev && !dist.backend().is_file() {
            return Err(crate::failure::Failure::setup(format!(
                "the backend {} is missing",
                dist.backend().display()
            ))
            .fix(dist.y_sh("build")));
        }
        let mut rustflags = flags::base(mode, &dist.backend(), sysroot.as_deref(), unwind);
        let libdir = sysroot
            .as_ref()
            .map(|root| root.join("lib/rustlib").join(target.triple()).join("lib"));
        let backend = (mode == Mode::Dev).then(|| dist.backend());
        rustflags.push(fingerprint::flag(libdir.as_deref(), backend.as_deref()));
        let accelerate = accelerates_gc(&config, target)?;
        if mode == Mode::Dev {
            // Before the user's flags: a later `-Cllvm-args=wasm-gc=library` there wins.
            let gc = if accelerate { "accelerate" } else { "library" };
            rustflags.push(format!("-Cllvm-args=wasm-gc={gc}"));
        }
        // LLVM compiles the `wasm` crate's release form, whose operations are imports that the
        // post-link lowering turns into WasmGC (CONTRACT.md section 6).
        let lowers_gc = mode == Mode::Release && accelerate && config.uses_wasm_crate;
        if lowers_gc {
            rustflags.extend(["--cfg".to_owned(), RELEASE_FORM_CFG.to_owned()]);
        }
        rustflags.extend(user);
        Ok(Plan {
            quiet: cli::has_flag(&parsed.cargo_args, &["-q", "--quiet"]),
            dist,
            toolchain,
            config,
            mode,
            target,
            rustflags,
            sysroot,
            unwind,
            lowers_gc,
        })
    }

    /// `cargo [-Z...] SUBCOMMAND --target T [--release] ARGS` with our compiler settings.
    pub(crate) fn cargo(&self, subcommand: &str, args: &[String]) -> Command {
        let mut cmd = self.toolchain.cargo();
        if subcommand == "test" && !self.unwind {
            // libtest runs each test in a child process unless told that panics abort.
            cmd.arg("-Zpanic-abort-tests");
        }
        cmd.arg(subcommand).args(["--target", self.target.triple()]);
        if self.mode == Mode::Release && !cli::has_flag(args, &["--profile"]) {
            cmd.arg("--release");
        }
        cmd.args(args)
            .env("CARGO_ENCODED_RUSTFLAGS", flags::encode(&self.rustflags))
            .env_remove("RUSTFLAGS");
        cmd
    }

    /// One status line saying which compiler and std this build uses.
    pub(crate) fn announce(&self) {
        if self.quiet {
            return;
        }
        let how = match self.mode {
            Mode::Dev => "rustc_codegen_wasmgc (dev)",
            Mode::Release => "LLVM (release)",
        };
        status::status(
            "Targeting",
            &format!(
                "{} ({}) with {how}, panic={}",
                self.target.name(),
                self.target.triple(),
                if self.unwind { "unwind" } else { "abort" }
            ),
        );
    }
}

/// The cfg that selects the `wasm` crate's release form.
pub(crate) const RELEASE_FORM_CFG: &str = "wasm_gc_imports";

/// Whether this build lowers the `wasm` crate to WasmGC (dev: our backend; release: LLVM on the
/// crate's release form, then the post-link lowering): the default for modules; never for
/// components, whose core module wasm-component-ld wraps before the lowering could run, nor for
/// wasm-bindgen packages on the web, whose CLI cannot read the lowered module.
fn accelerates_gc(config: &Config, target: Target) -> Res<bool> {
    let bindgen = target == Target::Web && config.uses_wasm_bindgen;
    match (target, config.accelerate_gc) {
        (Target::Component, Some(true)) => Err(crate::failure::Failure::setup(
            "`gc = \"accelerate\"` is not available for components (--target wasip2): \
             wasm-component-ld wraps the core module before the WasmGC lowering could run",
        )
        .fix("remove `gc = \"accelerate\"` from [package.metadata.wasm] for component builds (the `wasm` crate's library implementation is used)")),
        (Target::Web, Some(true)) if bindgen => Err(crate::failure::Failure::setup(
            "`gc = \"accelerate\"` is not available for wasm-bindgen packages (--target web): \
             the wasm-bindgen CLI reads modules with walrus, which refuses the WasmGC types and \
             instructions the lowering writes (\"gc proposal not supported\")",
        )
        .fix("remove `gc = \"accelerate\"` from [package.metadata.wasm]: the `wasm` crate's library implementation is used, and with its `wasm-bindgen` feature `ExternRef` and `JsValue` convert into each other")),
        (Target::Component, _) => Ok(false),
        (_, _) if bindgen => Ok(false),
        (_, choice) => Ok(choice.unwrap_or(true)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The choice for a package that says `accelerate_gc` (and uses wasm-bindgen or not);
    /// `None` when it is refused.
    fn choice(
        accelerate_gc: Option<bool>,
        uses_wasm_bindgen: bool,
        target: Target,
    ) -> Option<bool> {
        let config = Config {
            accelerate_gc,
            uses_wasm_bindgen,
            ..Config::default()
        };
        accelerates_gc(&config, target).ok()
    }

    #[test]
    fn modules_accelerate_unless_told_not_to() {
        assert_eq!(choice(None, false, Target::Wasi), Some(true));
        assert_eq!(choice(None, false, Target::Web), Some(true));
        assert_eq!(choice(Some(false), false, Target::Web), Some(false));
        // wasm-bindgen matters only where its CLI runs.
        assert_eq!(choice(None, true, Target::Wasi), Some(true));
    }

    #[test]
    fn wasm_bindgen_packages_on_the_web_use_the_library() {
        assert_eq!(choice(None, true, Target::Web), Some(false));
        let config = Config {
            accelerate_gc: Some(true),
            uses_wasm_bindgen: true,
            ..Config::default()
        };
        let Err(refused) = accelerates_gc(&config, Target::Web) else {
            panic!("`gc = \"accelerate\"` was taken for a wasm-bindgen package");
        };
        let message = refused.message.unwrap_or_default();
        assert!(message.contains("gc proposal not supported"), "{message}");
    }

    #[test]
    fn components_never_accelerate() {
        assert_eq!(choice(None, false, Target::Component), Some(false));
        assert_eq!(choice(Some(true), false, Target::Component), None);
    }
}
