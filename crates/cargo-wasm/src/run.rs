//! `cargo wasm run`: builds one program and runs it in wasm-run, passing on its output and exit
//! status, with a hint when it died for lack of threads.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use crate::build;
use crate::cli::{self, Target};
use crate::failure::{Failure, Res, exit_code_of};
use crate::help;
use crate::plan::Plan;
use crate::show;
use crate::status;

/// What std prints when a program on wasm32-wasip1 tries to start a thread (wasi-libc's
/// pthread_create stub fails, or std has no thread support at all).
const NO_THREADS: &[&str] = &[
    "failed to spawn thread",
    "operation not supported on this platform",
];
/// How much of the program's stderr we keep to look for that message.
const STDERR_TAIL: usize = 64 * 1024;

pub(crate) fn command(args: &[String]) -> Res<()> {
    let parsed = cli::parse(args, |_, _| Ok(0))?;
    if parsed.help {
        print!("{}", help::RUN);
        return Ok(());
    }
    let plan = Plan::new(&parsed)?;
    if plan.target == Target::Web {
        return Err(Failure::usage(
            "`cargo wasm run` runs WASI programs; a `--target web` module needs a JavaScript host",
        )
        .fix("use `cargo wasm build --target web` and load the .wasm from your page"));
    }
    let modules = build::build(&plan, &parsed.cargo_args, &Default::default())?;
    let program = build::select(&plan, &parsed.cargo_args, &modules, true)?;
    let mut cmd = Command::new(plan.dist.wasm_run());
    for dir in &plan.config.dirs {
        cmd.args(["--dir", dir]);
    }
    cmd.arg(&program.wasm).args(&parsed.trailing);
    if !plan.quiet {
        let mut line = format!("`wasm-run {}", show::path(&program.wasm));
        for arg in &parsed.trailing {
            line.push(' ');
            line.push_str(arg);
        }
        line.push('`');
        status::status("Running", &line);
    }
    let code = run_forwarding_stderr(&mut cmd)?;
    if code == 0 {
        Ok(())
    } else {
        Err(Failure::reported(code))
    }
}

/// Runs wasm-run with stdin and stdout inherited; stderr passes through us so that a thread
/// failure can be explained after the program's own message.
fn run_forwarding_stderr(cmd: &mut Command) -> Res<u8> {
    let mut child = cmd
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::setup(format!("cannot start wasm-run: {e}")))?;
    let mut tail: Vec<u8> = Vec::new();
    if let Some(mut stderr) = child.stderr.take() {
        let mut buffer = [0u8; 8192];
        let mut out = std::io::stderr();
        while let Ok(n) = stderr.read(&mut buffer) {
            if n == 0 {
                break;
            }
            let _ = out.write_all(&buffer[..n]);
            tail.extend_from_slice(&buffer[..n]);
            if tail.len() > 2 * STDERR_TAIL {
                tail.drain(..tail.len() - STDERR_TAIL);
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| Failure::setup(format!("wasm-run did not finish: {e}")))?;
    let code = exit_code_of(status);
    let tail = String::from_utf8_lossy(&tail);
    if code != 0 && NO_THREADS.iter().any(|message| tail.contains(message)) {
        status::note(
            "wasm32-wasip1 has no threads: std::thread::spawn fails there, so the program (and \
             every crate it uses, e.g. a thread pool) must run on the main thread",
        );
    }
    Ok(code)
}
