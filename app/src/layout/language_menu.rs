//! The language menu. With the wasm loaded it switches the interface in place and remembers the
//! choice in a cookie; without it, the same form posts to the server, which sets the cookie.

use super::icons::{Icon, IconSvg};
use crate::error::AppError;
use crate::i18n::{I18n, LANGUAGE_COOKIE, Locale};
use crate::msg;
use crate::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A year: the choice should outlive the session, as on a family's own phone.
const COOKIE_MAX_AGE_SECS: u32 = 365 * 24 * 60 * 60;

fn cookie_for(locale: Locale) -> String {
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECS}; SameSite=Lax",
        locale.tag()
    )
}

/// Remembers the language for browsers without the wasm (a plain form post).
#[server(endpoint = "language", output = crate::codec::Answer)]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use http::header::{HeaderValue, SET_COOKIE};
    let locale = Locale::from_tag(&lang)
        .ok_or_else(|| AppError::invalid("lang", crate::error::FieldProblem::Required))?;
    let response = use_context::<leptos_axum::ResponseOptions>().ok_or(AppError::Internal)?;
    let cookie = HeaderValue::from_str(&cookie_for(locale)).map_err(|_| AppError::Internal)?;
    response.append_header(SET_COOKIE, cookie);
    // Back to the page the form was on, by path only, so a forged Referer cannot send the
    // visitor to another site.
    let referer = use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::REFERER).cloned());
    leptos_axum::redirect(&return_path(referer.as_ref().and_then(|v| v.to_str().ok())));
    Ok(())
}

/// The same-site path to return to after a no-JS form post.
#[cfg(feature = "ssr")]
pub fn return_path(referer: Option<&str>) -> String {
    referer
        .map(|r| r.split_once("://").map_or(r, |(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .filter(|path| !path.starts_with("//") && !path.contains('\\'))
        .map(|path| path.trim_end_matches('?'))
        .filter(|path| !path.is_empty())
        .unwrap_or("/")
        .to_string()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::return_path;

    #[test]
    fn returns_to_the_path_of_the_referring_page_only() {
        assert_eq!(
            return_path(Some("http://school.example/calendar?")),
            "/calendar"
        );
        assert_eq!(return_path(Some("https://evil.example/x?y=1")), "/x?y=1");
        assert_eq!(return_path(Some("http://host")), "/");
        assert_eq!(return_path(Some("http://host//evil.example")), "/");
        assert_eq!(return_path(None), "/");
    }
}

/// Each language's own name, so a parent finds theirs whatever the page is in.
pub fn endonym(locale: Locale) -> String {
    // The names are the same in every locale file; read them from the fallback.
    match locale {
        Locale::EnGb => msg!(Locale::EnGb, "language-name-en-GB"),
        Locale::ZhCn => msg!(Locale::EnGb, "language-name-zh-CN"),
        Locale::Ar => msg!(Locale::EnGb, "language-name-ar"),
    }
}

fn remember_in_browser(locale: Locale) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(doc) = document().dyn_ref::<web_sys::HtmlDocument>() {
            // A refused cookie only costs the choice at the next visit; the switch still happens.
            let _ = doc.set_cookie(&cookie_for(locale));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = locale;
}

/// The disclosure menu listing every shipped language.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let i18n = I18n::expect();
    let menu = NodeRef::<leptos::html::Details>::new();
    let choose = move |locale: Locale| {
        i18n.set_locale(locale);
        remember_in_browser(locale);
        if let Some(details) = menu.get() {
            details.set_open(false);
        }
    };
    let options = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <li>
                    <button
                        type="submit"
                        name="lang"
                        value=locale.tag()
                        lang=locale.tag()
                        dir=locale.dir()
                        aria-pressed=move || (i18n.locale() == locale).to_string()
                        on:click=move |ev| {
                            ev.prevent_default();
                            choose(locale);
                        }
                    >
                        {endonym(locale)}
                    </button>
                </li>
            }
        })
        .collect_view();
    let action_url = <SetLanguage as ServerFn>::PATH;
    view! {
        <details class="lang-menu" node_ref=menu>
            <summary>
                <IconSvg icon=Icon::Globe/>
                <span class="visually-hidden">{t!(i18n, "language-menu-label")}" "</span>
                <span class="lang-menu__current">{move || endonym(i18n.locale())}</span>
            </summary>
            <form class="lang-menu__panel" method="post" action=action_url>
                <p class="lang-menu__title" id="lang-menu-title">{t!(i18n, "language-menu-choose")}</p>
                <ul aria-labelledby="lang-menu-title">{options}</ul>
            </form>
        </details>
    }
}
