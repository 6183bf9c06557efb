//! A page's data as it loads: started only for a signed-in visitor, shown with `Suspense`, and an
//! error in the reader's language (with the sign-in link, and on the server the error's status)
//! when there is none.

use crate::auth::viewer::ViewerContext;
use crate::codec::Postcard;
use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::page_data::{PageData, PageName, load_page};
use crate::t;
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use std::sync::Arc;

/// A reader's page data as it loads.
pub type Loading<T> = Resource<Result<T, AppError>, Postcard>;

/// Loads a page's data with `fetcher`, asked again whenever `source` changes; the page hydrates
/// from it in [`Postcard`], the encoding of every server function's answer.
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Loading<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// The numbers a lazily loaded page asks for its data with, read from its address: an id, a
/// cursor, a child (unused ones `None`).
pub type PageKey = (Option<i32>, Option<i32>);

/// The number in the page's address (`:id`), read reactively; `None` when absent or not a number.
pub fn address_id() -> impl Fn() -> Option<i32> + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()))
}

/// Starts loading a page's data; `None` when nobody is signed in, which the page says without
/// asking the server.
pub fn when_signed_in<T>(load: impl FnOnce() -> Loading<T>) -> Option<Loading<T>>
where
    T: Clone + Send + Sync + 'static,
{
    ViewerContext::expect().get()?;
    Some(load())
}

/// Starts loading a lazily loaded page's data (when someone is signed in), asked again whenever
/// `key` changes.
///
/// A resource's code (its async memo, hydration data and suspense hooks) is compiled once for
/// every type of key, request and data it is made with — and of the closures it is made from.
/// These pages start their data in the main wasm, beside their chunk's download; with one type of
/// each, they share one copy: the key is a `Signal` before the resource is made, in a function
/// that is not generic, and every page asks through the one [`load_page`].
pub fn page_resource(
    page: PageName,
    key: impl Fn() -> PageKey + Send + Sync + 'static,
) -> Option<Loading<PageData>> {
    page_resource_keyed(page, Signal::derive(key))
}

/// [`page_resource`] once its key has one type.
fn page_resource_keyed(page: PageName, key: Signal<PageKey>) -> Option<Loading<PageData>> {
    when_signed_in(move || {
        resource(
            move || key.get(),
            move |(id, more)| load_page(page, id, more),
        )
    })
}

/// Shows the data once loaded with `show`, or why there is none, in the reader's language.
pub fn loaded<T>(
    data: Option<Loading<T>>,
    show: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    crate::assets::defer_chunk_preloads();
    let Some(data) = data else {
        #[cfg(feature = "ssr")]
        crate::error::set_response_status(&AppError::SignInRequired);
        return view! { <LoadError error=AppError::SignInRequired/> }.into_any_now();
    };
    suspended(Arc::new(move || {
        // A server render the browser walked away from can still be resolving after its owner,
        // and the resource with it, is gone (so can a `Suspense`'s last check for pending data,
        // on another thread, once the page is sent): nothing is sent, so it stays "loading".
        let shown = data.try_get().flatten().map(|result| match result {
            Ok(value) => show(value),
            Err(error) => view! { <LoadError error/> }.into_any_now(),
        });
        // Lazily loaded code the page's content ran is named too.
        crate::assets::defer_chunk_preloads();
        shown
    }))
}

/// [`loaded`] for a lazily loaded page's [`PageData`], decoded as `T` by the page's own code (in
/// its chunk).
pub fn loaded_as<T>(
    data: Option<Loading<PageData>>,
    show: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    T: DeserializeOwned + 'static,
{
    loaded(data, move |page| match page.decode::<T>() {
        Ok(value) => show(value),
        Err(error) => view! { <LoadError error/> }.into_any_now(),
    })
}

/// The `Suspense` around every page's data, compiled once rather than once per page: reading
/// the resource inside `content` is what the `Suspense` waits for.
fn suspended(content: Arc<dyn Fn() -> Option<AnyView> + Send + Sync>) -> AnyView {
    let i18n = I18n::expect();
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, "loading")}</p> }>
            {move || content()}
        </Suspense>
    }
    .into_any_now()
}

/// A notices call's error in the reader's language; "sign in" comes with the link.
#[component]
fn LoadError(error: AppError) -> impl IntoView {
    let i18n = I18n::expect();
    let sign_in = error == AppError::SignInRequired;
    view! {
        <p class="form-error" role="alert">{move || error.message(i18n.locale())}</p>
        {sign_in.then(|| view! {
            <p><a class="button" href="/sign-in">{t!(i18n, "sign-in-title")}</a></p>
        })}
    }
}
