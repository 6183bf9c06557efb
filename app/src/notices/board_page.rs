//! Parents' notice pages in the app: the server renders their content (`page_html`) and the
//! browser inserts it, on first load and on navigation within the app. Acknowledging is a plain
//! form post, so everything works without the wasm too.

use super::{NoticeScreen, RenderedScreen, render_notice_screen};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{LazyRoute, lazy_route};

/// `/notices`: the guardian's board, filtered by the child switcher.
#[component]
pub fn NoticeBoardPage() -> impl IntoView {
    view! { <ServerScreen screen=Signal::derive(|| NoticeScreen::Board)/> }
}

/// `/notices/:id`: one notice; opening it marks it read. A lazily loaded route: its view comes
/// in its own wasm chunk, fetched side by side with the notice.
pub struct NoticeRoute {
    rendered: Option<ScreenResource>,
}

#[lazy_route]
impl LazyRoute for NoticeRoute {
    fn data() -> Self {
        let params = use_params_map();
        let query = use_query_map();
        let screen = Signal::derive(move || NoticeScreen::Notice {
            id: params.with(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0)),
            original: query.with(|q| q.get("original").is_some_and(|v| v == "1")),
        });
        Self {
            rendered: screen_resource(screen),
        }
    }

    fn view(this: Self) -> AnyView {
        view! { <ScreenView rendered=this.rendered/> }.into_any()
    }
}

/// `/notifications`: new notices and reminders, newest first. A lazily loaded route.
pub struct NotificationsRoute {
    rendered: Option<ScreenResource>,
}

#[lazy_route]
impl LazyRoute for NotificationsRoute {
    fn data() -> Self {
        Self {
            rendered: screen_resource(Signal::derive(|| NoticeScreen::Notifications)),
        }
    }

    fn view(this: Self) -> AnyView {
        view! { <ScreenView rendered=this.rendered/> }.into_any()
    }
}

/// `/notifications/email`: which notices also come by e-mail. A lazily loaded route.
pub struct EmailSettingsRoute {
    rendered: Option<ScreenResource>,
}

#[lazy_route]
impl LazyRoute for EmailSettingsRoute {
    fn data() -> Self {
        let query = use_query_map();
        let screen = Signal::derive(move || NoticeScreen::EmailSettings {
            saved: query.with(|q| q.get("saved").is_some()),
        });
        Self {
            rendered: screen_resource(screen),
        }
    }

    fn view(this: Self) -> AnyView {
        view! { <ScreenView rendered=this.rendered/> }.into_any()
    }
}

/// A screen the server renders, loading in the reader's language.
type ScreenResource = Resource<Result<RenderedScreen, AppError>>;

/// Starts fetching `screen` in the current language; `None` when nobody is signed in, which the
/// page says without asking the server.
fn screen_resource(screen: Signal<NoticeScreen>) -> Option<ScreenResource> {
    let i18n = I18n::expect();
    crate::auth::viewer::ViewerContext::expect().get()?;
    Some(Resource::new(
        move || (screen.get(), i18n.locale()),
        |(screen, _)| render_notice_screen(screen),
    ))
}

/// Fetches the screen in the current language and shows it; errors in the reader's language.
#[component]
fn ServerScreen(screen: Signal<NoticeScreen>) -> impl IntoView {
    view! { <ScreenView rendered=screen_resource(screen)/> }
}

/// Shows a fetched screen, or why there is none.
#[component]
fn ScreenView(rendered: Option<ScreenResource>) -> impl IntoView {
    let i18n = I18n::expect();
    let Some(rendered) = rendered else {
        return view! { <ScreenError error=AppError::SignInRequired/> }.into_any();
    };
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
