//! The school itself: its public profile (name, default language) shown in every page's top bar.

#[cfg(feature = "ssr")]
pub mod db;
pub mod dto;
#[cfg(feature = "ssr")]
mod short_name;

#[cfg(feature = "ssr")]
pub use short_name::short_name;

use dto::SchoolProfile;
use leptos::prelude::*;

/// The school profile for this page: read by the server from its state and carried to the
/// browser in the page's hydration data, so the wasm needs no request or async code for it.
#[derive(Clone, Copy)]
pub struct SchoolContext(StoredValue<Option<SchoolProfile>>);

impl SchoolContext {
    /// Puts the profile into context; must run inside `App` during render.
    pub fn provide() {
        let shared = SharedValue::<_, crate::codec::Postcard>::new_with_encoding(current_profile);
        provide_context(Self(StoredValue::new(shared.into_inner())));
    }

    /// The profile in context (see [`crate::frame_context::provided`]).
    pub fn expect() -> Self {
        crate::frame_context::provided(|| Self(StoredValue::new(None)))
    }

    /// The school's name, if a school exists.
    pub fn name(&self) -> Option<String> {
        self.0.with_value(|p| p.as_ref().map(|p| p.name.clone()))
    }

    /// The school's short name, for a phone's top bar.
    pub fn short_name(&self) -> Option<String> {
        self.0
            .with_value(|p| p.as_ref().map(|p| p.short_name.clone()))
    }
}

#[cfg(feature = "ssr")]
fn current_profile() -> Option<SchoolProfile> {
    use_context::<crate::state::AppState>().and_then(|state| state.school.clone())
}

#[cfg(not(feature = "ssr"))]
fn current_profile() -> Option<SchoolProfile> {
    // Only reached without hydration data, which the server always sends.
    None
}
