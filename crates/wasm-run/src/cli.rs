//! Command-line parsing for `wasm-run`: runner options first, then the module and its arguments.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: wasm-run [OPTIONS] FILE.wasm [ARGS...]

Runs a WASI preview 1 module in wasmtime (Cranelift) with WasmGC enabled.
stdin/stdout/stderr and the environment are inherited; argv[0] is FILE.wasm.

options (before FILE.wasm):
  --invoke NAME   call the exported function NAME instead of `_start`; ARGS are
                  its parameters (i32/i64/f32/f64), its results are printed
  --dir PATH      make the host directory PATH visible to the program as PATH
  --no-cache      do not use the compiled-module cache
  -h, --help      print this help

host imports: module `wasm_host` as in crates/wasm/HOST-ABI.md (ExternRef handles, print,
the example objects); WASM_RUN_LIVE_HANDLES=1 reports the handles still live at exit.

exit status: the program's (proc_exit or 0 after `_start` returns);
             134 when the program traps (like an abort), after the trap message;
             125 when wasm-run itself fails (unreadable file, invalid module, link error)";

/// What the user asked for.
pub struct Options {
    pub module: PathBuf,
    /// Arguments after the module path (program arguments, or `--invoke` parameters).
    pub args: Vec<String>,
    pub invoke: Option<String>,
    pub dirs: Vec<String>,
    pub cache: bool,
}

pub enum Parsed {
    Run(Options),
    Help,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut invoke = None;
    let mut dirs = Vec::new();
    let mut cache = true;
    let module = loop {
        let Some(arg) = args.next() else {
            return Err("missing FILE.wasm".to_owned());
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--invoke" => invoke = Some(args.next().ok_or("--invoke needs a function name")?),
            "--dir" => dirs.push(args.next().ok_or("--dir needs a path")?),
            "--no-cache" => cache = false,
            // Everything after `--` or the first non-option is the module and its arguments.
            "--" => break args.next().ok_or("missing FILE.wasm after `--`")?,
            option if option.starts_with('-') => return Err(format!("unknown option `{option}`")),
            _ => break arg,
        }
    };
    Ok(Parsed::Run(Options {
        module: PathBuf::from(module),
        args: args.collect(),
        invoke,
        dirs,
        cache,
    }))
}
