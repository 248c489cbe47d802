//! Reads `wasm-run --libtest --summary-json` files, the committed known-failures list, and
//! compares the LLVM and our verdicts of one suite.

use std::collections::{BTreeMap, BTreeSet};

use crate::Res;

/// A test's verdict in one run.
#[derive(Clone, PartialEq, Debug)]
pub(super) enum Verdict {
    Ok,
    Ignored,
    /// With wasm-run's short reason (`panicked or trapped`, `timed out after 60 s`, ...).
    Failed(String),
}

/// Every test of one harness run, by name.
pub(super) type Verdicts = BTreeMap<String, Verdict>;

/// The `{"name":..,"verdict":..}` lines of a summary file (one test per line by contract).
pub(super) fn parse_summary(text: &str) -> Res<Verdicts> {
    let mut verdicts = Verdicts::new();
    for line in text.lines().filter(|line| line.starts_with("{\"name\":")) {
        let bad = || format!("unreadable summary line: {line}");
        let name = json_field(line, "name").ok_or_else(bad)?;
        let verdict = match json_field(line, "verdict").ok_or_else(bad)?.as_str() {
            "ok" => Verdict::Ok,
            "ignored" => Verdict::Ignored,
            "failed" => Verdict::Failed(json_field(line, "reason").unwrap_or_default()),
            _ => return Err(bad()),
        };
        verdicts.insert(name, verdict);
    }
    if !text.contains("\"tests\":[") {
        return Err("not a wasm-run --summary-json file".to_owned());
    }
    Ok(verdicts)
}

/// The string value of `"key":"..."` in a flat JSON object line.
fn json_field(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = line[start..].chars();
    loop {
        match chars.next()? {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'r' => value.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
}

/// `passed / failed / ignored` of one run.
pub(super) fn counts(verdicts: &Verdicts) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for verdict in verdicts.values() {
        match verdict {
            Verdict::Ok => counts.0 += 1,
            Verdict::Failed(_) => counts.1 += 1,
            Verdict::Ignored => counts.2 += 1,
        }
    }
    counts
}

/// tests/sysroot_tests/known-failures.txt: `SUITE TEST CAUSE...` per line, `#` comments.
pub(super) struct KnownFailures {
    /// (suite, test) -> cause.
    pub(super) entries: BTreeMap<(String, String), String>,
}

impl KnownFailures {
    pub(super) fn parse(text: &str) -> Res<KnownFailures> {
        let mut entries = BTreeMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Columns are separated by any run of blanks (the file aligns them).
            let (suite, rest) = first_word(line);
            let (test, cause) = first_word(rest);
            if suite.is_empty() || test.is_empty() || cause.is_empty() {
                return Err(format!(
                    "line {}: expected `SUITE TEST CAUSE`, got `{line}`",
                    number + 1
                ));
            }
            entries.insert((suite.to_owned(), test.to_owned()), cause.trim().to_owned());
        }
        Ok(KnownFailures { entries })
    }

    pub(super) fn cause(&self, suite: &str, test: &str) -> Option<&str> {
        self.entries
            .get(&(suite.to_owned(), test.to_owned()))
            .map(String::as_str)
    }
}

/// The first blank-separated word of `text` and the rest, both trimmed.
fn first_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (&text[..end], text[end..].trim())
}

/// A test that passes under LLVM and not under ours.
pub(super) struct Regression {
    pub(super) test: String,
    /// Ours' verdict: wasm-run's reason, or that our harness does not have the test.
    pub(super) ours: String,
    /// The cause from known-failures.txt; `None` makes the group fail.
    pub(super) known: Option<String>,
}

/// One suite's verdicts side by side.
pub(super) struct Comparison {
    pub(super) regressions: Vec<Regression>,
    /// Listed in known-failures.txt for this suite, yet not a regression now: to be removed.
    pub(super) no_longer_failing: Vec<String>,
    /// Tests that fail under LLVM and pass under ours (wasm32 environment limits hit LLVM's
    /// build the same way, so this is rare and worth a look).
    pub(super) ours_only_passes: Vec<String>,
}

pub(super) fn compare(
    suite: &str,
    llvm: &Verdicts,
    ours: &Verdicts,
    known: &KnownFailures,
) -> Comparison {
    let mut regressions = Vec::new();
    let mut ours_only_passes = Vec::new();
    for (test, verdict) in llvm {
        let theirs = ours.get(test);
        if *verdict == Verdict::Ok && theirs != Some(&Verdict::Ok) {
            let ours = match theirs {
                Some(Verdict::Failed(reason)) => reason.clone(),
                Some(Verdict::Ignored) => "ignored".to_owned(),
                Some(Verdict::Ok) => unreachable!("filtered above"),
                None => "not in our harness (not compiled)".to_owned(),
            };
            regressions.push(Regression {
                known: known.cause(suite, test).map(str::to_owned),
                test: test.clone(),
                ours,
            });
        } else if matches!(verdict, Verdict::Failed(_)) && theirs == Some(&Verdict::Ok) {
            ours_only_passes.push(test.clone());
        }
    }
    let failing: BTreeSet<&str> = regressions.iter().map(|r| r.test.as_str()).collect();
    let no_longer_failing = known
        .entries
        .keys()
        .filter(|(listed_suite, test)| listed_suite == suite && !failing.contains(test.as_str()))
        .map(|(_, test)| test.clone())
        .collect();
    Comparison {
        regressions,
        no_longer_failing,
        ours_only_passes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUMMARY: &str = r#"{"harness":"h.wasm","passed":1,"failed":1,"ignored":1,"filtered_out":0,"seconds":1.000,"tests":[
{"name":"a::b","verdict":"ok","seconds":0.010},
{"name":"a::\"q\"","verdict":"failed","reason":"timed out after 60 s","seconds":60.000},
{"name":"c","verdict":"ignored","seconds":0.000}
]}
"#;

    #[test]
    fn summaries_parse_with_escapes() {
        let verdicts = parse_summary(SUMMARY).unwrap();
        assert_eq!(verdicts.len(), 3);
        assert_eq!(verdicts["a::b"], Verdict::Ok);
        assert_eq!(
            verdicts["a::\"q\""],
            Verdict::Failed("timed out after 60 s".to_owned())
        );
        assert_eq!(counts(&verdicts), (1, 1, 1));
        assert!(parse_summary("running 3 tests").is_err());
    }

    #[test]
    fn known_failures_parse_and_reject_lines_without_cause() {
        let known =
            KnownFailures::parse("# c\n\ncoretests  simd::testing  SIMD is rejected\n").unwrap();
        assert_eq!(
            known.cause("coretests", "simd::testing"),
            Some("SIMD is rejected")
        );
        assert!(KnownFailures::parse("coretests simd::testing\n").is_err());
    }

    #[test]
    fn only_llvm_passes_that_ours_loses_are_regressions() {
        let verdict = |v: &Verdict| v.clone();
        let llvm: Verdicts = [
            ("keeps", Verdict::Ok),
            ("breaks", Verdict::Ok),
            ("missing", Verdict::Ok),
            ("both_fail", Verdict::Failed("x".to_owned())),
            ("fixed_by_ours", Verdict::Failed("x".to_owned())),
            ("listed_but_fine", Verdict::Ok),
        ]
        .iter()
        .map(|(name, v)| (name.to_string(), verdict(v)))
        .collect();
        let ours: Verdicts = [
            ("keeps", Verdict::Ok),
            ("breaks", Verdict::Failed("panicked or trapped".to_owned())),
            ("both_fail", Verdict::Failed("y".to_owned())),
            ("fixed_by_ours", Verdict::Ok),
            ("listed_but_fine", Verdict::Ok),
        ]
        .iter()
        .map(|(name, v)| (name.to_string(), verdict(v)))
        .collect();
        let known =
            KnownFailures::parse("s missing excluded module\ns listed_but_fine old cause\n")
                .unwrap();
        let comparison = compare("s", &llvm, &ours, &known);
        let names: Vec<(&str, &str, Option<&str>)> = comparison
            .regressions
            .iter()
            .map(|r| (r.test.as_str(), r.ours.as_str(), r.known.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("breaks", "panicked or trapped", None),
                (
                    "missing",
                    "not in our harness (not compiled)",
                    Some("excluded module")
                ),
            ]
        );
        assert_eq!(comparison.no_longer_failing, ["listed_but_fine"]);
        assert_eq!(comparison.ours_only_passes, ["fixed_by_ours"]);
    }
}
