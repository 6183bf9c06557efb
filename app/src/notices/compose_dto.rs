//! What the compose page receives: the form as typed (or as stored), the audience the author may
//! choose from, and every message already made for each shipped language, so the language menu
//! switches the whole page without a request.

use crate::i18n::PerLocale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The compose form's fields exactly as typed, so a refused save shows them again unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeFields {
    /// The notice, once a first save has created it.
    pub id: Option<i32>,
    /// Title in the original language.
    pub title: String,
    /// Markdown source in the original language.
    pub body: String,
    /// Tag of the original language.
    pub language: String,
    /// Category code.
    pub category: String,
    /// Addressed to the whole school.
    pub whole_school: bool,
    /// Staff only (no parents).
    pub staff_only: bool,
    /// Chosen year groups.
    pub year_groups: Vec<i32>,
    /// Chosen classes.
    pub classes: Vec<i32>,
    /// Chosen single pupils.
    pub pupils: Vec<i32>,
    /// Parents must acknowledge it.
    pub ack_required: bool,
    /// Acknowledge-by date as typed (`YYYY-MM-DD`).
    pub ack_by: String,
    /// Publish time as typed (`datetime-local`, school time).
    pub publish_at: String,
    /// Removal time as typed.
    pub expires_at: String,
    /// Pinned to the top of the board.
    pub pinned: bool,
    /// Title and text per other language tag.
    pub translations: BTreeMap<String, (String, String)>,
    /// Attachments ticked for removal.
    pub remove_files: Vec<i32>,
}

/// A kind of audience the picker offers one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetKind {
    /// A year group.
    YearGroup,
    /// A class.
    Class,
    /// One pupil.
    Pupil,
}

impl TargetKind {
    /// The form field's name, as the server reads it.
    pub fn field(self) -> &'static str {
        match self {
            TargetKind::YearGroup => "year_group",
            TargetKind::Class => "class",
            TargetKind::Pupil => "pupil",
        }
    }

    /// The kind a form field's name stands for.
    pub fn from_field(name: &str) -> Option<TargetKind> {
        [TargetKind::YearGroup, TargetKind::Class, TargetKind::Pupil]
            .into_iter()
            .find(|kind| kind.field() == name)
    }
}

/// One year group, class or pupil the author may address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// What it is.
    pub kind: TargetKind,
    /// Its id.
    pub id: i32,
    /// Its name ("Year 3", "3A", a pupil's name).
    pub name: String,
    /// A pupil's class name, which also finds them in a search; empty otherwise.
    pub within: String,
}

/// What the author may address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceChoices {
    /// May address the whole school.
    pub whole_school: bool,
    /// Year groups, classes, then pupils by class, in the order the school lists them.
    pub targets: Vec<Target>,
}

/// An attachment already on the notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedFile {
    /// The attachment's id.
    pub id: i32,
    /// Its file name.
    pub name: String,
}

/// A problem with one field, shown beside it and listed above the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormProblem {
    /// The field's name (`title`, `audience`, `file`, …).
    pub field: String,
    /// The problem in each language.
    pub text: PerLocale<String>,
}

/// Everything the compose page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeForm {
    /// The fields.
    pub fields: ComposeFields,
    /// Already published: the audience is fixed and changes go out only on "Save changes".
    pub published: bool,
    /// What the audience picker offers.
    pub choices: AudienceChoices,
    /// Attachments already on the notice.
    pub files: Vec<AttachedFile>,
    /// Language tags whose translation is older than the original.
    pub stale: Vec<String>,
    /// "Reaches 58 families …" for the chosen audience.
    pub reach: Option<PerLocale<String>>,
    /// Problems from the last save.
    pub problems: Vec<FormProblem>,
    /// Notes from the last save ("Draft saved").
    pub notes: Vec<PerLocale<String>>,
    /// Largest attachment in MB, for the hint.
    pub max_file_mb: u32,
}

/// What an autosave did: the draft's id (new on the first save), the audience's reach and a
/// "saved at" line, in every language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Autosaved {
    /// The draft's id, for the form's hidden `id` field.
    pub id: i32,
    /// "Reaches 58 families …"; `None` with no audience chosen.
    pub reach: Option<PerLocale<String>>,
    /// "Draft saved at 14:05."
    pub status: PerLocale<String>,
}
