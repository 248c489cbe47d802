//! resolver: WasmRust's example application. Resolves a package requirement against the
//! registry bundled in registry.json (semver), prints the choice and a JSON lock file (serde).
//!
//! usage: resolver [--panic] [NAME [REQUIREMENT]]   (default: app *)
//! exit status: 0 resolved, 1 no resolution, 2 bad arguments; with `--panic` a failed
//! resolution is a panic instead (a trap under panic=abort), for looking at backtraces.

mod resolve;

use std::process::ExitCode;

use semver::VersionReq;
use serde::Serialize;

use resolve::{Registry, Resolution};

/// One entry of the lock file we print.
#[derive(Serialize)]
struct Locked<'a> {
    name: &'a str,
    version: String,
    dependencies: Vec<String>,
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let panic = args.first().is_some_and(|arg| arg == "--panic");
    if panic {
        args.remove(0);
    }
    let name = args.first().map_or("app", String::as_str);
    let req_text = args.get(1).map_or("*", String::as_str);
    let req = match VersionReq::parse(req_text) {
        Ok(req) => req,
        Err(error) => {
            eprintln!("error: `{req_text}` is not a version requirement: {error}");
            return ExitCode::from(2);
        }
    };
    let registry: Registry =
        serde_json::from_str(include_str!("../registry.json")).expect("registry.json is valid");
    let releases: usize = registry.values().map(Vec::len).sum();
    println!("registry: {} packages, {releases} releases", registry.len());
    println!("resolving {name} {req}");
    if panic {
        let resolution = resolve::resolve_or_panic(&registry, name, &req);
        print_resolution(&registry, &resolution);
        return ExitCode::SUCCESS;
    }
    match resolve::resolve(&registry, name, &req) {
        Ok(resolution) => {
            print_resolution(&registry, &resolution);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

fn print_resolution(registry: &Registry, resolution: &Resolution) {
    let width = resolution.keys().map(String::len).max().unwrap_or(0);
    for (name, version) in resolution {
        println!("  {name:<width$}  {version}");
    }
    let lock: Vec<Locked> = resolution
        .iter()
        .map(|(name, version)| {
            let release = registry[name]
                .iter()
                .find(|release| &release.version == version)
                .expect("the chosen release is in the registry");
            Locked {
                name,
                version: version.to_string(),
                dependencies: release
                    .deps
                    .keys()
                    .map(|dep| format!("{dep} {}", resolution[dep]))
                    .collect(),
            }
        })
        .collect();
    println!("{} packages locked (JSON lines):", lock.len());
    for entry in &lock {
        println!(
            "{}",
            serde_json::to_string(entry).expect("a lock entry serializes")
        );
    }
}
