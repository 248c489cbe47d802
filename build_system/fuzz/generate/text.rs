//! Text: `String` and `Vec<String>` operations (push, insert, remove, split, chars, bytes,
//! parse) and `fmt` of every kind of value with widths, precisions, fills and alignments.

use std::fmt::Write as _;

use super::Gen;
use super::num::{self, Ty};

/// ASCII only: the mutating operations index bytes, which must stay on char boundaries.
const ASCII: &[&str] = &[
    "alpha",
    "b,c,d",
    "  spaced out  ",
    "x=1;y=2",
    "",
    "MiXeD",
    "a\\tb",
    "42",
    "-17",
    "3.25",
    "1e3",
    "ab,,cd",
    "quote\\\"d",
];
/// For the read-only operations.
const UNICODE: &[&str] = &[
    "h\\u{e9}llo w\\u{f6}rld",
    "\\u{65e5}\\u{672c}\\u{8a9e}",
    "\\u{df}tra\\u{df}e",
    "e\\u{301}",
    "\\u{1f980} crab",
    "\\u{3a9}mega \\u{3c9}",
    "tab\\there",
];

pub fn block(g: &mut Gen) -> Vec<String> {
    let mut lines = Vec::new();
    let s = g.fresh("s");
    let start = g.rng.pick(ASCII).to_string();
    lines.push(format!(
        "let mut {s}: String = String::from({});",
        opaque_str(g, &start)
    ));
    for _ in 0..g.rng.range(3, 7) {
        let word = *g.rng.pick(ASCII);
        let i = g.rng.below(40);
        match g.rng.below(12) {
            0 => lines.push(format!("{s}.push_str(\"{word}\");")),
            1 => lines.push(format!("{s}.push({});", char_lit(g))),
            2 => lines.push(format!("{s}.insert({i} % ({s}.len() + 1), '{}');", ascii_char(g))),
            3 => lines.push(format!(
                "if !{s}.is_empty() {{ let c = {s}.remove({i} % {s}.len()); mix(&mut h, c as u64); }}"
            )),
            4 => lines.push(format!("{s}.insert_str({i} % ({s}.len() + 1), \"{word}\");")),
            5 => lines.push(format!("{s}.truncate({i});")),
            6 => lines.push(format!("{s} = {s}.replace(\"{}\", \"{word}\");", ascii_char(g))),
            7 => {
                let (value, ty) = any_value(g);
                let spec = value_spec(g, ty);
                lines.push(format!("write!({s}, \"[{spec}]\", {value}).unwrap();"));
            }
            8 => lines.push(format!("{s} = {s}.trim().to_uppercase();")),
            9 => lines.push(format!("{s} = {s}.repeat({});", g.rng.range(0, 3))),
            10 => lines.push(format!("{s}.retain(|c| c != '{}');", ascii_char(g))),
            _ => lines.push(format!("{s} += &{s}.clone().to_lowercase();")),
        }
    }
    lines.push(g.print("{:?}", &s));
    lines.push(format!("for b in {s}.bytes() {{ mix(&mut h, b as u64); }}"));
    for _ in 0..g.rng.range(2, 5) {
        read_only(g, &mut lines, &s);
    }
    for _ in 0..g.rng.range(1, 4) {
        formatted(g, &mut lines);
    }
    lines
}

fn opaque_str(g: &mut Gen, text: &str) -> String {
    if g.rng.chance(50) {
        format!("black_box(\"{text}\")")
    } else {
        format!("\"{text}\"")
    }
}

fn ascii_char(g: &mut Gen) -> char {
    *g.rng.pick(&['a', 'b', ',', ' ', 'x', '1', '=', 'Z'])
}

fn char_lit(g: &mut Gen) -> String {
    format!("'{}'", ascii_char(g))
}

/// Operations that do not change the string, on it or on a Unicode literal.
fn read_only(g: &mut Gen, lines: &mut Vec<String>, s: &str) {
    let u = if g.rng.chance(50) {
        format!("{s}.as_str()")
    } else {
        let text = *g.rng.pick(UNICODE);
        opaque_str(g, text)
    };
    let sep = ascii_char(g);
    let value = match g.rng.below(14) {
        0 => format!("{u}.split('{sep}').collect::<Vec<_>>()"),
        1 => format!("{u}.chars().rev().collect::<String>()"),
        2 => format!("{u}.bytes().fold(0u32, |a, b| a.wrapping_mul(33) ^ b as u32)"),
        3 => format!("({u}.len(), {u}.chars().count(), {u}.find('{sep}'), {u}.rfind(' '))"),
        4 => format!("{u}.char_indices().filter(|(_, c)| !c.is_ascii()).collect::<Vec<_>>()"),
        5 => format!("{u}.split_whitespace().map(|w| w.len()).collect::<Vec<_>>()"),
        6 => format!("({u}.to_uppercase(), {u}.to_lowercase())"),
        7 => format!("{u}.splitn(2, '{sep}').last()"),
        8 => format!(
            "{u}.trim().parse::<{}>()",
            g.rng
                .pick(&["i32", "u8", "i64", "f64", "f32", "u128", "bool", "char"])
        ),
        9 => format!(
            "{u}.chars().map(|c| c.to_digit(16).map_or(c as u32, |d| d * 100)).collect::<Vec<_>>()"
        ),
        10 => format!(
            "({u}.starts_with('{sep}'), {u}.contains(\"{}\"), {u}.is_char_boundary(1))",
            sep
        ),
        11 => format!("{u}.escape_debug().to_string()"),
        12 => format!(
            "{u}.split(',').map(str::trim).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(\"+\")"
        ),
        _ => format!(
            "{u}.chars().filter_map(|c| char::from_digit(c as u32 % 36, 36)).collect::<String>()"
        ),
    };
    let spec = if g.rng.chance(20) { "{:#?}" } else { "{:?}" };
    lines.push(g.print(spec, &value));
}

/// A value of a random kind, as an expression, and its type when it is a number.
fn any_value(g: &mut Gen) -> (String, Option<Ty>) {
    match g.rng.below(6) {
        0 | 1 => {
            let ty = num::any_num(&mut g.rng);
            (num::lit(&mut g.rng, ty), Some(ty))
        }
        // ASCII: the value is written into the string the byte-indexed operations work on.
        2 => (format!("\"{}\"", g.rng.pick(ASCII)), None),
        3 => (format!("'{}'", ascii_char(g)), None),
        4 => (format!("{}", g.rng.chance(50)), None),
        _ => (
            format!("({}, \"{}\")", g.rng.below(100), g.rng.pick(ASCII)),
            None,
        ),
    }
}

/// A spec the value accepts: Debug for everything, more for numbers.
fn value_spec(g: &mut Gen, ty: Option<Ty>) -> String {
    match ty {
        Some(ty) => num::spec(&mut g.rng, ty).to_owned(),
        None => g
            .rng
            .pick(&["{:?}", "{:>12?}", "{:<9?}|", "{:^14?}", "{:#?}"])
            .to_string(),
    }
}

/// Numbers and strings with run-time widths and precisions, fills and alignments.
fn formatted(g: &mut Gen, lines: &mut Vec<String>) {
    let ty = num::any_num(&mut g.rng);
    let value = num::lit(&mut g.rng, ty);
    let value = g.opaque(&value);
    let x = g.fresh("x");
    lines.push(format!("let {x}: {} = {value};", ty.name()));
    let w = g.rng.below(16);
    let p = g.rng.below(8);
    let fill = *g.rng.pick(&['*', '-', '0', ' ', '#']);
    let align = *g.rng.pick(&["<", ">", "^"]);
    let spec = if ty.is_float() {
        *g.rng.pick(&[
            "{:>w$.p$}",
            "{:+.p$e}",
            "{:<w$.p$?}",
            "{:^w$}",
            "{:.p$E}",
            "{:w$.p$}",
        ])
    } else {
        *g.rng.pick(&[
            "{:>w$}", "{:<#w$x}", "{:^+w$}", "{:w$b}", "{:0w$}", "{:#0w$X}",
        ])
    };
    // Named arguments the spec does not use are an error.
    let mut args = x.clone();
    for (name, value) in [("w$", w), ("p$", p)] {
        if spec.contains(name) {
            let _ = write!(args, ", {} = {value}", &name[..1]);
        }
    }
    lines.push(g.print(spec, &args));
    let text = g.rng.pick(UNICODE);
    lines.push(g.print(
        &format!("{{:{fill}{align}w$.p$}}|"),
        &format!("\"{text}\", w = {w}, p = {p}"),
    ));
    let word = g.rng.pick(ASCII);
    lines.push(g.print(
        &format!("{{:{fill}{align}{w}}}|{{:.{p}}}|{{:?}}"),
        &format!("\"{word}\", \"{text}\", \"{word}\""),
    ));
    if ty.is_float() {
        lines.push(g.print("{:?}", &format!("({x}.is_finite(), {x}.classify())")));
    }
    lines.push(g.hash(&num::hash_of(&x, ty)));
}
