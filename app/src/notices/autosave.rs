//! The compose page's script: a draft saves itself a moment after the author stops typing, and
//! the audience's reach updates as boxes are ticked. The page is a server-rendered document that
//! loads the app's wasm only to run this; without it the page's buttons do the same.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Quiet time after the last keystroke before saving.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(1200);

/// Watches `form[data-autosave]`, if the page has one. Staff-only code, so it lives in its own
/// wasm chunk, downloaded by the compose page only.
#[leptos::lazy]
pub fn attach() {
    let Some(form) = document()
        .query_selector("form[data-autosave]")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let generation = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let on_edit = {
        let form = form.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            let (form, generation) = (form.clone(), generation.clone());
            set_timeout(
                move || {
                    if generation.get() == mine {
                        save(form);
                    }
                },
                PAUSE,
            );
        })
    };
    for event in ["input", "change"] {
        let _ = form.add_event_listener_with_callback(event, on_edit.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_edit.forget();
}

/// The form's text fields (files go with the buttons), as name/value pairs.
fn text_fields(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    for entry in js_sys::try_iter(&data).ok().flatten().into_iter().flatten() {
        let Ok(pair) = entry.map(|value| js_sys::Array::from(&value)) else {
            continue;
        };
        if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            fields.push((name, value));
        }
    }
    fields
}

fn save(form: web_sys::HtmlFormElement) {
    let fields = text_fields(&form);
    // The page is not a Leptos app, so no Leptos executor runs here: use the browser's.
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(saved) = super::autosave_notice(fields).await else {
            // A failed autosave changes nothing on the page; the buttons still save.
            return;
        };
        set_id(&form, saved.id);
        for (selector, text) in [
            ("[data-reach]", saved.reach),
            ("[data-autosave-status]", saved.status),
        ] {
            if let Ok(Some(element)) = form.query_selector(selector) {
                element.set_text_content(Some(&text));
            }
        }
    });
}

/// The first autosave creates the draft: later saves and the buttons must update it.
fn set_id(form: &web_sys::HtmlFormElement, id: i32) {
    let existing = form
        .query_selector("input[name=\"id\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    match existing {
        Some(input) => input.set_value(&id.to_string()),
        None => {
            if let Ok(input) = document().create_element("input") {
                let _ = input.set_attribute("type", "hidden");
                let _ = input.set_attribute("name", "id");
                let _ = input.set_attribute("value", &id.to_string());
                let _ = form.prepend_with_node_1(&input);
            }
        }
    }
}
