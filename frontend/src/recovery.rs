//! What happens when the wasm dies: a panic aborts the module (`panic = "abort"`), which would
//! leave a page whose buttons do nothing — most often because a section's chunk failed to
//! download. The panic hook loads the page the parent was going to in full instead; the server
//! renders it, and everything on it works as it does without JavaScript.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// sessionStorage key: the address last reloaded this way and when, so a page whose own chunk
/// cannot load is not reloaded in a loop.
const LAST_RELOAD: &str = "sg-recovered";
/// A second recovery of the same address within this many milliseconds is not attempted.
const RELOAD_QUIET_MS: u64 = 30_000;

thread_local! {
    /// Where the last link the parent followed inside the app leads.
    static GOING_TO: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the click tracker and the panic hook; call before hydrating.
pub fn install() {
    remember_link_targets();
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        load_in_full();
    }));
}

/// Remembers the target of every same-site link click, before the router takes it over: a
/// client-side navigation that dies loading its chunk has not changed the address yet.
fn remember_link_targets() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let same_site = |a: &web_sys::HtmlAnchorElement| {
            web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .is_some_and(|origin| a.origin() == origin)
        };
        if let Some(link) = link.filter(same_site) {
            GOING_TO.with(|to| *to.borrow_mut() = Some(link.href()));
        }
    });
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}

/// Loads the intended page (or this one) from the server, unless that was just tried.
fn load_in_full() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let target = GOING_TO
        .with(|to| to.borrow_mut().take())
        .or_else(|| location.href().ok());
    let Some(target) = target else {
        return;
    };
    // Whole milliseconds: parsing or printing an `f64` would bring the float tables (about
    // 10 KB brotli) into the main wasm for this one stamp.
    let now = js_sys::Date::now() as u64;
    let storage = window.session_storage().ok().flatten();
    if let Some(storage) = &storage
        && let Ok(Some(last)) = storage.get_item(LAST_RELOAD)
        && let Some((when, href)) = last.split_once(' ')
        && href == target
        && when
            .parse::<u64>()
            .is_ok_and(|t| now.saturating_sub(t) < RELOAD_QUIET_MS)
    {
        return;
    }
    if let Some(storage) = &storage {
        let _ = storage.set_item(LAST_RELOAD, &format!("{now} {target}"));
    }
    let _ = location.assign(&target);
}
