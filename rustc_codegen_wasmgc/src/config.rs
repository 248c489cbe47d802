//! Every option of this backend. rustc has no flag namespace for codegen backends, so they are
//! `-Cllvm-args=wasm-*` (the last one of a name wins); an `-Cllvm-args` value this backend does
//! not know is an error, never silently ignored.

use rustc_session::Session;

/// The options and what each takes, for the error that lists them.
const KNOWN: &[(&str, &str)] = &[
    ("wasm-gc", "accelerate|library"),
    ("wasm-gc-typed-locals", "on|off"),
    ("wasm-dump", "SUBSTR (print the instruction lists of matching functions)"),
    ("wasm-recognition", "allow|warn|deny"),
    ("wasm_recognition::LINT", "allow|warn|deny"),
];

/// The `-Cllvm-args` values that name no option of this backend, one message each.
pub(crate) fn unknown_options(sess: &Session) -> Vec<String> {
    sess.opts
        .cg
        .llvm_args
        .iter()
        .filter(|arg| {
            let key = arg.split_once('=').map_or(arg.as_str(), |(key, _)| key);
            let known = KNOWN.iter().any(|(name, _)| *name == key)
                || key == "wasm_recognition"
                || key.starts_with("wasm_recognition::");
            !known
        })
        .map(|arg| {
            let known: Vec<String> = KNOWN.iter().map(|(name, values)| format!("{name}={values}")).collect();
            format!(
                "`-Cllvm-args={arg}` is not an option of rustc_codegen_wasmgc (it has no LLVM); its options are: {}",
                known.join(", ")
            )
        })
        .collect()
}

/// Whether this compilation accelerates the contract: `-Cllvm-args=wasm-gc=accelerate` (the
/// last `wasm-gc=` wins; `wasm-gc=library` turns it off; `cargo wasm build --dev` passes
/// `accelerate` unless the package says `gc = "library"`).
pub(crate) fn accelerate_requested(sess: &rustc_session::Session) -> bool {
    let choice = sess.opts.cg.llvm_args.iter().rev().find_map(|arg| arg.strip_prefix("wasm-gc="));
    match choice {
        None | Some("library") => false,
        Some("accelerate") if sess.target.env == rustc_target::spec::Env::P2 => sess.dcx().fatal(
            "`-Cllvm-args=wasm-gc=accelerate` is not available for wasm32-wasip2: a component's core module is \
             linked and wrapped by wasm-component-ld before the WasmGC lowering could run; build components with \
             `wasm-gc=library` (the `wasm` crate's linear-memory implementation)",
        ),
        Some("accelerate") => true,
        Some(other) => sess.dcx().fatal(format!("`-Cllvm-args=wasm-gc={other}`: expected `accelerate` or `library`")),
    }
}

/// Whether accelerated code keeps handle locals in typed locals (gc/typed_locals/): on
/// unless `-Cllvm-args=wasm-gc-typed-locals=off` (the last one wins).
pub(crate) fn typed_locals_requested(sess: &rustc_session::Session) -> bool {
    let choice = sess.opts.cg.llvm_args.iter().rev().find_map(|arg| arg.strip_prefix("wasm-gc-typed-locals="));
    match choice {
        None | Some("on") => true,
        Some("off") => false,
        Some(other) => sess.dcx().fatal(format!("`-Cllvm-args=wasm-gc-typed-locals={other}`: expected `on` or `off`")),
    }
}

/// The symbol filter of the dump, if one was asked for (the last `wasm-dump=` wins).
pub(crate) fn dump_requested(sess: &Session) -> Option<String> {
    let from_args = sess.opts.cg.llvm_args.iter().rev().find_map(|arg| arg.strip_prefix("wasm-dump="));
    from_args.map(str::to_owned).or_else(|| std::env::var("WASMGC_DUMP").ok())
}
