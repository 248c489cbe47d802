//! The bench's results: markdown tables for people, long-format CSV for tools, and the number
//! formats both use.

use super::measure::Stats;

/// One markdown table with its notes (how it was measured, failures in full).
pub struct Table {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl Table {
    pub fn new(title: &str, header: &[&str]) -> Table {
        Table {
            title: title.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.notes.push(text.into());
    }

    pub fn markdown(&self) -> String {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut text = format!("### {}\n\n", self.title);
        text.push_str(&line(&self.header));
        // The first column names the row; the others hold numbers.
        let rule: Vec<String> = (0..self.header.len())
            .map(|i| if i == 0 { "---" } else { "---:" }.to_owned())
            .collect();
        text.push_str(&line(&rule));
        for row in &self.rows {
            text.push_str(&line(row));
        }
        if !self.notes.is_empty() {
            text.push('\n');
            for note in &self.notes {
                text.push_str(&format!("- {}\n", note.replace('\n', " ")));
            }
        }
        text
    }
}

/// One measured quantity per line: `section,item,variant,metric,unit,median,min,max,runs,status`.
pub struct Csv {
    section: &'static str,
    lines: Vec<String>,
}

impl Csv {
    pub fn new(section: &'static str) -> Csv {
        Csv {
            section,
            lines: vec!["section,item,variant,metric,unit,median,min,max,runs,status".to_owned()],
        }
    }

    pub fn stats(
        &mut self,
        item: &str,
        variant: &str,
        metric: &str,
        unit: &str,
        stats: &Result<Stats, String>,
    ) {
        let fields = match stats {
            Ok(s) => format!("{},{},{},{},ok", s.median, s.min, s.max, s.runs),
            Err(why) => format!(",,,0,{}", quote(&format!("FAILED: {why}"))),
        };
        self.lines.push(format!(
            "{},{},{},{},{},{fields}",
            self.section,
            quote(item),
            quote(variant),
            metric,
            unit
        ));
    }

    pub fn text(&self) -> String {
        self.lines.iter().map(|line| format!("{line}\n")).collect()
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"").replace('\n', " "))
    } else {
        field.to_owned()
    }
}

/// `265 ms` below ten seconds, `12.3 s` above.
pub fn duration(secs: f64) -> String {
    if secs < 10.0 {
        format!("{:.0} ms", secs * 1000.0)
    } else {
        format!("{secs:.1} s")
    }
}

/// `1.43×`: how many times the first is the second.
pub fn ratio(numerator: f64, denominator: f64) -> String {
    if denominator > 0.0 && numerator.is_finite() {
        format!("{:.2}×", numerator / denominator)
    } else {
        "–".to_owned()
    }
}

/// `542,544`
pub fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// `254 MB` (MiB, from KiB).
pub fn mib(kib: f64) -> String {
    format!("{:.0} MB", kib / 1024.0)
}

/// The table cell of a failed measurement; the note carries the details.
pub fn failed_cell(why: &str) -> String {
    let kind = if why.contains("wrong output") {
        "wrong output"
    } else if why.contains("trapped") {
        "trap"
    } else if why.contains("timed out") {
        "timeout"
    } else {
        "error"
    };
    format!("**FAILED** ({kind})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(bytes(542_544), "542,544");
        assert_eq!(bytes(589), "589");
        assert_eq!(duration(0.2654), "265 ms");
        assert_eq!(duration(12.34), "12.3 s");
        assert_eq!(ratio(379.0, 265.0), "1.43×");
    }
}
