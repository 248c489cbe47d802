//! The dev loop's inputs: the generated crate and example/resolver (binaries: edit, rebuild,
//! run) and semver's own test suite (a library: edit, rebuild, test); how each side's project
//! is set up and how its one-function edits are made.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Res;
use crate::fsutil;
use crate::process;
use crate::test::crates_io;

/// What follows a rebuild.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Run the binary's module (`target/wasm32-wasip1/debug/NAME.wasm`).
    Run(&'static str),
    /// Run the package's test targets (`cargo test --tests`).
    Test,
}

/// Where a project's files come from.
enum Source {
    /// One generated `main.rs` in a package of its own.
    Generated(PathBuf),
    /// A package directory, copied whole but for its `target`.
    Package(PathBuf),
}

/// How the edits are made.
enum Edits {
    /// The generated crate's module `m{7 + 11k}` gets a new `SCALE` constant.
    Scale,
    /// A `black_box` of a new constant at the start of one function per edit, in turn.
    Sites(&'static [Site]),
}

/// One function to edit: its file and the text that opens its body (ending in `{`).
struct Site {
    file: &'static str,
    anchor: &'static str,
}

const RESOLVER_SITES: &[Site] = &[
    Site {
        file: "src/resolve.rs",
        anchor: "pub fn resolve(registry: &Registry, root: &str, req: &VersionReq) -> Result<Resolution, String> {",
    },
    Site {
        file: "src/main.rs",
        anchor: "fn print_resolution(registry: &Registry, resolution: &Resolution) {",
    },
    Site {
        file: "src/main.rs",
        anchor: "fn main() -> ExitCode {",
    },
    Site {
        file: "src/resolve.rs",
        anchor: "pub fn resolve_or_panic(registry: &Registry, root: &str, req: &VersionReq) -> Resolution {",
    },
];

const SEMVER_SITES: &[Site] = &[
    Site {
        file: "src/eval.rs",
        anchor: "fn matches_exact(cmp: &Comparator, ver: &Version) -> bool {",
    },
    Site {
        file: "src/parse.rs",
        anchor: "fn wildcard(input: &str) -> Option<(char, &str)> {",
    },
    Site {
        file: "src/display.rs",
        anchor: "fn digits(val: u64) -> usize {",
    },
    Site {
        file: "src/eval.rs",
        anchor: "fn matches_tilde(cmp: &Comparator, ver: &Version) -> bool {",
    },
    Site {
        file: "src/parse.rs",
        anchor: "fn op(input: &str) -> (Op, &str) {",
    },
];

/// The library whose suite the test loop runs, as the extended group pins it.
const SEMVER: (&str, &str) = ("semver", "1.0.28");

pub struct Input {
    /// Directory and CSV name.
    pub key: &'static str,
    /// What the tables call it.
    pub title: &'static str,
    pub step: Step,
    source: Source,
    edits: Edits,
}

/// The three inputs; semver's source is fetched (once) as the extended group fetches it.
pub fn all(
    repo: &Path,
    generated: &Path,
    cargo: &Path,
    channel: &str,
    work: &Path,
) -> Res<Vec<Input>> {
    let (name, version) = SEMVER;
    let semver = crates_io::source(cargo, channel, work, name, version)?;
    fsutil::copy(
        &crates_io::lock_file(repo, name, version),
        &semver.join("Cargo.lock"),
    )?;
    Ok(vec![
        Input {
            key: "generated",
            title: "the generated crate (9.9k lines) as a cargo binary",
            step: Step::Run(super::PACKAGE),
            source: Source::Generated(generated.to_path_buf()),
            edits: Edits::Scale,
        },
        Input {
            key: "resolver",
            title: "example/resolver (semver, serde, serde_json from crates.io)",
            step: Step::Run("resolver"),
            source: Source::Package(repo.join("example/resolver")),
            edits: Edits::Sites(RESOLVER_SITES),
        },
        Input {
            key: "semver",
            title: "semver 1.0.28's own test suite (`--tests`: the library's unit tests and 4 test files)",
            step: Step::Test,
            source: Source::Package(semver),
            edits: Edits::Sites(SEMVER_SITES),
        },
    ])
}

impl Input {
    /// A fresh copy of the input at `project`.
    pub fn set_up(&self, project: &Path) -> Res<()> {
        fsutil::fresh_dir(project)?;
        match &self.source {
            Source::Generated(main) => {
                fsutil::create_dir_all(&project.join("src"))?;
                fsutil::write(
                    &project.join("Cargo.toml"),
                    format!(
                        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
                        super::PACKAGE
                    ),
                )?;
                fsutil::copy(main, &project.join("src/main.rs"))
            }
            Source::Package(dir) => {
                let entries = std::fs::read_dir(dir)
                    .map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
                for entry in entries.flatten() {
                    if entry.file_name() == "target" {
                        continue;
                    }
                    // cp keeps the tree as it is; no recursive copy in std.
                    process::run(Command::new("cp").arg("-a").arg(entry.path()).arg(project))?;
                }
                // A workspace of its own: the project may sit inside ours (build/bench/).
                let manifest = project.join("Cargo.toml");
                let text = fsutil::read_to_string(&manifest)?;
                if !text.contains("\n[workspace]") {
                    fsutil::write(&manifest, format!("{text}\n[workspace]\n"))?;
                }
                Ok(())
            }
        }
    }

    /// Makes edit number `edit` in `project`, with constants no earlier run used (`nonce`).
    pub fn edit(&self, project: &Path, edit: usize, nonce: i64) -> Res<()> {
        let value = nonce + edit as i64;
        let (file, edited) = match &self.edits {
            Edits::Scale => {
                let file = project.join("src/main.rs");
                let source = fsutil::read_to_string(&file)?;
                let edited = scale_edit(&source, edit, value)?;
                (file, edited)
            }
            Edits::Sites(sites) => {
                let site = &sites[edit % sites.len()];
                let file = project.join(site.file);
                let source = fsutil::read_to_string(&file)?;
                let at = source
                    .find(site.anchor)
                    .ok_or(format!("{} has no `{}`", site.file, site.anchor))?
                    + site.anchor.len();
                let edited = format!(
                    "{} ::core::hint::black_box({value}i64);{}",
                    &source[..at],
                    &source[at..]
                );
                (file, edited)
            }
        };
        fsutil::write(&file, edited)
    }
}

/// The source with module `m{7 + 11 edit}`'s `SCALE` constant set to `value` (a one-function-body
/// edit: the constant is inlined into the function that uses it).
fn scale_edit(source: &str, edit: usize, value: i64) -> Res<String> {
    let module = format!("mod m{} {{", 7 + 11 * edit);
    let start = source
        .find(&module)
        .ok_or(format!("the generated crate has no `{module}`"))?;
    let scale = source[start..]
        .find("const SCALE: i64 = ")
        .ok_or("no SCALE constant")?
        + start;
    let value_start = scale + "const SCALE: i64 = ".len();
    let value_end = source[value_start..]
        .find(';')
        .ok_or("no `;` after SCALE")?
        + value_start;
    Ok(format!(
        "{}{value}{}",
        &source[..value_start],
        &source[value_end..]
    ))
}
