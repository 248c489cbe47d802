//! Just enough JSON for the responses: compact objects and arrays, escaped strings. Written by
//! hand to keep the component's dependencies to the two binding crates.

use std::fmt::Write as _;

use crate::exports::wasmrust::inventory::catalog::{Category, Item, LookupError, Quote};

/// Writes one object's members in order; `end` closes it.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn begin(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(mut self, key: &str, value: &str) -> Self {
        string(self.key(key), value);
        self
    }

    pub fn num(mut self, key: &str, value: u64) -> Self {
        let out = self.key(key);
        write!(out, "{value}").expect("writing to a String cannot fail");
        self
    }

    /// A member whose value `value` writes itself (an array or an object).
    pub fn with(mut self, key: &str, value: impl FnOnce(&mut String)) -> Self {
        value(self.key(key));
        self
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                write!(out, "\\u{:04x}", u32::from(c)).expect("writing to a String cannot fail")
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `[e0,e1,...]`, each element written by `element`.
pub fn array<T>(out: &mut String, elements: &[T], element: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, e) in elements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        element(out, e);
    }
    out.push(']');
}

pub fn category_name(category: Category) -> &'static str {
    match category {
        Category::Tool => "tool",
        Category::Part => "part",
        Category::Book => "book",
    }
}

pub fn item(out: &mut String, item: &Item) {
    Object::begin(out)
        .str("sku", &item.sku)
        .str("name", &item.name)
        .str("category", category_name(item.category))
        .num("price_cents", item.price_cents.into())
        .num("stock", item.stock.into())
        .end();
}

pub fn quote(out: &mut String, quote: &Quote) {
    Object::begin(out)
        .with("lines", |out| {
            array(out, &quote.lines, |out, line| {
                Object::begin(out)
                    .str("sku", &line.sku)
                    .num("quantity", line.quantity.into())
                    .num("unit_cents", line.unit_cents.into())
                    .num("line_cents", line.line_cents)
                    .end()
            })
        })
        .num("total_cents", quote.total_cents)
        .end();
}

/// The error's WIT case name under `error`, its payload's fields next to it.
pub fn lookup_error(out: &mut String, error: &LookupError) {
    let object = Object::begin(out);
    match error {
        LookupError::UnknownSku(sku) => object.str("error", "unknown-sku").str("sku", sku),
        LookupError::InsufficientStock(shortage) => object
            .str("error", "insufficient-stock")
            .str("sku", &shortage.sku)
            .num("requested", shortage.requested.into())
            .num("available", shortage.available.into()),
        LookupError::EmptyOrder => object.str("error", "empty-order"),
    }
    .end();
}
