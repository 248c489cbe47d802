//! `wasm-gc-lower IN.wasm -o OUT.wasm`: the post-link WasmGC lowering as a tool of its own, for
//! modules linked by any toolchain from the `wasm` crate's release form (CONTRACT.md section 6).

use std::process::ExitCode;

const USAGE: &str = "usage: wasm-gc-lower INPUT.wasm -o OUTPUT.wasm

Lowers the `wasm` crate's contract operations (its `wasmgc-v1` imports, or the `wasmgc` imports
of rustc_codegen_wasmgc's objects) to WasmGC structs, arrays and externrefs. The output needs an
engine with the GC proposal (wasmtime, V8, SpiderMonkey). A module without contract operations is
copied unchanged.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (input, output) = match args.as_slice() {
        [input, flag, output] if flag == "-o" => (input, output),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lowered = match wasm_gc_lower::lower(&bytes) {
        Ok(Some(lowered)) => {
            eprintln!(
                "lowered {} contract operations ({} struct and {} array types); {} of their {} call \
                 sites avoid the root table",
                lowered.operations,
                lowered.struct_types,
                lowered.array_types,
                lowered.calls.typed_local,
                lowered.calls.rooted + lowered.calls.typed_local
            );
            lowered.bytes
        }
        Ok(None) => bytes,
        Err(e) => {
            eprintln!("error: the WasmGC lowering of {input} failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(output, lowered) {
        eprintln!("error: cannot write {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
