//! Staff notices on the server: the list and each notice's figures as data for the app's pages
//! (`staff_pages`), and the compose form, reminders, export and withdrawal as axum handlers.

pub mod access;
pub mod compose;
pub mod notice_page;

use super::{StaffNoticeList, StaffNoticeRow};
use crate::access::{Capability, Scope};
use crate::db::entities::notice;
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::roster::documents::escape;
use crate::state::AppState;
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

/// The school's notices the signed-in member of staff may see (a teacher's: their own and their
/// classes').
pub async fn list() -> Result<StaffNoticeList, AppError> {
    let actor = crate::access::current_actor()?;
    let state = crate::state::app_state()?;
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
    let zone = crate::school::db::timezone(&state.db, actor.school_id).await?;
    let notices = notices
        .into_iter()
        .filter(|n| {
            granted.scope == Scope::WholeSchool
                || n.author_user_id == Some(actor.user_id)
                || (n.status != super::status::DRAFT && covered(&super::store::audience_of(n)))
        })
        .map(|n| StaffNoticeRow {
            id: n.id,
            state: notice_page::state_of(&n),
            published: n
                .publish_at
                .map(|at| PerLocale::build(|locale| crate::dates::date_time(locale, &zone, at))),
            title: n.title,
        })
        .collect();
    Ok(StaffNoticeList { may_write, notices })
}
