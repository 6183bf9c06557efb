//! Parents' notice pages in the app: the server renders their content (`page_html`) and the
//! browser inserts it, on first load and on navigation within the app. Acknowledging is a plain
//! form post, so everything works without the wasm too.

use super::{NoticeScreen, render_notice_screen};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/notices`: the guardian's board, filtered by the child switcher.
#[component]
pub fn NoticeBoardPage() -> impl IntoView {
    view! { <ServerScreen screen=Signal::derive(|| NoticeScreen::Board)/> }
}

/// `/notices/:id`: one notice; opening it marks it read.
#[component]
pub fn NoticePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let screen = Signal::derive(move || NoticeScreen::Notice {
        id: params.with(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0)),
        original: query.with(|q| q.get("original").is_some_and(|v| v == "1")),
    });
    view! { <ServerScreen screen/> }
}

/// `/notifications`: new notices and reminders, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! { <ServerScreen screen=Signal::derive(|| NoticeScreen::Notifications)/> }
}

/// `/notifications/email`: which notices also come by e-mail.
#[component]
pub fn EmailSettingsPage() -> impl IntoView {
    let query = use_query_map();
    let screen = Signal::derive(move || NoticeScreen::EmailSettings {
        saved: query.with(|q| q.get("saved").is_some()),
    });
    view! { <ServerScreen screen/> }
}

/// Fetches the screen in the current language and shows it; errors in the reader's language.
#[component]
fn ServerScreen(screen: Signal<NoticeScreen>) -> impl IntoView {
    let i18n = I18n::expect();
    // Nobody signed in: say so without asking the server.
    if crate::auth::viewer::ViewerContext::expect().get().is_none() {
        return view! { <ScreenError error=AppError::SignInRequired/> }.into_any();
    }
    let rendered = Resource::new(
        move || (screen.get(), i18n.locale()),
        |(screen, _)| render_notice_screen(screen),
    );
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, "loading")}</p> }>
            {move || rendered.get().map(|result| match result {
                Ok(page) => view! {
                    <Title text=page.title/>
                    <div class="server-screen" inner_html=page.html></div>
                }.into_any(),
                Err(error) => view! { <ScreenError error/> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}

/// A notices call's error in the reader's language; "sign in" comes with the link.
#[component]
fn ScreenError(error: AppError) -> impl IntoView {
    let i18n = I18n::expect();
    let sign_in = error == AppError::SignInRequired;
    view! {
        <Title text=move || t!(i18n, "nav-notices").get()/>
        <h1>{t!(i18n, "nav-notices")}</h1>
        <p class="form-error" role="alert">{move || error.message(i18n.locale())}</p>
        {sign_in.then(|| view! {
            <p><a class="button" href="/sign-in">{t!(i18n, "sign-in-title")}</a></p>
        })}
    }
}
