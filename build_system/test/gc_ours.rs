//! The gc group's builds by our backend: `cargo wasm build --dev` with WasmGC acceleration
//! (`-Cllvm-args=wasm-gc=accelerate`) or on the library fallback, and the checks of the
//! acceleration itself: contract recognition on the real crate, cycles collected in a bounded
//! store, and WasmGC types instead of linear-memory allocation in gc_binary_trees' module.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::{ending, stderr_excerpt};
use super::gc::Setup;
use super::outcome::{Outcome, head};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};
use crate::wasm_module;

/// The flags that turn acceleration on and off, for every crate of a build.
const ACCELERATE: &str = "-Cllvm-args=wasm-gc=accelerate";
const LIBRARY: &str = "-Cllvm-args=wasm-gc=library";
/// A cold build of the crate and its proc macros.
const CARGO_LIMIT: Duration = Duration::from_secs(900);
/// gc_cycles in the bounded store: pairs allocated, the bound, and the line it must print.
const CYCLE_PAIRS: &str = "4000000";
const CYCLE_MEMORY_MIB: &str = "32";
const CYCLE_OUTPUT: &str = "pairs: 4000000, checksum: 4000000, live: 16, oldest live id: 7999968\n";

/// One check of this file: it builds what it needs itself.
type Check = fn(&Setup, &Path) -> Res<()>;

pub(super) fn cases(setup: &Setup, out: &Path, group: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let checks: [(&str, Check); 8] = [
        ("recognition/real-crate", recognizes_real_crate),
        ("accelerated/cycles-collected", cycles_collected),
        (
            "release-accelerated/cycles-collected",
            release_cycles_collected,
        ),
        (
            "release-accelerated/binary-trees-module",
            release_binary_trees_module,
        ),
        ("release-accelerated/typed-locals", release_typed_locals),
        ("accelerated/binary-trees-module", binary_trees_module),
        ("accelerated/externref-imports", externref_imports),
        ("accelerated/typed-locals", typed_locals),
    ];
    for (name, check) in checks {
        let (setup, out) = (setup.clone(), out.to_path_buf());
        cases.push(Case {
            name: format!("{group}/{name}"),
            run: Box::new(move || match check(&setup, &out) {
                Ok(()) => Outcome::Passed,
                Err(message) => Outcome::Failed(message),
            }),
        });
    }
    cases
}

/// `cargo wasm build --dev -p wasm --example NAME`, accelerated or not; the module's path.
/// (`--llvm-as-backend` builds `--release` instead: it checks the harness, not the backend.)
pub(super) fn build(setup: &Setup, example: &str, accelerate: bool) -> Res<PathBuf> {
    let release = setup.tools.under_test.label == "llvm-as-backend";
    let accelerate = accelerate && !release;
    // One target dir per mode: cargo would rebuild everything at every switch of RUSTFLAGS.
    let target_dir = setup.ours_target_dir.join(if accelerate {
        "accelerated"
    } else {
        "fallback"
    });
    let mode = if release { "--release" } else { "--dev" };
    // Acceleration is `cargo wasm build --dev`'s default; say it anyway, and opt out explicitly.
    let rustflags = if accelerate { ACCELERATE } else { LIBRARY };
    let (description, built) = cargo_wasm_build(
        setup,
        &setup.tools.repo,
        &[mode, "-p", "wasm", "--example", example],
        rustflags,
        &target_dir,
    );
    let built = succeeded(&description, built)?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    if let Some(line) = stderr
        .lines()
        .find(|line| line.contains("wasm_recognition"))
    {
        return Err(format!(
            "`{description}`: the real wasm crate and its examples must verify cleanly, but: {line}"
        ));
    }
    let profile = if release { "release" } else { "debug" };
    let file = if release {
        format!("{example}.opt.wasm")
    } else {
        format!("{example}.wasm")
    };
    let wasm = target_dir
        .join("wasm32-wasip1")
        .join(profile)
        .join("examples")
        .join(file);
    if !release {
        kept_line_tables(&description, &stderr, &wasm)?;
    }
    Ok(wasm)
}

/// `cargo wasm build --release -p wasm --example NAME` with the `wasm` crate's release form
/// (CONTRACT.md section 6, the default): LLVM, the post-link WasmGC lowering, wasm-opt. The
/// path of the wasm-opt output, after checking that the build said it lowered the module.
pub(super) fn build_release(setup: &Setup, example: &str) -> Res<PathBuf> {
    let target_dir = setup.ours_target_dir.join("release-accelerated");
    let (description, built) = cargo_wasm_build(
        setup,
        &setup.tools.repo,
        &["--release", "-p", "wasm", "--example", example],
        "",
        &target_dir,
    );
    let built = succeeded(&description, built)?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let wasm = target_dir.join("wasm32-wasip1/release/examples");
    // cargo may find the module fresh (lowered by an earlier run): then the module says it.
    let lowered_now = stderr
        .lines()
        .any(|line| line.contains("Lowered") && line.contains("to WasmGC"));
    let bytes = std::fs::read(wasm.join(format!("{example}.wasm"))).map_err(|e| format!("{e}"))?;
    let (structs, arrays) =
        wasm_module::gc_type_counts(&bytes).ok_or("the module's type section is unreadable")?;
    if !lowered_now && structs + arrays == 0 {
        return Err(format!(
            "`{description}` neither lowered the module to WasmGC nor left a lowered one:\n{}",
            head(&stderr, 20)
        ));
    }
    Ok(wasm.join(format!("{example}.opt.wasm")))
}

/// The finished build, or why it failed.
fn succeeded(description: &str, built: Res<Finished>) -> Res<Finished> {
    let built = built?;
    if built.code != Some(0) {
        return Err(format!(
            "`{description}` ({}):\n{}",
            ending(&built, "cargo"),
            stderr_excerpt(&built)
        ));
    }
    Ok(built)
}

/// `cargo wasm build --dev` writes line tables, and the WasmGC lowering keeps them (it moves
/// function indices in place, so no code offset changes).
fn kept_line_tables(description: &str, stderr: &str, wasm: &Path) -> Res<()> {
    if let Some(line) = stderr
        .lines()
        .find(|line| line.contains("carries no debug info"))
    {
        return Err(format!("`{description}` dropped the DWARF: {line}"));
    }
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let sections = crate::wasm_module::sections(&bytes).ok_or("the module is not well-formed")?;
    let has_lines = sections
        .iter()
        .filter(|section| section.id == 0)
        .filter_map(|section| crate::wasm_module::custom(section.payload))
        .any(|(name, data)| name == ".debug_line" && !data.is_empty());
    if !has_lines {
        return Err(format!(
            "`{description}`: {} has no .debug_line section",
            wasm.display()
        ));
    }
    Ok(())
}

fn run(setup: &Setup, wasm: &Path, options: &[&str], args: &[&str]) -> Res<Finished> {
    let mut cmd = Command::new(&setup.tools.wasm_run);
    cmd.current_dir(&setup.tools.repo)
        .args(options)
        .arg(wasm)
        .args(args);
    process::run_captured(&mut cmd, Duration::from_secs(300))
}

/// Millions of nodes in cycles, a small live set: accelerated, with a collector that traces
/// (copying), the program completes with each memory bounded; the fallback, which leaks cycles,
/// cannot (so the bound is real).
fn cycles_collected(setup: &Setup, _out: &Path) -> Res<()> {
    let bounded = ["--collector", "copying", "--max-memory", CYCLE_MEMORY_MIB];
    let accelerated = build(setup, "gc_cycles", true)?;
    let ran = run(setup, &accelerated, &bounded, &[CYCLE_PAIRS])?;
    let stdout = String::from_utf8_lossy(&ran.stdout);
    if ran.code != Some(0) || stdout != CYCLE_OUTPUT {
        return Err(format!(
            "accelerated gc_cycles {CYCLE_PAIRS} in {CYCLE_MEMORY_MIB} MiB per memory: {}, stdout {stdout:?}, \
             expected {CYCLE_OUTPUT:?}\nstderr:\n{}",
            ending(&ran, "run"),
            stderr_excerpt(&ran)
        ));
    }
    let fallback = build(setup, "gc_cycles", false)?;
    let leaked = run(setup, &fallback, &bounded, &[CYCLE_PAIRS])?;
    if leaked.code == Some(0) {
        return Err(format!(
            "the library fallback completed gc_cycles {CYCLE_PAIRS} in {CYCLE_MEMORY_MIB} MiB although it leaks \
             every cycle: the bound does not bound anything"
        ));
    }
    Ok(())
}

/// gc_cycles of the release form in the same bounded store: LLVM's code with WasmGC objects
/// collects its cycles as the backend's does.
fn release_cycles_collected(setup: &Setup, _out: &Path) -> Res<()> {
    let bounded = ["--collector", "copying", "--max-memory", CYCLE_MEMORY_MIB];
    let release = build_release(setup, "gc_cycles")?;
    let ran = run(setup, &release, &bounded, &[CYCLE_PAIRS])?;
    let stdout = String::from_utf8_lossy(&ran.stdout);
    if ran.code != Some(0) || stdout != CYCLE_OUTPUT {
        return Err(format!(
            "release-accelerated gc_cycles {CYCLE_PAIRS} in {CYCLE_MEMORY_MIB} MiB per memory: {}, stdout \
             {stdout:?}, expected {CYCLE_OUTPUT:?}\nstderr:\n{}",
            ending(&ran, "run"),
            stderr_excerpt(&ran)
        ));
    }
    Ok(())
}

/// dist/bin/wasm-gc-lower on gc_locals built by stable rustc + LLVM from the release form (as
/// another toolchain's user would): it must say that some call sites take their objects from
/// typed handle locals, and the lowered module must print the example's output.
fn release_typed_locals(setup: &Setup, out: &Path) -> Res<()> {
    let target_dir = setup.ours_target_dir.join("stable-release-form");
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&setup.tools.repo)
        .args([
            "+stable",
            "build",
            "--release",
            "-p",
            "wasm",
            "--example",
            "gc_locals",
        ])
        .args(["--target", "wasm32-wasip1", "--target-dir"])
        .arg(&target_dir)
        .env("RUSTFLAGS", "--cfg wasm_gc_imports")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    let description = process::describe(&cmd);
    succeeded(&description, process::run_captured(&mut cmd, CARGO_LIMIT))?;
    let linked = target_dir.join("wasm32-wasip1/release/examples/gc_locals.wasm");
    let lowered = out.join("gc_locals.release-form.wasm");
    fsutil::create_dir_all(out)?;
    let mut lower = Command::new(setup.tools.wasm_run.with_file_name("wasm-gc-lower"));
    lower.arg(&linked).arg("-o").arg(&lowered);
    let description = process::describe(&lower);
    let finished = succeeded(
        &description,
        process::run_captured(&mut lower, Duration::from_secs(120)),
    )?;
    let stderr = String::from_utf8_lossy(&finished.stderr);
    // "...; N of their M call sites avoid the root table"
    let typed = stderr
        .split("; ")
        .nth(1)
        .and_then(|tail| tail.split(' ').next())
        .and_then(|n| n.parse::<u32>().ok());
    if !matches!(typed, Some(n) if n > 0) {
        return Err(format!(
            "`{description}`: no call site avoids the root table:\n{stderr}"
        ));
    }
    let ran = run(setup, &lowered, &[], &[])?;
    let expected = fsutil::read_to_string(&setup.tools.repo.join("example/gc_locals.stdout"))?;
    super::gc::printed_example(&ran, &expected, Path::new("example/gc_locals.stdout"))
}

/// The release form's gc_binary_trees after wasm-opt: WasmGC struct types, no import of the
/// release form left, and none of the library's linear-memory allocation (`gc_box`).
fn release_binary_trees_module(setup: &Setup, _out: &Path) -> Res<()> {
    let wasm = build_release(setup, "gc_binary_trees")?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let (structs, _) =
        wasm_module::gc_type_counts(&bytes).ok_or("the module's type section is unreadable")?;
    let mut problems = Vec::new();
    if structs == 0 {
        problems.push("no WasmGC struct type".to_owned());
    }
    let sections = wasm_module::sections(&bytes).unwrap_or_default();
    let imports = wasm_module::payload(&sections, 2);
    if imports.windows(6).any(|window| window == b"wasmgc") {
        problems.push("a `wasmgc` import is left".to_owned());
    }
    let names = wasm_module::function_names(&bytes);
    let library: Vec<&String> = names
        .iter()
        .filter(|name| name.contains("6gc_box"))
        .collect();
    if !library.is_empty() {
        problems.push(format!(
            "library allocation code is still linked: {library:?}"
        ));
    }
    verdict(&wasm, problems)
}

/// The accelerated gc_binary_trees: its tree nodes are a WasmGC struct type, and nothing of the
/// library's linear-memory allocation (the fallback's `gc_box`) is left in the module.
fn binary_trees_module(setup: &Setup, _out: &Path) -> Res<()> {
    let wasm = build(setup, "gc_binary_trees", true)?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let (structs, _) =
        wasm_module::gc_type_counts(&bytes).ok_or("the module's type section is unreadable")?;
    let names = wasm_module::function_names(&bytes);
    let mut problems = Vec::new();
    if structs == 0 {
        problems.push("no WasmGC struct type".to_owned());
    }
    if !names.iter().any(|name| name == "wasmgc_root") {
        problems.push("no root-table helper `wasmgc_root`".to_owned());
    }
    let library: Vec<&String> = names
        .iter()
        .filter(|name| name.contains("6gc_box") || name.contains("8contract2v113gc_struct_new"))
        .collect();
    if !library.is_empty() {
        problems.push(format!(
            "library allocation code is still linked: {library:?}"
        ));
    }
    let sections = wasm_module::sections(&bytes).unwrap_or_default();
    let imports = wasm_module::payload(&sections, 2);
    if imports.windows(6).any(|window| window == b"wasmgc") {
        problems.push("a `wasmgc` import is left".to_owned());
    }
    verdict(&wasm, problems)
}

/// The accelerated gc_locals keeps its handle locals in typed reference locals: the operations
/// that take their object from a local (`OP.KEY.rMASK`, MASK the parameters that are references)
/// and the three helpers that move handles between locals and the root table are in the module.
/// (Each is there only because code calls it; the gc group's run of the example checks results.)
fn typed_locals(setup: &Setup, _out: &Path) -> Res<()> {
    let wasm = build(setup, "gc_locals", true)?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let names = wasm_module::function_names(&bytes);
    let mut problems = Vec::new();
    for helper in ["slot_take", "slot_load", "slot_drop"] {
        if !names.iter().any(|name| name == helper) {
            problems.push(format!("no helper `{helper}`"));
        }
    }
    let typed = [
        ("gc_struct_get", ".r1"),
        ("gc_struct_set", ".r1"),
        ("gc_clone", ".r1"),
        ("gc_ptr_eq", ".r3"),
        ("externref_is_null", ".r1"),
    ];
    for (operation, suffix) in typed {
        let found = names
            .iter()
            .any(|name| name.starts_with(&format!("{operation}.")) && name.ends_with(suffix));
        if !found {
            problems.push(format!(
                "no `{operation}` taking its objects from typed locals (`{operation}.KEY{suffix}`)"
            ));
        }
    }
    verdict(&wasm, problems)
}

/// `Ok` when no problem was found in the module at `wasm`.
fn verdict(wasm: &Path, problems: Vec<String>) -> Res<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {}", wasm.display(), problems.join("; ")))
    }
}

/// The accelerated externref_host passes real `externref`s to its host: `wasm_host` no longer
/// provides the handle table (`externref_clone`/`externref_drop`, HOST-ABI.md section 5), and
/// wasm-run picks the `externref` form of the host functions from the import types (the gc
/// group's run of the example checks that those calls work).
fn externref_imports(setup: &Setup, _out: &Path) -> Res<()> {
    let wasm = build(setup, "externref_host", true)?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let sections = wasm_module::sections(&bytes).ok_or("not a wasm module")?;
    let imports = wasm_module::payload(&sections, 2);
    let has = |name: &[u8]| imports.windows(name.len()).any(|window| window == name);
    let mut problems = Vec::new();
    for handle_import in [&b"externref_clone"[..], b"externref_drop"] {
        if has(handle_import) {
            problems.push(format!(
                "imports `{}`",
                String::from_utf8_lossy(handle_import)
            ));
        }
    }
    if !has(b"make_object") {
        problems.push("does not import `make_object`".to_owned());
    }
    // An `externref` value type (0x6f) occurs in the type section only through those imports.
    if !wasm_module::payload(&sections, 1).contains(&0x6f) {
        problems.push("no function type mentions `externref`".to_owned());
    }
    verdict(&wasm, problems)
}

/// A package using the real `wasm` crate that transmutes an `ExternRef`: our backend must find
/// contract v1 in it and report `wasm_recognition::gc_handle_escape` at the transmute: a warning
/// on the library fallback (the program still builds), an error when accelerated.
fn recognizes_real_crate(setup: &Setup, out: &Path) -> Res<()> {
    let dir = out.join("recognition");
    fsutil::create_dir_all(&dir.join("src"))?;
    let wasm_crate = setup.tools.repo.join("crates/wasm");
    fsutil::write(
        &dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"recognition\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             [dependencies]\nwasm = {{ path = \"{}\" }}\n[workspace]\n",
            wasm_crate.display()
        ),
    )?;
    fsutil::write(
        &dir.join("src/main.rs"),
        "fn main() {\n    let host = wasm::ExternRef::null();\n    \
         let bits: u32 = unsafe { std::mem::transmute(host) };\n    println!(\"{bits}\");\n}\n",
    )?;
    // On the library fallback the program means what it says: a warning.
    let built = cargo_wasm_build(
        setup,
        &dir,
        &["--dev"],
        LIBRARY,
        &setup.ours_target_dir.join("fallback"),
    )
    .1?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let wanted = [
        // rustc names the type by its public path, the re-export `wasm::ExternRef`.
        "warning: a `wasm::ExternRef` is transmuted to `u32` (wasm_recognition::gc_handle_escape)",
        "src/main.rs:3:30",
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|line| !stderr.contains(line))
        .collect();
    if built.code != Some(0) || !missing.is_empty() {
        return Err(format!(
            "cargo wasm build --dev with gc=library ({}) lacks {missing:?}; stderr:\n{}",
            ending(&built, "cargo"),
            head(&stderr, 40)
        ));
    }
    // Accelerated (cargo wasm's default), the bits would be a root index: an error.
    let built = cargo_wasm_build(
        setup,
        &dir,
        &["--dev"],
        ACCELERATE,
        &setup.ours_target_dir.join("accelerated"),
    )
    .1?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let wanted =
        "error: a `wasm::ExternRef` is transmuted to `u32` (wasm_recognition::gc_handle_escape)";
    if built.code == Some(0) || !stderr.contains(wanted) {
        return Err(format!(
            "cargo wasm build --dev, accelerated ({}), lacks {wanted:?}; stderr:\n{}",
            ending(&built, "cargo"),
            head(&stderr, 40)
        ));
    }
    Ok(())
}

/// `cargo wasm build ARGS` in `dir` with `rustflags` into `target_dir`; also its description.
fn cargo_wasm_build(
    setup: &Setup,
    dir: &Path,
    args: &[&str],
    rustflags: &str,
    target_dir: &Path,
) -> (String, Res<Finished>) {
    let mut cmd = Command::new(setup.tools.wasm_run.with_file_name("cargo-wasm"));
    cmd.current_dir(dir)
        .args(["wasm", "build"])
        .args(args)
        .arg("--target-dir")
        .arg(target_dir)
        .env("RUSTFLAGS", rustflags)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    (
        process::describe(&cmd),
        process::run_captured(&mut cmd, CARGO_LIMIT),
    )
}
