//! The browser entry point: hydrates the server-rendered page and marks it as interactive.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the page's module script once the wasm has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Tests and styles wait for this marker: before it, clicks would reach no handler.
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-hydrated", "true");
    }
}
