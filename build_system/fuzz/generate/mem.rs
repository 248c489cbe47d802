//! Memory: arrays, slices and their methods (sort, reverse, windows, chunks, split), references,
//! raw pointers (only in-bounds, live, aligned accesses) and `Vec` operations.

use super::Gen;
use super::num::{self, Ty};

pub fn block(g: &mut Gen) -> Vec<String> {
    let ty = if g.rng.chance(20) {
        *g.rng.pick(num::FLOATS)
    } else {
        num::any_int(&mut g.rng)
    };
    let t = ty.name();
    let len = g.rng.range(3, 8) as usize;
    let a = g.fresh("a");
    let elems: Vec<String> = (0..len).map(|_| num::lit(&mut g.rng, ty)).collect();
    let array = g.opaque(&format!("[{}]", elems.join(", ")));
    let mut lines = vec![format!("let mut {a}: [{t}; {len}] = {array};")];
    let combine = |x: &str, y: &str| {
        if ty.is_float() {
            format!("({x} * 0.5 + {y})")
        } else {
            format!("{x}.wrapping_mul(3).wrapping_add({y})")
        }
    };
    // Floats have no total order of their own: sort with total_cmp, whose order is defined
    // bit by bit (so NaN payload differences could show: the literals only hold canonical NaNs).
    let cmp = if ty.is_float() {
        "x.total_cmp(y)"
    } else {
        "x.cmp(y)"
    };
    let hash_x = num::hash_of("*x", ty);
    for _ in 0..g.rng.range(4, 9) {
        let i = g.rng.below(64);
        let j = g.rng.below(64);
        let i = g.opaque(&format!("{i}usize"));
        match g.rng.below(18) {
            0 => lines.push(format!(
                "{a}[{i} % {len}] = {};",
                combine(&format!("{a}[{j} % {len}]"), &format!("{a}[0]"))
            )),
            1 => {
                let lo = g.rng.below(len + 1);
                let hi = lo + g.rng.below(len + 1 - lo);
                let op = g
                    .rng
                    .pick(&[
                        "reverse()".to_owned(),
                        format!("sort_by(|x, y| {cmp})"),
                        format!("sort_unstable_by(|x, y| {cmp}.reverse())"),
                        format!("rotate_left({} % {})", j, (hi - lo).max(1)),
                    ])
                    .clone();
                if op.starts_with("rotate") && hi == lo {
                    continue;
                }
                lines.push(format!("{a}[{lo}..{hi}].{op};"));
                lines.push(g.print("{:?}", &a));
            }
            2 => {
                let w = g.rng.range(1, 3);
                let diff = combine("w[0]", &format!("w[{}]", w - 1));
                lines.push(format!(
                    "let wins: Vec<{t}> = {a}.windows({w}).map(|w| {diff}).collect();"
                ));
                lines.push(g.print("{:?}", "wins"));
            }
            3 => {
                let k = g.rng.range(1, 4);
                let chunking = g.rng.pick(&["chunks", "chunks_exact", "rchunks"]);
                lines.push(format!(
                    "let lens: Vec<(usize, {t})> = {a}.{chunking}({k}).map(|c| (c.len(), c[c.len() - 1])).collect();"
                ));
                lines.push(g.print("{:?}", "lens"));
            }
            4 => {
                let at = g.rng.below(len + 1);
                lines.push(format!("let (left, right) = {a}.split_at({at});"));
                lines.push(g.print("{:?} | {:?}", "left, right.first()"));
            }
            5 => {
                lines.push(format!(
                    "for x in {a}.iter().rev().skip({}) {{ mix(&mut h, {hash_x}); }}",
                    g.rng.below(3)
                ));
            }
            6 => {
                let bound = num::lit(&mut g.rng, ty);
                lines.push(g.print(
                    "{:?}",
                    &format!(
                        "({a}.iter().position(|x| *x > {bound}), {a}.iter().rposition(|x| *x <= {bound}))"
                    ),
                ));
            }
            7 => {
                // A raw pointer to the first element; offsets stay below len.
                lines.push(format!("let p: *mut {t} = {a}.as_mut_ptr();"));
                lines.push(format!(
                    "unsafe {{ *p.add({i} % {len}) = {}; }}",
                    combine(&format!("p.add({j} % {len}).read()"), "*p")
                ));
                lines.push(format!(
                    "unsafe {{ std::ptr::swap(p.add({j} % {len}), p.add({len} - 1)); }}"
                ));
                lines.push(g.print("{:?}", &a));
            }
            8 => {
                lines.push(format!("let r: &{t} = &{a}[{i} % {len}];"));
                lines.push("let rr: &&_ = &r;".to_owned());
                lines.push(format!("let pr: *const {t} = *rr;"));
                lines.push("let val = unsafe { *pr };".to_owned());
                lines.extend(g.print_num("val", ty));
            }
            9 => {
                lines.push(g.print(
                    "{:?}",
                    &format!("({a}.get({i}), {a}.get({j} % {len}), {a}.first(), {a}.last())"),
                ));
            }
            10 => {
                let m = format!("{a}.iter_mut()");
                lines.push(format!(
                    "for (n, x) in {m}.enumerate() {{ if n % 2 == {} {{ *x = {}; }} }}",
                    g.rng.below(2),
                    combine("(*x)", &num::lit(&mut g.rng, ty))
                ));
                lines.push(g.print("{:?}", &a));
            }
            11 if !ty.is_float() => {
                lines.push(g.print(
                    "{:?}",
                    &format!(
                        "({a}.iter().max(), {a}.iter().min(), {a}.iter().fold(0{t}, |s, x| s.wrapping_add(*x)))"
                    ),
                ));
            }
            12 => vec_ops(g, &mut lines, &a, ty),
            13 => {
                // A mutable reference handed to a helper, then read back through the array.
                let bump = g.fresh("bump");
                g.item(format!(
                    "fn {bump}(x: &mut {t}, y: &{t}) {{\n    *x = {};\n}}",
                    combine("(*x)", "(*y)")
                ));
                lines.push(format!(
                    "{{ let (l, r) = {a}.split_at_mut(1); {bump}(&mut l[0], &r[{j} % {}]); }}",
                    len - 1
                ));
                lines.extend(g.print_num(&format!("{a}[0]"), ty));
            }
            14 => {
                lines.push(format!("let mut rev: Vec<{t}> = {a}.to_vec();"));
                lines.push("rev.reverse();".to_owned());
                lines.push(g.print("{}", &format!("rev.as_slice() == &{a}[..]")));
                lines.push(format!("{a}.copy_from_slice(&rev);"));
            }
            15 if !ty.is_float() => {
                // Integers have no padding and every byte pattern is an integer: viewing the
                // array as bytes and reading unaligned words from it is defined.
                let bytes = g.fresh("bytes");
                lines.push(format!(
                    "let {bytes}: &[u8] = unsafe {{ std::slice::from_raw_parts({a}.as_ptr() as *const u8, std::mem::size_of_val(&{a})) }};"
                ));
                lines.push(g.print("{:?}", &format!("&{bytes}[..{bytes}.len().min(12)]")));
                let word = *g.rng.pick(&[Ty::U16, Ty::I32, Ty::U64, Ty::I128]);
                let w = word.name();
                lines.push(format!(
                    "let word: {w} = if {bytes}.len() >= {} {{ unsafe {{ ({bytes}.as_ptr().add({i} % ({bytes}.len() - {} + 1)) as *const {w}).read_unaligned() }} }} else {{ 0 }};",
                    word.bits() / 8,
                    word.bits() / 8
                ));
                lines.extend(g.print_num("word", word));
            }
            16 => {
                let x = num::lit(&mut g.rng, ty);
                lines.push(format!("let mut other: {t} = {x};"));
                lines.push(format!(
                    "std::mem::swap(&mut {a}[{i} % {len}], &mut other);"
                ));
                lines.push(format!(
                    "let old = std::mem::replace(&mut {a}[{j} % {len}], other);"
                ));
                lines.extend(g.print_num("old", ty));
            }
            _ => {
                lines.push(format!("{a}.swap({i} % {len}, {j} % {len});"));
                lines.push(g.print("{:?}", &a));
            }
        }
    }
    lines.push(format!("for x in {a}.iter() {{ mix(&mut h, {hash_x}); }}"));
    lines
}

/// Vec operations on a copy of the array; every index is reduced modulo the current length.
fn vec_ops(g: &mut Gen, lines: &mut Vec<String>, a: &str, ty: Ty) {
    let t = ty.name();
    let v = g.fresh("v");
    lines.push(format!("let mut {v}: Vec<{t}> = {a}.to_vec();"));
    for _ in 0..g.rng.range(2, 6) {
        let x = num::lit(&mut g.rng, ty);
        let i = g.rng.below(64);
        match g.rng.below(9) {
            0 => lines.push(format!("{v}.push({x});")),
            1 => lines.push(format!("{v}.insert({i} % ({v}.len() + 1), {x});")),
            2 => lines.push(format!(
                "if !{v}.is_empty() {{ let gone = {v}.remove({i} % {v}.len()); {} }}",
                g.print("{:?}", "gone")
            )),
            3 => lines.push(format!("{v}.extend_from_slice(&{a}[..{}]);", i % 3)),
            4 if !ty.is_float() => lines.push(format!("{v}.retain(|x| x % 3 != 0);")),
            5 => lines.push(format!("{v}.truncate({});", i % 6)),
            6 => {
                lines.push(format!(
                    "let drained: Vec<{t}> = {v}.drain(..{v}.len().min({})).collect();",
                    i % 3
                ));
                lines.push(g.print("{:?}", "drained"));
            }
            7 if !ty.is_float() => {
                lines.push(format!("{v}.sort();"));
                lines.push(format!("{v}.dedup();"));
                lines.push(g.print("{:?}", &format!("{v}.binary_search(&{x})")));
            }
            _ => lines.push(format!("{v}.extend({a}.iter().rev().take({}));", i % 4)),
        }
    }
    lines.push(g.print(
        "{:?}",
        &format!("({v}.len(), {v}.capacity() >= {v}.len(), &{v})"),
    ));
}
