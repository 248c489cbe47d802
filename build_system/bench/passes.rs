//! The compile phases from rustc's `-Ztime-passes` output, defined the same way for both backends.
//!
//! Backend phase = `codegen_crate` without the monomorphization collector and the CGU partitioning
//! when it contains them (rustc's own work, identical for every backend; for an rlib they run
//! earlier, inside `generate_crate_metadata`), plus `finish_ongoing_codegen` (waiting for codegen
//! worker threads: LLVM's optimization and object emission) and `link` (rust-lld, or writing the
//! rlib). LLVM's worker-thread timer `LLVM_passes` overlaps the others and is not added.
//! Frontend = rustc's `total` minus the backend phase: parsing, expansion, type and borrow
//! checking, MIR building, monomorphization, metadata.

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
    /// `link` alone (rust-lld, or writing the rlib): part of `backend`.
    pub link: f64,
}

impl Phases {
    pub fn frontend(&self) -> f64 {
        self.total - self.backend
    }

    pub fn add(&mut self, other: Phases) {
        self.total += other.total;
        self.backend += other.backend;
        self.link += other.link;
    }
}

/// `None` when `stderr` lacks the `total` or `codegen_crate` lines (not a `-Ztime-passes` run, or
/// the compile stopped early).
pub fn parse(stderr: &str) -> Option<Phases> {
    let (mut total, mut codegen, mut after, mut link) = (None, None, 0.0, 0.0);
    // A pass is printed when it ends, so nested passes come before their parent: the collector's
    // time belongs to whichever of its possible parents is printed next.
    let (mut independent, mut pending) = (0.0, 0.0);
    for (name, secs) in stderr.lines().filter_map(pass) {
        match name {
            _ if BACKEND_INDEPENDENT.contains(&name) => pending += secs,
            "generate_crate_metadata" => pending = 0.0,
            "codegen_crate" => {
                *codegen.get_or_insert(0.0) += secs;
                independent += pending;
                pending = 0.0;
            }
            "total" => *total.get_or_insert(0.0) += secs,
            _ if BACKEND_AFTER.contains(&name) => {
                after += secs;
                if name == "link" {
                    link += secs;
                }
            }
            _ => {}
        }
    }
    Some(Phases {
        total: total?,
        backend: codegen? - independent + after,
        link,
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
        assert!((phases.link - 0.057).abs() < 1e-9);
    }

    #[test]
    fn an_rlib_collects_inside_metadata_generation() {
        let stderr = "time:   0.315; rss: 1MB -> 2MB (+1MB)\tmonomorphization_collector_graph_walk\n\
                      time:   0.524; rss: 1MB -> 2MB (+1MB)\tgenerate_crate_metadata\n\
                      time:   0.352; rss: 1MB -> 2MB (+1MB)\tcodegen_crate\n\
                      time:   0.035; rss: 1MB -> 2MB (+1MB)\tlink\n\
                      time:   3.953; rss: 1MB -> 2MB (+1MB)\ttotal\n";
        let phases = parse(stderr).unwrap();
        assert!((phases.backend - (0.352 + 0.035)).abs() < 1e-9);
    }
}
