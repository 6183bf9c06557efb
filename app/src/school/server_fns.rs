//! Server functions for the school profile.

use super::dto::SchoolProfile;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The school's public profile. Public by design: the sign-in page needs the school's name.
#[server(endpoint = "school/profile", input = GetUrl)]
pub async fn get_school_profile() -> Result<SchoolProfile, AppError> {
    let state = crate::state::app_state()?;
    super::db::profile(&state.db).await
}
