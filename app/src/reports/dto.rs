//! What the reports pages receive from the server: every word made there in each shipped
//! language, so the pages switch language in the browser and the main wasm carries none of them.

use crate::i18n::PerLocale;
use serde::{Deserialize, Serialize};

/// One report on a family's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLink {
    /// The cycle's name, as the school wrote it.
    pub name: String,
    /// Its kind and when it was published.
    pub about: PerLocale<String>,
    /// The signed download address, valid for a short while.
    pub href: String,
    /// "Download (1.2 MB)": the link's words with the file's size.
    pub download: PerLocale<String>,
    /// Not yet opened by this guardian.
    pub new: bool,
    /// "Corrected on …", when it replaced an earlier version.
    pub corrected: Option<PerLocale<String>>,
}

/// One school year of a child's reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportYear {
    /// "2026/27".
    pub year: String,
    /// Newest first.
    pub reports: Vec<ReportLink>,
}

/// A child's reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildReports {
    /// The child's name.
    pub name: String,
    /// Newest year first.
    pub years: Vec<ReportYear>,
}

/// The signed-in guardian's reports, per child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyReports {
    /// Each child the guardian receives reports for and the switcher shows.
    pub children: Vec<ChildReports>,
    /// Heading, "no reports yet", "new", "links last a while" note.
    pub words: [PerLocale<String>; 4],
}

/// A cycle on the office's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleRow {
    /// Its page.
    pub href: String,
    /// Its name.
    pub name: String,
    /// Kind, year groups and where it stands.
    pub about: PerLocale<String>,
    /// "12 of 60 opened" once published; "30 ready to publish" before.
    pub figures: PerLocale<String>,
}

/// A choice in a list: its value and label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// What the form posts.
    pub value: String,
    /// What the office reads.
    pub label: PerLocale<String>,
    /// Chosen (on a refused post, as it was typed).
    pub chosen: bool,
}

/// The office's report cycles, and the form for a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffReports {
    /// Newest first.
    pub cycles: Vec<CycleRow>,
    /// The new cycle's name, as typed.
    pub name: String,
    /// The kinds.
    pub kinds: Vec<Choice>,
    /// The year groups.
    pub year_groups: Vec<Choice>,
    /// Why the last new cycle was refused, and the field it is about.
    pub problem: Option<(String, PerLocale<String>)>,
    /// Heading, intro, "no cycles yet", new cycle heading, name label, kind label, year groups
    /// label, create button.
    pub words: [PerLocale<String>; 8],
}

/// A report waiting in a draft cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StagedRow {
    /// The child and class.
    pub child: String,
    /// The uploaded file's name and size.
    pub file: PerLocale<String>,
    /// The office's own download of it.
    pub href: String,
}

/// A file an upload could not take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRow {
    /// The name in the upload.
    pub file: String,
    /// Why.
    pub why: PerLocale<String>,
}

/// A published report with who opened it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenedRow {
    /// The report's id, to withdraw it.
    pub id: i32,
    /// The child and class.
    pub child: String,
    /// Who opened it and when, or "not opened yet".
    pub opened: PerLocale<String>,
    /// Opened by at least one guardian.
    pub seen: bool,
    /// The office's own download of it.
    pub href: String,
}

/// Where a cycle stands, for what its page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Uploads go to the preview; it can be published or its upload discarded.
    Draft,
    /// Families see it (or will, at its time): corrections, reminders, withdrawing.
    Published,
    /// Taken back: only its history shows.
    Withdrawn,
}

/// The fixed words of a cycle's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleWords {
    /// "Upload reports".
    pub upload_heading: PerLocale<String>,
    /// How to name the files.
    pub naming: PerLocale<String>,
    /// The file input's label.
    pub files_label: PerLocale<String>,
    /// The upload button.
    pub upload: PerLocale<String>,
    /// "Ready to publish".
    pub preview_heading: PerLocale<String>,
    /// "Not taken from the last upload".
    pub refused_heading: PerLocale<String>,
    /// The publish button.
    pub publish: PerLocale<String>,
    /// The publish time's label, and what leaving it empty does.
    pub publish_at: PerLocale<String>,
    /// The discard button.
    pub discard: PerLocale<String>,
    /// "Who has opened each report".
    pub opened_heading: PerLocale<String>,
    /// "Downloads".
    pub downloads_heading: PerLocale<String>,
    /// The link back to every cycle.
    pub back: PerLocale<String>,
    /// "Open the PDF".
    pub open: PerLocale<String>,
    /// "Upload corrected reports", and what a corrected version does.
    pub correct_heading: PerLocale<String>,
    /// What a corrected version does.
    pub correct_hint: PerLocale<String>,
    /// The remind button.
    pub remind: PerLocale<String>,
    /// Withdrawing the whole cycle.
    pub withdraw_cycle: PerLocale<String>,
    /// Withdrawing one report.
    pub withdraw_report: PerLocale<String>,
    /// "Uploaded so far" beside the progress bar.
    pub uploading: PerLocale<String>,
    /// The upload did not go through.
    pub upload_failed: PerLocale<String>,
}

/// A cycle's page for the office: the upload and its preview while a draft; once published,
/// who has opened each report and every download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CyclePage {
    /// The cycle's id.
    pub id: i32,
    /// Its name.
    pub name: String,
    /// Kind, year groups and where it stands.
    pub about: PerLocale<String>,
    /// Where it stands.
    pub stage: Stage,
    /// When families were last reminded.
    pub reminded: Option<PerLocale<String>>,
    /// Reports waiting to be published.
    pub staged: Vec<StagedRow>,
    /// Files the last upload could not take.
    pub refused: Vec<RefusedRow>,
    /// Published reports, those not opened first.
    pub reports: Vec<OpenedRow>,
    /// "12 of 60 opened".
    pub figures: PerLocale<String>,
    /// The latest downloads: who, which report, when, from where.
    pub downloads: Vec<PerLocale<String>>,
    /// What the last action did.
    pub done: Option<PerLocale<String>>,
    /// Why the last action was refused.
    pub problem: Option<PerLocale<String>>,
    /// The page's fixed words.
    pub words: CycleWords,
}
