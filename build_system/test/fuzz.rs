//! The fuzz group: a fixed range of generated programs (build_system/fuzz/), each passing only
//! when both of our builds (-O0 and -O3) print exactly what LLVM's -O0 build prints.

use std::ops::Range;
use std::path::Path;

use super::exec::Tools;
use super::outcome::Outcome;
use super::pool::Case;
use crate::Res;
use crate::fsutil;
use crate::fuzz::{self, compare::Timing, compare::Verdict};

/// Chosen to take 3-5 minutes with 2 jobs on a 2-core machine: 0.8-1.5 programs/s depending
/// on other load (250 seeds took 3.0 min alone, 5.4 min beside a backend build). Seeds listed
/// in build_system/fuzz/known-failures.txt must still fail (and then pass here).
pub const SEEDS: Range<u64> = 0..200;

pub fn cases(repo: &Path, out: &Path, tools: &Tools, group: &str) -> Res<Vec<Case>> {
    let known = fuzz::known_failures(repo)?;
    Ok(SEEDS
        .map(|seed| {
            let tools = tools.clone();
            let dir = out.join(seed.to_string());
            let known = known
                .iter()
                .find(|(listed, _)| *listed == seed)
                .map(|(_, reason)| reason.clone());
            Case {
                name: format!("{group}/seed-{seed}"),
                run: Box::new(move || check(&tools, seed, &dir, known)),
            }
        })
        .collect())
}

fn check(tools: &Tools, seed: u64, dir: &Path, known: Option<String>) -> Outcome {
    let mut timing = Timing::default();
    let verdict = fuzz::run_seed(tools, seed, dir, &mut timing);
    let reproduce =
        format!("reproduce: ./y.sh fuzz --seeds {seed} (program: ./y.sh fuzz --print {seed})");
    let outcome = match (verdict, known) {
        (Verdict::Match, None) => Outcome::Passed,
        (Verdict::Match, Some(reason)) => Outcome::Failed(format!(
            "listed in {} ({reason}) but both builds now match LLVM: remove its line",
            fuzz::KNOWN_FAILURES
        )),
        // A known backend bug that is still there: what the list says.
        (Verdict::Mismatch { .. }, Some(_)) => Outcome::Passed,
        (Verdict::Mismatch { findings, .. }, None) => Outcome::Failed(format!(
            "{}\n{reproduce}",
            findings
                .iter()
                .map(|finding| finding.detail.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        )),
        (Verdict::ToolchainBroken(why), _) => {
            Outcome::Failed(format!("the toolchain in dist/ is unusable:\n{why}"))
        }
        (Verdict::BadProgram(why), _) => Outcome::Failed(format!(
            "generator bug: the reference build is not a valid test: {why}\n{reproduce}"
        )),
    };
    if matches!(outcome, Outcome::Passed) {
        // 200 programs' .wasm files add up: keep only what a failure needs.
        let _ = fsutil::remove_dir_all(dir);
    }
    outcome
}
