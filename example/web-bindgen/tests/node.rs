//! Tests that need no DOM: by default wasm-bindgen-test-runner runs them in Node
//! (`cargo wasm test --target web`); `--chrome` runs them in headless Chromium.

use js_sys::{Array, Function, Map, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use web_bindgen::{doubled_later, greet, sum, word_counts};

#[wasm_bindgen_test]
fn greets() {
    assert_eq!(greet("Node"), "Hello, Node!");
}

#[wasm_bindgen_test]
fn sums_a_js_array_and_rejects_strings() {
    let numbers: Array = [1.0, 2.5, -0.5]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    assert_eq!(sum(&numbers).unwrap(), 3.0);
    numbers.push(&JsValue::from_str("four"));
    let error = sum(&numbers).unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());
    let message = Reflect::get(&error, &"message".into()).unwrap();
    assert_eq!(message.as_string().unwrap(), "element 3 is not a number");
}

#[wasm_bindgen_test]
fn counts_words_into_a_js_map() {
    let counts: Map = word_counts("a b a c a");
    assert_eq!(counts.size(), 3);
    assert_eq!(counts.get(&"a".into()).as_f64(), Some(3.0));
    let json = JSON::stringify(&Object::from_entries(&counts).unwrap()).unwrap();
    assert_eq!(String::from(json), r#"{"a":3,"b":1,"c":1}"#);
}

#[wasm_bindgen_test]
fn parses_json_with_js_sys() {
    let value = JSON::parse(r#"{"name":"wasm","tags":["gc","web"]}"#).unwrap();
    let tags: Array = Reflect::get(&value, &"tags".into()).unwrap().into();
    assert_eq!(tags.length(), 2);
    assert_eq!(tags.get(1).as_string().as_deref(), Some("web"));
}

#[wasm_bindgen_test]
fn a_rust_closure_called_from_js() {
    let seen = std::rc::Rc::new(std::cell::Cell::new(0.0));
    let closure = {
        let seen = seen.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
            seen.set(seen.get() + value.as_f64().unwrap());
        })
    };
    let numbers: Array = [1.0, 2.0, 3.0]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    let function: &Function = closure.as_ref().unchecked_ref();
    for value in numbers.iter() {
        function.call1(&JsValue::NULL, &value).unwrap();
    }
    assert_eq!(seen.get(), 6.0);
}

#[wasm_bindgen_test]
async fn awaits_promises() {
    let doubled = JsFuture::from(doubled_later(21.0)).await.unwrap();
    assert_eq!(doubled.as_f64(), Some(42.0));
    let rejected = JsFuture::from(Promise::reject(&"no".into())).await;
    assert_eq!(rejected.unwrap_err().as_string().as_deref(), Some("no"));
}

#[wasm_bindgen_test]
#[should_panic(expected = "index out of bounds")]
fn a_panic_fails_only_its_test() {
    let values: Vec<u32> = Vec::new();
    let index = values.len() + 1;
    let _ = values[index];
}
