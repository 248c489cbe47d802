//! Runs a cargo build with JSON messages on stdout (cargo's progress stays on stderr) and
//! collects the .wasm files it produced.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::failure::{Failure, Res, exit_code_of};

/// One .wasm that cargo reported.
#[derive(Debug, Clone)]
pub(crate) struct Artifact {
    /// The cargo target's name (`app` of `src/bin/app.rs`).
    pub(crate) name: String,
    pub(crate) wasm: PathBuf,
    /// It has an entry point (`_start`): a bin or example, runnable by wasm-run.
    pub(crate) executable: bool,
    /// The Cargo.toml of its package (wasm-bindgen's output goes to pkg/ beside it).
    pub(crate) manifest: PathBuf,
}

/// Runs `cmd` (a `cargo build`) and returns the .wasm artifacts; cargo's own exit status on
/// failure (it printed the errors).
pub(crate) fn build(mut cmd: Command) -> Res<Vec<Artifact>> {
    cmd.arg("--message-format=json-render-diagnostics")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = cmd
        .spawn()
        .map_err(|e| Failure::setup(format!("cannot run cargo: {e}")))?;
    let mut artifacts = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            match serde_json::from_str::<Value>(&line) {
                Ok(message) => artifacts.extend(parse(&message)),
                // Not a message (a build script's stray output): pass it on.
                Err(_) => println!("{line}"),
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| Failure::setup(format!("cargo did not finish: {e}")))?;
    if !status.success() {
        return Err(Failure::reported(exit_code_of(status)));
    }
    Ok(artifacts)
}

fn parse(message: &Value) -> Vec<Artifact> {
    if message["reason"] != "compiler-artifact" {
        return Vec::new();
    }
    let name = message["target"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let executable = message["executable"].as_str().map(PathBuf::from);
    let manifest = PathBuf::from(message["manifest_path"].as_str().unwrap_or_default());
    let files = message["filenames"]
        .as_array()
        .map(|files| files.iter().filter_map(Value::as_str).map(PathBuf::from))
        .into_iter()
        .flatten();
    files
        .filter(|file| file.extension().is_some_and(|ext| ext == "wasm"))
        .map(|wasm| Artifact {
            executable: executable.as_ref() == Some(&wasm),
            name: name.clone(),
            manifest: manifest.clone(),
            wasm,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_bin_artifact() {
        let message = serde_json::json!({
            "reason": "compiler-artifact",
            "target": {"kind": ["bin"], "name": "app"},
            "filenames": ["/t/debug/app.wasm"],
            "executable": "/t/debug/app.wasm",
            "manifest_path": "/p/app/Cargo.toml",
        });
        let artifacts = super::parse(&message);
        assert_eq!(artifacts.len(), 1);
        assert!(artifacts[0].executable);
        assert_eq!(artifacts[0].name, "app");
        assert_eq!(
            artifacts[0].manifest,
            std::path::Path::new("/p/app/Cargo.toml")
        );
    }

    #[test]
    fn ignores_rlibs_and_other_messages() {
        let rlib = serde_json::json!({
            "reason": "compiler-artifact",
            "target": {"kind": ["lib"], "name": "dep"},
            "filenames": ["/t/deps/libdep.rlib"],
            "executable": null,
        });
        assert!(super::parse(&rlib).is_empty());
        assert!(super::parse(&serde_json::json!({"reason": "build-finished"})).is_empty());
    }
}
