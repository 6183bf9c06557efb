//! The box a guardian signs in with a finger, beside the typed name: each stroke becomes part of
//! an SVG path in a hidden input posted with the answers. The hidden input is on the page from
//! the server, so a drawing given earlier is sent again by a page without JavaScript; the box
//! itself appears once the page runs, as nothing can be drawn before. A finger keeps its strokes
//! to the box it pressed (touch pointers are captured by the browser); a mouse leaving the box
//! ends its stroke. No explicit pointer capture: its bindings would weigh on the main wasm.

use super::drawing::{MAX_CHARS, VIEW_BOX};
use crate::i18n::{I18n, PerLocale, localized};
use leptos::prelude::*;
use std::fmt::Write;

/// Room kept for the last point of a stroke, so a drawing never outgrows what the server takes.
const POINT_CHARS: usize = 10;

/// The drawn signature of question `key`: its hidden input (`f_<key>.drawn`) and, once the
/// page runs (`live`), the box to draw in with a button that clears it.
#[component]
pub fn SignaturePad(
    /// The hidden input's name.
    name: String,
    /// The drawing stored or sent before.
    initial: String,
    /// Names the box.
    label: PerLocale<String>,
    /// "Clear the drawing".
    clear: PerLocale<String>,
    /// Whether the page runs.
    live: RwSignal<bool>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let path = RwSignal::new(initial);
    // Whether a finger is down: read by the handlers only, so nothing needs to track it.
    let pressed = StoredValue::new(false);
    // A memo, so a stroke redraws the path but never the box it is being drawn in.
    let shown = Memo::new(move |_| live.get() || path.with(|p| !p.is_empty()));
    let add = move |command: char, ev: &leptos::ev::PointerEvent| {
        let Some((x, y)) = point_at(ev) else {
            return;
        };
        path.update(|p| {
            if p.len() + POINT_CHARS <= MAX_CHARS {
                // Writing to a String cannot fail.
                let _ = write!(p, "{command}{x} {y}");
            }
        });
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        ev.prevent_default();
        pressed.set_value(true);
        add('M', &ev);
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        if pressed.get_value() {
            add('L', &ev);
        }
    };
    let up = move |_: leptos::ev::PointerEvent| pressed.set_value(false);
    let label_id = format!("{name}-label").replace('.', "-");
    let pad = move || {
        shown.get().then(|| {
            let (label_id, clear) = (label_id.clone(), clear.clone());
            view! {
                <div class="signature-pad">
                    <p class="field__hint" id=label_id.clone()>{localized(i18n, label.clone())}</p>
                    <svg class="signature-pad__box" viewBox=VIEW_BOX role="img"
                        aria-labelledby=label_id
                        on:pointerdown=down on:pointermove=moved on:pointerup=up
                        on:pointerleave=up>
                        <path class="signature-pad__ink" d=move || path.get()/>
                    </svg>
                    {move || live.get().then(|| view! {
                        <button type="button" class="button button--secondary"
                            on:click=move |_| path.set(String::new())>
                            {localized(i18n, clear.clone())}
                        </button>
                    })}
                </div>
            }
        })
    };
    view! {
        <input type="hidden" name=name.clone() value=move || path.get()/>
        {pad}
    }
}

/// Where the pointer is in the box, in path units.
#[cfg(feature = "hydrate")]
fn point_at(ev: &leptos::ev::PointerEvent) -> Option<(i32, i32)> {
    use super::drawing::{HEIGHT, WIDTH};
    use wasm_bindgen::JsCast;
    // Measured against the box the handler is on, whatever stroke the pointer is over.
    let area = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = area.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let scale = |at: i32, start: f64, size: f64, units: i32| {
        let units = f64::from(units);
        // Clamped to the box, so the cast cannot overflow.
        ((f64::from(at) - start) / size * units)
            .round()
            .clamp(0.0, units) as i32
    };
    Some((
        scale(ev.client_x(), rect.left(), rect.width(), WIDTH),
        scale(ev.client_y(), rect.top(), rect.height(), HEIGHT),
    ))
}

/// On the server there is no pointer.
#[cfg(not(feature = "hydrate"))]
fn point_at(_: &leptos::ev::PointerEvent) -> Option<(i32, i32)> {
    None
}
