//! Staff pages for notices, rendered on the server only: the list, the compose form, and each
//! notice's page with its figures, reminders, export, history and withdrawal.

pub mod access;
pub mod compose;
pub mod notice_page;

use crate::access::{Capability, CurrentActor, Scope};
use crate::db::entities::notice;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::roster::documents::{error_page, escape, page};
use crate::state::AppState;
use axum::extract::{Extension, State};
use axum::response::{Html, IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Notices the staff list shows.
const LIST_LIMIT: u64 = 200;

/// The body of a staff page being built.
#[derive(Default)]
pub struct StaffPage {
    html: String,
}

impl StaffPage {
    /// Appends trusted markup (callers escape what they put in).
    pub fn push(&mut self, html: &str) {
        self.html.push_str(html);
    }
}

/// The whole document: a back link to the notices list, the title, the body.
pub fn doc(state: &AppState, locale: Locale, title: &str, body: StaffPage) -> Response {
    Html(page(
        locale,
        title,
        &state.assets.css,
        &main(locale, title, body),
    ))
    .into_response()
}

/// The `<main>` of a staff page: back link, title, body.
fn main(locale: Locale, title: &str, body: StaffPage) -> String {
    format!(
        "<main class=\"staff-doc\"><p><a href=\"/admin/notices\">{}</a></p><h1>{}</h1>{}</main>",
        escape(&msg!(locale, "notice-back-to-list")),
        escape(title),
        body.html
    )
}

/// [`doc`] that also runs the app's wasm `enhance()` (drafts that save as they are typed), with
/// its own CSP nonce for the one inline module script.
pub fn doc_with_script(state: &AppState, locale: Locale, title: &str, body: StaffPage) -> Response {
    use base64::Engine;
    let nonce = base64::engine::general_purpose::STANDARD_NO_PAD.encode(rand::random::<[u8; 18]>());
    let prefix = crate::assets::PKG_PREFIX;
    let head = format!(
        "<script type=\"module\" nonce=\"{nonce}\">import init, {{ enhance }} from '{prefix}/{js}';\
         init({{ module_or_path: '{prefix}/{wasm}' }}).then(() => enhance());</script>",
        js = state.assets.js,
        wasm = state.assets.wasm,
    );
    let mut response = Html(crate::roster::documents::page_with_head(
        locale,
        title,
        &state.assets.css,
        &head,
        &main(locale, title, body),
    ))
    .into_response();
    if let Ok(value) =
        http::HeaderValue::from_str(&crate::security::content_security_policy(Some(&nonce)))
    {
        response
            .headers_mut()
            .insert(http::header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// The message for `field`, if it has a problem, as an alert beside it.
pub fn field_error(field: &str, problems: &[(&'static str, String)]) -> String {
    problems
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, text)| format!("<p class=\"form-error\">{}</p>", escape(text)))
        .collect()
}

/// The request's language.
pub fn locale_of(headers: &http::HeaderMap) -> Locale {
    crate::i18n::negotiate::locale_for_request(headers)
}

/// The status label of a notice.
pub fn status_label(locale: Locale, notice: &notice::Model) -> String {
    match notice.status.as_str() {
        super::status::DRAFT => msg!(locale, "notice-status-draft"),
        super::status::WITHDRAWN => msg!(locale, "notice-status-withdrawn"),
        _ if notice.publish_at.is_some_and(|at| at > chrono::Utc::now()) => {
            msg!(locale, "notice-status-scheduled")
        }
        _ if notice.expires_at.is_some_and(|at| at <= chrono::Utc::now()) => {
            msg!(locale, "notice-status-expired")
        }
        _ => msg!(locale, "notice-status-published"),
    }
}

/// `GET /admin/notices`: the school's notices (a teacher's: their own and their classes').
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = locale_of(&headers);
    match render_list(&state, &current, locale).await {
        Ok(response) => response,
        Err(err) => error_page(err, locale),
    }
}

async fn render_list(
    state: &AppState,
    current: &CurrentActor,
    locale: Locale,
) -> Result<Response, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let granted = access::grant(&actor, Capability::NoticeRead)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    let may_write = access::grant(&actor, Capability::NoticePublishClass)
        .is_ok_and(|g| g.scope != Scope::OwnChildren);
    // A teacher's pupils, once, so each notice's coverage is checked without a query.
    let own_pupils: std::collections::HashSet<i32> = if granted.scope == Scope::WholeSchool {
        Default::default()
    } else {
        crate::db::entities::enrolment::Entity::find()
            .filter(crate::db::entities::enrolment::Column::ClassId.is_in(actor.classes.clone()))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|e| e.pupil_id)
            .collect()
    };
    let covered = |audience: &crate::audience::Audience| {
        !audience.whole_school
            && audience.year_groups.is_empty()
            && !(audience.classes.is_empty() && audience.pupils.is_empty())
            && audience.classes.iter().all(|c| actor.classes.contains(c))
            && audience.pupils.iter().all(|p| own_pupils.contains(p))
    };
    let notices = notice::Entity::find()
        .filter(notice::Column::SchoolId.eq(actor.school_id))
        .order_by_desc(notice::Column::UpdatedAt)
        .limit(LIST_LIMIT)
        .all(&state.db)
        .await?;
    let timezone = crate::db::entities::school::Entity::find_by_id(actor.school_id)
        .one(&state.db)
        .await?
        .map(|s| s.timezone)
        .unwrap_or_default();
    let mut rows = String::new();
    for n in notices {
        let visible = granted.scope == Scope::WholeSchool
            || n.author_user_id == Some(actor.user_id)
            || (n.status != super::status::DRAFT && covered(&super::store::audience_of(&n)));
        if !visible {
            continue;
        }
        let when = n
            .publish_at
            .map(|at| crate::dates::date_time(locale, &timezone, at))
            .unwrap_or_default();
        rows.push_str(&format!(
            "<li class=\"staff-notice\"><a href=\"/admin/notices/{id}\">{title}</a> <span class=\"badge\">{status}</span> <span class=\"staff-notice__when\">{when}</span></li>",
            id = n.id,
            title = escape(&n.title),
            status = escape(&status_label(locale, &n)),
            when = escape(&when),
        ));
    }
    let mut body = StaffPage::default();
    if may_write {
        body.push(&format!(
            "<p><a class=\"button\" href=\"/admin/notices/new\">{}</a></p>",
            escape(&msg!(locale, "notice-new"))
        ));
    }
    if rows.is_empty() {
        body.push(&format!(
            "<p class=\"empty-state\">{}</p>",
            escape(&msg!(locale, "notice-list-empty"))
        ));
    } else {
        body.push(&format!("<ul class=\"staff-notices\">{rows}</ul>"));
    }
    Ok(doc(state, locale, &msg!(locale, "notice-list-title"), body))
}
