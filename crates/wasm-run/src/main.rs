//! `wasm-run FILE.wasm [ARGS...]`: runs a WASI p1 + WasmGC module or a WASI 0.2 component and
//! exits with its status.

mod cli;
mod component;
mod host;
mod jit_cache;
mod libtest;
mod run;
mod serve;
mod wave;

use std::process::ExitCode;

use wasmtime_wasi::I32Exit;

/// Exit status when the program traps: what a native `abort()` (SIGABRT) gives in a shell.
const TRAP_EXIT: u8 = 134;
/// Exit status when the runner itself fails before the program runs.
pub(crate) const SETUP_EXIT: u8 = 125;

/// Stack for the host's own frames (wasmtime, WASI, compilation) beside the wasm stack.
pub(crate) const HOST_STACK_MARGIN: usize = 8 << 20;

fn main() -> ExitCode {
    // Wasm runs on the native stack of the calling thread, and the main thread's (8 MiB) cannot
    // hold run::WASM_STACK plus the host's frames: a deep recursion would crash the runner instead
    // of trapping. So everything runs on a thread with room for both.
    let runner = std::thread::Builder::new()
        .name("wasm-run".to_owned())
        .stack_size(run::WASM_STACK + HOST_STACK_MARGIN)
        .spawn(run_main);
    match runner.map(|thread| thread.join()) {
        Ok(Ok(status)) => status,
        Ok(Err(_panic)) => ExitCode::from(SETUP_EXIT),
        Err(error) => {
            eprintln!("wasm-run: cannot start the runner thread: {error}");
            ExitCode::from(SETUP_EXIT)
        }
    }
}

fn run_main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(cli::Parsed::Run(options)) => options,
        Ok(cli::Parsed::Libtest(options)) => return libtest::main(&options),
        Ok(cli::Parsed::Serve(options)) => return serve::main(&options),
        Ok(cli::Parsed::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("wasm-run: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(SETUP_EXIT);
        }
    };
    if component::is_component(&options.module) {
        return run_component(&options);
    }
    let mut prepared = match run::prepare(&options) {
        Ok(prepared) => prepared,
        Err(run::SetupError(error)) => return setup_failure(&error),
    };
    let status = match &options.invoke {
        None => program_outcome(prepared.run_command()),
        Some(name) => invoke_outcome(prepared.invoke(name, &options.args)),
    };
    if std::env::var_os("WASM_RUN_LIVE_HANDLES").is_some_and(|value| value == "1") {
        // Leak check for ExternRef users: 0 when every handle was dropped.
        eprintln!(
            "wasm-run: live ExternRef handles at exit: {}",
            prepared.live_handles()
        );
    }
    status
}

/// A component: run as a `wasi:cli/command`, or one export called (`--invoke`).
fn run_component(options: &cli::Options) -> ExitCode {
    if options.invoke.is_some() && !options.args.is_empty() {
        eprintln!(
            "wasm-run: a component's --invoke takes its arguments in WAVE inside the call, \
             e.g. --invoke 'add(1, 2)', not after the file"
        );
        return ExitCode::from(SETUP_EXIT);
    }
    let mut prepared = match component::prepare(options) {
        Ok(prepared) => prepared,
        Err(run::SetupError(error)) => return setup_failure(&error),
    };
    match &options.invoke {
        None => match prepared.command() {
            Ok(command) => program_outcome(prepared.run(&command)),
            Err(run::SetupError(error)) => setup_failure(&error),
        },
        Some(call) => invoke_outcome(prepared.invoke(call)),
    }
}

/// Prints the results of `--invoke`, one per line, or says why there are none.
fn invoke_outcome(result: Result<Vec<String>, run::InvokeError>) -> ExitCode {
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(run::InvokeError::Setup(message)) => {
            eprintln!("wasm-run: {message}");
            ExitCode::from(SETUP_EXIT)
        }
        Err(run::InvokeError::Program(error)) => program_outcome(Err(error)),
    }
}

fn setup_failure(error: &wasmtime::Error) -> ExitCode {
    eprintln!("wasm-run: {error:?}");
    ExitCode::from(SETUP_EXIT)
}

/// Maps how the program ended to our exit status.
fn program_outcome(result: wasmtime::Result<()>) -> ExitCode {
    let error = match result {
        Ok(()) => return ExitCode::SUCCESS,
        Err(error) => error,
    };
    if let Some(I32Exit(status)) = error.downcast_ref::<I32Exit>() {
        // WASI p1 only allows statuses in 0..126 and a component's `exit-with-code` takes a
        // u8, so this always fits.
        return ExitCode::from(*status as u8);
    }
    // A trap, or a host function that failed: the program ended abnormally.
    // `{:?}` prints the trap message together with the wasm backtrace.
    eprintln!("wasm-run: program trapped: {error:?}");
    ExitCode::from(TRAP_EXIT)
}
