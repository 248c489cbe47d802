//! Running one command repeatedly: wall time, peak memory (GNU time's maximum RSS) and output.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Res;
use crate::fsutil;
use crate::process::{self, Finished};

/// GNU time (Debian package `time`): the shell builtin cannot report peak memory.
pub const GNU_TIME: &str = "/usr/bin/time";

/// A command to measure, kept as data so it can be wrapped in GNU time and re-run.
#[derive(Clone)]
pub struct Job {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// The whole environment, when it must be exactly a recorded one (cargo's rustc runs).
    pub env: Option<Vec<(OsString, OsString)>>,
    pub cwd: PathBuf,
}

impl Job {
    pub fn new(program: impl Into<PathBuf>, cwd: &Path) -> Job {
        Job {
            program: program.into(),
            args: Vec::new(),
            env: None,
            cwd: cwd.to_owned(),
        }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Job {
        self.args.push(arg.into());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Job {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// The command line, for failure messages and the report's notes.
    pub fn describe(&self) -> String {
        process::describe(Command::new(&self.program).args(&self.args))
    }

    fn command(&self, peak_file: &Path) -> Command {
        let mut cmd = Command::new(GNU_TIME);
        cmd.arg("-o")
            .arg(peak_file)
            .args(["-f", "%M"])
            .arg(&self.program)
            .args(&self.args)
            .current_dir(&self.cwd);
        if let Some(env) = &self.env {
            cmd.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
        }
        cmd
    }
}

/// One finished run.
pub struct Sample {
    pub wall: Duration,
    /// Peak resident memory of the process (the largest of it and its waited-for children), KiB.
    pub peak_kib: u64,
    pub finished: Finished,
}

impl Sample {
    pub fn succeeded(&self) -> bool {
        !self.finished.timed_out && self.finished.code == Some(0)
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.finished.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.finished.stderr).into_owned()
    }

    /// "exit 3", "timed out", ... and the first lines of stderr: why a run does not count.
    pub fn failure(&self) -> String {
        let ending = match (self.finished.timed_out, self.finished.code) {
            (true, _) => "timed out".to_owned(),
            (false, Some(134)) => "trapped (exit 134)".to_owned(),
            (false, Some(code)) => format!("exit {code}"),
            (false, None) => "killed by a signal".to_owned(),
        };
        let stderr = self.stderr();
        let excerpt: Vec<&str> = stderr
            .lines()
            .filter(|line| !line.starts_with("time:"))
            .map(json_message)
            .filter(|line| !line.trim().is_empty())
            .take(12)
            .collect();
        format!("{ending}: {}", excerpt.join("\n"))
    }
}

/// The `"message"` of one of rustc's JSON diagnostics (cargo asks for them), else the line.
fn json_message(line: &str) -> &str {
    let Some(start) = line
        .strip_prefix("{\"$message_type\"")
        .and_then(|rest| rest.find("\"message\":\"").map(|i| &rest[i + 11..]))
    else {
        return line;
    };
    // Up to the first unescaped quote.
    let mut escaped = false;
    for (i, c) in start.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return &start[..i],
            _ => escaped = false,
        }
    }
    start
}

/// Runs `job` once under GNU time; `scratch` holds GNU time's output file.
pub fn run(job: &Job, limit: Duration, scratch: &Path) -> Res<Sample> {
    fsutil::create_dir_all(scratch)?;
    let peak_file = scratch.join("peak-rss.txt");
    fsutil::remove_file(&peak_file)?;
    let mut cmd = job.command(&peak_file);
    let started = Instant::now();
    let finished = process::run_captured(&mut cmd, limit)?;
    let wall = started.elapsed();
    // GNU time writes "Command exited with non-zero status N" before the number when N != 0.
    let peak_kib = std::fs::read_to_string(&peak_file)
        .ok()
        .and_then(|text| text.lines().last()?.trim().parse().ok())
        .unwrap_or(0);
    Ok(Sample {
        wall,
        peak_kib,
        finished,
    })
}

/// The median of `values` (the mean of the middle two for an even count); `NaN` when empty.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Median, minimum and maximum of repeated measurements of one quantity.
#[derive(Clone, Copy)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub runs: usize,
}

impl Stats {
    pub fn of(values: &[f64]) -> Stats {
        Stats {
            median: median(values),
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            runs: values.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_diagnostics_shrink_to_their_message() {
        let line = r#"{"$message_type":"diagnostic","message":"cannot \"x\"","code":null}"#;
        assert_eq!(json_message(line), r#"cannot \"x\""#);
        assert_eq!(json_message("error: plain"), "error: plain");
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
