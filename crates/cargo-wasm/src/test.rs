//! `cargo wasm test`: cargo test for wasm32-wasip1 with wasm-run's libtest mode as the runner, so
//! each test runs in a fresh instance and a panic (an abort here) ends only that test.

use crate::cli::{self, Target};
use crate::failure::{Failure, Res, exit_code_of};
use crate::help;
use crate::plan::Plan;
use crate::wasi_libc;

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
    let parsed = cli::parse(args, |_, _| Ok(0))?;
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
    if plan.target == Target::Web {
        return Err(Failure::usage(
            "`cargo wasm test` runs test harnesses under WASI; `--target web` has no test runner",
        )
        .fix("test with the default `--target wasi`"));
    }
    wasi_libc::check_for_libtest(&plan)?;
    let runner = runner(&plan);
    let mut cmd = plan.cargo("test", &parsed.cargo_args);
    if !cli::has_flag(&parsed.cargo_args, TARGET_SELECTION) {
        // Every target with tests, but not the doctests (see --doc above).
        cmd.arg("--tests");
    }
    cmd.args(["--config", &runner]);
    if parsed.has_separator {
        cmd.arg("--").args(&parsed.trailing);
    }
    plan.announce();
    let status = cmd
        .status()
        .map_err(|e| Failure::setup(format!("cannot run cargo: {e}")))?;
    match exit_code_of(status) {
        0 => Ok(()),
        code => Err(Failure::reported(code)),
    }
}

/// `target.wasm32-wasip1.runner = [wasm-run, --dir D..., --libtest]` as a `--config` value.
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
        Target::Wasi.triple(),
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
    #[test]
    fn quotes_toml_strings() {
        assert_eq!(super::toml_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }
}
