//! A `<textarea>` filled with text as typed. Leptos writes a textarea's children into the page
//! unescaped (it treats them like a script's), so text containing `</textarea>` would end the
//! element early and the rest would run as markup: the server escapes the text itself.

use leptos::prelude::*;

/// The text as the server must write it inside `<textarea>`: escaped, and with a leading line
/// break doubled, since the HTML parser drops the first one.
#[cfg(feature = "ssr")]
fn server_text(text: &str) -> String {
    let escaped = html_escape::encode_text(text);
    if text.starts_with('\n') {
        format!("\n{escaped}")
    } else {
        escaped.into_owned()
    }
}

/// A multi-line text field holding `value`.
#[component]
pub fn TextArea(
    /// The element's id (for its label).
    id: String,
    /// The form field's name.
    name: String,
    /// Visible lines.
    rows: u32,
    /// The language of the text, if not the page's.
    #[prop(optional)]
    lang: Option<&'static str>,
    /// The text.
    value: String,
    /// The ids of the hint and problem that describe it.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    // In the browser the child is a DOM text node, which needs no escaping.
    #[cfg(feature = "ssr")]
    let value = server_text(&value);
    let described_by = described_by.filter(|d| !d.is_empty());
    // Typed in its own direction: an Arabic translation right to left in an English page.
    let dir = lang.map(crate::i18n::dir_of);
    view! { <textarea id=id name=name rows=rows dir=dir lang=lang aria-describedby=described_by>{value}</textarea> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_end_the_textarea_and_a_leading_line_break_survives() {
        let html = view! {
            <TextArea id="b".into() name="b".into() rows=3 value="</textarea><script>x()</script> & more".into()/>
        }
        .to_html();
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(
            html.contains("&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt; &amp; more"),
            "{html}"
        );
        assert_eq!(server_text("\nfirst"), "\n\nfirst");
    }
}
