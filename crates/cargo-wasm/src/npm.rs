//! pkg/package.json, README and LICENSE files beside wasm-bindgen output, as wasm-pack writes them.
//!
//! A wasm-pack user's bundler, `npm link` or `npm publish` reads pkg/package.json; its fields,
//! their order and the entry point per JS target follow wasm-pack 0.14 (`manifest/mod.rs`), so
//! switching to `cargo wasm build --target web` changes nothing on the JS side.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::bindgen::JsTarget;
use crate::failure::{Failure, Res};
use crate::plan::Plan;

/// What package.json takes from Cargo.toml, as `cargo metadata` reports it (so a field
/// inherited from the workspace or a README found by cargo counts too).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CrateInfo {
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) authors: Vec<String>,
    pub(crate) description: Option<String>,
    pub(crate) license: Option<String>,
    /// `license-file`, relative to the package's directory.
    pub(crate) license_file: Option<String>,
    pub(crate) repository: Option<String>,
    pub(crate) homepage: Option<String>,
    pub(crate) keywords: Vec<String>,
    /// `readme`, relative to the package's directory.
    pub(crate) readme: Option<String>,
}

impl CrateInfo {
    /// The fields of one package of `cargo metadata`'s `packages`.
    fn from_metadata(package: &Value) -> CrateInfo {
        let text = |key: &str| package[key].as_str().map(str::to_owned);
        let list = |key: &str| {
            package[key]
                .as_array()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        CrateInfo {
            name: text("name").unwrap_or_default(),
            version: text("version").unwrap_or_default(),
            authors: list("authors"),
            description: text("description"),
            license: text("license"),
            license_file: text("license_file"),
            repository: text("repository"),
            homepage: text("homepage"),
            keywords: list("keywords"),
            readme: text("readme"),
        }
    }

    /// npm's `license`: the SPDX expression, else a pointer to the file.
    fn npm_license(&self) -> Option<String> {
        self.license.clone().or_else(|| {
            self.license_file
                .as_ref()
                .map(|file| format!("SEE LICENSE IN {file}"))
        })
    }
}

/// The package whose Cargo.toml is `manifest`, from `cargo metadata --no-deps`.
pub(crate) fn read_crate(plan: &Plan, manifest: &Path) -> Res<CrateInfo> {
    let metadata = crate::config::metadata(&plan.toolchain, Some(manifest))?;
    find_package(&metadata, manifest)
        .map(CrateInfo::from_metadata)
        .ok_or_else(|| {
            Failure::setup(format!(
                "cargo metadata does not list the package of {}",
                manifest.display()
            ))
        })
}

/// The package of `manifest` among metadata's packages (paths compared canonically: cargo
/// reports absolute ones, an artifact's may come through a symlink).
fn find_package<'a>(metadata: &'a Value, manifest: &Path) -> Option<&'a Value> {
    let wanted = std::fs::canonicalize(manifest).unwrap_or_else(|_| manifest.to_path_buf());
    metadata["packages"].as_array()?.iter().find(|package| {
        package["manifest_path"].as_str().is_some_and(|path| {
            std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path)) == wanted
        })
    })
}

/// Before wasm-bindgen runs, as wasm-pack: the directory exists, ignores itself in git, and an
/// earlier run's package.json is gone (wasm-bindgen writes one only when a crate declares npm
/// dependencies, and that one must not be mistaken for this run's).
pub(crate) fn prepare_dir(out_dir: &Path) -> Res<()> {
    let _ = std::fs::remove_file(out_dir.join("package.json"));
    std::fs::create_dir_all(out_dir)
        .map_err(|e| Failure::setup(format!("cannot create {}: {e}", out_dir.display())))?;
    write(&out_dir.join(".gitignore"), "*")
}

/// After wasm-bindgen (and wasm-opt): README and LICENSE files copied from the package, then
/// package.json for module `stem` of `js_target`; returns package.json's path.
pub(crate) fn write_package(
    info: &CrateInfo,
    crate_dir: &Path,
    out_dir: &Path,
    stem: &str,
    js_target: JsTarget,
) -> Res<PathBuf> {
    if let Some(readme) = &info.readme {
        // wasm-pack names the copy README.md whatever the original's name; a missing one is
        // no error (cargo reports a README it found, but `readme` may name anything).
        let _ = std::fs::copy(crate_dir.join(readme), out_dir.join("README.md"));
    }
    copy_licenses(info, crate_dir, out_dir);
    let package_json = out_dir.join("package.json");
    // wasm-bindgen's own package.json holds the npm dependencies of `#[wasm_bindgen(module)]`
    // crates: they carry over, as wasm-pack merges them.
    let dependencies = std::fs::read_to_string(&package_json)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|json| json.get("dependencies").cloned())
        .filter(|deps| deps.as_object().is_some_and(|deps| !deps.is_empty()));
    let text = package_json_text(
        info,
        stem,
        js_target,
        &license_copies(out_dir),
        dependencies,
    );
    write(&package_json, &text)?;
    Ok(package_json)
}

/// wasm-pack's copies: with `license`, every LICENSE* beside Cargo.toml; with only
/// `license-file`, that file. (The copy is a courtesy: a missing file is no error.)
fn copy_licenses(info: &CrateInfo, crate_dir: &Path, out_dir: &Path) {
    if info.license.is_some() {
        let Ok(entries) = std::fs::read_dir(crate_dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with("LICENSE") && entry.path().is_file() {
                let _ = std::fs::copy(entry.path(), out_dir.join(&name));
            }
        }
    } else if let Some(file) = &info.license_file {
        let source = crate_dir.join(file);
        if let Some(name) = source.file_name() {
            let _ = std::fs::copy(&source, out_dir.join(name));
        }
    }
}

/// The LICENSE* files in `out_dir` that package.json lists (sorted; a plain `LICENSE` is left
/// out, as npm always packs it).
fn license_copies(out_dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out_dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.path().is_file())
                .filter_map(|entry| entry.file_name().into_string().ok())
                .filter(|name| name.starts_with("LICENSE") && name != "LICENSE")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// package.json's text: wasm-pack's fields in wasm-pack's order, pretty-printed with two
/// spaces and a final newline. Per target the entry point is `main` (ES module for web and
/// bundler, CommonJS for nodejs) or `browser` (no-modules' classic script); web and bundler
/// are `"type": "module"` and declare their side effects, and bundler lists `NAME_bg.js`.
pub(crate) fn package_json_text(
    info: &CrateInfo,
    stem: &str,
    js_target: JsTarget,
    licenses: &[String],
    dependencies: Option<Value>,
) -> String {
    let js = format!("{stem}.js");
    let dts = format!("{stem}.d.ts");
    let mut files = vec![format!("{stem}_bg.wasm"), js.clone()];
    if js_target == JsTarget::Bundler {
        files.push(format!("{stem}_bg.js"));
    }
    files.push(dts.clone());
    files.extend(licenses.iter().cloned());
    let es_module = matches!(js_target, JsTarget::Web | JsTarget::Bundler);

    let mut fields: Vec<(&str, Value)> = vec![("name", info.name.clone().into())];
    if es_module {
        fields.push(("type", "module".into()));
    }
    if !info.authors.is_empty() {
        fields.push(("collaborators", strings(&info.authors)));
    }
    if let Some(description) = &info.description {
        fields.push(("description", description.clone().into()));
    }
    fields.push(("version", info.version.clone().into()));
    if let Some(license) = info.npm_license() {
        fields.push(("license", license.into()));
    }
    if let Some(url) = &info.repository {
        let mut repository = Map::new();
        repository.insert("type".to_owned(), "git".into());
        repository.insert("url".to_owned(), url.clone().into());
        fields.push(("repository", Value::Object(repository)));
    }
    fields.push(("files", strings(&files)));
    let entry = match js_target {
        JsTarget::NoModules => "browser",
        JsTarget::Web | JsTarget::Bundler | JsTarget::Nodejs => "main",
    };
    fields.push((entry, js.clone().into()));
    if let Some(homepage) = &info.homepage {
        fields.push(("homepage", homepage.clone().into()));
    }
    fields.push(("types", dts.into()));
    match js_target {
        JsTarget::Bundler => {
            fields.push((
                "sideEffects",
                strings(&[format!("./{js}"), "./snippets/*".to_owned()]),
            ));
        }
        JsTarget::Web => fields.push(("sideEffects", strings(&["./snippets/*".to_owned()]))),
        JsTarget::Nodejs | JsTarget::NoModules => {}
    }
    if !info.keywords.is_empty() {
        fields.push(("keywords", strings(&info.keywords)));
    }
    if let Some(dependencies) = dependencies {
        fields.push(("dependencies", dependencies));
    }

    let mut out = String::from("{\n");
    for (i, (key, value)) in fields.iter().enumerate() {
        // `{:#}` is serde_json's pretty form; nested lines move in by the object's indent.
        let value = format!("{value:#}").replace('\n', "\n  ");
        let comma = if i + 1 < fields.len() { "," } else { "" };
        out.push_str(&format!("  {}: {value}{comma}\n", Value::from(*key)));
    }
    out.push_str("}\n");
    out
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::from).collect())
}

fn write(path: &Path, text: &str) -> Res<()> {
    std::fs::write(path, text)
        .map_err(|e| Failure::setup(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> CrateInfo {
        CrateInfo {
            name: "my-app".to_owned(),
            version: "0.1.0".to_owned(),
            ..CrateInfo::default()
        }
    }

    #[test]
    fn web_package_of_a_minimal_crate() {
        assert_eq!(
            package_json_text(&minimal(), "my_app", JsTarget::Web, &[], None),
            r#"{
  "name": "my-app",
  "type": "module",
  "version": "0.1.0",
  "files": [
    "my_app_bg.wasm",
    "my_app.js",
    "my_app.d.ts"
  ],
  "main": "my_app.js",
  "types": "my_app.d.ts",
  "sideEffects": [
    "./snippets/*"
  ]
}
"#
        );
    }

    #[test]
    fn bundler_package_with_every_field() {
        let info = CrateInfo {
            authors: vec!["A <a@example.org>".to_owned()],
            description: Some("An \"app\"".to_owned()),
            license: Some("MIT OR Apache-2.0".to_owned()),
            repository: Some("https://example.org/app".to_owned()),
            homepage: Some("https://example.org".to_owned()),
            keywords: vec!["wasm".to_owned()],
            ..minimal()
        };
        let mut deps = Map::new();
        deps.insert("left-pad".to_owned(), "^1.3.0".into());
        let licenses = ["LICENSE-MIT".to_owned()];
        assert_eq!(
            package_json_text(
                &info,
                "my_app",
                JsTarget::Bundler,
                &licenses,
                Some(Value::Object(deps))
            ),
            r#"{
  "name": "my-app",
  "type": "module",
  "collaborators": [
    "A <a@example.org>"
  ],
  "description": "An \"app\"",
  "version": "0.1.0",
  "license": "MIT OR Apache-2.0",
  "repository": {
    "type": "git",
    "url": "https://example.org/app"
  },
  "files": [
    "my_app_bg.wasm",
    "my_app.js",
    "my_app_bg.js",
    "my_app.d.ts",
    "LICENSE-MIT"
  ],
  "main": "my_app.js",
  "homepage": "https://example.org",
  "types": "my_app.d.ts",
  "sideEffects": [
    "./my_app.js",
    "./snippets/*"
  ],
  "keywords": [
    "wasm"
  ],
  "dependencies": {
    "left-pad": "^1.3.0"
  }
}
"#
        );
    }

    #[test]
    fn entry_points_per_target() {
        let info = CrateInfo {
            license_file: Some("COPYING".to_owned()),
            ..minimal()
        };
        let nodejs = package_json_text(&info, "my_app", JsTarget::Nodejs, &[], None);
        assert!(nodejs.contains("\"main\": \"my_app.js\""));
        assert!(nodejs.contains("\"license\": \"SEE LICENSE IN COPYING\""));
        assert!(!nodejs.contains("\"type\""));
        assert!(!nodejs.contains("sideEffects"));
        let classic = package_json_text(&info, "my_app", JsTarget::NoModules, &[], None);
        assert!(classic.contains("\"browser\": \"my_app.js\""));
        assert!(!classic.contains("\"main\""));
    }

    #[test]
    fn reads_cargo_metadata() {
        let package = serde_json::json!({
            "name": "my-app",
            "version": "1.2.3",
            "authors": ["A"],
            "description": null,
            "license": "MIT",
            "license_file": null,
            "repository": "https://example.org/app",
            "homepage": null,
            "keywords": [],
            "readme": "README.md",
            "manifest_path": "/p/app/Cargo.toml",
        });
        let info = CrateInfo::from_metadata(&package);
        assert_eq!(info.name, "my-app");
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.authors, ["A"]);
        assert_eq!(info.description, None);
        assert_eq!(info.npm_license().as_deref(), Some("MIT"));
        assert_eq!(info.readme.as_deref(), Some("README.md"));
        let metadata = serde_json::json!({ "packages": [package] });
        assert!(find_package(&metadata, Path::new("/p/app/Cargo.toml")).is_some());
        assert!(find_package(&metadata, Path::new("/p/other/Cargo.toml")).is_none());
    }

    #[test]
    fn copies_licenses_and_lists_all_but_the_plain_one() {
        let root = std::env::temp_dir().join(format!("cargo-wasm-npm-{}", std::process::id()));
        let (crate_dir, out_dir) = (root.join("app"), root.join("pkg"));
        std::fs::create_dir_all(&crate_dir).unwrap();
        assert!(prepare_dir(&out_dir).is_ok());
        for name in ["LICENSE", "LICENSE-MIT", "LICENSE-APACHE", "README.md"] {
            std::fs::write(crate_dir.join(name), name).unwrap();
        }
        let info = CrateInfo {
            license: Some("MIT OR Apache-2.0".to_owned()),
            readme: Some("README.md".to_owned()),
            ..minimal()
        };
        // What an earlier run left must not count: prepare_dir removed it.
        std::fs::write(out_dir.join("package.json"), "{}").unwrap();
        assert!(prepare_dir(&out_dir).is_ok());
        let written = write_package(&info, &crate_dir, &out_dir, "my_app", JsTarget::Web);
        let listed = license_copies(&out_dir);
        let readme = std::fs::read_to_string(out_dir.join("README.md"));
        let gitignore = std::fs::read_to_string(out_dir.join(".gitignore"));
        std::fs::remove_dir_all(&root).unwrap();
        assert!(written.is_ok());
        assert_eq!(listed, ["LICENSE-APACHE", "LICENSE-MIT"]);
        assert_eq!(readme.ok().as_deref(), Some("README.md"));
        assert_eq!(gitignore.ok().as_deref(), Some("*"));
    }
}
