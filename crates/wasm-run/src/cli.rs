//! Command-line parsing for `wasm-run`: runner options first, then the module and its arguments.

use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
usage: wasm-run [OPTIONS] FILE.wasm [ARGS...]
       wasm-run --libtest [OPTIONS] FILE.wasm [LIBTEST ARGS...]
       wasm-run serve [--addr HOST:PORT] [OPTIONS] COMPONENT.wasm

Runs WebAssembly in wasmtime (Cranelift): a WASI preview 1 module (wasm32-wasip1) with WasmGC
enabled, or a component (wasm32-wasip2) with WASI 0.2; the file's header tells which.
stdin/stdout/stderr and the environment are inherited; argv[0] is FILE.wasm.
A module runs its `_start`; a component runs as a wasi:cli/command (its `wasi:cli/run` export).

options (before FILE.wasm):
  --invoke NAME   a module: call the exported function NAME instead of `_start`; ARGS are
                  its parameters (i32/i64/f32/f64), its results are printed one per line
  --invoke 'NAME(ARGS)'
                  a component: call its exported function NAME with ARGS written in WAVE
                  (the WebAssembly Value Encoding, as `wasmtime run --invoke`), e.g.
                  --invoke 'area(rect({x: 2.0, y: 3.0}))', and print each result in WAVE
                  on a line of its own. NAME is a function of the component (`greet`) or of
                  an interface it exports (`wasmrust:abi/shapes#area`; the interface's
                  @VERSION may be left out); a bare name not exported at the top is looked
                  for in the exported interfaces and must be in exactly one. The component
                  need not be a command. No ARGS after FILE.wasm: the call holds them
  --dir PATH      make the host directory PATH visible to the program as PATH
  --no-cache      compile every function again: use neither of the two caches below
  -g, --debug-info
                  for a native debugger (gdb, lldb), like wasmtime's `-D debug-info -O
                  opt-level=0`: the module's DWARF (build it with -g) is translated for the
                  unoptimized compiled code and registered through the GDB JIT interface, so
                  breakpoints, stepping, backtraces, parameters and locals work (gdb misses
                  the locals of nested scopes in LLVM's DWARF: it rejects the DW_AT_ranges
                  wasmtime writes for them, \"no base address\"; our backend's units carry
                  the base address gdb needs). Compiles the whole module (the module
                  cache is off; the per-function one stays on). The breakpoint waits for
                  the module to be compiled:
                    gdb -ex 'set breakpoint pending on' -ex 'break prog.rs:12' -ex run \\
                        --args wasm-run -g prog.wasm
  --max-memory MIB
                  each memory of the program (its linear memory, the GC heap) may grow to
                  MIB mebibytes; growing further fails (Rust's allocator then aborts, a
                  WasmGC allocation traps)
  --collector C   the WasmGC collector: copying (semi-space, collects cycles; the default),
                  drc (deferred reference counting, does not collect cycles) or null (never
                  collects)
  -h, --help      print this help

libtest mode: FILE.wasm is a test harness (`rustc --test`, e.g. `cargo test --no-run`) built
with panic=abort, where a panicking test aborts the whole program: a wasm32-wasip1 module, or
a wasm32-wasip2 component (a wasi:cli/command). It is compiled once; its tests are listed
(`--list`, `--list --ignored`) and each selected test runs alone in a fresh instance
(`NAME --exact --test-threads=1 --nocapture`), with its stdout and stderr captured, so a
panic, trap or hang fails that test only. Output has libtest's shape (`running N tests`,
`test NAME ... ok|FAILED|ignored`, the output of each failure, `test result: ...`).
  --libtest            run FILE.wasm as a libtest harness, as described above
  --jobs N             tests run at the same time (default 2)
  --timeout SECS       a test still running after SECS seconds fails (default 300)
  --summary-json PATH  also write the verdicts to PATH: one JSON object whose \"tests\" array
                       has one element per line: {\"name\":\"..\",\"verdict\":\"ok\"|\"failed\"|
                       \"ignored\",\"reason\":\"..\" (failed only),\"seconds\":S}
  LIBTEST ARGS         FILTER (substring of the test name; several: any), --exact, --skip
                       FILTER, --ignored (run only ignored tests), --include-ignored, --list
                       (print the harness's list), --test-threads N (same as --jobs), --color X (ignored),
                       -q/--quiet (one character per test), --nocapture/--no-capture/
                       --show-output (print the output of passing tests too)

serve: COMPONENT.wasm is a wasi:http/proxy component (it exports wasi:http/incoming-handler),
served over HTTP/1.1 like `wasmtime serve`: every request gets a fresh instance, with WASI 0.2
(stdio and environment inherited, argv[0] COMPONENT.wasm, --dir as above) and wasi:http,
outgoing requests included. Once listening it prints one line to stderr,
`wasm-run: serving http://ADDR/` (ADDR the bound address: with port 0, the port the system
chose), then serves until killed. A request whose handler traps before it gives a response,
or gives none, gets a 500 (a trap after the response head cuts the body short); each trap is
printed to stderr, and the server keeps serving.
  --addr HOST:PORT     where to listen (default 127.0.0.1:8080)
  --dir, --no-cache, -g, --max-memory
                       as above (--max-memory bounds each request's instance)

caches: an unchanged module or component is loaded whole from wasmtime's module cache
($XDG_CACHE_HOME/wasmtime or ~/.cache/wasmtime, bounded by wasmtime). A changed one is
compiled function by function through a per-function cache, so after an edit only the changed
functions are compiled again: in $WASM_RUN_JIT_CACHE_DIR if set, else
$XDG_CACHE_HOME/wasmrust/jit or ~/.cache/wasmrust/jit, where each compilation adds one file;
the least recently used files are deleted when it exceeds 512 MiB or 256 files. Either
directory may be deleted at any time; several runs may share them. WASM_RUN_JIT_CACHE=off
leaves only the module cache (as `wasmtime run` has; `on` is the default); WASM_RUN_JIT_STATS=1
prints how many functions the per-function cache reused and how many were compiled.

trap backtraces: each wasm frame is named (Rust names demangled) and, where the module has
DWARF (built with -g; wasi-libc's functions have it in any case), followed by its source
file:line:column and the functions inlined there. WASMTIME_BACKTRACE_DETAILS=0 leaves the
source locations out (wasmtime's variable, but unset means on here).

host imports: a module may import module `wasm_host` as in crates/wasm/HOST-ABI.md
(ExternRef handles, print, the example objects); WASM_RUN_LIVE_HANDLES=1 reports the handles
still live at exit. A component may import WASI 0.2 (and, under serve, wasi:http) only.

exit status: the program's (a module's proc_exit, or 0 after `_start` returns; a component's
             wasi:cli/exit `exit-with-code(N)` gives N, `exit(err)` or `run` returning err
             gives 1, `run` returning ok gives 0);
             134 when the program traps (like an abort), after the trap message;
             125 when wasm-run itself fails (unreadable file, invalid module or component,
             link error, a component that is not a command run without --invoke, a bad
             --invoke call);
  --libtest: 0 when no selected test failed, 101 when any failed (like `cargo test`),
             125 when the harness cannot be loaded or listed;
  serve:     125 when the component cannot be loaded or is not a wasi:http/proxy, or the
             address cannot be bound";

/// What the user asked for.
pub struct Options {
    pub module: PathBuf,
    /// Arguments after the module path (program arguments, or `--invoke` parameters).
    pub args: Vec<String>,
    pub invoke: Option<String>,
    pub dirs: Vec<String>,
    pub cache: bool,
    /// `-g`: DWARF for a native debugger.
    pub debug_info: bool,
    /// `--max-memory`, in bytes.
    pub max_memory: Option<usize>,
    pub collector: wasmtime::Collector,
}

/// `--libtest`: how to run a test harness.
pub(crate) struct LibtestOptions {
    pub(crate) module: PathBuf,
    pub(crate) dirs: Vec<String>,
    pub(crate) cache: bool,
    pub(crate) debug_info: bool,
    pub(crate) jobs: usize,
    pub(crate) timeout: Duration,
    pub(crate) summary_json: Option<PathBuf>,
    pub(crate) harness: HarnessArgs,
}

/// Which tests `--ignored` / `--include-ignored` select, as in libtest.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RunIgnored {
    No,
    Only,
    Yes,
}

/// The libtest arguments after FILE.wasm that `--libtest` understands.
#[derive(Debug)]
pub(crate) struct HarnessArgs {
    pub(crate) filters: Vec<String>,
    pub(crate) exact: bool,
    pub(crate) skip: Vec<String>,
    pub(crate) run_ignored: RunIgnored,
    pub(crate) list: bool,
    pub(crate) quiet: bool,
    pub(crate) show_output: bool,
    /// `--test-threads N`: overrides `--jobs`.
    pub(crate) test_threads: Option<usize>,
}

impl HarnessArgs {
    /// The arguments that make the harness's `--list` select the same tests.
    pub(crate) fn selection(&self) -> Vec<String> {
        let mut args = self.filters.clone();
        if self.exact {
            args.push("--exact".to_owned());
        }
        for skip in &self.skip {
            args.extend(["--skip".to_owned(), skip.clone()]);
        }
        args
    }
}

/// `serve`: how to serve a wasi:http/proxy component.
pub(crate) struct ServeOptions {
    pub(crate) component: PathBuf,
    /// `HOST:PORT`, resolved when binding.
    pub(crate) addr: String,
    pub(crate) dirs: Vec<String>,
    pub(crate) cache: bool,
    pub(crate) debug_info: bool,
    /// `--max-memory`, in bytes, for each request's instance.
    pub(crate) max_memory: Option<usize>,
}

/// Where `serve` listens unless `--addr` says otherwise: `wasmtime serve`'s port, on loopback
/// only, so that a test server is not reachable from other machines.
pub(crate) const DEFAULT_SERVE_ADDR: &str = "127.0.0.1:8080";

pub enum Parsed {
    Run(Options),
    Libtest(LibtestOptions),
    Serve(ServeOptions),
    Help,
}

/// The default of `--timeout`: generous for a debug build of a slow test (memchr's exhaustive
/// packed-pair test takes over a minute), short enough to end a hang in CI.
const DEFAULT_TIMEOUT_SECS: usize = 300;

pub fn parse(args: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut args = args.peekable();
    if args.peek().is_some_and(|first| first == "serve") {
        args.next();
        return parse_serve(args);
    }
    let mut invoke = None;
    let mut dirs = Vec::new();
    let mut cache = true;
    let mut debug_info = false;
    let mut libtest = false;
    let mut jobs = None;
    let mut timeout = None;
    let mut summary_json = None;
    let mut max_memory = None;
    let mut collector = None;
    let module = loop {
        let Some(arg) = args.next() else {
            return Err("missing FILE.wasm".to_owned());
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--invoke" => invoke = Some(args.next().ok_or("--invoke needs a function name")?),
            "--dir" => dirs.push(args.next().ok_or("--dir needs a path")?),
            "--no-cache" => cache = false,
            "-g" | "--debug-info" => debug_info = true,
            "--max-memory" => max_memory = Some(number("--max-memory", args.next())? << 20),
            "--collector" => {
                collector = Some(match args.next().as_deref() {
                    Some("drc") => wasmtime::Collector::DeferredReferenceCounting,
                    Some("copying") => wasmtime::Collector::Copying,
                    Some("null") => wasmtime::Collector::Null,
                    other => {
                        return Err(format!(
                            "--collector {}: one of drc, copying, null",
                            other.unwrap_or("")
                        ));
                    }
                })
            }
            "--libtest" => libtest = true,
            "--jobs" => jobs = Some(number("--jobs", args.next())?),
            "--timeout" => timeout = Some(number("--timeout", args.next())?),
            "--summary-json" => {
                summary_json = Some(PathBuf::from(
                    args.next().ok_or("--summary-json needs a path")?,
                ));
            }
            // Everything after `--` or the first non-option is the module and its arguments.
            "--" => break args.next().ok_or("missing FILE.wasm after `--`")?,
            option if option.starts_with('-') => return Err(format!("unknown option `{option}`")),
            _ => break arg,
        }
    };
    let module = PathBuf::from(module);
    if libtest {
        if invoke.is_some() {
            return Err("--invoke and --libtest exclude each other".to_owned());
        }
        if max_memory.is_some() || collector.is_some() {
            return Err("--max-memory and --collector are for a program, not --libtest".to_owned());
        }
        let harness = parse_harness_args(args)?;
        return Ok(Parsed::Libtest(LibtestOptions {
            module,
            dirs,
            cache,
            debug_info,
            jobs: harness.test_threads.or(jobs).unwrap_or(2).max(1),
            timeout: Duration::from_secs(timeout.unwrap_or(DEFAULT_TIMEOUT_SECS).max(1) as u64),
            summary_json,
            harness,
        }));
    }
    if jobs.is_some() || timeout.is_some() || summary_json.is_some() {
        return Err("--jobs, --timeout and --summary-json need --libtest".to_owned());
    }
    Ok(Parsed::Run(Options {
        module,
        args: args.collect(),
        invoke,
        dirs,
        cache,
        debug_info,
        max_memory,
        collector: collector.unwrap_or(wasmtime::Collector::Copying),
    }))
}

/// `serve [OPTIONS] COMPONENT.wasm`: nothing may follow the component, which gets no arguments.
fn parse_serve(mut args: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut options = ServeOptions {
        component: PathBuf::new(),
        addr: DEFAULT_SERVE_ADDR.to_owned(),
        dirs: Vec::new(),
        cache: true,
        debug_info: false,
        max_memory: None,
    };
    let component = loop {
        let Some(arg) = args.next() else {
            return Err("serve: missing COMPONENT.wasm".to_owned());
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--addr" => options.addr = args.next().ok_or("--addr needs HOST:PORT")?,
            "--dir" => options.dirs.push(args.next().ok_or("--dir needs a path")?),
            "--no-cache" => options.cache = false,
            "-g" | "--debug-info" => options.debug_info = true,
            "--max-memory" => {
                options.max_memory = Some(number("--max-memory", args.next())? << 20);
            }
            "--" => {
                break args
                    .next()
                    .ok_or("serve: missing COMPONENT.wasm after `--`")?;
            }
            option if option.starts_with('-') => {
                return Err(format!("serve: unknown option `{option}`"));
            }
            _ => break arg,
        }
    };
    if let Some(extra) = args.next() {
        return Err(format!(
            "serve: unexpected `{extra}` after COMPONENT.wasm (a served component gets no arguments)"
        ));
    }
    options.component = PathBuf::from(component);
    Ok(Parsed::Serve(options))
}

fn number(option: &str, value: Option<String>) -> Result<usize, String> {
    let value = value.ok_or(format!("{option} needs a number"))?;
    value
        .parse()
        .map_err(|_| format!("{option} {value}: not a number"))
}

/// The libtest arguments after FILE.wasm. Unknown ones are refused rather than ignored: a
/// silently dropped option would run other tests than the ones asked for.
fn parse_harness_args(mut args: impl Iterator<Item = String>) -> Result<HarnessArgs, String> {
    let mut harness = HarnessArgs {
        filters: Vec::new(),
        exact: false,
        skip: Vec::new(),
        run_ignored: RunIgnored::No,
        list: false,
        quiet: false,
        show_output: false,
        test_threads: None,
    };
    let mut ignored = false;
    let mut include_ignored = false;
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--exact" => harness.exact = true,
            "--skip" => harness.skip.push(value("a filter")?),
            "--ignored" => ignored = true,
            "--include-ignored" => include_ignored = true,
            "--list" => harness.list = true,
            "-q" | "--quiet" => harness.quiet = true,
            "--nocapture" | "--no-capture" | "--show-output" => harness.show_output = true,
            "--test-threads" => {
                harness.test_threads = Some(number("--test-threads", Some(value("a number")?))?)
            }
            // What cargo or a user may add that changes nothing here (our output has no colors).
            "--test" => {}
            "--color" => drop(value("auto, always or never")?),
            option if option.starts_with('-') => {
                return Err(format!(
                    "--libtest: unsupported libtest option `{option}` (see --help)"
                ));
            }
            _ => harness.filters.push(arg),
        }
    }
    harness.run_ignored = match (ignored, include_ignored) {
        (true, true) => return Err("--ignored and --include-ignored exclude each other".to_owned()),
        (true, false) => RunIgnored::Only,
        (false, true) => RunIgnored::Yes,
        (false, false) => RunIgnored::No,
    };
    Ok(harness)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(line: &str) -> Result<Parsed, String> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    fn libtest(line: &str) -> LibtestOptions {
        match parse_words(line) {
            Ok(Parsed::Libtest(options)) => options,
            Ok(_) => panic!("`{line}` did not select libtest mode"),
            Err(message) => panic!("`{line}`: {message}"),
        }
    }

    #[test]
    fn libtest_mode_splits_runner_and_harness_arguments() {
        let options = libtest(
            "--libtest --jobs 3 --timeout 5 --summary-json s.json t.wasm num:: --exact --skip=slow",
        );
        assert_eq!(options.module, PathBuf::from("t.wasm"));
        assert_eq!(options.jobs, 3);
        assert_eq!(options.timeout, Duration::from_secs(5));
        assert_eq!(options.summary_json, Some(PathBuf::from("s.json")));
        assert_eq!(options.harness.filters, ["num::"]);
        assert_eq!(
            options.harness.selection(),
            ["num::", "--exact", "--skip", "slow"]
        );
        assert_eq!(options.harness.run_ignored, RunIgnored::No);
    }

    #[test]
    fn libtest_defaults_and_test_threads() {
        let options = libtest("--libtest t.wasm");
        assert_eq!(options.jobs, 2);
        assert_eq!(
            options.timeout,
            Duration::from_secs(DEFAULT_TIMEOUT_SECS as u64)
        );
        assert!(options.harness.selection().is_empty());
        assert_eq!(libtest("--libtest t.wasm --test-threads=1").jobs, 1);
        assert_eq!(
            libtest("--libtest t.wasm --include-ignored")
                .harness
                .run_ignored,
            RunIgnored::Yes
        );
        assert_eq!(
            libtest("--libtest t.wasm --ignored").harness.run_ignored,
            RunIgnored::Only
        );
    }

    #[test]
    fn libtest_refuses_what_it_would_misread() {
        assert!(parse_words("--libtest t.wasm --bench").is_err());
        assert!(parse_words("--libtest t.wasm --ignored --include-ignored").is_err());
        assert!(parse_words("--libtest --invoke f t.wasm").is_err());
        // Runner options of libtest mode mean nothing for a plain run.
        assert!(parse_words("--jobs 2 t.wasm").is_err());
    }

    #[test]
    fn help_states_the_cache_bound() {
        use crate::jit_cache::{DEFAULT_LIMIT, MAX_PACKS};
        let bound = format!("{} MiB or {MAX_PACKS} files", DEFAULT_LIMIT >> 20);
        assert!(USAGE.contains(&bound), "--help should say {bound}");
    }

    #[test]
    fn debug_info_is_a_runner_option() {
        for line in ["-g p.wasm", "--debug-info p.wasm"] {
            match parse_words(line) {
                Ok(Parsed::Run(options)) => assert!(options.debug_info, "{line}"),
                _ => panic!("`{line}` is not a plain run"),
            }
        }
        assert!(libtest("-g --libtest t.wasm").debug_info);
        // After FILE.wasm, `-g` is the program's.
        match parse_words("p.wasm -g") {
            Ok(Parsed::Run(options)) => {
                assert!(!options.debug_info);
                assert_eq!(options.args, ["-g"]);
            }
            _ => panic!("not a plain run"),
        }
    }

    #[test]
    fn serve_takes_its_options_and_the_component_only() {
        match parse_words("serve --addr 127.0.0.1:0 --dir . --max-memory 2 p.wasm") {
            Ok(Parsed::Serve(options)) => {
                assert_eq!(options.component, PathBuf::from("p.wasm"));
                assert_eq!(options.addr, "127.0.0.1:0");
                assert_eq!(options.dirs, ["."]);
                assert_eq!(options.max_memory, Some(2 << 20));
            }
            _ => panic!("not serve"),
        }
        match parse_words("serve p.wasm") {
            Ok(Parsed::Serve(options)) => assert_eq!(options.addr, DEFAULT_SERVE_ADDR),
            _ => panic!("not serve"),
        }
        assert!(parse_words("serve p.wasm extra").is_err());
        assert!(parse_words("serve --invoke f p.wasm").is_err());
        assert!(parse_words("serve").is_err());
        // `serve` only names the subcommand in the first place.
        match parse_words("p.wasm serve") {
            Ok(Parsed::Run(options)) => assert_eq!(options.args, ["serve"]),
            _ => panic!("not a plain run"),
        }
    }

    #[test]
    fn plain_run_keeps_program_arguments() {
        match parse_words("--dir . p.wasm --exact -x") {
            Ok(Parsed::Run(options)) => {
                assert_eq!(options.args, ["--exact", "-x"]);
                assert_eq!(options.dirs, ["."]);
            }
            _ => panic!("not a plain run"),
        }
    }
}
