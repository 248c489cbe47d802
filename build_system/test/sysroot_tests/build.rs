//! Builds the coretests/alloctests harnesses of rust-src for wasm32-wasip1 with one compiler,
//! cached in ~/.cache/wasmrust/<toolchain>/sysroot-tests-<label>-<key>/.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::{SUITES, Suite};
use crate::Res;
use crate::build::TARGET;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::hash::Fnv;
use crate::library_overlay::{self, LineEdit};
use crate::process;
use crate::toolchain::Toolchain;

/// A cold build of both packages takes a few minutes; a backend that hangs must not eat CI.
const BUILD_LIMIT: Duration = Duration::from_secs(40 * 60);
/// Lists `SUITE<TAB>HARNESS.wasm` of the finished builds; written last.
const STAMP: &str = "harnesses.txt";
/// How many lines of cargo's diagnostics a failed build shows.
const ERROR_LINES: usize = 60;

/// Source lines our backend cannot compile yet, left out of its build only: the tests in them
/// then pass under LLVM and are missing under ours, so they show up as ours-only failures
/// (listed in tests/sysroot_tests/known-failures.txt with this cause). Without the exclusion one
/// unsupported construct would keep the whole suite from compiling.
pub(super) const OURS_EXCLUDED: &[LineEdit] = &[];

/// One compiler's build recipe.
pub(super) struct Recipe {
    /// `llvm`, `ours` or `llvm-as-backend`: names the cache dir and the logs.
    pub(super) label: &'static str,
    pub(super) sysroot: PathBuf,
    /// Our backend's dylib; `None` compiles with LLVM.
    pub(super) backend: Option<PathBuf>,
    /// Apply OURS_EXCLUDED (through a copy of the library workspace).
    pub(super) exclusions: bool,
    /// Build with `-Cpanic=unwind` (against an unwinding std), else panic=abort.
    pub(super) unwind: bool,
}

/// What one build produced: the harness of each suite that compiled, and why others did not.
pub(super) struct Built {
    pub(super) harnesses: BTreeMap<String, PathBuf>,
    /// cargo's error output when some suite did not compile (empty otherwise).
    pub(super) errors: String,
    pub(super) seconds: f64,
    pub(super) cached: bool,
}

pub(super) fn harnesses(
    dirs: &Dirs,
    toolchain: &Toolchain,
    recipe: &Recipe,
    suites: &[&Suite],
    log: &Path,
) -> Res<Built> {
    let started = Instant::now();
    let cache = cache_dir(dirs, toolchain, recipe)?;
    let stamp = cache.join(STAMP);
    let mut harnesses = read_stamp(&stamp);
    if suites
        .iter()
        .all(|suite| harnesses.contains_key(suite.name))
    {
        eprintln!(
            "[test] sysroot_tests: {} harnesses cached in {}",
            recipe.label,
            cache.display()
        );
        return Ok(Built {
            harnesses,
            errors: String::new(),
            seconds: started.elapsed().as_secs_f64(),
            cached: true,
        });
    }
    eprintln!(
        "[test] sysroot_tests: building the {} harnesses into {} (log: {})",
        recipe.label,
        cache.display(),
        log.display()
    );
    fsutil::create_dir_all(&cache)?;
    // Build with a copy of the backend: dist/ may be replaced while cargo runs, and the cache
    // key is the content of this copy.
    let backend = match &recipe.backend {
        Some(dylib) => {
            let copy = cache.join("librustc_codegen_wasmgc.so");
            fsutil::copy(dylib, &copy)?;
            Some(copy)
        }
        None => None,
    };
    let library = if recipe.exclusions {
        library_overlay::make(
            &toolchain.library_src(),
            &cache.join("library"),
            OURS_EXCLUDED,
            "build_system/test/sysroot_tests (OURS_EXCLUDED)",
        )?
    } else {
        toolchain.library_src()
    };
    let mut cmd = Command::new(&toolchain.cargo);
    cmd.current_dir(&library)
        .args(cargo_args(toolchain, suites))
        .arg("--target-dir")
        .arg(cache.join("target"))
        .env("RUSTC", &toolchain.rustc)
        // With --target, these reach the wasm crates only; build scripts stay native LLVM.
        .env("RUSTFLAGS", rustflags(recipe, backend.as_deref()))
        // No debug info: our backend emits none, and LLVM's doubles its link time and size.
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        // Every build of a key is a cold one; incremental state would only fill the disk.
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("CARGO_TARGET_DIR");
    let finished = process::run_captured(&mut cmd, BUILD_LIMIT)?;
    let stderr = String::from_utf8_lossy(&finished.stderr).into_owned();
    fsutil::write(log, &stderr)?;
    let stdout = String::from_utf8_lossy(&finished.stdout);
    harnesses.extend(stdout.lines().filter_map(harness_of));
    let stamp_text: String = harnesses
        .iter()
        .map(|(suite, path)| format!("{suite}\t{}\n", path.display()))
        .collect();
    fsutil::write(&stamp, stamp_text)?;
    let mut errors = String::new();
    if finished.timed_out {
        errors = format!("cargo was stopped after {} s\n", BUILD_LIMIT.as_secs());
    }
    if finished.code != Some(0) {
        errors.push_str(&error_excerpt(&stderr));
    }
    Ok(Built {
        harnesses,
        errors,
        seconds: started.elapsed().as_secs_f64(),
        cached: false,
    })
}

/// The cache dir of this exact recipe; older ones of the same label are removed (each holds a
/// few hundred MB, and a changed backend makes a new one every time).
fn cache_dir(dirs: &Dirs, toolchain: &Toolchain, recipe: &Recipe) -> Res<PathBuf> {
    let mut key = Fnv::new();
    key.add(&toolchain.version)
        .add(cargo_args(toolchain, &SUITES.iter().collect::<Vec<_>>()).join(" "))
        .add(rustflags(recipe, None))
        .add(sysroot_fingerprint(&recipe.sysroot)?);
    if recipe.exclusions {
        for exclusion in OURS_EXCLUDED {
            key.add(exclusion.file).add(exclusion.line);
        }
    }
    if let Some(dylib) = &recipe.backend {
        // Cargo cannot see that the backend behind a path changed: key on its content.
        key.add(std::fs::read(dylib).map_err(|e| format!("cannot read {}: {e}", dylib.display()))?);
    }
    let channel_cache = dirs.cache.join(&toolchain.channel);
    let prefix = format!("sysroot-tests-{}-", recipe.label);
    let dir = channel_cache.join(format!("{prefix}{}", key.hex()));
    if let Ok(entries) = std::fs::read_dir(&channel_cache) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && entry.path() != dir {
                fsutil::remove_dir_all(&entry.path())?;
            }
        }
    }
    Ok(dir)
}

/// Names and sizes of the sysroot's target libraries: a rebuilt std (new crate hashes) makes a
/// new key, so no harness is linked against rlibs that are gone.
fn sysroot_fingerprint(sysroot: &Path) -> Res<String> {
    let lib = sysroot.join("lib/rustlib").join(TARGET).join("lib");
    let mut text = String::new();
    for file in fsutil::files_in(&lib)? {
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        text.push_str(&format!("{} {size}\n", file.display()));
    }
    Ok(text)
}

fn cargo_args(toolchain: &Toolchain, suites: &[&Suite]) -> Vec<String> {
    let library = toolchain.library_src();
    let mut args: Vec<String> = [
        "test",
        "--no-run",
        // rust-src's own lock file and vendored crates: no network, the exact versions.
        "--locked",
        "--offline",
        "--target",
        TARGET,
        "--message-format=json-render-diagnostics",
    ]
    .map(str::to_owned)
    .to_vec();
    args.extend([
        "--config".to_owned(),
        "source.crates-io.replace-with='vendored-sources'".to_owned(),
        "--config".to_owned(),
        format!(
            "source.vendored-sources.directory='{}'",
            library.join("vendor").display()
        ),
    ]);
    let mut packages: Vec<&str> = suites.iter().map(|suite| suite.package).collect();
    packages.dedup();
    for package in packages {
        args.extend(["-p".to_owned(), package.to_owned()]);
    }
    for suite in suites {
        match suite.target {
            // `--lib` also selects coretests' lib, an empty file: a harness of 0 tests.
            None => args.push("--lib".to_owned()),
            Some(test) => args.extend(["--test".to_owned(), test.to_owned()]),
        }
    }
    args.dedup();
    args
}

fn rustflags(recipe: &Recipe, backend: Option<&Path>) -> String {
    let panic = if recipe.unwind {
        "-Cpanic=unwind"
    } else {
        // libtest needs -Zpanic-abort-tests to be built with panic=abort.
        "-Cpanic=abort -Zpanic-abort-tests"
    };
    let mut flags = format!("--sysroot {} {panic}", recipe.sysroot.display());
    if let Some(backend) = backend {
        flags.push_str(&format!(" -Zcodegen-backend={}", backend.display()));
    } else if recipe.backend.is_some() {
        // For the cache key: the backend's content is added separately.
        flags.push_str(" -Zcodegen-backend=<backend>");
    }
    flags
}

fn read_stamp(stamp: &Path) -> BTreeMap<String, PathBuf> {
    let text = std::fs::read_to_string(stamp).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(suite, path)| (suite.to_owned(), PathBuf::from(path)))
        .filter(|(_, path)| path.is_file())
        .collect()
}

/// `(suite, harness)` from cargo's `compiler-artifact` message of a test executable.
fn harness_of(line: &str) -> Option<(String, PathBuf)> {
    if !line.contains(r#""reason":"compiler-artifact""#) {
        return None;
    }
    let executable = string_after(line, r#""executable":""#)?;
    let target = &line[line.find(r#""target":{"#)?..];
    let kind = string_after(target, r#""kind":[""#)?;
    let name = string_after(target, r#""name":""#)?;
    let package = package_name(string_after(line, r#""package_id":""#)?);
    let suite = SUITES.iter().find(|suite| {
        suite.package == package
            && match suite.target {
                None => kind == "lib",
                Some(test) => kind == "test" && name == test,
            }
    })?;
    Some((suite.name.to_owned(), PathBuf::from(executable)))
}

/// The package name in a package id: `path+file:///.../coretests#0.0.0` or
/// `path+file:///.../x#name@0.1.0`.
fn package_name(id: &str) -> &str {
    let (path, version) = id.rsplit_once('#').unwrap_or((id, ""));
    match version.split_once('@') {
        Some((name, _)) => name,
        None => path.rsplit('/').next().unwrap_or(path),
    }
}

/// The JSON string value that starts right after `key` (no escapes occur in these values).
fn string_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let rest = &text[text.find(key)? + key.len()..];
    Some(&rest[..rest.find('"')?])
}

/// cargo's error lines (rendered diagnostics) without its warnings.
fn error_excerpt(stderr: &str) -> String {
    let mut kept = Vec::new();
    let mut in_error = false;
    for line in stderr.lines() {
        if line.starts_with("error") {
            in_error = true;
        } else if line.starts_with("warning") || line.trim_start().starts_with("Compiling ") {
            in_error = false;
        }
        if in_error {
            kept.push(line);
        }
    }
    if kept.is_empty() {
        kept = stderr.lines().rev().take(ERROR_LINES).collect();
        kept.reverse();
    }
    let shown = kept.len().min(ERROR_LINES);
    let mut text = kept[..shown].join("\n");
    if kept.len() > shown {
        text.push_str(&format!("\n... ({} more lines)", kept.len() - shown));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifacts_map_to_suites() {
        let lib = r#"{"reason":"compiler-artifact","package_id":"path+file:///r/library/alloctests#0.0.0","manifest_path":"/r/library/alloctests/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"alloctests","src_path":"/r/library/alloctests/lib.rs"},"profile":{},"features":[],"filenames":["/t/alloctests-1.wasm"],"executable":"/t/alloctests-1.wasm","fresh":false}"#;
        assert_eq!(
            harness_of(lib),
            Some((
                "alloctests-lib".to_owned(),
                PathBuf::from("/t/alloctests-1.wasm")
            ))
        );
        let test = lib
            .replace(r#""kind":["lib"]"#, r#""kind":["test"]"#)
            .replace(
                r#""name":"alloctests""#,
                r#""name":"vec_deque_alloc_error""#,
            );
        assert_eq!(
            harness_of(&test).map(|(suite, _)| suite),
            Some("vec_deque_alloc_error".to_owned())
        );
        // coretests' empty lib harness and artifacts that are no executables are not suites.
        let core_lib = lib.replace("alloctests#0.0.0", "coretests#0.0.0");
        assert_eq!(harness_of(&core_lib), None);
        let rlib = lib.replace(
            r#""executable":"/t/alloctests-1.wasm""#,
            r#""executable":null"#,
        );
        assert_eq!(harness_of(&rlib), None);
    }

    #[test]
    fn package_names_from_ids() {
        assert_eq!(
            package_name("path+file:///r/library/coretests#0.0.0"),
            "coretests"
        );
        assert_eq!(package_name("path+file:///r/x#rand@0.9.2"), "rand");
        assert_eq!(package_name("registry+https://x/index#rand@0.9.2"), "rand");
    }

    #[test]
    fn error_excerpt_keeps_errors_and_drops_warnings() {
        let stderr = "   Compiling rand v0.9.2\nwarning: unused\n  --> a.rs:1\nerror: the intrinsic `simd_neg` is not supported\n  --> b.rs:2\n\nerror: could not compile `coretests`\n";
        let excerpt = error_excerpt(stderr);
        assert!(excerpt.starts_with("error: the intrinsic `simd_neg`"));
        assert!(!excerpt.contains("unused"));
        assert!(excerpt.ends_with("error: could not compile `coretests`"));
    }
}
