//! A greedy reducer: deletes whole items, blocks and lines of a failing program while it still
//! compiles and exits 0 under LLVM and our build still departs from it the same way.

use std::collections::HashSet;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use super::compare::{self, Kind, Ours, Timing, Verdict};
use crate::fsutil;
use crate::test::exec::Tools;

/// Reduction stops after this many candidate programs (each is two to four compiles).
const MAX_ATTEMPTS: usize = 400;
/// ... or after this long, keeping what it has.
const MAX_TIME: Duration = Duration::from_secs(20 * 60);
/// While dist/ is unusable (being rebuilt), each candidate waits up to 40 min for it.
const TOOLCHAIN_RETRIES: usize = 120;
const TOOLCHAIN_POLL: Duration = Duration::from_secs(20);

/// The smallest program found that still fails like `source` does in `build` (`kind`).
pub fn reduce(tools: &Tools, source: &str, dir: &Path, build: Ours, kind: Kind) -> String {
    let started = Instant::now();
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    let mut attempts = 0;
    loop {
        let mut changed = false;
        let mut tried: HashSet<String> = HashSet::new();
        // Biggest first: one deleted block saves many line-by-line attempts.
        'pass: loop {
            let mut units = units(&lines);
            units.sort_by_key(|&(start, end)| std::cmp::Reverse(end - start));
            for (start, end) in units {
                let key = lines[start..end].join("\n");
                if !tried.insert(key) {
                    continue;
                }
                if attempts >= MAX_ATTEMPTS || started.elapsed() > MAX_TIME {
                    return joined(&lines);
                }
                attempts += 1;
                let mut candidate = lines.clone();
                candidate.drain(start..end);
                if still_fails(tools, &joined(&candidate), dir, build, kind) {
                    lines = candidate;
                    changed = true;
                    // The line numbers moved: find the units again.
                    continue 'pass;
                }
            }
            break;
        }
        if !changed {
            return joined(&lines);
        }
    }
}

/// The lines as a file, runs of blank lines (left by deleted items) collapsed into one.
fn joined(lines: &[String]) -> String {
    let mut text = String::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() && blank {
            continue;
        }
        blank = line.trim().is_empty();
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Deletable line ranges `[start, end)`: every brace-balanced line, and every line opening a
/// brace with all lines up to the one closing it (with the attributes above it).
fn units(lines: &[String]) -> Vec<(usize, usize)> {
    let delta = |line: &str| {
        line.chars().filter(|&c| c == '{').count() as i64
            - line.chars().filter(|&c| c == '}').count() as i64
    };
    let mut units = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("#") || trimmed.starts_with("//") {
            continue;
        }
        // main itself is never deleted, only its contents.
        if trimmed.starts_with("fn main()") {
            continue;
        }
        let d = delta(line);
        let end = if d == 0 {
            i + 1
        } else if d > 0 {
            let mut depth = d;
            let mut j = i + 1;
            while j < lines.len() && depth > 0 {
                depth += delta(&lines[j]);
                j += 1;
            }
            if depth != 0 {
                continue;
            }
            j
        } else {
            continue;
        };
        let mut start = i;
        while start > 0 && lines[start - 1].trim_start().starts_with("#[") {
            start -= 1;
        }
        units.push((start, end));
    }
    units
}

/// Whether `text` is still a valid program (LLVM builds it, it exits 0) on which `build` of
/// ours still fails with `kind`. Waits while dist/ is unusable rather than answer wrongly.
fn still_fails(tools: &Tools, text: &str, dir: &Path, build: Ours, kind: Kind) -> bool {
    let source = dir.join("candidate.rs");
    if fsutil::write(&source, text).is_err() {
        return false;
    }
    for _ in 0..TOOLCHAIN_RETRIES {
        let mut timing = Timing::default();
        let answer = compare::reference(tools, &source, dir, &mut timing)
            .and_then(|expected| compare::ours(tools, &source, dir, build, &expected, &mut timing));
        match answer {
            Err(Verdict::ToolchainBroken(_)) => thread::sleep(TOOLCHAIN_POLL),
            Ok(Some(finding)) => return finding.kind == kind,
            _ => return false,
        }
    }
    false
}
