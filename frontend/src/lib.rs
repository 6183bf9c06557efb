//! The browser entry point: hydrates the server-rendered page and marks it as interactive.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the page's module script once the wasm has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // A server function that redirects (sign-in, joining) loads the new page in full, so the top
    // bar, child switcher and every filter start from the new session. Set before the router,
    // whose own hook would navigate inside the already-rendered page.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    leptos::mount::hydrate_body(app::App);
    // Tests and styles wait for this marker: before it, clicks would reach no handler.
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-hydrated", "true");
    }
}

/// Called by the staff compose page (a server-rendered document): saves drafts as they are typed.
#[wasm_bindgen]
pub fn enhance() {
    console_error_panic_hook::set_once();
    app::notices::autosave::attach();
}
