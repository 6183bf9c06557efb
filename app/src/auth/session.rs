//! Sessions stored in the database: a random token in an HttpOnly cookie, its SHA-256 in the
//! `session` table, and the middleware that turns the cookie into the request's actor.
//!
//! Written against sea-orm's connection rather than tower-sessions' sqlx store so there is one
//! sqlx and one pool, and so a user's sessions can be ended together (sign-out, suspension).

use crate::access::{CurrentActor, load_actor};
use crate::db::entities::session;
use crate::db::held::HeldConnection;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use chrono::{Duration, Utc};
use http::HeaderValue;
use http::header::{COOKIE, SET_COOKIE};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The session cookie's name.
pub const COOKIE_NAME: &str = "sg_session";
/// How long a session lasts: parents stay signed in on their own phone for a school term.
pub const LIFETIME_DAYS: i64 = 30;

/// The hashed id of the request's session, put into the request next to its actor.
#[derive(Clone, Debug)]
pub struct SessionId(pub String);

/// A new random session token (256 bits, URL-safe).
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database stores for a token: a leaked table holds no usable cookie.
pub fn token_id(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A random 128-bit name in hex: for a file kept between its preview and its import.
pub fn random_name() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for `user_id`; returns the cookie token.
pub async fn start<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        id: Set(token_id(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(LIFETIME_DAYS)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Ends one session.
pub async fn end<C: ConnectionTrait>(db: &C, id: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(id.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (sign-out everywhere, suspension, password change).
pub async fn end_all<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<u64, DbErr> {
    let result = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// The `Set-Cookie` value that hands `token` to the browser.
pub fn cookie(token: &str, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        LIFETIME_DAYS * 24 * 3600
    ))
    .ok()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("sg_session=; Path=/; Max-Age=0"))
}

/// The session token in a request's cookies, if any.
fn token_in(request: &Request) -> Option<String> {
    request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_string())
        .filter(|v| !v.is_empty())
}

/// A signed-in guardian's count of unopened notices, for the tab badge.
#[derive(Clone, Copy, Debug)]
pub struct UnreadNotices(pub u32);

/// A signed-in guardian's count of reports not yet opened, for the tab badge.
#[derive(Clone, Copy, Debug)]
pub struct NewReports(pub u32);

/// A signed-in guardian's count of forms still to answer (one per child), for the tab badge.
#[derive(Clone, Copy, Debug)]
pub struct FormsToDo(pub u32);

/// The forms behind [`FormsToDo`], kept so the home page lists them without asking again.
#[derive(Clone, Debug)]
pub struct FormsWaiting(pub std::sync::Arc<Vec<(crate::db::entities::form::Model, i32)>>);

/// Middleware: looks up the session cookie and puts the actor (or none) into the request.
/// A stale or unknown cookie is removed from the browser.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let mut stale = false;
    let mut actor = None;
    let static_file = request.uri().path().starts_with("/pkg/");
    if let (false, Some(token)) = (static_file, token_in(&request)) {
        // The session and the tab badges' statements on one connection (`db::held`); it goes
        // back to the pool before the page runs.
        match HeldConnection::acquire(&state.db).await {
            Ok(db) => {
                let id = token_id(&token);
                match lookup(&state, &db, &id).await {
                    Ok(Some(found)) => {
                        badges(&db, &found, &mut request).await;
                        actor = Some(found);
                        request.extensions_mut().insert(SessionId(id));
                    }
                    Ok(None) => stale = true,
                    Err(err) => tracing::error!(error = %err, "session lookup failed"),
                }
            }
            Err(err) => tracing::error!(error = %err, "no connection for the session"),
        }
    }
    request.extensions_mut().insert(CurrentActor(actor));
    let mut response = next.run(request).await;
    if stale && !response.headers().contains_key(SET_COOKIE) {
        response
            .headers_mut()
            .append(SET_COOKIE, clearing_cookie(state.settings.secure_cookies));
    }
    response
}

/// Puts a guardian's tab badges into a page request: unopened notices (with the feed they were
/// counted in, which the board reuses), new reports and forms to answer. API calls and files
/// need no count.
async fn badges(db: &HeldConnection, found: &crate::access::Actor, request: &mut Request) {
    let page_request = request.method() == http::Method::GET
        && !request.uri().path().starts_with("/api/")
        && !request.uri().path().contains('.');
    let (true, Some(guardian_id)) = (page_request, found.guardian_id) else {
        return;
    };
    // The children the switcher shows, so the badge and the board agree.
    let memberships: Vec<_> = found
        .children
        .iter()
        .filter(|c| {
            found
                .selected_child
                .is_none_or(|id| id == c.membership.pupil_id)
        })
        .map(|c| c.membership)
        .collect();
    match crate::notices::store::guardian_feed(
        db,
        found.school_id,
        guardian_id,
        &memberships,
        Utc::now(),
    )
    .await
    {
        Ok(feed) => {
            request
                .extensions_mut()
                .insert(UnreadNotices(feed.unread() as u32));
            request.extensions_mut().insert(feed);
        }
        Err(err) => tracing::error!(error = %err, "unread count failed"),
    }
    let pupils: Vec<i32> = memberships.iter().map(|m| m.pupil_id).collect();
    match crate::reports::family::unopened_count(
        db,
        guardian_id,
        found.user_id,
        &pupils,
        Utc::now(),
    )
    .await
    {
        Ok(count) => {
            request.extensions_mut().insert(NewReports(count));
        }
        Err(err) => tracing::error!(error = %err, "new reports count failed"),
    }
    match crate::forms::reader::to_do(db, found, Utc::now()).await {
        Ok(waiting) => {
            let count = u32::try_from(waiting.len()).unwrap_or(u32::MAX);
            request.extensions_mut().insert(FormsToDo(count));
            request
                .extensions_mut()
                .insert(FormsWaiting(std::sync::Arc::new(waiting)));
        }
        Err(err) => tracing::error!(error = %err, "forms to do count failed"),
    }
}

async fn lookup<C: ConnectionTrait>(
    state: &AppState,
    db: &C,
    id: &str,
) -> Result<Option<Arc<crate::access::Actor>>, DbErr> {
    let Some(row) = session::Entity::find_by_id(id.to_string()).one(db).await? else {
        return Ok(None);
    };
    if row.expires_at <= Utc::now() {
        end(db, id).await?;
        return Ok(None);
    }
    if let Some(actor) = state.actors.get(row.user_id) {
        return Ok(Some(actor));
    }
    let generation = state.actors.generation();
    let actor = load_actor(db, row.user_id).await?.map(Arc::new);
    if let Some(actor) = &actor {
        state.actors.put(actor.clone(), generation);
    }
    Ok(actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_id(&a).len(), 64);
        assert_ne!(token_id(&a), a);
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let set = cookie("abc", true).unwrap();
        let set = set.to_str().unwrap();
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"));
        assert!(
            !cookie("abc", false)
                .unwrap()
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(
            clearing_cookie(false)
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
    }
}
