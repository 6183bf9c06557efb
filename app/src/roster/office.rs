//! The office pages' server functions: access-code letters, the roster import and its progress,
//! and staff accounts. Each is the whole school's business: a role that reaches less is refused
//! as "not found". Their forms post to the pages' own addresses (`server::page_posts`).

use super::office_dto::{LettersPage, RosterPage, StaffPage};
use crate::error::AppError;
use leptos::prelude::*;

/// The letters page: this year's classes, or what a post to the page came to.
#[server(endpoint = "office/letters", output = crate::codec::Answer)]
pub async fn load_letters() -> Result<LettersPage, AppError> {
    crate::error::respond(super::letters::page().await)
}

/// The roster import page: the file picker, or what a post to the page came to.
#[server(endpoint = "office/roster", output = crate::codec::Answer)]
pub async fn load_roster() -> Result<RosterPage, AppError> {
    crate::error::respond(super::import_page::page().await)
}

/// How the office's import of `upload` is going.
#[server(endpoint = "office/roster-progress", output = crate::codec::Answer)]
pub async fn load_roster_progress(upload: String) -> Result<RosterPage, AppError> {
    crate::error::respond(super::import_page::progress(upload).await)
}

/// The staff accounts page, or what a post to it came to.
#[server(endpoint = "office/staff", output = crate::codec::Answer)]
pub async fn load_staff() -> Result<StaffPage, AppError> {
    crate::error::respond(super::staff_page::page().await)
}

/// The actor if `capability` reaches the whole school for them; otherwise the matching error.
#[cfg(feature = "ssr")]
pub fn whole_school(
    current: &crate::access::CurrentActor,
    capability: crate::access::Capability,
) -> Result<std::sync::Arc<crate::access::Actor>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    match crate::access::allowed_scope(&actor.roles, capability) {
        Some(crate::access::Scope::WholeSchool) => Ok(actor),
        _ => Err(AppError::Forbidden),
    }
}
