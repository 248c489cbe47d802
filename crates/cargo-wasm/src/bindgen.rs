//! wasm-bindgen under `--target web`: the CLI of Cargo.lock's version, cached, run per module.
//!
//! The CLI must be exactly the version of the wasm-bindgen crate the module was built with, so
//! it is installed from crates.io on first use, once per version, into the user cache.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use wasmparser::{Parser, Payload};

use crate::cli::Mode;
use crate::failure::{Failure, Res, exit_code_of};
use crate::npm;
use crate::plan::Plan;
use crate::show;
use crate::status;
use crate::wasm_opt;

/// The crate whose version the CLI must match: the CLI refuses a module whose embedded
/// wasm-bindgen version differs from its own.
pub(crate) const BINDGEN_CRATE: &str = "wasm-bindgen";
/// The test harness crate; its suites need the CLI's test runner.
pub(crate) const TEST_CRATE: &str = "wasm-bindgen-test";
/// The crates.io package with both binaries.
const CLI_CRATE: &str = "wasm-bindgen-cli";
const BINDGEN_BIN: &str = "wasm-bindgen";
const TEST_RUNNER_BIN: &str = "wasm-bindgen-test-runner";
/// The custom section in which `#[wasm_bindgen]` items describe themselves to the CLI.
const BINDGEN_SECTION: &str = "__wasm_bindgen_unstable";
/// The import module of wasm-bindgen's intrinsics before the CLI rewrites them.
const PLACEHOLDER_MODULE: &str = "__wbindgen_placeholder__";

/// The JS that wasm-bindgen writes (its `--target`), named as wasm-pack's `--target` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum JsTarget {
    /// An ES module with an `init` to call first: loads in a browser without a bundler.
    #[default]
    Web,
    /// An ES module that imports the .wasm, for webpack, vite and the like.
    Bundler,
    /// A CommonJS module for `require` in Node.
    Nodejs,
    /// A classic script defining the global `wasm_bindgen`.
    NoModules,
}

impl JsTarget {
    pub(crate) const NAMES: &str = "web, bundler, nodejs or no-modules";

    pub(crate) fn parse(value: &str) -> Res<JsTarget> {
        Ok(match value {
            "web" => JsTarget::Web,
            "bundler" => JsTarget::Bundler,
            "nodejs" => JsTarget::Nodejs,
            "no-modules" => JsTarget::NoModules,
            other => {
                return Err(Failure::usage(format!(
                    "unknown `--js-target {other}`: expected {}",
                    JsTarget::NAMES
                )));
            }
        })
    }

    /// The value of wasm-bindgen's `--target`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            JsTarget::Web => "web",
            JsTarget::Bundler => "bundler",
            JsTarget::Nodejs => "nodejs",
            JsTarget::NoModules => "no-modules",
        }
    }
}

/// Where and how `cargo wasm build` writes wasm-bindgen's output.
#[derive(Clone, Debug, Default)]
pub(crate) struct Output {
    /// `--out-dir`; `None`: pkg/ beside the package's Cargo.toml, as wasm-pack does.
    pub(crate) out_dir: Option<PathBuf>,
    /// `--js-target`; set or not, for the warning when nothing used it.
    pub(crate) js_target: Option<JsTarget>,
}

impl Output {
    pub(crate) fn given(&self) -> bool {
        self.out_dir.is_some() || self.js_target.is_some()
    }

    /// The directory for a module of the package whose manifest is `manifest`.
    fn dir(&self, manifest: &Path) -> PathBuf {
        match &self.out_dir {
            Some(dir) => dir.clone(),
            None => manifest.parent().unwrap_or(Path::new(".")).join("pkg"),
        }
    }
}

/// Whether the module has work for wasm-bindgen: a `#[wasm_bindgen]` item somewhere in it left
/// its description section or an import of the CLI's placeholder module.
pub(crate) fn module_uses_bindgen(bytes: &[u8]) -> bool {
    for payload in Parser::new(0).parse_all(bytes) {
        match payload {
            Ok(Payload::CustomSection(reader)) if reader.name() == BINDGEN_SECTION => return true,
            Ok(Payload::ImportSection(reader)) => {
                let placeholder = reader
                    .into_imports()
                    .flatten()
                    .any(|import| import.module == PLACEHOLDER_MODULE);
                if placeholder {
                    return true;
                }
            }
            Ok(_) => {}
            // Not ours to judge: wasm-bindgen or the loader reports a broken module.
            Err(_) => return false,
        }
    }
    false
}

/// Refuses a module that imports from the `wasm` crate's `wasm_host` module: wasm-bindgen's JS
/// would import it as a bare module specifier, which nothing provides, and the page would fail
/// only when it loads.
fn refuse_host_imports(input: &Path) -> Res<()> {
    let bytes = std::fs::read(input)
        .map_err(|e| Failure::setup(format!("cannot read {}: {e}", input.display())))?;
    let names = host_imports(&bytes);
    if names.is_empty() {
        return Ok(());
    }
    Err(Failure::setup(format!(
        "{} imports {} from `{}`, the `wasm` crate's host interface, which wasm-bindgen's JS does \
         not provide",
        show::path(input),
        names.join(", "),
        crate::web::HOST_MODULE
    ))
    .fix(
        "give the `wasm` dependency its wasm-bindgen feature (`features = [\"wasm-bindgen\"]`): \
         `ExternRef`s are then wasm-bindgen's own values (`From<JsValue>`); print with \
         `web_sys::console` rather than `wasm::host::print`; declare JS functions with \
         `#[wasm_bindgen]` rather than `#[wasm::host_imports]`",
    ))
}

/// The names of the functions a module imports from `wasm_host`.
fn host_imports(bytes: &[u8]) -> Vec<String> {
    Parser::new(0)
        .parse_all(bytes)
        .filter_map(|payload| match payload {
            Ok(Payload::ImportSection(reader)) => Some(reader),
            _ => None,
        })
        .flat_map(|reader| reader.into_imports().flatten().collect::<Vec<_>>())
        .filter(|import| import.module == crate::web::HOST_MODULE)
        .map(|import| format!("`{}`", import.name))
        .collect()
}

/// Every version of package `name` in the text of a Cargo.lock.
pub(crate) fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut package: Option<&str> = None;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            // `[[package]]` starts an entry; `[metadata]` (old lock files) ends them.
            package = None;
        } else if let Some(value) = quoted_value(line, "name") {
            package = Some(value);
        } else if let Some(value) = quoted_value(line, "version")
            && package == Some(name)
        {
            versions.push(value.to_owned());
        }
    }
    versions
}

/// `value` of a line `key = "value"`.
fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')
}

/// The highest of `versions` by their numeric components (cargo keeps one semver-compatible
/// wasm-bindgen per lock file, so more than one means a 0.1 beside the 0.2).
fn highest(versions: &[String]) -> Option<&String> {
    fn key(version: &str) -> Vec<u64> {
        version
            .split(['.', '-', '+'])
            .map(|part| part.parse().unwrap_or(0))
            .collect()
    }
    versions.iter().max_by_key(|version| key(version))
}

/// The Cargo.lock of the build: the workspace root's.
pub(crate) fn lock_file(plan: &Plan) -> PathBuf {
    plan.config.workspace_root.join("Cargo.lock")
}

/// The version of `name` in `lock`; `None` when the lock has no such package.
pub(crate) fn locked_version(lock: &Path, name: &str) -> Res<Option<String>> {
    let text = std::fs::read_to_string(lock)
        .map_err(|e| Failure::setup(format!("cannot read {}: {e}", lock.display())))?;
    Ok(highest(&locked_versions(&text, name)).cloned())
}

/// The user cache, as the build system computes it: `$WASMRUST_CACHE_DIR`,
/// `$XDG_CACHE_HOME/wasmrust`, or `~/.cache/wasmrust`.
pub(crate) fn cache_root() -> Res<PathBuf> {
    if let Some(dir) = std::env::var_os("WASMRUST_CACHE_DIR") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(dir).join("wasmrust"));
    }
    let home = std::env::var_os("HOME").ok_or_else(|| {
        Failure::setup("neither WASMRUST_CACHE_DIR nor HOME is set: no cache for wasm-bindgen-cli")
    })?;
    Ok(PathBuf::from(home).join(".cache/wasmrust"))
}

/// `CACHE/wasm-bindgen/VERSION`: the `--root` of one version's `cargo install`.
pub(crate) fn install_root(cache: &Path, version: &str) -> PathBuf {
    cache.join("wasm-bindgen").join(version)
}

/// One installed wasm-bindgen-cli: both binaries, of `version`.
#[derive(Debug)]
pub(crate) struct BindgenCli {
    pub(crate) version: String,
    pub(crate) bin: PathBuf,
}

impl BindgenCli {
    pub(crate) fn wasm_bindgen(&self) -> PathBuf {
        self.bin.join(BINDGEN_BIN)
    }

    pub(crate) fn test_runner(&self) -> PathBuf {
        self.bin.join(TEST_RUNNER_BIN)
    }

    fn complete(&self) -> bool {
        self.wasm_bindgen().is_file() && self.test_runner().is_file()
    }
}

/// The CLI of `version`: from the cache, else a matching pair on PATH (as wasm-pack accepts),
/// else installed now from crates.io into the cache.
pub(crate) fn ensure_cli(plan: &Plan, version: &str) -> Res<BindgenCli> {
    let root = install_root(&cache_root()?, version);
    let cached = BindgenCli {
        version: version.to_owned(),
        bin: root.join("bin"),
    };
    if cached.complete() {
        return Ok(cached);
    }
    if let Some(found) = on_path(version) {
        return Ok(found);
    }
    install(plan, version, &root)?;
    Ok(cached)
}

/// `wasm-bindgen` and `wasm-bindgen-test-runner` side by side on PATH, when `wasm-bindgen
/// --version` says `version`.
fn on_path(version: &str) -> Option<BindgenCli> {
    let path = std::env::var_os("PATH")?;
    let bin = std::env::split_paths(&path).find(|dir| dir.join(BINDGEN_BIN).is_file())?;
    let found = BindgenCli {
        version: version.to_owned(),
        bin,
    };
    let output = Command::new(found.wasm_bindgen())
        .arg("--version")
        .output()
        .ok()?;
    let says = String::from_utf8_lossy(&output.stdout);
    let matches = says.split_whitespace().nth(1) == Some(version);
    (matches && found.complete()).then_some(found)
}

/// `cargo install wasm-bindgen-cli --version =VERSION --locked` into a fresh directory beside
/// `root`, renamed to `root` when complete: an interrupted install leaves no half of one, and of
/// two concurrent installs the first to finish wins.
fn install(plan: &Plan, version: &str, root: &Path) -> Res<()> {
    let parent = root.parent().unwrap_or(root);
    std::fs::create_dir_all(parent)
        .map_err(|e| Failure::setup(format!("cannot create {}: {e}", parent.display())))?;
    let partial = parent.join(format!("{version}.partial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&partial);
    if !plan.quiet {
        status::status(
            "Installing",
            &format!(
                "{CLI_CRATE} {version} (the {BINDGEN_CRATE} of Cargo.lock) into {}",
                show::path(root)
            ),
        );
        status::note(
            "it is built from source, once per version: that takes minutes (4 to 10 on 2 \
             cores); cargo's progress follows",
        );
    }
    let started = Instant::now();
    let mut cmd = plan.toolchain.cargo();
    cmd.args(["install", CLI_CRATE, "--version"])
        .arg(format!("={version}"))
        .arg("--locked")
        .arg("--root")
        .arg(&partial)
        // Outside the project: its .cargo/config.toml (a `build.target` of wasm32, say) must
        // not apply to a host tool.
        .current_dir(parent)
        // The wasm build's flags would break a host build.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET");
    if plan.quiet {
        cmd.arg("--quiet");
    }
    // Cargo warns when the root's bin/ is not on PATH: a path about to be renamed, and we run
    // the binaries by their full paths anyway.
    let mut path = vec![partial.join("bin")];
    path.extend(std::env::var_os("PATH").map_or_else(Vec::new, |old| {
        std::env::split_paths(&old).collect::<Vec<_>>()
    }));
    if let Ok(joined) = std::env::join_paths(path) {
        cmd.env("PATH", joined);
    }
    let ran = cmd
        .status()
        .map_err(|e| Failure::setup(format!("cannot run cargo install: {e}")))?;
    let installed = BindgenCli {
        version: version.to_owned(),
        bin: partial.join("bin"),
    };
    if !ran.success() || !installed.complete() {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(Failure::setup(format!(
            "cargo install {CLI_CRATE} --version ={version} failed (exit {}): the {BINDGEN_CRATE} \
             build needs exactly this CLI",
            exit_code_of(ran)
        ))
        .fix(format!(
            "check the network access to crates.io and the error above, or put a \
             wasm-bindgen {version} (with wasm-bindgen-test-runner beside it) on PATH"
        )));
    }
    if std::fs::rename(&partial, root).is_err() {
        // Another cargo wasm finished first: its copy is the same build.
        let _ = std::fs::remove_dir_all(&partial);
    }
    if !plan.quiet {
        status::status(
            "Installed",
            &format!(
                "{CLI_CRATE} {version} in {}",
                show::duration(started.elapsed())
            ),
        );
    }
    Ok(())
}

/// The arguments of one wasm-bindgen run, wasm-pack's for the profile: `--debug` (JS-side
/// checks) in dev, nothing more in release.
pub(crate) fn bindgen_args(
    input: &Path,
    out_dir: &Path,
    js_target: JsTarget,
    mode: Mode,
) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        input.into(),
        "--out-dir".into(),
        out_dir.into(),
        "--target".into(),
        js_target.name().into(),
    ];
    if mode == Mode::Dev {
        args.push("--debug".into());
    }
    args
}

/// What wasm-bindgen wrote for one module.
pub(crate) struct Generated {
    /// NAME_bg.wasm (optimized in release).
    pub(crate) wasm: PathBuf,
    /// NAME.js.
    pub(crate) js: PathBuf,
    /// package.json (npm.rs).
    pub(crate) package_json: PathBuf,
}

/// Runs wasm-bindgen on `input` (cargo's NAME.wasm), then wasm-opt in release on its .wasm,
/// then writes the npm package's files as wasm-pack does.
pub(crate) fn generate(
    plan: &Plan,
    cli: &BindgenCli,
    input: &Path,
    manifest: &Path,
    output: &Output,
) -> Res<Generated> {
    refuse_host_imports(input)?;
    let out_dir = output.dir(manifest);
    let js_target = output.js_target.unwrap_or_default();
    let args = bindgen_args(input, &out_dir, js_target, plan.mode);
    npm::prepare_dir(&out_dir)?;
    let ran = Command::new(cli.wasm_bindgen())
        .args(&args)
        .status()
        .map_err(|e| Failure::setup(format!("cannot run {}: {e}", cli.wasm_bindgen().display())))?;
    if !ran.success() {
        return Err(Failure::setup(format!(
            "wasm-bindgen {} failed on {} (exit {})",
            cli.version,
            input.display(),
            exit_code_of(ran)
        ))
        .fix(
            "its message is above; a module of `--dev` that `--release` processes fine is a \
              WasmRust bug worth reporting",
        ));
    }
    let stem = input
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let wasm = out_dir.join(format!("{stem}_bg.wasm"));
    let js = out_dir.join(format!("{stem}.js"));
    if !plan.quiet {
        status::status(
            "Bindgen",
            &format!(
                "{} with wasm-bindgen {} --target {} into {}",
                show::path(input),
                cli.version,
                js_target.name(),
                show::path(&out_dir)
            ),
        );
    }
    if plan.mode == Mode::Release
        && let Some(flags) = &plan.config.wasm_opt
    {
        let tool = wasm_opt::locate(&plan.dist)?;
        let before = show::file_size(&wasm);
        wasm_opt::optimize_in_place(&tool, &wasm, flags)?;
        if !plan.quiet {
            status::status(
                "Optimized",
                &format!(
                    "{} with wasm-opt {}: {} -> {}",
                    show::path(&wasm),
                    flags.join(" "),
                    show::thousands(before),
                    show::thousands(show::file_size(&wasm)),
                ),
            );
        }
    }
    let info = npm::read_crate(plan, manifest)?;
    let crate_dir = manifest.parent().unwrap_or(Path::new("."));
    let package_json = npm::write_package(&info, crate_dir, &out_dir, &stem, js_target)?;
    Ok(Generated {
        wasm,
        js,
        package_json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "js-sys"
version = "0.3.83"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "once_cell",
 "wasm-bindgen",
]

[[package]]
name = "wasm-bindgen"
version = "0.2.106"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-test"
version = "0.3.56"

[[package]]
name = "wasm-bindgen"
version = "0.1.9"
"#;

    #[test]
    fn finds_versions_in_a_lock_file() {
        assert_eq!(locked_versions(LOCK, "js-sys"), ["0.3.83"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.106", "0.1.9"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen-test"), ["0.3.56"]);
        assert!(locked_versions(LOCK, "web-sys").is_empty());
        // The lock file's own `version = 4` belongs to no package.
        assert!(locked_versions(LOCK, "").is_empty());
    }

    #[test]
    fn picks_the_highest_version() {
        let versions = ["0.2.99", "0.2.106", "0.1.9"].map(str::to_owned);
        assert_eq!(highest(&versions).map(String::as_str), Some("0.2.106"));
        assert_eq!(highest(&[]), None);
    }

    #[test]
    fn reads_a_lock_file_from_disk() {
        let dir = std::env::temp_dir().join(format!("cargo-wasm-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lock = dir.join("Cargo.lock");
        std::fs::write(&lock, LOCK).unwrap();
        let version = locked_version(&lock, BINDGEN_CRATE).ok().flatten();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(version.as_deref(), Some("0.2.106"));
    }

    #[test]
    fn passes_wasm_packs_arguments() {
        let text = |args: Vec<OsString>| -> Vec<String> {
            args.into_iter()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect()
        };
        let input = Path::new("t/app.wasm");
        assert_eq!(
            text(bindgen_args(
                input,
                Path::new("pkg"),
                JsTarget::Web,
                Mode::Dev
            )),
            [
                "t/app.wasm",
                "--out-dir",
                "pkg",
                "--target",
                "web",
                "--debug"
            ]
        );
        assert_eq!(
            text(bindgen_args(
                input,
                Path::new("out"),
                JsTarget::NoModules,
                Mode::Release
            )),
            ["t/app.wasm", "--out-dir", "out", "--target", "no-modules"]
        );
    }

    #[test]
    fn js_targets_round_trip() {
        for name in ["web", "bundler", "nodejs", "no-modules"] {
            assert_eq!(JsTarget::parse(name).ok().map(JsTarget::name), Some(name));
        }
        assert!(JsTarget::parse("deno").is_err());
    }

    #[test]
    fn default_out_dir_is_pkg_beside_the_manifest() {
        let output = Output::default();
        assert_eq!(
            output.dir(Path::new("/p/app/Cargo.toml")),
            Path::new("/p/app/pkg")
        );
        let output = Output {
            out_dir: Some(PathBuf::from("site/pkg")),
            js_target: None,
        };
        assert_eq!(
            output.dir(Path::new("/p/app/Cargo.toml")),
            Path::new("site/pkg")
        );
    }

    /// A module with one custom section `name` and nothing else.
    fn module_with_section(name: &str) -> Vec<u8> {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        let mut payload = vec![u8::try_from(name.len()).unwrap()];
        payload.extend(name.as_bytes());
        payload.push(0);
        bytes.push(0);
        bytes.push(u8::try_from(payload.len()).unwrap());
        bytes.extend(payload);
        bytes
    }

    #[test]
    fn recognizes_bindgen_modules() {
        assert!(module_uses_bindgen(&module_with_section(BINDGEN_SECTION)));
        assert!(!module_uses_bindgen(&module_with_section("producers")));
        assert!(!module_uses_bindgen(b"not wasm"));
    }

    #[test]
    fn names_the_wasm_host_imports_it_refuses() {
        let module = crate::web::tests::module_importing(&["print", "externref_drop"], 0x7f);
        assert_eq!(host_imports(&module), ["`print`", "`externref_drop`"]);
        assert!(host_imports(&crate::web::tests::module_importing(&[], 0x7f)).is_empty());
    }
}
