//! Running external commands: echoing them, timing steps, capturing output under a time limit.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::Res;

/// A command line as a shell would show it, for messages.
pub fn describe(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words
        .iter()
        .map(|word| {
            if word.is_empty() || word.contains([' ', '"', '\'', '$']) {
                format!("'{}'", word.replace('\'', r"'\''"))
            } else {
                word.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `cmd` with inherited stdio; failure names the command.
pub fn run(cmd: &mut Command) -> Res<()> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs `cmd` and returns its stdout; stderr passes through.
pub fn stdout_of(cmd: &mut Command) -> Res<String> {
    let output = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    if !output.status.success() {
        return Err(format!("`{}` failed ({})", describe(cmd), output.status));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("`{}` printed non-UTF-8", describe(cmd)))
}

/// How a captured command ended.
pub struct Finished {
    /// The exit status; `None` when killed by a signal or by our time limit.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

/// `run_captured`, where a command that cannot even start is a failed run whose stderr says why
/// (for checks that report a failed command the same way in both cases).
pub fn run_or_report(cmd: &mut Command, limit: Duration) -> Finished {
    let description = describe(cmd);
    run_captured(cmd, limit).unwrap_or_else(|message| Finished {
        code: None,
        stdout: Vec::new(),
        stderr: format!("{message}\n(command: {description})").into_bytes(),
        timed_out: false,
    })
}

/// Runs `cmd` with stdin closed, capturing stdout and stderr, killing it (and its children) after
/// `limit`. `Err` only when it cannot be started.
pub fn run_captured(cmd: &mut Command, limit: Duration) -> Res<Finished> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a time-out kills the linker or runner it started too.
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => {
                timed_out = true;
                kill_group(child.id());
                break child.wait().ok();
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    Ok(Finished {
        code: status.and_then(|status| status.code()),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        timed_out,
    })
}

fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error only truncates what we show; the exit status still decides.
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn kill_group(pid: u32) {
    // No libc binding (zero dependencies): kill(1) reaches the whole process group.
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .status();
}

/// Runs one named step of a command, announcing it and its duration on stderr.
pub fn step<T>(tag: &str, name: &str, body: impl FnOnce() -> T) -> T {
    eprintln!("[{tag}] {name}");
    let started = Instant::now();
    let result = body();
    eprintln!("[{tag}] {name}: {:.1}s", started.elapsed().as_secs_f64());
    result
}
