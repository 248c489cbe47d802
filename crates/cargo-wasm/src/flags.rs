//! The rustc flags of a wasm build (backend, sysroot, panic strategy) and the checks of the
//! target features a user asks for.

use std::path::Path;

use crate::cli::{Mode, Target};
use crate::failure::{Failure, Res};

/// Target features LLVM knows for wasm32 (rustc's list for this target).
const KNOWN_FEATURES: &[&str] = &[
    "atomics",
    "bulk-memory",
    "exception-handling",
    "extended-const",
    "fp16",
    "gc",
    "multimemory",
    "multivalue",
    "mutable-globals",
    "nontrapping-fptoint",
    "reference-types",
    "relaxed-simd",
    "sign-ext",
    "simd128",
    "tail-call",
    "wide-arithmetic",
];

/// Features that need threads: shared memory and a thread-spawn import wasm-run does not offer.
const THREAD_FEATURES: &[&str] = &["atomics"];

/// Features whose instructions our backend does not emit. (`simd128` code it computes element by
/// element, so a build that asks for it compiles; relaxed SIMD it does not.)
const NOT_IN_DEV: &[&str] = &["relaxed-simd", "exception-handling", "fp16"];

/// The flags before the user's: what makes a build `--dev` or `--release`, and the panic
/// strategy (`unwind`: our unwinding std; the user's own `-Cpanic=` comes later and agrees).
pub(crate) fn base(
    mode: Mode,
    backend: &Path,
    sysroot: Option<&Path>,
    unwind: bool,
) -> Vec<String> {
    let mut flags = Vec::new();
    if mode == Mode::Dev {
        flags.push(format!("-Zcodegen-backend={}", backend.display()));
        // No `-Cdebuginfo`: cargo's profile decides (`debug = 2` in `dev` unless the project
        // says otherwise), as with LLVM; our backend writes each level (README, debug info).
    }
    if let Some(sysroot) = sysroot {
        flags.push("--sysroot".to_owned());
        flags.push(sysroot.display().to_string());
    }
    // wasm targets default to panic=abort; the sysroot chosen matches the strategy.
    flags.push(
        if unwind {
            "-Cpanic=unwind"
        } else {
            "-Cpanic=abort"
        }
        .to_owned(),
    );
    flags
}

/// The user's own flags from the environment, which our CARGO_ENCODED_RUSTFLAGS replaces.
pub(crate) fn from_environment() -> Vec<String> {
    if let Ok(encoded) = std::env::var("CARGO_ENCODED_RUSTFLAGS") {
        return encoded
            .split('\x1f')
            .filter(|flag| !flag.is_empty())
            .map(str::to_owned)
            .collect();
    }
    std::env::var("RUSTFLAGS")
        .map(|flags| flags.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Rejects target features this mode cannot build or wasm-run cannot run, with the way out.
pub(crate) fn check_features(flags: &[String], mode: Mode, target: Target) -> Res<()> {
    for feature in requested_features(flags) {
        let (enabled, name) = match feature.split_at_checked(1) {
            Some(("+", name)) => (true, name),
            Some(("-", name)) => (false, name),
            _ => (true, feature.as_str()),
        };
        if !KNOWN_FEATURES.contains(&name) {
            return Err(Failure::setup(format!(
                "unsupported target feature `{name}` for {}",
                target.triple()
            ))
            .fix(format!(
                "wasm32 target features are: {}",
                KNOWN_FEATURES.join(", ")
            )));
        }
        if !enabled {
            continue;
        }
        if THREAD_FEATURES.contains(&name) {
            return Err(Failure::setup(format!(
                "target feature `+{name}` needs threads (shared memory, wasm32-wasip1-threads), \
                 which cargo wasm does not support"
            ))
            .fix("remove it from RUSTFLAGS / [package.metadata.wasm] rustflags; a crate that needs threads cannot run on wasm32-wasip1"));
        }
        if mode == Mode::Dev && NOT_IN_DEV.contains(&name) {
            return Err(Failure::setup(format!(
                "target feature `+{name}` is not supported by the dev backend \
                 (rustc_codegen_wasmgc does not emit these instructions yet)"
            ))
            .fix("build with `--release` (LLVM), or drop the feature for dev builds"));
        }
    }
    Ok(())
}

/// The values of the codegen options in `flags`, `-Cname=value` or `-C name=value`, in order.
fn codegen_options(flags: &[String]) -> Vec<&str> {
    let mut options = Vec::new();
    let mut iter = flags.iter();
    while let Some(flag) = iter.next() {
        let setting = if flag == "-C" {
            iter.next().map(String::as_str)
        } else {
            flag.strip_prefix("-C")
        };
        options.extend(setting);
    }
    options
}

/// Every `+x`/`-x` of `-Ctarget-feature=...`, `-C target-feature=...` in `flags`.
fn requested_features(flags: &[String]) -> Vec<String> {
    codegen_options(flags)
        .into_iter()
        .filter_map(|option| option.strip_prefix("target-feature="))
        .flat_map(|value| value.split(','))
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether the user's flags ask for unwinding: the last `-Cpanic=` / `-C panic=` decides;
/// `None` when they do not say.
pub(crate) fn asks_unwind(flags: &[String]) -> Option<bool> {
    codegen_options(flags)
        .into_iter()
        .filter_map(|option| option.strip_prefix("panic="))
        .next_back()
        .map(|strategy| strategy == "unwind")
}

/// Whether a build unwinds. The user's `-Cpanic=` decides (and unwinding is checked against
/// what it needs); without one, `--dev --target wasi` unwinds, as cargo's `dev` profile does on
/// native targets, unless that profile says `panic = "abort"`; everything else aborts, the
/// default of rustc's wasm targets.
pub(crate) fn unwinds(
    user: &[String],
    mode: Mode,
    target: Target,
    dev_profile_panic: Option<&str>,
) -> Res<bool> {
    match asks_unwind(user) {
        Some(true) => check_unwind(mode, target).map(|()| true),
        Some(false) => Ok(false),
        None => {
            Ok(mode == Mode::Dev && target == Target::Wasi && dev_profile_panic != Some("abort"))
        }
    }
}

/// Unwinding needs our unwinding std, which only `--dev` builds have, and a module that the
/// tools after the build can read: wasm-bindgen's CLI cannot.
pub(crate) fn check_unwind(mode: Mode, target: Target) -> Res<()> {
    if mode == Mode::Release {
        return Err(Failure::setup(
            "`-Cpanic=unwind` is not supported with --release: release builds link the std that \
             LLVM built with panic=abort",
        )
        .fix("build with --dev (our backend unwinds through wasm exception handling), or remove `-Cpanic=unwind`"));
    }
    if target == Target::Web {
        return Err(Failure::setup(
            "`-Cpanic=unwind` is not supported with --target web: wasm-bindgen's CLI (0.2.106) \
             cannot interpret the `try_table` of unwinding code in the functions it evaluates",
        )
        .fix("remove `-Cpanic=unwind` for web builds (panics then abort)"));
    }
    if target == Target::Component {
        return Err(Failure::setup(
            "`-Cpanic=unwind` is not supported with --target wasip2 yet: there is no unwinding \
             std for components",
        )
        .fix("remove `-Cpanic=unwind` for components (panics then abort), or build a module with `--target wasi`"));
    }
    Ok(())
}

/// Cargo's encoding of a flag list (one string, fields separated by 0x1f): paths may hold spaces.
pub(crate) fn encode(flags: &[String]) -> String {
    flags.join("\x1f")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|word| (*word).to_owned()).collect()
    }

    #[test]
    fn finds_features_in_both_spellings() {
        let flags = strings(&[
            "-C",
            "target-feature=+simd128,-sign-ext",
            "-Ctarget-feature=+gc",
        ]);
        assert_eq!(requested_features(&flags), ["+simd128", "-sign-ext", "+gc"]);
    }

    #[test]
    fn rejects_threads_everywhere_and_relaxed_simd_in_dev() {
        let atomics = strings(&["-Ctarget-feature=+atomics"]);
        let failure = check_features(&atomics, Mode::Release, Target::Wasi)
            .err()
            .unwrap();
        assert!(failure.message.unwrap().contains("needs threads"));
        let relaxed = strings(&["-Ctarget-feature=+relaxed-simd"]);
        assert!(check_features(&relaxed, Mode::Dev, Target::Wasi).is_err());
        assert!(check_features(&relaxed, Mode::Release, Target::Wasi).is_ok());
        let simd = strings(&["-Ctarget-feature=+simd128"]);
        assert!(check_features(&simd, Mode::Dev, Target::Wasi).is_ok());
    }

    #[test]
    fn rejects_unknown_features() {
        let flags = strings(&["-Ctarget-feature=+avx2"]);
        let failure = check_features(&flags, Mode::Release, Target::Web)
            .err()
            .unwrap();
        assert_eq!(
            failure.message.as_deref(),
            Some("unsupported target feature `avx2` for wasm32-unknown-unknown")
        );
    }

    #[test]
    fn dev_flags_load_the_backend() {
        let flags = base(
            Mode::Dev,
            Path::new("/d/lib/b.so"),
            Some(Path::new("/d")),
            false,
        );
        assert_eq!(
            flags,
            [
                "-Zcodegen-backend=/d/lib/b.so",
                "--sysroot",
                "/d",
                "-Cpanic=abort"
            ]
        );
        assert_eq!(
            base(Mode::Release, Path::new("/x"), None, false),
            ["-Cpanic=abort"]
        );
        assert_eq!(
            base(Mode::Dev, Path::new("/x"), None, true),
            ["-Zcodegen-backend=/x", "-Cpanic=unwind"]
        );
    }

    #[test]
    fn unwinding_is_for_dev_wasi_builds() {
        assert!(check_unwind(Mode::Dev, Target::Wasi).is_ok());
        assert!(check_unwind(Mode::Release, Target::Wasi).is_err());
        assert!(check_unwind(Mode::Dev, Target::Web).is_err());
        assert!(check_unwind(Mode::Dev, Target::Component).is_err());
    }

    #[test]
    fn the_last_panic_flag_decides() {
        assert_eq!(asks_unwind(&strings(&["-Cpanic=unwind"])), Some(true));
        assert_eq!(
            asks_unwind(&strings(&["-C", "panic=abort", "-C", "panic=unwind"])),
            Some(true)
        );
        assert_eq!(
            asks_unwind(&strings(&["-Cpanic=unwind", "-Cpanic=abort"])),
            Some(false)
        );
        assert_eq!(asks_unwind(&strings(&["-Copt-level=1"])), None);
    }

    #[test]
    fn dev_wasi_builds_unwind_unless_told_otherwise() {
        let none: &[String] = &[];
        let unwinds_in = |mode, target, profile| unwinds(none, mode, target, profile).ok();
        assert_eq!(unwinds_in(Mode::Dev, Target::Wasi, None), Some(true));
        assert_eq!(
            unwinds_in(Mode::Dev, Target::Wasi, Some("unwind")),
            Some(true)
        );
        assert_eq!(
            unwinds_in(Mode::Dev, Target::Wasi, Some("abort")),
            Some(false)
        );
        assert_eq!(unwinds_in(Mode::Release, Target::Wasi, None), Some(false));
        assert_eq!(unwinds_in(Mode::Dev, Target::Web, None), Some(false));
        assert_eq!(unwinds_in(Mode::Dev, Target::Component, None), Some(false));
        let abort = strings(&["-Cpanic=abort"]);
        assert_eq!(
            unwinds(&abort, Mode::Dev, Target::Wasi, None).ok(),
            Some(false)
        );
        let unwind = strings(&["-Cpanic=unwind"]);
        assert!(unwinds(&unwind, Mode::Release, Target::Wasi, None).is_err());
    }
}
