//! Small documents for addresses that are not pages (a file download, a notice's CSV, a staff
//! action's button) when they must answer with an error: the translated message with the error's
//! status, rendered by Leptos on the server, never from strings.

use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use axum::response::{Html, IntoResponse, Response};
use leptos::prelude::*;

/// A whole document in `locale` with `title`, its `body` rendered by Leptos.
fn document(locale: Locale, title: String, body: impl IntoView) -> Response {
    let html = view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{title}</title>
            </head>
            <body>{body}</body>
        </html>
    }
    .to_html();
    Html(html).into_response()
}

/// A small document saying `message`, with a link to `back` (an address and its name).
pub fn message_page(locale: Locale, message: String, back: (&'static str, String)) -> Response {
    let (href, label) = back;
    document(
        locale,
        msg!(locale, "app-name"),
        view! { <main><p role="alert">{message}</p><p><a href=href>{label}</a></p></main> },
    )
}

/// The translated error as a small document with the error's status.
pub fn error_page(err: AppError, locale: Locale) -> Response {
    let message = err.message(locale);
    let mut response = document(
        locale,
        msg!(locale, "app-name"),
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
    async fn error_documents_escape_and_carry_language_direction_and_status() {
        let page = text(document(
            Locale::Ar,
            "<b>title</b>".into(),
            view! { <p>{"<script>x()</script>".to_string()}</p> },
        ))
        .await;
        assert!(page.contains("lang=\"ar\" dir=\"rtl\""), "{page}");
        assert!(
            !page.contains("<b>") && !page.contains("<script>"),
            "{page}"
        );
        let error = error_page(AppError::NotFound, Locale::EnGb);
        assert_eq!(error.status(), http::StatusCode::NOT_FOUND);
        assert!(text(error).await.contains("role=\"alert\""));
    }
}
