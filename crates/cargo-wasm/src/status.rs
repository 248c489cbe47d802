//! Cargo-style status lines on stderr (`   Compiling x`), warnings and errors.

use std::io::IsTerminal;

/// Whether stderr gets ANSI colours: a terminal, unless `CARGO_TERM_COLOR`/`NO_COLOR` say otherwise.
fn colour() -> bool {
    match std::env::var("CARGO_TERM_COLOR").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        _ => std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
    }
}

fn paint(code: &str, text: &str) -> String {
    if colour() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// `{verb:>12} {message}` with the verb in bold green, like cargo's `Finished` lines.
pub(crate) fn status(verb: &str, message: &str) {
    eprintln!("{} {message}", paint("1;32", &format!("{verb:>12}")));
}

pub(crate) fn warning(message: &str) {
    eprintln!("{}: {message}", paint("1;33", "warning"));
}

pub(crate) fn error(message: &str) {
    eprintln!("{}: {message}", paint("1;31", "error"));
}

/// `note:` lines that follow an error or warning with the next step to take.
pub(crate) fn note(message: &str) {
    eprintln!("{}: {message}", paint("1;36", "note"));
}
