//! The noticeboard: notices targeted at the school, year groups, classes or single pupils, in the
//! families' languages, read and acknowledged per guardian.
//!
//! Parents' pages are Leptos routes (`reader/`) on typed data (`dto`), as are the staff pages —
//! the list, each notice's figures and the compose form (`staff_pages/`, `staff_dto`,
//! `compose_dto`); their server side is `guardian_view` and `staff/`.

#[cfg(feature = "hydrate")]
mod autosave;
pub mod compose_dto;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod guardian_view;
pub mod reader;
#[cfg(feature = "ssr")]
pub mod rich_text;
#[cfg(feature = "ssr")]
pub mod staff;
pub mod staff_dto;
pub mod staff_pages;
#[cfg(feature = "ssr")]
pub mod stats;
#[cfg(feature = "ssr")]
pub mod store;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A notice's state.
pub mod status {
    /// Being written; nobody but staff sees it.
    pub const DRAFT: &str = "draft";
    /// Out (or scheduled: visible from its `publish_at`).
    pub const PUBLISHED: &str = "published";
    /// Taken back; gone from parents' boards.
    pub const WITHDRAWN: &str = "withdrawn";
}

/// The kinds of `notice_target` rows.
pub use crate::audience::target;

/// What kind of notice; parents choose e-mail per category, and urgent ones always arrive at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Everything else.
    #[default]
    General,
    /// Something happening on a date.
    Event,
    /// A school trip.
    Trip,
    /// The school or part of it is closed.
    Closure,
    /// Needs attention today.
    Urgent,
}

impl Category {
    /// Every category, in the order forms list them.
    pub const ALL: [Category; 5] = [
        Category::General,
        Category::Event,
        Category::Trip,
        Category::Closure,
        Category::Urgent,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Category::General => "general",
            Category::Event => "event",
            Category::Trip => "trip",
            Category::Closure => "closure",
            Category::Urgent => "urgent",
        }
    }

    /// The category for a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The category's name in `locale`.
    pub fn name(self, locale: crate::i18n::Locale) -> String {
        match self {
            Category::General => crate::msg!(locale, "notice-category-general"),
            Category::Event => crate::msg!(locale, "notice-category-event"),
            Category::Trip => crate::msg!(locale, "notice-category-trip"),
            Category::Closure => crate::msg!(locale, "notice-category-closure"),
            Category::Urgent => crate::msg!(locale, "notice-category-urgent"),
        }
    }
}

/// How a guardian wants e-mail for a category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailMode {
    /// One e-mail per notice, as it is published.
    #[default]
    Instant,
    /// One e-mail a day listing the new notices.
    Digest,
    /// No e-mail (the app still shows it).
    Off,
}

impl EmailMode {
    /// Every mode.
    pub const ALL: [EmailMode; 3] = [EmailMode::Instant, EmailMode::Digest, EmailMode::Off];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            EmailMode::Instant => "instant",
            EmailMode::Digest => "digest",
            EmailMode::Off => "off",
        }
    }

    /// The mode for a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
}

pub use compose_dto::*;
pub use dto::*;
pub use staff_dto::*;

/// The school's notices the signed-in member of staff may see.
#[server(endpoint = "notices/staff-list", output = crate::codec::Answer)]
pub async fn load_staff_notices() -> Result<StaffNoticeList, AppError> {
    crate::error::respond(staff::list().await)
}

/// One notice with its figures, for a member of staff who may see them.
#[server(endpoint = "notices/staff-notice", output = crate::codec::Answer)]
pub async fn load_staff_notice(id: i32) -> Result<StaffNotice, AppError> {
    crate::error::respond(staff::notice_page::load(id).await)
}

/// The signed-in guardian's board, filtered by the child switcher, with every translation; with
/// `home`, also what the home page shows beside it (the week's events, latest news, forms to do);
/// else one `page` of the board (the first when none).
#[server(endpoint = "notices/board", output = crate::codec::Answer)]
pub async fn load_board(home: Option<bool>, page: Option<u32>) -> Result<Board, AppError> {
    // Boxed: the page's resource moves this future several times before it runs, and unboxed
    // it holds every statement's state inline (about 1 % of a board's CPU was those copies).
    let board = Box::pin(guardian_view::board(
        home.unwrap_or(false),
        page.unwrap_or(1),
    ));
    crate::error::respond(board.await)
}

/// The compose page's data: the notice `id` (a draft or a published notice), or a new one —
/// started from the calendar's `event` when one is named, else empty; when the page answers a
/// form post, the form as posted with its problems.
#[server(endpoint = "notices/compose", output = crate::codec::Answer)]
pub async fn load_compose(id: Option<i32>, event: Option<i32>) -> Result<ComposeForm, AppError> {
    crate::error::respond(staff::compose::load(id, event).await)
}

/// Saves a draft notice as its author types; `fields` are the compose form's text fields.
#[server(
    endpoint = "notices/autosave",
    input = leptos::server_fn::codec::Json,
    output = crate::codec::Answer
)]
pub async fn autosave_notice(fields: Vec<(String, String)>) -> Result<Autosaved, AppError> {
    crate::error::respond(staff::compose::autosave(fields).await)
}

/// Saves the guardian's e-mail choice per category (`instant`, `digest` or `off`), then returns
/// to the settings page. A plain form post.
#[server(endpoint = "notices/email-settings", output = crate::codec::Answer)]
pub async fn save_email_settings(
    general: String,
    event: String,
    trip: String,
    closure: String,
) -> Result<(), AppError> {
    crate::error::respond(guardian_view::save_email_settings([general, event, trip, closure]).await)
}

/// Acknowledges a notice for one of the guardian's children, then returns to the notice. A plain
/// form post, so it works without the wasm.
#[server(endpoint = "notices/acknowledge", output = crate::codec::Answer)]
pub async fn acknowledge_notice(id: i32, pupil: i32) -> Result<(), AppError> {
    crate::error::respond(guardian_view::acknowledge(id, pupil).await)
}
