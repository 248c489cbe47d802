//! The wasm-bindgen example (example/web-bindgen) built and tested by `cargo wasm`, both modes.
//!
//! `cargo wasm build --target web` writes wasm-bindgen's pkg/ (its package.json compared with
//! wasm-pack's), which the example's index.html loads in headless Chromium (the page's text
//! compared with expected.txt), and whose `--js-target nodejs` package Node `require`s; its
//! wasm-bindgen-test suites run under `cargo wasm test --target web` in Node and with
//! `--chrome`, the libtest-style counts of every suite compared exactly. A second package
//! (tests/web-bindgen-refusals) checks that the `wasm` crate's wasm-bindgen heap is neither
//! accelerated nor mixed with `#[wasm::host_imports]`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::{Tools, ending, stderr_excerpt};
use super::http::StaticServer;
use super::outcome::{Outcome, first_difference, head};
use super::pool::Case;
use super::web;
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

const EXAMPLE: &str = "example/web-bindgen";
/// A wasm-bindgen package that asks for what the `wasm` crate's `wasm-bindgen` feature rules
/// out, or leaves it off and imports `wasm_host`.
const REFUSALS: &str = "tests/web-bindgen-refusals";
/// One refusal of tests/web-bindgen-refusals.
struct Refusal {
    case: &'static str,
    /// Extra `cargo wasm build` arguments.
    args: &'static [&'static str],
    /// RUSTFLAGS, which `cargo wasm` puts after its own flags.
    rustflags: &'static str,
    exit: i32,
    error: &'static str,
    /// Where the line after the error points (a rustc span), if anywhere.
    at: Option<&'static str>,
}
const REFUSED: [Refusal; 3] = [
    Refusal {
        case: "accelerate",
        args: &[],
        rustflags: "-Cllvm-args=wasm-gc=accelerate",
        exit: 101,
        error: "error: `-Cllvm-args=wasm-gc=accelerate` cannot accelerate a `wasm` crate built with \
                its `wasm-bindgen` feature",
        at: Some("crates/wasm/src/contract/v1.rs:"),
    },
    Refusal {
        case: "host-imports",
        args: &["--features", "host-imports"],
        rustflags: "",
        exit: 101,
        error: "error: `#[wasm::host_imports]` is not available with the `wasm` crate's \
                `wasm-bindgen` feature",
        at: Some("src/lib.rs:31:31"),
    },
    Refusal {
        case: "wasm-host-imports",
        args: &["--no-default-features"],
        rustflags: "",
        exit: 1,
        error: "imports `print` from `wasm_host`, the `wasm` crate's host interface, which \
                wasm-bindgen's JS does not provide",
        at: None,
    },
];
/// What the page prints, and what its `run()` returns (tests/browser.rs compares it too).
const EXPECTED: &str = "example/web-bindgen/expected.txt";
/// The module's name, as cargo names the cdylib and wasm-bindgen its output.
const NAME: &str = "web_bindgen";
/// pkg/package.json exactly as wasm-pack 0.14 writes it for the example with `--target web`
/// (fields from its Cargo.toml; no repository, authors or keywords there, so none here).
const PACKAGE_JSON: &str = r#"{
  "name": "web-bindgen",
  "type": "module",
  "description": "WasmRust's wasm-bindgen example: DOM through web-sys, a closure as an event handler, an awaited Promise; tested with wasm-bindgen-test.",
  "version": "0.1.0",
  "license": "MIT OR Apache-2.0",
  "files": [
    "web_bindgen_bg.wasm",
    "web_bindgen.js",
    "web_bindgen.d.ts"
  ],
  "main": "web_bindgen.js",
  "types": "web_bindgen.d.ts",
  "sideEffects": [
    "./snippets/*"
  ]
}
"#;
/// A cold build of the example with its dependencies and the test harnesses, in one mode;
/// wasm-bindgen-cli is installed ahead (prepare::wasm_bindgen_cli), else this includes it.
const CARGO_LIMIT: Duration = Duration::from_secs(30 * 60);
/// The `test result:` lines of `cargo wasm test --target web` in Node, in cargo's order of
/// the harnesses: the lib's unit test, tests/externref.rs, tests/node.rs. tests/browser.rs is configured
/// `run_in_browser`, so Node skips it with `NODE_SKIPS_BROWSER` and prints no result.
const NODE_RESULTS: &[&str] = &[
    "test result: ok. 1 passed; 0 failed; 0 ignored; 0 filtered out",
    "test result: ok. 5 passed; 0 failed; 0 ignored; 0 filtered out",
    "test result: ok. 7 passed; 0 failed; 0 ignored; 0 filtered out",
];
const NODE_SKIPS_BROWSER: &str = "this test suite is only configured to run in a browser, but \
                                  we're only testing node.js tests so skipping";
/// With `--chrome` every suite runs in headless Chromium: the lib's, tests/browser.rs (the DOM,
/// the click listener, the page's `run()`), tests/externref.rs, tests/node.rs.
const CHROME_RESULTS: &[&str] = &[
    "test result: ok. 1 passed; 0 failed; 0 ignored; 0 filtered out",
    "test result: ok. 2 passed; 0 failed; 0 ignored; 0 filtered out",
    "test result: ok. 5 passed; 0 failed; 0 ignored; 0 filtered out",
    "test result: ok. 7 passed; 0 failed; 0 ignored; 0 filtered out",
];

/// One check of a mode (`dev` or `release`).
type Check = fn(&Setup, &str) -> Res<()>;

#[derive(Clone)]
struct Setup {
    cargo_wasm: PathBuf,
    example: PathBuf,
    expected: PathBuf,
    target_dir: PathBuf,
    out: PathBuf,
}

/// Per mode: the build and its page, the Node suites, the Chromium suites (in that order: the
/// group runs one case at a time, and the build warms the target dir for the tests).
pub fn cases(cache: &Path, out: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    let setup = Setup {
        cargo_wasm: tools.wasm_run.with_file_name("cargo-wasm"),
        example: tools.repo.join(EXAMPLE),
        expected: tools.repo.join(EXPECTED),
        target_dir: cache.join("web-bindgen-target"),
        out: out.join("web-bindgen"),
    };
    let mut cases = Vec::new();
    for mode in ["dev", "release"] {
        let checks: [(&str, Check); 4] = [
            ("page", build_and_load),
            ("nodejs-package", nodejs_package),
            ("node", node_tests),
            ("chrome", chrome_tests),
        ];
        for (what, check) in checks {
            let setup = setup.clone();
            cases.push(Case {
                name: format!("{group}/web-bindgen/{mode}/{what}"),
                run: Box::new(move || match check(&setup, mode) {
                    Ok(()) => Outcome::Passed,
                    Err(message) => Outcome::Failed(message),
                }),
            });
        }
    }
    let refusals = Setup {
        example: tools.repo.join(REFUSALS),
        target_dir: cache.join("web-bindgen-refusals-target"),
        ..setup
    };
    for refusal in REFUSED {
        let setup = refusals.clone();
        cases.push(Case {
            name: format!("{group}/web-bindgen/refused/{}", refusal.case),
            run: Box::new(move || match refused(&setup, &refusal) {
                Ok(()) => Outcome::Passed,
                Err(message) => Outcome::Failed(message),
            }),
        });
    }
    cases
}

/// `cargo wasm build --dev --target web ARGS` of the refusals package stops with the refusal's
/// exit code and error (pointing at its place).
fn refused(setup: &Setup, refusal: &Refusal) -> Res<()> {
    let mut args = vec!["build", "--dev", "--target", "web"];
    args.extend_from_slice(refusal.args);
    let built = process::run_captured(
        cargo_wasm_command(setup, &args, false).env("RUSTFLAGS", refusal.rustflags),
        CARGO_LIMIT,
    )?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let found = stderr
        .split_once(refusal.error)
        .is_some_and(|(_, after)| match refusal.at {
            Some(at) => after.lines().nth(1).is_some_and(|line| line.contains(at)),
            None => true,
        });
    if built.code != Some(refusal.exit) || !found {
        return Err(format!(
            "cargo wasm {} ({}): expected exit {} and {:?}{}:\n{}",
            args.join(" "),
            ending(&built, "cargo"),
            refusal.exit,
            refusal.error,
            refusal
                .at
                .map(|at| format!(" pointing at {at:?}"))
                .unwrap_or_default(),
            stderr_excerpt(&built)
        ));
    }
    Ok(())
}

/// `cargo-wasm wasm ARGS` in the example, stderr merged into stdout in order when `merged`
/// (cargo's `Running` lines belong before the results of their suite).
/// `cargo wasm build --MODE --target web --out-dir OUT_DIR EXTRA...` of the example.
fn build_package(setup: &Setup, mode: &str, out_dir: &str, extra: &[&str]) -> Res<Finished> {
    let mode_flag = format!("--{mode}");
    let mut args = vec!["build", &mode_flag, "--target", "web", "--out-dir", out_dir];
    args.extend_from_slice(extra);
    cargo_wasm(setup, &args, false)
}

fn cargo_wasm(setup: &Setup, args: &[&str], merged: bool) -> Res<Finished> {
    process::run_captured(&mut cargo_wasm_command(setup, args, merged), CARGO_LIMIT)
}

/// The command line of `cargo_wasm`, for a caller that adds to its environment.
fn cargo_wasm_command(setup: &Setup, args: &[&str], merged: bool) -> Command {
    let mut cmd = if merged {
        let mut cmd = Command::new("bash");
        cmd.args(["-c", r#"exec "$0" "$@" 2>&1"#])
            .arg(&setup.cargo_wasm);
        cmd
    } else {
        Command::new(&setup.cargo_wasm)
    };
    cmd.current_dir(&setup.example)
        .arg("wasm")
        .args(args)
        .arg("--locked")
        .arg("--target-dir")
        .arg(&setup.target_dir)
        // The user's flags, target dir and test environment must not leak into the checks.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("CHROMEDRIVER")
        .env_remove("WASM_BINDGEN_USE_BROWSER")
        .env_remove("WASM_BINDGEN_TEST_ONLY_NODE")
        .env_remove("WASM_BINDGEN_TEST_ONLY_WEB");
    cmd
}

/// `cargo wasm build --MODE --target web --out-dir SITE/pkg`, then SITE/index.html (the
/// example's page) in headless Chromium: its `<pre id="output">` must hold expected.txt.
fn build_and_load(setup: &Setup, mode: &str) -> Res<()> {
    let chromium = web::find_chromium().ok_or(web::INSTALL_HINT)?;
    let site = setup.out.join(mode);
    fsutil::fresh_dir(&site)?;
    let pkg = site.join("pkg");
    let pkg_arg = pkg.display().to_string();
    let built = build_package(setup, mode, &pkg_arg, &[])?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let mut wanted = vec![
        "with wasm-bindgen ".to_owned(),
        format!("{NAME}.wasm"),
        format!("JS {pkg_arg}/{NAME}.js"),
        format!("Wasm {pkg_arg}/{NAME}_bg.wasm"),
        format!("Package {pkg_arg}/package.json"),
    ];
    if mode == "release" {
        // wasm-opt runs on wasm-bindgen's output, not on cargo's module.
        wanted.push(format!("Optimized {pkg_arg}/{NAME}_bg.wasm with wasm-opt"));
    }
    let missing: Vec<&String> = wanted
        .iter()
        .filter(|line| !stderr.contains(line.as_str()))
        .collect();
    if built.code != Some(0) || !missing.is_empty() || stderr.contains("Loader") {
        return Err(format!(
            "cargo wasm build --{mode} --target web ({}): expected wasm-bindgen's output \
             (lacking {missing:?}), not cargo wasm's loader:\n{}",
            ending(&built, "cargo"),
            stderr_excerpt(&built)
        ));
    }
    let js = fsutil::read_to_string(&pkg.join(format!("{NAME}.js")))?;
    if !js.contains("export default __wbg_init") {
        return Err(format!(
            "{NAME}.js is not wasm-bindgen's `--target web` module (no default `init` export):\n{}",
            head(&js, 20)
        ));
    }
    check_package(&pkg)?;
    fsutil::copy(&setup.example.join("index.html"), &site.join("index.html"))?;
    let server = StaticServer::start(&site)?;
    let url = server.url("index.html");
    let page = web::load_page(&chromium, &site, &url)?;
    drop(server);
    let dom = String::from_utf8_lossy(&page.stdout);
    let Some((status, printed)) = web::output_element(&dom) else {
        return Err(format!(
            "{url}: no <pre id=\"output\"> in the page ({}); stdout:\n{}\nstderr:\n{}",
            ending(&page, "chromium"),
            head(&dom, 20),
            stderr_excerpt(&page)
        ));
    };
    let expected = fsutil::read_to_string(&setup.expected)?;
    let expected = expected.trim_end();
    if status != "done" || printed != expected {
        return Err(format!(
            "{url} ({mode}): status {status:?}, the text differs from {EXPECTED}: {}\n{printed}",
            first_difference(expected, &printed)
        ));
    }
    Ok(())
}

/// pkg/ as a wasm-pack user's npm or bundler setup reads it: package.json with exactly
/// wasm-pack's fields, every file it lists present, and the `.gitignore` that keeps pkg/ out
/// of git.
fn check_package(pkg: &Path) -> Res<()> {
    let package_json = fsutil::read_to_string(&pkg.join("package.json"))?;
    if package_json != PACKAGE_JSON {
        return Err(format!(
            "{}/package.json is not wasm-pack's: {}\n{package_json}",
            pkg.display(),
            first_difference(PACKAGE_JSON, &package_json)
        ));
    }
    let listed = [
        format!("{NAME}_bg.wasm"),
        format!("{NAME}.js"),
        format!("{NAME}.d.ts"),
    ];
    let missing: Vec<&String> = listed
        .iter()
        .filter(|file| !pkg.join(file).is_file())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "package.json lists {missing:?}, which {} lacks",
            pkg.display()
        ));
    }
    let gitignore = fsutil::read_to_string(&pkg.join(".gitignore"))?;
    if gitignore != "*" {
        return Err(format!(
            "{}/.gitignore holds {gitignore:?}, not wasm-pack's \"*\"",
            pkg.display()
        ));
    }
    Ok(())
}

/// `cargo wasm build --MODE --target web --js-target nodejs`, then Node `require`s the package
/// directory (through package.json's `main`) and calls an export. In release this also proves
/// that wasm-opt kept to the module's own features: Node 20 has no WasmGC.
fn nodejs_package(setup: &Setup, mode: &str) -> Res<()> {
    let pkg = setup.out.join(format!("{mode}-nodejs")).join("web-bindgen");
    fsutil::remove_dir_all(&pkg)?;
    let pkg_arg = pkg.display().to_string();
    let built = build_package(setup, mode, &pkg_arg, &["--js-target", "nodejs"])?;
    if built.code != Some(0) {
        return Err(format!(
            "cargo wasm build --{mode} --target web --js-target nodejs ({}):\n{}",
            ending(&built, "cargo"),
            stderr_excerpt(&built)
        ));
    }
    let script = "const app = require(process.argv[1]); console.log(app.greet('Node'));";
    let ran = process::run_captured(
        Command::new("node").args(["-e", script, &pkg_arg]),
        Duration::from_secs(60),
    )?;
    let printed = String::from_utf8_lossy(&ran.stdout);
    if ran.code != Some(0) || printed.trim_end() != "Hello, Node!" {
        return Err(format!(
            "node could not use {pkg_arg} as a package ({}): printed {printed:?}\n{}",
            ending(&ran, "node"),
            stderr_excerpt(&ran)
        ));
    }
    Ok(())
}

/// `cargo wasm test --MODE --target web` (Node): the results of the two Node suites, and the
/// browser suite skipped.
fn node_tests(setup: &Setup, mode: &str) -> Res<()> {
    let mode_flag = format!("--{mode}");
    let ran = cargo_wasm(setup, &["test", &mode_flag, "--target", "web"], true)?;
    let output = check_results(&ran, &format!("test {mode_flag}"), NODE_RESULTS)?;
    if !output.contains(NODE_SKIPS_BROWSER) {
        return Err(format!(
            "cargo wasm test {mode_flag} --target web: tests/browser.rs was not skipped in Node \
             (no {NODE_SKIPS_BROWSER:?}):\n{}",
            head(&output, 60)
        ));
    }
    Ok(())
}

/// `cargo wasm test --MODE --target web --chrome`: every suite in headless Chromium.
fn chrome_tests(setup: &Setup, mode: &str) -> Res<()> {
    web::find_chromium().ok_or(web::INSTALL_HINT)?;
    let mode_flag = format!("--{mode}");
    let ran = cargo_wasm(
        setup,
        &["test", &mode_flag, "--target", "web", "--chrome"],
        true,
    )?;
    check_results(&ran, &format!("test {mode_flag} --chrome"), CHROME_RESULTS).map(|_| ())
}

/// Exit 0 and exactly `expected` as the `test result:` lines (without their timings); the
/// merged output.
fn check_results(ran: &Finished, what: &str, expected: &[&str]) -> Res<String> {
    let output = String::from_utf8_lossy(&ran.stdout).into_owned();
    let results = results(&output);
    if ran.code == Some(0) && results == expected {
        return Ok(output);
    }
    Err(format!(
        "cargo wasm {what} --target web ({}): results {results:#?}, expected {expected:#?}; \
         output:\n{}",
        ending(ran, "cargo"),
        head(&output, 80)
    ))
}

/// Every `test result: ...` of a test run, up to its `; finished in` timing. (The runner
/// overwrites its progress with spaces, so a result may follow other text on its line.)
fn results(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|line| line.find("test result:").map(|at| &line[at..]))
        .map(|result| {
            result
                .split("; finished in")
                .next()
                .unwrap_or(result)
                .trim_end()
                .to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_result_lines_without_timings() {
        let output = "Executing bindgen...        running 1 test\ntest a ... ok\n\n\
                      test result: ok. 1 passed; 0 failed; 0 ignored; 0 filtered out; finished \
                      in 0.01s\n   Running tests/b.rs\n";
        assert_eq!(
            super::results(output),
            ["test result: ok. 1 passed; 0 failed; 0 ignored; 0 filtered out"]
        );
    }
}
