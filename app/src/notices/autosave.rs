//! Drafts that save themselves: a moment after the author stops typing or ticking, the compose
//! form's text fields go to the `notices/autosave` server function. Browser only; the compose
//! page's buttons do the same without it.

use super::{Autosaved, autosave_notice};
use leptos::prelude::*;

/// Quiet time after the last keystroke before saving.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(1200);

/// Saves `form` once the author has paused, unless another edit came first; `done` gets the
/// answer. A failed save changes nothing on the page: the buttons still save.
pub fn after_pause(
    form: NodeRef<leptos::html::Form>,
    edits: StoredValue<u32>,
    done: impl Fn(Autosaved) + Send + Sync + 'static,
) {
    let mine = edits.get_value().wrapping_add(1);
    edits.set_value(mine);
    set_timeout(
        move || {
            if edits.get_value() != mine {
                return;
            }
            let Some(form) = form.get_untracked() else {
                return;
            };
            let fields = text_fields(&form);
            leptos::task::spawn_local(async move {
                if let Ok(saved) = autosave_notice(fields).await {
                    done(saved);
                }
            });
        },
        PAUSE,
    );
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
