//! What the staff notice pages receive from the server: typed data with every date formatted for
//! each shipped language, so the language menu switches them without a request.

use super::{AttachmentLink, Category};
use crate::i18n::PerLocale;
use crate::sanitized::SanitizedHtml;
use serde::{Deserialize, Serialize};

/// Where a notice is in its life, as staff see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeState {
    /// Being written.
    Draft,
    /// Published with a time still to come.
    Scheduled,
    /// Out.
    Published,
    /// Past its removal time.
    Expired,
    /// Taken back.
    Withdrawn,
}

impl NoticeState {
    /// The label in `locale`.
    pub fn label(self, locale: crate::i18n::Locale) -> String {
        match self {
            NoticeState::Draft => crate::msg!(locale, "notice-status-draft"),
            NoticeState::Scheduled => crate::msg!(locale, "notice-status-scheduled"),
            NoticeState::Published => crate::msg!(locale, "notice-status-published"),
            NoticeState::Expired => crate::msg!(locale, "notice-status-expired"),
            NoticeState::Withdrawn => crate::msg!(locale, "notice-status-withdrawn"),
        }
    }
}

/// One notice in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNoticeRow {
    /// The notice's id.
    pub id: i32,
    /// Its title, as written.
    pub title: String,
    /// Where it is in its life.
    pub state: NoticeState,
    /// When it was (or will be) published.
    pub published: Option<PerLocale<String>>,
}

/// The staff list of notices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNoticeList {
    /// The reader may write notices.
    pub may_write: bool,
    /// Newest change first.
    pub notices: Vec<StaffNoticeRow>,
}

/// One class's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRow {
    /// The class's name; empty for pupils without a class.
    pub name: String,
    /// Guardians reached through a child in the class.
    pub reached: u32,
    /// Of those, how many opened it.
    pub read: u32,
    /// Of those, how many acknowledged it.
    pub acknowledged: u32,
}

/// A guardian who has not yet done what the notice asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Their name.
    pub name: String,
    /// "Amy Thompson (3A), Ben Thompson (5B)".
    pub children: String,
    /// Opened it (but not acknowledged).
    pub read: bool,
}

/// Who a published notice reached and what they did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureSummary {
    /// Households reached.
    pub families: u32,
    /// Guardians reached.
    pub reached: u32,
    /// Guardians who opened it.
    pub read: u32,
    /// Guardians who acknowledged it.
    pub acknowledged: u32,
    /// Per class, by name.
    pub classes: Vec<ClassRow>,
    /// Those still to read (or acknowledge, when asked).
    pub waiting: Vec<Waiting>,
}

/// A translation as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationRow {
    /// The language's tag.
    pub language: String,
    /// Its title.
    pub title: String,
    /// Written for an earlier version of the original.
    pub stale: bool,
}

/// What an audit entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryAction {
    /// Published or scheduled.
    Published,
    /// Changed after publishing.
    Edited,
    /// Taken back.
    Withdrawn,
    /// Reminders sent.
    Reminded,
    /// The list downloaded.
    Exported,
}

/// One line of a notice's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When.
    pub when: PerLocale<String>,
    /// What.
    pub action: HistoryAction,
    /// Who (a member of staff's name or e-mail).
    pub who: String,
}

/// An earlier version of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionEntry {
    /// Its number.
    pub revision: i32,
    /// When it was replaced.
    pub when: PerLocale<String>,
    /// Its language's tag.
    pub language: String,
    /// Its title.
    pub title: String,
    /// Its Markdown, shown as text.
    pub source: String,
}

/// One notice as staff see it: facts, figures, text, translations, files and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNotice {
    /// The notice's id.
    pub id: i32,
    /// The original's language tag.
    pub language: String,
    /// The original title.
    pub title: String,
    /// The original body, sanitized.
    pub body: SanitizedHtml,
    /// Where it is in its life.
    pub state: NoticeState,
    /// Its category.
    pub category: Category,
    /// When it was (or will be) published.
    pub published: Option<PerLocale<String>>,
    /// When it leaves the noticeboard.
    pub expires: Option<PerLocale<String>>,
    /// Parents must acknowledge it.
    pub ack_required: bool,
    /// By when.
    pub ack_by: Option<PerLocale<String>>,
    /// The reader may edit it (and withdraw it while published).
    pub may_change: bool,
    /// Figures, once it is not a draft.
    pub figures: Option<FigureSummary>,
    /// Its translations.
    pub translations: Vec<TranslationRow>,
    /// Its files.
    pub files: Vec<AttachmentLink>,
    /// Published, edited, reminded, exported, withdrawn: who and when.
    pub history: Vec<HistoryEntry>,
    /// Earlier versions of the original.
    pub revisions: Vec<RevisionEntry>,
}

/// The percentage `part` is of `whole`, rounded; 0 of nothing.
pub fn percent(part: u32, whole: u32) -> u32 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}
