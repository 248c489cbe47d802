//! Calls: functions with many parameters of mixed kinds (every width, floats, arrays, tuples,
//! Options, structs, slices, `&mut`) returning aggregates, called directly or through a `fn`
//! pointer: where calling conventions go wrong.

use super::Gen;
use super::num::{self, Scope, Ty};

/// One parameter: its type, an argument for it, and a number read from it inside the callee.
struct Param {
    ty: String,
    arg: String,
    /// Statements before the call (locals the argument borrows).
    setup: Vec<String>,
    read: String,
    read_ty: Ty,
}

pub fn block(g: &mut Gen) -> Vec<String> {
    let f = g.fresh("call");
    let params: Vec<Param> = (0..g.rng.range(2, 8)).map(|i| param(g, i)).collect();
    let reads = Scope {
        vars: params
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("a{i}"), p.read_ty))
            .collect(),
    };
    let returns: Vec<Ty> = (0..g.rng.range(1, 3))
        .map(|_| num::any_num(&mut g.rng))
        .collect();
    let mut body: Vec<String> = params
        .iter()
        .enumerate()
        .map(|(i, p)| format!("    let a{i}: {} = {};", p.read_ty.name(), p.read))
        .collect();
    for (i, p) in params.iter().enumerate() {
        if p.ty.starts_with("&mut") {
            let t = p.read_ty;
            let update = num::expr(&mut g.rng, &reads, t, 1);
            body.push(format!("    *p{i} = {update};"));
        }
    }
    let values: Vec<String> = returns
        .iter()
        .map(|&t| num::expr(&mut g.rng, &reads, t, 2))
        .collect();
    let return_ty = format!(
        "({},)",
        returns
            .iter()
            .map(|t| t.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    body.push(format!("    ({},)", values.join(", ")));
    let signature: Vec<String> = params
        .iter()
        .enumerate()
        .map(|(i, p)| format!("p{i}: {}", p.ty))
        .collect();
    let inline = if g.rng.chance(50) {
        "#[inline(never)]\n"
    } else {
        ""
    };
    g.item(format!(
        "{inline}fn {f}({}) -> {return_ty} {{\n{}\n}}",
        signature.join(", "),
        body.join("\n")
    ));
    let mut lines: Vec<String> = params.iter().flat_map(|p| p.setup.clone()).collect();
    let args: Vec<String> = params.iter().map(|p| p.arg.clone()).collect();
    let callee = if g.rng.chance(40) {
        let types: Vec<&str> = params.iter().map(|p| p.ty.as_str()).collect();
        // Through black_box, so that the call stays indirect at -O3.
        lines.push(format!(
            "let fp = black_box({f} as fn({}) -> {return_ty});",
            types.join(", ")
        ));
        "fp".to_owned()
    } else {
        f
    };
    let r = g.fresh("r");
    lines.push(format!("let {r} = {callee}({});", args.join(", ")));
    lines.push(g.print("{:?}", &r));
    for (i, t) in returns.iter().enumerate() {
        lines.push(g.hash(&num::hash_of(&format!("{r}.{i}"), *t)));
    }
    for p in &params {
        if p.ty.starts_with("&mut") {
            let local = p.arg.trim_start_matches("&mut ").to_owned();
            lines.extend(g.print_num(&local, p.read_ty));
        }
    }
    lines
}

fn param(g: &mut Gen, i: i64) -> Param {
    let t = num::any_num(&mut g.rng);
    let name = t.name();
    let value = num::lit(&mut g.rng, t);
    let value = g.opaque(&value);
    let simple = |ty: String, arg: String, read: String| Param {
        ty,
        arg,
        setup: Vec::new(),
        read,
        read_ty: t,
    };
    match g.rng.below(8) {
        0 | 1 => simple(name.to_owned(), value, format!("p{i}")),
        2 => {
            let k = g.rng.range(1, 5);
            let more: Vec<String> = (1..k).map(|_| num::lit(&mut g.rng, t)).collect();
            let mut elems = vec![value];
            elems.extend(more);
            simple(
                format!("[{name}; {k}]"),
                format!("[{}]", elems.join(", ")),
                format!("p{i}[{}]", k - 1),
            )
        }
        3 => {
            let other = *g.rng.pick(&[Ty::U8, Ty::I128, Ty::F32, Ty::I16, Ty::U64]);
            let first = num::lit(&mut g.rng, other);
            simple(
                format!("({}, {name})", other.name()),
                format!("({first}, {value})"),
                format!("p{i}.1"),
            )
        }
        4 => {
            let fallback = num::lit(&mut g.rng, t);
            let arg = if g.rng.chance(70) {
                format!("Some({value})")
            } else {
                "None".to_owned()
            };
            simple(
                format!("Option<{name}>"),
                arg,
                format!("p{i}.unwrap_or({fallback})"),
            )
        }
        5 => {
            let s = g.fresh("P");
            let other = num::any_num(&mut g.rng);
            g.item(format!(
                "#[derive(Debug, Clone, Copy)]\nstruct {s} {{\n    x: {},\n    y: {name},\n}}",
                other.name()
            ));
            let x = num::lit(&mut g.rng, other);
            simple(
                s.clone(),
                format!("{s} {{ x: {x}, y: {value} }}"),
                format!("p{i}.y"),
            )
        }
        6 => {
            let local = g.fresh("sl");
            let more = num::lit(&mut g.rng, t);
            Param {
                ty: format!("&[{name}]"),
                arg: format!("&{local}[..]"),
                setup: vec![format!("let {local}: Vec<{name}> = vec![{more}, {value}];")],
                read: format!("p{i}[p{i}.len() - 1]"),
                read_ty: t,
            }
        }
        _ => {
            let local = g.fresh("m");
            Param {
                ty: format!("&mut {name}"),
                arg: format!("&mut {local}"),
                setup: vec![format!("let mut {local}: {name} = {value};")],
                read: format!("*p{i}"),
                read_ty: t,
            }
        }
    }
}
