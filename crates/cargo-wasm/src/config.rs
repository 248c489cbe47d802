//! `[package.metadata.wasm]` (or `[workspace.metadata.wasm]`) of Cargo.toml: defaults for flags
//! that would otherwise be repeated on every command line.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::cli::{self, Mode, Target};
use crate::failure::{Failure, Res};
use crate::status;
use crate::toolchain::Toolchain;

/// The keys we read, for the unknown-key warning and the help text.
pub(crate) const KEYS: &[&str] = &["mode", "target", "gc", "rustflags", "wasm-opt", "dirs"];

/// The crate whose release form `--release` lowers to WasmGC.
const WASM_CRATE: &str = "wasm";

/// wasm-opt's flags when the manifest names none: optimized for speed, as cargo's `release`
/// profile is (wasm-opt's `-O` is its `-Os`). `-O3` also inlines the small functions the WasmGC
/// lowering makes of the `wasm` crate's operations, which `-O` leaves as calls (bench: particles
/// on `Gc` 2 times faster).
const DEFAULT_WASM_OPT: &[&str] = &["-O3"];

#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) mode: Option<Mode>,
    pub(crate) target: Option<Target>,
    /// `--dev` lowers the `wasm` crate's GC types and host references to WasmGC
    /// (`gc = "accelerate"`, the default for modules) or keeps its library implementation
    /// (`"library"`, the only choice for components); `None` when the package does not say.
    pub(crate) accelerate_gc: Option<bool>,
    /// Extra rustc flags for the wasm crates, in both modes.
    pub(crate) rustflags: Vec<String>,
    /// wasm-opt's flags for `--release`; `None` when `wasm-opt = false`.
    pub(crate) wasm_opt: Option<Vec<String>>,
    /// Host directories the program sees (wasm-run `--dir`) in `run` and `test`.
    pub(crate) dirs: Vec<String>,
    /// The selected package's `default-run`.
    pub(crate) default_run: Option<String>,
    /// The workspace root (where Cargo.lock is), from `cargo metadata`.
    pub(crate) workspace_root: PathBuf,
    /// The `panic` of cargo's `dev` profile: `[profile.dev]` of the workspace's Cargo.toml, or
    /// `CARGO_PROFILE_DEV_PANIC`; `None` when neither sets it.
    pub(crate) dev_profile_panic: Option<String>,
    /// A package of the workspace depends on wasm-bindgen (directly, or Cargo.lock has it).
    pub(crate) uses_wasm_bindgen: bool,
    /// The build has the `wasm` crate (a dependency, a member, or in Cargo.lock): only then
    /// does `--release` select its release form, whose cfg would otherwise just make cargo
    /// build every crate apart from the artifacts it already has.
    pub(crate) uses_wasm_crate: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mode: None,
            target: None,
            accelerate_gc: None,
            rustflags: Vec::new(),
            wasm_opt: Some(DEFAULT_WASM_OPT.iter().map(|s| (*s).to_owned()).collect()),
            dirs: Vec::new(),
            default_run: None,
            workspace_root: PathBuf::new(),
            dev_profile_panic: None,
            uses_wasm_bindgen: false,
            uses_wasm_crate: false,
        }
    }
}

/// `cargo metadata --no-deps` of the workspace of `manifest` (else of the current directory).
pub(crate) fn metadata(toolchain: &Toolchain, manifest: Option<&Path>) -> Res<Value> {
    let mut cmd = toolchain.cargo();
    cmd.args(["metadata", "--no-deps", "--format-version", "1"]);
    if let Some(manifest) = manifest {
        cmd.arg("--manifest-path").arg(manifest);
    }
    let output = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| Failure::setup(format!("cannot run cargo metadata: {e}")))?;
    if !output.status.success() {
        // cargo explained it (no Cargo.toml, a syntax error, ...).
        return Err(Failure::reported(crate::failure::exit_code_of(
            output.status,
        )));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| Failure::setup(format!("cargo metadata printed something odd: {e}")))
}

/// Whether the workspace builds with the crate `name`: a package is it or names it as a
/// dependency (what `--no-deps` metadata shows), or Cargo.lock, when there is one, has it
/// through another crate.
fn uses_crate(metadata: &Value, workspace_root: &Path, name: &str) -> bool {
    let direct = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|package| {
            package["name"] == name
                || package["dependencies"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|dependency| dependency["name"] == name)
        });
    direct
        || std::fs::read_to_string(workspace_root.join("Cargo.lock"))
            .is_ok_and(|lock| !crate::bindgen::locked_versions(&lock, name).is_empty())
}

/// Reads the configuration of the package cargo would pick for `cargo_args`.
pub(crate) fn load(toolchain: &Toolchain, cargo_args: &[String]) -> Res<Config> {
    let manifest = cli::option_value(cargo_args, "--manifest-path", None);
    let metadata = metadata(toolchain, manifest.as_deref().map(Path::new))?;
    let package = cli::option_value(cargo_args, "--package", Some("-p"));
    let selected = select_package(&metadata, package.as_deref(), manifest.as_deref());
    let (table, origin, default_run) = match selected {
        Some(package) => (
            package.pointer("/metadata/wasm"),
            format!(
                "[package.metadata.wasm] of {}",
                package["manifest_path"].as_str().unwrap_or("?")
            ),
            package["default_run"].as_str().map(str::to_owned),
        ),
        None => (
            metadata.pointer("/metadata/wasm"),
            format!(
                "[workspace.metadata.wasm] of {}/Cargo.toml",
                metadata["workspace_root"].as_str().unwrap_or("?")
            ),
            None,
        ),
    };
    let mut config = match table {
        Some(table) => parse_table(table, &origin)?,
        None => Config::default(),
    };
    config.default_run = default_run;
    config.workspace_root = metadata["workspace_root"]
        .as_str()
        .map(PathBuf::from)
        .unwrap_or_default();
    let manifest =
        std::fs::read_to_string(config.workspace_root.join("Cargo.toml")).unwrap_or_default();
    config.dev_profile_panic = std::env::var("CARGO_PROFILE_DEV_PANIC")
        .ok()
        .or_else(|| profile_setting(&manifest, "dev", "panic"));
    config.uses_wasm_bindgen = uses_crate(
        &metadata,
        &config.workspace_root,
        crate::bindgen::BINDGEN_CRATE,
    );
    config.uses_wasm_crate = uses_crate(&metadata, &config.workspace_root, WASM_CRATE);
    Ok(config)
}

/// `KEY = "VALUE"` of `[profile.PROFILE]` in a manifest's text (cargo's profiles live only in
/// the workspace root's Cargo.toml; `cargo metadata` does not report them).
fn profile_setting(manifest: &str, profile: &str, key: &str) -> Option<String> {
    let header = format!("[profile.{profile}]");
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == header;
        } else if in_table
            && let Some((name, value)) = line.split_once('=')
            && name.trim() == key
        {
            let value = value.split('#').next().unwrap_or_default().trim();
            return Some(value.trim_matches('"').to_owned());
        }
    }
    None
}

/// `-p NAME`, else the package of `--manifest-path`, else the innermost package around the
/// current directory; `None` at a virtual workspace root.
fn select_package<'a>(
    metadata: &'a Value,
    name: Option<&str>,
    manifest: Option<&str>,
) -> Option<&'a Value> {
    let packages = metadata["packages"].as_array()?;
    if let Some(name) = name {
        // `-p name@1.0` selects by name too.
        let name = name.split('@').next().unwrap_or(name);
        return packages.iter().find(|p| p["name"] == name);
    }
    let here = match manifest {
        Some(manifest) => std::fs::canonicalize(manifest)
            .ok()?
            .parent()?
            .to_path_buf(),
        None => std::env::current_dir().ok()?,
    };
    packages
        .iter()
        .filter_map(|package| {
            let dir = Path::new(package["manifest_path"].as_str()?).parent()?;
            here.starts_with(dir)
                .then(|| (dir.components().count(), package))
        })
        .max_by_key(|(depth, _)| *depth)
        .map(|(_, package)| package)
}

fn parse_table(table: &Value, origin: &str) -> Res<Config> {
    let bad = |key: &str, expected: &str| {
        Failure::setup(format!("{origin}: `{key}` must be {expected}"))
            .fix("see `cargo wasm help config`")
    };
    let object = table.as_object().ok_or_else(|| bad("wasm", "a table"))?;
    let mut config = Config::default();
    for (key, value) in object {
        match key.as_str() {
            "mode" => {
                let text = value.as_str().unwrap_or_default();
                config.mode =
                    Some(Mode::parse(text).ok_or_else(|| bad(key, "\"dev\" or \"release\""))?);
            }
            "target" => {
                let text = value
                    .as_str()
                    .ok_or_else(|| bad(key, "\"wasi\", \"web\" or \"wasip2\""))?;
                config.target = Some(Target::parse(text)?);
            }
            "gc" => {
                config.accelerate_gc = match value.as_str() {
                    Some("accelerate") => Some(true),
                    Some("library") => Some(false),
                    _ => return Err(bad(key, "\"accelerate\" or \"library\"")),
                };
            }
            "rustflags" => {
                config.rustflags = strings(value).ok_or_else(|| bad(key, "an array of strings"))?;
            }
            "dirs" => {
                config.dirs = strings(value).ok_or_else(|| bad(key, "an array of strings"))?;
            }
            "wasm-opt" => {
                config.wasm_opt = match value {
                    Value::Bool(false) => None,
                    Value::Bool(true) => Config::default().wasm_opt,
                    _ => Some(strings(value).ok_or_else(|| {
                        bad(key, "an array of wasm-opt flags, or false to skip wasm-opt")
                    })?),
                };
            }
            other => status::warning(&format!(
                "{origin}: unknown key `{other}` ignored (known: {})",
                KEYS.join(", ")
            )),
        }
    }
    Ok(config)
}

fn strings(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|item| item.as_str().map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_wasm_crate_as_member_or_dependency() {
        let nowhere = Path::new("/nonexistent");
        let member = serde_json::json!({"packages": [{"name": "wasm", "dependencies": []}]});
        let dependent = serde_json::json!({"packages": [
            {"name": "app", "dependencies": [{"name": "wasm"}]}
        ]});
        let unrelated = serde_json::json!({"packages": [
            {"name": "app", "dependencies": [{"name": "serde"}]}
        ]});
        assert!(uses_crate(&member, nowhere, WASM_CRATE));
        assert!(uses_crate(&dependent, nowhere, WASM_CRATE));
        assert!(!uses_crate(&unrelated, nowhere, WASM_CRATE));
    }

    #[test]
    fn reads_every_key() {
        let table = serde_json::json!({
            "mode": "release",
            "target": "web",
            "gc": "library",
            "rustflags": ["-Cdebuginfo=0"],
            "wasm-opt": ["-Oz"],
            "dirs": ["data"],
        });
        let config = parse_table(&table, "test").ok().unwrap();
        assert_eq!(config.accelerate_gc, Some(false));
        assert_eq!(config.mode, Some(Mode::Release));
        assert_eq!(config.target, Some(Target::Web));
        assert_eq!(config.rustflags, ["-Cdebuginfo=0"]);
        assert_eq!(config.wasm_opt, Some(vec!["-Oz".to_owned()]));
        assert_eq!(config.dirs, ["data"]);
    }

    #[test]
    fn reads_the_dev_profiles_panic() {
        let manifest = "[package]\npanic = \"x\"\n[profile.release]\npanic = \"abort\"\n\
                        [profile.dev]\nopt-level = 1\npanic = \"abort\" # for size\n";
        assert_eq!(
            super::profile_setting(manifest, "dev", "panic").as_deref(),
            Some("abort")
        );
        assert_eq!(super::profile_setting("[package]\n", "dev", "panic"), None);
    }

    #[test]
    fn wasm_opt_can_be_turned_off() {
        let table = serde_json::json!({ "wasm-opt": false });
        assert_eq!(parse_table(&table, "test").ok().unwrap().wasm_opt, None);
    }

    #[test]
    fn wrong_types_name_the_key() {
        let table = serde_json::json!({ "mode": "fast" });
        let failure = parse_table(&table, "Cargo.toml").err().unwrap();
        assert_eq!(
            failure.message.as_deref(),
            Some("Cargo.toml: `mode` must be \"dev\" or \"release\"")
        );
    }
}
