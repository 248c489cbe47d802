//! The WasmRust build system run by `./y.sh`: parses the command line and dispatches to each command.

mod bench;
mod binaryen;
mod build;
mod dirs;
mod fsutil;
mod fuzz;
mod hash;
mod library_overlay;
mod prepare;
mod process;
mod test;
mod toolchain;
mod wasm_module;

use std::process::ExitCode;

use crate::dirs::Dirs;
use crate::toolchain::Toolchain;

const USAGE: &str = include_str!("usage.txt");

/// Errors travel up as messages: the build system only reports them.
pub type Res<T> = Result<T, String>;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let result = match command.as_deref() {
        Some("prepare") => no_options(&rest).and_then(|()| with_setup(prepare::prepare)),
        Some("build") => no_options(&rest).and_then(|()| with_setup(build::build)),
        Some("test") => {
            let mut all_passed = false;
            let result = test::Options::parse(&rest).and_then(|options| {
                with_setup(|dirs, toolchain| {
                    all_passed = test::test(dirs, toolchain, &options)?;
                    Ok(())
                })
            });
            if result.is_ok() && !all_passed {
                // Failures are reported and the summary is the last line: no extra message.
                return ExitCode::FAILURE;
            }
            result
        }
        Some("bench") => bench::Options::parse(&rest).and_then(|options| {
            with_setup(|dirs, toolchain| bench::bench(dirs, toolchain, &options))
        }),
        Some("fuzz") => fuzz::Options::parse(&rest)
            .and_then(|options| Dirs::find().and_then(|dirs| fuzz::fuzz(&dirs, &options))),
        Some("clean") => {
            no_options(&rest).and_then(|()| Dirs::find().and_then(|dirs| dirs.clean()))
        }
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(format!("missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\n[y.sh] error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn no_options(rest: &[String]) -> Res<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
    }
}

fn with_setup(command: impl FnOnce(&Dirs, &Toolchain) -> Res<()>) -> Res<()> {
    let dirs = Dirs::find()?;
    let toolchain = Toolchain::detect(&dirs)?;
    command(&dirs, &toolchain)
}
