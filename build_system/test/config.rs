//! Reads build_system/tests.txt, the ordered list of test groups, and applies `--group`.

use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;

/// Every group the harness knows, in ladder order.
pub const KNOWN_GROUPS: &[&str] = &[
    "no_sysroot",
    "llvm_sysroot",
    "own_sysroot",
    "abi",
    "diagnostics",
    "fuzz",
    "gc",
    "sysroot_tests",
    "extended",
    "web",
    "style",
];

/// The groups to run: the ones enabled in tests.txt, or exactly those asked for with `--group`.
pub fn groups_to_run(dirs: &Dirs, requested: &[String]) -> Res<Vec<String>> {
    for group in requested {
        check_known(group)?;
    }
    if !requested.is_empty() {
        return Ok(requested.to_vec());
    }
    let path = dirs.repo.join("build_system/tests.txt");
    let mut enabled = Vec::new();
    for line in fsutil::read_to_string(&path)?.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        check_known(line).map_err(|e| format!("{}: {e}", path.display()))?;
        enabled.push(line.to_owned());
    }
    Ok(enabled)
}

fn check_known(group: &str) -> Res<()> {
    if KNOWN_GROUPS.contains(&group) {
        Ok(())
    } else {
        Err(format!(
            "unknown test group `{group}` (known: {})",
            KNOWN_GROUPS.join(", ")
        ))
    }
}
