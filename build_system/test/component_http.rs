//! The components group's service: example/component (a `wasi:http` handler written with
//! wit-bindgen) built by `cargo wasm build --target wasip2` in both modes, served by
//! `wasm-run serve` on 127.0.0.1, sent example/component/requests.txt over HTTP/1.1 and held to
//! example/component/responses.txt: status line, the headers listed there, the body.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::component_build;
use crate::fsutil;

const EXAMPLE: &str = "example/component";
/// How long the server may take to compile the component and listen.
const STARTUP: Duration = Duration::from_secs(120);
/// What `wasm-run serve` prints on stderr once it listens, before the address.
const SERVING: &str = "wasm-run: serving http://";

/// One request of requests.txt.
struct Request {
    method: String,
    path: String,
    body: String,
}

/// One block of responses.txt.
struct Expected {
    request: String,
    status: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// Builds the example in `mode` (dev or release), serves it, and checks every response.
pub fn check(repo: &Path, cargo_wasm: &Path, target_dir: &Path, mode: &str) -> Result<(), String> {
    let dir = repo.join(EXAMPLE);
    let wasm = component_build::build(cargo_wasm, &dir, target_dir, mode, "inventory")?;
    let requests = requests(&fsutil::read_to_string(&dir.join("requests.txt"))?)?;
    let expected = expected(&fsutil::read_to_string(&dir.join("responses.txt"))?)?;
    if requests.len() != expected.len() {
        return Err(format!(
            "{EXAMPLE}: {} requests but {} responses",
            requests.len(),
            expected.len()
        ));
    }
    let wasm_run = cargo_wasm.with_file_name("wasm-run");
    let mut server = Server::start(&wasm_run, &wasm)?;
    let mut problems = Vec::new();
    for (request, expected) in requests.iter().zip(&expected) {
        let asked = format!("{} {}", request.method, request.path);
        if asked != expected.request {
            return Err(format!(
                "responses.txt answers `{}` where requests.txt asks `{asked}`",
                expected.request
            ));
        }
        match exchange(&server.address, request) {
            Ok(response) => problems.extend(
                differences(expected, &response)
                    .into_iter()
                    .map(|why| format!("{asked}: {why}")),
            ),
            Err(why) => problems.push(format!("{asked}: {why}")),
        }
    }
    let log = server.stop();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "[{mode}] {} of {} responses differ:\n  {}\nserver stderr:\n{log}",
            problems.len(),
            requests.len(),
            problems.join("\n  ")
        ))
    }
}

/// `wasm-run serve` on a free port, killed on `stop`.
struct Server {
    child: Child,
    address: String,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    fn start(wasm_run: &Path, wasm: &Path) -> Result<Server, String> {
        let mut child = Command::new(wasm_run)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .arg(wasm)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", wasm_run.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr pipe")?;
        // A thread reads stderr, so the server never blocks on a full pipe.
        let (lines, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let mut seen = Vec::new();
        loop {
            match receiver.recv_timeout(STARTUP) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix(SERVING) {
                        let address = rest.trim_end_matches('/').to_owned();
                        return Ok(Server {
                            child,
                            address,
                            stderr: receiver,
                        });
                    }
                    seen.push(line);
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "wasm-run serve did not say `{SERVING}...`; its stderr:\n{}",
                        seen.join("\n")
                    ));
                }
            }
        }
    }

    /// Ends the server; what it printed after starting.
    fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let lines: Vec<String> = self.stderr.try_iter().collect();
        lines.join("\n")
    }
}

/// A response as received: status line, headers (names lowercased), body.
struct Response {
    status: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn exchange(address: &str, request: &Request) -> Result<Response, String> {
    let mut stream =
        TcpStream::connect(address).map_err(|e| format!("cannot connect to {address}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "{} {} HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        request.method,
        request.path,
        request.body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(request.body.as_bytes()))
        .map_err(|e| format!("cannot send: {e}"))?;
    let mut data = Vec::new();
    stream
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot read the response: {e}"))?;
    let split = data
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or("the response has no end of header")?;
    let head = String::from_utf8_lossy(&data[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_owned()))
        .collect();
    Ok(Response {
        status,
        headers,
        body: data[split + 4..].to_vec(),
    })
}

fn differences(expected: &Expected, response: &Response) -> Vec<String> {
    let mut problems = Vec::new();
    if response.status != expected.status {
        problems.push(format!(
            "status `{}`, expected `{}`",
            response.status, expected.status
        ));
    }
    for (name, value) in &expected.headers {
        let found: Vec<&String> = response
            .headers
            .iter()
            .filter(|(have, _)| have == name)
            .map(|(_, value)| value)
            .collect();
        if found != [value] {
            problems.push(format!("header {name}: {found:?}, expected {value:?}"));
        }
    }
    if response.body != expected.body.as_bytes() {
        problems.push(format!(
            "body {:?}, expected {:?}",
            String::from_utf8_lossy(&response.body),
            expected.body
        ));
    }
    problems
}

/// `\n` is a newline and `\\` a backslash; nothing else is escaped.
fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            other => return Err(format!("`{text}`: unknown escape \\{other:?}")),
        }
    }
    Ok(out)
}

fn requests(text: &str) -> Result<Vec<Request>, String> {
    let mut requests = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, ' ');
        let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
            return Err(format!(
                "requests.txt: `{line}` is not `METHOD PATH [BODY]`"
            ));
        };
        requests.push(Request {
            method: method.to_owned(),
            path: path.to_owned(),
            body: unescape(parts.next().unwrap_or_default())?,
        });
    }
    Ok(requests)
}

fn expected(text: &str) -> Result<Vec<Expected>, String> {
    let mut blocks = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let malformed = || {
            format!(
                "responses.txt: a block is not `> REQUEST`, status, headers, `body: `:\n{block}"
            )
        };
        let (Some(request), Some(status), Some(body)) = (
            lines.first().and_then(|line| line.strip_prefix("> ")),
            lines.get(1),
            lines.last().and_then(|line| line.strip_prefix("body: ")),
        ) else {
            return Err(malformed());
        };
        let headers = lines[2..lines.len() - 1]
            .iter()
            .map(|line| {
                line.split_once(": ")
                    .map(|(name, value)| (name.to_owned(), value.to_owned()))
                    .ok_or_else(malformed)
            })
            .collect::<Result<_, _>>()?;
        blocks.push(Expected {
            request: request.to_owned(),
            status: (*status).to_owned(),
            headers,
            body: unescape(body)?,
        });
    }
    Ok(blocks)
}
