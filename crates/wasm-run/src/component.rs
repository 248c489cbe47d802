//! The component path (wasm32-wasip2): telling a component from a module, the WASI 0.2 store,
//! running a `wasi:cli/command` and calling an export (`--invoke`).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use wasmtime::component::{Component, Linker, ResourceTable, Val};
use wasmtime::wasmparser::Parser;
use wasmtime::{Engine, Store, StoreLimits, StoreLimitsBuilder};
use wasmtime_wasi::p2::bindings::sync::{Command, CommandPre};
use wasmtime_wasi::{I32Exit, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use crate::cli::Options;
use crate::jit_cache::JitCache;
use crate::libtest::FreshInstance;
use crate::run::{self, InvokeError, SetupError};
use crate::wave;

/// Whether the file at `path` is a component: its header's layer field says so. A file that
/// cannot be read is not one; the module path then reports why it cannot be read.
pub(crate) fn is_component(path: &Path) -> bool {
    let mut header = [0; 8];
    let read = File::open(path).and_then(|mut file| file.read_exact(&mut header));
    read.is_ok() && Parser::is_component(&header)
}

/// Per-store state of a component: WASI 0.2 and the resources it hands out.
pub(crate) struct ComponentState {
    wasi: WasiCtx,
    table: ResourceTable,
    /// `--max-memory`.
    limits: StoreLimits,
}

impl WasiView for ComponentState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// A store for one instance; `max_memory` (bytes) bounds each of its memories.
pub(crate) fn store(
    engine: &Engine,
    wasi: WasiCtx,
    max_memory: Option<usize>,
) -> Store<ComponentState> {
    let state = ComponentState {
        wasi,
        table: ResourceTable::new(),
        limits: StoreLimits::default(),
    };
    let mut store = Store::new(engine, state);
    if let Some(bytes) = max_memory {
        store.data_mut().limits = StoreLimitsBuilder::new().memory_size(bytes).build();
        store.limiter(|state| &mut state.limits);
    }
    store
}

/// Reads and compiles (or takes from the caches) the component at `path`; `jit` as in
/// `run::load`.
pub(crate) fn load(
    engine: &Engine,
    path: &Path,
    jit: Option<&JitCache>,
) -> Result<Component, SetupError> {
    let component = Component::from_file(engine, path)
        .map_err(|e| SetupError(e.context(format!("cannot load `{}`", path.display()))))?;
    if let Some(jit) = jit {
        jit.finish();
    }
    Ok(component)
}

/// The imports a command or a library component may use: WASI 0.2, with blocking calls.
fn linker(engine: &Engine) -> Result<Linker<ComponentState>, SetupError> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    Ok(linker)
}

/// `component` pre-instantiated as a `wasi:cli/command`, or why it is not one.
fn command_pre(
    linker: &Linker<ComponentState>,
    component: &Component,
    path: &Path,
) -> Result<CommandPre<ComponentState>, SetupError> {
    let pre = linker.instantiate_pre(component)?;
    CommandPre::new(pre).map_err(|error| {
        SetupError(error.context(format!(
            "`{}` is not a wasi:cli/command (it exports no wasi:cli/run): call one of its \
             functions with --invoke 'NAME(ARGS)', or serve a wasi:http/proxy with \
             `wasm-run serve`",
            path.display()
        )))
    })
}

/// Runs `wasi:cli/run`; its `err` becomes exit status 1, as `wasmtime run` has it.
fn run_command(store: &mut Store<ComponentState>, command: &Command) -> wasmtime::Result<()> {
    match command.wasi_cli_run().call_run(store)? {
        Ok(()) => Ok(()),
        Err(()) => Err(I32Exit(1).into()),
    }
}

/// A loaded component with its store, ready to run or to be called.
pub(crate) struct Prepared {
    store: Store<ComponentState>,
    component: Component,
    linker: Linker<ComponentState>,
    path: String,
}

pub(crate) fn prepare(options: &Options) -> Result<Prepared, SetupError> {
    let (mut config, jit) = run::engine_config(options.cache, options.debug_info)?;
    config.collector(options.collector);
    let engine = Engine::new(&config)?;
    let component = load(&engine, &options.module, jit.as_deref())?;
    let linker = linker(&engine)?;
    let wasi = run::wasi_builder(options)?.build();
    Ok(Prepared {
        store: store(&engine, wasi, options.max_memory),
        component,
        linker,
        path: options.module.display().to_string(),
    })
}

impl Prepared {
    /// Instantiates the component as a command; failures are the runner's (not a command,
    /// an import it cannot have).
    pub(crate) fn command(&mut self) -> Result<Command, SetupError> {
        let pre = command_pre(&self.linker, &self.component, Path::new(&self.path))?;
        Ok(pre.instantiate(&mut self.store)?)
    }

    /// Runs the command. Errors are the program's: exit requests or traps.
    pub(crate) fn run(&mut self, command: &Command) -> wasmtime::Result<()> {
        run_command(&mut self.store, command)
    }

    /// `--invoke 'NAME(ARGS)'`: calls the export NAME with the WAVE arguments ARGS and returns
    /// its results in WAVE, one per line.
    pub(crate) fn invoke(&mut self, call: &str) -> Result<Vec<String>, InvokeError> {
        let (name, args) = wave::split_call(call).map_err(InvokeError::Setup)?;
        let engine = self.store.engine().clone();
        let (export, ty) =
            wave::find_func(&self.component, &engine, name).map_err(InvokeError::Setup)?;
        let params = wave::parse_args(args, &ty).map_err(InvokeError::Setup)?;
        let instance = self
            .linker
            .instantiate(&mut self.store, &self.component)
            .map_err(|error| InvokeError::Setup(format!("{error:?}")))?;
        let func = instance
            .get_func(&mut self.store, export)
            .ok_or_else(|| InvokeError::Setup(format!("no exported function `{name}`")))?;
        let mut results = vec![Val::Bool(false); ty.results().len()];
        func.call(&mut self.store, &params, &mut results)
            .map_err(InvokeError::Program)?;
        results
            .iter()
            .map(wave::show)
            .collect::<Result<_, _>>()
            .map_err(InvokeError::Setup)
    }
}

/// A compiled command whose `wasi:cli/run` runs in a fresh instance each time (`--libtest`).
pub(crate) struct FreshCommand {
    pre: CommandPre<ComponentState>,
}

impl FreshCommand {
    pub(crate) fn load(
        engine: &Engine,
        path: &Path,
        jit: Option<&JitCache>,
    ) -> Result<FreshCommand, SetupError> {
        let component = load(engine, path, jit)?;
        let pre = command_pre(&linker(engine)?, &component, path)?;
        Ok(FreshCommand { pre })
    }
}

impl FreshInstance for FreshCommand {
    fn run(&self, wasi: &mut WasiCtxBuilder, deadline: u64) -> wasmtime::Result<()> {
        let mut store = store(self.pre.engine(), wasi.build(), None);
        store.set_epoch_deadline(deadline);
        let command = self.pre.instantiate(&mut store)?;
        run_command(&mut store, &command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::Config;

    /// A command whose core `run` function has `body`, which returns `run`'s result (0 for ok,
    /// 1 for err) and may call `$exit_with_code` (wasi:cli/exit's `exit-with-code`).
    fn command(body: &str) -> Vec<u8> {
        let text = format!(
            r#"(component
                 (import "wasi:cli/exit@0.2.12" (instance $exit
                   (export "exit-with-code" (func (param "status-code" u8)))))
                 (core func $exit_with_code (canon lower (func $exit "exit-with-code")))
                 (core instance $host (export "exit-with-code" (func $exit_with_code)))
                 (core module $m
                   (import "host" "exit-with-code" (func $exit_with_code (param i32)))
                   (func (export "run") (result i32) {body}))
                 (core instance $i (instantiate $m (with "host" (instance $host))))
                 (func $run (result (result)) (canon lift (core func $i "run")))
                 (instance $cli (export "run" (func $run)))
                 (export "wasi:cli/run@0.2.12" (instance $cli)))"#
        );
        wat::parse_str(text).expect("valid component text")
    }

    /// Runs the command `bytes` as `wasm-run FILE` would, returning how it ended.
    fn run_bytes(bytes: &[u8]) -> wasmtime::Result<()> {
        let engine = Engine::new(&Config::new()).unwrap();
        let component = Component::new(&engine, bytes).unwrap();
        let pre = command_pre(&linker(&engine).unwrap(), &component, Path::new("t.wasm"))
            .map_err(|SetupError(error)| error)
            .unwrap();
        let mut store = store(&engine, WasiCtxBuilder::new().build(), None);
        let command = pre.instantiate(&mut store).unwrap();
        run_command(&mut store, &command)
    }

    fn exit_status(result: wasmtime::Result<()>) -> Option<i32> {
        result
            .err()
            .and_then(|error| error.downcast_ref::<I32Exit>().map(|exit| exit.0))
    }

    #[test]
    fn detects_components_by_their_header() {
        let dir = std::env::temp_dir().join(format!("wasm-run-detect-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let component = dir.join("c.wasm");
        std::fs::write(&component, command("(i32.const 0)")).unwrap();
        let module = dir.join("m.wasm");
        std::fs::write(&module, wat::parse_str("(module)").unwrap()).unwrap();
        let short = dir.join("short.wasm");
        std::fs::write(&short, b"\0asm\x0d\0").unwrap();
        assert!(is_component(&component));
        assert!(!is_component(&module));
        assert!(!is_component(&short));
        assert!(!is_component(&dir.join("missing.wasm")));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn run_result_and_exit_code_become_the_exit_status() {
        // `run` returns the result's discriminant: 0 is ok, 1 is err.
        assert!(run_bytes(&command("(i32.const 0)")).is_ok());
        assert_eq!(exit_status(run_bytes(&command("(i32.const 1)"))), Some(1));
        let exited = run_bytes(&command(
            "(call $exit_with_code (i32.const 42)) (i32.const 0)",
        ));
        assert_eq!(exit_status(exited), Some(42));
        let trapped = run_bytes(&command("(unreachable)")).unwrap_err();
        assert!(trapped.downcast_ref::<I32Exit>().is_none());
        assert_eq!(
            trapped.downcast_ref::<wasmtime::Trap>(),
            Some(&wasmtime::Trap::UnreachableCodeReached)
        );
    }

    #[test]
    fn a_library_is_not_a_command() {
        let engine = Engine::new(&Config::new()).unwrap();
        let library = wat::parse_str(
            r#"(component
                 (core module $m (func (export "f") (result i32) (i32.const 7)))
                 (core instance $i (instantiate $m))
                 (func (export "f") (result u32) (canon lift (core func $i "f"))))"#,
        )
        .unwrap();
        let component = Component::new(&engine, library).unwrap();
        let Err(SetupError(error)) =
            command_pre(&linker(&engine).unwrap(), &component, Path::new("lib.wasm"))
        else {
            panic!("a component without wasi:cli/run passed as a command");
        };
        assert!(format!("{error}").contains("is not a wasi:cli/command"));
    }
}
