//! A rustc flag that changes whenever the sysroot or the backend does, so cargo rebuilds the
//! crates compiled against the old ones (it tracks RUSTFLAGS, not the files of a sysroot).

use std::path::Path;
use std::time::UNIX_EPOCH;

/// `-Cmetadata=wasmrust-HASH`: rustc hashes every `-Cmetadata` together, so this only adds to
/// what cargo passes.
pub(crate) fn flag(libdir: Option<&Path>, backend: Option<&Path>) -> String {
    let mut hash = Fnv::new();
    if let Some(libdir) = libdir {
        let mut entries: Vec<_> = std::fs::read_dir(libdir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        entries.sort();
        for path in entries {
            hash.add(path.file_name().unwrap_or_default().as_encoded_bytes());
            add_file(&mut hash, &path);
        }
    }
    if let Some(backend) = backend {
        add_file(&mut hash, backend);
    }
    format!("-Cmetadata=wasmrust-{:016x}", hash.0)
}

/// Size and modification time: a rebuilt file differs in at least one.
fn add_file(hash: &mut Fnv, path: &Path) {
    let meta = std::fs::metadata(path).ok();
    let modified = meta
        .as_ref()
        .and_then(|meta| meta.modified().ok())
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |time| time.as_nanos());
    hash.add(meta.map_or(0, |meta| meta.len()).to_le_bytes());
    hash.add(modified.to_le_bytes());
}

/// FNV-1a, 64 bit: stable across runs and Rust versions, unlike std's hasher.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: impl AsRef<[u8]>) {
        for &byte in bytes.as_ref().iter().chain(&[0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn changes_with_the_files() {
        let dir = std::env::temp_dir().join(format!("cargo-wasm-fp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("libstd-1.rlib"), "a").unwrap();
        let before = super::flag(Some(&dir), None);
        assert_eq!(before, super::flag(Some(&dir), None));
        std::fs::write(dir.join("libstd-1.rlib"), "ab").unwrap();
        let after = super::flag(Some(&dir), None);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_ne!(before, after);
        assert!(after.starts_with("-Cmetadata=wasmrust-"));
    }
}
