//! Tests that need a DOM: configured `run_in_browser`, so `cargo wasm test --target web --chrome`
//! runs them in headless Chromium; under Node (the default) wasm-bindgen-test-runner skips them.

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use web_bindgen::{run, Clicker};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn clicks_reach_the_rust_listener() {
    let document = document();
    let parent = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&parent).unwrap();
    let clicker = Clicker::new(&document, &parent).unwrap();
    assert_eq!(clicker.text(), "no clicks yet");
    clicker.click();
    clicker.click();
    assert_eq!(clicker.clicks(), 2);
    assert_eq!(clicker.text(), "2 click(s), last one a \"click\" event");
    assert_eq!(parent.child_element_count(), 2);
}

#[wasm_bindgen_test]
async fn runs_the_page_program() {
    let document = document();
    let app = document.create_element("div").unwrap();
    app.set_id("app");
    document.body().unwrap().append_child(&app).unwrap();
    let text = run().await.unwrap();
    assert_eq!(text, include_str!("../expected.txt").trim_end());
}
