//! `cargo wasm test`: cargo test for wasm32-wasip1 with wasm-run's libtest mode as the runner, so
//! each test runs in a fresh instance and a panic (an abort here) ends only that test; for
//! `--target web`, wasm-bindgen-test suites with wasm-bindgen-test-runner under Node or Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bindgen;
use crate::cli::{self, Target};
use crate::failure::{Failure, Res, exit_code_of};
use crate::help;
use crate::plan::Plan;
use crate::status;
use crate::wasi_libc;

/// Where `--target web` runs the suites.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Host {
    /// Node (the runner's own default for suites without `run_in_browser`); suites configured
    /// `run_in_browser` are skipped, as with `wasm-pack test --node`.
    #[default]
    Node,
    /// Headless Chromium through chromedriver: every suite, configured or not, except those
    /// pinned to Node (`run_in_node_experimental`).
    Chrome,
}

/// Cargo options that choose which targets to test; without any, doctests are left out.
const TARGET_SELECTION: &[&str] = &[
    "--lib",
    "--bin",
    "--bins",
    "--test",
    "--tests",
    "--example",
    "--examples",
    "--bench",
    "--benches",
    "--all-targets",
];

pub(crate) fn command(args: &[String]) -> Res<()> {
    let mut host: Option<Host> = None;
    let parsed = cli::parse(args, |arg, _| {
        let wanted = match arg {
            "--node" => Host::Node,
            "--chrome" => Host::Chrome,
            _ => return Ok(0),
        };
        if host.is_some_and(|old| old != wanted) {
            return Err(Failure::usage("`--node` and `--chrome` exclude each other"));
        }
        host = Some(wanted);
        Ok(1)
    })?;
    if parsed.help {
        print!("{}", help::TEST);
        return Ok(());
    }
    if cli::has_flag(&parsed.cargo_args, &["--doc"]) {
        return Err(Failure::usage(
            "doctests are not supported by `cargo wasm test` yet (rustdoc would need the wasm \
             sysroot and runner)",
        )
        .fix("run them natively with `cargo test --doc`"));
    }
    let plan = Plan::new(&parsed)?;
    if plan.target.is_wasi() && host.is_some() {
        return Err(Failure::usage(
            "`--node` and `--chrome` choose where wasm-bindgen-test suites run: they need \
             `--target web`",
        ));
    }
    plan.announce();
    let mut cmd = match plan.target {
        Target::Web => web_tests(&plan, &parsed.cargo_args, host.unwrap_or_default())?,
        Target::Wasi | Target::Component => {
            wasi_libc::check_for_libtest(&plan)?;
            let mut cmd = plan.cargo("test", &parsed.cargo_args);
            cmd.args(["--config", &runner(&plan)]);
            cmd
        }
    };
    if !cli::has_flag(&parsed.cargo_args, TARGET_SELECTION) {
        // Every target with tests, but not the doctests (see --doc above).
        cmd.arg("--tests");
    }
    if parsed.has_separator {
        cmd.arg("--").args(&parsed.trailing);
    }
    let status = cmd
        .status()
        .map_err(|e| Failure::setup(format!("cannot run cargo: {e}")))?;
    match exit_code_of(status) {
        0 => Ok(()),
        code => Err(Failure::reported(code)),
    }
}

/// `cargo test` for wasm-bindgen-test suites: wasm-bindgen-test-runner of the version in
/// Cargo.lock as the runner, told where to run them.
fn web_tests(plan: &Plan, cargo_args: &[String], host: Host) -> Res<Command> {
    let lock = bindgen::lock_file(plan);
    if !lock.is_file() {
        // The CLI's version comes from the lock, which cargo has not written yet.
        let mut generate = plan.toolchain.cargo();
        generate.arg("generate-lockfile");
        if let Some(manifest) = cli::option_value(cargo_args, "--manifest-path", None) {
            generate.args(["--manifest-path", &manifest]);
        }
        let ran = generate
            .status()
            .map_err(|e| Failure::setup(format!("cannot run cargo: {e}")))?;
        if !ran.success() {
            return Err(Failure::reported(exit_code_of(ran)));
        }
    }
    let version = bindgen::locked_version(&lock, bindgen::BINDGEN_CRATE)?;
    let has_harness = bindgen::locked_version(&lock, bindgen::TEST_CRATE)?.is_some();
    let Some(version) = version.filter(|_| has_harness) else {
        return Err(Failure::setup(format!(
            "`cargo wasm test --target web` runs wasm-bindgen-test suites, and {} has no \
             {}: the tests of this package have no runner for wasm32-unknown-unknown",
            lock.display(),
            bindgen::TEST_CRATE
        ))
        .fix(
            "add `wasm-bindgen-test = \"0.3\"` to [dev-dependencies] and mark tests \
             #[wasm_bindgen_test]; or test under WASI with the default `--target wasi`",
        ));
    };
    let cli = bindgen::ensure_cli(plan, &version)?;
    let mut cmd = plan.cargo("test", cargo_args);
    cmd.args(["--config", &web_runner(&cli.test_runner())?]);
    for (name, value) in host_environment(host, find_on_path("node"), chromedriver())? {
        cmd.env(name, value);
    }
    if !plan.quiet {
        status::status(
            "Testing",
            &format!(
                "with wasm-bindgen-test-runner {version} in {}",
                match host {
                    Host::Node =>
                        "Node (suites configured `run_in_browser` are skipped: \
                                   `--chrome` runs them)",
                    Host::Chrome => "headless Chromium",
                }
            ),
        );
        if !cli::has_flag(cargo_args, TARGET_SELECTION) {
            status::note("doctests are not run (`cargo test --doc` runs them natively)");
        }
    }
    Ok(cmd)
}

/// The hidden command through which cargo runs wasm-bindgen-test-runner (see `relay`).
pub(crate) const RELAY: &str = "__wasm-bindgen-test-runner";

/// `target.wasm32-unknown-unknown.runner = [cargo-wasm, wasm, RELAY, test-runner]`.
fn web_runner(test_runner: &Path) -> Res<String> {
    let us = std::env::current_exe()
        .map_err(|e| Failure::setup(format!("cannot locate cargo-wasm itself: {e}")))?;
    let words = [
        us.display().to_string(),
        "wasm".to_owned(),
        RELAY.to_owned(),
        test_runner.display().to_string(),
    ];
    let list: Vec<String> = words.iter().map(|word| toml_string(word)).collect();
    Ok(format!(
        "target.{}.runner=[{}]",
        Target::Web.triple(),
        list.join(", ")
    ))
}

/// `cargo-wasm wasm RELAY TEST-RUNNER ARGS...`: runs wasm-bindgen-test-runner for cargo and
/// turns its exit status 1 (a test failed, or the runner did) into libtest's 101, so cargo
/// reports a failed test rather than a harness that "exited abnormally", and `cargo wasm test`
/// exits 101 as under WASI. Without a backtrace: the runner's anyhow error is a sentence.
pub(crate) fn relay(args: &[String]) -> Res<()> {
    let Some((runner, rest)) = args.split_first() else {
        return Err(Failure::usage(format!(
            "`{RELAY}` is cargo wasm's own runner for cargo test"
        )));
    };
    let status = Command::new(runner)
        .args(rest)
        .env("RUST_BACKTRACE", "0")
        .status()
        .map_err(|e| Failure::setup(format!("cannot run {runner}: {e}")))?;
    match exit_code_of(status) {
        0 => Ok(()),
        1 => Err(Failure::reported(101)),
        code => Err(Failure::reported(code)),
    }
}

/// The runner's environment for `host`, given where node and chromedriver are; what is missing
/// fails with the way to install it.
fn host_environment(
    host: Host,
    node: Option<PathBuf>,
    chromedriver: Option<PathBuf>,
) -> Res<Vec<(&'static str, PathBuf)>> {
    match host {
        Host::Node => {
            if node.is_none() {
                return Err(Failure::setup(
                    "`node` is not on PATH: wasm-bindgen-test-runner runs the suites in Node",
                )
                .fix("install Node.js (Debian: apt-get install nodejs), or use `--chrome`"));
            }
            Ok(vec![("WASM_BINDGEN_TEST_ONLY_NODE", PathBuf::from("1"))])
        }
        Host::Chrome => {
            let Some(chromedriver) = chromedriver else {
                return Err(Failure::setup(
                    "chromedriver is not on PATH (nor in $CHROMEDRIVER): `--chrome` drives \
                     headless Chromium through it",
                )
                .fix("Debian: apt-get install chromium chromium-driver"));
            };
            Ok(vec![
                // Suites without `wasm_bindgen_test_configure!` run in the browser too.
                ("WASM_BINDGEN_USE_BROWSER", PathBuf::from("1")),
                ("WASM_BINDGEN_TEST_ONLY_WEB", PathBuf::from("1")),
                ("CHROMEDRIVER", chromedriver),
            ])
        }
    }
}

/// `$CHROMEDRIVER`, else `chromedriver` on PATH. (The runner adds `--headless` and
/// `--no-sandbox` to Chrome's arguments itself.)
pub(crate) fn chromedriver() -> Option<PathBuf> {
    std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .filter(|path| path.is_file())
        .or_else(|| find_on_path("chromedriver"))
}

pub(crate) fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| Path::new(candidate).is_file())
}

/// `target.TRIPLE.runner = [wasm-run, --dir D..., --libtest]` as a `--config` value.
fn runner(plan: &Plan) -> String {
    let mut words = vec![plan.dist.wasm_run().display().to_string()];
    for dir in &plan.config.dirs {
        words.push("--dir".to_owned());
        words.push(dir.clone());
    }
    words.push("--libtest".to_owned());
    let list: Vec<String> = words.iter().map(|word| toml_string(word)).collect();
    format!(
        "target.{}.runner=[{}]",
        plan.target.triple(),
        list.join(", ")
    )
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Host, host_environment};

    #[test]
    fn quotes_toml_strings() {
        assert_eq!(super::toml_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }

    #[test]
    fn tells_the_runner_where_to_run() {
        let node = Some(PathBuf::from("/usr/bin/node"));
        let driver = Some(PathBuf::from("/usr/bin/chromedriver"));
        let names = |host, node, driver| {
            host_environment(host, node, driver)
                .ok()
                .map(|env| env.into_iter().map(|(name, _)| name).collect::<Vec<_>>())
        };
        assert_eq!(
            names(Host::Node, node.clone(), None),
            Some(vec!["WASM_BINDGEN_TEST_ONLY_NODE"])
        );
        assert_eq!(
            names(Host::Chrome, None, driver.clone()),
            Some(vec![
                "WASM_BINDGEN_USE_BROWSER",
                "WASM_BINDGEN_TEST_ONLY_WEB",
                "CHROMEDRIVER"
            ])
        );
        assert!(host_environment(Host::Node, None, driver).is_err());
        assert!(host_environment(Host::Chrome, node, None).is_err());
    }
}
