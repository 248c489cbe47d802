//! The last build step: proves the sysroot links (rust-lld, wasi-libc) and wasm-run runs it.

use std::process::Command;
use std::time::Duration;

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;
use crate::process;

/// Exercises println (fd_write), args, and proc_exit with a status the runner must pass on.
const HELLO: &str = r#"fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("Hello, world! args={args:?}");
    std::process::exit(7);
}
"#;
const EXPECTED_STDOUT: &str = "Hello, world! args=[\"a\", \"b c\"]\n";
const EXPECTED_EXIT: i32 = 7;

pub fn hello_world(dirs: &Dirs) -> Res<()> {
    let work = dirs.build.join("smoke");
    fsutil::fresh_dir(&work)?;
    let source = work.join("hello.rs");
    let wasm = work.join("hello.wasm");
    fsutil::write(&source, HELLO)?;
    process::run(
        Command::new(dirs.dist.join("bin/rustc-wasm-llvm"))
            .arg(&source)
            .arg("-o")
            .arg(&wasm),
    )?;
    let finished = process::run_captured(
        Command::new(dirs.dist.join("bin/wasm-run"))
            .arg(&wasm)
            .args(["a", "b c"]),
        Duration::from_secs(60),
    )?;
    let stdout = String::from_utf8_lossy(&finished.stdout);
    if stdout != EXPECTED_STDOUT || finished.code != Some(EXPECTED_EXIT) {
        return Err(format!(
            "hello world: expected exit {EXPECTED_EXIT} and stdout {EXPECTED_STDOUT:?}, \
             got exit {:?} and stdout {stdout:?}\nstderr:\n{}",
            finished.code,
            String::from_utf8_lossy(&finished.stderr)
        ));
    }
    eprintln!(
        "[build] hello world: {} bytes, runs in wasm-run",
        std::fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0)
    );
    Ok(())
}
