//! What the parents' notice pages receive from the server: typed data, with every translation a
//! notice has and every date already formatted for each shipped language, so switching language
//! in the browser changes the page without a request.

use super::{Category, EmailMode};
use crate::i18n::{Locale, PerLocale};
use crate::sanitized::SanitizedHtml;
use serde::{Deserialize, Serialize};

/// Content written in one language (a notice's original or one of its translations).
pub trait Written {
    /// The language's tag, as stored (`en-GB`, `zh-CN`, `ar`).
    fn language(&self) -> &str;
}

/// What a reader of `locale` is shown from `versions` (the original first, then translations):
/// their own language when there is a version in it, else the original. `None` when empty.
pub fn for_reader<T: Written>(versions: &[T], locale: Locale) -> Option<&T> {
    versions
        .iter()
        .find(|v| v.language() == locale.tag())
        .or_else(|| versions.first())
}

/// A card's title and excerpt in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardText {
    /// The language's tag.
    pub language: String,
    /// The title.
    pub title: String,
    /// The start of the text, plain.
    pub excerpt: String,
}

impl Written for CardText {
    fn language(&self) -> &str {
        &self.language
    }
}

/// One notice on a guardian's board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeCard {
    /// The notice's id.
    pub id: i32,
    /// The original first, then every translation.
    pub texts: Vec<CardText>,
    /// Its category.
    pub category: Category,
    /// Kept at the top.
    pub pinned: bool,
    /// When it was published.
    pub published: PerLocale<String>,
    /// The reader's children it concerns (the chosen one only, when one is chosen).
    pub children: Vec<ConcernedChild>,
    /// Opened already.
    pub read: bool,
    /// Needs an acknowledgement that has not been given.
    pub awaiting_ack: bool,
    /// The date to acknowledge by, if the school set one.
    pub ack_by: Option<PerLocale<String>>,
}

/// A guardian's board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// Newest first, pinned on top.
    pub cards: Vec<NoticeCard>,
    /// Which page of the board these cards are (the first is 1).
    pub page: u32,
    /// Whether older notices follow on the next page (never on the home page).
    pub older: bool,
    /// Notices not opened yet (all of them, not only those shown).
    pub unread: u32,
    /// The family's events from today to a week ahead, for the home page's strip (the home page
    /// reads the board's data, so the strip costs no request of its own). Empty on the board.
    pub this_week: Vec<HomeRow>,
    /// The newest news posts, for the home page's "Latest news". Empty on the board.
    pub latest: Vec<HomeRow>,
    /// Forms still to answer, for the home page. Empty on the board.
    pub forms: Vec<HomeRow>,
}

/// A row of a block on the home page (an event this week, a news post), made on the server in
/// each language. One type for every block, sent as a JSON array, so the wasm every parent
/// downloads holds one decoder matching no field names and one view for all of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeRow(
    /// The page it links to.
    pub String,
    /// When (and for a post, which story) in each language: "Thursday 3 December 2026, 09:30
    /// to 15:00", "Class 3A · 2 December 2026, 14:05".
    pub PerLocale<String>,
    /// What it is in each language: an event's title ("Cancelled: …" once called off), a post's
    /// opening words.
    pub PerLocale<String>,
    /// "For Amir", "In this post: Amir" (the reader's children it concerns) in each language.
    pub Option<PerLocale<String>>,
    /// A small photo beside it (a post's first).
    pub Option<String>,
);

/// A notice's full text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeText {
    /// The language's tag.
    pub language: String,
    /// The title.
    pub title: String,
    /// The body, sanitized.
    pub body: SanitizedHtml,
    /// A translation written for an earlier version of the original.
    pub stale: bool,
}

impl Written for NoticeText {
    fn language(&self) -> &str {
        &self.language
    }
}

/// A file attached to a notice, as a download link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLink {
    /// The access-checked address.
    pub href: String,
    /// The file's name.
    pub name: String,
    /// Its size in whole kilobytes, rounded up.
    pub kb: u64,
}

/// One of the reader's children a notice concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernedChild {
    /// The pupil's id (the acknowledgement form sends it).
    pub id: i32,
    /// The name the family uses.
    pub name: String,
}

/// An acknowledgement already given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledged {
    /// The child it was given for.
    pub child: String,
    /// When.
    pub when: PerLocale<String>,
}

/// A notice as a guardian reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeDetail {
    /// The notice's id.
    pub id: i32,
    /// The original first, then every translation.
    pub texts: Vec<NoticeText>,
    /// Its category.
    pub category: Category,
    /// When it was published.
    pub published: PerLocale<String>,
    /// The reader's children it concerns.
    pub children: Vec<ConcernedChild>,
    /// Needs acknowledging.
    pub ack_required: bool,
    /// The date to acknowledge by.
    pub ack_by: Option<PerLocale<String>>,
    /// Set once acknowledged.
    pub acknowledged: Option<Acknowledged>,
    /// Attached files.
    pub attachments: Vec<AttachmentLink>,
}

/// A notice's title in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleText {
    /// The language's tag.
    pub language: String,
    /// The title.
    pub title: String,
}

impl Written for TitleText {
    fn language(&self) -> &str {
        &self.language
    }
}

/// One entry in the notification centre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationItem {
    /// The page it points to: a notice's, or the reports'.
    pub href: String,
    /// What it is, when not a notice ("New report"), in each language.
    pub kind: Option<PerLocale<String>>,
    /// The notice's title: the original first, then every translation.
    pub titles: Vec<TitleText>,
    /// A reminder rather than a new notice.
    pub reminder: bool,
    /// When.
    pub when: PerLocale<String>,
    /// Not opened yet.
    pub unread: bool,
}

/// A guardian's e-mail choice for one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailChoice {
    /// The category.
    pub category: Category,
    /// How its notices come by e-mail.
    pub mode: EmailMode,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(language: &str) -> TitleText {
        TitleText {
            language: language.into(),
            title: format!("in {language}"),
        }
    }

    #[test]
    fn a_reader_gets_their_language_else_the_original() {
        let versions = [title("en-GB"), title("ar")];
        assert_eq!(for_reader(&versions, Locale::Ar), Some(&versions[1]));
        assert_eq!(for_reader(&versions, Locale::ZhCn), Some(&versions[0]));
        assert_eq!(for_reader::<TitleText>(&[], Locale::ZhCn), None);
    }
}
