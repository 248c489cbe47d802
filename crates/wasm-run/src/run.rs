//! Sets up wasmtime (GC-enabled engine, WASI p1 linker), instantiates a core module and runs it.

use std::path::Path;
use std::sync::Arc;

use wasmtime::{
    Cache, CacheConfig, Collector, Config, Engine, Instance, InstancePre, Linker, Module, OptLevel,
    Store, StoreLimits, StoreLimitsBuilder, Val, ValType, WasmBacktraceDetails,
};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::{self, WasiP1Ctx};

use crate::cli::Options;
use crate::host::{self, HandleTable};
use crate::jit_cache::{self, JitCache};
use crate::libtest::FreshInstance;

/// The most native stack wasm code may use; the thread running it is given more (see main.rs).
pub const WASM_STACK: usize = 8 << 20;

/// Per-store state: everything the host functions need.
pub struct HostState {
    pub wasi: WasiP1Ctx,
    /// `ExternRef` handles of the `wasm_host` imports.
    pub handles: HandleTable,
    /// `--max-memory`.
    pub limits: StoreLimits,
}

/// A failure of the runner itself (as opposed to the program): reading, compiling, linking.
#[derive(Debug)]
pub struct SetupError(pub wasmtime::Error);

impl<E: Into<wasmtime::Error>> From<E> for SetupError {
    fn from(error: E) -> Self {
        SetupError(error.into())
    }
}

/// A loaded module, ready to run.
pub struct Prepared {
    store: Store<HostState>,
    instance: Instance,
}

pub fn prepare(options: &Options) -> Result<Prepared, SetupError> {
    let (mut config, jit) = engine_config(options.cache, options.debug_info)?;
    config.collector(options.collector);
    let engine = Engine::new(&config)?;
    let module = load(&engine, &options.module, jit.as_deref())?;
    let linker = linker(&engine, &module)?;
    let wasi = wasi_builder(options)?.build_p1();
    let mut store = Store::new(&engine, HostState::new(wasi));
    if let Some(bytes) = options.max_memory {
        store.data_mut().limits = StoreLimitsBuilder::new().memory_size(bytes).build();
        store.limiter(|state| &mut state.limits);
    }
    let instance = linker.instantiate(&mut store, &module)?;
    Ok(Prepared { store, instance })
}

/// Reads and compiles (or takes from the caches) the module at `path`. `jit` is the engine's
/// per-function cache, which keeps what the compilation added until it ends here.
pub(crate) fn load(
    engine: &Engine,
    path: &Path,
    jit: Option<&JitCache>,
) -> Result<Module, SetupError> {
    let cannot_load =
        |e: wasmtime::Error| SetupError(e.context(format!("cannot load `{}`", path.display())));
    let bytes = std::fs::read(path).map_err(|e| cannot_load(e.into()))?;
    let module = if wasm_gc_lower::imports_release_form(&bytes) {
        // The `wasm` crate's release form (an LLVM build, a test harness of `cargo wasm test
        // --release`): its contract operations become WasmGC first, as `cargo wasm build` does.
        let lowered = wasm_gc_lower::lower(&bytes)
            .map_err(|e| {
                cannot_load(wasmtime::Error::msg(format!(
                    "its WasmGC lowering failed: {e}"
                )))
            })?
            .map_or(bytes, |lowered| lowered.bytes);
        Module::new(engine, &lowered).map_err(cannot_load)?
    } else {
        Module::from_file(engine, path).map_err(cannot_load)?
    };
    if let Some(jit) = jit {
        jit.finish();
    }
    Ok(module)
}

/// The imports every module may use: WASI preview 1 and our `wasm_host` functions.
pub(crate) fn linker(engine: &Engine, module: &Module) -> Result<Linker<HostState>, SetupError> {
    let mut linker: Linker<HostState> = Linker::new(engine);
    p1::add_to_linker_sync(&mut linker, |state: &mut HostState| &mut state.wasi)?;
    host::add_to_linker(&mut linker, host::wants_externrefs(module))?;
    Ok(linker)
}

impl HostState {
    pub(crate) fn new(wasi: WasiP1Ctx) -> HostState {
        HostState {
            wasi,
            handles: HandleTable::default(),
            limits: StoreLimits::default(),
        }
    }
}

/// The engine configuration, and the per-function compilation cache it uses (`cache` turns both
/// caches on), which `load` needs to end a compilation. `debug_info` is `-g`: DWARF for a native
/// debugger.
pub(crate) fn engine_config(
    cache: bool,
    debug_info: bool,
) -> Result<(Config, Option<Arc<JitCache>>), SetupError> {
    let mut config = uncached_config();
    if debug_info {
        // wasmtime translates the module's DWARF to the generated code and registers it with the
        // GDB JIT interface (cargo feature `debug-builtins`), where gdb and lldb find it. The
        // per-function cache keeps working (its keys include these settings); the module cache
        // does not (below).
        config.debug_info(true);
        // Under `speed`, gdb showed the parameters of an LLVM `-g` build as `<optimized out>`;
        // under `none` it shows them. The slower code only matters while debugging.
        config.cranelift_opt_level(OptLevel::None);
    }
    if !cache {
        return Ok((config, None));
    }
    // Two caches, for the two common reruns. An unchanged module (a test rerun) is taken whole
    // from wasmtime's module cache (default: ~/.cache/wasmtime), which skips even the translation
    // of wasm to Cranelift IR. After an edit, that cache misses, but only the functions whose IR
    // changed miss the per-function cache: the others' machine code is reused.
    // Not under `-g`: gdb's `next` over a breakpoint in code loaded from the module cache went on
    // into a half-restored instruction (SIGSEGV) in three runs of four, with our DWARF and with
    // LLVM's, and never in code compiled in the process.
    if !debug_info {
        config.cache(Some(Cache::new(CacheConfig::new())?));
    }
    let jit = JitCache::default_dir()
        .and_then(|dir| JitCache::open(dir, jit_cache::DEFAULT_LIMIT))
        .map(Arc::new);
    if let Some(jit) = &jit {
        config.enable_incremental_compilation(jit.clone())?;
    }
    Ok((config, jit))
}

/// Everything of the engine configuration but the caches.
fn uncached_config() -> Config {
    let mut config = Config::new();
    // The default: it collects cycles, and binary-trees on `wasm::Gc` runs 3.5x faster with it
    // than with deferred reference counting (README, Performance); `--collector` picks another.
    config.collector(Collector::Copying);
    // WasmGC needs typed function references, which need reference types.
    config
        .wasm_reference_types(true)
        .wasm_function_references(true)
        .wasm_gc(true)
        // Native Rust programs get an 8 MiB main-thread stack; give wasm the same room. Our dev
        // backend's dispatch-loop control flow keeps more locals live across calls than LLVM's
        // output, so deep recursion needs more native stack per frame. FIXME(issue 6): shrink
        // frames by structuring control flow, then revisit this limit.
        .max_wasm_stack(WASM_STACK)
        // The stack of async calls (`serve`'s requests run on it); not smaller than the wasm
        // stack, so that a handler has the room a program has.
        .async_stack_size(WASM_STACK + (1 << 20));
    // Cranelift's `speed` (its default), not `none`, though our modules are mostly unoptimized
    // dev builds. Measured on a 2-core machine (issue 14): `none` cuts a cold compile of the
    // 3 MB generated-crate module by a quarter (0.88 s of CPU instead of 1.17 s), but dev builds
    // of the run benchmarks then run 16-38% longer (nbody 6.2 s instead of 4.5 s, fannkuch 3.9
    // instead of 3.4, binary-trees 1.25 instead of 0.93). With `engine_config`'s caches a
    // compile is rare and, after an edit, covers only the changed functions (under 200 of 1,578
    // after a one-constant edit there), so `none` would save little; its slowdown hits every run.
    config.cranelift_opt_level(OptLevel::Speed);
    config.wasm_backtrace_details(backtrace_details());
    config
}

/// Whether a trap's backtrace gives each frame's source file:line (from the module's DWARF, if
/// it has any). wasmtime's own `WasmBacktraceDetails::Environment` shows them only when
/// `WASMTIME_BACKTRACE_DETAILS=1`; we show them unless `WASMTIME_BACKTRACE_DETAILS=0`, so that
/// a trap does not need a second run to be located.
///
/// On for every module, without first looking for `.debug_info`: wasmtime only copies the DWARF
/// sections into the compiled code, so a module without them compiles as fast with details as
/// without (2.7 MB module, `--no-cache`, medians of 5 and 7 on 2 busy cores: 1.13-1.16 s of CPU
/// either way, 75 MiB peak). The same module with 6.6 MB of DWARF compiled 3-5% slower, near
/// the noise (1.16-1.18 s against 1.13 s with details off), peaked 14 MiB higher (96 MiB), its
/// module cache entry grew from 0.5 to 1.4 MB, and a trap took 45 ms longer to print (frames
/// are looked up in the DWARF). Besides, every module we run carries some DWARF (wasi-libc's).
fn backtrace_details() -> WasmBacktraceDetails {
    match std::env::var_os("WASMTIME_BACKTRACE_DETAILS") {
        Some(value) if value == "0" => WasmBacktraceDetails::Disable,
        _ => WasmBacktraceDetails::Enable,
    }
}

/// The WASI context of a run, for a module (`build_p1`) or a component (`build`).
pub(crate) fn wasi_builder(options: &Options) -> Result<WasiCtxBuilder, SetupError> {
    let mut builder = WasiCtxBuilder::new();
    builder.inherit_stdio().inherit_env();
    // argv[0] is the module path as given; `--invoke` parameters are not program arguments.
    builder.arg(options.module.to_string_lossy());
    if options.invoke.is_none() {
        builder.args(&options.args);
    }
    preopen(&mut builder, &options.dirs)?;
    Ok(builder)
}

/// `--dir PATH`: the host directory PATH, seen by the program as PATH.
pub(crate) fn preopen(builder: &mut WasiCtxBuilder, dirs: &[String]) -> Result<(), SetupError> {
    for dir in dirs {
        builder.preopened_dir(Path::new(dir), dir, wasmtime_wasi::FsPerms::ReadWrite)?;
    }
    Ok(())
}

/// A compiled module whose `_start` runs in a fresh instance each time (`--libtest`).
pub(crate) struct FreshModule {
    pre: InstancePre<HostState>,
}

impl FreshModule {
    pub(crate) fn load(
        engine: &Engine,
        path: &Path,
        jit: Option<&JitCache>,
    ) -> Result<FreshModule, SetupError> {
        let module = load(engine, path, jit)?;
        let pre = linker(engine, &module)?.instantiate_pre(&module)?;
        Ok(FreshModule { pre })
    }
}

impl FreshInstance for FreshModule {
    fn run(&self, wasi: &mut WasiCtxBuilder, deadline: u64) -> wasmtime::Result<()> {
        let mut store = Store::new(self.pre.module().engine(), HostState::new(wasi.build_p1()));
        store.set_epoch_deadline(deadline);
        let instance = self.pre.instantiate(&mut store)?;
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        start.call(&mut store, ())
    }
}

impl Prepared {
    /// Runs `_start` (a WASI command). Errors are the program's: exit requests or traps.
    pub fn run_command(&mut self) -> wasmtime::Result<()> {
        let start = self
            .instance
            .get_typed_func::<(), ()>(&mut self.store, "_start")?;
        start.call(&mut self.store, ())
    }

    /// Calls the export `name` with `params` parsed according to its signature.
    /// The result lines (one per returned value) are returned for printing.
    pub fn invoke(&mut self, name: &str, params: &[String]) -> Result<Vec<String>, InvokeError> {
        let func = self
            .instance
            .get_func(&mut self.store, name)
            .ok_or_else(|| InvokeError::Setup(format!("no exported function `{name}`")))?;
        // A reactor module expects `_initialize` before any other export.
        if let Some(init) = self.instance.get_func(&mut self.store, "_initialize") {
            init.call(&mut self.store, &[], &mut [])
                .map_err(InvokeError::Program)?;
        }
        let ty = func.ty(&self.store);
        let param_types: Vec<ValType> = ty.params().collect();
        if param_types.len() != params.len() {
            return Err(InvokeError::Setup(format!(
                "`{name}` takes {} parameters, {} given",
                param_types.len(),
                params.len()
            )));
        }
        let args = param_types
            .iter()
            .zip(params)
            .map(|(ty, text)| parse_val(ty, text))
            .collect::<Result<Vec<_>, _>>()
            .map_err(InvokeError::Setup)?;
        let mut results: Vec<Val> = ty.results().map(|_| Val::I32(0)).collect();
        func.call(&mut self.store, &args, &mut results)
            .map_err(InvokeError::Program)?;
        Ok(results.iter().map(format_val).collect())
    }
}

impl Prepared {
    /// `ExternRef` handles the program still owns.
    pub fn live_handles(&self) -> usize {
        self.store.data().handles.live()
    }
}

pub enum InvokeError {
    Setup(String),
    Program(wasmtime::Error),
}

fn parse_val(ty: &ValType, text: &str) -> Result<Val, String> {
    let bad = |_| format!("cannot parse `{text}` as {ty}");
    Ok(match ty {
        ValType::I32 => Val::I32(parse_int(text).map_err(bad)? as i32),
        ValType::I64 => Val::I64(parse_int(text).map_err(bad)?),
        ValType::F32 => Val::F32(text.parse::<f32>().map_err(|_| bad(()))?.to_bits()),
        ValType::F64 => Val::F64(text.parse::<f64>().map_err(|_| bad(()))?.to_bits()),
        other => {
            return Err(format!(
                "cannot pass a {other} parameter from the command line"
            ));
        }
    })
}

/// Accepts signed decimal and, for bit patterns, unsigned values up to the type's width.
fn parse_int(text: &str) -> Result<i64, ()> {
    text.parse::<i64>()
        .or_else(|_| text.parse::<u64>().map(|v| v as i64))
        .map_err(|_| ())
}

fn format_val(val: &Val) -> String {
    match val {
        Val::I32(v) => v.to_string(),
        Val::I64(v) => v.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::V128(v) => format!("{:#034x}", v.as_u128()),
        Val::FuncRef(r) => reference("funcref", r.is_some()),
        Val::ExternRef(r) => reference("externref", r.is_some()),
        Val::AnyRef(r) => reference("anyref", r.is_some()),
        Val::ExnRef(r) => reference("exnref", r.is_some()),
        Val::ContRef(r) => reference("contref", r.is_some()),
    }
}

/// References have no printable value: say which kind, and whether it is null.
fn reference(kind: &str, present: bool) -> String {
    if present {
        kind.to_owned()
    } else {
        format!("null {kind}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module of two functions `(i32) -> i32`: `x + 1` and `x * k`.
    fn two_functions(k: u8) -> Vec<u8> {
        assert!(k < 64, "one-byte signed LEB128");
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        bytes.extend([1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f]); // type section: (i32) -> i32
        bytes.extend([3, 3, 2, 0, 0]); // function section: two functions of type 0
        bytes.extend([10, 17, 2]); // code section: two bodies
        bytes.extend([7, 0, 0x20, 0, 0x41, 1, 0x6a, 0x0b]); // local.get 0, i32.const 1, i32.add
        bytes.extend([7, 0, 0x20, 0, 0x41, k, 0x6c, 0x0b]); // local.get 0, i32.const k, i32.mul
        bytes
    }

    /// Compiles `wasm` in a fresh engine (as a new process would) through a fresh store on `dir`,
    /// and returns the store's (hits, misses).
    fn compile(dir: &Path, wasm: &[u8]) -> (u64, u64) {
        let jit = Arc::new(JitCache::open(dir.to_owned(), jit_cache::DEFAULT_LIMIT).unwrap());
        let mut config = uncached_config();
        config.enable_incremental_compilation(jit.clone()).unwrap();
        Module::new(&Engine::new(&config).unwrap(), wasm).unwrap();
        jit.finish();
        jit.stats()
    }

    #[test]
    fn after_an_edit_only_the_changed_function_is_compiled() {
        let dir = std::env::temp_dir().join(format!("wasm-run-jit-engine-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (hits, cold_misses) = compile(&dir, &two_functions(7));
        assert_eq!(hits, 0);
        assert!(cold_misses >= 2, "{cold_misses} functions compiled");
        assert_eq!(compile(&dir, &two_functions(7)), (cold_misses, 0));
        assert_eq!(compile(&dir, &two_functions(9)), (cold_misses - 1, 1));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
