//! The components group's first-use check: what the README's components section tells a new
//! user to do, done in a fresh directory: `cargo new --lib`, `cargo add wit-bindgen`, a WIT world
//! with a record and a result, `cargo wasm build --target wasip2` in both modes, and a call of
//! the export with `wasm-run --invoke`, whose answers must be exactly the README's; and `cargo
//! wasm size` of the component, which reports its core module.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::exec::ending;
use crate::fsutil;
use crate::process::{self, Finished};

const LIMIT: Duration = Duration::from_secs(600);
/// The README's wit/world.wit.
const WORLD: &str = "package example:greeter;

world greeter {
    record greeting {
        text: string,
        times: u32,
    }
    export greet: func(name: string, times: u32) -> result<greeting, string>;
}
";
/// The README's src/lib.rs.
const LIB: &str = r#"wit_bindgen::generate!({ world: "greeter" });

struct Greeter;

impl Guest for Greeter {
    fn greet(name: String, times: u32) -> Result<Greeting, String> {
        if name.is_empty() {
            return Err("whom should I greet?".to_string());
        }
        Ok(Greeting { text: format!("Hello, {name}!"), times })
    }
}

export!(Greeter);
"#;
/// The calls of the README and what it says they print.
const CALLS: &[(&str, &str)] = &[
    (
        r#"greet("world", 3)"#,
        r#"ok({text: "Hello, world!", times: 3})"#,
    ),
    (r#"greet("", 1)"#, r#"err("whom should I greet?")"#),
];

pub fn check(cargo: &Path, dist_bin: &Path, work: &Path) -> Result<(), String> {
    fsutil::remove_dir_all(work)?;
    fsutil::create_dir_all(work)?;
    let project = work.join("greeter");
    let path = format!(
        "{}:{}",
        dist_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |dir: &Path, program: &Path, args: &[&str]| -> Result<Finished, String> {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir).args(args).env("PATH", &path);
        Ok(process::run_or_report(&mut cmd, LIMIT))
    };
    let must = |what: &str, finished: Finished| -> Result<Finished, String> {
        if finished.code == Some(0) {
            Ok(finished)
        } else {
            Err(format!(
                "`{what}` failed ({}):\n{}",
                ending(&finished, "command"),
                String::from_utf8_lossy(&finished.stderr)
            ))
        }
    };
    must(
        "cargo new --lib greeter",
        run(work, cargo, &["new", "--lib", "greeter"])?,
    )?;
    must(
        "cargo add wit-bindgen@0.62",
        run(&project, cargo, &["add", "wit-bindgen@0.62"])?,
    )?;
    fsutil::create_dir_all(&project.join("wit"))?;
    fsutil::write(&project.join("wit/world.wit"), WORLD)?;
    fsutil::write(&project.join("src/lib.rs"), LIB)?;
    let manifest = fsutil::read_to_string(&project.join("Cargo.toml"))?;
    fsutil::write(
        &project.join("Cargo.toml"),
        format!("{manifest}\n[lib]\ncrate-type = [\"cdylib\"]\n"),
    )?;
    let cargo_wasm = dist_bin.join("cargo-wasm");
    let wasm_run = dist_bin.join("wasm-run");
    let sized = must(
        "cargo wasm size --target wasip2 --release",
        run(
            &project,
            &cargo_wasm,
            &["size", "--target", "wasip2", "--release", "-n", "3"],
        )?,
    )?;
    let report = String::from_utf8_lossy(&sized.stdout);
    for needle in ["(the core module of this ", "\ncode ", "3 largest of "] {
        if !report.contains(needle) {
            return Err(format!(
                "cargo wasm size of the component lacks {needle:?}:\n{report}"
            ));
        }
    }
    for (mode, profile) in [("--dev", "debug"), ("--release", "release")] {
        must(
            &format!("cargo wasm build --target wasip2 {mode}"),
            run(
                &project,
                &cargo_wasm,
                &["build", "--target", "wasip2", mode],
            )?,
        )?;
        let wasm = format!("target/wasm32-wasip2/{profile}/greeter.wasm");
        for (call, expected) in CALLS {
            let ran = must(
                &format!("wasm-run --invoke '{call}' {wasm}"),
                run(&project, &wasm_run, &["--invoke", call, &wasm])?,
            )?;
            let stdout = String::from_utf8_lossy(&ran.stdout);
            if stdout.trim_end() != *expected {
                return Err(format!(
                    "[{mode}] wasm-run --invoke '{call}' printed {:?}, the README says {expected:?}",
                    stdout.trim_end()
                ));
            }
        }
    }
    Ok(())
}
