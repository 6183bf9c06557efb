//! What the staff forms pages receive: every word made in each shipped language on the server.

use crate::i18n::PerLocale;
use crate::notices::compose_dto::Target;
use serde::{Deserialize, Serialize};

/// A form on the staff list, with how far its answers have come.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFormRow {
    /// The form's id.
    pub id: i32,
    /// Its title, in each language.
    pub title: PerLocale<String>,
    /// "Closes 12 December 2026, 00:00", in each language.
    pub due: PerLocale<String>,
    /// "12 of 58 answered · 1 conflicting", in each language.
    pub progress: PerLocale<String>,
}

/// The forms a member of staff looks after.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFormList {
    /// The forms, newest first.
    pub forms: Vec<StaffFormRow>,
    /// Where to start a form from each template, with the link's words ("New trip consent
    /// form", …).
    pub templates: Vec<(String, PerLocale<String>)>,
    /// For the office and leadership: the changes families asked for, with how many wait.
    pub changes: Option<(String, PerLocale<String>)>,
    /// The page's words: heading, "No forms yet".
    pub words: [PerLocale<String>; 2],
}

/// One language's title and details on the new form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageTexts {
    /// The language's tag.
    pub language: String,
    /// "English", "中文", … with "(required)" on the first.
    pub label: PerLocale<String>,
    /// The title typed.
    pub title: String,
    /// The details typed.
    pub details: String,
}

/// The new trip consent form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFormPage {
    /// Title and details in each shipped language, side by side; the first is required.
    pub texts: Vec<LanguageTexts>,
    /// The year groups and classes the member of staff may send it to.
    pub targets: Vec<Target>,
    /// The ids ticked.
    pub ticked: Vec<String>,
    /// The closing day typed (`YYYY-MM-DD`).
    pub closes: String,
    /// Why it was refused, when it was.
    pub problem: Option<PerLocale<String>>,
    /// The template it starts from (`templates::code`), posted with it.
    pub template: String,
    /// The page's words: heading, "Title", "Details", "Who is it for?", "Closes on", "Create",
    /// "Not created".
    pub words: [PerLocale<String>; 7],
    /// The question editor, on a form with the school's own questions.
    pub builder: Option<Builder>,
}

/// The questions of a form with the school's own questions, as typed, and the editor's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Builder {
    /// The questions, in order.
    pub questions: Vec<QuestionDraft>,
    /// The kinds of question: code and name.
    pub kinds: Vec<(String, PerLocale<String>)>,
    /// Each language's tag, with the labels of a question's words, options and statement in it.
    pub languages: Vec<(String, [PerLocale<String>; 3])>,
    /// "Questions", "Kind of answer", "An answer is needed", "Ask it", "Add a question", and
    /// which words each kind uses.
    pub words: [PerLocale<String>; 6],
    /// Answered once per family rather than once per child.
    pub per_family: bool,
    /// "Who answers?", "Once for each child", "Once for the whole family".
    pub family_words: [PerLocale<String>; 3],
}

/// One question as typed on the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDraft {
    /// Its number, from 1.
    pub number: usize,
    /// Its kind's code.
    pub kind: String,
    /// An answer is needed.
    pub required: bool,
    /// In each language of [`Builder::languages`], in order: the question, the options (one per
    /// line), the statement agreed to.
    pub texts: Vec<[String; 3]>,
    /// The number of the question it depends on; empty: always.
    pub when: String,
    /// "Question 2".
    pub heading: PerLocale<String>,
    /// "Always", then "When question 1 is answered Yes", … for each earlier question.
    pub conditions: Vec<(String, PerLocale<String>)>,
    /// "Remove question 2".
    pub remove: PerLocale<String>,
    /// "Move question 2 up", from the second on.
    pub up: Option<PerLocale<String>>,
}

/// One guardian's latest answer, as a form's figures show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianAnswer {
    /// "Sam Thompson: gives consent, 3 December, 10:40", in each language.
    pub summary: PerLocale<String>,
    /// The signature they drew (see [`super::drawing`]), with what it is in each language.
    pub drawing: Option<(String, PerLocale<String>)>,
    /// The files they sent: where to download each, and its name.
    pub files: Vec<(String, String)>,
}

/// A child's row in a form's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildRow {
    /// The child's name.
    pub name: String,
    /// The child's class.
    pub class: String,
    /// Where the child stands: to do, done, conflicting, withdrawn, closed.
    pub status: PerLocale<String>,
    /// Its badge's class.
    pub badge: String,
    /// Each guardian's latest answer.
    pub answers: Vec<GuardianAnswer>,
    /// Where to record an answer given by phone, while the form is open.
    pub record: Option<String>,
}

/// A form's figures, for the staff who look after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFigures {
    /// The form's id.
    pub id: i32,
    /// Its title, in each language.
    pub title: PerLocale<String>,
    /// "12 of 58 answered · 1 conflicting", in each language.
    pub progress: PerLocale<String>,
    /// Every child asked, conflicts and those still to do first.
    pub children: Vec<ChildRow>,
    /// What became of the reminder just asked for, when one was.
    pub note: Option<PerLocale<String>>,
    /// "Last reminder sent …", once one was.
    pub last_reminded: Option<PerLocale<String>>,
    /// The form still takes answers, so those waiting may be reminded.
    pub open: bool,
    /// The page's words: "All forms", "Child", "Class", "Status", "Answers", "Remind those
    /// still to answer", "Download CSV", "Download Excel (XLSX)", "Record an answer given by
    /// phone", "Printable list".
    pub words: [PerLocale<String>; 10],
}

/// A guardian of the child who may have answered by phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianChoice {
    /// The record page for them.
    pub href: String,
    /// "Sam Thompson (Mother)", in each language.
    pub label: PerLocale<String>,
    /// Why they cannot consent, when the form asks consent and the roster does not let them.
    pub note: Option<PerLocale<String>>,
}

/// Recording an answer given by phone: first whose, then the form filled in for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPage {
    /// The form's title, in each language.
    pub title: PerLocale<String>,
    /// The child's name.
    pub child: String,
    /// Back to the form's figures.
    pub back: String,
    /// The child's guardians, before one is chosen.
    pub choices: Vec<GuardianChoice>,
    /// The form for the chosen guardian.
    pub form: Option<super::FormPage>,
    /// The page's words: "Record an answer given by phone", "Who gave the answer?", "All
    /// answers".
    pub words: [PerLocale<String>; 3],
}

/// What one guardian told the school on a form, for its printable list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianNotes {
    /// The guardian's name.
    pub name: String,
    /// "Medical needs: Yes", one per question answered, in each language.
    pub answers: Vec<PerLocale<String>>,
}

/// A child's line on a form's printable list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripRow {
    /// The child's name.
    pub name: String,
    /// The child's class.
    pub class: String,
    /// "Gives consent", "Parents disagree", "To do", …, in each language.
    pub consent: PerLocale<String>,
    /// Its badge's class.
    pub badge: String,
    /// What each guardian who answered told the school.
    pub notes: Vec<GuardianNotes>,
}

/// A form's printable list: every child asked, by class, with their consent and notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripList {
    /// The form's id.
    pub id: i32,
    /// Its title, in each language.
    pub title: PerLocale<String>,
    /// "Printed on …: 28 children, 25 with consent", in each language.
    pub summary: PerLocale<String>,
    /// The form asks a consent, so the list has its column.
    pub asks_consent: bool,
    /// Every child asked.
    pub rows: Vec<TripRow>,
    /// The page's words: "The form's answers", "Print", "Child", "Class", "Consent", "What
    /// parents told us".
    pub words: [PerLocale<String>; 6],
}
