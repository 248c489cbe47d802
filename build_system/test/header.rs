//! Per-test settings from `// key: value` lines of a test source (run-args, compile-flags,
//! edition, aux-crate, custom-section, max-module-bytes).

/// The edition tests are compiled with unless they say otherwise.
/// 2021 as tests/run-pass/check-native.sh (the corpus's own check with stable rustc) uses.
pub const DEFAULT_EDITION: &str = "2021";

#[derive(Default)]
pub struct Header {
    /// `// run-args: a b c`: program arguments (split at whitespace, no quoting).
    pub run_args: Vec<String>,
    /// `// compile-flags: ...`: extra rustc flags, after ours; may repeat.
    pub compile_flags: Vec<String>,
    /// `// edition: 2021`.
    pub edition: Option<String>,
    /// `// aux-crate: NAME=PATH`: a library (PATH relative to the repository) built first by the
    /// same compiler and passed with `--extern NAME=...`; may repeat.
    pub aux_crates: Vec<(String, String)>,
    /// `// custom-section: NAME=TEXT`: the module must have custom sections NAME whose contents,
    /// concatenated in order, are exactly the UTF-8 TEXT (`#[link_section]` statics); may repeat
    /// for other names.
    pub custom_sections: Vec<(String, String)>,
    /// `// max-module-bytes: N`: the linked module must be at most N bytes (zeroed statics in
    /// `.bss` add nothing to it).
    pub max_module_bytes: Option<u64>,
}

impl Header {
    pub fn parse(source: &str) -> Header {
        let mut header = Header::default();
        for line in source.lines() {
            let Some(comment) = line.trim().strip_prefix("//") else {
                continue;
            };
            let comment = comment.trim();
            if let Some(value) = comment.strip_prefix("run-args:") {
                header.run_args.extend(words(value));
            } else if let Some(value) = comment.strip_prefix("compile-flags:") {
                header.compile_flags.extend(words(value));
            } else if let Some(value) = comment.strip_prefix("max-module-bytes:") {
                header.max_module_bytes = value.trim().parse().ok();
            } else if let Some(value) = comment.strip_prefix("edition:") {
                header.edition = Some(value.trim().to_owned());
            } else if let Some(value) = comment.strip_prefix("custom-section:")
                && let Some((name, text)) = value.trim().split_once('=')
            {
                header
                    .custom_sections
                    .push((name.trim().to_owned(), text.to_owned()));
            } else if let Some(value) = comment.strip_prefix("aux-crate:")
                && let Some((name, path)) = value.trim().split_once('=')
            {
                header
                    .aux_crates
                    .push((name.trim().to_owned(), path.trim().to_owned()));
            }
        }
        header
    }

    /// Flags for rustc: the edition, our defaults unless overridden, then the test's own flags.
    pub fn rustc_flags(&self, defaults: &[&str]) -> Vec<String> {
        let mut flags = Vec::new();
        if !self
            .compile_flags
            .iter()
            .any(|flag| flag.starts_with("--edition"))
        {
            let edition = self.edition.as_deref().unwrap_or(DEFAULT_EDITION);
            flags.push(format!("--edition={edition}"));
        }
        flags.extend(defaults.iter().map(|flag| flag.to_string()));
        flags.extend(self.compile_flags.iter().cloned());
        flags
    }
}

fn words(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split_whitespace().map(str::to_owned)
}
