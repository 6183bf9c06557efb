//! What the contact-details page and the office's list of changes receive from the server:
//! every word made there in each shipped language, so the pages switch language in the browser
//! and the main wasm carries none of them.

use crate::i18n::PerLocale;
use serde::{Deserialize, Serialize};

/// One of a guardian's contact details on their page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactField {
    /// The input's name.
    pub name: String,
    /// What it is, in each language.
    pub label: PerLocale<String>,
    /// What the school holds, or what was typed on a refused page.
    pub value: String,
    /// An e-mail address rather than a phone number.
    pub email: bool,
    /// Why what was typed was refused.
    pub problem: Option<PerLocale<String>>,
}

/// A guardian's contact details as the school holds them, to ask for a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPage {
    /// The details.
    pub fields: Vec<ContactField>,
    /// A change asked for and not yet decided: when, then each detail it changes.
    pub waiting: Option<(PerLocale<String>, Vec<PerLocale<String>>)>,
    /// Why the last post was refused.
    pub problem: Option<PerLocale<String>>,
    /// Heading, introduction, send button, "sent" note.
    pub words: [PerLocale<String>; 4],
}

/// A change on the office's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRow {
    /// The change's id, for the decision.
    pub id: i32,
    /// The guardian who asked.
    pub who: String,
    /// "Contact details" or "Photo consent for Amelia Thompson".
    pub about: PerLocale<String>,
    /// Each value that changes: "Phone: 01632 960000 → 07700 900123".
    pub lines: Vec<PerLocale<String>>,
    /// When and how it was asked (and, once decided, by whom and when).
    pub when: PerLocale<String>,
}

/// The changes families asked for: those waiting for a decision, then the latest decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeQueue {
    /// Waiting, oldest first.
    pub waiting: Vec<ChangeRow>,
    /// Decided, newest first.
    pub decided: Vec<ChangeRow>,
    /// What the last decision did.
    pub done: Option<PerLocale<String>>,
    /// Why the last decision was refused.
    pub problem: Option<PerLocale<String>>,
    /// Heading, introduction, "nothing waiting", approve, reject, "decided" heading.
    pub words: [PerLocale<String>; 6],
}
