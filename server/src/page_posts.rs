//! Form posts a page sends to its own address (the compose form, files included): the post is
//! handled, then either redirected or answered with the app's page for that address, rendered
//! with what the post came to — so a refused save shows the form again with everything typed.

use app::access::CurrentActor;
use app::notices::staff::compose::{self, Submitted};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::response::{IntoResponse, Redirect, Response};
use std::pin::Pin;

/// Renders the app's page for a request, as the router's Leptos routes do.
pub type PageRenderer = std::sync::Arc<
    dyn Fn(Request<Body>) -> Pin<Box<dyn Future<Output = Response> + Send>> + Send + Sync,
>;

/// Router state for the posts: the app's state and the page renderer.
#[derive(Clone)]
pub struct PostState {
    /// The app's state.
    pub app: AppState,
    /// Renders the page that answers a post.
    pub render: PageRenderer,
}

/// `POST /admin/notices/new` and `POST /admin/notices/{id}/edit`.
pub async fn compose(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = parts
        .extensions
        .get::<CurrentActor>()
        .cloned()
        .unwrap_or(CurrentActor(None));
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let mut upload = Request::new(body);
    *upload.headers_mut() = parts.headers.clone();
    let answer = match Multipart::from_request(upload, &()).await {
        Ok(multipart) => compose::submit(&state.app, &current, language, multipart).await,
        Err(rejection) => {
            tracing::debug!(%rejection, "compose post is not a multipart form");
            let refused = compose::ComposeAnswer(Err(app::error::AppError::BadRequest));
            Submitted::Again(Box::new(refused))
        }
    };
    match answer {
        Submitted::Done(id) => Redirect::to(&format!("/admin/notices/{id}")).into_response(),
        Submitted::Again(answer) => {
            let mut page = Request::from_parts(parts, Body::empty());
            *page.method_mut() = http::Method::GET;
            page.extensions_mut().insert(*answer);
            (state.render)(page).await
        }
    }
}
