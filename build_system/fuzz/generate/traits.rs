//! Traits: `Box<dyn Trait>` and `&dyn Trait` with default and overridden methods, supertraits
//! and upcasting, generic functions and impls with bounds, associated consts.

use super::Gen;
use super::num::{self, Scope, Ty};

/// One implementing type: its declaration and the body of its `val` method.
struct Implementor {
    name: String,
    construct: String,
    val_body: String,
    overrides_name: bool,
}

pub fn block(g: &mut Gen) -> Vec<String> {
    let tr = g.fresh("Tr");
    let sup = g.fresh("Twice");
    let salt = g.rng.below(97);
    let modulus = g.rng.range(2, 1000);
    g.item(format!(
        "trait {tr} {{\n    fn val(&self) -> u64;\n    fn label(&self) -> String {{\n        format!(\"d{{}}\", self.val() % {modulus} + {salt})\n    }}\n}}"
    ));
    g.item(format!(
        "trait {sup}: {tr} {{\n    fn twice(&self) -> u64 {{\n        self.val().wrapping_mul(2) ^ {salt}\n    }}\n}}"
    ));
    let mut types = Vec::new();
    for _ in 0..g.rng.range(2, 4) {
        types.push(implementor(g));
    }
    for t in &types {
        let label = if t.overrides_name {
            format!(
                "\n    fn label(&self) -> String {{\n        format!(\"{}:{{:?}}\", self)\n    }}",
                t.name
            )
        } else {
            String::new()
        };
        g.item(format!(
            "impl {tr} for {} {{\n    fn val(&self) -> u64 {{\n        {}\n    }}{label}\n}}",
            t.name, t.val_body
        ));
        if g.rng.chance(50) {
            g.item(format!("impl {sup} for {} {{}}", t.name));
        }
    }
    // A generic wrapper forwarding to its content, and a primitive implementor.
    let wrap = g.fresh("Wrap");
    g.item(format!(
        "#[derive(Debug)]\nstruct {wrap}<T>(T, u8);\nimpl<T: {tr}> {tr} for {wrap}<T> {{\n    fn val(&self) -> u64 {{\n        self.0.val().rotate_left(self.1 as u32)\n    }}\n}}"
    ));
    g.item(format!(
        "impl {tr} for u16 {{\n    fn val(&self) -> u64 {{\n        *self as u64 * 3\n    }}\n}}"
    ));
    let mut lines = Vec::new();
    let objs = g.fresh("objs");
    let mut boxed: Vec<String> = types
        .iter()
        .map(|t| format!("Box::new({})", t.construct))
        .collect();
    boxed.push(format!("Box::new({}u16)", g.rng.below(65536)));
    let inner = &types[g.rng.below(types.len())];
    boxed.push(format!(
        "Box::new({wrap}({}, {}))",
        inner.construct,
        g.rng.below(64)
    ));
    lines.push(format!(
        "let {objs}: Vec<Box<dyn {tr}>> = vec![{}];",
        boxed.join(", ")
    ));
    lines.push(format!(
        "for o in {objs}.iter() {{ let v = o.val(); mix(&mut h, v); {} }}",
        g.print("{} {}", "v, o.label()")
    ));
    let describe = g.fresh("describe");
    g.item(format!(
        "fn {describe}<T: {tr} + Debug + ?Sized>(t: &T) -> String {{\n    format!(\"{{:?}}/{{}}\", t, t.val())\n}}"
    ));
    let pick = &types[g.rng.below(types.len())];
    lines.push(g.print("{}", &format!("{describe}(&{})", pick.construct)));
    let r = g.fresh("r");
    lines.push(format!("let {r}: &dyn {tr} = &{};", pick.construct));
    lines.push(g.print("{} {}", &format!("{r}.val(), {r}.label()")));
    let sum = g.fresh("sum");
    lines.push(format!(
        "let {sum}: u64 = {objs}.iter().map(|o| o.val()).fold(0u64, |a, b| a.wrapping_add(b));"
    ));
    lines.extend(g.print_num(&sum, Ty::U64));
    // Supertrait object, upcast to the base trait.
    g.item(format!("impl {sup} for {wrap}<u16> {{}}"));
    let s = g.fresh("s");
    lines.push(format!(
        "let {s}: Box<dyn {sup}> = Box::new({wrap}({}u16, {}));",
        g.rng.below(65536),
        g.rng.below(64)
    ));
    lines.push(g.print("{}", &format!("{s}.twice()")));
    lines.push(format!("let up: &dyn {tr} = &*{s};"));
    lines.push(g.print("{} {}", "up.val(), up.label()"));
    // Static dispatch through an associated const.
    let konst = g.fresh("Konst");
    let factor = g.rng.next() as u32;
    g.item(format!(
        "trait {konst} {{\n    const N: u32;\n    fn scaled(&self) -> u32 {{\n        Self::N.wrapping_mul({factor})\n    }}\n}}"
    ));
    let first = &types[0];
    let n = g.rng.next() as u32;
    g.item(format!(
        "impl {konst} for {} {{\n    const N: u32 = {n};\n}}",
        first.name
    ));
    lines.push(g.print(
        "{}",
        &format!(
            "<{} as {konst}>::N ^ {}.scaled()",
            first.name, first.construct
        ),
    ));
    lines
}

fn implementor(g: &mut Gen) -> Implementor {
    let name = g.fresh("Ty");
    let fields: Vec<Ty> = (0..g.rng.range(1, 3))
        .map(|_| num::any_num(&mut g.rng))
        .collect();
    let tuple = g.rng.chance(50);
    let access = |i: usize| {
        if tuple {
            format!("self.{i}")
        } else {
            format!("self.f{i}")
        }
    };
    let decl: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if tuple {
                t.name().to_owned()
            } else {
                format!("f{i}: {}", t.name())
            }
        })
        .collect();
    let values: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let value = num::lit(&mut g.rng, *t);
            if tuple {
                value
            } else {
                format!("f{i}: {value}")
            }
        })
        .collect();
    let (decl, construct) = if tuple {
        (
            format!("struct {name}({});", decl.join(", ")),
            format!("{name}({})", values.join(", ")),
        )
    } else {
        (
            format!("struct {name} {{ {} }}", decl.join(", ")),
            format!("{name} {{ {} }}", values.join(", ")),
        )
    };
    g.item(format!("#[derive(Debug, Clone, Copy)]\n{decl}"));
    let scope = Scope {
        vars: fields
            .iter()
            .enumerate()
            .map(|(i, t)| (access(i), *t))
            .collect(),
    };
    let ty = num::any_num(&mut g.rng);
    let body = num::expr(&mut g.rng, &scope, ty, 2);
    Implementor {
        name,
        construct,
        val_body: num::hash_of(&format!("({body})"), ty),
        overrides_name: g.rng.chance(40),
    }
}
