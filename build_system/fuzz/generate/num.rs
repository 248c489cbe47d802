//! Numbers: the primitive types, edge-biased literals, total (panic-free) integer and float
//! expressions with `as` casts between every pair, and the format specs each type accepts.

use super::super::rng::Rng;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Ty {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
    F32,
    F64,
}

pub const INTS: &[Ty] = &[
    Ty::I8,
    Ty::I16,
    Ty::I32,
    Ty::I64,
    Ty::I128,
    Ty::Isize,
    Ty::U8,
    Ty::U16,
    Ty::U32,
    Ty::U64,
    Ty::U128,
    Ty::Usize,
];
pub const FLOATS: &[Ty] = &[Ty::F32, Ty::F64];

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::I8 => "i8",
            Ty::I16 => "i16",
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::I128 => "i128",
            Ty::Isize => "isize",
            Ty::U8 => "u8",
            Ty::U16 => "u16",
            Ty::U32 => "u32",
            Ty::U64 => "u64",
            Ty::U128 => "u128",
            Ty::Usize => "usize",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
        }
    }

    /// Bits on wasm32 (isize and usize are 32 bits there).
    pub fn bits(self) -> u32 {
        match self {
            Ty::I8 | Ty::U8 => 8,
            Ty::I16 | Ty::U16 => 16,
            Ty::I32 | Ty::U32 | Ty::Isize | Ty::Usize | Ty::F32 => 32,
            Ty::I64 | Ty::U64 | Ty::F64 => 64,
            Ty::I128 | Ty::U128 => 128,
        }
    }

    pub fn signed(self) -> bool {
        matches!(
            self,
            Ty::I8 | Ty::I16 | Ty::I32 | Ty::I64 | Ty::I128 | Ty::Isize
        )
    }

    pub fn is_float(self) -> bool {
        matches!(self, Ty::F32 | Ty::F64)
    }
}

pub fn any_int(rng: &mut Rng) -> Ty {
    *rng.pick(INTS)
}

pub fn any_num(rng: &mut Rng) -> Ty {
    if rng.chance(25) {
        *rng.pick(FLOATS)
    } else {
        any_int(rng)
    }
}

/// An integer literal of `ty`, biased towards the edges where backends go wrong.
pub fn int_lit(rng: &mut Rng, ty: Ty) -> String {
    let name = ty.name();
    let bits = ty.bits();
    match rng.below(10) {
        0 => format!("{name}::MAX"),
        1 => format!("{name}::MIN"),
        2 => format!("0{name}"),
        3 => format!("1{name}"),
        4 if ty.signed() => format!("(-1{name})"),
        5 => {
            // Around a power of two.
            let k = rng.below(bits as usize - ty.signed() as usize) as u32;
            let delta = rng.range(-1, 1);
            let value = (1i128 << k.min(126)) + delta as i128;
            lit_text(ty, value.max(0) as u128, false)
        }
        6 => lit_text(ty, rng.below(20) as u128, ty.signed() && rng.chance(50)),
        _ => {
            // Any bit pattern of the width.
            let raw = (u128::from(rng.next()) << 64) | u128::from(rng.next());
            let value = if bits == 128 {
                raw
            } else {
                raw & ((1u128 << bits) - 1)
            };
            if ty.signed() {
                let top = 1u128 << (bits - 1);
                if value >= top {
                    // Negative in two's complement: print its magnitude.
                    let magnitude = if bits == 128 {
                        value.wrapping_neg()
                    } else {
                        (1u128 << bits) - value
                    };
                    if magnitude == top {
                        return format!("{name}::MIN");
                    }
                    return lit_text(ty, magnitude, true);
                }
            }
            lit_text(ty, value, false)
        }
    }
}

fn lit_text(ty: Ty, magnitude: u128, negative: bool) -> String {
    let name = ty.name();
    let max = if ty.signed() {
        (1u128 << (ty.bits() - 1)) - 1
    } else if ty.bits() == 128 {
        u128::MAX
    } else {
        (1u128 << ty.bits()) - 1
    };
    let magnitude = magnitude.min(max);
    if negative && magnitude != 0 {
        format!("(-{magnitude}{name})")
    } else {
        format!("{magnitude}{name}")
    }
}

/// A float literal of `ty`: specials, small decimals, or any finite bit pattern.
pub fn float_lit(rng: &mut Rng, ty: Ty) -> String {
    let name = ty.name();
    match rng.below(12) {
        0 => format!("{name}::INFINITY"),
        1 => format!("{name}::NEG_INFINITY"),
        2 => format!("{name}::NAN"),
        3 => format!("{name}::MAX"),
        4 => format!("{name}::MIN_POSITIVE"),
        5 => format!("(-0.0{name})"),
        6 => format!("{name}::EPSILON"),
        7 | 8 => {
            let whole = rng.range(-300, 300);
            let frac = rng.below(1000);
            signed_lit(format!("{}.{frac:03}", whole.abs()), whole < 0, name)
        }
        _ => {
            // A random finite value, written so that it parses back to the same bits.
            let text = if ty == Ty::F32 {
                let mut value = f32::from_bits(rng.next() as u32);
                if !value.is_finite() {
                    value = 1.25;
                }
                format!("{value:?}")
            } else {
                let mut value = f64::from_bits(rng.next());
                if !value.is_finite() {
                    value = -2.5;
                }
                format!("{value:?}")
            };
            match text.strip_prefix('-') {
                Some(positive) => signed_lit(positive.to_owned(), true, name),
                None => signed_lit(text, false, name),
            }
        }
    }
}

fn signed_lit(digits: String, negative: bool, name: &str) -> String {
    if negative {
        format!("(-{digits}{name})")
    } else {
        format!("{digits}{name}")
    }
}

pub fn lit(rng: &mut Rng, ty: Ty) -> String {
    if ty.is_float() {
        float_lit(rng, ty)
    } else {
        int_lit(rng, ty)
    }
}

/// Variables in scope, by type, for expression leaves.
#[derive(Default, Clone)]
pub struct Scope {
    pub vars: Vec<(String, Ty)>,
}

impl Scope {
    fn of(&self, rng: &mut Rng, ty: Ty) -> Option<String> {
        let matching: Vec<&String> = self
            .vars
            .iter()
            .filter(|(_, var_ty)| *var_ty == ty)
            .map(|(name, _)| name)
            .collect();
        if matching.is_empty() {
            None
        } else {
            Some(rng.pick(&matching).to_string())
        }
    }

    fn any(&self, rng: &mut Rng) -> Option<(String, Ty)> {
        if self.vars.is_empty() {
            None
        } else {
            Some(rng.pick(&self.vars).clone())
        }
    }
}

/// An expression of type `ty` that cannot panic and has no UB, whatever the operands.
pub fn expr(rng: &mut Rng, scope: &Scope, ty: Ty, depth: u32) -> String {
    if ty.is_float() {
        float_expr(rng, scope, ty, depth)
    } else {
        int_expr(rng, scope, ty, depth)
    }
}

fn leaf(rng: &mut Rng, scope: &Scope, ty: Ty) -> String {
    if rng.chance(70)
        && let Some(var) = scope.of(rng, ty)
    {
        return var;
    }
    if rng.chance(30)
        && let Some((var, var_ty)) = scope.any(rng)
    {
        return cast(&var, var_ty, ty);
    }
    lit(rng, ty)
}

fn cast(value: &str, from: Ty, to: Ty) -> String {
    if from == to {
        value.to_owned()
    } else {
        format!("({value} as {})", to.name())
    }
}

fn int_expr(rng: &mut Rng, scope: &Scope, ty: Ty, depth: u32) -> String {
    if depth == 0 || rng.chance(20) {
        return leaf(rng, scope, ty);
    }
    let d = depth - 1;
    let name = ty.name();
    let bits = ty.bits();
    let sub = |rng: &mut Rng| int_expr(rng, scope, ty, d);
    match rng.below(33) {
        0 => format!("{}.wrapping_add({})", sub(rng), sub(rng)),
        1 => format!("{}.wrapping_sub({})", sub(rng), sub(rng)),
        2 => format!("{}.wrapping_mul({})", sub(rng), sub(rng)),
        3 => format!(
            "{}.checked_div({}).unwrap_or({})",
            sub(rng),
            sub(rng),
            int_lit(rng, ty)
        ),
        4 => format!(
            "{}.checked_rem({}).unwrap_or({})",
            sub(rng),
            sub(rng),
            int_lit(rng, ty)
        ),
        5 => format!("{}.saturating_add({})", sub(rng), sub(rng)),
        6 => format!("{}.saturating_sub({})", sub(rng), sub(rng)),
        7 => format!("{}.saturating_mul({})", sub(rng), sub(rng)),
        8 => format!("{}.overflowing_sub({}).0", sub(rng), sub(rng)),
        9 => format!("({} {} {})", sub(rng), rng.pick(&["&", "|", "^"]), sub(rng)),
        10 => format!("(!{})", sub(rng)),
        11 => format!(
            "{}.wrapping_shl({})",
            sub(rng),
            int_expr(rng, scope, Ty::U32, d)
        ),
        12 => format!(
            "{}.wrapping_shr({})",
            sub(rng),
            int_expr(rng, scope, Ty::U32, d)
        ),
        13 => format!(
            "({} {} ({} % {bits}))",
            sub(rng),
            rng.pick(&["<<", ">>"]),
            int_expr(rng, scope, Ty::U32, d)
        ),
        14 => format!("{}.{}({})", sub(rng), rng.pick(&["min", "max"]), sub(rng)),
        15 => format!(
            "{}.rotate_{}({})",
            sub(rng),
            rng.pick(&["left", "right"]),
            int_expr(rng, scope, Ty::U32, d)
        ),
        16 => format!(
            "({}.{}() as {name})",
            sub(rng),
            rng.pick(&[
                "count_ones",
                "leading_zeros",
                "trailing_zeros",
                "count_zeros"
            ])
        ),
        17 => format!(
            "{}.{}()",
            sub(rng),
            rng.pick(&["swap_bytes", "reverse_bits", "wrapping_neg"])
        ),
        18 if ty.signed() => format!("{}.wrapping_abs()", sub(rng)),
        18 => format!("({}.abs_diff({}) as {name})", sub(rng), sub(rng)),
        19 => format!(
            "{}.wrapping_pow({})",
            sub(rng),
            rng.below(if bits > 32 { 70 } else { 9 })
        ),
        20 => format!(
            "{}.checked_pow({}).unwrap_or({})",
            sub(rng),
            rng.below(12),
            int_lit(rng, ty)
        ),
        21 => format!(
            "(if {} {} {} {{ {} }} else {{ {} }})",
            sub(rng),
            rng.pick(&["<", "<=", "==", "!=", ">", ">="]),
            sub(rng),
            sub(rng),
            sub(rng)
        ),
        22 => format!(
            "{}.checked_{}({}).unwrap_or({})",
            sub(rng),
            rng.pick(&["div_euclid", "rem_euclid"]),
            sub(rng),
            int_lit(rng, ty)
        ),
        23 => {
            // Any other type, cast to this one (int-int truncation/extension, float saturation).
            let from = any_num(rng);
            cast(&expr(rng, scope, from, d), from, ty)
        }
        24 => widened(rng, scope, ty, d),
        25 => format!("({}.checked_ilog2().unwrap_or(0) as {name})", sub(rng)),
        26 => {
            let (a, b) = (sub(rng), sub(rng));
            let op = rng.pick(&["add", "mul", "sub"]);
            if rng.chance(70) {
                format!("{a}.overflowing_{op}({b}).0")
            } else {
                format!("({a}.overflowing_{op}({b}).1 as {name})")
            }
        }
        27 => {
            let (lo, hi) = ordered_lits(rng, ty);
            format!("{}.clamp({lo}, {hi})", sub(rng))
        }
        28 => format!(
            "({}.{}() as {name})",
            sub(rng),
            if ty.signed() {
                "signum"
            } else {
                "is_power_of_two"
            }
        ),
        29 => format!(
            "{}.checked_{}({}).unwrap_or({})",
            sub(rng),
            rng.pick(&["shl", "shr"]),
            int_expr(rng, scope, Ty::U32, d),
            int_lit(rng, ty)
        ),
        30 => format!(
            "{name}::from_{}_bytes({}.to_{}_bytes())",
            rng.pick(&["le", "be", "ne"]),
            sub(rng),
            rng.pick(&["le", "be", "ne"])
        ),
        _ => leaf(rng, scope, ty),
    }
}

/// Plain `+`, `-` and `*` in a type wide enough that they cannot overflow, so rustc's own
/// overflow checks (on at opt-level 0) and its non-wrapping MIR operations are exercised too.
fn widened(rng: &mut Rng, scope: &Scope, ty: Ty, depth: u32) -> String {
    let narrow = *rng.pick(&[Ty::I8, Ty::U8, Ty::I16, Ty::U16, Ty::I32, Ty::U32]);
    let a = int_expr(rng, scope, narrow, depth);
    let b = int_expr(rng, scope, narrow, depth);
    let op = *rng.pick(&["+", "-", "*"]);
    // Products of two 32-bit values need more than 64 bits, of 16-bit ones more than 32.
    let wide = match (narrow.bits(), op) {
        (32, "*") => "i128",
        (_, "*") | (32, _) => *rng.pick(&["i64", "i128"]),
        _ => *rng.pick(&["i32", "i64", "i128"]),
    };
    format!("((({a}) as {wide} {op} ({b}) as {wide}) as {})", ty.name())
}

/// Two literals with `lo <= hi` (clamp panics otherwise).
fn ordered_lits(rng: &mut Rng, ty: Ty) -> (String, String) {
    let a = rng.range(-100, 100);
    let b = rng.range(-100, 100);
    let (lo, hi) = (a.min(b), a.max(b));
    let fix = |v: i64| {
        let v = if ty.signed() || ty.is_float() {
            v
        } else {
            v.abs()
        };
        let text = if ty.is_float() {
            format!("{v}.5")
        } else {
            v.to_string()
        };
        if v < 0 {
            format!("({text}{})", ty.name())
        } else {
            format!("{text}{}", ty.name())
        }
    };
    if ty.signed() || ty.is_float() {
        (fix(lo), fix(hi))
    } else {
        let (lo, hi) = (lo.abs().min(hi.abs()), lo.abs().max(hi.abs()));
        (fix(lo), fix(hi))
    }
}

fn float_expr(rng: &mut Rng, scope: &Scope, ty: Ty, depth: u32) -> String {
    if depth == 0 || rng.chance(20) {
        return leaf(rng, scope, ty);
    }
    let d = depth - 1;
    let sub = |rng: &mut Rng| float_expr(rng, scope, ty, d);
    match rng.below(16) {
        0..=3 => format!(
            "({} {} {})",
            sub(rng),
            rng.pick(&["+", "-", "*", "/", "%"]),
            sub(rng)
        ),
        4 => format!("(-{})", sub(rng)),
        5 => format!(
            "{}.{}()",
            sub(rng),
            rng.pick(&["abs", "sqrt", "floor", "ceil", "trunc", "round", "fract"])
        ),
        6 => format!("{}.mul_add({}, {})", sub(rng), sub(rng), sub(rng)),
        // Which zero max/min return for (+0, -0) is unspecified: adding +0.0 erases the sign.
        7 => format!(
            "({}.{}({}) + 0.0)",
            sub(rng),
            rng.pick(&["max", "min"]),
            sub(rng)
        ),
        8 => {
            let from = any_num(rng);
            cast(&expr(rng, scope, from, d), from, ty)
        }
        9 => format!(
            "(if {} {} {} {{ {} }} else {{ {} }})",
            sub(rng),
            rng.pick(&["<", "<=", "==", "!=", ">", ">="]),
            sub(rng),
            sub(rng),
            sub(rng)
        ),
        10 => {
            let (lo, hi) = ordered_lits(rng, ty);
            // clamp keeps a NaN operand NaN, and the bounds are not NaN: no panic.
            format!("{}.clamp({lo}, {hi})", sub(rng))
        }
        11 => format!(
            "{}.{}({})",
            sub(rng),
            rng.pick(&["rem_euclid", "div_euclid"]),
            sub(rng)
        ),
        12 => format!("({} as {})", sub(rng), ty.name()),
        _ => leaf(rng, scope, ty),
    }
}

/// A format spec that `ty` implements (with the braces).
pub fn spec(rng: &mut Rng, ty: Ty) -> &'static str {
    if ty.is_float() {
        rng.pick(&[
            "{}",
            "{:?}",
            "{:e}",
            "{:E}",
            "{:.3}",
            "{:08.3}",
            "{:+.2}",
            "{:>12.4}",
            "{:<10.1}|",
            "{:^11.2e}",
            "{:.0}",
            "{:10}",
        ])
    } else {
        rng.pick(&[
            "{}", "{:?}", "{:x}", "{:#x}", "{:X}", "{:o}", "{:#b}", "{:>10}", "{:<10}|", "{:^12}",
            "{:+}", "{:010}", "{:e}", "{:#010x}", "{:#?}",
        ])
    }
}

/// An expression turning a value of `ty` into the u64 that feeds the program's hash. NaN
/// payloads may differ between correct backends, so every NaN hashes the same.
pub fn hash_of(value: &str, ty: Ty) -> String {
    match ty {
        Ty::F32 => format!("fh32({value})"),
        Ty::F64 => format!("fh64({value})"),
        Ty::I128 | Ty::U128 => format!("(({value} as u64) ^ (({value} >> 64) as u64))"),
        _ => format!("({value} as u64)"),
    }
}

/// Inputs of every width (mostly hidden from the optimizer), expressions over them, each printed
/// and hashed; sometimes through a helper function.
pub fn arith_block(g: &mut super::Gen) -> Vec<String> {
    let mut lines = Vec::new();
    let mut scope = Scope::default();
    for _ in 0..g.rng.range(2, 5) {
        let ty = any_num(&mut g.rng);
        let name = g.fresh("v");
        let value = lit(&mut g.rng, ty);
        let value = g.opaque(&value);
        lines.push(format!("let {name}: {} = {value};", ty.name()));
        scope.vars.push((name, ty));
    }
    for _ in 0..g.rng.range(2, 5) {
        let ty = any_num(&mut g.rng);
        let name = g.fresh("v");
        let depth = g.rng.range(1, 3) as u32;
        let value = if g.rng.chance(30) {
            helper_call(g, &scope, ty)
        } else {
            expr(&mut g.rng, &scope, ty, depth)
        };
        lines.push(format!("let {name}: {} = {value};", ty.name()));
        lines.extend(g.print_num(&name, ty));
        scope.vars.push((name, ty));
    }
    lines
}

/// A new helper `fn` over two parameters and a call of it with variables of `scope`.
fn helper_call(g: &mut super::Gen, scope: &Scope, ty: Ty) -> String {
    let name = g.fresh("calc");
    let params: Vec<(String, Ty)> = (0..2)
        .map(|i| {
            let arg = scope
                .any(&mut g.rng)
                .unwrap_or_else(|| ("1u8".to_owned(), Ty::U8));
            (format!("p{i}"), arg.1)
        })
        .collect();
    let inner = Scope {
        vars: params.clone(),
    };
    let body = expr(&mut g.rng, &inner, ty, 2);
    let inline = if g.rng.chance(50) {
        "#[inline(never)]\n"
    } else {
        ""
    };
    g.item(format!(
        "{inline}fn {name}({}) -> {} {{\n    {body}\n}}",
        params
            .iter()
            .map(|(p, t)| format!("{p}: {}", t.name()))
            .collect::<Vec<_>>()
            .join(", "),
        ty.name()
    ));
    let args: Vec<String> = params
        .iter()
        .map(|(_, t)| {
            scope
                .of(&mut g.rng, *t)
                .unwrap_or_else(|| lit(&mut g.rng, *t))
        })
        .collect();
    format!("{name}({})", args.join(", "))
}

/// One value cast through a chain of types, every step printed.
pub fn cast_chain_block(g: &mut super::Gen) -> Vec<String> {
    let mut ty = any_num(&mut g.rng);
    let mut name = g.fresh("c");
    let value = lit(&mut g.rng, ty);
    let value = g.opaque(&value);
    let mut lines = vec![format!("let {name}: {} = {value};", ty.name())];
    for _ in 0..g.rng.range(3, 6) {
        let next_ty = any_num(&mut g.rng);
        let next = g.fresh("c");
        lines.push(format!(
            "let {next}: {} = {name} as {};",
            next_ty.name(),
            next_ty.name()
        ));
        lines.extend(g.print_num(&next, next_ty));
        ty = next_ty;
        name = next;
    }
    let _ = ty;
    lines
}
