//! Form posts a page sends to its own address (the compose form with its files, the office's
//! letters, roster import and staff accounts, a family's calendar feed, the event form, the
//! calendar import, a news post with its photos, a comment or like on a post): the post
//! is handled, then either redirected or answered with the app's page for that address, rendered
//! with what the post came to — so a refused form shows again with everything typed, with or
//! without JavaScript.

use app::access::CurrentActor;
use app::calendar::editor::{self, import};
use app::calendar::feed;
use app::error::AppError;
use app::notices::staff::compose::{self, Submitted};
use app::posted::Posted;
use app::roster::{import_page, letters, staff_page};
use app::state::AppState;
use app::storage::upload::Upload;
use axum::Form;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use std::collections::HashMap;
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

fn current_of(parts: &Parts) -> CurrentActor {
    parts
        .extensions
        .get::<CurrentActor>()
        .cloned()
        .unwrap_or(CurrentActor(None))
}

/// The body again as a request with the post's headers, for axum's extractors.
fn body_request(parts: &Parts, body: Body) -> Request<Body> {
    let mut request = Request::new(body);
    // A GET's form would be read from the query string.
    *request.method_mut() = http::Method::POST;
    *request.headers_mut() = parts.headers.clone();
    // The router's body limit rides in the extensions: without them axum's extractors fall back
    // to their own 2 MB, below the files our forms take.
    *request.extensions_mut() = parts.extensions.clone();
    request
}

/// The app's page for the post's address, rendered with `answer` in the request.
async fn page_with<T: Clone + Send + Sync + 'static>(
    state: &PostState,
    parts: Parts,
    answer: T,
) -> Response {
    let mut page = Request::from_parts(parts, Body::empty());
    *page.method_mut() = http::Method::GET;
    page.extensions_mut().insert(answer);
    (state.render)(page).await
}

/// An url-encoded form's fields; a body that is not one is the client's fault.
async fn form_fields(parts: &Parts, body: Body) -> Result<HashMap<String, String>, AppError> {
    Form::<HashMap<String, String>>::from_request(body_request(parts, body), &())
        .await
        .map(|Form(fields)| fields)
        .map_err(|rejection| {
            tracing::debug!(%rejection, "page post is not a form");
            AppError::BadRequest
        })
}

/// `POST /admin/notices/new` and `POST /admin/notices/{id}/edit`.
pub async fn compose(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let answer = match Multipart::from_request(body_request(&parts, body), &()).await {
        Ok(multipart) => compose::submit(&state.app, &current, language, multipart).await,
        Err(rejection) => {
            tracing::debug!(%rejection, "compose post is not a multipart form");
            let refused = compose::ComposeAnswer(Err(AppError::BadRequest));
            Submitted::Again(Box::new(refused))
        }
    };
    match answer {
        Submitted::Done(id) => Redirect::to(&format!("/admin/notices/{id}")).into_response(),
        Submitted::Again(answer) => page_with(&state, parts, *answer).await,
    }
}

/// `POST /admin/letters`: print a class's letters, or issue a parent's reset code.
pub async fn letters(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = match form_fields(&parts, body).await {
        Ok(fields) => letters::post(&state.app, &current, &fields).await,
        Err(err) => Err(err),
    };
    page_with(&state, parts, Posted(answer)).await
}

/// `POST /admin/staff`: create, suspend, reactivate or reset a staff account.
pub async fn staff(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = match form_fields(&parts, body).await {
        Ok(fields) => staff_page::post(&state.app, &current, &fields).await,
        Err(err) => Err(err),
    };
    page_with(&state, parts, Posted(answer)).await
}

/// `POST /calendar/subscribe`: make a private calendar feed address, or turn it off.
pub async fn calendar_subscription(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let answer = match form_fields(&parts, body).await {
        Ok(fields) => feed::post(&state.app, &current, language, &fields).await,
        Err(err) => Err(err),
    };
    page_with(&state, parts, Posted(answer)).await
}

/// An url-encoded form's fields in order, a name repeated for each ticked box.
async fn form_pairs(parts: &Parts, body: Body) -> Result<Vec<(String, String)>, AppError> {
    Form::<Vec<(String, String)>>::from_request(body_request(parts, body), &())
        .await
        .map(|Form(pairs)| pairs)
        .map_err(|rejection| {
            tracing::debug!(%rejection, "page post is not a form");
            AppError::BadRequest
        })
}

/// `POST /admin/calendar/new` and `POST /admin/calendar/{id}`: check, save or cancel an event.
pub async fn event(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let segment = parts.uri.path().rsplit('/').next().unwrap_or_default();
    let typed = if is_multipart(&parts) {
        form_with_files(&parts, body, "file").await
    } else {
        form_pairs(&parts, body)
            .await
            .map(|pairs| (pairs, Vec::new()))
    };
    let answer = match (editor::address_id(segment), typed) {
        (Ok(id), Ok((pairs, uploads))) => {
            editor::post(&state.app, &current, language, id, pairs, uploads).await
        }
        (Err(err), _) | (_, Err(err)) => editor::Submitted::Again(Box::new(Err(err))),
    };
    match answer {
        editor::Submitted::Done => {
            Redirect::to(app::calendar::staff_pages::STAFF_CALENDAR_PATH).into_response()
        }
        editor::Submitted::Again(form) => page_with(&state, parts, Posted(*form)).await,
    }
}

/// `POST /admin/news/{story}`: publish a post, or show the form again with why not.
pub async fn news(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let segment = parts
        .uri
        .path()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let typed = if is_multipart(&parts) {
        form_with_files(&parts, body, "photo").await
    } else {
        form_pairs(&parts, body)
            .await
            .map(|pairs| (pairs, Vec::new()))
    };
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let answer = match typed {
        Ok((pairs, uploads)) => {
            app::news::publish::post(&state.app, &current, &segment, language, pairs, uploads).await
        }
        Err(err) => app::news::publish::Submitted::Again(Box::new(Err(err))),
    };
    match answer {
        app::news::publish::Submitted::Done => Redirect::to(app::news::NEWS_PATH).into_response(),
        app::news::publish::Submitted::Again(form) => page_with(&state, parts, Posted(*form)).await,
    }
}

/// `POST /admin/news/{story}/photo`: one photo from the post form's script; the photo in
/// postcard (the pages' one format, so the script carries no second reader), or why not (in
/// every language) with a 4xx.
pub async fn news_photo(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let segment = parts
        .uri
        .path()
        .trim_end_matches("/photo")
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let uploads = if is_multipart(&parts) {
        form_with_files(&parts, body, "photo").await
    } else {
        Err(AppError::BadRequest)
    };
    let answer = match uploads {
        Ok((_, uploads)) => {
            app::news::publish::upload(&state.app, &current, &segment, uploads).await
        }
        Err(err) => Err((
            err.status(),
            app::news::PhotoRefusal {
                message: app::i18n::PerLocale::build(|l| err.message(l)),
            },
        )),
    };
    match answer {
        Ok(photo) => postcard_answer(http::StatusCode::OK, &photo),
        Err((status, refusal)) => postcard_answer(status, &refusal),
    }
}

/// `value` in postcard with `status`.
fn postcard_answer<T: serde::Serialize>(status: http::StatusCode, value: &T) -> Response {
    match app::codec::encode(value) {
        Ok(bytes) => (
            status,
            [(http::header::CONTENT_TYPE, app::codec::POSTCARD)],
            bytes,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "an answer did not encode");
            http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `POST /news/{id}`: like, comment, report or moderate, then back where the reader was; a
/// refused comment shows the post again with it in the box.
pub async fn news_comment(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 0);
    let answer = match form_pairs(&parts, body).await {
        Ok(pairs) => app::news::comments::act(&state.app, &current, id, pairs).await,
        Err(err) => app::news::comments::Acted::Again(Box::new(Err(err))),
    };
    match answer {
        app::news::comments::Acted::Done(to) => Redirect::to(&to).into_response(),
        app::news::comments::Acted::Again(page) => page_with(&state, parts, Posted(*page)).await,
    }
}

/// The id `from_end` segments before the end of a `/news/...` or `/forms/...` address. No post has id 0:
/// an address that is not a number is "not found" like any other.
fn path_id(parts: &Parts, from_end: usize) -> i32 {
    parts
        .uri
        .path()
        .rsplit('/')
        .nth(from_end)
        .and_then(|id| id.parse::<i32>().ok())
        .unwrap_or(0)
}

/// A form's fields in order and its files (every file input that sent one, by name): a page
/// that can carry files posts multipart; a plain form (a script, a test) has none.
async fn answers_with_files(
    parts: &Parts,
    body: Body,
) -> Result<(Vec<(String, String)>, Vec<(String, Upload)>), AppError> {
    if !is_multipart(parts) {
        return form_pairs(parts, body)
            .await
            .map(|pairs| (pairs, Vec::new()));
    }
    let unreadable = |err: axum::extract::multipart::MultipartError| {
        tracing::debug!(%err, "a form's answers could not be read");
        AppError::BadRequest
    };
    let mut multipart = Multipart::from_request(body_request(parts, body), &())
        .await
        .map_err(|_| AppError::BadRequest)?;
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                // A file input left empty sends a part with no bytes.
                if !bytes.is_empty() {
                    let upload = Upload {
                        name: file_name,
                        bytes: bytes.to_vec(),
                    };
                    files.push((name, upload));
                }
            }
            None => pairs.push((name, field.text().await.map_err(unreadable)?)),
        }
    }
    Ok((pairs, files))
}

/// `POST /forms/{id}`: store a guardian's answers to a form, then back to it; refused answers
/// show the form again with what was typed.
pub async fn form_answer(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 0);
    let sender = sender_of(&parts);
    let answer = match answers_with_files(&parts, body).await {
        Ok((pairs, files)) => {
            app::forms::answer::submit(&state.app, &current, id, sender, pairs, files).await
        }
        Err(err) => app::forms::answer::Answered::Again(Box::new(Err(err))),
    };
    match answer {
        app::forms::answer::Answered::Done(to) => Redirect::to(&to).into_response(),
        app::forms::answer::Answered::Again(page) => page_with(&state, parts, Posted(*page)).await,
    }
}

/// `POST /admin/forms/new`: make a form from a template, then its figures; a refused one shows
/// the page again with what was typed.
pub async fn form_new(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = match form_pairs(&parts, body).await {
        Ok(pairs) => app::forms::create::submit(&state.app, &current, pairs).await,
        Err(err) => app::forms::create::Created::Again(Box::new(Err(err))),
    };
    match answer {
        app::forms::create::Created::Done(to) => Redirect::to(&to).into_response(),
        app::forms::create::Created::Again(page) => page_with(&state, parts, Posted(*page)).await,
    }
}

/// `POST /admin/forms/{id}/record`: store an answer a guardian gave by phone, then the form's
/// figures; a refused one shows the page again with what was typed.
pub async fn form_record(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 1);
    let sender = sender_of(&parts);
    let answer = match answers_with_files(&parts, body).await {
        Ok((pairs, files)) => {
            app::forms::on_behalf::submit(&state.app, &current, id, sender, pairs, files).await
        }
        Err(err) => app::forms::on_behalf::Recorded::Again(Box::new(Err(err))),
    };
    match answer {
        app::forms::on_behalf::Recorded::Done(to) => Redirect::to(&to).into_response(),
        app::forms::on_behalf::Recorded::Again(page) => {
            page_with(&state, parts, Posted(*page)).await
        }
    }
}

/// `POST /forms/contact`: ask the office to change a guardian's contact details, then back to
/// the page; a refused post shows it again with what was typed.
pub async fn contact(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let sender = sender_of(&parts);
    let answer = match form_pairs(&parts, body).await {
        Ok(pairs) => app::roster::contact::submit(&state.app, &current, sender, pairs).await,
        Err(err) => app::roster::contact::Asked::Again(Box::new(Err(err))),
    };
    match answer {
        app::roster::contact::Asked::Done(to) => Redirect::to(&to).into_response(),
        app::roster::contact::Asked::Again(page) => page_with(&state, parts, Posted(*page)).await,
    }
}

/// `POST /admin/forms/changes`: approve or reject a change a family asked for; the list again
/// says what that did.
pub async fn roster_change(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = match form_fields(&parts, body).await {
        Ok(fields) => app::roster::change_queue::post(&state.app, &current, &fields).await,
        Err(err) => Err(err),
    };
    page_with(&state, parts, Posted(answer)).await
}

/// Where a form's answers came from, kept as evidence.
fn sender_of(parts: &Parts) -> app::forms::answer::Sender {
    app::forms::answer::Sender {
        address: app::auth::request::client_address(parts),
        user_agent: parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
        locale: app::i18n::negotiate::locale_for_request(&parts.headers),
    }
}

/// `POST /news/{id}/edit`: save a post's text and translations, then back to the post; a refused
/// edit shows the edit page again with what was typed.
pub async fn news_edit(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 1);
    let answer = match form_pairs(&parts, body).await {
        Ok(pairs) => app::news::edits::submit(&state.app, &current, id, pairs).await,
        Err(err) => app::news::edits::Edited::Again(Box::new(Err(err))),
    };
    match answer {
        app::news::edits::Edited::Done(to) => Redirect::to(&to).into_response(),
        app::news::edits::Edited::Again(page) => page_with(&state, parts, Posted(*page)).await,
    }
}

/// A multipart form's fields in order and its files (those sent as `file_field`; an empty file
/// input sends none).
async fn form_with_files(
    parts: &Parts,
    body: Body,
    file_field: &str,
) -> Result<(Vec<(String, String)>, Vec<Upload>), AppError> {
    let (pairs, files) = answers_with_files(parts, body).await?;
    let files = files
        .into_iter()
        .filter(|(name, _)| name == file_field)
        .map(|(_, file)| file)
        .collect();
    Ok((pairs, files))
}

/// `POST /admin/roster`: a file (multipart) is checked; a checked `upload` (a plain form) is
/// imported, and the office is sent to its progress page.
pub async fn roster(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = if is_multipart(&parts) {
        match Multipart::from_request(body_request(&parts, body), &()).await {
            Ok(mut multipart) => {
                let mut data = None;
                while let Ok(Some(field)) = multipart.next_field().await {
                    if field.name() == Some("file") {
                        data = field.bytes().await.ok().map(|b| b.to_vec());
                    }
                }
                import_page::check_file(&state.app, &current, data).await
            }
            Err(_) => Err(AppError::BadRequest),
        }
    } else {
        let upload = form_fields(&parts, body)
            .await
            .and_then(|mut f| f.remove("upload").ok_or(AppError::BadRequest));
        match upload {
            Ok(upload) => match import_page::commit(&state.app, &current, &upload).await {
                // Only a stored upload (hex digits) gets this far.
                Ok(()) => {
                    let progress = format!("/admin/roster/progress?upload={upload}");
                    return Redirect::to(&progress).into_response();
                }
                Err(err) => Err(err),
            },
            Err(err) => Err(err),
        }
    };
    page_with(&state, parts, Posted(answer)).await
}

/// Whether a post is a multipart form (a file).
fn is_multipart(parts: &Parts) -> bool {
    parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The `file` of a multipart post, read no further than [`import::MAX_BYTES`]. A body that
/// says it is larger than that and a form's fields is refused as too large before it is read
/// (a browser always says how long a form post is); any other body is read that far at most.
async fn import_file(parts: &Parts, body: Body) -> Result<import::Upload, AppError> {
    // Room for the multipart boundaries and headers around the file.
    const FORM_OVERHEAD: usize = 16 * 1024;
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > import::MAX_BYTES + FORM_OVERHEAD) {
        return Ok(import::Upload::TooLarge);
    }
    let refused = |err: axum::extract::multipart::MultipartError| {
        if err.status() == http::StatusCode::PAYLOAD_TOO_LARGE {
            Ok(import::Upload::TooLarge)
        } else {
            tracing::debug!(%err, "an import post could not be read");
            Err(AppError::BadRequest)
        }
    };
    let mut multipart = Multipart::from_request(body_request(parts, body), &())
        .await
        .map_err(|_| AppError::BadRequest)?;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(import::Upload::Missing),
            Err(err) => return refused(err),
        };
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let mut data = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) if data.len() + chunk.len() > import::MAX_BYTES => {
                    return Ok(import::Upload::TooLarge);
                }
                Ok(Some(chunk)) => data.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(err) => return refused(err),
            }
        }
        if data.is_empty() {
            return Ok(import::Upload::Missing);
        }
        return Ok(import::Upload::File { name, data });
    }
}

/// `POST /admin/calendar/import`: a file (multipart) is checked; a checked `upload` (a plain
/// form) is imported. Either way the answer is the import page.
pub async fn calendar_import(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let language = app::i18n::negotiate::locale_for_request(&parts.headers);
    let answer = if is_multipart(&parts) {
        match import_file(&parts, body).await {
            Ok(upload) => import::check(&state.app, &current, language, upload).await,
            Err(err) => Err(err),
        }
    } else {
        match form_fields(&parts, body).await {
            Ok(mut fields) => match fields.remove("upload") {
                Some(token) => import::commit(&state.app, &current, language, &token).await,
                None => Err(AppError::BadRequest),
            },
            Err(err) => Err(err),
        }
    };
    page_with(&state, parts, Posted(answer)).await
}

/// `POST /admin/reports`: a new report cycle, then its page; a refused one shows the list again
/// with what was typed.
pub async fn report_cycles(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let answer = match form_pairs(&parts, body).await {
        Ok(pairs) => app::reports::cycles::create(&state.app, &current, pairs).await,
        Err(err) => Err(err),
    };
    match answer {
        Ok(Ok(to)) => Redirect::to(&to).into_response(),
        Ok(Err(page)) => page_with(&state, parts, Posted(Ok(page))).await,
        Err(err) => {
            page_with(
                &state,
                parts,
                Posted::<app::reports::dto::StaffReports>(Err(err)),
            )
            .await
        }
    }
}

/// `POST /admin/reports/{id}`: publish a cycle, or discard its upload.
pub async fn report_cycle(state: PostState, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 0);
    let answer = match form_fields(&parts, body).await {
        Ok(fields) => app::reports::actions::act(&state.app, &current, id, &fields).await,
        Err(err) => app::reports::actions::CycleAnswer::Again(Box::new(Err(err))),
    };
    cycle_answered(&state, parts, answer).await
}

/// `POST /admin/reports/{id}/upload`: a cycle's PDFs or ZIP, streamed to disk, into its
/// preview; the answer is the cycle's page.
pub async fn report_upload(state: PostState, request: Request<Body>) -> Response {
    let (mut parts, body) = request.into_parts();
    let current = current_of(&parts);
    let id = path_id(&parts, 1);
    let sources = match Multipart::from_request(body_request(&parts, body), &()).await {
        Ok(multipart) => app::reports::intake::receive(multipart).await,
        Err(rejection) => {
            tracing::debug!(%rejection, "a report upload is not a multipart form");
            Err(AppError::BadRequest)
        }
    };
    let answer = app::reports::actions::upload(&state.app, &current, id, sources).await;
    // A refused upload shows the cycle's page, whose address this is not.
    if let Ok(uri) = app::reports::cycle_href(id).parse() {
        parts.uri = uri;
    }
    cycle_answered(&state, parts, answer).await
}

async fn cycle_answered(
    state: &PostState,
    parts: Parts,
    answer: app::reports::actions::CycleAnswer,
) -> Response {
    match answer {
        app::reports::actions::CycleAnswer::Done(to) => Redirect::to(&to).into_response(),
        app::reports::actions::CycleAnswer::Again(page) => {
            page_with(state, parts, Posted(*page)).await
        }
    }
}
