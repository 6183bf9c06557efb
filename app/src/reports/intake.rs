//! An upload of a cycle's reports: one ZIP, many PDFs, or both. The request is streamed to
//! temporary files (never held whole in memory), then each PDF — a file of its own or an entry
//! of a ZIP — is checked (`pdf_check`), matched to a pupil by the MIS id its name starts with
//! (`<MIS id>_anything.pdf`, or the line naming it in a CSV sent with them: `file,mis_id`), and
//! staged in the file store for the cycle — or, once the cycle
//! is published, put in front of families at once as a corrected version of the child's report
//! (the one it replaces kept as history). What cannot be taken is listed with why, for the
//! preview. A ZIP entry whose name climbs out of the archive
//! (`../../etc/passwd`) is refused by name, and one that inflates past the size limit is
//! refused without being inflated further, as is an archive past [`MAX_ENTRIES`] or
//! [`MAX_EXPANDED_BYTES`].

use super::pdf_check::{self, PdfProblem};
use super::report_state;
use crate::db::entities::{enrolment, pupil, report, report_cycle};
use crate::error::AppError;
use crate::storage::SharedStore;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// The largest upload the office may send at once (a year group's reports in one ZIP).
pub const MAX_UPLOAD_BYTES: usize = 1024 * 1024 * 1024;
/// The most entries a ZIP may hold.
pub const MAX_ENTRIES: usize = 2000;
/// The most bytes a ZIP's entries may inflate to, all together.
pub const MAX_EXPANDED_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The largest CSV naming the files' pupils.
const MAX_CSV_BYTES: u64 = 1024 * 1024;

/// Why a file of an upload was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// The file itself cannot be a report.
    Pdf(PdfProblem),
    /// A ZIP entry named to climb out of the archive.
    UnsafeName,
    /// No pupil of the school has the MIS id the name starts with.
    Unmatched,
    /// The pupil is not in the cycle's year groups this year.
    NotInCycle,
    /// The pupil already has a report waiting in the cycle, or an earlier file of this upload.
    Duplicate,
    /// A ZIP that cannot be read.
    BadArchive,
    /// A ZIP with too many entries, or inflating to too much.
    ArchiveTooLarge,
    /// A CSV without `file` and `mis_id` columns, or not a CSV.
    BadCsv,
}

/// A file the upload could not take, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// Its name in the upload (for a ZIP's entry, its path in the archive).
    pub file: String,
    /// Why.
    pub why: Why,
}

/// A file as it arrived, in a temporary file that goes when this does.
pub struct Source {
    /// The name on the office's computer.
    pub name: String,
    /// The bytes, on disk.
    pub file: tempfile::NamedTempFile,
}

/// What an upload came to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Intake {
    /// Reports taken: staged in a draft cycle, published at once in a published one.
    pub staged: usize,
    /// Files not taken.
    pub refused: Vec<Refused>,
}

/// Streams the files of a multipart upload to temporary files.
pub async fn receive(mut multipart: axum::extract::Multipart) -> Result<Vec<Source>, AppError> {
    use std::io::Write;
    let unreadable = |err: axum::extract::multipart::MultipartError| {
        tracing::debug!(%err, "a report upload could not be read");
        AppError::BadRequest
    };
    let mut sources = Vec::new();
    let mut total = 0usize;
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() != Some(super::UPLOAD_FIELD) {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let mut file = tempfile::NamedTempFile::new().map_err(internal)?;
        let mut written = 0usize;
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            total += chunk.len();
            if total > MAX_UPLOAD_BYTES {
                return Err(AppError::BadRequest);
            }
            written += chunk.len();
            // A chunk is small (tens of KB); the write is to a local temporary file.
            file.write_all(&chunk).map_err(internal)?;
        }
        // A file input left empty still sends a part, with no name and no bytes.
        if written > 0 || !name.is_empty() {
            file.flush().map_err(internal)?;
            sources.push(Source { name, file });
        }
    }
    Ok(sources)
}

fn internal(err: std::io::Error) -> AppError {
    tracing::error!(error = %err, "a report upload could not be written to a temporary file");
    AppError::Internal
}

/// Who a file's name can be matched to.
struct Roster {
    /// Every pupil of the school, by MIS id in lower case.
    school: HashMap<String, i32>,
    /// The pupils the cycle is for.
    in_cycle: HashSet<i32>,
    /// Pupils with a report waiting in a draft cycle, or earlier in this upload.
    taken: HashSet<i32>,
    /// In a published cycle, each pupil's current report, which a new file replaces.
    current: HashMap<i32, i32>,
    /// MIS ids a CSV gave files, by the file's name in lower case.
    named: HashMap<String, String>,
}

impl Roster {
    async fn of<C: ConnectionTrait>(db: &C, cycle: &report_cycle::Model) -> Result<Self, AppError> {
        let year_groups: Vec<i32> = serde_json::from_str(&cycle.year_groups).unwrap_or_default();
        let school = pupil::Entity::find()
            .filter(pupil::Column::SchoolId.eq(cycle.school_id))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.mis_id.trim().to_lowercase(), p.id))
            .collect();
        let in_cycle = enrolment::Entity::find()
            .filter(enrolment::Column::AcademicYearId.eq(cycle.academic_year_id))
            .filter(enrolment::Column::YearGroupId.is_in(year_groups))
            .all(db)
            .await?
            .into_iter()
            .map(|e| e.pupil_id)
            .collect();
        let reports = report::Entity::find()
            .filter(report::Column::CycleId.eq(cycle.id))
            .all(db)
            .await?;
        let (taken, current) = if cycle.state == super::cycle_state::DRAFT {
            let staged = reports.iter().map(|r| r.pupil_id).collect();
            (staged, HashMap::new())
        } else {
            let current = reports
                .iter()
                .filter(|r| r.state == report_state::CURRENT)
                .map(|r| (r.pupil_id, r.id))
                .collect();
            (HashSet::new(), current)
        };
        Ok(Self {
            school,
            in_cycle,
            taken,
            current,
            named: HashMap::new(),
        })
    }

    /// Learns which file is whose from a CSV with `file` and `mis_id` columns; false if it has
    /// not got them.
    fn learn(&mut self, csv_bytes: &[u8]) -> bool {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(csv_bytes);
        let Ok(headers) = reader.headers() else {
            return false;
        };
        let column = |wanted: &str| {
            headers.iter().position(|h| {
                h.trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(wanted)
            })
        };
        let (Some(file), Some(mis)) = (column("file"), column("mis_id")) else {
            return false;
        };
        for record in reader.records().flatten() {
            if let (Some(name), Some(id)) = (record.get(file), record.get(mis))
                && !name.is_empty()
                && !id.is_empty()
            {
                self.named
                    .insert(base_name(name).to_lowercase(), id.to_string());
            }
        }
        true
    }

    /// The pupil a file named `name` is for, with the report it replaces, or why none.
    fn claim(&mut self, name: &str) -> Result<(i32, Option<i32>), Why> {
        let listed = self.named.get(&base_name(name).to_lowercase()).cloned();
        let pupil = listed
            .as_deref()
            .or_else(|| mis_id_of(name))
            .and_then(|id| self.school.get(&id.trim().to_lowercase()).copied())
            .ok_or(Why::Unmatched)?;
        if !self.in_cycle.contains(&pupil) {
            return Err(Why::NotInCycle);
        }
        if !self.taken.insert(pupil) {
            return Err(Why::Duplicate);
        }
        Ok((pupil, self.current.get(&pupil).copied()))
    }
}

/// A name without the folders before it.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Whether a file is a CSV by its name.
fn is_csv(name: &str) -> bool {
    base_name(name).to_lowercase().ends_with(".csv")
}

/// The MIS id a report's file name starts with: `P00002_Isla.pdf` and `P00002.pdf` → `P00002`.
pub fn mis_id_of(name: &str) -> Option<&str> {
    let base = base_name(name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext)) if ext.eq_ignore_ascii_case("pdf") => stem,
        _ => base,
    };
    let id = stem.split('_').next().unwrap_or(stem).trim();
    (!id.is_empty()).then_some(id)
}

/// A file taken, stored and waiting for its row.
struct Stored {
    pupil: i32,
    replaces: Option<i32>,
    name: String,
    key: String,
    size: usize,
    sha256: String,
}

/// What walking the upload found.
#[derive(Default)]
struct Walked {
    stored: Vec<Stored>,
    refused: Vec<Refused>,
}

impl Walked {
    fn refuse(&mut self, file: &str, why: Why) {
        self.refused.push(Refused {
            file: file.to_string(),
            why,
        });
    }

    /// Checks, matches and stores one file.
    fn offer(
        &mut self,
        roster: &mut Roster,
        files: &SharedStore,
        runtime: &tokio::runtime::Handle,
        name: &str,
        bytes: &[u8],
    ) -> Result<(), AppError> {
        if let Err(problem) = pdf_check::check(bytes) {
            self.refuse(name, Why::Pdf(problem));
            return Ok(());
        }
        let (pupil, replaces) = match roster.claim(name) {
            Ok(claimed) => claimed,
            Err(why) => {
                self.refuse(name, why);
                return Ok(());
            }
        };
        let key = runtime.block_on(files.put(bytes)).map_err(|err| {
            tracing::error!(error = %err, "a report could not be stored");
            AppError::Internal
        })?;
        self.stored.push(Stored {
            pupil,
            replaces,
            name: crate::storage::upload::clean_name(name),
            key,
            size: bytes.len(),
            sha256: format!("{:x}", Sha256::digest(bytes)),
        });
        Ok(())
    }
}

/// Whether a file starts as a ZIP does.
fn is_zip(file: &mut std::fs::File) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let mut head = [0u8; 4];
    let read = file.read(&mut head)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(read == 4 && head == *b"PK\x03\x04")
}

/// Reads every source on a blocking thread (ZIP reading and PDF parsing are CPU and disk
/// work), storing each file taken.
fn walk(
    sources: Vec<Source>,
    mut roster: Roster,
    files: SharedStore,
    runtime: tokio::runtime::Handle,
) -> Result<Walked, AppError> {
    let mut walked = Walked::default();
    // The CSVs first: they say whose the files are.
    for source in &sources {
        let mut file = source.file.reopen().map_err(internal)?;
        if is_zip(&mut file).map_err(internal)? {
            learn_from_zip(&mut walked, &mut roster, file);
        } else if is_csv(&source.name) {
            let mut bytes = Vec::new();
            let read = file.take(MAX_CSV_BYTES).read_to_end(&mut bytes);
            if read.is_err() || !roster.learn(&bytes) {
                walked.refuse(&source.name, Why::BadCsv);
            }
        }
    }
    for source in sources {
        if is_csv(&source.name) {
            continue;
        }
        let mut file = source.file.reopen().map_err(internal)?;
        if is_zip(&mut file).map_err(internal)? {
            walk_zip(
                &mut walked,
                &mut roster,
                &files,
                &runtime,
                &source.name,
                file,
            )?;
            continue;
        }
        let length = file.metadata().map_err(internal)?.len();
        if length > pdf_check::MAX_BYTES as u64 {
            walked.refuse(&source.name, Why::Pdf(PdfProblem::TooLarge));
            continue;
        }
        let mut bytes = Vec::with_capacity(length as usize);
        file.read_to_end(&mut bytes).map_err(internal)?;
        walked.offer(&mut roster, &files, &runtime, &source.name, &bytes)?;
    }
    Ok(walked)
}

/// Learns from every CSV in a ZIP; what is wrong with the ZIP itself is said when its PDFs are
/// read.
fn learn_from_zip(walked: &mut Walked, roster: &mut Roster, file: std::fs::File) {
    let Ok(mut archive) = zip::ZipArchive::new(file) else {
        return;
    };
    if archive.len() > MAX_ENTRIES {
        return;
    }
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index(index) else {
            return;
        };
        let Some(path) = entry.enclosed_name() else {
            continue;
        };
        let name = path.to_string_lossy().into_owned();
        if !is_csv(&name) || entry.is_dir() {
            continue;
        }
        let mut bytes = Vec::new();
        let read = entry.take(MAX_CSV_BYTES).read_to_end(&mut bytes);
        if read.is_err() || !roster.learn(&bytes) {
            walked.refuse(&name, Why::BadCsv);
        }
    }
}

fn walk_zip(
    walked: &mut Walked,
    roster: &mut Roster,
    files: &SharedStore,
    runtime: &tokio::runtime::Handle,
    name: &str,
    file: std::fs::File,
) -> Result<(), AppError> {
    let Ok(mut archive) = zip::ZipArchive::new(file) else {
        walked.refuse(name, Why::BadArchive);
        return Ok(());
    };
    if archive.len() > MAX_ENTRIES {
        walked.refuse(name, Why::ArchiveTooLarge);
        return Ok(());
    }
    let mut expanded: u64 = 0;
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else {
            walked.refuse(name, Why::BadArchive);
            return Ok(());
        };
        if entry.is_dir() {
            continue;
        }
        let shown = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned());
        let Some(path) = entry.enclosed_name() else {
            walked.refuse(&shown, Why::UnsafeName);
            continue;
        };
        let base = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // What a Mac adds to every archive it makes is not the office's; CSVs were read first.
        if base.starts_with('.') || shown.starts_with("__MACOSX/") || is_csv(&base) {
            continue;
        }
        if entry.size() > pdf_check::MAX_BYTES as u64 {
            walked.refuse(&shown, Why::Pdf(PdfProblem::TooLarge));
            continue;
        }
        // The declared size can lie: read one byte past the limit at most.
        let mut bytes = Vec::new();
        let read = (&mut entry)
            .take(pdf_check::MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes);
        if read.is_err() {
            walked.refuse(&shown, Why::Pdf(PdfProblem::Unreadable));
            continue;
        }
        expanded += bytes.len() as u64;
        if expanded > MAX_EXPANDED_BYTES {
            walked.refuse(name, Why::ArchiveTooLarge);
            return Ok(());
        }
        walked.offer(roster, files, runtime, &shown, &bytes)?;
    }
    Ok(())
}

/// Takes `sources` into draft cycle `cycle` for `user` at `now`: stages every report that
/// matches, and keeps what could not be taken for the preview (replacing the last upload's).
pub async fn take(
    db: &sea_orm::DatabaseConnection,
    files: &SharedStore,
    cycle: &report_cycle::Model,
    user: i32,
    sources: Vec<Source>,
    now: DateTime<Utc>,
) -> Result<Intake, AppError> {
    let roster = Roster::of(db, cycle).await?;
    let runtime = tokio::runtime::Handle::current();
    let store = files.clone();
    let walked = tokio::task::spawn_blocking(move || walk(sources, roster, store, runtime))
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "reading a report upload failed");
            AppError::Internal
        })?;
    let walked = match walked {
        Ok(walked) => walked,
        Err(err) => return Err(err),
    };
    let keys: Vec<String> = walked.stored.iter().map(|s| s.key.clone()).collect();
    let written = record(db, cycle, user, &walked, now).await;
    if written.is_err() {
        for key in keys {
            if let Err(err) = files.delete(&key).await {
                tracing::warn!(error = %err, "a staged report was left in the store");
            }
        }
    }
    written?;
    Ok(Intake {
        staged: walked.stored.len(),
        refused: walked.refused,
    })
}

async fn record(
    db: &sea_orm::DatabaseConnection,
    cycle: &report_cycle::Model,
    user: i32,
    walked: &Walked,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let published = cycle.state != super::cycle_state::DRAFT;
    let state = if published {
        report_state::CURRENT
    } else {
        report_state::STAGED
    };
    let txn = crate::db::write_transaction(db).await?;
    for stored in &walked.stored {
        if let Some(earlier) = stored.replaces {
            // Kept as history; families see the new version only.
            report::Entity::update_many()
                .col_expr(
                    report::Column::State,
                    sea_orm::sea_query::Expr::value(report_state::REPLACED),
                )
                .filter(report::Column::Id.eq(earlier))
                .filter(report::Column::State.eq(report_state::CURRENT))
                .exec(&txn)
                .await?;
        }
        report::ActiveModel {
            school_id: Set(cycle.school_id),
            cycle_id: Set(cycle.id),
            pupil_id: Set(stored.pupil),
            file_key: Set(stored.key.clone()),
            file_name: Set(stored.name.clone()),
            size: Set(i32::try_from(stored.size).unwrap_or(i32::MAX)),
            sha256: Set(stored.sha256.clone()),
            state: Set(state.to_string()),
            uploaded_by: Set(user),
            uploaded_at: Set(now),
            replaces_id: Set(stored.replaces),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let problems = serde_json::to_string(&walked.refused).map_err(|err| {
        tracing::error!(error = %err, "an upload's problems could not be encoded");
        AppError::Internal
    })?;
    let mut row: report_cycle::ActiveModel = cycle.clone().into();
    row.problems = Set((!walked.refused.is_empty()).then_some(problems));
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mis_id_starts_the_name() {
        assert_eq!(mis_id_of("P00002_Isla_Thompson.pdf"), Some("P00002"));
        assert_eq!(mis_id_of("P00002.PDF"), Some("P00002"));
        assert_eq!(mis_id_of("year5/P00002_spring.pdf"), Some("P00002"));
        assert_eq!(mis_id_of(" P7 _x.pdf"), Some("P7"));
        assert_eq!(mis_id_of("_x.pdf"), None);
        assert_eq!(mis_id_of(".pdf"), None);
    }
}
