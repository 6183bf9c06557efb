//! Small documents for addresses that are not pages (a file download, a notice's CSV, a staff
//! action's button) when they must answer with an error: the translated message with the error's
//! status, rendered by Leptos on the server, never from strings.

use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use axum::response::{Html, IntoResponse, Response};
use leptos::prelude::*;

/// How a document's `<head>` differs from the plain one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Head<'a> {
    /// The stylesheet's hashed file name in `/pkg`.
    pub css: &'a str,
    /// Reload the page after this many seconds (a progress page without script).
    pub refresh_seconds: Option<u32>,
}

/// A whole document in `locale` with `title`, its `body` rendered by Leptos.
pub fn document(locale: Locale, title: String, head: Head<'_>, body: impl IntoView) -> Response {
    let css = (!head.css.is_empty()).then(|| format!("/pkg/{}", head.css));
    let html = view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                {head.refresh_seconds.map(|s| view! { <meta http-equiv="refresh" content=s.to_string()/> })}
                <title>{title}</title>
                {css.map(|href| view! { <link rel="stylesheet" href=href/> })}
            </head>
            <body class="print-doc">{body}</body>
        </html>
    }
    .to_html();
    Html(html).into_response()
}

/// The translated error as a small document with the error's status.
pub fn error_page(err: AppError, locale: Locale) -> Response {
    let message = err.message(locale);
    let mut response = document(
        locale,
        msg!(locale, "app-name"),
        Head::default(),
        view! { <main><p role="alert">{message}</p></main> },
    );
    *response.status_mut() = err.status();
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("body");
        String::from_utf8(bytes.to_vec()).expect("utf-8")
    }

    #[tokio::test]
    async fn documents_escape_what_they_show_and_carry_language_and_direction() {
        let page = text(document(
            Locale::Ar,
            "<b>title</b>".into(),
            Head {
                css: "app.css",
                refresh_seconds: Some(1),
            },
            view! { <p>{"<script>x()</script>".to_string()}</p> },
        ))
        .await;
        assert!(
            page.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"),
            "{page}"
        );
        assert!(
            page.contains("<title>&lt;b&gt;title&lt;/b&gt;</title>"),
            "{page}"
        );
        assert!(page.contains("&lt;script&gt;x()&lt;/script&gt;"), "{page}");
        assert!(
            page.contains("http-equiv=\"refresh\" content=\"1\""),
            "{page}"
        );
        assert!(page.contains("href=\"/pkg/app.css\""), "{page}");
        let error = error_page(AppError::NotFound, Locale::EnGb);
        assert_eq!(error.status(), http::StatusCode::NOT_FOUND);
        assert!(text(error).await.contains("role=\"alert\""));
    }
}
