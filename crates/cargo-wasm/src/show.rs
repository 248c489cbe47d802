//! How paths and sizes appear in our messages.

use std::path::Path;

/// `path` relative to the current directory when it is below it, as cargo shows paths.
pub(crate) fn path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|here| path.strip_prefix(here).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// `1234567` -> `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `243,090 bytes (237.4 KiB)`.
pub(crate) fn size(bytes: u64) -> String {
    // Display only: the precision loss of huge sizes does not matter.
    #[allow(clippy::cast_precision_loss)]
    let kib = bytes as f64 / 1024.0;
    if kib >= 1024.0 {
        format!("{} bytes ({:.1} MiB)", thousands(bytes), kib / 1024.0)
    } else {
        format!("{} bytes ({kib:.1} KiB)", thousands(bytes))
    }
}

pub(crate) fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|meta| meta.len()).unwrap_or(0)
}

/// `9m 12s`, `42s`: how long a slow step took.
pub(crate) fn duration(elapsed: std::time::Duration) -> String {
    let seconds = elapsed.as_secs();
    if seconds >= 60 {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    } else {
        format!("{seconds}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_digits() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(2_097_956), "2,097,956");
        assert_eq!(super::size(243_090), "243,090 bytes (237.4 KiB)");
        assert_eq!(super::size(2_097_956), "2,097,956 bytes (2.0 MiB)");
    }

    #[test]
    fn shows_durations() {
        use std::time::Duration;
        assert_eq!(super::duration(Duration::from_millis(42_900)), "42s");
        assert_eq!(super::duration(Duration::from_secs(552)), "9m 12s");
    }
}
