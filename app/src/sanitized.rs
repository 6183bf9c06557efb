//! The one kind of HTML the app inserts as markup: text that has been through the ammonia
//! sanitizer on the server. Every other string a page shows is text, escaped by Leptos.
//!
//! On the server a [`SanitizedHtml`] can only be made by the sanitizer — deserializing one runs
//! it too — so no code path can hand unchecked markup to [`SanitizedBody`], the only component
//! that uses `inner_html`. The browser receives values the server made.

use leptos::prelude::*;
use serde::{Deserialize, Deserializer, Serialize};

/// HTML that ammonia has cleaned to the safe subset of a notice body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SanitizedHtml(String);

impl SanitizedHtml {
    /// Cleans `html` to the safe subset (headings, paragraphs, lists, emphasis, safe links).
    #[cfg(feature = "ssr")]
    pub fn clean(html: &str) -> Self {
        Self(crate::notices::rich_text::sanitize(html))
    }

    /// The markup, for reading (e-mail, plain-text excerpts); never for building other markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for SanitizedHtml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let html = String::deserialize(deserializer)?;
        // On the server, whatever arrives is cleaned again; the browser trusts its own server.
        #[cfg(feature = "ssr")]
        {
            Ok(Self::clean(&html))
        }
        #[cfg(not(feature = "ssr"))]
        {
            Ok(Self(html))
        }
    }
}

/// A sanitized body inside a `<div class="notice-body">`.
#[component]
pub fn SanitizedBody(body: SanitizedHtml) -> impl IntoView {
    view! { <div class="notice-body" inner_html=body.0></div> }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    /// Only `SanitizedBody` may give Leptos raw markup, and it only takes `SanitizedHtml`.
    #[test]
    fn raw_markup_only_ever_comes_sanitized() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["src", "../frontend/src", "../server/src"] {
            let dir = root.join(dir);
            if dir.exists() {
                rust_files(&dir, &mut files);
            }
        }
        assert!(files.len() > 20, "found the sources: {files:?}");
        let needle = concat!("inner", "_html");
        let mut uses = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("readable");
            for (n, line) in text.lines().enumerate() {
                if line.contains(needle) && !line.trim_start().starts_with("//") {
                    uses.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
        assert_eq!(uses.len(), 1, "{uses:#?}");
        assert!(
            uses[0].contains("sanitized.rs") && uses[0].contains(concat!("inner", "_html=body.0")),
            "{uses:#?}"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn deserializing_on_the_server_sanitizes() {
        let body: super::SanitizedHtml =
            serde_json::from_str(r#""<p onclick=\"x()\">hi</p><script>alert(1)</script>""#)
                .expect("decodes");
        assert_eq!(body.as_str(), "<p>hi</p>");
    }
}
