//! The options every building command shares (`--dev`/`--release`, `--target`), split from the
//! arguments that go on to cargo.

use crate::failure::{Failure, Res};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// Our backend (rustc_codegen_wasmgc) and our sysroot.
    Dev,
    /// rustc + LLVM, the release profile, then wasm-opt.
    Release,
}

impl Mode {
    pub(crate) fn parse(value: &str) -> Option<Mode> {
        match value {
            "dev" => Some(Mode::Dev),
            "release" => Some(Mode::Release),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Mode::Dev => "dev",
            Mode::Release => "release",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Target {
    /// wasm32-wasip1: runs in wasm-run.
    Wasi,
    /// wasm32-unknown-unknown: for a JavaScript host.
    Web,
    /// wasm32-wasip2: a component (WASI 0.2), linked by wasm-component-ld; runs in wasm-run.
    Component,
}

impl Target {
    pub(crate) fn triple(self) -> &'static str {
        match self {
            Target::Wasi => "wasm32-wasip1",
            Target::Web => "wasm32-unknown-unknown",
            Target::Component => "wasm32-wasip2",
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Target::Wasi => "wasi",
            Target::Web => "web",
            Target::Component => "wasip2",
        }
    }

    /// Whether the program runs on WASI in wasm-run (a module or a component).
    pub(crate) fn is_wasi(self) -> bool {
        matches!(self, Target::Wasi | Target::Component)
    }

    /// `wasi`, `web`, `wasip2` or their triples; other wasm targets get an explanation.
    pub(crate) fn parse(value: &str) -> Res<Target> {
        match value {
            "wasi" | "wasm32-wasip1" | "wasm32-wasi" => Ok(Target::Wasi),
            "web" | "wasm32-unknown-unknown" => Ok(Target::Web),
            "wasm32-wasip1-threads" => Err(Failure::setup(
                "target wasm32-wasip1-threads is not supported: cargo wasm builds single-threaded \
                 modules (no shared memory, no wasi thread-spawn)",
            )
            .fix("use `--target wasi`; code that spawns threads fails at run time there")),
            "wasip2" | "component" | "wasm32-wasip2" => Ok(Target::Component),
            other => Err(Failure::usage(format!(
                "unknown target `{other}`: expected `wasi` (wasm32-wasip1), `web` \
                 (wasm32-unknown-unknown) or `wasip2` (wasm32-wasip2, components)"
            ))),
        }
    }
}

/// A command line after our own options were taken out.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) mode: Option<Mode>,
    pub(crate) target: Option<Target>,
    /// `--gc accelerate|library`: overrides the manifest's `gc` for this command.
    pub(crate) accelerate_gc: Option<bool>,
    pub(crate) help: bool,
    /// Everything before `--` that is not ours, in order: for cargo.
    pub(crate) cargo_args: Vec<String>,
    /// Everything after `--` (program or libtest arguments).
    pub(crate) trailing: Vec<String>,
    /// Whether there was a `--` at all.
    pub(crate) has_separator: bool,
}

/// Takes `--dev`, `--release`, `--target T` and `-h`/`--help` out of `args`; `extra` lets a
/// command claim more of its own options (returns how many arguments it consumed, 0 if none).
pub(crate) fn parse(
    args: &[String],
    mut extra: impl FnMut(&str, Option<&String>) -> Res<usize>,
) -> Res<Parsed> {
    let mut parsed = Parsed::default();
    let mut index = 0;
    while index < args.len() {
        let arg = args[index].as_str();
        let next = args.get(index + 1);
        index += 1;
        match arg {
            "--" => {
                parsed.has_separator = true;
                parsed.trailing = args[index..].to_vec();
                break;
            }
            "-h" | "--help" => parsed.help = true,
            "--dev" | "--release" => {
                let mode = if arg == "--dev" {
                    Mode::Dev
                } else {
                    Mode::Release
                };
                if parsed.mode.is_some_and(|old| old != mode) {
                    return Err(Failure::usage("`--dev` and `--release` exclude each other"));
                }
                parsed.mode = Some(mode);
            }
            "--target" => {
                let value = next.ok_or_else(|| Failure::usage("`--target` needs a value"))?;
                parsed.target = Some(Target::parse(value)?);
                index += 1;
            }
            "--message-format" => {
                return Err(Failure::usage(
                    "`--message-format` is not supported: cargo wasm reads cargo's JSON messages \
                     itself",
                ));
            }
            _ if arg.starts_with("--message-format=") => {
                return Err(Failure::usage(
                    "`--message-format` is not supported: cargo wasm reads cargo's JSON messages \
                     itself",
                ));
            }
            _ if arg.starts_with("--target=") => {
                parsed.target = Some(Target::parse(&arg["--target=".len()..])?);
            }
            "--gc" => {
                let value = next.ok_or_else(|| Failure::usage("`--gc` needs a value"))?;
                parsed.accelerate_gc = Some(parse_gc(value)?);
                index += 1;
            }
            _ if arg.starts_with("--gc=") => {
                parsed.accelerate_gc = Some(parse_gc(&arg["--gc=".len()..])?);
            }
            _ => match extra(arg, next)? {
                0 => parsed.cargo_args.push(arg.to_owned()),
                consumed => index += consumed - 1,
            },
        }
    }
    Ok(parsed)
}

/// `accelerate` or `library`, as the manifest's `gc` key says it.
fn parse_gc(value: &str) -> Res<bool> {
    match value {
        "accelerate" => Ok(true),
        "library" => Ok(false),
        _ => Err(Failure::usage(format!(
            "`--gc {value}`: expected `accelerate` (WasmGC) or `library` (the `wasm` crate's \
             library implementation)"
        ))),
    }
}

/// The value of a cargo option in `args` (`--long V`, `--long=V`, `-s V`, `-sV`), last one wins.
pub(crate) fn option_value(args: &[String], long: &str, short: Option<&str>) -> Option<String> {
    let mut found = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == long || short.is_some_and(|short| arg == short) {
            found = iter.next().cloned();
        } else if let Some(value) = arg
            .strip_prefix(long)
            .and_then(|rest| rest.strip_prefix('='))
        {
            found = Some(value.to_owned());
        } else if let Some(value) = short
            .and_then(|short| arg.strip_prefix(short))
            .filter(|value| !value.is_empty() && !arg.starts_with("--"))
        {
            found = Some(value.to_owned());
        }
    }
    found
}

/// Whether any of `flags` (exact words, or `--flag=...`) is among `args`.
pub(crate) fn has_flag(args: &[String], flags: &[&str]) -> bool {
    args.iter().any(|arg| {
        flags.iter().any(|flag| {
            arg == flag
                || arg
                    .strip_prefix(flag)
                    .is_some_and(|rest| rest.starts_with('='))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|word| (*word).to_owned()).collect()
    }

    #[test]
    fn splits_our_options_from_cargos() {
        let args = strings(&["--release", "-p", "app", "--target=web", "--", "x", "--dev"]);
        let parsed = parse(&args, |_, _| Ok(0)).ok().unwrap();
        assert_eq!(parsed.mode, Some(Mode::Release));
        assert_eq!(parsed.target, Some(Target::Web));
        assert_eq!(parsed.cargo_args, strings(&["-p", "app"]));
        assert_eq!(parsed.trailing, strings(&["x", "--dev"]));
        assert!(parsed.has_separator);
    }

    #[test]
    fn takes_the_gc_choice_in_both_spellings() {
        let args = strings(&["--gc", "library", "-p", "app"]);
        let parsed = parse(&args, |_, _| Ok(0)).ok().unwrap();
        assert_eq!(parsed.accelerate_gc, Some(false));
        assert_eq!(parsed.cargo_args, strings(&["-p", "app"]));
        let parsed = parse(&strings(&["--gc=accelerate"]), |_, _| Ok(0))
            .ok()
            .unwrap();
        assert_eq!(parsed.accelerate_gc, Some(true));
        let failure = parse(&strings(&["--gc", "fast"]), |_, _| Ok(0))
            .err()
            .unwrap();
        assert_eq!(failure.code, crate::failure::USAGE_EXIT);
    }

    #[test]
    fn rejects_both_modes() {
        let args = strings(&["--dev", "--release"]);
        let failure = parse(&args, |_, _| Ok(0)).err().unwrap();
        assert_eq!(failure.code, crate::failure::USAGE_EXIT);
    }

    #[test]
    fn finds_option_values_in_every_spelling() {
        let args = strings(&["-papp", "--bin", "one", "--manifest-path=x/Cargo.toml"]);
        assert_eq!(
            option_value(&args, "--package", Some("-p")).as_deref(),
            Some("app")
        );
        assert_eq!(option_value(&args, "--bin", None).as_deref(), Some("one"));
        assert_eq!(
            option_value(&args, "--manifest-path", None).as_deref(),
            Some("x/Cargo.toml")
        );
        assert!(has_flag(&args, &["--bin"]));
        assert!(!has_flag(&args, &["--example"]));
    }

    #[test]
    fn explains_unsupported_targets() {
        let failure = Target::parse("wasm32-wasip1-threads").err().unwrap();
        assert!(failure.message.unwrap().contains("single-threaded"));
        assert_eq!(
            Target::parse("wasm32-unknown-unknown").ok(),
            Some(Target::Web)
        );
    }
}
