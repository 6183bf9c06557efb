//! Reports families download: end-of-term, progress, assessment and statutory reports, one PDF
//! per pupil, grouped in cycles.
//!
//! The office makes a cycle for some year groups (`cycles`), uploads its PDFs as one ZIP or many
//! files (`intake`, each checked by `pdf_check` and matched to a pupil by the MIS id that starts
//! its name), sees a preview of what matched and what did not, and publishes the whole cycle at
//! once. Guardians whose link to a child says `receives_reports` see the child's reports
//! (`family`) and download them through short-lived signed links (`links`, `download`); every
//! download is recorded and shown to the office beside who has and has not opened each report.
//! Parents' and staff pages are one lazily loaded route each (`pages`, `staff_pages`), their
//! data started in their chunks and every word sent with it.

#[cfg(feature = "ssr")]
pub mod actions;
#[cfg(feature = "ssr")]
pub mod cycles;
#[cfg(feature = "ssr")]
pub mod download;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod family;
#[cfg(feature = "ssr")]
pub mod intake;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod notify;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod pdf_check;
#[cfg(feature = "ssr")]
pub mod sample;
pub mod staff_pages;
pub mod upload_progress;

use crate::error::AppError;
use crate::page_data::PageData;
use leptos::prelude::*;

/// The families' reports address.
pub const REPORTS_PATH: &str = "/reports";
/// Where the office makes and publishes report cycles.
pub const STAFF_REPORTS_PATH: &str = "/admin/reports";

/// The file field of a cycle's upload form.
pub const UPLOAD_FIELD: &str = "files";

/// A cycle's page for the office.
pub fn cycle_href(id: i32) -> String {
    format!("{STAFF_REPORTS_PATH}/{id}")
}

/// The address a cycle's files are uploaded to.
pub fn upload_href(id: i32) -> String {
    format!("{STAFF_REPORTS_PATH}/{id}/upload")
}

/// The kinds of cycle, by code.
pub mod kind {
    /// End of term, semester or year.
    pub const TERM: &str = "term";
    /// A progress check within a term.
    pub const PROGRESS: &str = "progress";
    /// An assessment's results (MAP, a phonics check).
    pub const ASSESSMENT: &str = "assessment";
    /// Statutory results (KS2 SATs, the multiplication check).
    pub const STATUTORY: &str = "statutory";
    /// Anything else.
    pub const OTHER: &str = "other";
    /// Every kind, in the order the office chooses from.
    pub const ALL: [&str; 5] = [TERM, PROGRESS, ASSESSMENT, STATUTORY, OTHER];
}

/// Where a cycle stands.
pub mod cycle_state {
    /// Being uploaded; families see nothing.
    pub const DRAFT: &str = "draft";
    /// Families see its reports (from `published_at`, which may be ahead).
    pub const PUBLISHED: &str = "published";
    /// Taken back by the office: families no longer see any of it.
    pub const WITHDRAWN: &str = "withdrawn";
}

/// Where a report stands.
pub mod report_state {
    /// Uploaded, waiting for its cycle to be published.
    pub const STAGED: &str = "staged";
    /// The version families see.
    pub const CURRENT: &str = "current";
    /// An earlier version a corrected one replaced, kept as history.
    pub const REPLACED: &str = "replaced";
    /// Taken back by the office: families no longer see it.
    pub const WITHDRAWN: &str = "withdrawn";
}

/// The signed-in guardian's reports ([`dto::FamilyReports`]), for the children the switcher shows.
#[server(endpoint = "reports/family", output = crate::codec::Answer)]
pub async fn load_family_reports() -> Result<PageData, AppError> {
    crate::page_data::answer(family::page().await)
}

/// The office's cycles ([`dto::StaffReports`]); or, given an `id`, that cycle's page
/// ([`dto::CyclePage`]), saying what became of what was just done (`done`).
#[server(endpoint = "reports/staff", output = crate::codec::Answer)]
pub async fn load_staff_reports(
    id: Option<i32>,
    done: Option<String>,
) -> Result<PageData, AppError> {
    match id {
        None => crate::page_data::answer(cycles::list_page().await),
        Some(id) => crate::page_data::answer(cycles::cycle_page(id, done).await),
    }
}
