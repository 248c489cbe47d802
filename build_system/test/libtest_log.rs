//! Reads the verdict of every test from `cargo test` output (cargo's `Running` lines and
//! libtest's `test NAME ... ok` lines), keyed by harness and test name.

use std::collections::BTreeMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    Passed,
    Failed,
    Ignored,
}

/// `HARNESS::TEST` -> verdict, where HARNESS is what cargo's `Running` line names
/// (`unittests src/lib.rs`, `tests/test.rs`): the same in every mode, unlike the file hash.
pub fn verdicts(output: &str) -> BTreeMap<String, Verdict> {
    let mut harness = String::new();
    let mut verdicts = BTreeMap::new();
    for line in output.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Running ") {
            harness = rest
                .rsplit_once(" (")
                .map_or(rest, |(name, _)| name)
                .to_owned();
            continue;
        }
        let Some((name, verdict)) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.rsplit_once(" ... "))
        else {
            continue;
        };
        let verdict = match verdict {
            "ok" => Verdict::Passed,
            "FAILED" => Verdict::Failed,
            _ if verdict.starts_with("ignored") => Verdict::Ignored,
            _ => continue,
        };
        verdicts.insert(format!("{harness}::{name}"), verdict);
    }
    verdicts
}

/// How many tests got `verdict`.
pub fn count(verdicts: &BTreeMap<String, Verdict>, verdict: Verdict) -> usize {
    verdicts.values().filter(|v| **v == verdict).count()
}
