//! Structs and enums: explicit discriminants and `#[repr]`, payloads with niches (`Option<&T>`,
//! `Option<NonZeroU32>`, `Option<Option<bool>>`, ...), `match` with guards and `@` bindings,
//! layouts, Debug output.

use super::Gen;
use super::num::{self, INTS, Ty};

/// A payload type and how the generated code makes, inspects and matches values of it.
struct Payload {
    ty: String,
    /// Builds a value from the u64 expression `{s}`.
    make: String,
    /// A u64 from the bound value `{b}`.
    to_u64: String,
    /// A bool over `{b}`.
    guard: String,
    /// A refutable pattern for `{b} @ PATTERN`, when the type allows one.
    at: Option<String>,
}

fn payload(g: &mut Gen) -> Payload {
    let p = |ty: &str, make: &str, to_u64: &str, guard: &str, at: Option<&str>| Payload {
        ty: ty.to_owned(),
        make: make.to_owned(),
        to_u64: to_u64.to_owned(),
        guard: guard.to_owned(),
        at: at.map(str::to_owned),
    };
    match g.rng.below(14) {
        12 => p(
            "Result<u8, bool>",
            "if {s} % 3 == 0 { Err({s} % 2 == 0) } else { Ok({s} as u8) }",
            "match {b} { Ok(v) => v as u64, Err(e) => 500 + e as u64 }",
            "{b}.is_ok()",
            Some("Ok(0..=9)"),
        ),
        13 => p(
            "Option<Box<u16>>",
            "if {s} % 4 == 1 { None } else { Some(Box::new({s} as u16)) }",
            "{b}.as_deref().map_or(70000, |v| *v as u64)",
            "{b}.is_none()",
            None,
        ),
        0 | 1 => {
            let ty = *g.rng.pick(INTS);
            let bound = num::int_lit(&mut g.rng, ty);
            let name = ty.name();
            let mul = g.rng.next() | 1;
            p(
                name,
                &format!("({{s}}.wrapping_mul({mul}) as {name})"),
                &num::hash_of("{b}", ty),
                &format!("{{b}} > {bound}"),
                Some("1..=9"),
            )
        }
        2 => {
            let ty = *g.rng.pick(num::FLOATS);
            let name = ty.name();
            p(
                name,
                &format!("(({{s}} % 1000) as {name} / 8.0 - 40.0)"),
                &num::hash_of("{b}", ty),
                "{b} > 10.0",
                None,
            )
        }
        3 => p(
            "char",
            "char::from_u32(({s} % 0x3000) as u32).unwrap_or('?')",
            "({b} as u64)",
            "{b}.is_alphabetic()",
            Some("'a'..='z'"),
        ),
        4 => p(
            "bool",
            "({s} % 3 == 0)",
            "({b} as u64)",
            "{b}",
            Some("true"),
        ),
        5 => p(
            "Option<NonZeroU32>",
            "NonZeroU32::new(({s} % 4) as u32 * 0x1234_5679)",
            "{b}.map_or(0, |n| n.get() as u64)",
            "{b}.is_some()",
            Some("Some(_)"),
        ),
        6 => p(
            "Option<Option<bool>>",
            "match {s} % 3 { 0 => None, 1 => Some(None), _ => Some(Some({s} % 5 == 0)) }",
            "match {b} { None => 11, Some(None) => 12, Some(Some(x)) => x as u64 }",
            "{b} == Some(None)",
            Some("Some(Some(true))"),
        ),
        7 => p(
            "&'static str",
            "[\"\", \"a\", \"xyz\", \"h\\u{e9}llo\", \"a,b\"][({s} % 5) as usize]",
            "({b}.len() as u64)",
            "{b}.len() > 1",
            Some("\"xyz\""),
        ),
        8 => p(
            "Box<i64>",
            "Box::new({s} as i64)",
            "(*{b} as u64)",
            "*{b} < 0",
            None,
        ),
        9 => p(
            "(u8, i32)",
            "(({s} % 256) as u8, ({s} >> 8) as i32)",
            "({b}.0 as u64 ^ {b}.1 as u64)",
            "({b}.0 as i32) > {b}.1",
            Some("(0..=100, _)"),
        ),
        10 => p(
            "Option<&'static u32>",
            "if {s} % 2 == 0 { Some(&7u32) } else { None }",
            "{b}.map_or(99, |r| *r as u64)",
            "{b}.is_none()",
            Some("Some(&7)"),
        ),
        _ => p(
            "Option<NonZeroI64>",
            "NonZeroI64::new({s} as i64 % 3)",
            "{b}.map_or(0, |n| n.get() as u64)",
            "{b}.is_some()",
            Some("None"),
        ),
    }
}

fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(key, value)
}

pub fn block(g: &mut Gen) -> Vec<String> {
    let mut lines = Vec::new();
    match g.rng.below(6) {
        0 => c_like(g, &mut lines),
        1 => data_enum(g, &mut lines),
        2 => structure(g, &mut lines),
        3 => tagged(g, &mut lines),
        4 => tuples(g, &mut lines),
        _ => {
            data_enum(g, &mut lines);
            c_like(g, &mut lines);
        }
    }
    lines
}

/// A fieldless enum with a `#[repr]` and explicit (possibly negative) discriminants.
fn c_like(g: &mut Gen, lines: &mut Vec<String>) {
    let name = g.fresh("K");
    let repr = *g.rng.pick(&[
        Ty::U8,
        Ty::I8,
        Ty::U16,
        Ty::I32,
        Ty::U32,
        Ty::I64,
        Ty::Isize,
    ]);
    let count = g.rng.range(2, 5) as usize;
    let (lo, hi) = match repr {
        Ty::U8 => (0, 255),
        Ty::I8 => (-128, 127),
        Ty::U16 => (0, 65535),
        Ty::U32 => (0, 4_000_000_000),
        _ => (-2_000_000_000, 2_000_000_000),
    };
    let mut discriminants: Vec<i64> = Vec::new();
    while discriminants.len() < count {
        let d = if g.rng.chance(50) {
            g.rng.range(lo.max(-3), hi.min(10))
        } else {
            g.rng.range(lo, hi)
        };
        if !discriminants.contains(&d) {
            discriminants.push(d);
        }
    }
    let variants: Vec<String> = discriminants
        .iter()
        .enumerate()
        .map(|(i, d)| format!("    V{i} = {d},"))
        .collect();
    g.item(format!(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]\n#[repr({})]\nenum {name} {{\n{}\n}}",
        repr.name(),
        variants.join("\n")
    ));
    let all: Vec<String> = (0..count).map(|i| format!("{name}::V{i}")).collect();
    let k = g.fresh("k");
    let index = g.rng.below(50);
    let index = g.opaque(&format!("{index}usize"));
    lines.push(format!(
        "let {k} = [{}][{index} % {count}];",
        all.join(", ")
    ));
    lines.push(g.print("{:?}", &k));
    let as_repr = format!("({k} as {})", repr.name());
    lines.extend(g.print_num(&as_repr, repr));
    let wide = *g.rng.pick(&[Ty::I64, Ty::U8, Ty::I128, Ty::U64]);
    lines.extend(g.print_num(&format!("({k} as {})", wide.name()), wide));
    let r = g.fresh("r");
    let mut arms = Vec::new();
    for i in 0..count {
        if g.rng.chance(60) {
            arms.push(format!("{name}::V{i} => {},", g.rng.below(1000)));
        }
    }
    lines.push(format!(
        "let {r}: u32 = match {k} {{ {} _ => 1000 }};",
        arms.join(" ")
    ));
    lines.extend(g.print_num(&r, Ty::U32));
    let other = g.rng.below(count);
    let cmp = format!("({k} < {name}::V{other}, {k}.max({name}::V{other}))");
    lines.push(g.print("{:?}", &cmp));
    lines.push(g.print("{}", &format!("std::mem::size_of::<Option<{name}>>()")));
}

/// An enum with payloads, a constructor fn from a u64, and a loop matching every value with
/// guards and bindings.
fn data_enum(g: &mut Gen, lines: &mut Vec<String>) {
    let name = g.fresh("E");
    let count = g.rng.range(2, 5) as usize;
    let mut decls = Vec::new();
    let mut makes = Vec::new();
    let mut arms = Vec::new();
    for v in 0..count {
        let shape = if v == 0 { 0 } else { g.rng.below(3) };
        match shape {
            0 => {
                decls.push(format!("    V{v},"));
                makes.push(format!("        {v} => {name}::V{v},"));
                arms.push(format!("        {name}::V{v} => {},", g.rng.below(100)));
            }
            _ => {
                let fields: Vec<Payload> = (0..g.rng.range(1, 2)).map(|_| payload(g)).collect();
                let named = shape == 2;
                let binds: Vec<String> = (0..fields.len()).map(|i| format!("b{i}")).collect();
                let pattern = |binds: &[String]| {
                    if named {
                        let inner: Vec<String> = binds
                            .iter()
                            .enumerate()
                            .map(|(i, b)| format!("f{i}: {b}"))
                            .collect();
                        format!("{name}::V{v} {{ {} }}", inner.join(", "))
                    } else {
                        format!("{name}::V{v}({})", binds.join(", "))
                    }
                };
                let tys: Vec<String> = fields.iter().map(|f| f.ty.clone()).collect();
                let values: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| fill(&f.make, "{s}", &format!("s.rotate_left({})", i * 13)))
                    .collect();
                if named {
                    let decl: Vec<String> = tys
                        .iter()
                        .enumerate()
                        .map(|(i, t)| format!("f{i}: {t}"))
                        .collect();
                    decls.push(format!("    V{v} {{ {} }},", decl.join(", ")));
                    let init: Vec<String> = values
                        .iter()
                        .enumerate()
                        .map(|(i, value)| format!("f{i}: {value}"))
                        .collect();
                    makes.push(format!(
                        "        {v} => {name}::V{v} {{ {} }},",
                        init.join(", ")
                    ));
                } else {
                    decls.push(format!("    V{v}({}),", tys.join(", ")));
                    makes.push(format!(
                        "        {v} => {name}::V{v}({}),",
                        values.join(", ")
                    ));
                }
                let sum: Vec<String> = fields
                    .iter()
                    .zip(&binds)
                    .map(|(f, b)| fill(&f.to_u64, "{b}", b))
                    .collect();
                let sum = format!("({})", sum.join(" ^ "));
                if let Some(at) = &fields[0].at
                    && g.rng.chance(60)
                {
                    let mut at_binds = binds.clone();
                    at_binds[0] = format!("b0 @ {at}");
                    arms.push(format!(
                        "        {} => {sum}.wrapping_add(1000),",
                        pattern(&at_binds)
                    ));
                }
                if g.rng.chance(70) {
                    let guard = fill(&fields[0].guard, "{b}", "b0");
                    arms.push(format!(
                        "        {} if {guard} => {sum}.wrapping_mul(3),",
                        pattern(&binds)
                    ));
                }
                arms.push(format!("        {} => {sum},", pattern(&binds)));
            }
        }
    }
    g.item(format!(
        "#[derive(Debug, Clone, PartialEq)]\nenum {name} {{\n{}\n}}",
        decls.join("\n")
    ));
    let make = g.fresh("make_e");
    g.item(format!(
        "fn {make}(s: u64) -> {name} {{\n    match s % {count} {{\n{}\n        _ => {name}::V0,\n    }}\n}}",
        makes.join("\n")
    ));
    let score = g.fresh("score_e");
    g.item(format!(
        "fn {score}(e: {name}) -> u64 {{\n    match e {{\n{}\n    }}\n}}",
        arms.join("\n")
    ));
    let seed = g.rng.next();
    let seed = g.opaque(&format!("{seed}u64"));
    let items = g.fresh("es");
    let n = g.rng.range(3, 8);
    lines.push(format!(
        "let {items}: Vec<{name}> = (0..{n}u64).map(|i| {make}({seed}.wrapping_add(i.wrapping_mul(0x9e37_79b9_7f4a_7c15)))).collect();"
    ));
    let spec = if g.rng.chance(20) { "{:#?}" } else { "{:?}" };
    let item = g.fresh("e");
    lines.push(format!("for {item} in &{items} {{"));
    lines.push(format!("    let sc = {score}({item}.clone());"));
    lines.push("    mix(&mut h, sc);".to_owned());
    lines.push(format!(
        "    {}",
        g.print(&format!("{spec} -> {{}}"), &format!("{item}, sc"))
    ));
    lines.push("}".to_owned());
    let first = g.fresh("o");
    lines.push(format!(
        "let {first}: Option<&{name}> = {items}.iter().find(|e| **e != {items}[0]);"
    ));
    lines.push(g.print("{:?}", &first));
    lines.push(g.print(
        "{:?}",
        &format!(
            "(std::mem::size_of::<{name}>(), std::mem::size_of::<Option<{name}>>(), std::mem::size_of::<Option<Option<{name}>>>())"
        ),
    ));
}

/// A struct of payloads and an array, built, changed field by field, destructured, compared.
fn structure(g: &mut Gen, lines: &mut Vec<String>) {
    let name = g.fresh("S");
    let fields: Vec<Payload> = (0..g.rng.range(1, 4)).map(|_| payload(g)).collect();
    let elem = *g.rng.pick(INTS);
    let len = g.rng.range(1, 5);
    let mut decl: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| format!("    f{i}: {},", f.ty))
        .collect();
    decl.push(format!("    arr: [{}; {len}],", elem.name()));
    g.item(format!(
        "#[derive(Debug, Clone, PartialEq)]\nstruct {name} {{\n{}\n}}",
        decl.join("\n")
    ));
    let make = g.fresh("make_s");
    let mut init: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let value = fill(&f.make, "{s}", &format!("s.rotate_right({})", i * 7 + 1));
            format!("        f{i}: {value},")
        })
        .collect();
    init.push(format!(
        "        arr: [0; {len}].map(|_| s as {}),",
        elem.name()
    ));
    g.item(format!(
        "fn {make}(s: u64) -> {name} {{\n    {name} {{\n{}\n    }}\n}}",
        init.join("\n")
    ));
    let st = g.fresh("st");
    let seed = g.rng.next();
    let seed = g.opaque(&format!("{seed}u64"));
    lines.push(format!("let mut {st} = {make}({seed});"));
    let index = g.rng.below(10);
    let value = num::int_lit(&mut g.rng, elem);
    lines.push(format!(
        "{st}.arr[{} % {len}] = {value};",
        g.opaque(&format!("{index}usize"))
    ));
    let spec = if g.rng.chance(30) { "{:#?}" } else { "{:?}" };
    lines.push(g.print(spec, &st));
    let copy = g.fresh("st");
    lines.push(format!("let {copy} = {st}.clone();"));
    let other_seed = g.rng.next() % 4;
    lines.push(format!("{st} = {make}({st}.arr[0] as u64 ^ {other_seed});"));
    lines.push(g.print("{}", &format!("{st} == {copy}")));
    let f = fill(&fields[0].to_u64, "{b}", "f0");
    lines.push(format!(
        "let {name} {{ f0, arr: [first, ..], .. }} = {copy};"
    ));
    lines.push(g.hash(&f));
    lines.extend(g.print_num("first", elem));
    lines.push(g.print("{}", &format!("std::mem::size_of::<Option<{name}>>()")));
}

/// A `#[repr(u8)]` enum with payloads and explicit discriminants: the tag is its first byte
/// (a documented layout), read through a pointer cast.
fn tagged(g: &mut Gen, lines: &mut Vec<String>) {
    let name = g.fresh("R");
    let mut discriminants: Vec<u8> = Vec::new();
    while discriminants.len() < 3 {
        let d = g.rng.below(256) as u8;
        if !discriminants.contains(&d) {
            discriminants.push(d);
        }
    }
    let a = *g.rng.pick(INTS);
    let b = *g.rng.pick(INTS);
    g.item(format!(
        "#[derive(Debug, Clone, Copy, PartialEq)]\n#[repr(u8)]\nenum {name} {{\n    V0({}) = {},\n    V1 {{ x: {}, y: bool }} = {},\n    V2 = {},\n}}",
        a.name(),
        discriminants[0],
        b.name(),
        discriminants[1],
        discriminants[2]
    ));
    let tag = g.fresh("tag");
    g.item(format!(
        "fn {tag}(r: &{name}) -> u8 {{\n    // repr(u8): the enum starts with its u8 tag.\n    unsafe {{ *(r as *const {name} as *const u8) }}\n}}"
    ));
    let va = num::int_lit(&mut g.rng, a);
    let vb = num::int_lit(&mut g.rng, b);
    let rs = g.fresh("rs");
    let va = g.opaque(&va);
    lines.push(format!(
        "let {rs} = [{name}::V0({va}), {name}::V1 {{ x: {vb}, y: {} }}, {name}::V2];",
        g.rng.chance(50)
    ));
    lines.push(format!(
        "for r in {rs}.iter() {{ mix(&mut h, {tag}(r) as u64); {} }}",
        g.print("{:?} {}", &format!("r, {tag}(r)"))
    ));
    let guard = num::int_lit(&mut g.rng, a);
    let index = g.rng.below(9);
    let index = g.opaque(&format!("{index}usize"));
    lines.push(format!(
        "let picked: u64 = match {rs}[{} % 3] {{ {name}::V0(v) if v > {guard} => 1, {name}::V0(_) => 2, {name}::V1 {{ y: true, .. }} => 3, {name}::V1 {{ x, .. }} => {}, {name}::V2 => 5 }};",
        index,
        num::hash_of("x", b)
    ));
    lines.extend(g.print_num("picked", Ty::U64));
    lines.push(g.print(
        "{}",
        &format!("std::mem::size_of::<{name}>() + 100 * std::mem::size_of::<Option<{name}>>()"),
    ));
}

/// Tuples: nested, returned from functions, destructured, compared lexicographically.
fn tuples(g: &mut Gen, lines: &mut Vec<String>) {
    let a = num::any_num(&mut g.rng);
    let b = *g.rng.pick(INTS);
    let f = g.fresh("pair");
    let scope = num::Scope {
        vars: vec![("x".to_owned(), a), ("y".to_owned(), b)],
    };
    let first = num::expr(&mut g.rng, &scope, a, 2);
    let second = num::expr(&mut g.rng, &scope, b, 2);
    g.item(format!(
        "fn {f}(x: {}, y: {}) -> (({}, {}), bool) {{\n    (({first}, {second}), x == x)\n}}",
        a.name(),
        b.name(),
        a.name(),
        b.name()
    ));
    let t = g.fresh("t");
    let x = num::lit(&mut g.rng, a);
    let y = num::int_lit(&mut g.rng, b);
    let x = g.opaque(&x);
    lines.push(format!("let {t} = {f}({x}, {y});"));
    lines.push(g.print("{:?}", &t));
    lines.push(format!("let (({t}a, {t}b), {t}c) = {t};"));
    lines.extend(g.print_num(&format!("{t}a"), a));
    lines.extend(g.print_num(&format!("{t}b"), b));
    let other = num::int_lit(&mut g.rng, b);
    lines.push(g.print(
        "{:?}",
        &format!("(({t}b, {t}c) < ({other}, true), ({t}b, {t}c).max(({other}, false)), {t}c)"),
    ));
}
