//! Notice bodies: the author writes Markdown (what a phone keyboard and an office clerk manage),
//! the server turns it into HTML and keeps only a safe subset — headings, paragraphs, lists,
//! emphasis and http(s)/mailto links. Raw HTML typed into the body goes through the same filter.

use std::collections::HashSet;

/// The tags a notice body may keep.
const TAGS: &[&str] = &[
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "blockquote",
];

/// Markdown (with any inline HTML) → sanitized HTML safe to put into a page as it is.
pub fn render(source: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    // Authors' "# Heading" becomes h2 at most: the page's own title is the only h1.
    let parser = pulldown_cmark::Parser::new_ext(source, options).map(|event| match event {
        pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { level, .. })
            if level < pulldown_cmark::HeadingLevel::H2 =>
        {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H2,
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })
        }
        pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(level))
            if level < pulldown_cmark::HeadingLevel::H2 =>
        {
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(
                pulldown_cmark::HeadingLevel::H2,
            ))
        }
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    sanitize(&html)
}

/// Keeps the safe subset of `html`; everything else is removed (scripts with their content).
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = TAGS.iter().copied().collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    ammonia::Builder::empty()
        .tags(tags)
        .add_tag_attributes("a", ["href"])
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// Characters of a notice's body shown on its board card.
pub const EXCERPT_CHARS: usize = 140;

/// The start of `html`'s text for a board card, made when a body is saved.
pub fn excerpt(html: &str) -> String {
    let text = plain_text(html);
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(EXCERPT_CHARS).collect();
    cut.push('…');
    cut
}

/// The body as plain text, whitespace collapsed (for e-mails and excerpts).
pub fn plain_text(html: &str) -> String {
    let text = ammonia::Builder::empty().clean(html).to_string();
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_headings_lists_bold_and_links() {
        let html = render(
            "# Trip\n\n**Bring** a coat.\n\n- lunch\n- hat\n\n[Map](https://example.org/map)",
        );
        assert!(html.contains("<h2>Trip</h2>"), "{html}");
        assert!(html.contains("<strong>Bring</strong>"), "{html}");
        assert!(html.contains("<li>lunch</li>"), "{html}");
        assert!(html.contains("href=\"https://example.org/map\""), "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_inert() {
        for payload in [
            "<script>alert(1)</script>hello",
            "<img src=x onerror=alert(1)>hello",
            "[hello](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">hello</a>",
            "<p onclick=\"alert(1)\">hello</p>",
            "<iframe src=\"https://evil.example\"></iframe>hello",
            "<svg onload=alert(1)>hello",
        ] {
            let html = render(payload);
            let lower = html.to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onclick",
                "onload",
                "javascript:",
                "<iframe",
                "<img",
                "<svg",
            ] {
                assert!(!lower.contains(bad), "{payload} → {html}");
            }
            assert!(html.contains("hello"), "{payload} → {html}");
        }
    }

    #[test]
    fn plain_text_has_no_markup() {
        assert_eq!(
            plain_text(&render("**Coats** & hats\n\n- one")),
            "Coats & hats one"
        );
    }
}
