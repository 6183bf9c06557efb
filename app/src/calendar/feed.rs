//! Each account's private calendar feed: an address with a random 128-bit token that a phone's
//! calendar app subscribes to, holding the events the account may see — a family's for their
//! children, staff the school's. Only the token's SHA-256 is stored, so the address is shown once
//! when it is made; making a new one ends the old one, and so does turning it off.
//!
//! `GET /calendar/feed/{token}.ics` answers without a session: the token is the only key, and it
//! reads nothing but this calendar. A wrong token is "not found" and counts as a guess against
//! the caller's address (`throttle::Guess::FeedToken`). Answers are kept for a while
//! (`feed_cache`), so a phone asking again when nothing changed costs a hash and a map look-up,
//! and gets a 304 with no body when its `ETag` is current.

use super::feed_cache::{self, Answer};
use super::ics::{CalendarFile, IcsCalendar, IcsEvent, IcsText, calendar};
use super::vevent_cache::{self, Key};
use super::{FeedAddress, Subscription, store};
use crate::access::{Actor, Capability, CurrentActor, allowed_scope, load_actor};
use crate::auth::session::{hex, token_id};
use crate::auth::throttle::{self, Guess};
use crate::db::entities::{calendar_feed, event};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use chrono::{Duration, Utc};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

/// How far back a feed reaches: this term's past events stay on the phone.
pub const PAST_DAYS: i64 = 120;
/// The most events one feed holds (a large school's year is about 2,000).
pub const LIMIT: u64 = 3_000;
/// A family's feed is private to the address's owner, asked again every time (which the ETag
/// makes cheap).
const PRIVATE: &str = "private, no-cache";
/// The token's length in the address: 16 random bytes, URL-safe base64 without padding.
const TOKEN_CHARS: usize = 22;

/// A new random token for an address (128 bits).
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The https and webcal forms of a token's address under `public_url`.
pub fn address(public_url: &str, token: &str) -> FeedAddress {
    let https = format!("{public_url}/calendar/feed/{token}.ics");
    let webcal = match https.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => https.clone(),
    };
    FeedAddress { https, webcal }
}

/// Makes a new address for `user_id` in `language`, ending any earlier one; returns its token.
pub async fn issue<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    language: Locale,
) -> Result<String, DbErr> {
    let token = new_token();
    revoke(db, user_id).await?;
    calendar_feed::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token_id(&token)),
        language: Set(language.tag().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Ends `user_id`'s address, if they have one; returns whether they had.
pub async fn revoke<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<bool, DbErr> {
    let deleted = calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    feed_cache::forget_account(user_id);
    Ok(deleted.rows_affected > 0)
}

/// `user_id`'s current address, if any (its token is not kept).
pub async fn current<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
) -> Result<Option<calendar_feed::Model>, DbErr> {
    calendar_feed::Entity::find()
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// The feed a token opens, if it is one of ours; `hash` is the token's `token_id`, and a
/// malformed token is not looked up.
pub async fn opened_by<C: ConnectionTrait>(
    db: &C,
    token: &str,
    hash: &str,
) -> Result<Option<calendar_feed::Model>, DbErr> {
    let well_formed = token.len() == TOKEN_CHARS
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !well_formed {
        return Ok(None);
    }
    calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(hash))
        .one(db)
        .await
}

/// The signed-in account allowed a feed, with how far their calendar reaches.
fn subscriber(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    allowed_scope(&actor.roles, Capability::CalendarRead).ok_or(AppError::NotFound)?;
    Ok(actor)
}

/// The subscription page's data for `actor`, with `fresh` when an address was just made.
async fn page_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    fresh: Option<FeedAddress>,
) -> Result<Subscription, AppError> {
    let since = current(db, actor.user_id).await?.map(|feed| {
        let zone_day = feed.created_at.date_naive();
        PerLocale::build(|locale| crate::dates::date(locale, zone_day))
    });
    Ok(Subscription {
        since,
        fresh,
        stopped: false,
    })
}

/// The subscription page's data: what a post to it came to, else whether there is an address.
pub async fn subscription() -> Result<Subscription, AppError> {
    if let Some(answer) = crate::posted::page(|_: &Subscription| None) {
        return answer;
    }
    let actor = subscriber(&CurrentActor(Some(crate::access::current_actor()?)))?;
    let state = crate::state::app_state()?;
    page_for(&state.db, &actor, None).await
}

/// `POST /calendar/subscribe`: `action=new` makes an address (ending any earlier one) and shows
/// it this once; `action=stop` turns the address off.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    form: &HashMap<String, String>,
) -> Result<Subscription, AppError> {
    let actor = subscriber(current)?;
    match form.get("action").map(String::as_str) {
        Some("new") => {
            let token = issue(&state.db, actor.user_id, language).await?;
            audit(state, &actor, crate::audit::action::FEED_MADE).await?;
            let fresh = address(&state.settings.public_url, &token);
            page_for(&state.db, &actor, Some(fresh)).await
        }
        Some("stop") => {
            if revoke(&state.db, actor.user_id).await? {
                audit(state, &actor, crate::audit::action::FEED_STOPPED).await?;
            }
            let mut page = page_for(&state.db, &actor, None).await?;
            page.stopped = true;
            Ok(page)
        }
        _ => Err(AppError::BadRequest),
    }
}

/// Records in the audit log that `actor` made or ended their own feed address.
async fn audit(state: &AppState, actor: &Actor, action: &str) -> Result<(), AppError> {
    let subject = ("user", actor.user_id);
    crate::audit::record(
        &state.db,
        actor.school_id,
        actor.user_id,
        action,
        subject,
        "",
        Utc::now(),
    )
    .await?;
    Ok(())
}

/// `GET /calendar/feed/{token}.ics`.
pub async fn serve(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: Request<Body>,
) -> Response {
    let (parts, _) = request.into_parts();
    let address = crate::auth::request::client_address(&parts);
    match answer(&state, &file, &address, &parts.headers).await {
        Ok(response) => response,
        Err(err) => {
            let locale = crate::i18n::negotiate::locale_for_request(&parts.headers);
            let mut response = crate::roster::documents::error_page(err, locale);
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                let window = throttle::WINDOW_MINUTES * 60;
                if let Ok(value) = HeaderValue::from_str(&window.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            response
        }
    }
}

async fn answer(
    state: &AppState,
    file: &str,
    address: &str,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").unwrap_or_default();
    let hash = token_id(token);
    // A known address that nothing has changed for: no database at all.
    if let Some(answer) = feed_cache::get(&hash) {
        return Ok(respond(answer, headers, PRIVATE));
    }
    if throttle::guesses_held(&state.db, Guess::FeedToken, address).await? {
        return Err(AppError::RateLimited);
    }
    let built_under = feed_cache::generations();
    let Some(feed) = opened_by(&state.db, token, &hash).await? else {
        throttle::record_guess(&state.db, Guess::FeedToken, address).await?;
        return Err(AppError::NotFound);
    };
    let school = state
        .school
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let answer = build(&state.db, &feed, &school)
        .await?
        .ok_or(AppError::NotFound)?;
    feed_cache::put(&hash, feed.user_id, answer.clone(), built_under);
    Ok(respond(answer, headers, PRIVATE))
}

/// The feed of `feed`'s account as it is now, with its validators; `None` once the account may
/// no longer read a calendar (suspended, or its role gone).
pub async fn build<C: ConnectionTrait>(
    db: &C,
    feed: &calendar_feed::Model,
    school: &str,
) -> Result<Option<Answer>, AppError> {
    let Some(actor) = load_actor(db, feed.user_id).await? else {
        return Ok(None);
    };
    let Some(scope) = allowed_scope(&actor.roles, Capability::CalendarRead) else {
        return Ok(None);
    };
    let locale = Locale::from_tag(&feed.language).unwrap_or_default();
    let zone = actor.zone.clone();
    let from = Utc::now() - Duration::days(PAST_DAYS);
    let memberships = actor.memberships();
    let reach = if actor.reads_whole_school(scope) {
        store::Reach::School
    } else {
        store::Reach::Members(&memberships)
    };
    // Which version of each event the feed shows; only those whose text is not kept are read.
    let versions = store::upcoming_versions(db, actor.school_id, reach, from, LIMIT).await?;
    let ids: Vec<i32> = versions.iter().map(|v| v.id).collect();
    let translated = store::translation_versions(db, &ids, locale.tag()).await?;
    let keys: Vec<Key> = versions
        .iter()
        .map(|v| {
            let translation = translated.get(&v.id).copied();
            Key::new(&v.uid, v.updated_at, v.sequence, translation, locale, &zone)
        })
        .collect();
    let mut texts = vevent_cache::kept(&keys);
    let name = crate::msg!(locale, "calendar-feed-name", school = school);
    let head = IcsCalendar {
        zone: &zone,
        locale,
        feed_name: Some(&name),
    };
    let mut file = CalendarFile::new(&head);
    let missing: Vec<i32> = ids
        .iter()
        .zip(&texts)
        .filter(|(_, text)| text.is_none())
        .map(|(id, _)| *id)
        .collect();
    if !missing.is_empty() {
        let events = store::by_ids(db, &missing).await?;
        let translations = store::translations(db, &missing).await?;
        let written: HashMap<i32, Arc<str>> = events
            .iter()
            .map(|event| {
                let e = IcsEvent {
                    event,
                    text: IcsText::of(event, translations.get(&event.id), locale),
                };
                // Kept under the version just read, which a change since the versions were read
                // may have moved on: the feed shows the newer text and keeps it rightly named.
                let text = vevent_cache::keep(file.key(&e), file.vevent(&e));
                (event.id, text)
            })
            .collect();
        for (id, text) in ids.iter().zip(texts.iter_mut()) {
            if text.is_none() {
                *text = written.get(id).cloned();
            }
        }
    }
    let timed = versions.iter().filter(|v| !v.all_day);
    if let (Some(first), Some(last)) = (
        timed.clone().map(|v| v.starts_at).min(),
        timed.map(|v| v.last_ends_at).max(),
    ) {
        file.zone_for(first, last);
    }
    // An event deleted between the two reads has no text and is left out.
    for text in texts.iter().flatten() {
        file.push(text);
    }
    let last_modified = versions.iter().map(|v| v.updated_at).max();
    Ok(Some(validated(
        file.finish(),
        last_modified,
        feed.created_at,
    )))
}

/// A calendar file with its validators: an ETag of its bytes, and Last-Modified from its newest
/// event, never earlier than `since`.
fn validated(
    body: String,
    newest: Option<chrono::DateTime<Utc>>,
    since: chrono::DateTime<Utc>,
) -> Answer {
    // The first 16 bytes of the digest: plenty to tell two versions of a feed apart.
    let etag = format!("\"{}\"", hex(&Sha256::digest(body.as_bytes())[..16]));
    let last_modified = newest.unwrap_or(since).max(since);
    Answer {
        etag,
        last_modified: last_modified
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string(),
        body: body.into_bytes().into(),
    }
}

/// `events` written as a calendar named for `school` in `locale`, with its validators; `since`
/// is the earliest Last-Modified (when the address was made, for a feed).
pub async fn written<C: ConnectionTrait>(
    db: &C,
    events: &[event::Model],
    zone: &str,
    locale: Locale,
    school: &str,
    since: chrono::DateTime<Utc>,
) -> Result<Answer, AppError> {
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let translations = store::translations(db, &ids).await?;
    let name = crate::msg!(locale, "calendar-feed-name", school = school);
    let head = IcsCalendar {
        zone,
        locale,
        feed_name: Some(&name),
    };
    let shown: Vec<IcsEvent<'_>> = events
        .iter()
        .map(|event| IcsEvent {
            event,
            text: IcsText::of(event, translations.get(&event.id), locale),
        })
        .collect();
    let body = calendar(&head, &shown);
    Ok(validated(
        body,
        events.iter().map(|e| e.updated_at).max(),
        since,
    ))
}

/// A calendar answer, or `304 Not Modified` when the caller's copy (`If-None-Match`) is this
/// one; `cache_control` says who may keep it (a family's feed is private, the school's public).
pub fn respond(answer: Answer, headers: &HeaderMap, cache_control: &'static str) -> Response {
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .any(|t| t.trim() == answer.etag || t.trim() == "*")
        });
    let validators = [
        (header::ETAG, answer.etag),
        (header::LAST_MODIFIED, answer.last_modified),
        (header::CACHE_CONTROL, cache_control.to_string()),
    ];
    if unchanged {
        return (StatusCode::NOT_MODIFIED, validators).into_response();
    }
    (
        validators,
        [(
            header::CONTENT_TYPE,
            "text/calendar; charset=utf-8".to_string(),
        )],
        answer.body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_random_bits_in_url_safe_text() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), TOKEN_CHARS);
        assert_ne!(a, b);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
    }

    #[test]
    fn the_address_comes_as_https_and_webcal() {
        let a = address("https://portal.riverside.example", "abc");
        assert_eq!(
            a.https,
            "https://portal.riverside.example/calendar/feed/abc.ics"
        );
        assert_eq!(
            a.webcal,
            "webcal://portal.riverside.example/calendar/feed/abc.ics"
        );
    }
}
