//! The compile phases from rustc's `-Ztime-passes` output, defined the same way for both backends.
//!
//! Backend phase = `codegen_crate` without the monomorphization collector and the CGU partitioning
//! it contains (rustc's own work, identical for every backend), plus `finish_ongoing_codegen`
//! (waiting for codegen worker threads: LLVM's optimization and object emission) and `link`
//! (rust-lld, or writing the rlib). LLVM's worker-thread timer `LLVM_passes` overlaps the others
//! and is not added. Frontend = rustc's `total` minus the backend phase: parsing, expansion, type
//! and borrow checking, MIR building, monomorphization, metadata.

/// The passes inside `codegen_crate` that do not depend on the backend.
const BACKEND_INDEPENDENT: &[&str] = &[
    "monomorphization_collector_root_collections",
    "monomorphization_collector_graph_walk",
    "partition_and_assert_distinct_symbols",
];
/// The passes after `codegen_crate` that are the backend's.
const BACKEND_AFTER: &[&str] = &["finish_ongoing_codegen", "link"];

/// Seconds, per compile.
#[derive(Clone, Copy, Default)]
pub struct Phases {
    pub total: f64,
    pub backend: f64,
}

impl Phases {
    pub fn frontend(&self) -> f64 {
        self.total - self.backend
    }

    pub fn add(&mut self, other: Phases) {
        self.total += other.total;
        self.backend += other.backend;
    }
}

/// `None` when `stderr` lacks the `total` or `codegen_crate` lines (not a `-Ztime-passes` run, or
/// the compile stopped early).
pub fn parse(stderr: &str) -> Option<Phases> {
    let passes: Vec<(&str, f64)> = stderr.lines().filter_map(pass).collect();
    // A name may be reported more than once (e.g. per codegen unit); its times add up.
    let sum = |name: &str| -> Option<f64> {
        let times: Vec<f64> = passes
            .iter()
            .filter(|(pass, _)| *pass == name)
            .map(|(_, secs)| *secs)
            .collect();
        (!times.is_empty()).then(|| times.iter().sum())
    };
    let total = sum("total")?;
    let codegen = sum("codegen_crate")?;
    let independent: f64 = BACKEND_INDEPENDENT.iter().filter_map(|p| sum(p)).sum();
    let after: f64 = BACKEND_AFTER.iter().filter_map(|p| sum(p)).sum();
    Some(Phases {
        total,
        backend: codegen - independent + after,
    })
}

/// `time:   0.105; rss:  115MB ->  140MB (  +25MB)\tcodegen_crate` -> ("codegen_crate", 0.105).
fn pass(line: &str) -> Option<(&str, f64)> {
    let rest = line.strip_prefix("time:")?;
    let (secs, rest) = rest.split_once(';')?;
    let name = rest.rsplit('\t').next()?.trim();
    Some((name, secs.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_phase_excludes_the_collector_and_adds_linking() {
        let stderr = "time:   0.060; rss: 1MB -> 2MB (+1MB)\tmonomorphization_collector_graph_walk\n\
                      time:   0.007; rss: 1MB -> 2MB (+1MB)\tpartition_and_assert_distinct_symbols\n\
                      time:   0.105; rss: 1MB -> 2MB (+1MB)\tcodegen_crate\n\
                      time:   0.027; rss: 1MB -> 2MB (+1MB)\tLLVM_passes\n\
                      time:   0.031; rss: 1MB -> 2MB (+1MB)\tfinish_ongoing_codegen\n\
                      time:   0.057; rss: 1MB -> 2MB (+1MB)\tlink\n\
                      time:   0.282; rss: 1MB -> 2MB (+1MB)\ttotal\n";
        let phases = parse(stderr).unwrap();
        assert!((phases.backend - (0.105 - 0.067 + 0.031 + 0.057)).abs() < 1e-9);
        assert!((phases.frontend() - (0.282 - phases.backend)).abs() < 1e-9);
    }
}
