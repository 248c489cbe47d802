//! Picks one version of every package a requirement needs: the newest release that satisfies
//! every requirement on it seen so far, or an error naming the conflict.

use std::collections::BTreeMap;

use semver::{Version, VersionReq};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Release {
    pub version: Version,
    #[serde(default)]
    pub deps: BTreeMap<String, VersionReq>,
}

/// Package name -> its releases.
pub type Registry = BTreeMap<String, Vec<Release>>;

/// Package name -> the chosen version.
pub type Resolution = BTreeMap<String, Version>;

/// Resolves `root` at `req` depth-first; requirements are checked again when a package that
/// is already chosen is asked for once more.
/// `resolve`, with a failure as a panic (`resolver --panic`).
pub fn resolve_or_panic(registry: &Registry, root: &str, req: &VersionReq) -> Resolution {
    match resolve(registry, root, req) {
        Ok(resolution) => resolution,
        Err(error) => panic!("--panic: {error}"), // the extended group finds this line in the backtrace
    }
}

pub fn resolve(registry: &Registry, root: &str, req: &VersionReq) -> Result<Resolution, String> {
    let mut chosen = Resolution::new();
    let mut wanted: Vec<(String, VersionReq, String)> =
        vec![(root.to_owned(), req.clone(), "the command line".to_owned())];
    while let Some((name, req, by)) = wanted.pop() {
        if let Some(version) = chosen.get(&name) {
            if !req.matches(version) {
                return Err(format!(
                    "conflict: {by} needs {name} {req}, but {name} {version} was chosen"
                ));
            }
            continue;
        }
        let releases = registry
            .get(&name)
            .ok_or_else(|| format!("{by} needs {name}, which is not in the registry"))?;
        let release = releases
            .iter()
            .filter(|release| req.matches(&release.version))
            .max_by(|a, b| a.version.cmp(&b.version))
            .ok_or_else(|| format!("no release of {name} matches {req} (needed by {by})"))?;
        chosen.insert(name.clone(), release.version.clone());
        // Reversed, so that the stack pops dependencies in name order.
        for (dep, dep_req) in release.deps.iter().rev() {
            wanted.push((
                dep.clone(),
                dep_req.clone(),
                format!("{name} {}", release.version),
            ));
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        serde_json::from_str(include_str!("../registry.json")).unwrap()
    }

    fn req(text: &str) -> VersionReq {
        VersionReq::parse(text).unwrap()
    }

    #[test]
    fn picks_the_newest_matching_release() {
        let resolution = resolve(&registry(), "json", &req("^1.0")).unwrap();
        assert_eq!(resolution["json"], Version::new(1, 4, 2));
        assert_eq!(resolution["itoa"], Version::new(1, 0, 11));
        assert_eq!(resolution["ryu"], Version::new(1, 0, 18));
        assert_eq!(resolution.len(), 3);
    }

    #[test]
    fn prereleases_need_an_explicit_request() {
        let stable = resolve(&registry(), "app", &req("*")).unwrap();
        assert_eq!(stable["app"], Version::new(1, 2, 0));
        let error = resolve(&registry(), "app", &req("=2.0.0-beta.1")).unwrap_err();
        assert_eq!(
            error,
            "no release of json matches ^2.0 (needed by app 2.0.0-beta.1)"
        );
    }

    #[test]
    fn tilde_requirements_stay_on_the_minor_version() {
        let resolution = resolve(&registry(), "cli", &req("~2.3")).unwrap();
        assert_eq!(resolution["cli"], Version::new(2, 3, 1));
        assert_eq!(resolution["log"], Version::new(0, 4, 21));
    }

    #[test]
    fn reports_conflicts() {
        let error = resolve(&registry(), "tool", &req("*")).unwrap_err();
        assert_eq!(
            error,
            "conflict: tool 0.1.0 needs log =0.4.17, but log 0.4.21 was chosen"
        );
    }

    #[test]
    fn unknown_packages_are_errors() {
        let error = resolve(&registry(), "nope", &req("*")).unwrap_err();
        assert_eq!(
            error,
            "the command line needs nope, which is not in the registry"
        );
    }
}
