//! Section 2: binary size of three hello worlds (std `println!`, `#![no_std]` with one import, a
//! `#![no_std]` one whose string is a `wasm::GcArray`) as our dev build, LLVM debug, LLVM release and
//! LLVM release + wasm-opt; and the GC one as small as our backend makes it.

use std::path::{Path, PathBuf};

use super::Section;
use super::cargo::{self, Build};
use super::compile_inputs::run_check;
use super::measure::{Job, Stats};
use super::report::{self, Csv, Table};
use super::tools::{Backend, COMPILE_LIMIT, Tools};
use super::wasm_sections;
use crate::Res;
use crate::fsutil;

const SIZE_DIR: &str = "tests/bench/size";
/// Single-file programs: `tests/bench/size/NAME.rs`, expected output `NAME.stdout`.
const FILES: &[&str] = &["hello", "nostd_hello"];
/// The cargo package of the GC hello world (tests/bench/size/gc_hello).
const GC_HELLO: &str = "gc_hello";
/// rustc flags of the release build; the same recipe as cargo::RELEASE_PROFILE.
const RELEASE_FLAGS: &[&str] = &[
    "-Copt-level=z",
    "-Clto=fat",
    "-Ccodegen-units=1",
    "-Cstrip=symbols",
];

/// The columns: how each program is built.
#[derive(Clone, Copy)]
enum Variant {
    OursDev,
    OursDevLlvmStd,
    LlvmDebug,
    LlvmRelease,
    LlvmReleaseWasmOpt,
}

const VARIANTS: [Variant; 5] = [
    Variant::OursDev,
    Variant::OursDevLlvmStd,
    Variant::LlvmDebug,
    Variant::LlvmRelease,
    Variant::LlvmReleaseWasmOpt,
];

impl Variant {
    fn label(self) -> &'static str {
        match self {
            Variant::OursDev => "ours dev",
            Variant::OursDevLlvmStd => "ours dev, LLVM's std",
            Variant::LlvmDebug => "LLVM debug",
            Variant::LlvmRelease => "LLVM release",
            Variant::LlvmReleaseWasmOpt => "LLVM release + wasm-opt -Oz",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Variant::OursDev => "ours-dev",
            Variant::OursDevLlvmStd => "ours-dev-llvm-std",
            Variant::LlvmDebug => "llvm-debug",
            Variant::LlvmRelease => "llvm-release",
            Variant::LlvmReleaseWasmOpt => "llvm-release-wasm-opt",
        }
    }

    fn backend(self) -> Backend {
        match self {
            Variant::OursDev | Variant::OursDevLlvmStd => Backend::Ours,
            _ => Backend::Llvm,
        }
    }

    /// `--sysroot` for the wrapper: `llvm` names dist/'s reference std, a path the LTO std.
    fn sysroot(self, release_sysroot: &Path) -> Option<String> {
        match self {
            Variant::OursDevLlvmStd => Some("llvm".to_owned()),
            Variant::LlvmRelease | Variant::LlvmReleaseWasmOpt => {
                Some(release_sysroot.display().to_string())
            }
            Variant::OursDev | Variant::LlvmDebug => None,
        }
    }

    fn release(self) -> bool {
        matches!(self, Variant::LlvmRelease | Variant::LlvmReleaseWasmOpt)
    }
}

pub fn section(tools: &Tools, vendored: &Path, release_sysroot: &Path) -> Res<Section> {
    let out = tools.scratch.join("size");
    fsutil::fresh_dir(&out)?;
    let mut header = vec!["program"];
    header.extend(VARIANTS.iter().map(|v| v.label()));
    header.push("ours/LLVM debug");
    let mut files = Table::new("Binary size (bytes)", &header);
    let mut code = Table::new("Code section only (bytes)", &header);
    let mut csv = Csv::new("size");
    let mut failures = Vec::new();
    let programs = FILES.iter().copied().chain([GC_HELLO]);
    for program in programs {
        eprintln!("[bench] size: {program}");
        let mut sizes = Vec::new();
        let mut release_wasm: Option<Result<PathBuf, String>> = None;
        for variant in VARIANTS {
            let result = match variant {
                Variant::LlvmReleaseWasmOpt => match &release_wasm {
                    Some(Ok(wasm)) => wasm_opt(tools, wasm, &out, program)?,
                    _ => Err("no LLVM release build to optimize".to_owned()),
                },
                _ if program == GC_HELLO => {
                    gc_hello(tools, vendored, release_sysroot, variant, &out, "")?
                }
                _ => single_file(tools, program, variant, release_sysroot, &out)?,
            };
            if matches!(variant, Variant::LlvmRelease) {
                release_wasm = Some(result.clone());
            }
            let size = match result {
                Ok(wasm) => measure_size(tools, &wasm, &expected(tools, program))?,
                Err(why) => Err(why),
            };
            if let Err(why) = &size {
                failures.push(format!("{program} / {}: {why}", variant.label()));
            }
            for (metric, value) in [
                ("file", size.as_ref().map(|s| s.file)),
                ("code", size.as_ref().map(|s| s.code)),
                ("dwarf", size.as_ref().map(|s| s.dwarf)),
            ] {
                let stats = value
                    .map(|bytes| Stats::of(&[bytes as f64]))
                    .map_err(Clone::clone);
                csv.stats(program, variant.key(), metric, "bytes", &stats);
            }
            sizes.push(size);
        }
        files.row(row(program, &sizes, |s| s.file));
        code.row(row(program, &sizes, |s| s.code));
    }
    files.note("Sources in tests/bench/size/. Dev/debug = `-Copt-level=0` without Rust debug info; \"ours dev\" links the std built by our backend (dist/), \"LLVM's std\" the one LLVM built (dist/sysroot-llvm). Release = `-Copt-level=z -Clto=fat -Ccodegen-units=1 -Cpanic=abort -Cstrip=symbols` against an LLVM std built with bitcode (the bench builds it once: same sources and flags as dist/sysroot-llvm plus `-Cembed-bitcode=yes`); wasm-opt is binaryen's, from npm (dist/bin/wasm-opt).");
    files.note("Every binary is run in wasm-run and must print `Hello, world!`.");
    files.note("The dev/debug builds of hello carry wasi-libc's DWARF (its libc.a is built with `-g`; about 235 KB, the same in every column), which release strips: the code-section table below compares the code alone.");
    files.note("nostd_hello imports only `wasi_snapshot_preview1.fd_write` and is linked without wasi-libc (`-Clink-self-contained=no`, its own `_start`).");
    files.note("gc_hello is `#![no_std]` and keeps its string in a `wasm::GcArray<u8>` (crates/wasm), printed through one import (`fd_write`): the two \"ours\" columns are accelerated as `cargo wasm build --dev` builds them (a WasmGC array and the root table), the LLVM columns run the library fallback (reference counting in linear memory, the program's own bump allocator).");
    let smallest = gc_hello_smallest(
        tools,
        vendored,
        release_sysroot,
        &out,
        &mut csv,
        &mut failures,
    )?;
    for why in failures {
        files.note(format!("FAILED {why}"));
    }
    Ok(Section {
        name: "size",
        tables: vec![files, code, smallest],
        csv,
    })
}

/// gc_hello as small as our backend makes it today: the dev build without its name section, and
/// that through wasm-opt -Oz (binaryen, not LLVM: it rewrites the WasmGC module we wrote).
fn gc_hello_smallest(
    tools: &Tools,
    vendored: &Path,
    release_sysroot: &Path,
    out: &Path,
    csv: &mut Csv,
    failures: &mut Vec<String>,
) -> Res<Table> {
    eprintln!("[bench] size: {GC_HELLO}, smallest WasmGC build");
    let mut table = Table::new(
        "GC hello world (a `GcArray<u8>` string, one host import) with WasmGC",
        &["build", "bytes", "code section"],
    );
    let stripped = gc_hello(
        tools,
        vendored,
        release_sysroot,
        Variant::OursDev,
        out,
        "-Cstrip=symbols",
    )?;
    let optimized = match &stripped {
        Ok(wasm) => wasm_opt(tools, wasm, out, &format!("{GC_HELLO}-stripped"))?,
        Err(why) => Err(why.clone()),
    };
    // The release form (CONTRACT.md section 6): LLVM's release build, lowered after linking.
    let release = gc_hello(
        tools,
        vendored,
        release_sysroot,
        Variant::LlvmRelease,
        out,
        "--cfg wasm_gc_imports",
    )?;
    let release = match release {
        Ok(wasm) => {
            let lowered = out.join(format!("{GC_HELLO}-release-lowered.wasm"));
            match tools.lower_gc(&wasm, &lowered)? {
                Ok(()) => wasm_opt(tools, &lowered, out, &format!("{GC_HELLO}-release-lowered"))?,
                Err(why) => Err(why),
            }
        }
        Err(why) => Err(why),
    };
    let builds = [
        ("ours dev, `-Cstrip=symbols`", "ours-dev-stripped", stripped),
        (
            "ours dev, `-Cstrip=symbols`, + wasm-opt -Oz",
            "ours-dev-stripped-wasm-opt",
            optimized,
        ),
        (
            "LLVM release (the `wasm` crate's release form), lowered to WasmGC, + wasm-opt -Oz",
            "llvm-release-lowered-wasm-opt",
            release,
        ),
    ];
    for (label, key, built) in builds {
        let size = match built {
            Ok(wasm) => measure_size(tools, &wasm, &expected(tools, GC_HELLO))?,
            Err(why) => Err(why),
        };
        match &size {
            Ok(sizes) => table.row(vec![
                label.to_owned(),
                report::bytes(sizes.file),
                report::bytes(sizes.code),
            ]),
            Err(why) => {
                failures.push(format!("{GC_HELLO} / {label}: {why}"));
                table.row(vec![
                    label.to_owned(),
                    report::failed_cell(why),
                    report::failed_cell(why),
                ]);
            }
        }
        let stats = size.map(|s| Stats::of(&[s.file as f64]));
        csv.stats(GC_HELLO, key, "file", "bytes", &stats);
    }
    table.note("The program of the gc_hello row above, built as `cargo wasm build --dev` builds it (accelerated: the string is a WasmGC `(array (mut i8))`, the handle a root-table slot) plus `-Cstrip=symbols`; then `wasm-opt -Oz` with GC enabled. The last row is what `cargo wasm build --release` makes of it with `wasm-opt = [\"-Oz\"]`: LLVM's release build (the release column's flags) of the `wasm` crate's release form (`--cfg wasm_gc_imports`), lowered to WasmGC by dist/bin/wasm-gc-lower, then wasm-opt -Oz. Each must print `Hello, world!` in wasm-run. The seed's bar is 2 KB; AssemblyScript and MoonBit reach about 130-250 bytes.");
    Ok(table)
}

/// One table row: a cell per variant, then ours dev against LLVM debug.
fn row(program: &str, sizes: &[Result<Sizes, String>], pick: fn(&Sizes) -> u64) -> Vec<String> {
    let mut row = vec![program.to_owned()];
    row.extend(sizes.iter().map(|size| match size {
        Ok(s) => report::bytes(pick(s)),
        Err(why) => report::failed_cell(why),
    }));
    row.push(match (&sizes[0], &sizes[2]) {
        (Ok(ours), Ok(llvm)) => report::ratio(pick(ours) as f64, pick(llvm) as f64),
        _ => "–".to_owned(),
    });
    row
}

/// The sizes of one built module.
struct Sizes {
    file: u64,
    code: u64,
    dwarf: u64,
}

fn expected(tools: &Tools, program: &str) -> PathBuf {
    let dir = tools.repo.join(SIZE_DIR);
    if program == GC_HELLO {
        dir.join(GC_HELLO).join(format!("{GC_HELLO}.stdout"))
    } else {
        dir.join(format!("{program}.stdout"))
    }
}

/// The sizes of a built module after checking that it runs and prints what it should.
fn measure_size(tools: &Tools, wasm: &Path, expected: &Path) -> Res<Result<Sizes, String>> {
    if let Err(why) = run_check(tools, wasm, expected)? {
        return Ok(Err(why));
    }
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let Some(sections) = wasm_sections::sizes(&bytes) else {
        return Ok(Err(format!("{} is not a wasm module", wasm.display())));
    };
    Ok(Ok(Sizes {
        file: bytes.len() as u64,
        code: sections.code,
        dwarf: sections.dwarf,
    }))
}

fn single_file(
    tools: &Tools,
    program: &str,
    variant: Variant,
    release_sysroot: &Path,
    out: &Path,
) -> Res<Result<PathBuf, String>> {
    let source = tools.repo.join(SIZE_DIR).join(format!("{program}.rs"));
    let wasm = out.join(format!("{program}-{}.wasm", variant.key()));
    let mut job = Job::new(tools.rustc(variant.backend()), &tools.repo)
        .args(["--edition", "2021"])
        .args(header_flags(&fsutil::read_to_string(&source)?));
    if let Some(sysroot) = variant.sysroot(release_sysroot) {
        job = job.arg("--sysroot").arg(sysroot);
    }
    job = if variant.release() {
        job.args(RELEASE_FLAGS)
    } else {
        job.arg("-Copt-level=0")
    };
    let job = job.arg("-o").arg(&wasm).arg(&source);
    let sample = tools.measure(&job, COMPILE_LIMIT)?;
    Ok(if sample.succeeded() {
        Ok(wasm)
    } else {
        Err(format!("compile failed: {}", sample.failure()))
    })
}

/// The flags of `// compile-flags: ...` lines.
fn header_flags(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.strip_prefix("// compile-flags:"))
        .flat_map(|flags| flags.split_whitespace().map(str::to_owned))
        .collect()
}

/// Builds gc_hello as `variant` with `extra` rustflags (a non-empty `extra` gets its own target
/// dir and file name).
fn gc_hello(
    tools: &Tools,
    vendored: &Path,
    release_sysroot: &Path,
    variant: Variant,
    out: &Path,
    extra: &str,
) -> Res<Result<PathBuf, String>> {
    // `#![no_main]` with its own `_start`: no wasi-libc start code (as nostd_hello).
    let mut rustflags = variant
        .sysroot(release_sysroot)
        .map(|sysroot| format!("--sysroot {sysroot} "))
        .unwrap_or_default();
    rustflags.push_str("-Clink-self-contained=no");
    let tag = if extra.is_empty() {
        variant.key().to_owned()
    } else {
        rustflags.push(' ');
        rustflags.push_str(extra);
        format!(
            "{}-{}",
            variant.key(),
            crate::hash::Fnv::new().add(extra).hex()
        )
    };
    if variant.backend() == Backend::Ours {
        // As `cargo wasm build --dev` builds it: `Gc` lowered to a WasmGC struct.
        rustflags.push_str(" -Cllvm-args=wasm-gc=accelerate");
    }
    let build = Build {
        backend: variant.backend(),
        package: GC_HELLO,
        release: variant.release(),
        rustflags: &rustflags,
        target_dir: tools.cache.join(format!("cargo-size-{tag}")),
    };
    if let Err(why) = cargo::build(tools, vendored, &build)? {
        return Ok(Err(why));
    }
    let wasm = out.join(format!("{GC_HELLO}-{tag}.wasm"));
    fsutil::copy(&build.wasm(), &wasm)?;
    Ok(Ok(wasm))
}

fn wasm_opt(tools: &Tools, wasm: &Path, out: &Path, program: &str) -> Res<Result<PathBuf, String>> {
    if !tools.wasm_opt.is_file() {
        return Ok(Err(format!(
            "{} is missing: run `./y.sh build`",
            tools.wasm_opt.display()
        )));
    }
    let optimized = out.join(format!(
        "{program}-{}.wasm",
        Variant::LlvmReleaseWasmOpt.key()
    ));
    // The features rustc enables by default for wasm32-wasip1, and GC for our accelerated
    // modules; wasm-opt must not lower them.
    let job = Job::new(&tools.wasm_opt, &tools.repo)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-sign-ext",
            "--enable-mutable-globals",
        ])
        .args([
            "--enable-nontrapping-float-to-int",
            "--enable-multivalue",
            "--enable-reference-types",
            "--enable-gc",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(&optimized);
    let sample = tools.measure(&job, COMPILE_LIMIT)?;
    Ok(if sample.succeeded() {
        Ok(optimized)
    } else {
        Err(format!("wasm-opt failed: {}", sample.failure()))
    })
}
