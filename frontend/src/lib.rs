//! The browser entry point: hydrates the server-rendered page and marks it as interactive.
// Hydrating the whole app in one future nests its view types deeply.
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

mod recovery;

/// Called by the page's module script once the wasm has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    recovery::install();
    // A server function that redirects (sign-in, joining) loads the new page in full, so the top
    // bar, child switcher and every filter start from the new session. Set before the router,
    // whose own hook would navigate inside the already-rendered page.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    // Sections live in wasm chunks that load when first opened, so hydration waits for the
    // chunk of a section loaded directly (as `leptos::mount::hydrate_lazy` does).
    wasm_bindgen_futures::spawn_local(async {
        let owner = leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App).await;
        owner.forget();
        // Tests and styles wait for this marker: before it, clicks would reach no handler.
        if let Some(html) = leptos::prelude::document().document_element() {
            let _ = html.set_attribute("data-hydrated", "true");
        }
    });
}
