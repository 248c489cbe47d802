//! The one table of test groups: their names in ladder order, what each checks, and how its
//! cases are made. build_system/tests.txt enables them, `run_group` dispatches through it, and
//! `./y.sh test --list` prints it.

use std::path::{Path, PathBuf};

use super::exec::Tools;
use super::outcome::Tally;
use super::pool::Case;
use super::{
    Options, abi, components, debuginfo, diagnostics, extended, fuzz, gc, no_sysroot, run_pass,
    style, sysroot_tests, unit, unwind, web, web_bindgen,
};
use crate::Res;
use crate::dirs::Dirs;

/// What a group's harness gets.
pub struct Ctx<'a> {
    pub dirs: &'a Dirs,
    pub tools: &'a Tools,
    pub options: &'a Options,
    /// This group's output directory, fresh.
    pub out: PathBuf,
    pub name: &'static str,
}

impl Ctx<'_> {
    fn repo(&self) -> &Path {
        &self.dirs.repo
    }
}

/// How a group runs.
pub enum Run {
    /// Cases for the pool, at most this many at once (`None`: `--jobs`).
    Cases(fn(&Ctx) -> Res<Vec<Case>>, Option<usize>),
    /// A harness that runs its tests itself.
    Driver(fn(&Ctx) -> Res<Tally>),
}

pub struct Group {
    pub name: &'static str,
    /// One line or two: what the group checks.
    pub checks: &'static str,
    pub run: Run,
}

/// Every group, in ladder order.
pub const GROUPS: &[Group] = &[
    Group {
        name: "no_sysroot",
        checks: "#![no_core] mini_core examples through our backend, linked, run in wasm-run",
        // The hello world needs the library: strictly in order.
        run: Run::Cases(
            |ctx| Ok(no_sysroot::cases(&ctx.out, ctx.tools, ctx.name)),
            Some(1),
        ),
    },
    Group {
        name: "llvm_sysroot",
        checks: "std programs (example/std_example.rs, tests/run-pass/*.rs) built by our backend and by \
                 LLVM against the LLVM-built std, both run, both compared to expectations",
        run: Run::Cases(|ctx| run_pass_group(ctx, run_pass::Std::Llvm), None),
    },
    Group {
        name: "own_sysroot",
        checks: "the same programs built by our backend against the std built by our backend",
        run: Run::Cases(|ctx| run_pass_group(ctx, run_pass::Std::Ours), None),
    },
    Group {
        name: "abi",
        checks: "tests/abi: callee.rs and caller.rs built one by our backend, one by LLVM (both ways, and an \
                 LLVM callee with +simd128), calling each other with every PassMode; checked by value. \
                 tests/unwind/frames: panics unwinding from LLVM's frames through ours and back. \
                 tests/abi/component (wit-bindgen) as a component by ours and by LLVM, every export called \
                 through the canonical ABI",
        run: Run::Cases(
            |ctx| {
                let mut cases = abi::cases(&ctx.out, ctx.tools, ctx.name);
                let unwinding = format!("{}/unwind", ctx.name);
                cases.extend(unwind::frames_cases(&ctx.out, ctx.tools, &unwinding));
                cases.extend(components::abi_cases(
                    ctx.repo(),
                    &ctx.dirs.cache,
                    ctx.tools,
                    ctx.name,
                ));
                Ok(cases)
            },
            None,
        ),
    },
    Group {
        name: "diagnostics",
        checks: "tests/diagnostics/*.rs must be rejected with the expected messages, no .wasm written",
        run: Run::Cases(
            |ctx| diagnostics::cases(ctx.repo(), &ctx.out, ctx.tools, ctx.name),
            None,
        ),
    },
    Group {
        name: "unwind",
        checks: "tests/unwind/*.rs built by our backend with -Cpanic=unwind against dist/sysroot-unwind, run, \
                 held to the same programs built natively: stdout, panic messages, exit code or abort",
        run: Run::Cases(
            |ctx| unwind::cases(ctx.repo(), &ctx.out, ctx.tools, ctx.name),
            None,
        ),
    },
    Group {
        name: "components",
        checks: "wasm32-wasip2: tests/components/cli.rs by our backend and by LLVM as command components \
                 in wasm-run (args, env, stdin, --dir, exit status); every run-pass program by our backend as a \
                 component against our wasip2 std; the wasm crate's examples as components; example/component \
                 (wasi:http) served by wasm-run serve in dev and release, its responses compared",
        run: Run::Cases(
            |ctx| components::cases(ctx.repo(), &ctx.dirs.cache, &ctx.out, ctx.tools, ctx.name),
            None,
        ),
    },
    Group {
        name: "debuginfo",
        checks: "DWARF of our backend: every run-pass program at -Cdebuginfo=line-tables-only, 1 and 2 passes \
                 llvm-dwarfdump --verify and runs as before, its lines held to LLVM's; trap backtraces in \
                 wasm-run name tests/debuginfo's marked lines",
        run: Run::Cases(
            |ctx| debuginfo::cases(ctx.repo(), &ctx.out, ctx.tools, ctx.name),
            None,
        ),
    },
    Group {
        name: "fuzz",
        checks: "generated programs (build_system/fuzz/, seeds 0..200) built by LLVM at -O0 and by our \
                 backend at -O0 and -O3, run, our outputs held to LLVM's exactly",
        // Every case writes only its own directory.
        run: Run::Cases(
            |ctx| fuzz::cases(ctx.repo(), &ctx.out, ctx.tools, ctx.name),
            None,
        ),
    },
    Group {
        name: "gc",
        checks: "the wasm crate: native tests, its examples natively, as wasm32 by stable LLVM and \
                 accelerated by our backend",
        // Cargo builds share one target dir: one at a time.
        run: Run::Cases(
            |ctx| gc::cases(ctx.repo(), &ctx.dirs.cache, &ctx.out, ctx.tools, ctx.name),
            Some(1),
        ),
    },
    Group {
        name: "extended",
        checks: "crates from crates.io (tests/extended/crates.txt) with cargo wasm test --release and --dev; \
                 example/resolver; cargo wasm's CLI; incremental reuse",
        // One cargo at a time in the shared target dir; cargo and wasm-run use both cores.
        run: Run::Cases(|ctx| extended::cases(ctx.dirs, &ctx.out, ctx.name), Some(1)),
    },
    Group {
        name: "sysroot_tests",
        checks: "rust-src's coretests and alloctests built by LLVM and by our backend, every test alone in \
                 wasm-run --libtest; tests/sysroot_tests/known-failures.txt lists the exceptions",
        // Two cargo builds, then each harness runs its tests itself.
        run: Run::Driver(|ctx| sysroot_tests::run(ctx.dirs, ctx.tools, &ctx.out, ctx.options)),
    },
    Group {
        name: "web",
        checks: "tests/web built by cargo wasm build --target web (dev and release), loaded by \
                 tests/web/index.html in headless Chromium, the printed text compared; example/web-bindgen \
                 (wasm-bindgen) built and its page compared, its wasm-bindgen-test suites in Node and Chromium",
        // Both builds share one target dir, and Chromium uses both cores by itself.
        run: Run::Cases(
            |ctx| {
                Ok(web::cases(&ctx.dirs.cache, &ctx.out, ctx.tools, ctx.name)
                    .into_iter()
                    .chain(web_bindgen::cases(
                        &ctx.dirs.cache,
                        &ctx.out,
                        ctx.tools,
                        ctx.name,
                    ))
                    .collect())
            },
            Some(1),
        ),
    },
    Group {
        name: "unit",
        checks: "the host tools' own unit tests: cargo test of wasm-run, cargo-wasm and the build system",
        // cargo locks its target dirs anyway, and builds with both cores.
        run: Run::Cases(|ctx| unit::cases(ctx.dirs, ctx.name), Some(1)),
    },
    Group {
        name: "style",
        checks: "rustfmt --check and clippy -D warnings: workspace and build_system (pinned nightly), \
                 the wasm crate (stable)",
        // cargo locks its target dirs anyway; clippy uses both cores by itself.
        run: Run::Cases(|ctx| style::cases(ctx.dirs, ctx.name), Some(1)),
    },
];

/// The run-pass programs against one std (the llvm_sysroot and own_sysroot groups).
fn run_pass_group(ctx: &Ctx, std: run_pass::Std) -> Res<Vec<Case>> {
    run_pass::cases(ctx.repo(), &ctx.out, ctx.tools, ctx.name, std)
}

pub fn find(name: &str) -> Res<&'static Group> {
    GROUPS
        .iter()
        .find(|group| group.name == name)
        .ok_or_else(|| {
            let known: Vec<&str> = GROUPS.iter().map(|group| group.name).collect();
            format!("unknown test group `{name}` (known: {})", known.join(", "))
        })
}

/// The table as `./y.sh test --list` prints it.
pub fn listing() -> String {
    GROUPS
        .iter()
        .map(|group| format!("{:<14} {}\n", group.name, group.checks))
        .collect()
}
