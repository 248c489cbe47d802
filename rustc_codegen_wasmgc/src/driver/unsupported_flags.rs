//! Refuses, before any code is generated, the rustc flags whose effect this backend does not
//! provide: a flag the user gave is honoured or named in an error, never silently dropped.

use rustc_session::Session;
use rustc_session::config::{LtoCli, OutputType, SwitchWithOptPath};
use rustc_target::spec::RelocModel;

/// Every refused flag of this session, one message each.
pub(crate) fn check(sess: &Session) -> Vec<String> {
    let mut refused = Vec::new();
    let mut refuse =
        |flag: &str, why: &str| refused.push(format!("`{flag}` is not supported by rustc_codegen_wasmgc: {why}"));
    let release = "build with LLVM (`cargo wasm build --release`) for it";
    for (kind, flag) in [
        (OutputType::Assembly, "--emit=asm"),
        (OutputType::LlvmAssembly, "--emit=llvm-ir"),
        (OutputType::Bitcode, "--emit=llvm-bc"),
        (OutputType::ThinLinkBitcode, "--emit=thin-link-bitcode"),
    ] {
        if sess.opts.output_types.contains_key(&kind) {
            refuse(flag, "the backend writes wasm objects only (read them with `wasm-tools print`)");
        }
    }
    match sess.opts.cg.lto {
        LtoCli::No | LtoCli::Unspecified => {}
        LtoCli::Yes | LtoCli::NoParam => refuse("-Clto", &format!("there is no link-time optimization; {release}")),
        LtoCli::Thin => refuse("-Clto=thin", &format!("there is no link-time optimization; {release}")),
        LtoCli::Fat => refuse("-Clto=fat", &format!("there is no link-time optimization; {release}")),
    }
    if sess.opts.cg.linker_plugin_lto.enabled() {
        refuse("-Clinker-plugin-lto", "the objects are wasm, not LLVM bitcode");
    }
    if sess.instrument_coverage() {
        refuse("-Cinstrument-coverage", &format!("the backend inserts no coverage counters; {release}"));
    }
    if let SwitchWithOptPath::Enabled(_) = sess.opts.cg.profile_generate {
        refuse("-Cprofile-generate", &format!("the backend inserts no profile counters; {release}"));
    }
    if sess.opts.cg.profile_use.is_some() {
        refuse("-Cprofile-use", &format!("the backend does not optimize from profiles; {release}"));
    }
    if !sess.opts.unstable_opts.sanitizer.is_empty() {
        refuse("-Zsanitizer", "the backend inserts no sanitizer checks");
    }
    if matches!(sess.opts.cg.relocation_model, Some(model) if model != RelocModel::Static) {
        refuse("-Crelocation-model", "the backend writes statically relocated objects only (no wasm dynamic linking)");
    }
    refused
}
