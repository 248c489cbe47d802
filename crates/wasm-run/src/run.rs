//! Sets up wasmtime (GC-enabled engine, WASI p1 linker), instantiates the module and runs it.

use std::path::Path;

use wasmtime::{
    Cache, CacheConfig, Collector, Config, Engine, Instance, Linker, Module, Store, StoreLimits,
    StoreLimitsBuilder, Val, ValType,
};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::{self, WasiP1Ctx};

use crate::cli::Options;
use crate::host::{self, HandleTable};

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
    let mut config = engine_config(options.cache)?;
    config.collector(options.collector);
    let engine = Engine::new(&config)?;
    let module = load(&engine, &options.module)?;
    let linker = linker(&engine, &module)?;
    let wasi = wasi_context(options)?;
    let mut store = Store::new(&engine, HostState::new(wasi));
    if let Some(bytes) = options.max_memory {
        store.data_mut().limits = StoreLimitsBuilder::new().memory_size(bytes).build();
        store.limiter(|state| &mut state.limits);
    }
    let instance = linker.instantiate(&mut store, &module)?;
    Ok(Prepared { store, instance })
}

/// Reads and compiles (or takes from the cache) the module at `path`.
pub(crate) fn load(engine: &Engine, path: &Path) -> Result<Module, SetupError> {
    Module::from_file(engine, path)
        .map_err(|e| SetupError(e.context(format!("cannot load `{}`", path.display()))))
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

pub(crate) fn engine_config(cache: bool) -> Result<Config, SetupError> {
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
        // Only async calls use it (we make none), but it may not be smaller than the wasm stack.
        .async_stack_size(WASM_STACK + (1 << 20));
    if cache {
        // Compiled modules are cached on disk (default: ~/.cache/wasmtime): test reruns skip Cranelift.
        config.cache(Some(Cache::new(CacheConfig::new())?));
    }
    Ok(config)
}

fn wasi_context(options: &Options) -> Result<WasiP1Ctx, SetupError> {
    let mut builder = WasiCtxBuilder::new();
    builder.inherit_stdio().inherit_env();
    // argv[0] is the module path as given; `--invoke` parameters are not program arguments.
    builder.arg(options.module.to_string_lossy());
    if options.invoke.is_none() {
        builder.args(&options.args);
    }
    for dir in &options.dirs {
        builder.preopened_dir(Path::new(dir), dir, wasmtime_wasi::FsPerms::ReadWrite)?;
    }
    Ok(builder.build_p1())
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
