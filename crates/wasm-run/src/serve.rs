//! `wasm-run serve`: a `wasi:http/proxy` component behind hyper's HTTP/1.1 server, each request
//! handled by a fresh instance (as `wasmtime serve` does).

use std::convert::Infallible;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;
use wasmtime::component::{Linker, ResourceTable};
use wasmtime::{Engine, Store, StoreLimits, StoreLimitsBuilder};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};
use wasmtime_wasi_http::io::TokioIo;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::body::HyperOutgoingBody;
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

use crate::SETUP_EXIT;
use crate::cli::ServeOptions;
use crate::component;
use crate::run::{self, SetupError};

pub(crate) fn main(options: &ServeOptions) -> ExitCode {
    let fail = |error: wasmtime::Error| {
        eprintln!("wasm-run: {error:?}");
        ExitCode::from(SETUP_EXIT)
    };
    let server = match Server::load(options) {
        Ok(server) => Arc::new(server),
        Err(SetupError(error)) => return fail(error),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(error.into()),
    };
    let served = runtime.block_on(async {
        let listener = TcpListener::bind(&options.addr).await.map_err(|error| {
            wasmtime::Error::from(error).context(format!("cannot bind {}", options.addr))
        })?;
        // The one line a test client waits for: with port 0 it is the only way to learn the
        // port.
        eprintln!("wasm-run: serving http://{}/", listener.local_addr()?);
        Ok::<_, wasmtime::Error>(server.serve(listener).await)
    });
    match served {
        Ok(never) => match never {},
        Err(error) => fail(error),
    }
}

/// Per-request state: WASI 0.2, wasi:http, and the resources they hand out.
struct RequestState {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
    /// `--max-memory`.
    limits: StoreLimits,
}

impl WasiView for RequestState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for RequestState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            // wasmtime-wasi-http's defaults: its header rules, and outgoing requests sent.
            hooks: Default::default(),
        }
    }
}

/// The component, pre-instantiated, and what each request's instance gets.
struct Server {
    pre: ProxyPre<RequestState>,
    /// argv[0] of every instance.
    name: String,
    dirs: Vec<String>,
    max_memory: Option<usize>,
}

impl Server {
    fn load(options: &ServeOptions) -> Result<Server, SetupError> {
        let (config, jit) = run::engine_config(options.cache, options.debug_info)?;
        let engine = Engine::new(&config)?;
        let path = &options.component;
        // wasmtime's own message for a module given as a component is about a byte it misread.
        if path.exists() && !component::is_component(path) {
            return Err(SetupError(wasmtime::format_err!(
                "`{}` is not a component: serve needs a wasi:http/proxy component (wasm32-wasip2)",
                path.display()
            )));
        }
        let component = component::load(&engine, path, jit.as_deref())?;
        // A handler's blocking WASI calls must not block the server's threads: async bindings.
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
        let pre = ProxyPre::new(linker.instantiate_pre(&component)?).map_err(|error| {
            SetupError(error.context(format!(
                "`{}` is not a wasi:http/proxy (it exports no wasi:http/incoming-handler)",
                path.display()
            )))
        })?;
        // Checked now rather than at the first request.
        run::preopen(&mut WasiCtxBuilder::new(), &options.dirs)?;
        Ok(Server {
            pre,
            name: path.display().to_string(),
            dirs: options.dirs.clone(),
            max_memory: options.max_memory,
        })
    }

    /// Accepts connections until the process is killed; each is served on a task of its own.
    async fn serve(self: Arc<Self>, listener: TcpListener) -> Infallible {
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _peer)) => stream,
                // Out of file descriptors, a connection reset before it was accepted: the
                // listener itself is fine. A pause keeps a lasting cause from spinning the loop.
                Err(error) => {
                    eprintln!("wasm-run: cannot accept a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let server = self.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request| server.clone().handle(request));
                if let Err(error) = http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(TokioIo::new(stream), service)
                    .await
                {
                    eprintln!("wasm-run: connection: {error}");
                }
            });
        }
    }

    /// The component's response to `request`, or a 500 when it gave none.
    async fn handle(
        self: Arc<Self>,
        request: Request<Incoming>,
    ) -> Result<Response<HyperOutgoingBody>, Infallible> {
        let what = format!("{} {}", request.method(), request.uri());
        match self.respond(request, &what).await {
            Ok(response) => Ok(response),
            Err(error) => {
                eprintln!("wasm-run: {what}: {error}; responding 500");
                Ok(internal_error())
            }
        }
    }

    async fn respond(
        &self,
        request: Request<Incoming>,
        what: &str,
    ) -> wasmtime::Result<Response<HyperOutgoingBody>> {
        let mut store = self.store().map_err(|SetupError(error)| error)?;
        let (sender, receiver) = tokio::sync::oneshot::channel();
        let request = store
            .data_mut()
            .http()
            .new_incoming_request(Scheme::Http, request)?;
        let outparam = store.data_mut().http().new_response_outparam(sender)?;
        let pre = self.pre.clone();
        let what = what.to_owned();
        // The handler runs on a task of its own: it may go on writing the body after it has
        // given the response head, which `receiver` delivers.
        let handler = tokio::spawn(async move {
            let result = async {
                let proxy = pre.instantiate_async(&mut store).await?;
                proxy
                    .wasi_http_incoming_handler()
                    .call_handle(&mut store, request, outparam)
                    .await
            }
            .await;
            // Printed here, as it happens: a trap after the response head cuts the body short,
            // which the client sees, but the reason only shows here.
            if let Err(error) = &result {
                eprintln!("wasm-run: {what}: the handler trapped: {error:?}");
            }
            result.is_ok()
        });
        match receiver.await {
            Ok(Ok(response)) => Ok(response),
            Ok(Err(code)) => Err(wasmtime::format_err!(
                "the handler responded with the error {code:?}"
            )),
            // The store, and with it the sender, is gone: the handler ended without a response.
            Err(_) => match handler.await {
                Ok(true) => Err(wasmtime::format_err!("the handler set no response")),
                Ok(false) => Err(wasmtime::format_err!("the handler trapped")),
                Err(join) => Err(wasmtime::format_err!("the handler's task failed: {join}")),
            },
        }
    }

    /// A store for one request's instance.
    fn store(&self) -> Result<Store<RequestState>, SetupError> {
        let mut wasi = WasiCtxBuilder::new();
        wasi.inherit_stdio().inherit_env().arg(&self.name);
        run::preopen(&mut wasi, &self.dirs)?;
        let state = RequestState {
            wasi: wasi.build(),
            http: WasiHttpCtx::new(),
            table: ResourceTable::new(),
            limits: StoreLimits::default(),
        };
        let mut store = Store::new(self.pre.engine(), state);
        if let Some(bytes) = self.max_memory {
            store.data_mut().limits = StoreLimitsBuilder::new().memory_size(bytes).build();
            store.limiter(|state| &mut state.limits);
        }
        Ok(store)
    }
}

fn internal_error() -> Response<HyperOutgoingBody> {
    let body = Full::new(Bytes::from_static(b"500 Internal Server Error\n"))
        .map_err(|never| match never {})
        .boxed_unsync();
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::path::PathBuf;

    /// A wasi:http/proxy whose handler runs `body` (core wasm) and never sets a response.
    fn proxy(body: &str) -> Vec<u8> {
        let text = format!(
            r#"(component
                 (import "wasi:http/types@0.2.12" (instance $types
                   (export "incoming-request" (type (sub resource)))
                   (export "response-outparam" (type (sub resource)))))
                 (alias export $types "incoming-request" (type $request))
                 (alias export $types "response-outparam" (type $outparam))
                 (core module $m (func (export "handle") (param i32 i32) {body}))
                 (core instance $i (instantiate $m))
                 (func $handle (param "request" (own $request))
                               (param "response-out" (own $outparam))
                   (canon lift (core func $i "handle")))
                 (instance $handler (export "handle" (func $handle)))
                 (export "wasi:http/incoming-handler@0.2.12" (instance $handler)))"#
        );
        wat::parse_str(text).expect("valid component text")
    }

    /// Serves `component` on a free loopback port and returns the status line of each of
    /// `requests` GET requests, each on a connection of its own.
    fn status_lines(component: &[u8], requests: usize) -> Vec<String> {
        let path = std::env::temp_dir().join(format!(
            "wasm-run-serve-{}-{}.wasm",
            std::process::id(),
            requests
        ));
        std::fs::write(&path, component).unwrap();
        let options = ServeOptions {
            component: PathBuf::from(&path),
            addr: "127.0.0.1:0".to_owned(),
            dirs: Vec::new(),
            cache: false,
            debug_info: false,
            max_memory: None,
        };
        let server = Arc::new(Server::load(&options).map_err(|SetupError(e)| e).unwrap());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime.block_on(TcpListener::bind(&options.addr)).unwrap();
        let addr = listener.local_addr().unwrap();
        runtime.spawn(server.serve(listener));
        let lines = (0..requests)
            .map(|_| {
                let mut stream = std::net::TcpStream::connect(addr).unwrap();
                stream
                    .write_all(b"GET /x HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
                    .unwrap();
                let mut response = String::new();
                stream.read_to_string(&mut response).unwrap();
                response.lines().next().unwrap_or_default().to_owned()
            })
            .collect();
        runtime.shutdown_background();
        std::fs::remove_file(path).unwrap();
        lines
    }

    #[test]
    fn a_trapping_handler_gets_a_500_and_the_server_goes_on() {
        let lines = status_lines(&proxy("unreachable"), 2);
        assert_eq!(lines, ["HTTP/1.1 500 Internal Server Error"; 2]);
    }

    #[test]
    fn a_handler_that_sets_no_response_gets_a_500() {
        let lines = status_lines(&proxy(""), 1);
        assert_eq!(lines, ["HTTP/1.1 500 Internal Server Error"]);
    }

    #[test]
    fn only_a_proxy_is_served() {
        let dir = std::env::temp_dir().join(format!("wasm-run-serve-no-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let library = dir.join("library.wasm");
        std::fs::write(&library, wat::parse_str("(component)").unwrap()).unwrap();
        let module = dir.join("module.wasm");
        std::fs::write(&module, wat::parse_str("(module)").unwrap()).unwrap();
        for (path, expected) in [
            (library, "is not a wasi:http/proxy"),
            (module, "is not a component"),
        ] {
            let options = ServeOptions {
                component: path,
                addr: String::new(),
                dirs: Vec::new(),
                cache: false,
                debug_info: false,
                max_memory: None,
            };
            let Err(SetupError(error)) = Server::load(&options) else {
                panic!("{} was accepted", options.component.display());
            };
            assert!(format!("{error}").contains(expected), "{error}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
