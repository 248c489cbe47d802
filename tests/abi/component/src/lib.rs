//! Exports `wasmrust:abi/shapes` (wit/world.wit): one function per hard case of the canonical
//! ABI. The bindings that `generate!` writes lift every parameter from its flattened core values
//! (or from memory, past 16 of them) and lower every result (into a return area when it
//! flattens to more than one value, freed again by the `cabi_post_*` export), so building this
//! crate with our backend checks its lowering of all of that against LLVM's: wasm-component-ld
//! rejects a core signature that differs from the WIT, and the values check the rest.

wit_bindgen::generate!({ path: "wit", world: "abi" });

use exports::wasmrust::abi::shapes::{Color, Guest, Inner, Item, Mixed, Perms, Shape, Wide};

struct Shapes;

export!(Shapes);

impl Guest for Shapes {
    fn bump_mixed(m: Mixed) -> Mixed {
        Mixed {
            flag: !m.flag,
            small: m.small.wrapping_neg(),
            inner: Inner {
                tiny: m.inner.tiny.wrapping_add(1),
                wide: m.inner.wide.wrapping_mul(2),
                half: m.inner.half.wrapping_add(1),
            },
            big: m.big.wrapping_sub(1),
            ratio: m.ratio * 2.0,
            precise: m.precise / 4.0,
            letter: next_char(m.letter),
            count: m.count.wrapping_add(1),
            short: !m.short,
        }
    }

    fn grow_shape(s: Shape) -> Shape {
        match s {
            Shape::Empty => Shape::Empty,
            Shape::Byte(b) => Shape::Byte(b.wrapping_mul(2)),
            Shape::Count(c) => Shape::Count(c.wrapping_mul(2)),
            Shape::Ratio(r) => Shape::Ratio(r * 2.0),
            Shape::Precise(p) => Shape::Precise(p * 2.0),
            Shape::Pair((x, n)) => Shape::Pair((x * 2.0, n.wrapping_mul(2))),
            Shape::Point((x, y, z)) => Shape::Point((x * 2.0, y * 2.0, z.wrapping_mul(2))),
            Shape::Name(name) => Shape::Name(name.repeat(2)),
        }
    }

    fn shape_value(s: Shape) -> f64 {
        match s {
            Shape::Empty => 0.0,
            Shape::Byte(b) => f64::from(b),
            Shape::Count(c) => c as f64,
            Shape::Ratio(r) => f64::from(r),
            Shape::Precise(p) => p,
            Shape::Pair((x, n)) => f64::from(x) + f64::from(n),
            Shape::Point((x, y, z)) => x + f64::from(y) + f64::from(z),
            Shape::Name(name) => name.chars().count() as f64,
        }
    }

    fn next_color(c: Color) -> Color {
        match c {
            Color::Red => Color::Orange,
            Color::Orange => Color::Yellow,
            Color::Yellow => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Indigo,
            Color::Indigo => Color::Violet,
            Color::Violet => Color::Red,
        }
    }

    fn toggle_perms(p: Perms) -> Perms {
        p.complement()
    }

    fn rotate_wide(w: Wide) -> Wide {
        Wide::from_bits_retain(w.bits().rotate_left(1))
    }

    fn halve(x: Option<i32>) -> Option<i32> {
        x.filter(|x| x % 2 == 0).map(|x| x / 2)
    }

    fn nested_option(x: Option<Option<String>>) -> String {
        match x {
            None => "outer none".to_string(),
            Some(None) => "inner none".to_string(),
            Some(Some(text)) => format!("value: {text}"),
        }
    }

    fn pick_float(a: Option<f32>, b: Option<f64>) -> Option<f64> {
        match (a, b) {
            (None, None) => None,
            (a, b) => Some(a.map_or(0.0, f64::from) + b.unwrap_or(0.0)),
        }
    }

    fn checked_div(a: i64, b: i64) -> Result<i64, String> {
        if b == 0 {
            return Err("division by zero".to_string());
        }
        a.checked_div(b).ok_or_else(|| "overflow".to_string())
    }

    fn validate_age(age: u8) -> Result<(), ()> {
        if age <= 150 {
            Ok(())
        } else {
            Err(())
        }
    }

    fn whole(x: f64) -> Result<i64, f32> {
        // -2^63 is an s64, 2^63 is not.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if x.fract() == 0.0 && (-LIMIT..LIMIT).contains(&x) {
            Ok(x as i64)
        } else {
            Err(x as f32)
        }
    }

    fn settle(r: Result<i64, f32>) -> f64 {
        match r {
            Ok(v) => v as f64,
            Err(e) => -f64::from(e),
        }
    }

    fn swap((a, b, c): (u8, String, f64)) -> (f64, String, u8) {
        (c, b, a)
    }

    fn total(items: Vec<Item>) -> (u32, f64) {
        let qty = items.iter().map(|item| item.qty).sum();
        // A fold from +0.0: `sum` starts from -0.0, the IEEE identity, so an empty list
        // would give -0.
        let cost = items
            .iter()
            .fold(0.0, |cost, item| cost + f64::from(item.qty) * item.price);
        (qty, cost)
    }

    fn cheapest_first(mut items: Vec<Item>) -> Vec<Item> {
        items.sort_by(|a, b| a.price.total_cmp(&b.price));
        items
    }

    fn shout(words: Vec<String>) -> Vec<String> {
        words.iter().map(|word| word.to_uppercase() + "!").collect()
    }

    fn join(words: Vec<String>, sep: String) -> String {
        words.join(&sep)
    }

    fn chunk(words: Vec<String>, size: u32) -> Vec<Vec<String>> {
        if size == 0 {
            return Vec::new();
        }
        words
            .chunks(size as usize)
            .map(<[String]>::to_vec)
            .collect()
    }

    fn reverse(s: String) -> (String, u32, u32) {
        let reversed = s.chars().rev().collect();
        (reversed, s.chars().count() as u32, s.len() as u32)
    }

    fn split_first(s: String, sep: char) -> Option<(String, String)> {
        s.split_once(sep)
            .map(|(before, after)| (before.to_string(), after.to_string()))
    }

    fn many_args(
        a: u8,
        b: i8,
        c: u16,
        d: i16,
        e: u32,
        f: i32,
        g: u64,
        h: i64,
        i: f32,
        j: f64,
        k: char,
        l: bool,
        m: String,
        n: Vec<u16>,
        o: Option<u32>,
        p: Perms,
        q: Color,
    ) -> String {
        let o = match o {
            Some(o) => format!("some({o})"),
            None => "none".to_string(),
        };
        format!(
            "a={a} b={b} c={c} d={d} e={e} f={f} g={g} h={h} i={i} j={j} k={k} l={l} m={m} \
             n={n:?} o={o} p={} q={}",
            perms_name(p),
            color_name(q),
        )
    }
}

/// The next Unicode scalar value: skips the surrogates, wraps after `char::MAX`.
fn next_char(c: char) -> char {
    match c {
        '\u{D7FF}' => '\u{E000}',
        char::MAX => '\0',
        c => char::from_u32(u32::from(c) + 1).expect("not a surrogate"),
    }
}

/// `read|exec` style; `-` for no flags. Written out rather than the bitflags' Debug, whose
/// format is the bitflags crate's to change.
fn perms_name(p: Perms) -> String {
    let names = [
        (Perms::READ, "read"),
        (Perms::WRITE, "write"),
        (Perms::EXEC, "exec"),
    ];
    let set: Vec<&str> = names
        .iter()
        .filter(|(flag, _)| p.contains(*flag))
        .map(|(_, name)| *name)
        .collect();
    if set.is_empty() {
        "-".to_string()
    } else {
        set.join("|")
    }
}

/// The WIT name of the case.
fn color_name(c: Color) -> &'static str {
    match c {
        Color::Red => "red",
        Color::Orange => "orange",
        Color::Yellow => "yellow",
        Color::Green => "green",
        Color::Blue => "blue",
        Color::Indigo => "indigo",
        Color::Violet => "violet",
    }
}
