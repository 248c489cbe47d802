//! Test outcomes, their one-line reports, the running tally and the closing summary line.

use std::fmt::Write;

pub enum Outcome {
    Passed,
    /// What went wrong, already formatted for the log (several lines).
    Failed(String),
    /// Why it did not run; never counted as passed.
    Skipped(String),
}

#[derive(Default)]
pub struct Tally {
    pub passed: usize,
    pub failed: Vec<String>,
    pub skipped: usize,
}

impl Tally {
    /// Prints one test's result and counts it.
    pub fn record(&mut self, name: &str, outcome: &Outcome) {
        match outcome {
            Outcome::Passed => {
                self.passed += 1;
                println!("ok    {name}");
            }
            Outcome::Failed(details) => {
                self.failed.push(name.to_owned());
                println!("FAIL  {name}\n{}", indent(details));
            }
            Outcome::Skipped(reason) => {
                self.skipped += 1;
                println!("SKIP  {name}: {reason}");
            }
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed.extend(other.failed);
        self.skipped += other.skipped;
    }

    /// `N passed, M failed` and `, K skipped` when there are any.
    pub fn summary(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed.len());
        if self.skipped > 0 {
            let _ = write!(line, ", {} skipped", self.skipped);
        }
        line
    }
}

fn indent(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|line| format!("      {line}\n"))
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// The first lines where `actual` departs from `expected`, for a failure report.
pub fn first_difference(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 3;
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    let first = expected_lines
        .iter()
        .zip(&actual_lines)
        .position(|(e, a)| e != a)
        .unwrap_or(expected_lines.len().min(actual_lines.len()));
    let mut report = format!(
        "first difference at line {} (expected {} lines, got {}):\n",
        first + 1,
        expected_lines.len(),
        actual_lines.len()
    );
    for (sign, lines) in [("-", &expected_lines), ("+", &actual_lines)] {
        let shown = lines.iter().skip(first).take(CONTEXT);
        for line in shown {
            let _ = writeln!(report, "{sign} {line}");
        }
        if lines.len() <= first {
            let _ = writeln!(report, "{sign} <end of output>");
        }
    }
    if expected_lines == actual_lines {
        // Same lines, so only the final newline differs.
        report.push_str("(the outputs differ only in the trailing newline)\n");
    }
    report
}

/// At most `max` lines of `text`, saying how many were left out.
pub fn head(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let mut shown = lines[..lines.len().min(max)].join("\n");
    if lines.len() > max {
        let _ = write!(shown, "\n... ({} more lines)", lines.len() - max);
    }
    shown
}
