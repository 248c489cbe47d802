//! The `--help` text of every command.

pub(crate) const MAIN: &str = "\
cargo-wasm: build, run, test and measure Rust packages for WebAssembly with WasmRust

usage: cargo wasm COMMAND [OPTIONS] [CARGO OPTIONS...]

commands:
  build    compile to .wasm; prints where each module went and its size
  run      build, then run the program in wasm-run (wasmtime; WASI preview 1 modules with
           WasmGC on, WASI 0.2 components)
  test     build the test harnesses and run them in wasm-run, each test in a fresh instance;
           --target web: wasm-bindgen-test suites in Node or headless Chromium
  size     section-by-section size of a module, largest functions first
  doctor   check toolchain, components, sysroots, wasi-libc, wasm-run and wasm-opt
  help [COMMAND | config]
           this text, a command's help, or the [package.metadata.wasm] keys

modes (build, run, test, size):
  --dev        the default: rustc with WasmRust's backend (rustc_codegen_wasmgc) and the
               sysroot of dist/, cargo's `dev` profile; panics unwind (WebAssembly exception
               handling) with --target wasi unless [profile.dev] says `panic = \"abort\"`
  --release    rustc with LLVM and the LLVM-built sysroot, cargo's `release` profile; build,
               run and size then run wasm-opt (Binaryen) on each module (NAME.opt.wasm; not on
               components, which wasm-opt cannot read)

the `wasm` crate (build, run, test, size):
  --gc accelerate
               the default for modules: its Gc/GcArray/ExternRef are WasmGC objects and
               externrefs. --dev: our backend lowers them; --release: LLVM compiles the
               crate's release form (--cfg wasm_gc_imports) and each linked module is lowered
               to WasmGC before wasm-opt (the \"Lowered\" line; dist/bin/wasm-gc-lower does the
               same for any module). Refused for components and wasm-bindgen packages
  --gc library its portable library implementation (reference counting in linear memory,
               i32 handles at host imports); overrides the manifest's `gc`

targets:
  --target wasi   the default: wasm32-wasip1, runs in wasm-run
  --target web    wasm32-unknown-unknown, for a browser or Node (build, size, test): a
                  module that uses wasm-bindgen goes through the wasm-bindgen CLI of the
                  version in Cargo.lock into pkg/, as with wasm-pack; any other gets NAME.js,
                  an ES module that loads NAME.wasm
  --target wasip2 wasm32-wasip2: a component (WASI 0.2), linked by wasm-component-ld; run
                  and test run it in wasm-run. The `wasm` crate's library implementation
                  is used (no WasmGC lowering inside components); no -Cpanic=unwind

Everything else (-p, --bin, --features, --manifest-path, -v, -q, ...) goes to cargo.
Every command runs the pinned toolchain (rust-toolchain.toml of WasmRust), from any directory.

environment:
  WASMRUST_DIST   the dist/ to use (default: the one this cargo-wasm is installed in)
  WASM_OPT        the wasm-opt to run for --release (default: dist/bin/wasm-opt)
  WASMRUST_CACHE_DIR
                  where wasm-bindgen-cli is installed, per version (default:
                  $XDG_CACHE_HOME/wasmrust, else ~/.cache/wasmrust)
  CHROMEDRIVER    the chromedriver of `test --target web --chrome` (default: on PATH)
  RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS
                  added after cargo wasm's own rustc flags (see `cargo wasm help config`)

exit status:
  0    success
  1    a setup problem (missing toolchain, sysroot, wasm-opt; bad configuration; an
       unsupported target feature); `cargo wasm doctor` says how to fix it
  2    a command-line mistake
  101  cargo failed (compile errors, failing tests), as with cargo itself
  run: the program's own exit status once it started (134 when it trapped or panicked,
       125 when wasm-run could not start it)
";

pub(crate) const BUILD: &str = "\
cargo wasm build: compile the package to WebAssembly

usage: cargo wasm build [--dev | --release] [--target wasi | web | wasip2] [--gc accelerate | library]
                        [--out-dir DIR]
                        [--js-target web | bundler | nodejs | no-modules] [CARGO BUILD OPTIONS...]

  --dev        (default) our backend and dist/'s sysroot, `dev` profile:
               target/wasm32-wasip1/debug/NAME.wasm
  --release    LLVM, `release` profile, the WasmGC lowering of the `wasm` crate's release
               form (unless --gc library), then wasm-opt (flags from [package.metadata.wasm]
               `wasm-opt`, default -O3): target/wasm32-wasip1/release/NAME.opt.wasm
  --target T   wasi (default, wasm32-wasip1), web (wasm32-unknown-unknown) or wasip2
               (wasm32-wasip2: a component, target/wasm32-wasip2/PROFILE/NAME.wasm; release
               components are not run through wasm-opt)
  --out-dir DIR
               --target web, wasm-bindgen modules: where wasm-bindgen writes (default: pkg/
               beside the package's Cargo.toml, as wasm-pack)
  --js-target T
               --target web, wasm-bindgen modules: the JS that wasm-bindgen writes, as
               wasm-pack's --target: web (default; an ES module whose default export `init`
               loads the .wasm), bundler, nodejs (CommonJS) or no-modules

Cargo's progress goes to stderr as usual; then one line per module with its path and size.
Bins and examples give .wasm programs, a `cdylib` library gives a .wasm library; a plain
library only gives an .rlib (a warning says so). `--message-format` is not supported.

With --target web, a module that uses wasm-bindgen (its `#[wasm_bindgen]` items leave a
`__wasm_bindgen_unstable` section or wasm-bindgen imports in it) goes through the wasm-bindgen
CLI of exactly the wasm-bindgen version in Cargo.lock: pkg/NAME.js, pkg/NAME_bg.wasm and their
TypeScript declarations (`JS` and `Wasm` lines say where), and the npm package around them as
wasm-pack writes it: package.json (name, version, description, license, repository from
Cargo.toml; files, `main` or for no-modules `browser`, `types`; a `Package` line says where), the
crate's README and LICENSE files, and a .gitignore of `*`. That CLI is installed on first use
by `cargo install wasm-bindgen-cli --version =V --locked` into
~/.cache/wasmrust/wasm-bindgen/V (built from source: minutes, once per version); a
wasm-bindgen of that version on PATH, with wasm-bindgen-test-runner beside it, is used instead.
--dev passes wasm-bindgen `--debug` (checks in the JS glue), as wasm-pack does; --release runs
wasm-opt on NAME_bg.wasm, after wasm-bindgen (which needs the sections wasm-opt would strip).

Any other module gets cargo wasm's own loader next to it, NAME.js (a `Loader` line says where),
made from the module's imports and exports. It exports
  async function load(host = {}, options = {})
which fetches the module (options.url, default: next to NAME.js), instantiates it, runs its
`main` (bins and examples) and returns its exports. It provides `wasm_host.print` (the text
goes to options.print, default console.log) and takes the other `wasm_host` imports from
`host`: an object of JS functions, or `(guest) => functions`, where guest.text(ptr, len),
guest.bytes(ptr, len) and guest.write(ptr, len, text) reach the module's memory.
ExternRef host functions get and return JS values: in --dev (WasmGC acceleration) the
imports take `externref`s; where they take i32 handles (--release, `gc = \"library\"`) the
loader keeps the handle table, and options.handles says which positions are handles, e.g.
  { touch: { params: [0] }, make_object: { result: true } }
(wasm parameter indices; a &str counts two); undeclared positions stay numbers.
";

pub(crate) const RUN: &str = "\
cargo wasm run: build the program, then run it in wasm-run

usage: cargo wasm run [--dev | --release] [CARGO BUILD OPTIONS...] [-- PROGRAM ARGS...]

Runs the bin target (`--bin NAME`, `--example NAME`, `default-run`, or the only one) in
wasm-run: wasmtime with WASI preview 1 and WasmGC, or with `--target wasip2` as a WASI 0.2
command component. stdin, stdout, stderr and the environment
are the program's; the host directories of [package.metadata.wasm] `dirs` are visible to it.
With --release the wasm-opt output (NAME.opt.wasm) runs.

exit status: the program's (its `std::process::exit` code, 0 when main returns; 101 after an
uncaught panic that unwound, the --dev default); 134 when it trapped (a panic with panic=abort:
--release, --target web or wasip2, `panic = \"abort\"`), with a backtrace naming file:line;
125 when wasm-run could not start it; before that, as for build.
When the program failed because wasm32-wasip1 has no threads, a note says so.
";

pub(crate) const TEST: &str = "\
cargo wasm test: build the test harnesses and run them in wasm-run

usage: cargo wasm test [--dev | --release] [--target wasi | wasip2 | web [--node | --chrome]]
                       [CARGO TEST OPTIONS...] [-- LIBTEST ARGS...]

Builds every test target (`cargo test --tests`: unit tests of the lib and bins, tests/*.rs)
and runs each harness through `wasm-run --libtest`, which runs every test in a fresh instance,
so a failing test ends only that test. In --dev with --target wasi the harnesses unwind, as
natively: panics are caught and `#[should_panic]` tests run. Where panics abort (--release,
wasip2, `panic = \"abort\"`, -Cpanic=abort) the harnesses are built with
`-Zpanic-abort-tests` and libtest reports `#[should_panic]` tests as ignored. The output is
libtest's, so `test result: ok. N passed; M failed; ...` lines appear as with cargo test.
Filters and libtest options go after `--`, e.g. `cargo wasm test -- parse --exact`.
--release builds the harnesses with LLVM and the release profile (no wasm-opt).
Doctests are not run (`--doc` is refused); select targets with --lib, --test NAME, ... .

--target web runs wasm-bindgen-test suites (`#[wasm_bindgen_test]` functions, with
wasm-bindgen-test in [dev-dependencies]) with wasm-bindgen-test-runner as cargo's runner, of
the wasm-bindgen version in Cargo.lock (installed as for `cargo wasm build --target web`):
  --node     (default) in Node (`node` on PATH); suites configured
             `wasm_bindgen_test_configure!(run_in_browser)` are skipped, with a line saying so
  --chrome   in headless Chromium through chromedriver ($CHROMEDRIVER, else on PATH): every
             suite, configured or not (except those configured for Node)
Each suite prints `running N tests`, a line per test and `test result: ok. N passed; ...`.
After `--` go the runner's filter and options (--exact, --skip, --include-ignored, --nocapture).

exit status: 0 when every test passed, 101 when a test failed or a build failed.
";

pub(crate) const SIZE: &str = "\
cargo wasm size: where the bytes of a module go

usage: cargo wasm size [--dev | --release] [-n N] [FILE.wasm | CARGO BUILD OPTIONS...]

Builds (as `cargo wasm build`) and picks the module like `cargo wasm run` does, or reads
FILE.wasm. Prints every section with its size (code, data, type, import, custom sections
such as \"name\" and .debug_*), largest first, then the N largest functions (default 20) by
code bytes, with demangled names from the name section. Of a component (--target wasip2),
its own core module (the largest one inside), as the first line says.
  -n, --top N   how many functions to list
";

pub(crate) const DOCTOR: &str = "\
cargo wasm doctor: check that everything cargo wasm needs is in place

usage: cargo wasm doctor

Checks the pinned toolchain and its components (rust-src, rust-lld, wasm32-unknown-unknown),
the backend, the dev and release sysroots, wasi-libc (Debian's, and the sysroots' copies),
wasm-run and wasm-opt, then compiles and runs a hello world in both modes; for `--target web`
with wasm-bindgen, Node, chromedriver and the wasm-bindgen CLIs already installed (warnings
only). Each problem comes with the command that fixes it.

exit status: 0 when nothing is wrong (warnings allowed), 1 otherwise.
";

pub(crate) const CONFIG: &str = "\
[package.metadata.wasm]: defaults for flags you would otherwise repeat

  [package.metadata.wasm]
  mode = \"dev\"                 # or \"release\": the mode without --dev/--release
  target = \"wasi\"              # or \"web\", \"wasip2\": the target without --target
  gc = \"accelerate\"           # both modes: the `wasm` crate's Gc/GcArray/ExternRef as WasmGC
                               # objects and externrefs; \"library\": its portable fallback
                               # (always for --target wasip2, and for wasm-bindgen packages:
                               # their CLI cannot read WasmGC); --gc wins over it
  rustflags = [\"-Cdebuginfo=0\"] # extra rustc flags for the wasm crates, both modes
  wasm-opt = [\"-Oz\"]           # wasm-opt flags for --release (default [\"-O3\"]); false: skip it
  dirs = [\"data\"]              # host directories the program may open (run, test)

The table of the package cargo selects (-p, --manifest-path, or the one around the current
directory) is used; at a virtual workspace root, [workspace.metadata.wasm]. Command-line flags
win over the table. Relative `dirs` are relative to where the program runs: the current
directory for `run`, the package root for `test`.
RUSTFLAGS / CARGO_ENCODED_RUSTFLAGS from the environment are added after `rustflags`;
rustflags in .cargo/config.toml are NOT used (cargo wasm passes its own flags). The panic
strategy: the last `-Cpanic=` of these flags; without one, --dev --target wasi unwinds (the std
our backend built with unwinding, dist/sysroot-unwind) unless the workspace's [profile.dev]
(or CARGO_PROFILE_DEV_PANIC) says `panic = \"abort\"`, and everything else aborts (release
links LLVM's panic=abort std; wasm-bindgen's CLI cannot read unwinding code; components have no
unwinding std yet). `-Cpanic=unwind` elsewhere is refused with the reason.
";

/// The help of one command, for `cargo wasm help COMMAND`.
pub(crate) fn of(command: &str) -> Option<&'static str> {
    Some(match command {
        "build" => BUILD,
        "run" => RUN,
        "test" => TEST,
        "size" => SIZE,
        "doctor" => DOCTOR,
        "config" => CONFIG,
        _ => return None,
    })
}
