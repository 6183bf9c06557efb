//! Shared server state handed to every request and server function.

use crate::assets::AssetManifest;
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

/// Everything a request needs from the running server.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Leptos's options (output name, site root).
    pub leptos_options: LeptosOptions,
    /// The content-hashed names of the front-end files.
    pub assets: AssetManifest,
    /// The school's public profile, read at start; `None` before the school is set up.
    pub school: Option<crate::school::dto::SchoolProfile>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state inside a server function or a server render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
