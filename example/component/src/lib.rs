//! A `wasi:http` component: the JSON API of a small inventory (see README.md).
//!
//! It exports two interfaces. `wasmrust:inventory/catalog` is our own WIT (wit/inventory.wit),
//! bound by `wit_bindgen::generate!` below; `wasi:http/incoming-handler` comes with the
//! `wasip2` crate's bindings and is implemented in `http.rs` on top of the catalog.

mod http;
mod json;

wit_bindgen::generate!({ path: "wit", world: "service" });

use exports::wasmrust::inventory::catalog::{
    Category, Guest, Item, LookupError, OrderLine, PricedLine, Query, Quote, Shortage,
};

/// The component: implements both exported interfaces.
struct Inventory;

export!(Inventory);
wasip2::http::proxy::export!(Inventory);

/// The stock. A component instance lives for one request under `wasi:http` servers, so this
/// is read-only data rather than state that requests could change.
const STOCK: &[(&str, &str, Category, u32, u32)] = &[
    ("T-100", "Claw hammer", Category::Tool, 1599, 12),
    ("T-200", "Screwdriver set", Category::Tool, 2450, 0),
    ("P-310", "Hex bolts M8 (50 pcs)", Category::Part, 675, 140),
    ("P-420", "Brass hinge", Category::Part, 320, 35),
    ("B-901", "Möbelbau für Einsteiger", Category::Book, 2290, 7),
];

fn all_items() -> impl Iterator<Item = Item> {
    STOCK
        .iter()
        .map(|&(sku, name, category, price_cents, stock)| Item {
            sku: sku.to_string(),
            name: name.to_string(),
            category,
            price_cents,
            stock,
        })
}

impl Guest for Inventory {
    fn list_items(query: Query) -> Vec<Item> {
        all_items()
            .filter(|item| query.category.is_none_or(|c| c == item.category))
            .filter(|item| !query.in_stock_only || item.stock > 0)
            .filter(|item| {
                query
                    .max_price_cents
                    .is_none_or(|max| item.price_cents <= max)
            })
            .collect()
    }

    fn find_item(sku: String) -> Result<Item, LookupError> {
        all_items()
            .find(|item| item.sku == sku)
            .ok_or(LookupError::UnknownSku(sku))
    }

    fn price_order(lines: Vec<OrderLine>) -> Result<Quote, LookupError> {
        if lines.is_empty() {
            return Err(LookupError::EmptyOrder);
        }
        let mut priced = Vec::with_capacity(lines.len());
        for line in lines {
            let item = Self::find_item(line.sku)?;
            if line.quantity > item.stock {
                return Err(LookupError::InsufficientStock(Shortage {
                    sku: item.sku,
                    requested: line.quantity,
                    available: item.stock,
                }));
            }
            priced.push(PricedLine {
                line_cents: u64::from(item.price_cents) * u64::from(line.quantity),
                sku: item.sku,
                quantity: line.quantity,
                unit_cents: item.price_cents,
            });
        }
        let total_cents = priced.iter().map(|line| line.line_cents).sum();
        Ok(Quote {
            lines: priced,
            total_cents,
        })
    }
}
