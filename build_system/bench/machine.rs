//! What the numbers were measured on: CPU, cores, memory, OS, compiler, runtime, load, commit.

use std::path::Path;
use std::process::Command;

use crate::process;
use crate::toolchain::Toolchain;

/// A markdown list describing the machine and the software under test.
pub fn describe(repo: &Path, toolchain: &Toolchain, load_before: &str) -> String {
    let cpu = first_field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = first_field("/proc/meminfo", "MemTotal")
        .and_then(|kb| kb.trim_end_matches(" kB").trim().parse::<u64>().ok())
        .map_or("unknown".into(), |kb| format!("{} GiB", kb / (1024 * 1024)));
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("PRETTY_NAME="))
                .map(|name| name.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| "unknown OS".into());
    let kernel = read_trimmed("/proc/sys/kernel/osrelease");
    let rustc = toolchain
        .version
        .lines()
        .next()
        .unwrap_or("rustc ?")
        .to_owned();
    let wasmtime = lock_version(&repo.join("Cargo.lock"), "wasmtime").unwrap_or_else(|| "?".into());
    let commit =
        output(
            Command::new("git")
                .current_dir(repo)
                .args(["rev-parse", "--short", "HEAD"]),
        );
    let dirty = output(Command::new("git").current_dir(repo).args([
        "status",
        "--porcelain",
        "--untracked-files=no",
    ]));
    let date = output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]));
    format!(
        "- machine: {cpu}, {cores} cores, {memory} RAM; {os}, Linux {kernel}\n\
         - load average (1/5/15 min) before: {load_before}, after: {}\n\
         - {rustc}; wasm-run with wasmtime {wasmtime}\n\
         - commit {commit}{}, {date}\n",
        load_average(),
        if dirty.is_empty() {
            ""
        } else {
            " (with uncommitted changes)"
        },
    )
}

/// The first three fields of /proc/loadavg: how busy the machine was.
pub fn load_average() -> String {
    read_trimmed("/proc/loadavg")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_field(path: &str, key: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()?
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            (name.trim() == key).then(|| value.trim().to_owned())
        })
}

fn read_trimmed(path: &str) -> String {
    std::fs::read_to_string(path).map_or_else(|_| "?".into(), |text| text.trim().to_owned())
}

/// The version of `name` in a Cargo.lock.
fn lock_version(lock: &Path, name: &str) -> Option<String> {
    let text = std::fs::read_to_string(lock).ok()?;
    let mut lines = text.lines();
    lines.find(|line| *line == format!("name = \"{name}\""))?;
    let version = lines.next()?.strip_prefix("version = ")?;
    Some(version.trim_matches('"').to_owned())
}

fn output(cmd: &mut Command) -> String {
    process::stdout_of(cmd).map_or_else(|_| "?".into(), |text| text.trim().to_owned())
}
