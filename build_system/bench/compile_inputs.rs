//! The inputs of the compile benchmarks: for each input and backend, the rustc commands to time
//! and the program that checks the result (a miscompiled build must not count as a fast one).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::cargo::{self, Build};
use super::measure::Job;
use super::tools::{Backend, Tools};
use crate::Res;
use crate::fsutil;
use crate::process;

/// The generated crate: its generator and the checksum the generated program must print.
const GENERATOR: &str = "tests/bench/compile/gen_crate.rs";
pub const GENERATED_STDOUT: &str = "tests/bench/compile/generated.stdout";
/// The bundled example and its expected output.
const EXAMPLE: &str = "example/std_example.rs";
const EXAMPLE_STDOUT: &str = "example/std_example.stdout";
/// The cargo package that uses the crates.io inputs, and what it must print.
const INPUTS_PACKAGE: &str = "bench-inputs";
const INPUTS_STDOUT: &str = "tests/bench/compile/bench-inputs.stdout";

/// One input compiled by one backend.
pub struct Case {
    pub input: String,
    /// What the time covers, for the table.
    pub timed: String,
    pub backend: Backend,
    /// The rustc runs of one measurement (several crates for a crate and its dependencies);
    /// `Err` when the input could not even be set up with this backend.
    pub jobs: Result<Vec<Job>, String>,
    pub check: Check,
}

/// How to tell that what the backend built works.
pub enum Check {
    /// After the first compile: run this program and compare its stdout with the file.
    Run { wasm: PathBuf, expected: PathBuf },
    /// Already known (the cargo build ran the check program's build).
    Known(Result<(), String>),
}

/// Every case, LLVM's first for each input.
pub fn cases(tools: &Tools, vendored: &Path) -> Res<Vec<Case>> {
    let out = tools.scratch.join("compile");
    fsutil::fresh_dir(&out)?;
    let generated = generate(tools, &out)?;
    let mut cases = Vec::new();
    for backend in [Backend::Llvm, Backend::Ours] {
        let dir = out.join(backend.key());
        fsutil::create_dir_all(&dir)?;
        cases.push(single_file(
            tools,
            backend,
            EXAMPLE,
            &tools.repo.join(EXAMPLE),
            &dir.join("std_example.wasm"),
            EXAMPLE_STDOUT,
        ));
        cases.push(single_file(
            tools,
            backend,
            "generated crate (9.9k lines)",
            &generated,
            &dir.join("generated.wasm"),
            GENERATED_STDOUT,
        ));
        cases.extend(crates_io(tools, vendored, backend, &dir)?);
    }
    // Same input next to each other: LLVM then ours.
    cases.sort_by_key(|case| case.input.clone());
    Ok(cases)
}

/// Builds and runs tests/bench/compile/gen_crate.rs natively; returns the generated file.
pub fn generate(tools: &Tools, out: &Path) -> Res<PathBuf> {
    let generator = out.join("gen_crate");
    process::run(
        Command::new(&tools.host_rustc)
            .args(["--edition", "2021", "-O", "-o"])
            .arg(&generator)
            .arg(tools.repo.join(GENERATOR)),
    )?;
    let generated = out.join("generated.rs");
    process::run(Command::new(&generator).arg(&generated))?;
    Ok(generated)
}

fn single_file(
    tools: &Tools,
    backend: Backend,
    input: &str,
    source: &Path,
    wasm: &Path,
    expected: &str,
) -> Case {
    let job = Job::new(tools.rustc(backend), &tools.repo)
        .args(["--edition", "2021", "-Copt-level=0", "-Ztime-passes", "-o"])
        .arg(wasm)
        .arg(source);
    Case {
        input: input.to_owned(),
        timed: "rustc: the whole bin crate, linking included".to_owned(),
        backend,
        jobs: Ok(vec![job]),
        check: Check::Run {
            wasm: wasm.to_owned(),
            expected: tools.repo.join(expected),
        },
    }
}

/// regex-syntax alone, and serde_json with the crates it depends on: cargo builds everything
/// once (and the check program), then each crate's recorded rustc command is timed.
fn crates_io(tools: &Tools, vendored: &Path, backend: Backend, dir: &Path) -> Res<Vec<Case>> {
    let build = Build {
        backend,
        package: INPUTS_PACKAGE,
        release: false,
        rustflags: "",
        target_dir: tools.cache.join(format!("cargo-inputs-{}", backend.key())),
    };
    eprintln!(
        "[bench] cargo build of the crates.io inputs by {}",
        backend.label()
    );
    let built = cargo::build(tools, vendored, &build)?;
    let check = match &built {
        Ok(()) => run_check(tools, &build.wasm(), &tools.repo.join(INPUTS_STDOUT))?,
        Err(why) => Err(why.clone()),
    };
    let recorded = cargo::recorded_crates(&build)?;
    let serde_group: Vec<String> = recorded
        .iter()
        .filter(|krate| !["regex_syntax", "bench_inputs"].contains(&krate.as_str()))
        .cloned()
        .collect();
    let replay = |crates: &[String]| -> Res<Result<Vec<Job>, String>> {
        let mut jobs = Vec::new();
        for krate in crates {
            if !recorded.contains(krate) {
                return Ok(Err(format!("cargo never compiled {krate}: {built:?}")));
            }
            jobs.push(cargo::replay(tools, &build, krate, &dir.join(krate))?);
        }
        Ok(Ok(jobs))
    };
    let with_serde_json = |mut group: Vec<String>| {
        if !group.iter().any(|krate| krate == "serde_json") {
            group.push("serde_json".to_owned());
        }
        group
    };
    Ok(vec![
        Case {
            input: "regex-syntax 0.8.12".to_owned(),
            timed: "rustc: the rlib alone (its build by cargo first)".to_owned(),
            backend,
            jobs: replay(&["regex_syntax".to_owned()])?,
            check: Check::Known(check.clone()),
        },
        Case {
            input: "serde_json 1.0.154 + deps".to_owned(),
            timed: format!(
                "rustc, one crate after another: {}",
                with_serde_json(serde_group.clone()).join(", ")
            ),
            backend,
            jobs: replay(&with_serde_json(serde_group))?,
            check: Check::Known(check),
        },
    ])
}

/// Runs a built program and compares its output; `Err` describes a failure of the program.
pub fn run_check(tools: &Tools, wasm: &Path, expected: &Path) -> Res<Result<(), String>> {
    let expected = fsutil::read_to_string(expected)?;
    let sample = tools.measure(&tools.run_job(wasm), super::tools::RUN_LIMIT)?;
    Ok(super::tools::check_output(&sample, &expected))
}
