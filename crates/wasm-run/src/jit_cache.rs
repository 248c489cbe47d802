//! The on-disk store behind wasmtime's per-function incremental compilation cache (Cranelift).
//!
//! wasmtime hands us opaque keys (a SHA-256 of a function's Cranelift IR and the compiler's
//! settings) and values (the function's compiled code). The entries one compilation adds are
//! written together as one immutable *pack* file, not one file each: creating a file costs
//! 0.2-0.5 ms on the project's VM, which made a cold compile of 1,600 functions 0.4 s slower.
//!
//! ```text
//! pack:  magic "WRJITPK1" | count: u32 LE | index checksum: u64 LE | index | entries
//! index: count x (key hash: u64 LE, offset of the entry in the pack: u64 LE, its length: u32 LE)
//! entry: magic "WRJIT\0\0\x01" | key length: u32 LE | value length: u32 LE
//!        | checksum of key and value: u64 LE | key | value
//! ```
//!
//! - Each entry holds its key, compared on read: a collision of key hashes is harmless.
//! - A pack whose index is truncated or garbled is deleted when found; an entry that fails its
//!   lengths, key or checksum is a miss (the function is compiled and lands in a new pack).
//! - Several processes may share the directory: a pack is written to a temp file in the same
//!   directory, then renamed, so a reader sees a pack whole or not at all. Two processes that
//!   compile the same function each write it; either copy serves later lookups.
//! - Copies of one function within a compilation are compiled and written once (see `Pending`).
//! - Any I/O error is a miss (or a dropped insert): the cache never fails a run.
//! - Size is bounded: after a compilation that wrote a pack, if the directory holds more than
//!   `limit` bytes or `MAX_PACKS` packs, the least recently used packs (a hit refreshes a pack's
//!   modification time) go until 3/4 of both bounds are left, so the next runs do not prune.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use wasmtime::CacheStore;

const PACK_MAGIC: &[u8; 8] = b"WRJITPK1";
const PACK_HEADER: usize = 8 + 4 + 8;
const INDEX_ROW: usize = 8 + 8 + 4;
/// Identifies the entry format; an entry without it (or of an older format) is a miss.
const ENTRY_MAGIC: &[u8; 8] = b"WRJIT\0\0\x01";
const ENTRY_HEADER: usize = 8 + 4 + 4 + 8;
const PACK_SUFFIX: &str = ".pack";

/// The default bound: a cold compile of a 3 MB dev module writes a 2 MB pack (1,578 distinct
/// functions), after an edit a pack of its changed functions, so this keeps hundreds of them.
pub(crate) const DEFAULT_LIMIT: u64 = 512 << 20;

/// Bounds the packs a compilation opens to find its functions (one small read each).
pub(crate) const MAX_PACKS: usize = 256;

/// Pending entries beyond this size are written as a pack before the compilation ends, so a huge
/// module does not keep all its compiled code twice in memory.
const FLUSH_AT: usize = 64 << 20;

/// A temp file older than this was left by a process that died while writing; pruning removes it.
const STALE_TEMP: Duration = Duration::from_secs(60 * 60);

/// Temp files start with this; packs are named `<16 hex digits>.pack`. Pruning deletes nothing
/// else, in case `WASM_RUN_JIT_CACHE_DIR` names a directory that holds other files too.
const TEMP_PREFIX: &str = ".wrjit-tmp-";

/// Makes temp and pack names unique among the threads of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

#[derive(Debug)]
pub(crate) struct JitCache {
    dir: PathBuf,
    limit: u64,
    max_packs: usize,
    /// The packs present at the first lookup: read only when something must be compiled, so a
    /// run whose module comes whole from wasmtime's module cache does not touch this directory.
    index: OnceLock<Index>,
    /// Entries inserted but not yet written as a pack.
    pending: Mutex<Pending>,
    /// Whether this process wrote a pack: pruning is only worth a directory scan after a write.
    wrote: AtomicBool,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// A module often holds many copies of one function (1,566 distinct among 8,529 in the
/// generated crate's): the first compiled serves the others from memory, and is written once.
#[derive(Debug, Default)]
struct Pending {
    /// Encoded entries.
    entries: Vec<Vec<u8>>,
    /// Key -> its entry in `entries`.
    by_key: HashMap<Vec<u8>, usize>,
    bytes: usize,
}

#[derive(Debug, Default)]
struct Index {
    packs: Vec<Pack>,
    /// Key hash -> (pack, offset, length) of the entries that may hold that key.
    entries: HashMap<u64, Vec<(usize, u64, u32)>>,
}

#[derive(Debug)]
struct Pack {
    file: Mutex<File>,
    /// Whether this process has refreshed the pack's modification time (its place in the LRU).
    touched: AtomicBool,
}

impl JitCache {
    /// The store in `dir` (created if missing), or `None` when it cannot be created: then the
    /// run goes on without it.
    pub(crate) fn open(dir: PathBuf, limit: u64) -> Option<JitCache> {
        fs::create_dir_all(&dir).ok()?;
        Some(JitCache {
            dir,
            limit,
            max_packs: MAX_PACKS,
            index: OnceLock::new(),
            pending: Mutex::default(),
            wrote: AtomicBool::new(false),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    /// `$WASM_RUN_JIT_CACHE_DIR`, else `$XDG_CACHE_HOME/wasmrust/jit`, else
    /// `~/.cache/wasmrust/jit`; none with `WASM_RUN_JIT_CACHE=off` (only wasmtime's module
    /// cache then, as `wasmtime run` has: the bench's baseline).
    pub(crate) fn default_dir() -> Option<PathBuf> {
        match std::env::var_os("WASM_RUN_JIT_CACHE") {
            Some(value) if value == "off" => return None,
            Some(value) if value != "on" && !value.is_empty() => {
                eprintln!(
                    "wasm-run: WASM_RUN_JIT_CACHE={} is neither `off` nor `on`; the per-function \
                     cache stays on",
                    value.to_string_lossy()
                );
            }
            _ => {}
        }
        let var = |name| std::env::var_os(name).filter(|value| !value.is_empty());
        if let Some(dir) = var("WASM_RUN_JIT_CACHE_DIR") {
            return Some(PathBuf::from(dir));
        }
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        let base = var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
            .or_else(|| var("HOME").map(|home| Path::new(&home).join(".cache")))?;
        Some(base.join("wasmrust").join("jit"))
    }

    /// (hits, misses) of `get` so far.
    pub(crate) fn stats(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// Ends a compilation: writes the pending entries as a pack, then keeps the directory within
    /// its bounds. Errors are ignored.
    /// With `WASM_RUN_JIT_STATS=1` it says how many functions were reused and compiled.
    pub(crate) fn finish(&self) {
        match std::env::var_os("WASM_RUN_JIT_STATS") {
            Some(value) if value == "1" => {
                let (hits, misses) = self.stats();
                eprintln!("wasm-run: per-function cache: {hits} reused, {misses} compiled");
            }
            Some(value) if value != "0" && !value.is_empty() => {
                eprintln!(
                    "wasm-run: WASM_RUN_JIT_STATS={} is neither `1` nor `0`; no statistics",
                    value.to_string_lossy()
                );
            }
            _ => {}
        }
        let pending = std::mem::take(&mut *self.pending.lock().unwrap());
        self.write_pack(pending.entries);
        if self.wrote.load(Ordering::Relaxed) {
            self.prune();
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut index = Index::default();
            let Ok(dir) = fs::read_dir(&self.dir) else {
                return index;
            };
            for dirent in dir.flatten() {
                if !is_pack_name(&dirent.file_name().to_string_lossy()) {
                    continue;
                }
                let Ok(mut file) = File::open(dirent.path()) else {
                    continue;
                };
                let Some(rows) = read_index(&mut file) else {
                    // Packs are renamed into place whole: this one is corrupt, not half-written.
                    let _ = fs::remove_file(dirent.path());
                    continue;
                };
                for (hash, offset, len) in rows {
                    let at = (index.packs.len(), offset, len);
                    index.entries.entry(hash).or_default().push(at);
                }
                index.packs.push(Pack {
                    file: Mutex::new(file),
                    touched: AtomicBool::new(false),
                });
            }
            index
        })
    }

    fn read(&self, key: &[u8]) -> Option<Vec<u8>> {
        {
            let pending = self.pending.lock().unwrap();
            if let Some(&at) = pending.by_key.get(key) {
                return Some(pending.entries[at][ENTRY_HEADER + key.len()..].to_vec());
            }
        }
        let index = self.index();
        for &(pack_number, offset, len) in index.entries.get(&checksum(&[key]))? {
            let pack = &index.packs[pack_number];
            let mut bytes = vec![0; len as usize];
            let read = {
                let mut file = pack.file.lock().unwrap();
                file.seek(SeekFrom::Start(offset))
                    .and_then(|_| file.read_exact(&mut bytes))
            };
            let Some(value_start) = read.ok().and_then(|()| decode(&bytes, key)) else {
                continue;
            };
            if !pack.touched.swap(true, Ordering::Relaxed) {
                // Best effort: a read-only cache still serves hits.
                let _ = pack.file.lock().unwrap().set_modified(SystemTime::now());
            }
            bytes.drain(..value_start);
            return Some(bytes);
        }
        None
    }

    /// Writes `entries` (encoded) as a new pack: a temp file renamed into place.
    fn write_pack(&self, entries: Vec<Vec<u8>>) {
        if entries.is_empty() {
            return;
        }
        let unique = format!(
            "{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut index = Vec::with_capacity(entries.len() * INDEX_ROW);
        let mut offset = (PACK_HEADER + entries.len() * INDEX_ROW) as u64;
        for entry in &entries {
            index.extend_from_slice(&entry_key_hash(entry).to_le_bytes());
            index.extend_from_slice(&offset.to_le_bytes());
            index.extend_from_slice(&(entry.len() as u32).to_le_bytes());
            offset += entry.len() as u64;
        }
        let mut header = PACK_MAGIC.to_vec();
        header.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        header.extend_from_slice(&checksum(&[&index]).to_le_bytes());
        let name = format!(
            "{:016x}{PACK_SUFFIX}",
            checksum(&[&index, unique.as_bytes(), &now_nanos().to_le_bytes()])
        );
        let temp = self.dir.join(format!("{TEMP_PREFIX}{unique}"));
        let result = File::create(&temp)
            .and_then(|mut file| {
                file.write_all(&header)?;
                file.write_all(&index)?;
                entries.iter().try_for_each(|entry| file.write_all(entry))
            })
            // rename is atomic: readers see the whole pack or none of it.
            .and_then(|()| fs::rename(&temp, self.dir.join(name)));
        match result {
            Ok(()) => self.wrote.store(true, Ordering::Relaxed),
            Err(_) => drop(fs::remove_file(&temp)),
        }
    }

    /// Deletes the least recently used packs while the directory holds more than `limit` bytes
    /// or `max_packs` packs, down to 3/4 of both; also removes stale temp files.
    fn prune(&self) {
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let mut packs = Vec::new();
        let mut total = 0;
        for dirent in dir.flatten() {
            let Ok(metadata) = dirent.metadata() else {
                continue;
            };
            if !metadata.is_file() {
                continue;
            }
            let modified = metadata.modified().unwrap_or(now);
            let name = dirent.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) {
                // Another process may be writing it right now: only old ones are abandoned.
                if now.duration_since(modified).unwrap_or_default() > STALE_TEMP {
                    let _ = fs::remove_file(dirent.path());
                }
            } else if is_pack_name(&name) {
                total += metadata.len();
                packs.push((modified, metadata.len(), dirent.path()));
            }
        }
        if total <= self.limit && packs.len() <= self.max_packs {
            return;
        }
        packs.sort_unstable_by_key(|&(modified, _, _)| modified);
        let mut count = packs.len();
        for (_, len, path) in packs {
            if total <= self.limit / 4 * 3 && count <= self.max_packs / 4 * 3 {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= len;
                count -= 1;
            }
        }
    }
}

impl CacheStore for JitCache {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        let value = self.read(key);
        let counter = if value.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        value.map(Cow::Owned)
    }

    fn insert(&self, key: &[u8], value: Vec<u8>) -> bool {
        let Some(entry) = encode(key, &value) else {
            return false;
        };
        let full = {
            let mut pending = self.pending.lock().unwrap();
            if pending.by_key.contains_key(key) {
                // A copy compiled in parallel with the first: nothing new to write.
                return true;
            }
            let at = pending.entries.len();
            pending.by_key.insert(key.to_vec(), at);
            pending.bytes += entry.len();
            pending.entries.push(entry);
            if pending.bytes < FLUSH_AT {
                return true;
            }
            std::mem::take(&mut *pending).entries
        };
        self.write_pack(full);
        true
    }
}

/// The pack's index rows, if its header and index are whole and intact.
fn read_index(file: &mut File) -> Option<Vec<(u64, u64, u32)>> {
    let len = file.metadata().ok()?.len();
    let mut header = [0; PACK_HEADER];
    file.read_exact(&mut header).ok()?;
    if header[..8] != PACK_MAGIC[..] {
        return None;
    }
    let count = u32::from_le_bytes(header[8..12].try_into().ok()?) as usize;
    let sum = u64::from_le_bytes(header[12..20].try_into().ok()?);
    // A garbled count must not make us allocate more than the file holds.
    if (PACK_HEADER + count.checked_mul(INDEX_ROW)?) as u64 > len {
        return None;
    }
    let mut index = vec![0; count * INDEX_ROW];
    file.read_exact(&mut index).ok()?;
    if checksum(&[&index]) != sum {
        return None;
    }
    let rows = index.chunks_exact(INDEX_ROW).map(|row| {
        let hash = u64::from_le_bytes(row[..8].try_into().unwrap());
        let offset = u64::from_le_bytes(row[8..16].try_into().unwrap());
        (
            hash,
            offset,
            u32::from_le_bytes(row[16..].try_into().unwrap()),
        )
    });
    Some(rows.collect())
}

/// The entry for `key` and `value`; `None` if a length does not fit the header.
fn encode(key: &[u8], value: &[u8]) -> Option<Vec<u8>> {
    let key_len = u32::try_from(key.len()).ok()?;
    let value_len = u32::try_from(value.len()).ok()?;
    u32::try_from(ENTRY_HEADER + key.len() + value.len()).ok()?;
    let mut bytes = Vec::with_capacity(ENTRY_HEADER + key.len() + value.len());
    bytes.extend_from_slice(ENTRY_MAGIC);
    bytes.extend_from_slice(&key_len.to_le_bytes());
    bytes.extend_from_slice(&value_len.to_le_bytes());
    bytes.extend_from_slice(&checksum(&[key, value]).to_le_bytes());
    bytes.extend_from_slice(key);
    bytes.extend_from_slice(value);
    Some(bytes)
}

/// The index hash of an entry made by `encode`.
fn entry_key_hash(entry: &[u8]) -> u64 {
    let key_len = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
    checksum(&[&entry[ENTRY_HEADER..ENTRY_HEADER + key_len]])
}

/// Where the value starts in `bytes`, if they are a whole, intact entry for `key`.
fn decode(bytes: &[u8], key: &[u8]) -> Option<usize> {
    let header = bytes.get(..ENTRY_HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    if field(0, 8) != ENTRY_MAGIC {
        return None;
    }
    let key_len = u32::from_le_bytes(field(8, 4).try_into().ok()?) as usize;
    let value_len = u32::from_le_bytes(field(12, 4).try_into().ok()?) as usize;
    let sum = u64::from_le_bytes(field(16, 8).try_into().ok()?);
    let value_start = ENTRY_HEADER.checked_add(key_len)?;
    if bytes.len() != value_start.checked_add(value_len)? {
        return None;
    }
    let (stored_key, value) = bytes[ENTRY_HEADER..].split_at(key_len);
    (stored_key == key && checksum(&[stored_key, value]) == sum).then_some(value_start)
}

/// Whether `name` is what `write_pack` names a pack.
fn is_pack_name(name: &str) -> bool {
    name.strip_suffix(PACK_SUFFIX).is_some_and(|stem| {
        stem.len() == 16
            && stem
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos())
}

/// A fast 64-bit checksum against accidental corruption (not an adversary), stable across Rust
/// versions (unlike std's `DefaultHasher`), so that packs stay valid.
/// Multiplying by an odd constant and xoring are bijections, so a change confined to one 8-byte
/// word always changes the result; lengths are mixed in so that moving a part's boundary does too.
fn checksum(parts: &[&[u8]]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |hash: u64, word: u64| (hash.rotate_left(23) ^ word).wrapping_mul(K);
    let mut hash = 0x243f_6a88_85a3_08d3;
    for part in parts {
        hash = mix(hash, part.len() as u64);
        let mut words = part.chunks_exact(8);
        for word in &mut words {
            hash = mix(hash, u64::from_le_bytes(word.try_into().unwrap()));
        }
        let mut tail = [0; 8];
        tail[..words.remainder().len()].copy_from_slice(words.remainder());
        hash = mix(hash, u64::from_le_bytes(tail));
    }
    // Final avalanche, so that the low bits (the file name's tail) depend on every input bit.
    hash ^= hash >> 32;
    hash = hash.wrapping_mul(K);
    hash ^ (hash >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    /// A fresh, empty directory for one test.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "wasm-run-jit-cache-test-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A store as a new process opens it.
    fn cache(dir: &Path) -> JitCache {
        JitCache::open(dir.to_owned(), DEFAULT_LIMIT).unwrap()
    }

    /// One compilation that adds `entries`: returns the pack it wrote.
    fn compile(dir: &Path, entries: &[(&[u8], &[u8])]) -> PathBuf {
        let before = packs(dir);
        let store = cache(dir);
        for (key, value) in entries {
            assert!(store.insert(key, value.to_vec()));
        }
        store.finish();
        let mut new: Vec<PathBuf> = packs(dir)
            .into_iter()
            .filter(|pack| !before.contains(pack))
            .collect();
        assert_eq!(new.len(), 1, "one pack per compilation");
        new.pop().unwrap()
    }

    fn packs(dir: &Path) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|dirent| dirent.unwrap().path())
            .filter(|path| is_pack_name(&path.file_name().unwrap().to_string_lossy()))
            .collect();
        paths.sort();
        paths
    }

    fn file_count(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn miss_then_hit_in_a_later_process() {
        let dir = temp_dir("hit");
        let store = cache(&dir);
        assert_eq!(store.get(b"key"), None);
        assert!(store.insert(b"key", b"compiled code".to_vec()));
        // Empty keys and values are entries like any other.
        assert!(store.insert(b"", Vec::new()));
        store.finish();
        assert_eq!(file_count(&dir), 1);
        let later = cache(&dir);
        assert_eq!(later.get(b"key").as_deref(), Some(&b"compiled code"[..]));
        assert_eq!(later.get(b"").as_deref(), Some(&b""[..]));
        assert_eq!(later.get(b"other key"), None);
        assert_eq!(later.stats(), (2, 1));
        // Keys of several packs are all found.
        compile(&dir, &[(b"second", b"2")]);
        let third = cache(&dir);
        assert_eq!(third.get(b"second").as_deref(), Some(&b"2"[..]));
        assert_eq!(third.get(b"key").as_deref(), Some(&b"compiled code"[..]));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_entry_is_found_by_its_key_not_its_hash() {
        let entry = encode(b"first", b"value").unwrap();
        assert_eq!(decode(&entry, b"first"), Some(ENTRY_HEADER + 5));
        // What a collision of key hashes would look up.
        assert_eq!(decode(&entry, b"second"), None);
        assert_eq!(decode(&entry, b"firs"), None);
    }

    #[test]
    fn corrupt_packs_are_misses_and_get_replaced() {
        let dir = temp_dir("corrupt");
        let value: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let pack = compile(&dir, &[(b"other", b"x"), (b"key", &value)]);
        let good = fs::read(&pack).unwrap();
        // The entry of `key`, the last in the pack.
        let entry_at = good.len() - (ENTRY_HEADER + 3 + value.len());
        let mut corruptions: Vec<Vec<u8>> = vec![
            Vec::new(),
            good[..PACK_HEADER - 1].to_vec(),
            good[..entry_at - 1].to_vec(),
            good[..good.len() - 1].to_vec(),
            good[..entry_at + 500].to_vec(),
            b"garbage".repeat(200),
        ];
        // A flipped bit anywhere: pack magic, count, index checksum, index, and in the entry:
        // its magic, lengths, checksum, key or value.
        for at in [0, 9, 13, 21, 29, 37].into_iter().chain(
            [
                0,
                9,
                13,
                17,
                ENTRY_HEADER,
                ENTRY_HEADER + 3,
                ENTRY_HEADER + 500,
            ]
            .map(|at| entry_at + at),
        ) {
            let mut bytes = good.clone();
            bytes[at] ^= 0x10;
            corruptions.push(bytes);
        }
        for bytes in corruptions {
            fs::write(&pack, &bytes).unwrap();
            assert_eq!(
                cache(&dir).get(b"key"),
                None,
                "accepted {} bytes",
                bytes.len()
            );
        }
        // The last corruption is in the value, behind a valid index: the pack stays (its other
        // entry is fine) and a new compilation's pack serves the key.
        assert_eq!(cache(&dir).get(b"other").as_deref(), Some(&b"x"[..]));
        compile(&dir, &[(b"key", &value)]);
        assert_eq!(cache(&dir).get(b"key").as_deref(), Some(&value[..]));
        // A pack with a broken index is deleted when found.
        fs::write(&pack, b"garbage").unwrap();
        assert_eq!(cache(&dir).get(b"key").as_deref(), Some(&value[..]));
        assert!(!pack.exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn concurrent_writers_never_expose_a_partial_pack() {
        // Two writers (as two processes: each its own store) write the same entries over and
        // over while two readers open the cache again and again: every pack they see must be
        // whole, and every entry found. (Writing packs in place instead of renaming a temp file
        // fails this: readers catch packs half written.)
        const ROUNDS: usize = 60;
        let dir = temp_dir("concurrent");
        let keys: Vec<Vec<u8>> = (0..8u8).map(|i| vec![i; 32]).collect();
        let value = |key: &[u8]| -> Vec<u8> { key.repeat(4096) };
        let all: Vec<(&[u8], Vec<u8>)> = keys.iter().map(|key| (&key[..], value(key))).collect();
        let all: Vec<(&[u8], &[u8])> = all.iter().map(|(key, value)| (*key, &value[..])).collect();
        compile(&dir, &all);
        let start = Arc::new(Barrier::new(4));
        let threads: Vec<_> = (0..4)
            .map(|thread| {
                let (dir, start, keys) = (dir.clone(), start.clone(), keys.clone());
                std::thread::spawn(move || {
                    start.wait();
                    for round in 0..ROUNDS {
                        let store = cache(&dir);
                        if thread < 2 {
                            for key in &keys {
                                assert!(store.insert(key, value(key)));
                            }
                            store.finish();
                        } else {
                            for pack in packs(&dir) {
                                let Ok(mut file) = File::open(&pack) else {
                                    continue;
                                };
                                let rows = read_index(&mut file);
                                assert_eq!(rows.map(|rows| rows.len()), Some(keys.len()));
                            }
                            let key = &keys[round % keys.len()];
                            assert_eq!(store.get(key).as_deref(), Some(&value(key)[..]));
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        // No temp file is left behind, and every pack is whole.
        assert_eq!(file_count(&dir), 1 + 2 * ROUNDS);
        for pack in packs(&dir) {
            let rows = read_index(&mut File::open(&pack).unwrap()).unwrap();
            assert_eq!(rows.len(), keys.len());
        }
        let store = cache(&dir);
        for key in &keys {
            assert_eq!(store.get(key).as_deref(), Some(&value(key)[..]));
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn pruning_keeps_the_size_bounded_and_the_recent_packs() {
        let dir = temp_dir("prune");
        let value = vec![0xab; 1000];
        let old = SystemTime::now() - Duration::from_secs(1000);
        let mut pack_size = 0;
        for i in 0..16u8 {
            let pack = compile(&dir, &[(&[i], &value)]);
            pack_size = fs::metadata(&pack).unwrap().len();
            // Pack i was last used i seconds after `old`.
            File::options()
                .write(true)
                .open(&pack)
                .unwrap()
                .set_modified(old + Duration::from_secs(i.into()))
                .unwrap();
        }
        let stale_temp = dir.join(format!("{TEMP_PREFIX}crashed"));
        File::create(&stale_temp)
            .unwrap()
            .set_modified(old - STALE_TEMP)
            .unwrap();
        let fresh_temp = dir.join(format!("{TEMP_PREFIX}being-written"));
        File::create(&fresh_temp).unwrap();
        // Not ours: pruning leaves them alone, however old or large.
        let foreign = ["notes.txt", "0123456789abcdeF.pack", "0123456789abcdef"].map(|name| {
            let path = dir.join(name);
            let file = File::create(&path).unwrap();
            file.set_len(100 * pack_size).unwrap();
            file.set_modified(old - STALE_TEMP).unwrap();
            path
        });
        // A hit refreshes its pack, which then outlives newer ones.
        assert!(cache(&dir).get(&[0]).is_some());
        let store = JitCache::open(dir.clone(), 10 * pack_size).unwrap();
        compile_with(&store, 100);
        // At most 3/4 of the limit is left: the 7 most recently used packs.
        let later = cache(&dir);
        for i in 0..16u8 {
            assert_eq!(later.get(&[i]).is_some(), i == 0 || i >= 11, "pack {i}");
        }
        assert!(later.get(&[100]).is_some());
        assert!(!stale_temp.exists());
        assert!(fresh_temp.exists());
        assert!(foreign.iter().all(|path| path.exists()));
        assert_eq!(packs(&dir).len(), 7);
        // The number of packs is bounded too.
        let store = JitCache {
            max_packs: 4,
            ..cache(&dir)
        };
        compile_with(&store, 101);
        assert_eq!(packs(&dir).len(), 3);
        assert!(cache(&dir).get(&[101]).is_some());
        fs::remove_dir_all(dir).unwrap();
    }

    /// Inserts the one-byte key `key` into `store` and ends the compilation.
    fn compile_with(store: &JitCache, key: u8) {
        assert!(store.insert(&[key], vec![key; 1000]));
        store.finish();
    }

    #[test]
    fn io_errors_are_misses() {
        let dir = temp_dir("io-errors");
        let store = cache(&dir);
        assert!(store.insert(b"key", b"value".to_vec()));
        fs::remove_dir_all(&dir).unwrap();
        store.finish();
        assert_eq!(store.get(b"key"), None);
        // A directory that cannot be created: no store, the run goes on without one.
        fs::write(&dir, b"a file, not a directory").unwrap();
        assert!(JitCache::open(dir.join("jit"), DEFAULT_LIMIT).is_none());
        fs::remove_file(dir).unwrap();
    }

    #[test]
    fn a_compilation_that_wrote_nothing_does_not_prune() {
        let dir = temp_dir("no-prune");
        compile(&dir, &[(b"key", &[1; 100])]);
        // A process that only read (all hits) leaves the directory alone, even over the limit.
        let reader = JitCache::open(dir.clone(), 1).unwrap();
        assert!(reader.get(b"key").is_some());
        reader.finish();
        assert!(cache(&dir).get(b"key").is_some());
        let writer = JitCache::open(dir.clone(), 1).unwrap();
        compile_with(&writer, 1);
        assert!(cache(&dir).get(b"key").is_none());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn copies_of_a_function_are_compiled_and_written_once() {
        let dir = temp_dir("copies");
        let store = cache(&dir);
        assert_eq!(store.get(b"key"), None);
        assert!(store.insert(b"key", b"code".to_vec()));
        // Another function with the same key, later in the same compilation.
        assert_eq!(store.get(b"key").as_deref(), Some(&b"code"[..]));
        assert!(store.insert(b"key", b"code".to_vec()));
        store.finish();
        let rows = read_index(&mut File::open(&packs(&dir)[0]).unwrap()).unwrap();
        assert_eq!(rows.len(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn large_compilations_are_written_in_parts() {
        let dir = temp_dir("flush");
        let store = cache(&dir);
        let big = vec![7; FLUSH_AT / 2 + 1];
        for key in 0..3u8 {
            assert!(store.insert(&[key], big.clone()));
        }
        // The first two made a pack already; the third waits for the end of the compilation.
        assert_eq!(packs(&dir).len(), 1);
        store.finish();
        assert_eq!(packs(&dir).len(), 2);
        let later = cache(&dir);
        assert!((0..3u8).all(|key| later.get(&[key]).as_deref() == Some(&big[..])));
        fs::remove_dir_all(dir).unwrap();
    }
}
