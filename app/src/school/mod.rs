//! The school itself: its public profile (name, default language) shown in every page's top bar.

#[cfg(feature = "ssr")]
pub mod db;
pub mod dto;
mod server_fns;

pub use server_fns::*;

use crate::error::AppError;
use dto::SchoolProfile;
use leptos::prelude::*;

/// The school profile, loaded once per page and shared by the top bar and the pages.
#[derive(Clone, Copy)]
pub struct SchoolProfileResource(pub Resource<Result<SchoolProfile, AppError>>);

impl SchoolProfileResource {
    /// Starts loading the profile and puts it into context.
    pub fn provide() {
        provide_context(Self(Resource::new(|| (), |_| get_school_profile())));
    }

    /// The profile in context; `App` always provides it.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }
}
