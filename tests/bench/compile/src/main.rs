//! Exercises the benchmarked crates once, so that a miscompiled build of them cannot pass: parses
//! a JSON document and a few regular expressions and prints what it found.

use regex_syntax::hir::{Class, HirKind};
use serde_json::Value;

const DOCUMENT: &str = r#"{
    "name": "wasmrust", "version": [0, 1, 0], "ratio": 1.43,
    "crates": [{"name": "regex-syntax", "lib": true}, {"name": "serde_json", "lib": true}],
    "escaped": "tab\there \u00e9\ud83d\ude00", "none": null
}"#;

const PATTERNS: &[&str] = &[
    r"[a-z]+\d{2,4}",
    r"(?i)hello|wörld",
    r"^\p{Greek}+$",
    r"[\p{Greek}&&\p{Lu}]",
    r"(?i)\w",
    r"(a|b)*?c",
];

fn main() {
    let value: Value = serde_json::from_str(DOCUMENT).expect("valid JSON");
    let names: Vec<&str> = value["crates"]
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|krate| krate["name"].as_str())
        .collect();
    println!(
        "json: {} keys, crates {names:?}",
        value.as_object().map_or(0, |o| o.len())
    );
    println!(
        "json: escaped {:?}, ratio {}",
        value["escaped"], value["ratio"]
    );
    println!(
        "json: round trip {}",
        serde_json::to_string(&value["version"]).expect("serializable")
    );
    for pattern in PATTERNS {
        let hir = regex_syntax::parse(pattern).expect("valid pattern");
        let ranges = match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class.ranges().len(),
            _ => 0,
        };
        println!(
            "regex {pattern:?}: {:?}, min len {:?}, top-level ranges {ranges}",
            kind(&hir),
            hir.properties().minimum_len()
        );
    }
}

fn kind(hir: &regex_syntax::hir::Hir) -> &'static str {
    match hir.kind() {
        HirKind::Empty => "empty",
        HirKind::Literal(_) => "literal",
        HirKind::Class(_) => "class",
        HirKind::Look(_) => "look",
        HirKind::Repetition(_) => "repetition",
        HirKind::Capture(_) => "capture",
        HirKind::Concat(_) => "concat",
        HirKind::Alternation(_) => "alternation",
    }
}
