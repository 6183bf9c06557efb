//! The office's upload with a progress bar. Without the page's script the upload form posts as
//! any form does and the browser shows its own progress; with it, the files go by
//! `XMLHttpRequest`, whose upload events say how far a year group's ZIP has come, and the page
//! the server answers with (the cycle's preview) is then opened. A failed upload says so beside
//! the form; nothing is sent twice.

use leptos::prelude::*;

/// How far an upload has come (0–100), or `None` before one starts.
pub type Sent = RwSignal<Option<u32>>;

/// Sends the submitted upload form `ev` with progress, instead of posting it; leaves the post
/// alone when no file is chosen (the server's page says to choose one) or the browser cannot.
#[cfg(feature = "hydrate")]
pub fn submit(ev: leptos::ev::SubmitEvent, sent: Sent, failed: RwSignal<bool>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let chosen = form
        .query_selector("input[type=file]")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .is_some_and(|files| files.length() > 0);
    let (Ok(data), Ok(request)) = (
        web_sys::FormData::new_with_form(&form),
        web_sys::XmlHttpRequest::new(),
    ) else {
        return;
    };
    if !chosen || request.open("POST", &form.action()).is_err() {
        return;
    }
    ev.prevent_default();
    failed.set(false);
    sent.set(Some(0));
    if let Ok(upload) = request.upload() {
        let progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    sent.set(Some((e.loaded() / e.total() * 100.0) as u32));
                }
            });
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        // The request holds it for as long as it runs; one per upload.
        progress.forget();
    }
    let answered = request.clone();
    let done = Closure::once_into_js(move || {
        let page = answered.response_url();
        // A post taken answers with a redirect to the cycle's page; anything else failed.
        if answered.status().is_ok_and(|s| s == 200) && page != form.action() {
            let _ = window().location().assign(&page);
        } else {
            sent.set(None);
            failed.set(true);
        }
    });
    request.set_onloadend(Some(done.unchecked_ref()));
    if request.send_with_opt_form_data(Some(&data)).is_err() {
        sent.set(None);
        failed.set(true);
    }
}
