//! Importing term dates and events from a file (`/admin/calendar/import`), the roster import's
//! way: the office chooses a CSV or iCalendar file, sees every event it would add (or every line
//! that stops it, in their language), then imports it — all its events in one transaction, or
//! none. Each event is read into the event form's fields and checked by the form's own rules,
//! so an imported event is one the form could have saved. Only staff who write the whole
//! school's calendar import: a file's events are for the whole school, year groups or classes.

mod csv_rows;
mod ics_rows;

use super::list::Names;
use super::{audience_choices, fields, school_rules};
use crate::access::{Actor, Capability, CurrentActor, Scope, allowed_scope};
use crate::calendar::recurrence::Occurrence;
use crate::calendar::store::{self, NewEvent};
use crate::calendar::{
    CalendarImport, EventFields, ImportRow, ImportStep, ImportWords, StaffEventRow, notice_period,
    reader, status,
};
use crate::db::entities::{calendar_upload, event};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::roster::office_dto::RowProblem;
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::HashSet;
use std::sync::Arc;

/// The largest file read: a school's calendar for years is a few hundred kilobytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most events one file may add.
pub const MOST_EVENTS: usize = 1_000;
/// How long a checked file waits for its "Import".
const UPLOAD_KEPT_HOURS: i64 = 24;

/// A problem at a line of the file (0: the whole file), in every language.
#[derive(Clone, Debug)]
pub struct LineProblem {
    /// The line, counting from 1.
    pub line: u64,
    /// What is wrong.
    pub text: PerLocale<String>,
}

impl LineProblem {
    /// A problem at `line`, its text made for each language.
    pub fn new(line: u64, make: impl FnMut(Locale) -> String) -> Self {
        Self {
            line,
            text: PerLocale::build(make),
        }
    }
}

/// What a reader found in a file: each event as the form's fields with its line, and problems.
#[derive(Default)]
pub struct FileRows {
    /// The events, in the file's order.
    pub events: Vec<(u64, EventFields)>,
    /// What could not be read.
    pub problems: Vec<LineProblem>,
}

/// How a file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Ics,
}

impl Format {
    fn code(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// An `.ics` name or a file that begins like iCalendar is read as one; anything else as CSV.
    fn of(name: &str, text: &str) -> Self {
        let begins = text.trim_start().get(..6).unwrap_or_default();
        if name.to_lowercase().ends_with(".ics") || begins.eq_ignore_ascii_case("BEGIN:") {
            Format::Ics
        } else {
            Format::Csv
        }
    }

    /// The name of the column or property a form field is read from.
    fn source(self, field: &str) -> &str {
        match self {
            Format::Csv => csv_rows::column(field),
            Format::Ics => ics_rows::property(field),
        }
    }
}

/// A file as posted.
pub enum Upload {
    /// No file was chosen.
    Missing,
    /// Larger than [`MAX_BYTES`]: read no further.
    TooLarge,
    /// The file's name and bytes.
    File {
        /// Its name on the office's computer.
        name: String,
        /// What it holds.
        data: Vec<u8>,
    },
}

/// One event of a checked file.
struct Planned {
    line: u64,
    event: NewEvent,
    already: bool,
}

/// What importing a file would do.
struct Plan {
    events: Vec<Planned>,
    problems: Vec<LineProblem>,
}

impl Plan {
    fn refused(problem: LineProblem) -> Self {
        Self {
            events: Vec::new(),
            problems: vec![problem],
        }
    }

    fn new_events(&self) -> usize {
        self.events.iter().filter(|p| !p.already).count()
    }
}

/// The signed-in member of staff, if they write the whole school's calendar.
fn importer(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    if allowed_scope(&actor.roles, Capability::CalendarWriteSchool) != Some(Scope::WholeSchool) {
        return Err(AppError::NotFound);
    }
    Ok(actor)
}

/// Whether the signed-in member of staff may import (the staff calendar offers the page).
pub fn may_import(actor: &Actor) -> bool {
    allowed_scope(&actor.roles, Capability::CalendarWriteSchool) == Some(Scope::WholeSchool)
}

/// Reads and checks a file's text: each event by the form's rules in the school's zone, those
/// already on the calendar (same title and start) marked, short notice worked out as the form
/// does.
async fn plan(
    state: &AppState,
    actor: &Arc<Actor>,
    language: Locale,
    format: Format,
    text: &str,
) -> Result<Plan, AppError> {
    let (zone, period) = school_rules(state, actor.school_id).await?;
    let rows = match format {
        Format::Csv => csv_rows::read(text, &audience_choices(state, actor).await?),
        Format::Ics => ics_rows::read(text, &zone),
    };
    let mut problems = rows.problems;
    if rows.events.len() > MOST_EVENTS {
        let (count, most) = (rows.events.len().to_string(), MOST_EVENTS.to_string());
        return Ok(Plan::refused(LineProblem::new(0, |l| {
            msg!(
                l,
                "import-too-many",
                count = count.as_str(),
                most = most.as_str()
            )
        })));
    }
    if rows.events.is_empty() && problems.is_empty() {
        return Ok(Plan::refused(LineProblem::new(0, |l| {
            msg!(l, "import-no-events")
        })));
    }
    let mut on_calendar = existing(state, actor.school_id).await?;
    let mut events = Vec::with_capacity(rows.events.len());
    for (line, mut typed) in rows.events {
        typed.language = language.tag().to_string();
        let (new, _, found) = fields::read(&typed, &zone, language);
        for problem in found {
            let source = format.source(&problem.field).to_string();
            problems.push(LineProblem::new(line, |l| {
                let text = problem.text.text(l);
                msg!(
                    l,
                    "import-field",
                    field = source.as_str(),
                    problem = text.as_str()
                )
            }));
        }
        let already = !on_calendar.insert((new.title.clone(), new.starts_at));
        events.push(Planned {
            line,
            event: new,
            already,
        });
    }
    if problems.is_empty() {
        mark_short_notice(state, actor.school_id, &zone, period, &mut events).await?;
    }
    problems.sort_by_key(|p| p.line);
    Ok(Plan { events, problems })
}

/// The title and start of every event on the school's calendar.
async fn existing(
    state: &AppState,
    school_id: i32,
) -> Result<HashSet<(String, DateTime<Utc>)>, AppError> {
    let rows: Vec<(String, DateTime<Utc>)> = event::Entity::find()
        .select_only()
        .column(event::Column::Title)
        .column(event::Column::StartsAt)
        .filter(event::Column::SchoolId.eq(school_id))
        .filter(event::Column::Status.eq(status::SCHEDULED))
        .into_tuple()
        .all(&state.db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Marks the events inside the school's notice period, as the form would: a file's events are
/// announced when it is imported.
async fn mark_short_notice(
    state: &AppState,
    school_id: i32,
    zone: &str,
    period: i32,
    events: &mut [Planned],
) -> Result<(), AppError> {
    let today = crate::dates::local_day(zone, Utc::now());
    let Some(last) = events
        .iter()
        .map(|p| crate::dates::local_day(zone, p.event.starts_at))
        .max()
    else {
        return Ok(());
    };
    // Far enough for any promise of notice; later events are never short notice.
    let last = last.min(today + Duration::days(400));
    let closed = notice_period::closed_days(&state.db, school_id, zone, today, last).await?;
    for planned in events.iter_mut().filter(|p| !p.event.audience.staff_only) {
        let day = crate::dates::local_day(zone, planned.event.starts_at);
        planned.event.short_notice = notice_period::is_short(today, day, period, &closed);
    }
    Ok(())
}

/// The page's words in every language.
fn words() -> ImportWords {
    let most = (MAX_BYTES / (1024 * 1024)).to_string();
    ImportWords {
        title: PerLocale::build(|l| msg!(l, "import-title")),
        intro: PerLocale::build(|l| msg!(l, "import-intro")),
        csv_help: PerLocale::build(|l| msg!(l, "import-csv-help")),
        ics_help: PerLocale::build(|l| msg!(l, "import-ics-help")),
        file: PerLocale::build(|l| msg!(l, "import-file", most = most.as_str())),
        import: PerLocale::build(|l| msg!(l, "import-do")),
        already: PerLocale::build(|l| msg!(l, "import-already")),
        back: PerLocale::build(|l| msg!(l, "import-back")),
    }
}

fn page_of(step: ImportStep) -> CalendarImport {
    CalendarImport {
        words: words(),
        step,
    }
}

/// The import page's data: what a post to it came to, else the file picker.
pub async fn page() -> Result<CalendarImport, AppError> {
    if let Some(answer) = crate::posted::answer::<CalendarImport>() {
        let refused = answer.as_ref().is_ok_and(|page| {
            matches!(&page.step, ImportStep::Checked { problems, .. } if !problems.is_empty())
        });
        if refused {
            crate::error::set_response_status(&AppError::BadRequest);
        } else if let Err(err) = &answer {
            crate::error::set_response_status(err);
        }
        return answer;
    }
    importer(&CurrentActor(Some(crate::access::current_actor()?)))?;
    Ok(page_of(ImportStep::Choose))
}

/// What checking a file came to, as the page shows it: its events, or what stops it.
async fn checked(
    state: &AppState,
    actor: &Actor,
    plan: &Plan,
    upload: Option<String>,
) -> Result<ImportStep, AppError> {
    let problems: Vec<RowProblem> = plan
        .problems
        .iter()
        .map(|p| RowProblem {
            line: u32::try_from(p.line).unwrap_or(u32::MAX),
            text: p.text.clone(),
        })
        .collect();
    if !problems.is_empty() {
        let count = problems.len().to_string();
        return Ok(ImportStep::Checked {
            summary: PerLocale::build(|l| msg!(l, "import-problems", count = count.as_str())),
            upload: None,
            rows: Vec::new(),
            problems,
        });
    }
    let zone = actor.zone.clone();
    let audiences: Vec<_> = plan
        .events
        .iter()
        .map(|p| p.event.audience.clone())
        .collect();
    let names = Names::of(&state.db, actor.school_id, &audiences).await?;
    let rows = plan
        .events
        .iter()
        .map(|planned| {
            let new = &planned.event;
            let mut when = reader::on_day(
                &zone,
                new.all_day,
                Occurrence {
                    starts_at: new.starts_at,
                    ends_at: new.ends_at,
                },
            );
            if let Some(repeat) = &new.repeat {
                let rule = reader::rule_text(crate::dates::local_day(&zone, new.starts_at), repeat);
                when = PerLocale::build(|l| crate::i18n::list(l, &[when.text(l), rule.text(l)]));
            }
            ImportRow {
                line: u32::try_from(planned.line).unwrap_or(u32::MAX),
                event: StaffEventRow {
                    id: 0,
                    title: new.title.clone(),
                    category: new.category,
                    when,
                    audience: names.describe(&new.audience),
                    editable: false,
                    cancelled: false,
                    short_notice: new.short_notice,
                },
                already: planned.already,
            }
        })
        .collect();
    let (new, already) = (
        plan.new_events().to_string(),
        (plan.events.len() - plan.new_events()).to_string(),
    );
    Ok(ImportStep::Checked {
        summary: PerLocale::build(|l| {
            msg!(
                l,
                "import-summary",
                new = new.as_str(),
                already = already.as_str()
            )
        }),
        upload,
        rows,
        problems,
    })
}

/// `POST /admin/calendar/import` with a file: checks it and shows what importing would do; a
/// file without problems is kept for the "Import" button. `language` is the office's: the
/// events are written in it.
pub async fn check(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    upload: Upload,
) -> Result<CalendarImport, AppError> {
    let actor = importer(current)?;
    let refused = |problem: LineProblem| async {
        let plan = Plan::refused(problem);
        checked(state, &actor, &plan, None).await.map(page_of)
    };
    let (name, data) = match upload {
        Upload::Missing => return refused(LineProblem::new(0, |l| msg!(l, "import-empty"))).await,
        Upload::TooLarge => {
            let most = (MAX_BYTES / (1024 * 1024)).to_string();
            return refused(LineProblem::new(0, |l| {
                msg!(l, "import-too-large", most = most.as_str())
            }))
            .await;
        }
        Upload::File { name, data } => (name, data),
    };
    let Ok(text) = String::from_utf8(data) else {
        return refused(LineProblem::new(0, |l| msg!(l, "import-not-text"))).await;
    };
    // Excel starts its "CSV UTF-8" with a byte-order mark.
    let text = text.trim_start_matches('\u{feff}').to_string();
    let format = Format::of(&name, &text);
    let plan = plan(state, &actor, language, format, &text).await?;
    let upload = if plan.problems.is_empty() && plan.new_events() > 0 {
        Some(keep(state, &actor, format, text).await?)
    } else {
        None
    };
    checked(state, &actor, &plan, upload).await.map(page_of)
}

/// Keeps a checked file for its "Import"; returns the name the button posts back.
async fn keep(
    state: &AppState,
    actor: &Actor,
    format: Format,
    text: String,
) -> Result<String, AppError> {
    let token = crate::auth::session::random_name();
    calendar_upload::Entity::delete_many()
        .filter(
            calendar_upload::Column::CreatedAt.lt(Utc::now() - Duration::hours(UPLOAD_KEPT_HOURS)),
        )
        .exec(&state.db)
        .await?;
    calendar_upload::ActiveModel {
        token: Set(token.clone()),
        school_id: Set(actor.school_id),
        user_id: Set(actor.user_id),
        format: Set(format.code().to_string()),
        data: Set(text),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
    Ok(token)
}

/// `POST /admin/calendar/import` with a checked file's `upload`: checks it again (the calendar
/// may have changed since) and adds all its new events in one transaction, or none.
pub async fn commit(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    token: &str,
) -> Result<CalendarImport, AppError> {
    let actor = importer(current)?;
    let since = Utc::now() - Duration::hours(UPLOAD_KEPT_HOURS);
    let upload = calendar_upload::Entity::find()
        .filter(calendar_upload::Column::Token.eq(token))
        .filter(calendar_upload::Column::SchoolId.eq(actor.school_id))
        .filter(calendar_upload::Column::UserId.eq(actor.user_id))
        .filter(calendar_upload::Column::CreatedAt.gt(since))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let format = if upload.format == Format::Ics.code() {
        Format::Ics
    } else {
        Format::Csv
    };
    let plan = plan(state, &actor, language, format, &upload.data).await?;
    if !plan.problems.is_empty() {
        return checked(state, &actor, &plan, None).await.map(page_of);
    }
    let now = Utc::now();
    let txn = crate::db::write_transaction(&state.db).await?;
    let mut added = 0usize;
    for planned in plan.events.iter().filter(|p| !p.already) {
        store::insert(
            &txn,
            actor.school_id,
            Some(actor.user_id),
            &planned.event,
            now,
        )
        .await?;
        added += 1;
    }
    calendar_upload::Entity::delete_by_id(upload.id)
        .exec(&txn)
        .await?;
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::EVENTS_IMPORTED,
        ("calendar_upload", upload.id),
        &added.to_string(),
        now,
    )
    .await?;
    txn.commit().await?;
    crate::calendar::feed_cache::calendar_changed();
    tracing::info!(by = actor.user_id, events = added, "calendar imported");
    let count = added.to_string();
    Ok(page_of(ImportStep::Imported {
        summary: PerLocale::build(|l| msg!(l, "import-done", count = count.as_str())),
    }))
}
