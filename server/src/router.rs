//! The axum router: Leptos pages and server functions, static files, and the middleware stack.

use crate::headers::{IMMUTABLE, SHORT_LIVED, security_headers};
use crate::page_posts::{self, PostState};
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
use std::sync::{Arc, OnceLock};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// A page post's answer, boxed so every post handler has one type.
type PagePost = std::pin::Pin<Box<dyn Future<Output = Response> + Send>>;

/// The app's routes, listed once per process. Listing them renders the app with data loading
/// switched off for the whole process (leptos's `SuppressResourceLoad` is one global flag), and a
/// page whose data first loads at that moment waits for it forever (leptos-rs/leptos#4773). The
/// server builds one router before it serves; the tests build one per harness, side by side, and
/// hung a page now and then until the list was made once.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the complete application router.
pub fn build(state: AppState, max_body_bytes: usize) -> Router {
    let routes = route_list();
    let site_root = std::path::PathBuf::from(state.leptos_options.site_root.as_ref());

    let hashed_assets = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static(IMMUTABLE),
        ))
        .service(precompressed(ServeDir::new(site_root.join("pkg"))));

    let public_files = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static(SHORT_LIVED),
        ))
        .service(precompressed(ServeDir::new(&site_root)).fallback(get(page_renderer(&state))));

    let posts = PostState {
        app: state.clone(),
        render: Arc::new(page_renderer(&state)),
    };
    let answered = |handler: fn(PostState, Request<Body>) -> PagePost| {
        let posts = posts.clone();
        post(move |request: Request<Body>| handler(posts.clone(), request))
    };
    let compose_post = answered(|s, r| Box::pin(page_posts::compose(s, r)));
    let letters_post = answered(|s, r| Box::pin(page_posts::letters(s, r)));
    let roster_post = answered(|s, r| Box::pin(page_posts::roster(s, r)));
    let staff_post = answered(|s, r| Box::pin(page_posts::staff(s, r)));
    let event_post = answered(|s, r| Box::pin(page_posts::event(s, r)));
    let news_post = answered(|s, r| Box::pin(page_posts::news(s, r)));
    let news_comment = answered(|s, r| Box::pin(page_posts::news_comment(s, r)));
    let news_edit = answered(|s, r| Box::pin(page_posts::news_edit(s, r)));
    let news_photo = answered(|s, r| Box::pin(page_posts::news_photo(s, r)));
    let form_answer = answered(|s, r| Box::pin(page_posts::form_answer(s, r)));
    // The app's own route for this page answers its GET.
    let form_new = answered(|s, r| Box::pin(page_posts::form_new(s, r)));
    let form_record = answered(|s, r| Box::pin(page_posts::form_record(s, r)));
    let contact_post = answered(|s, r| Box::pin(page_posts::contact(s, r)));
    let report_cycles = answered(|s, r| Box::pin(page_posts::report_cycles(s, r)));
    let report_cycle = answered(|s, r| Box::pin(page_posts::report_cycle(s, r)));
    // A year group's reports in one ZIP are far over the body limit of every other post.
    let report_upload = answered(|s, r| Box::pin(page_posts::report_upload(s, r))).layer(
        RequestBodyLimitLayer::new(app::reports::intake::MAX_UPLOAD_BYTES),
    );
    // The app serves this page through `/admin/forms/:id`; this route must answer its GET too.
    let changes_page =
        answered(|s, r| Box::pin(page_posts::roster_change(s, r))).get(page_renderer(&state));
    // The app serves this page through `/admin/calendar/:id`; this route must answer its GET too.
    let import_page =
        answered(|s, r| Box::pin(page_posts::calendar_import(s, r))).get(page_renderer(&state));
    // The app serves this page through `/calendar/:id`; this route must answer its GET as well.
    let subscription_page = answered(|s, r| Box::pin(page_posts::calendar_subscription(s, r)))
        .get(page_renderer(&state));

    let context_state = state.clone();
    let shell_assets = state.assets.clone();
    Router::new()
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        // Pages whose forms post to their own address; the answer may be that page again.
        .route("/admin/letters", letters_post)
        .route("/admin/roster", roster_post)
        .route("/admin/staff", staff_post)
        .route(app::calendar::import_page::IMPORT_PATH, import_page)
        .route("/admin/calendar/{id}", event_post)
        .route("/admin/news/{story}", news_post)
        .route("/admin/news/{story}/photo", news_photo)
        .route("/news/{id}", news_comment)
        .route("/news/{id}/edit", news_edit)
        .route(app::roster::CONTACT_PATH, contact_post)
        .route(app::roster::CHANGES_PATH, changes_page)
        .route("/forms/{id}", form_answer)
        .route(app::reports::STAFF_REPORTS_PATH, report_cycles)
        .route("/admin/reports/{id}", report_cycle)
        .route("/reports/file/{id}", get(app::reports::download::serve))
        .route("/admin/forms/new", form_new)
        .route("/admin/forms/{id}/record", form_record)
        .route(
            "/admin/forms/{id}/remind",
            axum::routing::post(app::forms::remind::post),
        )
        .route(
            "/forms/{id}/answers/{response}/{key}",
            get(app::forms::attachment::serve),
        )
        .route("/admin/forms/{id}/export.csv", get(app::forms::export::csv))
        .route(
            "/admin/forms/{id}/export.xlsx",
            get(app::forms::export::xlsx),
        )
        .route(app::calendar::pages::SUBSCRIBE_PATH, subscription_page)
        // The compose form posts to its own address; the answer may be that page again.
        .route("/admin/notices/new", compose_post.clone())
        .route("/admin/notices/{id}/edit", compose_post)
        .route(
            "/admin/notices/{id}/withdraw",
            axum::routing::post(app::notices::staff::notice_page::withdraw),
        )
        .route(
            "/admin/notices/{id}/remind",
            axum::routing::post(app::notices::staff::notice_page::remind),
        )
        .route(
            "/admin/notices/{id}/export.csv",
            get(app::notices::staff::notice_page::export),
        )
        .route(
            "/notices/{id}/files/{file}",
            get(app::notices::files::download),
        )
        .route(
            "/calendar/{id}/event.ics",
            get(app::calendar::download::event_ics),
        )
        .route(
            "/calendar/{id}/files/{file}",
            get(app::calendar::download::event_file),
        )
        .route("/news/photos/{id}/{width}", get(app::news::photos::serve))
        // The school's public events, for its website: no session.
        .route(
            "/calendar/public/{file}",
            get(app::calendar::public_feed::serve),
        )
        .route(
            app::calendar::public_feed::EXPORT_PATH,
            get(app::calendar::public_feed::export),
        )
        // A private feed, opened by the token in its address rather than a session.
        .route("/calendar/feed/{file}", get(app::calendar::feed::serve))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(shell_assets.clone()),
        )
        .nest_service("/pkg", hashed_assets)
        .fallback_service(public_files)
        // One limit for every body but the reports' upload, added after it with its own.
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .route("/admin/reports/{id}/upload", report_upload)
        .with_state(state.clone())
        .layer(
            ServiceBuilder::new()
                .layer(TraceLayer::new_for_http())
                .layer(axum::middleware::from_fn(security_headers))
                .layer(axum::middleware::from_fn(crate::csrf::same_origin_only))
                .layer(axum::middleware::from_fn(server_fn_status))
                .layer(axum::middleware::from_fn_with_state(
                    state,
                    app::auth::session::resolve,
                ))
                .layer(CompressionLayer::new())
                // The configured limits (above) instead of axum's own 2 MB default for
                // extractors, which would refuse a phone's photo or a care plan well under them.
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
}

fn precompressed(dir: ServeDir) -> ServeDir {
    dir.precompressed_br().precompressed_gzip()
}

async fn server_fn_handler(State(state): State<AppState>, request: Request<Body>) -> Response {
    handle_server_fns_with_context(move || provide_context(state.clone()), request)
        .await
        .into_response()
}

/// Middleware on server-function calls: see [`client_fault_status`].
async fn server_fn_status(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if api {
        client_fault_status(response).await
    } else {
        response
    }
}

/// Largest error body worth reading back: an encoded `AppError` is a few dozen bytes.
const ERROR_BODY_LIMIT: usize = 4096;

/// Leptos answers every server-function error with 500, including arguments it could not decode,
/// which never reach our code to set a status. Give such answers the status of the error they
/// carry, so 500 means a real fault on the server.
async fn client_fault_status(response: Response) -> Response {
    if response.status() != http::StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    match app::codec::decode_whole::<app::error::AppError>(&bytes) {
        Ok(error) => {
            parts.status = error.status();
            if parts.status.is_server_error() {
                tracing::error!(?error, "server function failed");
            }
        }
        Err(_) => tracing::error!("server function failed with an unreadable error"),
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The app's page for a request: for paths that are neither a route nor a file (the translated
/// 404 page) and for form posts answered with a page. Built once, not per request.
fn page_renderer(
    state: &AppState,
) -> impl Fn(Request<Body>) -> std::pin::Pin<Box<dyn Future<Output = Response> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    let context_state = state.clone();
    let assets = state.assets.clone();
    leptos_axum::render_app_async_with_context(
        move || provide_context(context_state.clone()),
        move || shell(assets.clone()),
    )
}
