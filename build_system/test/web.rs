//! The web group: tests/web built with `cargo wasm build --target web`, its generated loader
//! web_host.js imported by tests/web/index.html in headless Chromium over http://127.0.0.1, and
//! the text the program printed compared with tests/web/expected.stdout. Dev mode and release
//! (LLVM, the `wasm` crate's release form lowered to WasmGC) pass `externref`s to the JS host
//! functions; release with `--gc library` passes i32 handles through the loader's table.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::exec::{Tools, ending, stderr_excerpt};
use super::http::StaticServer;
use super::outcome::{Outcome, first_difference, head};
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

const PACKAGE: &str = "tests/web";
const PROGRAM: &str = "web_host";
/// A cold build of the `wasm` crate and std's pieces for wasm32-unknown-unknown.
const CARGO_LIMIT: Duration = Duration::from_secs(900);
/// Chromium starts in a second or two; the page waits for nothing but its own module.
const BROWSER_LIMIT: Duration = Duration::from_secs(120);
/// How many times a page still running when Chromium dumped it is loaded (`load_page`).
const LOADS: usize = 3;
const CHROMIUM: &str = "chromium";
pub(super) const INSTALL_HINT: &str = "headless Chromium is missing: run `./y.sh prepare` (as root it installs \
                            Debian's `chromium` and `chromium-driver`), or `apt-get install -y \
                            chromium chromium-driver`";

/// One way of building the program, and what its loader must look like.
#[derive(Clone, Copy)]
struct Build {
    name: &'static str,
    mode: &'static str,
    profile: &'static str,
    wasm_file: &'static str,
    /// The i32-handle form (HOST-ABI.md section 1): the loader keeps a handle table.
    handles: bool,
    /// More `cargo wasm build` arguments.
    extra: &'static [&'static str],
}

const BUILDS: [Build; 3] = [
    Build {
        name: "dev-externref",
        mode: "--dev",
        profile: "debug",
        wasm_file: "web_host.wasm",
        handles: false,
        extra: &[],
    },
    Build {
        name: "release-externref",
        mode: "--release",
        profile: "release",
        wasm_file: "web_host.opt.wasm",
        handles: false,
        extra: &[],
    },
    Build {
        name: "release-handles",
        mode: "--release",
        profile: "release",
        wasm_file: "web_host.opt.wasm",
        handles: true,
        extra: &["--gc", "library"],
    },
];

pub fn cases(cache: &Path, out: &Path, tools: &Tools, group: &str) -> Vec<Case> {
    BUILDS
        .into_iter()
        .map(|build| {
            let (tools, out) = (tools.clone(), out.join(build.name));
            // Apart per build: the two release builds differ in their rustflags.
            let target_dir = cache.join("web-target").join(build.name);
            Case {
                name: format!("{group}/{}", build.name),
                run: Box::new(move || match check(&tools, &target_dir, &out, build) {
                    Ok(()) => Outcome::Passed,
                    Err(message) => Outcome::Failed(message),
                }),
            }
        })
        .collect()
}

fn check(tools: &Tools, target_dir: &Path, out: &Path, build: Build) -> Res<()> {
    let chromium = find_chromium().ok_or(INSTALL_HINT)?;
    let package = tools.repo.join(PACKAGE);
    let expected = fsutil::read_to_string(&package.join("expected.stdout"))?;
    let built_dir = cargo_wasm_build(tools, &package, target_dir, build)?;
    let loader = fsutil::read_to_string(&built_dir.join(format!("{PROGRAM}.js")))?;
    if loader.contains("function handleTable()") != build.handles {
        return Err(format!(
            "{PROGRAM}.js of {}: expected the {} form, got:\n{}",
            build.name,
            if build.handles {
                "i32-handle"
            } else {
                "externref"
            },
            head(&loader, 20)
        ));
    }
    // The handle positions come from the module (`#[wasm::host_imports]` records them), not from
    // the page: `describe(&ExternRef, &mut [u8])` has its handle at wasm parameter 0.
    let baked = "describe: bridged(table, { params: [0], result: false },";
    if build.handles && !loader.contains(baked) {
        return Err(format!(
            "{PROGRAM}.js of {}: lacks {baked:?}; the handle positions of the module's \
             wasm_host.handles section were not used:\n{}",
            build.name,
            head(&loader, 40)
        ));
    }
    // The site as a user would deploy it: the page, the loader and the module side by side.
    fsutil::fresh_dir(out)?;
    fsutil::copy(&package.join("index.html"), &out.join("index.html"))?;
    fsutil::copy(
        &built_dir.join(format!("{PROGRAM}.js")),
        &out.join(format!("{PROGRAM}.js")),
    )?;
    fsutil::copy(&built_dir.join(build.wasm_file), &out.join(build.wasm_file))?;
    let server = StaticServer::start(out)?;
    let url = server.url(&format!("index.html?wasm={}", build.wasm_file));
    let page = load_page(&chromium, out, &url)?;
    drop(server);
    let dom = String::from_utf8_lossy(&page.stdout);
    let Some((status, printed)) = output_element(&dom) else {
        return Err(format!(
            "{url}: no <pre id=\"output\"> in the page ({}); stdout:\n{}\nstderr:\n{}",
            ending(&page, "chromium"),
            head(&dom, 20),
            stderr_excerpt(&page)
        ));
    };
    let mut problems = Vec::new();
    if status != "done" {
        problems.push(format!("the page ended with status {status:?}"));
    }
    if printed != expected {
        problems.push(format!(
            "the printed text differs from {PACKAGE}/expected.stdout: {}",
            first_difference(&expected, &printed)
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(format!("page {url}, output:\n{printed}"));
    Err(problems.join("\n"))
}

/// `chromium` on PATH, as Debian installs it.
pub(super) fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(CHROMIUM))
        .find(|candidate| candidate.is_file())
}

/// `cargo wasm build MODE --target web` of the package; the directory of its module and loader.
fn cargo_wasm_build(
    tools: &Tools,
    package: &Path,
    target_dir: &Path,
    build: Build,
) -> Res<PathBuf> {
    let mut cmd = Command::new(tools.wasm_run.with_file_name("cargo-wasm"));
    cmd.current_dir(package)
        .args([
            "wasm",
            "build",
            build.mode,
            "--target",
            "web",
            "--target-dir",
        ])
        .arg(target_dir)
        .args(build.extra)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    let description = process::describe(&cmd);
    let built = process::run_captured(&mut cmd, CARGO_LIMIT)?;
    let stderr = String::from_utf8_lossy(&built.stderr);
    let loader_line = stderr
        .lines()
        .any(|line| line.contains("Loader") && line.contains(&format!("{PROGRAM}.js")));
    if built.code != Some(0) || !loader_line {
        return Err(format!(
            "`{description}` ({}), a `Loader` line for {PROGRAM}.js expected:\n{}",
            ending(&built, "cargo"),
            stderr_excerpt(&built)
        ));
    }
    Ok(target_dir
        .join("wasm32-unknown-unknown")
        .join(build.profile))
}

/// Headless Chromium's DOM of `url` once the page settled.
/// Loads the page until its `#output` is no longer `running`, at most `LOADS` times. Chromium
/// dumps the DOM when its virtual-time budget runs out, which a loaded machine can reach before
/// the module is compiled (seen once in CI: status `running`, no output at all); a page that
/// never finishes still fails, after the last load.
pub(super) fn load_page(chromium: &Path, out: &Path, url: &str) -> Res<Finished> {
    let mut load = 1;
    loop {
        let page = dump_dom(chromium, out, url)?;
        let dom = String::from_utf8_lossy(&page.stdout);
        let running = output_element(&dom).is_some_and(|(status, _)| status == "running");
        if !running || load == LOADS {
            return Ok(page);
        }
        eprintln!(
            "[web] {url}: Chromium dumped the page while it was still running; loading it again"
        );
        load += 1;
    }
}

fn dump_dom(chromium: &Path, out: &Path, url: &str) -> Res<Finished> {
    let profile = out.join("chromium-profile");
    fsutil::create_dir_all(&profile)?;
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        // Root in a container has no user namespaces for the sandbox.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(["--dump-dom", "--virtual-time-budget=10000", url]);
    process::run_captured(&mut cmd, BROWSER_LIMIT)
}

/// The `data-status` and the text of `<pre id="output" ...>` in a serialized DOM.
pub(super) fn output_element(dom: &str) -> Option<(String, String)> {
    let start = dom.find("<pre id=\"output\"")?;
    let tag_end = start + dom[start..].find('>')?;
    let tag = &dom[start..tag_end];
    let status = tag
        .split("data-status=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    let text_end = tag_end + dom[tag_end..].find("</pre>")?;
    Some((status.to_owned(), unescape(&dom[tag_end + 1..text_end])))
}

/// The text of an HTML text node as Chromium serializes it.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}
