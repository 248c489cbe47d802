//! Control flow: loops with `break` values and labels, `while let`, bounded recursion, and
//! closures (capturing by reference and by move, `FnMut`, boxed, returned as `impl Fn`).

use super::Gen;
use super::num::{self, Scope, Ty};

pub fn block(g: &mut Gen) -> Vec<String> {
    let mut lines = Vec::new();
    let n = g.fresh("n");
    let bound = g.rng.below(40);
    let bound = g.opaque(&format!("{bound}u32"));
    lines.push(format!("let {n}: u32 = {bound};"));
    for _ in 0..g.rng.range(2, 4) {
        match g.rng.below(9) {
            0 => loop_break(g, &mut lines, &n),
            1 => labeled(g, &mut lines, &n),
            2 => while_let(g, &mut lines, &n),
            3 => recursion(g, &mut lines, &n),
            4 => closures_by_ref(g, &mut lines),
            5 => fn_mut(g, &mut lines, &n),
            6 => boxed_closures(g, &mut lines),
            7 => returned_closure(g, &mut lines),
            _ => iterator_chain(g, &mut lines, &n),
        }
    }
    lines
}

fn loop_break(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let ty = num::any_num(&mut g.rng);
    let t = ty.name();
    let acc = g.fresh("acc");
    let i = g.fresh("i");
    let start = num::lit(&mut g.rng, ty);
    let scope = Scope {
        vars: vec![(acc.clone(), ty), (i.clone(), Ty::U32)],
    };
    let step = num::expr(&mut g.rng, &scope, ty, 2);
    let r = g.fresh("r");
    lines.push(format!("let mut {acc}: {t} = {start};"));
    lines.push(format!("let mut {i}: u32 = 0;"));
    lines.push(format!(
        "let {r}: {t} = loop {{ if {i} >= {n} {{ break {acc}; }} {acc} = {step}; {i} += 1; }};"
    ));
    lines.extend(g.print_num(&r, ty));
}

fn labeled(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let count = g.fresh("count");
    let m = g.rng.range(2, 9);
    let limit = g.rng.range(5, 40);
    let step = g.rng.range(1, 3);
    lines.push(format!("let mut {count}: u64 = 0;"));
    lines.push(format!("'outer: for a in 0..{n} {{"));
    lines.push(format!("    for b in (0..a).rev().step_by({step}) {{"));
    lines.push(format!(
        "        if (a * b) % {m} == 1 {{ continue 'outer; }}"
    ));
    lines.push(format!("        if a + b > {limit} {{ break 'outer; }}"));
    lines.push(format!(
        "        {count} = {count}.wrapping_mul(31).wrapping_add((a ^ b) as u64);"
    ));
    lines.push("    }".to_owned());
    lines.push("}".to_owned());
    lines.extend(g.print_num(&count, Ty::U64));
}

fn while_let(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let stack = g.fresh("stack");
    let sum = g.fresh("sum");
    let divisor = g.rng.range(2, 4);
    lines.push(format!(
        "let mut {stack}: Vec<u32> = vec![{n}, {n} / 2, {}];",
        g.rng.below(100)
    ));
    lines.push(format!("let mut {sum}: u32 = 0;"));
    lines.push(format!(
        "while let Some(x) = {stack}.pop() {{ if x > 1 && {stack}.len() < 12 {{ {stack}.push(x / {divisor}); {stack}.push(x - 1 - x / {divisor}); }} {sum} = {sum}.wrapping_add(x); }}"
    ));
    lines.extend(g.print_num(&sum, Ty::U32));
}

/// Recursion whose depth is bounded by a small argument.
fn recursion(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let name = g.fresh("rec");
    let ty = num::any_int(&mut g.rng);
    let t = ty.name();
    let scope = Scope {
        vars: vec![("x".to_owned(), ty), ("d".to_owned(), Ty::U32)],
    };
    let step = num::expr(&mut g.rng, &scope, ty, 2);
    let base = num::int_lit(&mut g.rng, ty);
    match g.rng.below(3) {
        0 => g.item(format!(
            "fn {name}(d: u32, x: {t}) -> {t} {{\n    if d == 0 {{\n        return {base};\n    }}\n    let below = {name}(d - 1, x);\n    below.wrapping_add({step})\n}}"
        )),
        1 => g.item(format!(
            "fn {name}(d: u32, x: {t}) -> {t} {{\n    match d {{\n        0 => x,\n        1 => {base},\n        _ => {name}(d - 1, x).wrapping_sub({name}(d - 2, {step}) >> 1),\n    }}\n}}"
        )),
        _ => {
            let other = g.fresh("rec_odd");
            g.item(format!(
                "fn {name}(d: u32, x: {t}) -> {t} {{\n    if d == 0 {{ x }} else {{ {other}(d - 1, {step}) }}\n}}"
            ));
            g.item(format!(
                "fn {other}(d: u32, x: {t}) -> {t} {{\n    if d == 0 {{ {base} }} else {{ {name}(d - 1, x.rotate_left(d)) }}\n}}"
            ));
        }
    }
    // The doubly recursive form is exponential: keep its depth small.
    let depth = g.rng.range(1, 14);
    let arg = num::int_lit(&mut g.rng, ty);
    let value = format!("{name}(({n} % {depth} + 1).min({depth}), {arg})");
    let r = g.fresh("r");
    lines.push(format!("let {r}: {t} = {value};"));
    lines.extend(g.print_num(&r, ty));
}

fn closures_by_ref(g: &mut Gen, lines: &mut Vec<String>) {
    let ty = num::any_num(&mut g.rng);
    let t = ty.name();
    let k = g.fresh("k");
    let f = g.fresh("f");
    let captured = num::lit(&mut g.rng, ty);
    lines.push(format!("let {k}: {t} = {};", g.opaque(&captured)));
    let scope = Scope {
        vars: vec![("x".to_owned(), ty), (k.clone(), ty)],
    };
    let body = num::expr(&mut g.rng, &scope, ty, 2);
    let capture = if g.rng.chance(50) { "move " } else { "" };
    lines.push(format!("let {f} = {capture}|x: {t}| -> {t} {{ {body} }};"));
    let apply = g.fresh("apply");
    g.item(format!(
        "fn {apply}<F: Fn({t}) -> {t}>(f: F, x: {t}, n: u32) -> {t} {{\n    (0..n).fold(x, |acc, _| f(acc))\n}}"
    ));
    let arg = num::lit(&mut g.rng, ty);
    let r = g.fresh("r");
    lines.push(format!(
        "let {r}: {t} = {apply}(&{f}, {arg}, {});",
        g.rng.range(0, 5)
    ));
    lines.extend(g.print_num(&r, ty));
    lines.extend(g.print_num(&format!("{f}({k})"), ty));
}

fn fn_mut(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let log = g.fresh("log");
    let total = g.fresh("total");
    let each = g.fresh("each");
    g.item(format!(
        "fn {each}<F: FnMut(u32)>(mut f: F, n: u32) {{\n    for i in 0..n {{\n        f(i);\n    }}\n}}"
    ));
    let m = g.rng.range(2, 7);
    lines.push(format!("let mut {log}: Vec<u32> = Vec::new();"));
    lines.push(format!("let mut {total}: u64 = 0;"));
    lines.push(format!(
        "{each}(|i| {{ if i % {m} == 0 {{ {log}.push(i); }} {total} = {total}.wrapping_mul(7).wrapping_add(i as u64); }}, {n} % 20);"
    ));
    lines.push(g.print("{:?} {}", &format!("{log}, {total}")));
}

fn boxed_closures(g: &mut Gen, lines: &mut Vec<String>) {
    let ty = num::any_num(&mut g.rng);
    let t = ty.name();
    let fs = g.fresh("fs");
    let k = g.fresh("k");
    let captured = num::lit(&mut g.rng, ty);
    lines.push(format!("let {k}: {t} = {};", g.opaque(&captured)));
    let scope = Scope {
        vars: vec![("x".to_owned(), ty), (k.clone(), ty)],
    };
    let bodies: Vec<String> = (0..g.rng.range(1, 4))
        .map(|_| {
            let body = num::expr(&mut g.rng, &scope, ty, 2);
            format!("Box::new(move |x: {t}| -> {t} {{ {body} }})")
        })
        .collect();
    lines.push(format!(
        "let {fs}: Vec<Box<dyn Fn({t}) -> {t}>> = vec![{}];",
        bodies.join(", ")
    ));
    let start = num::lit(&mut g.rng, ty);
    let r = g.fresh("r");
    lines.push(format!(
        "let {r}: {t} = {fs}.iter().fold({start}, |acc, f| f(acc));"
    ));
    lines.extend(g.print_num(&r, ty));
}

fn returned_closure(g: &mut Gen, lines: &mut Vec<String>) {
    let ty = num::any_num(&mut g.rng);
    let t = ty.name();
    let make = g.fresh("make_fn");
    let scope = Scope {
        vars: vec![("x".to_owned(), ty), ("k".to_owned(), ty)],
    };
    let body = num::expr(&mut g.rng, &scope, ty, 2);
    g.item(format!(
        "fn {make}(k: {t}) -> impl Fn({t}) -> {t} {{\n    move |x| {body}\n}}"
    ));
    let f = g.fresh("f");
    let k = num::lit(&mut g.rng, ty);
    let x = num::lit(&mut g.rng, ty);
    lines.push(format!("let {f} = {make}({});", g.opaque(&k)));
    lines.extend(g.print_num(&format!("{f}({x})"), ty));
}

fn iterator_chain(g: &mut Gen, lines: &mut Vec<String>, n: &str) {
    let m = g.rng.range(2, 5);
    let skip = g.rng.below(4);
    let r = g.fresh("r");
    lines.push(format!(
        "let {r}: Vec<(usize, u32)> = (0..{n}).filter(|x| x % {m} != 0).map(|x| x * x).skip({skip}).enumerate().take(6).collect();"
    ));
    lines.push(g.print("{:?}", &r));
    let s = g.fresh("s");
    lines.push(format!(
        "let {s}: u32 = (1..={n}).rev().step_by({m} as usize).zip(0..).map(|(a, b)| a ^ b).sum();"
    ));
    lines.extend(g.print_num(&s, Ty::U32));
    lines.push(g.print(
        "{:?}",
        &format!("((0..{n}).any(|x| x == {skip}), (0..{n}).all(|x| x < 40), (0..{n}).max_by_key(|x| x % {m}))"),
    ));
}
