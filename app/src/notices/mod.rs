//! The noticeboard: notices targeted at the school, year groups, classes or single pupils, in the
//! families' languages, read and acknowledged per guardian.
//!
//! Parents' pages are app routes whose content the server renders (`board_page`, `page_html`);
//! staff pages are server-rendered documents (`staff/`), the compose page with the app's wasm
//! only for drafts that save as they are typed (`autosave`).

#[cfg(feature = "hydrate")]
pub mod autosave;
pub mod board_page;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod guardian_view;
#[cfg(feature = "ssr")]
pub mod page_html;
#[cfg(feature = "ssr")]
pub mod rich_text;
#[cfg(feature = "ssr")]
pub mod staff;
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
pub mod target {
    /// The whole school (target id = school id).
    pub const SCHOOL: &str = "school";
    /// A year group.
    pub const YEAR_GROUP: &str = "year";
    /// A class.
    pub const CLASS: &str = "class";
    /// One pupil.
    pub const PUPIL: &str = "pupil";
}

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

/// A parents' notice page the server renders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeScreen {
    /// `/notices`.
    Board,
    /// `/notices/{id}`, with the original beside a translation when asked.
    Notice {
        /// The notice's id.
        id: i32,
        /// Show the original too.
        original: bool,
    },
    /// `/notifications`.
    Notifications,
    /// `/notifications/email`: which notices also come by e-mail; `saved` after a save.
    EmailSettings {
        /// Just saved: say so.
        saved: bool,
    },
}

/// A page rendered by the server: its title and finished, escaped markup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedScreen {
    /// For `<title>`.
    pub title: String,
    /// Inserted as it is.
    pub html: String,
}

#[cfg(feature = "ssr")]
pub use dto::*;

/// What the server-side renderers of parents' pages work from.
#[cfg(feature = "ssr")]
mod dto {
    use super::Category;
    use serde::{Deserialize, Serialize};

    /// One notice on a guardian's board.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct NoticeCard {
        /// The notice's id.
        pub id: i32,
        /// The title, in the reader's language when translated.
        pub title: String,
        /// The start of the text, plain.
        pub excerpt: String,
        /// Its category.
        pub category: Category,
        /// Kept at the top.
        pub pinned: bool,
        /// When it was published, formatted for the reader.
        pub published: String,
        /// The children it concerns, by name.
        pub children: Vec<String>,
        /// Opened already.
        pub read: bool,
        /// Needs an acknowledgement that has not been given.
        pub awaiting_ack: bool,
    }

    /// A guardian's board.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Board {
        /// Newest first, pinned on top.
        pub cards: Vec<NoticeCard>,
        /// Notices not opened yet (all of them, not only those shown).
        pub unread: u32,
    }

    /// A notice's text in one language.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct NoticeText {
        /// The language's tag.
        pub language: String,
        /// The title.
        pub title: String,
        /// Sanitized HTML, safe to insert.
        pub body_html: String,
    }

    /// A file attached to a notice, as a download link.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AttachmentLink {
        /// The access-checked address.
        pub href: String,
        /// The file's name.
        pub name: String,
        /// Its size, formatted for the reader.
        pub size: String,
    }

    /// One of the reader's children a notice concerns.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ConcernedChild {
        /// The pupil's id (the acknowledgement form sends it).
        pub id: i32,
        /// The name the family uses.
        pub name: String,
    }

    /// A notice as a guardian reads it.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct NoticeDetail {
        /// The notice's id.
        pub id: i32,
        /// The text shown: the reader's language when translated, else the original.
        pub text: NoticeText,
        /// Set when `text` is a translation and the reader asked to see the original beside it.
        pub original: Option<NoticeText>,
        /// Whether `text` is a translation (so "show original" is offered).
        pub translated: bool,
        /// The translation was written for an earlier version of the original.
        pub stale: bool,
        /// Its category.
        pub category: Category,
        /// When it was published, formatted for the reader.
        pub published: String,
        /// The reader's children it concerns.
        pub children: Vec<ConcernedChild>,
        /// Needs acknowledging.
        pub ack_required: bool,
        /// The date to acknowledge by, formatted.
        pub ack_by: Option<String>,
        /// "Acknowledged for Amy on 3 March", once done.
        pub acknowledged: Option<String>,
        /// Attached files.
        pub attachments: Vec<AttachmentLink>,
    }

    /// One entry in the notification centre.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct NotificationItem {
        /// The notice it points to.
        pub notice_id: i32,
        /// The notice's title, in the reader's language when translated.
        pub title: String,
        /// A reminder rather than a new notice.
        pub reminder: bool,
        /// When, formatted.
        pub when: String,
        /// Not opened yet.
        pub unread: bool,
    }
}

/// One of the signed-in guardian's notice pages, rendered in their language. Opening a notice
/// marks it read.
#[server(endpoint = "notices/page", input = leptos::server_fn::codec::Json)]
pub async fn render_notice_screen(screen: NoticeScreen) -> Result<RenderedScreen, AppError> {
    crate::error::respond(guardian_view::render(screen).await)
}

/// What an autosave did: the draft's id (new on the first save), the audience's reach and a
/// "saved at" line, both in the author's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Autosaved {
    /// The draft's id, for the form's hidden `id` field.
    pub id: i32,
    /// "Reaches 58 families …", or empty with no audience chosen.
    pub reach: String,
    /// "Draft saved at 14:05."
    pub status: String,
}

/// Saves a draft notice as its author types; `fields` are the compose form's text fields.
#[server(endpoint = "notices/autosave", input = leptos::server_fn::codec::Json)]
pub async fn autosave_notice(fields: Vec<(String, String)>) -> Result<Autosaved, AppError> {
    crate::error::respond(staff::compose::autosave(fields).await)
}

/// Saves the guardian's e-mail choice per category (`instant`, `digest` or `off`), then returns
/// to the settings page. A plain form post.
#[server(endpoint = "notices/email-settings")]
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
#[server(endpoint = "notices/acknowledge")]
pub async fn acknowledge_notice(id: i32, pupil: i32) -> Result<(), AppError> {
    crate::error::respond(guardian_view::acknowledge(id, pupil).await)
}
