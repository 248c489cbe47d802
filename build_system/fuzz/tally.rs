//! The running tally of programs compared, appended by every `./y.sh fuzz` run and the fuzz test
//! group, kept in the cache directory (it outlives `./y.sh clean`) so totals can be cited.

use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::PathBuf;

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;

/// Bumped whenever the generator changes what a seed produces: seeds of different versions are
/// different programs, so distinct seeds are counted per version.
pub const GENERATOR_VERSION: u32 = 3;

pub struct Counts {
    pub programs: u64,
    pub compared_o0: u64,
    pub compared_o3: u64,
    pub mismatches: u64,
    pub bad: u64,
}

fn path(dirs: &Dirs) -> PathBuf {
    dirs.cache.join("fuzz").join("tally.txt")
}

/// Appends one line for a run over `seeds`.
pub fn record(dirs: &Dirs, seeds: &Range<u64>, counts: &Counts, seconds: f64) -> Res<()> {
    let path = path(dirs);
    if let Some(parent) = path.parent() {
        fsutil::create_dir_all(parent)?;
    }
    let line = format!(
        "seeds={}..{} generator={GENERATOR_VERSION} programs={} o0={} o3={} mismatches={} bad={} seconds={seconds:.0}\n",
        seeds.start,
        seeds.end,
        counts.programs,
        counts.compared_o0,
        counts.compared_o3,
        counts.mismatches,
        counts.bad
    );
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(line.as_bytes()))
        .map_err(|e| format!("cannot append to {}: {e}", path.display()))
}

/// Totals over every recorded run.
pub fn totals(dirs: &Dirs) -> Res<String> {
    let path = path(dirs);
    let text = if path.is_file() {
        fsutil::read_to_string(&path)?
    } else {
        String::new()
    };
    let (mut o0, mut o3, mut programs) = (0u64, 0u64, 0u64);
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    for line in text.lines() {
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|word| word.strip_prefix(name)?.strip_prefix('='))
        };
        let number = |name: &str| field(name).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        programs += number("programs");
        o0 += number("o0");
        o3 += number("o3");
        if number("generator") == u64::from(GENERATOR_VERSION)
            && number("programs") > 0
            && let Some((a, b)) = field("seeds").and_then(|s| s.split_once(".."))
            && let (Ok(a), Ok(b)) = (a.parse::<u64>(), b.parse::<u64>())
        {
            // A run may have been cut short: count only the programs it finished.
            ranges.push((a, b.min(a + number("programs"))));
        }
    }
    let mut report = format!(
        "[fuzz] tally ({}): {programs} programs run, {o0} compared at -O0, {o3} at -O3",
        path.display()
    );
    let _ = write!(
        report,
        "; {} distinct seeds of generator {GENERATOR_VERSION}",
        distinct(ranges)
    );
    Ok(report)
}

fn distinct(mut ranges: Vec<(u64, u64)>) -> u64 {
    ranges.sort();
    let mut count = 0;
    let mut covered_to = 0;
    for (a, b) in ranges {
        let a = a.max(covered_to);
        if b > a {
            count += b - a;
            covered_to = b;
        }
    }
    count
}
