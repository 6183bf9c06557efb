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
    /// The content-hashed names of the front-end files (shared: every request clones the state).
    pub assets: std::sync::Arc<AssetManifest>,
    /// The school's public profile, read at start; `None` before the school is set up.
    pub school: Option<crate::school::dto::SchoolProfile>,
    /// Deployment settings the request paths need.
    pub settings: Settings,
    /// Where uploaded files live.
    pub files: crate::storage::SharedStore,
    /// Recently resolved signed-in actors.
    pub actors: crate::access::cache::ActorCache,
}

/// Deployment settings read at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The address parents use, e.g. `https://portal.riverside.sch.uk`; printed in letters' links.
    pub public_url: String,
    /// Mark cookies `Secure`: on whenever the public address is https.
    pub secure_cookies: bool,
    /// Whether an SMTP server is configured (e-mail is off without one).
    pub email_enabled: bool,
}

impl Settings {
    /// Settings for a portal reached at `public_url`.
    pub fn for_public_url(public_url: &str) -> Self {
        let public_url = public_url.trim_end_matches('/').to_string();
        Self {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            email_enabled: false,
        }
    }
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
