//! The office's pages in the app frame: access-code letters, the roster import with its
//! progress, and staff accounts. One lazily loaded route (staff code a parent never downloads)
//! for all of their addresses; their forms post to the page's own address and the server
//! answers with the page (`posted`), so each works the same without JavaScript.

mod letters;
pub(crate) mod roster;
mod staff;

use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::roster::office_dto::IssuedCode;
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use leptos_router::{LazyRoute, lazy_route};

/// `/admin/letters`, `/admin/roster`, `/admin/roster/progress` and `/admin/staff`.
pub struct OfficeRoute;

#[lazy_route]
impl LazyRoute for OfficeRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let path = use_location().pathname.get_untracked();
        match path.trim_end_matches('/') {
            "/admin/letters" => letters::page(),
            "/admin/roster" => roster::page(None),
            "/admin/roster/progress" => roster::page(Some(roster::upload_of_query())),
            _ => staff::page(),
        }
    }
}

/// The page's title, the way back to the staff tools and its heading.
fn heading(i18n: I18n, key: &'static str) -> AnyView {
    view! {
        <Title text=crate::i18n::title_text(i18n, key)/>
        <p class="no-print"><a class="back-link" href="/admin">{t!(i18n, "office-tools-title")}</a></p>
        <h1 class="no-print">{crate::i18n::text(i18n, key)}</h1>
    }
    .into_any_now()
}

/// Why the last request was refused, in the reader's language.
fn problem(i18n: I18n, problem: Option<AppError>) -> AnyView {
    problem
        .map(
            |p| view! { <p class="form-error" role="alert">{move || p.message(i18n.locale())}</p> },
        )
        .into_any_now()
}

/// A one-time code to hand over in person, with its link.
fn issued(i18n: I18n, code: Option<IssuedCode>) -> AnyView {
    code.map(|code| {
        let email = code.email;
        view! {
            <section class="issued-code" role="status">
                <h2>{t!(i18n, "staff-code-title")}</h2>
                <p>{move || msg!(i18n.locale(), "staff-code-intro", email = email.as_str())}</p>
                <p class="letter__code">{code.code}</p>
                <p class="letter__link">{code.link}</p>
            </section>
        }
    })
    .into_any_now()
}
