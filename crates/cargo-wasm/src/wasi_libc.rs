//! Checks of the sysroot's wasi-libc (`self-contained/libc.a`) that decide whether test
//! harnesses can link: libtest pulls in std's thread code, which calls pthread_join.

use std::path::{Path, PathBuf};

use crate::failure::{Failure, Res};
use crate::plan::Plan;

/// Symbols std's thread support needs from libc; wasi-libc has stubs for them since 2023.
pub(crate) const THREAD_SYMBOLS: &[&str] = &["pthread_join", "pthread_detach"];

pub(crate) fn libc_of(sysroot: &Path, triple: &str) -> PathBuf {
    sysroot
        .join("lib/rustlib")
        .join(triple)
        .join("lib/self-contained/libc.a")
}

/// The symbols of `THREAD_SYMBOLS` that `libc` does not define (all of them when unreadable).
pub(crate) fn missing_thread_symbols(libc: &Path) -> Vec<&'static str> {
    let symbols = std::fs::read(libc)
        .ok()
        .and_then(|bytes| archive_symbols(&bytes))
        .unwrap_or_default();
    THREAD_SYMBOLS
        .iter()
        .copied()
        .filter(|wanted| !symbols.iter().any(|symbol| symbol == wanted))
        .collect()
}

/// Fails before a long build when the test harnesses could not link.
pub(crate) fn check_for_libtest(plan: &Plan) -> Res<()> {
    let Some(sysroot) = &plan.sysroot else {
        return Ok(());
    };
    let libc = libc_of(sysroot, plan.target.triple());
    let missing = missing_thread_symbols(&libc);
    if missing.is_empty() {
        return Ok(());
    }
    Err(Failure::setup(format!(
        "the sysroot's wasi-libc ({}) lacks {}: test harnesses (libtest uses std's threads) \
         cannot link against it",
        libc.display(),
        missing.join(", ")
    ))
    .fix(format!(
        "this wasi-libc is too old (Debian's 2022 package); a newer one is needed in the sysroot, \
         then {}",
        plan.dist.y_sh("build")
    )))
}

/// The names in a System V / GNU `ar` archive's symbol table (the `/` member), if it has one.
fn archive_symbols(bytes: &[u8]) -> Option<Vec<String>> {
    let rest = bytes.strip_prefix(b"!<arch>\n")?;
    let header = rest.get(..60)?;
    if &header[..16] != b"/               " {
        return None;
    }
    let size: usize = std::str::from_utf8(&header[48..58])
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let table = rest.get(60..60 + size)?;
    let count = u32::from_be_bytes(table.get(..4)?.try_into().ok()?) as usize;
    let names = table.get(4 + 4 * count..)?;
    Some(
        names
            .split(|&byte| byte == 0)
            .filter(|name| !name.is_empty())
            .take(count)
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_an_archive_symbol_table() {
        let mut table = Vec::new();
        table.extend_from_slice(&2u32.to_be_bytes());
        table.extend_from_slice(&[0; 8]);
        table.extend_from_slice(b"pthread_join\0malloc\0");
        let mut archive = b"!<arch>\n".to_vec();
        archive.extend_from_slice(format!("{:<48}{:<10}`\n", "/", table.len()).as_bytes());
        archive.extend_from_slice(&table);
        assert_eq!(
            super::archive_symbols(&archive),
            Some(vec!["pthread_join".to_owned(), "malloc".to_owned()])
        );
    }
}
