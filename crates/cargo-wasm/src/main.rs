//! `cargo wasm`: the WasmRust cargo subcommand (build, run, test, size, doctor).

mod artifacts;
mod bindgen;
mod build;
mod cli;
mod config;
mod dist;
mod doctor;
mod failure;
mod fingerprint;
mod flags;
mod gc_lowering;
mod help;
mod npm;
mod plan;
mod run;
mod show;
mod size;
mod status;
mod test;
mod toolchain;
mod wasi_libc;
mod wasm_opt;
mod web;

use std::process::ExitCode;

use failure::{Failure, Res};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // Cargo runs `cargo-wasm wasm ARGS`; run directly it is `cargo-wasm ARGS`.
    if args.first().is_some_and(|arg| arg == "wasm") {
        args.remove(0);
    }
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn dispatch(args: &[String]) -> Res<()> {
    let Some((command, rest)) = args.split_first() else {
        print!("{}", help::MAIN);
        return Err(Failure::usage("missing command"));
    };
    match command.as_str() {
        "build" => build::command(rest),
        "run" => run::command(rest),
        "test" => test::command(rest),
        "size" => size::command(rest),
        "doctor" => doctor::command(rest),
        test::RELAY => test::relay(rest),
        "help" | "-h" | "--help" => match rest.first() {
            None => {
                print!("{}", help::MAIN);
                Ok(())
            }
            Some(topic) => {
                let text = help::of(topic)
                    .ok_or_else(|| Failure::usage(format!("no help for `{topic}`")))?;
                print!("{text}");
                Ok(())
            }
        },
        "-V" | "--version" => {
            println!("cargo-wasm {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        other => Err(Failure::usage(format!(
            "unknown command `{other}` (commands: build, run, test, size, doctor, help)"
        ))),
    }
}
