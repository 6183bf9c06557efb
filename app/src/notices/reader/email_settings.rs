//! `/notifications/email`: which notices also come by e-mail, per category. A plain form post,
//! so it works without the wasm; the server returns here with `?saved=1`.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, follow};
use crate::notices::{EmailChoice, EmailMode};
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, loaded_as, page_resource};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route.
pub struct EmailSettingsRoute {
    choices: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for EmailSettingsRoute {
    fn data() -> Self {
        Self {
            choices: page_resource(PageName::EmailSettings, || (None, None)),
        }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::notice();
        let i18n = I18n::expect();
        let query = use_query_map();
        let not_saved = Signal::derive(move || query.with(|q| q.get("saved").is_none()));
        view! {
            <Title text=crate::i18n::title_text(i18n, "email-settings-title")/>
            <h1>{t!(i18n, "email-settings-title")}</h1>
            <p class="notice-acknowledged" role="status" hidden=not_saved>{t!(i18n, "email-settings-saved")}</p>
            <p>{t!(i18n, "email-settings-intro")}</p>
            {loaded_as(this.choices, |choices: Vec<EmailChoice>| view! { <Choices choices/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Choices(choices: Vec<EmailChoice>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <form method="post" action="/api/notices/email-settings" class="email-settings">
            {choices.into_iter().map(|choice| view! {
                <fieldset>
                    <legend>{follow(i18n, move |l| choice.category.name(l))}</legend>
                    {EmailMode::ALL.into_iter().map(|mode| {
                        let label = match mode {
                            EmailMode::Instant => t!(i18n, "email-mode-instant"),
                            EmailMode::Digest => t!(i18n, "email-mode-digest"),
                            EmailMode::Off => t!(i18n, "email-mode-off"),
                        };
                        view! {
                            <label class="check">
                                <input type="radio" name=choice.category.code() value=mode.code()
                                    checked=mode == choice.mode/>
                                " "{label}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
            <p class="field__hint">{t!(i18n, "email-settings-urgent")}</p>
            <button class="button" type="submit">{t!(i18n, "email-settings-save")}</button>
        </form>
    }
}
