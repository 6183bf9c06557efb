//! The document shell (server only) and the root component with its routes.

use crate::assets::{AssetManifest, AssetTags};
use crate::auth::viewer::ViewerContext;
use crate::calendar::month_page::MonthRoute;
use crate::calendar::pages::CalendarRoute;
use crate::calendar::staff_pages::StaffCalendarRoute;
use crate::forms::new_form_page::NewFormRoute;
use crate::forms::pages::FormsRoute;
use crate::forms::staff_pages::StaffFormsRoute;
use crate::i18n::{I18n, Locale};
use crate::layout::AppFrame;
use crate::news::edit_page::NewsEditRoute;
use crate::news::pages::NewsRoute;
use crate::news::post_page::NewsPostRoute;
use crate::news::staff_pages::StaffNewsRoute;
use crate::notices::reader::{
    EmailSettingsRoute, NoticeBoardPage, NoticeRoute, NotificationsRoute,
};
use crate::notices::staff_pages::{ComposeRoute, StaffNoticeRoute, StaffNoticesRoute};
use crate::pages::{
    ErrorPanel, HomePage, JoinRoute, NotFound, OfficeToolsRoute, ResetRoute, SignInPage,
};
use crate::reports::pages::ReportsRoute;
use crate::reports::staff_pages::StaffReportsRoute;
use crate::roster::contact_page::ContactRoute;
use crate::roster::office_pages::OfficeRoute;
use crate::school::SchoolContext;
use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

/// The HTML document around the app; rendered on the server only.
pub fn shell(assets: std::sync::Arc<AssetManifest>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_page_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f5f8b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <AssetTags assets/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Sends the CSP that allows exactly this page's nonce-carrying inline script.
#[cfg(feature = "ssr")]
fn set_page_security_policy() {
    use http::header::{CONTENT_SECURITY_POLICY, HeaderValue};
    let nonce = leptos::nonce::use_nonce();
    let csp = crate::security::content_security_policy(nonce.as_ref().map(|n| n.as_ref()));
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&csp),
    ) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

/// The language a render starts in: on the server from the request, in the browser from the
/// `<html lang>` the server wrote, so hydration sees the same text.
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| crate::i18n::negotiate::locale_for_request(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
}

/// The language of the page title. The server fills `<title>` after the body has rendered, when no
/// reactive owner is active, so it uses the language the request was rendered in; the browser
/// follows the language signal.
fn title_locale(i18n: I18n, rendered_in: Locale) -> Locale {
    if cfg!(feature = "ssr") {
        rendered_in
    } else {
        i18n.locale()
    }
}

/// The page title as the document needs it. leptos_meta writes the server's `<title>` without
/// escaping, so a notice titled `</title><script>…` would end the element there; the browser
/// sets `document.title` as text, which needs no escaping.
fn title_markup(title: String) -> String {
    #[cfg(feature = "ssr")]
    {
        html_escape::encode_text(&title).into_owned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        title
    }
}

/// The root component: language, school profile, frame and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::provide(initial_locale());
    let rendered_in = i18n.locale_untracked();
    SchoolContext::provide();
    ViewerContext::provide();

    view! {
        <Html attr:lang=move || i18n.locale().tag() attr:dir=move || i18n.locale().dir()/>
        // The text is what shows while a lazily loaded page's chunk arrives (its own title
        // comes with it): the app's name, rather than no title at all.
        <Title text="" formatter=move |page: String| {
            let app = crate::msg!(title_locale(i18n, rendered_in), "app-name");
            let title = if page.is_empty() { app } else { format!("{page} · {app}") };
            title_markup(title)
        }/>
        <Router>
            <AppFrame>
                <ErrorBoundary fallback=|errors| view! { <ErrorPanel errors/> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/notices") view=NoticeBoardPage ssr=SsrMode::Async/>
                        <Route path=path!("/notices/:id") view={Lazy::<NoticeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/notifications/email") view={Lazy::<EmailSettingsRoute>::new()} ssr=SsrMode::Async/>
                        // Pages of one lazy route are separate routes, so that moving between them
                        // in the browser renders the page anew rather than only changing a parameter.
                        <Route path=path!("/calendar") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/calendar/month") view={Lazy::<MonthRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/calendar/:id") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/news") view={Lazy::<NewsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/news/:id") view={Lazy::<NewsPostRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/news/:id/edit") view={Lazy::<NewsEditRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/forms") view={Lazy::<FormsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/forms/contact") view={Lazy::<ContactRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/forms/:id") view={Lazy::<FormsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                        <Route path=path!("/join") view={Lazy::<JoinRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/reset") view={Lazy::<ResetRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view={Lazy::<OfficeToolsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/letters") view={Lazy::<OfficeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/roster") view={Lazy::<OfficeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/roster/progress") view={Lazy::<OfficeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/staff") view={Lazy::<OfficeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/calendar") view={Lazy::<StaffCalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/calendar/:id") view={Lazy::<StaffCalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/news") view={Lazy::<StaffNewsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/news/:story") view={Lazy::<StaffNewsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/forms") view={Lazy::<StaffFormsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/forms/new") view={Lazy::<NewFormRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/forms/:id") view={Lazy::<StaffFormsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/forms/:id/record") view={Lazy::<StaffFormsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/reports") view={Lazy::<StaffReportsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/reports/:id") view={Lazy::<StaffReportsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/notices") view={Lazy::<StaffNoticesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/notices/new") view={Lazy::<ComposeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/notices/:id") view={Lazy::<StaffNoticeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/notices/:id/edit") view={Lazy::<ComposeRoute>::new()} ssr=SsrMode::Async/>
                    </Routes>
                </ErrorBoundary>
            </AppFrame>
        </Router>
    }
}
