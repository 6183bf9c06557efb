//! A form's draft on this phone: what a guardian types, kept in the browser's local storage as
//! they type, so switching apps, losing the signal or closing the tab loses nothing before they
//! send. One draft per form and child, for the answer version the page was opened at; given back
//! when the page next opens at that version, dropped once the answers are sent. It never leaves
//! the device: it is one person's typing, not an answer.

#[cfg(any(feature = "hydrate", test))]
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What was typed: an answer's input name (`f_<key>`) → its value (a radio group's choice).
pub type Typed = BTreeMap<String, String>;

/// A draft as stored.
#[cfg(any(feature = "hydrate", test))]
#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Stored {
    /// The answer version the page was opened at: a draft of an older one is not given back.
    version: i32,
    /// What was typed.
    typed: Typed,
}

/// `stored` as the text local storage keeps: the pages' own hydration encoding (postcard written
/// as text), so the form's chunk carries no JSON reader.
#[cfg(any(feature = "hydrate", test))]
fn encode(stored: &Stored) -> Option<String> {
    <crate::codec::Postcard as leptos::server::codee::Encoder<Stored>>::encode(stored).ok()
}

/// The draft [`encode`] wrote as `text`; `None` for anything else (a draft kept as JSON before
/// drafts were postcard, or text another script left under the key).
#[cfg(any(feature = "hydrate", test))]
fn decode(text: &str) -> Option<Stored> {
    <crate::codec::Postcard as leptos::server::codee::Decoder<Stored>>::decode(text).ok()
}

/// The storage key of the draft of form `form` for child `child`.
pub fn key(form: i32, child: i32) -> String {
    format!("schoolgate.form-draft.{form}.{child}")
}

/// The answer input an event came from and its value: `None` for anything else, and for a
/// radio button being unchecked.
#[cfg(feature = "hydrate")]
pub fn answer_of(ev: &leptos::ev::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let name = target.get_attribute("name")?;
    // A chosen file cannot be kept on the phone (nor put back): only typed answers are.
    if !name.starts_with("f_") || target.get_attribute("type").as_deref() == Some("file") {
        return None;
    }
    // Read by name, not through one element type: answers come from inputs and text areas.
    let read = |property: &str| js_sys::Reflect::get(&target, &property.into()).ok();
    if target.get_attribute("type").as_deref() == Some("radio")
        && !read("checked").is_some_and(|c| c.is_truthy())
    {
        return None;
    }
    Some((name, read("value")?.as_string()?))
}

#[cfg(not(feature = "hydrate"))]
pub fn answer_of(_: &leptos::ev::Event) -> Option<(String, String)> {
    None
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    // Refused in some private modes: then there is no draft, and nothing else changes.
    web_sys::window()?.local_storage().ok()?
}

/// The draft under `key` for the page opened at `version`, when there is one.
pub fn load(key: &str, version: i32) -> Option<Typed> {
    #[cfg(feature = "hydrate")]
    {
        let text = storage()?.get_item(key).ok()??;
        let stored: Stored = decode(&text)?;
        (stored.version == version && !stored.typed.is_empty()).then_some(stored.typed)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (key, version);
        None
    }
}

/// Keeps `typed` as the draft under `key` for the page opened at `version`.
pub fn save(key: &str, version: i32, typed: &Typed) {
    #[cfg(feature = "hydrate")]
    if let (Some(storage), Some(text)) = (
        storage(),
        encode(&Stored {
            version,
            typed: typed.clone(),
        }),
    ) {
        // A full storage keeps the last draft that fitted.
        let _ = storage.set_item(key, &text);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, version, typed);
}

/// Drops the draft under `key`.
pub fn forget(key: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = key;
}

/// Puts `typed` back into the answer inputs of the form page.
pub fn restore(typed: &Typed) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(found) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector_all("form.form-answers [name^=\"f_\"]:not([type=file])")
                .ok()
        }) else {
            return;
        };
        for index in 0..found.length() {
            let Some(element) = found
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(value) = element.get_attribute("name").and_then(|n| typed.get(&n)) else {
                continue;
            };
            let (property, set): (&str, wasm_bindgen::JsValue) =
                if element.get_attribute("type").as_deref() == Some("radio") {
                    let own = element.get_attribute("value").unwrap_or_default();
                    ("checked", (own == *value).into())
                } else {
                    ("value", value.as_str().into())
                };
            let _ = js_sys::Reflect::set(&element, &property.into(), &set);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = typed;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_back_as_it_was_typed() {
        let typed = Typed::from([
            ("f_name".to_string(), "Amira <Hassan>\nسارة".to_string()),
            ("f_trip".to_string(), "yes".to_string()),
        ]);
        let stored = Stored { version: 3, typed };
        let text = encode(&stored).expect("encodes");
        assert_eq!(decode(&text), Some(stored));
    }

    #[test]
    fn text_that_is_not_a_draft_is_none() {
        assert_eq!(decode(r#"{"version":3,"typed":{"f_name":"Amira"}}"#), None);
        assert_eq!(decode(""), None);
    }
}
