//! The school's calendar outside the portal: the public feed a school website embeds or
//! subscribes to (`GET /calendar/public/{school}.ics`: only events marked public, for the whole
//! school, year groups or classes — never one for a single pupil or staff only — with no session
//! and no names but the school's), and the whole calendar as a file for staff
//! (`GET /admin/calendar/export.ics`, staff-only events included).

use super::feed::{LIMIT, PAST_DAYS, respond, written};
use super::feed_cache::{self, Answer};
use super::store;
use crate::access::{Capability, CurrentActor, Scope, allowed_scope};
use crate::db::entities::{event, school};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use chrono::{Duration, Utc};
use http::{HeaderValue, header};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;

/// The public feed's address for a school under `public_url`.
pub fn address(public_url: &str, school_id: i32) -> String {
    format!("{public_url}/calendar/public/{school_id}.ics")
}

/// Where staff download the school's whole calendar.
pub const EXPORT_PATH: &str = "/admin/calendar/export.ics";

/// Whether an event may be shown to anyone: marked public and addressed to the school, year
/// groups or classes — an event for one pupil or for staff only never is.
pub fn is_public(event: &event::Model) -> bool {
    let audience = store::audience_of(event);
    event.public && !audience.staff_only && audience.pupils.is_empty() && !audience.is_empty()
}

/// The language asked for (`?lang=`), if it is one we ship.
#[derive(Debug, Default, Deserialize)]
pub struct Language {
    lang: Option<String>,
}

/// The school's events from [`PAST_DAYS`] back, earliest first.
async fn recent_events<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    only_public: bool,
) -> Result<Vec<event::Model>, AppError> {
    let from = Utc::now() - Duration::days(PAST_DAYS);
    let mut query = event::Entity::find()
        .filter(event::Column::SchoolId.eq(school_id))
        .filter(event::Column::LastEndsAt.gt(from));
    if only_public {
        query = query.filter(event::Column::Public.eq(true));
    }
    let events = query
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(LIMIT)
        .all(db)
        .await?;
    Ok(if only_public {
        events.into_iter().filter(is_public).collect()
    } else {
        events
    })
}

/// `GET /calendar/public/{school}.ics[?lang=zh-CN]`: the school's public events, in the language
/// asked for where the school translated them, else the school's own.
pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(language): Query<Language>,
    request: Request,
) -> Response {
    let headers = request.headers().clone();
    match public_answer(&state, &file, language).await {
        Ok(answer) => respond(answer, &headers, "public, max-age=300"),
        Err(err) => {
            let locale = crate::i18n::negotiate::locale_for_request(&headers);
            crate::roster::documents::error_page(err, locale)
        }
    }
}

async fn public_answer(
    state: &AppState,
    file: &str,
    language: Language,
) -> Result<Answer, AppError> {
    let school_id: i32 = file
        .strip_suffix(".ics")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)?;
    let school = school::Entity::find_by_id(school_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = language
        .lang
        .as_deref()
        .and_then(Locale::from_tag)
        .or_else(|| Locale::from_tag(&school.default_locale))
        .unwrap_or_default();
    // Keyed apart from every account's feed (no account has id 0), and by the school's creation
    // instant as well as its id: databases side by side in one process (the tests') may share
    // ids. Any calendar or roster change retires it like theirs.
    let key = format!(
        "public:{school_id}:{}:{}",
        school.created_at.timestamp_micros(),
        locale.tag()
    );
    if let Some(answer) = feed_cache::get(&key) {
        return Ok(answer);
    }
    let built_under = feed_cache::generations();
    let events = recent_events(&state.db, school_id, true).await?;
    let answer = written(
        &state.db,
        &events,
        &school.timezone,
        locale,
        &school.name,
        school.created_at,
    )
    .await?;
    feed_cache::put(&key, 0, answer.clone(), built_under);
    Ok(answer)
}

/// `GET /admin/calendar/export.ics`: the school's whole calendar for a member of staff, in their
/// language, as a file to import elsewhere.
pub async fn export(State(state): State<AppState>, request: Request) -> Response {
    let headers = request.headers().clone();
    let current = request
        .extensions()
        .get::<CurrentActor>()
        .cloned()
        .unwrap_or(CurrentActor(None));
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let result = async {
        let actor = current.0.ok_or(AppError::SignInRequired)?;
        let staff = actor.guardian_id.is_none()
            && allowed_scope(&actor.roles, Capability::CalendarRead) == Some(Scope::WholeSchool);
        if !staff {
            return Err(AppError::NotFound);
        }
        let school = school::Entity::find_by_id(actor.school_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let events = recent_events(&state.db, actor.school_id, false).await?;
        written(
            &state.db,
            &events,
            &school.timezone,
            locale,
            &school.name,
            school.created_at,
        )
        .await
    }
    .await;
    match result {
        Ok(answer) => {
            let mut response = respond(answer, &headers, "private, no-cache");
            response.headers_mut().insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"school-calendar.ics\""),
            );
            response
        }
        Err(err) => crate::roster::documents::error_page(err, locale),
    }
}
