//! A static file server on 127.0.0.1 for the browser tests: ES modules and fetch need http://.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crate::Res;

/// Serves the files under one directory (none hidden, nothing above it) until dropped.
pub struct StaticServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StaticServer {
    /// Listens on a free port of 127.0.0.1 and serves `root` from a thread of its own.
    pub fn start(root: &Path) -> Res<StaticServer> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("no address for the listener: {e}"))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let (root, stop) = (root.to_path_buf(), Arc::clone(&stopping));
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    // A failed answer only fails the page, which the test reports.
                    let _ = answer(&root, stream);
                }
            }
        });
        Ok(StaticServer {
            address,
            stopping,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT/PATH`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.address)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // The accepting thread blocks in accept(): one more connection wakes it to see the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one GET with the file its path names in `root`, or 404; one request per connection.
fn answer(root: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // The headers are read and ignored, so the browser sees its request consumed.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let file = request_line
        .split_whitespace()
        .nth(1)
        .and_then(|target| target.split('?').next())
        .and_then(|path| path.strip_prefix('/'))
        // Subdirectories (wasm-bindgen's pkg/) but nothing hidden and no way up.
        .filter(|name| {
            name.split('/')
                .all(|part| !part.is_empty() && !part.starts_with('.'))
        })
        .map(|name| root.join(name));
    let (status, content_type, body) = match file.as_deref().map(|f| (f, std::fs::read(f))) {
        Some((path, Ok(body))) => ("200 OK", content_type(path), body),
        _ => ("404 Not Found", "text/plain", b"not found\n".to_vec()),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        // Browsers load ES modules only with a JavaScript MIME type.
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}
