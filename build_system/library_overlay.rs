//! A copy of a source tree (rust-src's library workspace, a crate from the registry) in which a
//! few files are edited copies (single lines commented out or replaced, each with its cause) and
//! everything else is a symlink into the original.

use std::path::{Path, PathBuf};

use crate::Res;
use crate::fsutil;

/// One line of a library file, commented out or replaced in the overlay.
pub struct LineEdit {
    /// Relative to rust-src's library/.
    pub file: &'static str,
    /// The whole line, without its indentation.
    pub line: &'static str,
    /// What the line becomes; `None` comments it out.
    pub replacement: Option<&'static str>,
    pub cause: &'static str,
}

/// Makes `overlay` the library workspace of `library` with `edits` applied; `by` names who
/// applied them in the comment left in place of each line.
pub fn make(library: &Path, overlay: &Path, edits: &[LineEdit], by: &str) -> Res<PathBuf> {
    fsutil::fresh_dir(overlay)?;
    for edit in edits {
        let source = library.join(edit.file);
        let text = fsutil::read_to_string(&source)?;
        if !text.lines().any(|line| line.trim() == edit.line) {
            return Err(format!(
                "{}: no line `{}` to comment out (update {by})",
                source.display(),
                edit.line
            ));
        }
    }
    link_tree(library, overlay, Path::new(""), edits, by)?;
    Ok(overlay.to_path_buf())
}

/// Mirrors `from/relative` into `to/relative`: directories on the way to an edited file are
/// recreated, edited files are written, everything else is a symlink.
fn link_tree(from: &Path, to: &Path, relative: &Path, edits: &[LineEdit], by: &str) -> Res<()> {
    let dir = from.join(relative);
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = relative.join(entry.file_name());
        let touched: Vec<&LineEdit> = edits
            .iter()
            .filter(|edit| Path::new(edit.file).starts_with(&path))
            .collect();
        let target = to.join(&path);
        if touched.is_empty() {
            fsutil::symlink(&from.join(&path), &target)?;
        } else if from.join(&path).is_dir() {
            fsutil::create_dir_all(&target)?;
            link_tree(from, to, &path, edits, by)?;
        } else {
            let text = fsutil::read_to_string(&from.join(&path))?;
            let edited: String = text
                .lines()
                .map(
                    |line| match touched.iter().find(|edit| line.trim() == edit.line) {
                        Some(LineEdit {
                            replacement: Some(new),
                            ..
                        }) => format!("{new} // edited by {by}, was: {}\n", line.trim()),
                        Some(_) => format!("// commented out by {by}: {line}\n"),
                        None => format!("{line}\n"),
                    },
                )
                .collect();
            fsutil::write(&target, edited)?;
        }
    }
    Ok(())
}
