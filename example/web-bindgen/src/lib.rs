//! web-bindgen: WasmRust's wasm-bindgen example. Plain functions on JS values (js-sys), a
//! `Clicker` that builds DOM elements through web-sys and counts clicks in a Rust closure
//! registered as the button's event handler, and `run`, the page's entry point, which clicks
//! programmatically and awaits a Promise (wasm-bindgen-futures). A `Bookmark` keeps a DOM element
//! in a `#[wasm::gc]` object: `ExternRef` and `JsValue` convert into each other (the `wasm`
//! crate's `wasm-bindgen` feature).
//!
//! Build: `cargo wasm build --target web` (pkg/ holds web_bindgen.js and web_bindgen_bg.wasm;
//! index.html loads them). Test: `cargo wasm test --target web` (Node) and `--chrome` for the
//! DOM tests of tests/browser.rs.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Map, Promise};
use wasm::{ExternRef, Gc};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Document, Element, Event, HtmlElement};

/// A greeting made in Rust from a JS string.
#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    format!("Hello, {name}!")
}

/// The sum of a JS array of numbers; anything else in it is a `TypeError`.
#[wasm_bindgen]
pub fn sum(values: &Array) -> Result<f64, JsValue> {
    let mut total = 0.0;
    for (index, value) in values.iter().enumerate() {
        let Some(number) = value.as_f64() else {
            return Err(js_sys::TypeError::new(&format!("element {index} is not a number")).into());
        };
        total += number;
    }
    Ok(total)
}

/// How often each whitespace-separated word occurs in `text`, as a JS `Map` in first-seen order.
#[wasm_bindgen(js_name = wordCounts)]
pub fn word_counts(text: &str) -> Map {
    let counts = Map::new();
    for word in text.split_whitespace() {
        let key = JsValue::from_str(word);
        let seen = counts.get(&key).as_f64().unwrap_or(0.0);
        counts.set(&key, &JsValue::from_f64(seen + 1.0));
    }
    counts
}

/// A Promise of `2 * x`, settled on a later microtask: Rust awaits a JS Promise inside it.
#[wasm_bindgen(js_name = doubledLater)]
pub fn doubled_later(x: f64) -> Promise {
    future_to_promise(async move {
        let value = JsFuture::from(Promise::resolve(&JsValue::from_f64(x))).await?;
        let x = value
            .as_f64()
            .ok_or_else(|| JsValue::from_str("not a number"))?;
        Ok(JsValue::from_f64(2.0 * x))
    })
}

/// A button and a label under a parent element; clicks are counted by a Rust closure that is the
/// button's `click` listener.
#[wasm_bindgen]
pub struct Clicker {
    button: HtmlElement,
    label: Element,
    clicks: Rc<Cell<u32>>,
    /// Owned here so the listener lives exactly as long as the Clicker (dropping it would leave
    /// the button calling a freed closure).
    _listener: Closure<dyn FnMut(Event)>,
}

#[wasm_bindgen]
impl Clicker {
    /// Appends `<button>` and `<p class="clicks">` to `parent`.
    #[wasm_bindgen(constructor)]
    pub fn new(document: &Document, parent: &Element) -> Result<Clicker, JsValue> {
        let button: HtmlElement = document.create_element("button")?.dyn_into()?;
        button.set_text_content(Some("click me"));
        let label = document.create_element("p")?;
        label.set_class_name("clicks");
        label.set_text_content(Some("no clicks yet"));
        parent.append_child(&button)?;
        parent.append_child(&label)?;
        let clicks = Rc::new(Cell::new(0));
        let listener = {
            let (clicks, label) = (clicks.clone(), label.clone());
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                clicks.set(clicks.get() + 1);
                label.set_text_content(Some(&format!(
                    "{} click(s), last one a {:?} event",
                    clicks.get(),
                    event.type_()
                )));
            })
        };
        button.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())?;
        Ok(Clicker {
            button,
            label,
            clicks,
            _listener: listener,
        })
    }

    /// Clicks the button as a user would: the browser dispatches a `click` event to the listener.
    pub fn click(&self) {
        self.button.click();
    }

    /// How many clicks the listener saw.
    #[wasm_bindgen(getter)]
    pub fn clicks(&self) -> u32 {
        self.clicks.get()
    }

    /// The label's text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.label.text_content().unwrap_or_default()
    }
}

/// A DOM element kept in a GC object, with how often it was visited: the element is an
/// `ExternRef` field, converted from the `JsValue` web-sys hands out and back.
#[wasm::gc]
pub struct Bookmark {
    element: ExternRef,
    visits: u32,
}

/// A new bookmark of `element`.
pub fn bookmark(element: &Element) -> Gc<Bookmark> {
    Gc::new(Bookmark {
        element: ExternRef::from(JsValue::from(element.clone())),
        visits: 0,
    })
}

/// Counts a visit and hands back the bookmarked element.
pub fn visit(bookmark: &Gc<Bookmark>) -> Element {
    bookmark.set_visits(bookmark.visits() + 1);
    JsValue::from(bookmark.element()).unchecked_into()
}

/// The page's program: builds the DOM under `<div id="app">`, clicks three times, awaits a
/// Promise and returns what it did, one line per step (index.html shows it).
#[wasm_bindgen]
pub async fn run() -> Result<String, JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document: run() needs a browser"))?;
    let app = document
        .get_element_by_id("app")
        .ok_or_else(|| JsValue::from_str("the page has no <div id=\"app\">"))?;
    let mut lines = vec![greet("web")];
    let clicker = Clicker::new(&document, &app)?;
    for _ in 0..3 {
        clicker.click();
    }
    lines.push(format!("clicks: {}", clicker.clicks()));
    lines.push(format!("label: {}", clicker.text()));
    let doubled = JsFuture::from(doubled_later(21.0)).await?;
    lines.push(format!("awaited: {}", doubled.as_f64().unwrap_or(f64::NAN)));
    let numbers: Array = [1.5, 2.5, 4.0]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    lines.push(format!("sum: {}", sum(&numbers)?));
    let counts = word_counts("to be or not to be");
    lines.push(format!(
        "words: {}",
        js_sys::JSON::stringify(&js_sys::Object::from_entries(&counts)?.into())?
    ));
    lines.push(format!(
        "elements under #app: {}",
        app.child_element_count()
    ));
    let mark = bookmark(&app);
    visit(&mark);
    let element = visit(&mark);
    lines.push(format!(
        "bookmark: #{} visited {} times, same node: {}",
        element.id(),
        mark.visits(),
        element.is_same_node(Some(&app))
    ));
    // The Clicker (and its listener) stay with the page: JS may click the button later.
    std::mem::forget(clicker);
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn greets_by_name() {
        assert_eq!(super::greet("wasm"), "Hello, wasm!");
    }
}
