//! Reads build_system/tests.txt, which enables groups of the table in groups.rs (in its order),
//! and applies `--group`.

use super::groups::{self, GROUPS};
use crate::Res;
use crate::dirs::Dirs;
use crate::fsutil;

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
    check_order(&enabled).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(enabled)
}

fn check_known(group: &str) -> Res<()> {
    groups::find(group).map(drop)
}

/// tests.txt lists groups in the table's order, so the ladder has one order.
fn check_order(enabled: &[String]) -> Res<()> {
    let position = |name: &String| GROUPS.iter().position(|group| group.name == name);
    if enabled
        .windows(2)
        .all(|pair| position(&pair[0]) < position(&pair[1]))
    {
        return Ok(());
    }
    let order: Vec<&str> = GROUPS.iter().map(|group| group.name).collect();
    Err(format!(
        "groups must be listed in the order of build_system/test/groups.rs: {}",
        order.join(", ")
    ))
}
