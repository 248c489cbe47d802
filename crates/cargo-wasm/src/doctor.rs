//! `cargo wasm doctor`: checks every piece the other commands need and says how to fix each one.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cli::{Mode, Target};
use crate::dist::{self, Dist};
use crate::failure::{Failure, Res};
use crate::help;
use crate::toolchain::{self, Toolchain};
use crate::wasi_libc;
use crate::wasm_opt;

/// Debian's wasi-libc, which `./y.sh build` copies into the sysroot.
const SYSTEM_WASI_LIBC: &str = "/usr/lib/wasm32-wasi/libc.a";
/// The first Binaryen release with the final WasmGC encoding.
const MIN_WASM_OPT: u32 = 116;

enum Verdict {
    Ok(String),
    /// Works, with a limitation worth knowing.
    Warn(String, String),
    Problem(String, String),
}

struct Doctor {
    problems: usize,
    warnings: usize,
}

impl Doctor {
    fn report(&mut self, what: &str, verdict: Verdict) {
        match verdict {
            Verdict::Ok(detail) => println!("ok       {what}: {detail}"),
            Verdict::Warn(detail, fix) => {
                self.warnings += 1;
                println!("warning  {what}: {detail}\n         fix: {fix}");
            }
            Verdict::Problem(detail, fix) => {
                self.problems += 1;
                println!("PROBLEM  {what}: {detail}\n         fix: {fix}");
            }
        }
    }
}

pub(crate) fn command(args: &[String]) -> Res<()> {
    if args.iter().any(|arg| arg == "-h" || arg == "--help") {
        print!("{}", help::DOCTOR);
        return Ok(());
    }
    if let Some(arg) = args.first() {
        return Err(Failure::usage(format!(
            "`cargo wasm doctor` takes no arguments (got `{arg}`)"
        )));
    }
    let mut doctor = Doctor {
        problems: 0,
        warnings: 0,
    };
    let dist = Dist::locate();
    let toolchain = Toolchain::locate();
    match &dist {
        Ok(dist) => doctor.report("dist", Verdict::Ok(dist.root.display().to_string())),
        Err(failure) => doctor.report("dist", problem(failure)),
    }
    match &toolchain {
        Ok(toolchain) => {
            doctor.report("toolchain", Verdict::Ok(version(&toolchain.rustc)));
            check_components(&mut doctor, toolchain);
        }
        Err(failure) => doctor.report(
            &format!("toolchain {}", toolchain::pinned_channel()),
            problem(failure),
        ),
    }
    if let Ok(dist) = &dist {
        check_dist(&mut doctor, dist, toolchain.as_ref().ok());
        if let Ok(toolchain) = &toolchain {
            for target in [Target::Wasi, Target::Component] {
                for mode in [Mode::Dev, Mode::Release] {
                    let verdict = hello_world(dist, toolchain, mode, target);
                    let name = format!("{} pipeline, {}", mode.name(), target.triple());
                    doctor.report(&name, verdict);
                }
            }
        }
    }
    check_web(&mut doctor);
    println!(
        "\n{} problem(s), {} warning(s)",
        doctor.problems, doctor.warnings
    );
    if doctor.problems == 0 {
        Ok(())
    } else {
        Err(Failure::reported(crate::failure::SETUP_EXIT))
    }
}

fn problem(failure: &Failure) -> Verdict {
    Verdict::Problem(
        failure.message.clone().unwrap_or_default(),
        failure.fix.clone().unwrap_or_default(),
    )
}

fn version(rustc: &Path) -> String {
    Command::new(rustc)
        .arg("-V")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| rustc.display().to_string())
}

fn check_components(doctor: &mut Doctor, toolchain: &Toolchain) {
    let channel = &toolchain.channel;
    let src = toolchain.sysroot.join("lib/rustlib/src/rust/library");
    doctor.report(
        "component rust-src",
        if src.is_dir() {
            Verdict::Ok(src.display().to_string())
        } else {
            Verdict::Problem(
                "missing (the sysroots are built from it)".to_owned(),
                format!("run: rustup component add rust-src --toolchain {channel}"),
            )
        },
    );
    for (linker, what) in [
        ("rust-lld", "rust-lld (the wasm linker)"),
        (
            "wasm-component-ld",
            "wasm-component-ld (the component linker, --target wasip2)",
        ),
    ] {
        let found = std::fs::read_dir(toolchain.sysroot.join("lib/rustlib"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path().join("bin").join(linker))
            .find(|path| path.is_file());
        doctor.report(
            what,
            match found {
                Some(path) => Verdict::Ok(path.display().to_string()),
                None => Verdict::Problem(
                    "not found in the toolchain".to_owned(),
                    format!("reinstall: {}", toolchain::install_command()),
                ),
            },
        );
    }
    let web = toolchain.target_libdir(Target::Web.triple());
    doctor.report(
        "target wasm32-unknown-unknown (release --target web)",
        if dist::has_std(&web) {
            Verdict::Ok(web.display().to_string())
        } else {
            Verdict::Problem(
                "rustup's std for it is not installed".to_owned(),
                format!("run: rustup target add wasm32-unknown-unknown --toolchain {channel}"),
            )
        },
    );
}

fn check_dist(doctor: &mut Doctor, dist: &Dist, toolchain: Option<&Toolchain>) {
    let build = dist.y_sh("build");
    let backend = dist.backend();
    doctor.report(
        "backend (dev builds)",
        if backend.is_file() {
            Verdict::Ok(backend.display().to_string())
        } else {
            Verdict::Problem("missing".to_owned(), build.clone())
        },
    );
    for target in [Target::Wasi, Target::Component] {
        let lib = dist
            .root
            .join("lib/rustlib")
            .join(target.triple())
            .join("lib");
        doctor.report(
            &format!("dev sysroot {}", target.triple()),
            if dist::has_std(&lib) {
                Verdict::Ok(lib.display().to_string())
            } else {
                Verdict::Problem("no std".to_owned(), build.clone())
            },
        );
    }
    let unwinding = dist
        .root
        .join("sysroot-unwind/lib/rustlib/wasm32-wasip1/lib");
    doctor.report(
        "dev sysroot wasm32-wasip1, -Cpanic=unwind",
        if dist::has_std(&unwinding) {
            Verdict::Ok(unwinding.display().to_string())
        } else {
            Verdict::Warn(
                "no std: `-Cpanic=unwind` builds fail".to_owned(),
                build.clone(),
            )
        },
    );
    let llvm = dist.llvm_sysroot();
    for target in [Target::Wasi, Target::Component] {
        let llvm_lib = llvm.join("lib/rustlib").join(target.triple()).join("lib");
        doctor.report(
            &format!("release sysroot {}", target.triple()),
            match (dist::has_std(&llvm_lib), llvm == dist.root) {
                (false, _) => Verdict::Problem("no std".to_owned(), build.clone()),
                (true, false) => Verdict::Ok(llvm_lib.display().to_string()),
                (true, true) => Verdict::Warn(
                    "dist/sysroot-llvm is not built: release builds use dist/'s std".to_owned(),
                    build.clone(),
                ),
            },
        );
    }
    let web = dist.root.join("lib/rustlib/wasm32-unknown-unknown/lib");
    doctor.report(
        "dev sysroot wasm32-unknown-unknown",
        if dist::has_std(&web) {
            Verdict::Ok(web.display().to_string())
        } else {
            Verdict::Warn(
                "not built yet: `--dev --target web` is unavailable".to_owned(),
                "use `--release --target web` meanwhile".to_owned(),
            )
        },
    );
    check_wasi_libc(doctor, dist);
    check_wasm_run(doctor, dist);
    check_wasm_opt(doctor, dist);
    if toolchain.is_none() {
        doctor.report(
            "pipelines",
            Verdict::Problem(
                "not tried: the toolchain is missing".to_owned(),
                toolchain::install_command(),
            ),
        );
    }
}

fn check_wasi_libc(doctor: &mut Doctor, dist: &Dist) {
    doctor.report(
        "wasi-libc (Debian package, for ./y.sh build)",
        if Path::new(SYSTEM_WASI_LIBC).is_file() {
            Verdict::Ok(SYSTEM_WASI_LIBC.to_owned())
        } else {
            Verdict::Problem(
                format!("{SYSTEM_WASI_LIBC} is missing"),
                dist.y_sh("prepare"),
            )
        },
    );
    let mut sysroots = vec![dist.root.clone()];
    if dist.llvm_sysroot() != dist.root {
        sysroots.push(dist.llvm_sysroot());
    }
    for (sysroot, target) in sysroots
        .iter()
        .flat_map(|sysroot| [Target::Wasi, Target::Component].map(|target| (sysroot, target)))
    {
        let libc = wasi_libc::libc_of(sysroot, target.triple());
        let verdict = if !libc.is_file() {
            Verdict::Problem("missing".to_owned(), dist.y_sh("build"))
        } else {
            match wasi_libc::missing_thread_symbols(&libc).as_slice() {
                [] => Verdict::Ok("has the pthread stubs libtest needs".to_owned()),
                missing => Verdict::Problem(
                    format!(
                        "lacks {}: `cargo wasm test` cannot link test harnesses",
                        missing.join(", ")
                    ),
                    format!(
                        "the sysroot needs a wasi-libc from 2023 or later, then {}",
                        dist.y_sh("build")
                    ),
                ),
            }
        };
        doctor.report(&format!("wasi-libc in {}", libc.display()), verdict);
    }
}

fn check_wasm_run(doctor: &mut Doctor, dist: &Dist) {
    let wasm_run = dist.wasm_run();
    let help = Command::new(&wasm_run).arg("--help").output();
    let verdict = match help {
        Err(e) => Verdict::Problem(
            format!("cannot run {}: {e}", wasm_run.display()),
            dist.y_sh("build"),
        ),
        Ok(out) if !String::from_utf8_lossy(&out.stdout).contains("--libtest") => Verdict::Warn(
            "has no --libtest mode: `cargo wasm test` cannot run tests".to_owned(),
            dist.y_sh("build"),
        ),
        Ok(_) => Verdict::Ok(wasm_run.display().to_string()),
    };
    doctor.report("wasm-run (run, test)", verdict);
}

fn check_wasm_opt(doctor: &mut Doctor, dist: &Dist) {
    let verdict = match wasm_opt::locate(dist) {
        Err(failure) => problem(&failure),
        Ok(path) => match Command::new(&path).arg("--version").output() {
            Err(e) => Verdict::Problem(
                format!("cannot run {}: {e}", path.display()),
                dist.y_sh("prepare && ./y.sh build"),
            ),
            Ok(out) => {
                let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
                match wasm_opt_version(&text) {
                    Some(v) if v >= MIN_WASM_OPT => {
                        Verdict::Ok(format!("{text} ({})", path.display()))
                    }
                    _ if !out.status.success() => Verdict::Problem(
                        format!(
                            "{} failed: {}",
                            path.display(),
                            String::from_utf8_lossy(&out.stderr).trim()
                        ),
                        "it runs under Node.js: install `nodejs` (apt-get install nodejs)"
                            .to_owned(),
                    ),
                    _ => Verdict::Problem(
                        format!("`{text}` is too old for WasmGC (needs {MIN_WASM_OPT} or later)"),
                        dist.y_sh("prepare && ./y.sh build"),
                    ),
                }
            }
        },
    };
    doctor.report("wasm-opt (release builds)", verdict);
}

/// What `--target web` needs for wasm-bindgen projects: Node and Chromium for `cargo wasm test`,
/// and the wasm-bindgen CLIs already installed (others install on first use). Warnings only:
/// packages without wasm-bindgen need none of them.
fn check_web(doctor: &mut Doctor) {
    let node = crate::test::find_on_path("node").map(|node| {
        let version = Command::new(&node).arg("--version").output().ok();
        let version = version.map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned());
        format!("{} ({})", version.unwrap_or_default(), node.display())
    });
    doctor.report(
        "node (cargo wasm test --target web)",
        match node {
            Some(found) => Verdict::Ok(found),
            None => Verdict::Warn(
                "not on PATH: wasm-bindgen-test suites cannot run in Node".to_owned(),
                "apt-get install nodejs".to_owned(),
            ),
        },
    );
    doctor.report(
        "chromedriver (cargo wasm test --target web --chrome)",
        match crate::test::chromedriver() {
            Some(driver) => Verdict::Ok(driver.display().to_string()),
            None => Verdict::Warn(
                "neither $CHROMEDRIVER nor chromedriver on PATH: no headless Chromium runs"
                    .to_owned(),
                "apt-get install chromium chromium-driver".to_owned(),
            ),
        },
    );
    let installed = crate::bindgen::cache_root().map(|cache| installed_bindgen(&cache));
    doctor.report(
        "wasm-bindgen CLI (cargo wasm build --target web)",
        match installed {
            Ok(versions) if !versions.is_empty() => Verdict::Ok(format!("installed: {}", versions.join(", "))),
            Ok(_) => Verdict::Ok(
                "none installed yet: each version a project's Cargo.lock names is built on first use (minutes)"
                    .to_owned(),
            ),
            Err(failure) => problem(&failure),
        },
    );
}

/// The wasm-bindgen-cli versions complete in the cache (both binaries present), sorted.
fn installed_bindgen(cache: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(cache.join("wasm-bindgen")) else {
        return Vec::new();
    };
    let mut versions: Vec<String> = entries
        .flatten()
        .filter(|entry| {
            let bin = entry.path().join("bin");
            bin.join("wasm-bindgen").is_file() && bin.join("wasm-bindgen-test-runner").is_file()
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    versions.sort();
    versions
}

/// `wasm-opt version 132 (version_132)` -> 132.
fn wasm_opt_version(text: &str) -> Option<u32> {
    text.strip_prefix("wasm-opt version ")?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Compiles and runs a hello world the way `cargo wasm run` would in `mode`.
fn hello_world(dist: &Dist, toolchain: &Toolchain, mode: Mode, target: Target) -> Verdict {
    let work = std::env::temp_dir().join(format!("cargo-wasm-doctor-{}", std::process::id()));
    let verdict = try_hello_world(dist, toolchain, mode, target, &work);
    let _ = std::fs::remove_dir_all(&work);
    verdict
}

fn try_hello_world(
    dist: &Dist,
    toolchain: &Toolchain,
    mode: Mode,
    target: Target,
    work: &Path,
) -> Verdict {
    const EXPECTED: &str = "hello from wasm\n";
    let fix = dist.y_sh("build");
    let sysroot = match dist.sysroot(mode, target, false, &toolchain.target_libdir("")) {
        Ok(sysroot) => sysroot,
        Err(failure) => return problem(&failure),
    };
    if std::fs::create_dir_all(work).is_err() {
        return Verdict::Problem(
            format!("cannot create {}", work.display()),
            "check the temp dir".to_owned(),
        );
    }
    let source = work.join("hello.rs");
    let wasm: PathBuf = work.join("hello.wasm");
    let _ = std::fs::write(&source, "fn main() { println!(\"hello from wasm\"); }\n");
    let compiled = Command::new(&toolchain.rustc)
        .args(crate::flags::base(
            mode,
            &dist.backend(),
            sysroot.as_deref(),
            false,
        ))
        .args(["--target", target.triple(), "--edition", "2021"])
        .arg(&source)
        .arg("-o")
        .arg(&wasm)
        .output();
    match compiled {
        Err(e) => return Verdict::Problem(format!("cannot run rustc: {e}"), fix),
        Ok(out) if !out.status.success() => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first: Vec<&str> = stderr.lines().take(6).collect();
            return Verdict::Problem(
                format!(
                    "a hello world does not compile:\n         {}",
                    first.join("\n         ")
                ),
                fix,
            );
        }
        Ok(_) => {}
    }
    match Command::new(dist.wasm_run()).arg(&wasm).output() {
        Ok(out) if out.status.success() && out.stdout == EXPECTED.as_bytes() => {
            Verdict::Ok("a hello world compiles and runs".to_owned())
        }
        Ok(out) => Verdict::Problem(
            format!(
                "a hello world compiles but does not run right (exit {:?}, stdout {:?})",
                out.status.code(),
                String::from_utf8_lossy(&out.stdout)
            ),
            fix,
        ),
        Err(e) => Verdict::Problem(format!("cannot run wasm-run: {e}"), fix),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_wasm_opt_versions() {
        assert_eq!(
            super::wasm_opt_version("wasm-opt version 132 (version_132)"),
            Some(132)
        );
        assert_eq!(super::wasm_opt_version("wasm-opt version 108"), Some(108));
        assert_eq!(super::wasm_opt_version("something else"), None);
    }
}
