//! The office's report cycles: the list with a form for a new cycle (`/admin/reports`), and a
//! cycle's page (`/admin/reports/:id`) — its upload and preview while a draft; once published,
//! who has opened each report and every download with where it came from. What the page's
//! forms do is `actions`. Every form posts to its page's own address, so the pages work without
//! JavaScript.

use super::dto::{
    Choice, CyclePage, CycleRow, CycleWords, OpenedRow, RefusedRow, StaffReports, Stage, StagedRow,
};
use super::intake::{Refused, Why};
use super::links::Signer;
use super::pdf_check::PdfProblem;
use super::{cycle_href, cycle_state, kind, report_state};
use crate::access::{Actor, Capability, CurrentActor, authorize};
use crate::db::entities::{
    class, enrolment, guardian, pupil, report, report_cycle, report_download, user_account,
    year_group,
};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The longest cycle name.
const MAX_NAME_CHARS: usize = 120;
/// How many downloads a cycle's page lists.
const RECENT_DOWNLOADS: u64 = 50;

/// What a post to a cycle's page did, named in the page's address (`?done=`).
pub mod done {
    /// Files were uploaded.
    pub const UPLOADED: &str = "uploaded";
    /// The cycle was published.
    pub const PUBLISHED: &str = "published";
    /// The upload was discarded.
    pub const DISCARDED: &str = "discarded";
    /// Corrected reports were uploaded to a published cycle.
    pub const CORRECTED: &str = "corrected";
    /// The cycle was published for a time ahead.
    pub const SCHEDULED: &str = "scheduled";
    /// Families who had not opened their reports were reminded.
    pub const REMINDED: &str = "reminded";
    /// The whole cycle was withdrawn.
    pub const WITHDRAWN: &str = "withdrawn";
    /// One report was withdrawn.
    pub const REPORT_WITHDRAWN: &str = "report-withdrawn";
}

/// The signed-in office's report cycles, or the list again after a refused new cycle.
pub async fn list_page() -> Result<StaffReports, AppError> {
    if let Some(answer) = crate::posted::form(|page: &StaffReports| page.problem.is_some()) {
        return answer;
    }
    let actor = manager()?;
    let state = crate::state::app_state()?;
    listed(&state.db, &actor, Typed::default(), None).await
}

/// The signed-in office's actor, if reports are theirs to manage.
fn manager() -> Result<Arc<Actor>, AppError> {
    let granted = authorize(Capability::ReportManage)?;
    Ok(granted.actor)
}

/// A new cycle's fields as typed.
#[derive(Default)]
struct Typed {
    name: String,
    kind: String,
    year_groups: Vec<i32>,
}

async fn listed<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    typed: Typed,
    problem: Option<(String, PerLocale<String>)>,
) -> Result<StaffReports, AppError> {
    let school = actor.school_id;
    let groups = year_groups(db, school).await?;
    let cycles = report_cycle::Entity::find()
        .filter(report_cycle::Column::SchoolId.eq(school))
        .order_by_desc(report_cycle::Column::CreatedAt)
        .order_by_desc(report_cycle::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = cycles.iter().map(|c| c.id).collect();
    // A corrected report's earlier versions and withdrawn reports are not counted.
    let reports = report::Entity::find()
        .filter(report::Column::CycleId.is_in(ids))
        .filter(report::Column::State.is_in([report_state::STAGED, report_state::CURRENT]))
        .all(db)
        .await?;
    let opened = opened_by_family(db, &reports).await?;
    let zone = crate::school::db::timezone(db, school).await?;
    let rows = cycles
        .iter()
        .map(|cycle| {
            let of_cycle: Vec<&report::Model> =
                reports.iter().filter(|r| r.cycle_id == cycle.id).collect();
            let total = of_cycle.len();
            let seen = of_cycle
                .iter()
                .filter(|r| opened.contains_key(&r.id))
                .count();
            CycleRow {
                href: cycle_href(cycle.id),
                name: cycle.name.clone(),
                about: about(cycle, &groups, &zone),
                figures: figures(cycle, seen, total),
            }
        })
        .collect();
    let kind_chosen = if typed.kind.is_empty() {
        kind::TERM.to_string()
    } else {
        typed.kind.clone()
    };
    Ok(StaffReports {
        cycles: rows,
        name: typed.name,
        kinds: kind::ALL
            .iter()
            .map(|code| Choice {
                value: code.to_string(),
                label: PerLocale::build(|l| kind_name(l, code)),
                chosen: *code == kind_chosen,
            })
            .collect(),
        year_groups: groups
            .iter()
            .map(|g| Choice {
                value: g.id.to_string(),
                label: PerLocale::build(|_| g.name.clone()),
                chosen: typed.year_groups.contains(&g.id),
            })
            .collect(),
        problem,
        words: [
            PerLocale::build(|l| msg!(l, "reports-staff-heading")),
            PerLocale::build(|l| msg!(l, "reports-staff-intro")),
            PerLocale::build(|l| msg!(l, "reports-staff-none")),
            PerLocale::build(|l| msg!(l, "reports-new-heading")),
            PerLocale::build(|l| msg!(l, "reports-name-label")),
            PerLocale::build(|l| msg!(l, "reports-kind-label")),
            PerLocale::build(|l| msg!(l, "reports-years-label")),
            PerLocale::build(|l| msg!(l, "reports-create")),
        ],
    })
}

async fn year_groups<C: ConnectionTrait>(
    db: &C,
    school: i32,
) -> Result<Vec<year_group::Model>, AppError> {
    Ok(year_group::Entity::find()
        .filter(year_group::Column::SchoolId.eq(school))
        .order_by_asc(year_group::Column::Position)
        .all(db)
        .await?)
}

/// A kind of cycle in `locale`.
pub fn kind_name(locale: Locale, code: &str) -> String {
    match code {
        kind::TERM => msg!(locale, "reports-kind-term"),
        kind::PROGRESS => msg!(locale, "reports-kind-progress"),
        kind::ASSESSMENT => msg!(locale, "reports-kind-assessment"),
        kind::STATUTORY => msg!(locale, "reports-kind-statutory"),
        _ => msg!(locale, "reports-kind-other"),
    }
}

/// "End of term · Year 5 · Draft" in each language.
fn about(
    cycle: &report_cycle::Model,
    groups: &[year_group::Model],
    zone: &str,
) -> PerLocale<String> {
    let chosen: Vec<i32> = serde_json::from_str(&cycle.year_groups).unwrap_or_default();
    let years = groups
        .iter()
        .filter(|g| chosen.contains(&g.id))
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let now = Utc::now();
    PerLocale::build(|l| {
        let date = cycle
            .published_at
            .map(|at| crate::dates::date_time(l, zone, at))
            .unwrap_or_default();
        let standing = match (cycle.state.as_str(), cycle.published_at) {
            (cycle_state::PUBLISHED, Some(at)) if at > now => {
                msg!(l, "reports-state-scheduled", date = date.as_str())
            }
            (cycle_state::PUBLISHED, _) => {
                msg!(l, "reports-state-published", date = date.as_str())
            }
            (cycle_state::WITHDRAWN, _) => msg!(l, "reports-state-withdrawn"),
            _ => msg!(l, "reports-state-draft"),
        };
        let kind = kind_name(l, &cycle.kind);
        msg!(
            l,
            "reports-about",
            kind = kind.as_str(),
            years = years.as_str(),
            state = standing.as_str()
        )
    })
}

fn figures(cycle: &report_cycle::Model, seen: usize, total: usize) -> PerLocale<String> {
    let published = cycle.state != cycle_state::DRAFT;
    PerLocale::build(|l| {
        if published {
            let (opened, total) = (seen.to_string(), total.to_string());
            msg!(
                l,
                "reports-figures-opened",
                opened = opened.as_str(),
                total = total.as_str()
            )
        } else {
            crate::msg_count!(l, "reports-figures-ready", total as u32)
        }
    })
}

/// For each report opened by one of its pupil's guardians: who first (user id) and when.
async fn opened_by_family<C: ConnectionTrait>(
    db: &C,
    reports: &[report::Model],
) -> Result<HashMap<i32, Vec<(i32, DateTime<Utc>)>>, AppError> {
    let ids: Vec<i32> = reports.iter().map(|r| r.id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let downloads = report_download::Entity::find()
        .filter(report_download::Column::ReportId.is_in(ids))
        .order_by_asc(report_download::Column::At)
        .all(db)
        .await?;
    let users: HashSet<i32> = downloads.iter().map(|d| d.user_id).collect();
    // Guardians' accounts: the office's own checks are not families opening their reports.
    let families: HashSet<i32> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(users))
        .filter(user_account::Column::GuardianId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut opened: HashMap<i32, Vec<(i32, DateTime<Utc>)>> = HashMap::new();
    for download in downloads
        .into_iter()
        .filter(|d| families.contains(&d.user_id))
    {
        let by = opened.entry(download.report_id).or_default();
        if !by.iter().any(|(user, _)| *user == download.user_id) {
            by.push((download.user_id, download.at));
        }
    }
    Ok(opened)
}

/// `POST /admin/reports`: a new cycle, then its page; a refused one shows the list again with
/// what was typed.
pub async fn create(
    state: &AppState,
    current: &CurrentActor,
    pairs: Vec<(String, String)>,
) -> Result<Result<String, StaffReports>, AppError> {
    let actor = crate::roster::office::whole_school(current, Capability::ReportManage)?;
    let mut typed = Typed::default();
    for (key, value) in pairs {
        match key.as_str() {
            "name" => typed.name = value.trim().to_string(),
            "kind" => typed.kind = value,
            "year_group" => {
                if let Ok(id) = value.parse() {
                    typed.year_groups.push(id);
                }
            }
            _ => {}
        }
    }
    let db = &state.db;
    let groups = year_groups(db, actor.school_id).await?;
    typed
        .year_groups
        .retain(|id| groups.iter().any(|g| g.id == *id));
    let problem: Option<(&str, Words)> =
        if typed.name.is_empty() || typed.name.chars().count() > MAX_NAME_CHARS {
            Some(("name", |l| msg!(l, "reports-problem-name")))
        } else if !kind::ALL.contains(&typed.kind.as_str()) {
            Some(("kind", |l| msg!(l, "reports-problem-kind")))
        } else if typed.year_groups.is_empty() {
            Some(("year_group", |l| msg!(l, "reports-problem-years")))
        } else {
            None
        };
    if let Some((field, text)) = problem {
        let text = PerLocale::build(text);
        return Ok(Err(listed(
            db,
            &actor,
            typed,
            Some((field.to_string(), text)),
        )
        .await?));
    }
    let year = crate::audience::resolve::current_year(db, actor.school_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    let txn = crate::db::write_transaction(db).await?;
    let cycle = report_cycle::ActiveModel {
        school_id: Set(actor.school_id),
        name: Set(typed.name.clone()),
        kind: Set(typed.kind.clone()),
        academic_year_id: Set(year.id),
        year_groups: Set(serde_json::to_string(&typed.year_groups).unwrap_or_default()),
        state: Set(cycle_state::DRAFT.to_string()),
        problems: Set(None),
        created_by: Set(actor.user_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::REPORT_CYCLE_CREATED,
        ("report_cycle", cycle.id),
        &cycle.name,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(cycle_href(cycle.id)))
}

/// Cycle `id` of the actor's school.
pub(super) async fn cycle_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i32,
) -> Result<report_cycle::Model, AppError> {
    report_cycle::Entity::find_by_id(id)
        .filter(report_cycle::Column::SchoolId.eq(actor.school_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A refusal's or a result's words, made in each language.
pub(super) type Words = fn(Locale) -> String;

/// Cycle `id`'s page for the signed-in office, saying what `done` (the code a post returned).
pub async fn cycle_page(id: i32, done: Option<String>) -> Result<CyclePage, AppError> {
    if let Some(answer) = crate::posted::form(|page: &CyclePage| page.problem.is_some()) {
        return answer;
    }
    let actor = manager()?;
    let state = crate::state::app_state()?;
    let count: u32 = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_string))
        .and_then(|query| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix("count=").and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0);
    let done = done.as_deref().and_then(|code| {
        let text: Words = match code {
            done::UPLOADED => {
                return Some(PerLocale::build(|l| {
                    crate::msg_count!(l, "reports-done-uploaded", count)
                }));
            }
            done::CORRECTED => {
                return Some(PerLocale::build(|l| {
                    crate::msg_count!(l, "reports-done-corrected", count)
                }));
            }
            done::REMINDED => {
                return Some(PerLocale::build(|l| {
                    crate::msg_count!(l, "reports-done-reminded", count)
                }));
            }
            done::PUBLISHED => |l| msg!(l, "reports-done-published"),
            done::SCHEDULED => |l| msg!(l, "reports-done-scheduled"),
            done::DISCARDED => |l| msg!(l, "reports-done-discarded"),
            done::WITHDRAWN => |l| msg!(l, "reports-done-withdrawn"),
            done::REPORT_WITHDRAWN => |l| msg!(l, "reports-done-report-withdrawn"),
            _ => return None,
        };
        Some(PerLocale::build(text))
    });
    shown(&state, &actor, id, done, None).await
}

/// The names of children and their classes this year, by pupil.
async fn child_names<C: ConnectionTrait>(
    db: &C,
    cycle: &report_cycle::Model,
    pupils: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let children = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupils.to_vec()))
        .all(db)
        .await?;
    let enrolments: HashMap<i32, Option<i32>> = enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(cycle.academic_year_id))
        .filter(enrolment::Column::PupilId.is_in(pupils.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.pupil_id, e.class_id))
        .collect();
    let class_ids: Vec<i32> = enrolments.values().flatten().copied().collect();
    let classes: HashMap<i32, String> = class::Entity::find()
        .filter(class::Column::Id.is_in(class_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(children
        .into_iter()
        .map(|p| {
            let name = crate::roster::display_name(&p);
            let class = enrolments
                .get(&p.id)
                .copied()
                .flatten()
                .and_then(|c| classes.get(&c));
            let shown = match class {
                Some(class) => format!("{name} ({class})"),
                None => name,
            };
            (p.id, shown)
        })
        .collect())
}

pub(super) async fn shown(
    state: &AppState,
    actor: &Arc<Actor>,
    id: i32,
    done: Option<PerLocale<String>>,
    problem: Option<PerLocale<String>>,
) -> Result<CyclePage, AppError> {
    let db = &state.db;
    let cycle = cycle_of(db, actor, id).await?;
    let groups = year_groups(db, actor.school_id).await?;
    let zone = actor.zone.clone();
    let reports = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle.id))
        .all(db)
        .await?;
    let pupils: Vec<i32> = reports.iter().map(|r| r.pupil_id).collect();
    let names = child_names(db, &cycle, &pupils).await?;
    let signer = Signer::load(db).await?;
    let now = Utc::now();
    let name_of = |pupil: i32| names.get(&pupil).cloned().unwrap_or_default();
    let mut staged: Vec<StagedRow> = reports
        .iter()
        .filter(|r| r.state == report_state::STAGED)
        .map(|r| {
            let size = i64::from(r.size);
            StagedRow {
                child: name_of(r.pupil_id),
                file: PerLocale::build(|l| {
                    let size = crate::storage::upload::size_text(l, size);
                    format!("{} · {size}", r.file_name)
                }),
                href: signer.href(r.id, actor.user_id, now),
            }
        })
        .collect();
    staged.sort_by(|a, b| a.child.cmp(&b.child));
    let staged_count = staged.len();
    let refused: Vec<Refused> = cycle
        .problems
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    let current: Vec<&report::Model> = reports
        .iter()
        .filter(|r| r.state == report_state::CURRENT)
        .collect();
    let current_owned: Vec<report::Model> = current.iter().map(|r| (*r).clone()).collect();
    let opened = opened_by_family(db, &current_owned).await?;
    let downloads = report_download::Entity::find()
        .filter(report_download::Column::ReportId.is_in(current.iter().map(|r| r.id)))
        .order_by_desc(report_download::Column::At)
        .order_by_desc(report_download::Column::Id)
        .limit(RECENT_DOWNLOADS)
        .all(db)
        .await?;
    let users: Vec<i32> = opened
        .values()
        .flatten()
        .map(|(user, _)| *user)
        .chain(downloads.iter().map(|d| d.user_id))
        .collect();
    let people = people(db, &users).await?;
    let person = |user: i32| people.get(&user).cloned().unwrap_or_default();
    let mut rows: Vec<OpenedRow> = current
        .iter()
        .map(|r| {
            let by = opened.get(&r.id).cloned().unwrap_or_default();
            OpenedRow {
                id: r.id,
                child: name_of(r.pupil_id),
                seen: !by.is_empty(),
                opened: PerLocale::build(|l| {
                    if by.is_empty() {
                        return msg!(l, "reports-not-opened");
                    }
                    by.iter()
                        .map(|(user, at)| {
                            let date = crate::dates::date_time(l, &zone, *at);
                            let name = person(*user);
                            msg!(
                                l,
                                "reports-opened-by",
                                name = name.as_str(),
                                date = date.as_str()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
                href: signer.href(r.id, actor.user_id, now),
            }
        })
        .collect();
    // Those not opened first: they are whom the office follows up.
    rows.sort_by(|a, b| a.seen.cmp(&b.seen).then_with(|| a.child.cmp(&b.child)));
    let seen = rows.iter().filter(|r| r.seen).count();
    let report_pupil: HashMap<i32, i32> = current.iter().map(|r| (r.id, r.pupil_id)).collect();
    let download_lines = downloads
        .iter()
        .map(|d| {
            let who = person(d.user_id);
            let child = report_pupil
                .get(&d.report_id)
                .map(|p| name_of(*p))
                .unwrap_or_default();
            PerLocale::build(|l| {
                let date = crate::dates::date_time(l, &zone, d.at);
                msg!(
                    l,
                    "reports-download-line",
                    name = who.as_str(),
                    child = child.as_str(),
                    date = date.as_str(),
                    address = d.client_address.as_str()
                )
            })
        })
        .collect();
    let stage = match cycle.state.as_str() {
        cycle_state::DRAFT => Stage::Draft,
        cycle_state::PUBLISHED => Stage::Published,
        _ => Stage::Withdrawn,
    };
    let reminded = cycle.last_reminded_at.map(|at| {
        PerLocale::build(|l| {
            let date = crate::dates::date_time(l, &zone, at);
            msg!(l, "reports-reminded-on", date = date.as_str())
        })
    });
    Ok(CyclePage {
        id: cycle.id,
        name: cycle.name.clone(),
        about: about(&cycle, &groups, &zone),
        stage,
        reminded,
        staged,
        refused: refused.iter().map(refused_row).collect(),
        figures: figures(&cycle, seen, current.len().max(staged_count)),
        reports: rows,
        downloads: download_lines,
        done,
        problem,
        words: words(staged_count),
    })
}

fn words(staged: usize) -> CycleWords {
    let staged = staged.to_string();
    let word = |make: Words| PerLocale::build(make);
    CycleWords {
        upload_heading: word(|l| msg!(l, "reports-upload-heading")),
        naming: word(|l| msg!(l, "reports-naming")),
        files_label: word(|l| msg!(l, "reports-files-label")),
        upload: word(|l| msg!(l, "reports-upload")),
        preview_heading: PerLocale::build(|l| {
            msg!(l, "reports-preview-heading", count = staged.as_str())
        }),
        refused_heading: word(|l| msg!(l, "reports-refused-heading")),
        publish: word(|l| msg!(l, "reports-publish")),
        publish_at: word(|l| msg!(l, "reports-publish-at")),
        discard: word(|l| msg!(l, "reports-discard")),
        opened_heading: word(|l| msg!(l, "reports-opened-heading")),
        downloads_heading: word(|l| msg!(l, "reports-downloads-heading")),
        back: word(|l| msg!(l, "reports-back")),
        open: word(|l| msg!(l, "reports-open")),
        correct_heading: word(|l| msg!(l, "reports-correct-heading")),
        correct_hint: word(|l| msg!(l, "reports-correct-hint")),
        remind: word(|l| msg!(l, "reports-remind")),
        withdraw_cycle: word(|l| msg!(l, "reports-withdraw-cycle")),
        withdraw_report: word(|l| msg!(l, "reports-withdraw-report")),
        uploading: word(|l| msg!(l, "reports-uploading")),
        upload_failed: word(|l| msg!(l, "reports-upload-failed")),
    }
}

/// The names of accounts: a guardian's or a member of staff's, else the e-mail address.
async fn people<C: ConnectionTrait>(
    db: &C,
    users: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let unique: Vec<i32> = users
        .iter()
        .copied()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(unique.clone()))
        .all(db)
        .await?;
    let guardians: HashMap<i32, String> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(accounts.iter().filter_map(|a| a.guardian_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let mut names: HashMap<i32, String> = accounts
        .into_iter()
        .map(|a| {
            let name = a.guardian_id.and_then(|g| guardians.get(&g).cloned());
            (a.id, name.unwrap_or(a.email))
        })
        .collect();
    for (user, name) in crate::roster::accounts::staff_names(db, unique).await? {
        names.insert(user, name);
    }
    Ok(names)
}

fn refused_row(refused: &Refused) -> RefusedRow {
    RefusedRow {
        file: refused.file.clone(),
        why: PerLocale::build(|l| why_text(l, refused.why)),
    }
}

/// Why a file was not taken, in `locale`.
pub fn why_text(locale: Locale, why: Why) -> String {
    match why {
        Why::Pdf(PdfProblem::NotPdf) => msg!(locale, "reports-why-not-pdf"),
        Why::Pdf(PdfProblem::Unreadable) => msg!(locale, "reports-why-unreadable"),
        Why::Pdf(PdfProblem::Encrypted) => msg!(locale, "reports-why-encrypted"),
        Why::Pdf(PdfProblem::TooLarge) => {
            let mb = (super::pdf_check::MAX_BYTES / (1024 * 1024)).to_string();
            msg!(locale, "reports-why-too-large", mb = mb.as_str())
        }
        Why::UnsafeName => msg!(locale, "reports-why-unsafe-name"),
        Why::Unmatched => msg!(locale, "reports-why-unmatched"),
        Why::NotInCycle => msg!(locale, "reports-why-not-in-cycle"),
        Why::Duplicate => msg!(locale, "reports-why-duplicate"),
        Why::BadArchive => msg!(locale, "reports-why-bad-archive"),
        Why::ArchiveTooLarge => msg!(locale, "reports-why-archive-too-large"),
        Why::BadCsv => msg!(locale, "reports-why-bad-csv"),
    }
}
