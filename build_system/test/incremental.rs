//! The extended group's incremental case: tests/incremental built by `cargo wasm build --dev`
//! three times in one target dir (cargo's dev profile compiles incrementally), with rustc
//! printing how it got each codegen unit (`CGU_REUSE NAME No|PreLto|PostLto`). After a
//! one-function edit only the edited module's unit is generated again; after the backend is
//! rebuilt every unit is. Each build's program must print its exact line.

use std::path::{Path, PathBuf};

use super::extended::Setup;
use super::outcome::{Outcome, first_difference};
use super::pool::Case;
use crate::Res;
use crate::fsutil;

const PROJECT: &str = "tests/incremental";
const BACKEND: &str = "lib/librustc_codegen_wasmgc.so";

/// What a pass must generate again.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Every,
    /// Exactly the unit of the module whose name ends the unit's name.
    Only(&'static str),
}

/// The passes: the `--cfg` each builds with, what it generates again, what its program prints.
const PASSES: &[(&str, Expect, &str)] = &[
    ("rpass1", Expect::Every, "value 42 (reversed digits 24)\n"),
    (
        "rpass2",
        Expect::Only("-edited"),
        "value 43 (reversed digits 34)\n",
    ),
    ("rpass3", Expect::Every, "value 43 (reversed digits 34)\n"),
];

/// Fewer units than this would make "every unit" say little.
const MIN_UNITS: usize = 3;

pub fn case(setup: &Setup, dist: &Path, group: &str) -> Case {
    let setup = setup.clone();
    let dist = dist.to_path_buf();
    Case {
        name: format!("{group}/incremental-reuse"),
        run: Box::new(move || match run(&setup, &dist) {
            Ok(()) => Outcome::Passed,
            Err(message) => Outcome::Failed(message),
        }),
    }
}

fn run(setup: &Setup, dist: &Path) -> Res<()> {
    let work = setup.out.join("incremental");
    fsutil::fresh_dir(&work)?;
    let project = work.join("project");
    fsutil::create_dir_all(&project.join("src"))?;
    for file in ["Cargo.toml", "src/main.rs"] {
        fsutil::copy(&setup.repo.join(PROJECT).join(file), &project.join(file))?;
    }
    // A dist/ of our own whose backend is a copy: replacing the copy is a rebuilt backend,
    // without touching the dist/ every other test uses.
    let own_dist = work.join("dist");
    link_dist(dist, &own_dist)?;
    for &(pass, expect, expected) in PASSES {
        if pass == "rpass3" {
            // A different size or modification time is what a rebuilt backend looks like.
            std::thread::sleep(std::time::Duration::from_millis(20));
            fsutil::copy(&dist.join(BACKEND), &own_dist.join(BACKEND))?;
        }
        let rustflags =
            format!("--cfg {pass} -Zquery-dep-graph -Zprint-mono-items -Zhuman-readable-cgu-names");
        let built = setup.cargo_wasm_in(&project, &["build", "--dev"], &rustflags, &own_dist);
        if built.code != Some(0) {
            return Err(format!(
                "{pass}: the build failed:\n{}",
                String::from_utf8_lossy(&built.stderr)
            ));
        }
        check_reuse(pass, expect, &String::from_utf8_lossy(&built.stdout))?;
        let ran = setup.cargo_wasm_in(&project, &["run", "--dev"], &rustflags, &own_dist);
        let stdout = String::from_utf8_lossy(&ran.stdout);
        if ran.code != Some(0) || stdout != expected {
            return Err(format!(
                "{pass}: expected exit 0 and {expected:?}, got {:?}: {}\nstderr:\n{}",
                ran.code,
                first_difference(expected, &stdout),
                String::from_utf8_lossy(&ran.stderr)
            ));
        }
    }
    Ok(())
}

/// Compares the units rustc generated again (`CGU_REUSE NAME No`) with what the pass expects.
fn check_reuse(pass: &str, expect: Expect, stdout: &str) -> Res<()> {
    let units: Vec<(&str, &str)> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("CGU_REUSE "))
        .filter_map(|rest| rest.split_once(' '))
        .collect();
    let generated: Vec<&str> = units
        .iter()
        .filter(|(_, how)| *how == "No")
        .map(|(name, _)| *name)
        .collect();
    let ok = units.len() >= MIN_UNITS
        && match expect {
            Expect::Every => generated.len() == units.len(),
            Expect::Only(suffix) => generated.len() == 1 && generated[0].ends_with(suffix),
        };
    if ok {
        return Ok(());
    }
    Err(format!(
        "{pass}: {} of {} codegen units generated again ({}), expected {}",
        generated.len(),
        units.len(),
        generated
            .iter()
            .take(8)
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
            + if generated.len() > 8 { ", ..." } else { "" },
        match expect {
            Expect::Every => "every one".to_owned(),
            Expect::Only(suffix) => format!("only the one ending in `{suffix}`"),
        }
    ))
}

/// `to` mirrors `from` with links, except for a copy of the backend.
fn link_dist(from: &Path, to: &Path) -> Res<()> {
    fsutil::create_dir_all(&to.join("lib"))?;
    for entry in entries(from)? {
        let name = entry.file_name().unwrap_or_default();
        if name != "lib" {
            fsutil::symlink(&entry, &to.join(name))?;
        }
    }
    for entry in entries(&from.join("lib"))? {
        let target = to.join("lib").join(entry.file_name().unwrap_or_default());
        if entry.ends_with(BACKEND) {
            fsutil::copy(&entry, &target)?;
        } else {
            fsutil::symlink(&entry, &target)?;
        }
    }
    Ok(())
}

/// Files and directories in `dir`.
fn entries(dir: &Path) -> Res<Vec<PathBuf>> {
    let list = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    list.map(|entry| {
        entry
            .map(|entry| entry.path())
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))
    })
    .collect()
}
