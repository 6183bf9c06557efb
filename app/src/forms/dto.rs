//! What the forms pages receive from the server: every word already made in each shipped
//! language, so switching language needs no request and the main wasm carries none of them.

use crate::i18n::PerLocale;
use serde::{Deserialize, Serialize};

/// Where a child stands with a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Open and not answered yet.
    ToDo,
    /// Answered.
    Done,
    /// A consent given, then withdrawn.
    Withdrawn,
    /// Closed without an answer.
    Overdue,
    /// Answered, but the consent given lapsed.
    Lapsed,
}

impl Status {
    /// The class of its badge.
    pub fn badge_class(self) -> &'static str {
        match self {
            Status::ToDo => "badge badge--todo",
            Status::Done => "badge badge--done",
            Status::Withdrawn | Status::Overdue | Status::Lapsed => "badge badge--late",
        }
    }
}

/// A child's line on a form's card: their name and where they stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildStatus {
    /// The child's id, for the form's address.
    pub pupil_id: i32,
    /// The child's name.
    pub name: String,
    /// Where they stand.
    pub status: Status,
    /// The status in words, in each language.
    pub label: PerLocale<String>,
}

/// A form on the family's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormCard {
    /// The form's id.
    pub id: i32,
    /// Its title in each language (the original where it has no translation).
    pub title: PerLocale<String>,
    /// "Please answer by 12 December 2026" or "Closed on …", in each language.
    pub due: PerLocale<String>,
    /// Each child it is for.
    pub children: Vec<ChildStatus>,
    /// Answered once for all of them: one link, not one per child.
    pub per_family: bool,
}

/// The family's forms, those still to do first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormList {
    /// The forms.
    pub forms: Vec<FormCard>,
    /// "There are no forms waiting for you."
    pub empty: PerLocale<String>,
    /// The link to the guardian's contact details (none for staff).
    pub contact: Option<PerLocale<String>>,
}

/// One question as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// Its name in the form (`f_<key>` is the input's name).
    pub key: String,
    /// Its kind, as stored (`short-text`, `consent`, …).
    pub kind: String,
    /// An answer is needed.
    pub required: bool,
    /// The question, in each language.
    pub label: PerLocale<String>,
    /// A consent's statement, in each language.
    pub wording: Option<PerLocale<String>>,
    /// The options: value and label (yes/no and consent have theirs made by the server).
    pub choices: Vec<(String, PerLocale<String>)>,
    /// "Answer this if you answered Yes above", for a question asked only then, with the
    /// question it depends on and the answer that shows it.
    pub shown_when: Option<(String, String, PerLocale<String>)>,
    /// What was typed or stored.
    pub value: String,
    /// A signature's drawing as stored (see [`super::drawing`]); empty when none.
    pub drawn: String,
    /// Why the answer was refused, in each language.
    pub problem: Option<PerLocale<String>>,
    /// Locked: a consent this guardian may not give (the reason is [`FormWords::no_consent`]).
    pub locked: bool,
}

/// The form page's own words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormWords {
    /// "Send", or "Send my changes".
    pub send: PerLocale<String>,
    /// "Required".
    pub required: PerLocale<String>,
    /// Only guardians the school holds consent rights for may answer consent questions.
    pub no_consent: PerLocale<String>,
    /// "This form is not translated into your language; it is shown as the school wrote it."
    pub not_translated: PerLocale<String>,
    /// "Your answers were not sent:" above the problems.
    pub not_sent: PerLocale<String>,
    /// "All forms", back to the list.
    pub back: PerLocale<String>,
    /// "Answering for", above the child switcher; on a form answered once per family, "One
    /// answer for all your children:" before their names.
    pub answering_for: PerLocale<String>,
    /// "Withdraw my consent".
    pub withdraw: PerLocale<String>,
    /// "Thank you: your answers were sent."
    pub sent: PerLocale<String>,
    /// "You may also sign with your finger in the box", naming the signature box.
    pub draw: PerLocale<String>,
    /// "Clear the drawing".
    pub clear: PerLocale<String>,
    /// "What you typed earlier on this phone is back: nothing was sent yet."
    pub draft_restored: PerLocale<String>,
    /// "Sent before:", beside the name of the file a file question holds.
    pub file_held: PerLocale<String>,
    /// "A PDF, up to 5 MB. Choose one only to send a new file."
    pub file_hint: PerLocale<String>,
}

/// A form for one child, as the signed-in guardian answers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPage {
    /// The form's id.
    pub id: i32,
    /// The title in each language (the original where it has no translation).
    pub title: PerLocale<String>,
    /// What the form is about, in each language.
    pub intro: PerLocale<String>,
    /// The language tag each locale's texts are in (`lang` of the form), and whether that is
    /// a translation the reader asked for (`false`: shown as written, with a note).
    pub shown_in: PerLocale<(String, bool)>,
    /// When it closes, in each language.
    pub due: PerLocale<String>,
    /// The child answered for.
    pub child: ChildStatus,
    /// The guardian's other children the form is for.
    pub siblings: Vec<ChildStatus>,
    /// One answer for the child and every sibling: no choosing between them.
    pub per_family: bool,
    /// The questions.
    pub fields: Vec<FieldView>,
    /// "You answered on 3 December 2026 at 10:40" once answered; "Sent." right after.
    pub answered: Option<PerLocale<String>>,
    /// The answer's version the page shows (0 before the first): a change is sent against it.
    pub version: i32,
    /// The page's one-time token, so a submission sent twice is stored once.
    pub token: String,
    /// Still open for answers.
    pub open: bool,
    /// A consent given here may be withdrawn.
    pub can_withdraw: bool,
    /// Why the submission was refused, when it was.
    pub problem: Option<PerLocale<String>>,
    /// The page's words.
    pub words: FormWords,
    /// Set when a member of staff records a guardian's answer given by phone.
    pub on_behalf: Option<OnBehalf>,
}

/// A form page a member of staff fills in for a guardian who answered by phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnBehalf {
    /// The guardian who answered.
    pub guardian_id: i32,
    /// "You are recording the answers … gave by phone", in each language.
    pub note: PerLocale<String>,
    /// Where the page posts.
    pub action: String,
    /// Back to the form's figures.
    pub back: String,
}
