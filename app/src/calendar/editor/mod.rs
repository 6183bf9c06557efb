//! Staff putting events on the calendar: the list of the school's events (`list`), the event
//! form's data, and the form post — check who it reaches, save, or cancel the event; families
//! are told of a new date, time or place and of a cancellation (`change_notice`). A post that
//! cannot be saved answers with the form again, everything typed kept. Access is the notices'
//! rule: the whole school and year groups need the whole-school grant, a teacher addresses their
//! own classes and pupils, and edits only events that reach no one else.

pub mod announce;
pub mod change_notice;
pub mod fields;
pub mod import;
pub mod list;

use super::attachments::{self, Upload};
use super::{EventFields, EventForm, EventFormWords, RepeatLabels, notice_period, status, store};
use crate::access::{Actor, Capability, CurrentActor, Granted, Scope, allowed_scope};
use crate::audience::Audience;
use crate::db::entities::{enrolment, event, event_translation, school};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::FormProblem;
use crate::notices::staff::compose::typed::problem;
use crate::state::AppState;
use change_notice::Change;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;
use std::sync::Arc;

/// The signed-in member of staff, if they may put events on the calendar at all.
fn writer(actor: Arc<Actor>) -> Result<Granted, AppError> {
    let scope =
        allowed_scope(&actor.roles, Capability::CalendarWriteClass).ok_or(AppError::NotFound)?;
    if scope == Scope::OwnChildren {
        return Err(AppError::NotFound);
    }
    Ok(Granted { actor, scope })
}

/// Whether the author may address `audience`.
async fn may_address(state: &AppState, actor: &Arc<Actor>, audience: &Audience) -> bool {
    let capability = if audience.whole_school || !audience.year_groups.is_empty() {
        Capability::CalendarWriteSchool
    } else {
        Capability::CalendarWriteClass
    };
    let Some(scope) = allowed_scope(&actor.roles, capability) else {
        return false;
    };
    let granted = Granted {
        actor: actor.clone(),
        scope,
    };
    crate::audience::check_targets(&state.db, &granted, audience)
        .await
        .is_ok()
}

/// The pupils of a teacher's own classes; none are needed for a whole-school grant.
async fn own_pupils(state: &AppState, granted: &Granted) -> Result<HashSet<i32>, AppError> {
    if granted.scope == Scope::WholeSchool || granted.actor.classes.is_empty() {
        return Ok(HashSet::new());
    }
    let pupils: Vec<i32> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::PupilId)
        .filter(enrolment::Column::ClassId.is_in(granted.actor.classes.clone()))
        .into_tuple()
        .all(&state.db)
        .await?;
    Ok(pupils.into_iter().collect())
}

/// Whether `granted` may change `event`: a whole-school grant any of the school's events; a
/// teacher the events they wrote, and events only for their own classes and the pupils in them
/// (`own_pupils`).
fn may_change(granted: &Granted, own_pupils: &HashSet<i32>, event: &event::Model) -> bool {
    if granted.scope == Scope::WholeSchool || event.author_user_id == Some(granted.actor.user_id) {
        return true;
    }
    let audience = store::audience_of(event);
    let only_classes_and_pupils =
        !audience.staff_only && !audience.whole_school && audience.year_groups.is_empty();
    let addressed = !audience.classes.is_empty() || !audience.pupils.is_empty();
    only_classes_and_pupils
        && addressed
        && audience
            .classes
            .iter()
            .all(|c| granted.actor.classes.contains(c))
        && audience.pupils.iter().all(|p| own_pupils.contains(p))
}

/// An event of the author's school they may change; anything else is "not found".
async fn editable(state: &AppState, granted: &Granted, id: i32) -> Result<event::Model, AppError> {
    let event = store::in_school(&state.db, granted.actor.school_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_change(granted, &own_pupils(state, granted).await?, &event) {
        return Err(AppError::NotFound);
    }
    Ok(event)
}

/// The school's zone and promise of notice.
async fn school_rules(state: &AppState, school_id: i32) -> Result<(String, i32), AppError> {
    let school = school::Entity::find_by_id(school_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((school.timezone, school.notice_period_days))
}

/// Whom the author may put events on the calendar for: the notices' choices under the
/// calendar's grants.
async fn audience_choices(
    state: &AppState,
    actor: &Actor,
) -> Result<crate::notices::AudienceChoices, AppError> {
    crate::notices::staff::compose::choices(
        state,
        actor,
        Capability::CalendarWriteSchool,
        Capability::CalendarWriteClass,
    )
    .await
}

/// The warning shown when an event falls inside the school's notice period.
fn short_notice_warning(period: i32) -> PerLocale<String> {
    let days = period.to_string();
    PerLocale::build(|l| msg!(l, "event-short-notice-warning", days = days.as_str()))
}

/// The event form for `fields`, with the stored event (if any), the last post's problems and
/// notes, and the short-notice warning when it applies.
async fn form(
    state: &AppState,
    actor: &Arc<Actor>,
    fields: EventFields,
    event: Option<&event::Model>,
    problems: Vec<FormProblem>,
    notes: Vec<PerLocale<String>>,
    short_notice: Option<PerLocale<String>>,
) -> Result<EventForm, AppError> {
    let choices = audience_choices(state, actor).await?;
    let stale = match event {
        Some(e) => event_translation::Entity::find()
            .filter(event_translation::Column::EventId.eq(e.id))
            .all(&state.db)
            .await?
            .into_iter()
            .filter(|t| t.source_sequence < e.sequence)
            .map(|t| t.language)
            .collect(),
        None => Vec::new(),
    };
    let audience = match event {
        Some(e) => store::audience_of(e),
        None => fields::audience(&fields),
    };
    let reach = crate::notices::staff::compose::reach_of(state, actor.school_id, &audience).await?;
    let files = attachments::listed(state, actor, event.map(|e| e.id), &fields.held_files).await?;
    Ok(EventForm {
        cancelled: event.is_some_and(|e| e.status == status::CANCELLED),
        fields,
        choices,
        stale,
        reach,
        short_notice,
        problems,
        notes,
        files,
        max_file_mb: (crate::storage::upload::MAX_ATTACHMENT_BYTES / (1024 * 1024)) as u32,
        words: EventFormWords {
            not_saved: PerLocale::build(|l| msg!(l, "event-not-saved")),
            repeat: repeat_labels(),
            announce: announce_link(actor, event),
        },
    })
}

/// "Write a notice about this event", for a stored event still on the calendar, when the author
/// may publish notices.
fn announce_link(actor: &Actor, event: Option<&event::Model>) -> Option<PerLocale<String>> {
    let on_calendar = event.is_some_and(|e| e.status != status::CANCELLED);
    let writes_notices = allowed_scope(&actor.roles, Capability::NoticePublishClass).is_some();
    (on_calendar && writes_notices).then(|| PerLocale::build(|l| msg!(l, "event-announce")))
}

/// The repeat fields' words in each language.
fn repeat_labels() -> RepeatLabels {
    let every = |weeks: u16| {
        let n = weeks.to_string();
        PerLocale::build(|l| {
            if weeks == 1 {
                msg!(l, "event-repeat-weekly")
            } else {
                msg!(l, "event-repeat-every-weeks", weeks = n.as_str())
            }
        })
    };
    let mut choices = vec![(
        String::new(),
        PerLocale::build(|l| msg!(l, "event-repeat-once")),
    )];
    choices.extend((1..=super::recurrence::MOST_WEEKS).map(|w| (w.to_string(), every(w))));
    RepeatLabels {
        legend: PerLocale::build(|l| msg!(l, "event-repeat-legend")),
        choices,
        until: PerLocale::build(|l| msg!(l, "event-repeat-until")),
        skipped: PerLocale::build(|l| msg!(l, "event-repeat-skipped")),
        skipped_hint: PerLocale::build(|l| msg!(l, "event-repeat-skipped-hint")),
    }
}

/// The event form's data: the form just posted if this page answers a post, else the stored
/// event `id`, or an empty form for a new event.
pub async fn load(id: Option<i32>) -> Result<EventForm, AppError> {
    if let Some(answer) = crate::posted::form(|f: &EventForm| !f.problems.is_empty()) {
        return answer;
    }
    let granted = writer(crate::access::current_actor()?)?;
    let state = crate::state::app_state()?;
    let Some(id) = id else {
        let fields = EventFields {
            language: crate::auth::request::locale().tag().to_string(),
            category: super::EventCategory::Other.code().to_string(),
            ..EventFields::default()
        };
        return form(
            &state,
            &granted.actor,
            fields,
            None,
            Vec::new(),
            Vec::new(),
            None,
        )
        .await;
    };
    let event = editable(&state, &granted, id).await?;
    let (zone, _) = school_rules(&state, granted.actor.school_id).await?;
    let translations = store::translations(&state.db, &[event.id])
        .await?
        .remove(&event.id)
        .unwrap_or_default();
    let fields = fields::from_event(&event, &translations, &zone);
    form(
        &state,
        &granted.actor,
        fields,
        Some(&event),
        Vec::new(),
        Vec::new(),
        None,
    )
    .await
}

/// What an event form post came to.
pub enum Submitted {
    /// Saved or cancelled: show the staff calendar.
    Done,
    /// Show the form again (with problems, the reach, or the short-notice question).
    Again(Box<Result<EventForm, AppError>>),
}

/// The event an address's last segment names: none for `new`; anything but a number is "not
/// found".
pub fn address_id(segment: &str) -> Result<Option<i32>, AppError> {
    if segment == "new" {
        return Ok(None);
    }
    segment.parse().map(Some).map_err(|_| AppError::NotFound)
}

/// An event form post (`POST /admin/calendar/new` or `/admin/calendar/{id}`): `action=check`
/// shows who it reaches, `save` saves it, `cancel` calls it off. The event is the one the
/// address names (`id`), whatever the form says; `language` is the request's, for a form that
/// names no language of its own.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    id: Option<i32>,
    pairs: Vec<(String, String)>,
    uploads: Vec<Upload>,
) -> Submitted {
    let mut typed = EventFields::default();
    let mut action = String::new();
    for (name, value) in pairs {
        if name == "action" {
            action = value;
        } else {
            typed.set(&name, value);
        }
    }
    typed.id = id;
    match act(state, current, language, typed, &action, uploads).await {
        Ok(None) => Submitted::Done,
        Ok(Some(form)) => Submitted::Again(Box::new(Ok(form))),
        Err(err) => Submitted::Again(Box::new(Err(err))),
    }
}

async fn act(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    typed: EventFields,
    action: &str,
    uploads: Vec<Upload>,
) -> Result<Option<EventForm>, AppError> {
    let granted = writer(current.0.clone().ok_or(AppError::SignInRequired)?)?;
    let actor = granted.actor.clone();
    let existing = match typed.id {
        Some(id) => Some(editable(state, &granted, id).await?),
        None => None,
    };
    let now = Utc::now();
    if action == "cancel" {
        let event = existing.ok_or(AppError::BadRequest)?;
        if event.status != status::CANCELLED {
            let cancelled = store::cancel(&state.db, &event, now).await?;
            audit(state, &actor, crate::audit::action::EVENT_CANCELLED, &event).await?;
            change_notice::publish(state, &actor, &event, &cancelled, Change::Cancelled, now)
                .await?;
        }
        return Ok(None);
    }
    if existing
        .as_ref()
        .is_some_and(|e| e.status == status::CANCELLED)
    {
        // A cancelled event is kept as it was, so what families were told stays true.
        return Err(AppError::NotFound);
    }
    let mut typed = typed;
    if let Some(event) = &existing {
        // A published event keeps its audience, whatever the form says: the families it reached
        // are the ones told of changes.
        let audience = store::audience_of(event);
        typed.whole_school = audience.whole_school;
        typed.staff_only = audience.staff_only;
        typed.year_groups = audience.year_groups;
        typed.classes = audience.classes;
        typed.pupils = audience.pupils;
    }
    // Files first, so a form refused for anything else still carries them.
    let event_id = existing.as_ref().map(|e| e.id);
    let already = attachments::count(
        state,
        &actor,
        event_id,
        &typed.held_files,
        &typed.remove_files,
    )
    .await?;
    let (held, file_problems) = attachments::hold(state, &actor, uploads, already, now).await?;
    typed.held_files.extend(held);
    let (zone, period) = school_rules(state, actor.school_id).await?;
    let (mut new, translations, mut problems) = fields::read(&typed, &zone, language);
    problems.extend(file_problems);
    if existing.is_none()
        && !new.audience.is_empty()
        && !may_address(state, &actor, &new.audience).await
    {
        problems.push(problem("audience", |l| {
            msg!(l, "event-audience-not-allowed")
        }));
    }
    let again = |problems, notes, short| async {
        form(
            state,
            &actor,
            typed.clone(),
            existing.as_ref(),
            problems,
            notes,
            short,
        )
        .await
        .map(Some)
    };
    if !problems.is_empty() {
        return again(problems, Vec::new(), None).await;
    }
    // The notice period applies to what families are told now: a new event, or one moved.
    let moved = existing.as_ref().is_none_or(|e| {
        e.starts_at != new.starts_at
            || e.ends_at != new.ends_at
            || super::recurrence::Repeat::of(e) != new.repeat
    });
    let today = crate::dates::local_day(&zone, now);
    let day = crate::dates::local_day(&zone, new.starts_at);
    let short = moved && !new.audience.staff_only && {
        let closed =
            notice_period::closed_days(&state.db, actor.school_id, &zone, today, day).await?;
        notice_period::is_short(today, day, period, &closed)
    };
    new.short_notice = if moved {
        short
    } else {
        existing.as_ref().is_some_and(|e| e.short_notice)
    };
    let warning = short.then(|| short_notice_warning(period));
    if action != "save" {
        let note = PerLocale::build(|l| msg!(l, "event-checked"));
        return again(Vec::new(), vec![note], warning).await;
    }
    if short && !typed.short_notice_ok {
        return again(Vec::new(), Vec::new(), warning).await;
    }
    let (event, text_changed, moved_from) = match &existing {
        Some(event) => {
            let (saved, changed) = store::update(&state.db, event, &new, now).await?;
            audit(state, &actor, crate::audit::action::EDITED, &saved).await?;
            (saved, changed.text, changed.moved.then_some(event))
        }
        None => {
            let saved =
                store::create(&state.db, actor.school_id, Some(actor.user_id), &new, now).await?;
            audit(state, &actor, crate::audit::action::PUBLISHED, &saved).await?;
            (saved, false, None)
        }
    };
    attachments::commit(
        state,
        &actor,
        event.id,
        &typed.held_files,
        &typed.remove_files,
    )
    .await?;
    // The translations before any notice of the move, so it names the event in each language.
    save_translations(state, &event, &translations, text_changed).await?;
    if let Some(before) = moved_from {
        change_notice::publish(state, &actor, before, &event, Change::Moved, now).await?;
    }
    Ok(None)
}

/// Saves the typed translations: new or changed ones are made from the current text, an
/// unchanged one stays marked out of date when the original's text changed, and a language left
/// empty loses its translation.
async fn save_translations(
    state: &AppState,
    event: &event::Model,
    typed: &[crate::notices::store::TranslationInput],
    text_changed: bool,
) -> Result<(), AppError> {
    let stored = store::translations(&state.db, &[event.id])
        .await?
        .remove(&event.id)
        .unwrap_or_default();
    let now = Utc::now();
    for language in Locale::ALL {
        let tag = language.tag();
        if tag == event.language {
            store::untranslate(&state.db, event.id, tag).await?;
            continue;
        }
        let before = stored.iter().find(|t| t.language == tag);
        match typed.iter().find(|t| t.language == language) {
            None => store::untranslate(&state.db, event.id, tag).await?,
            Some(t)
                if before.is_some_and(|b| {
                    b.title == t.title && b.description_source == t.body_source
                }) =>
            {
                if !text_changed {
                    store::translation_current(&state.db, event, tag).await?;
                }
            }
            Some(t) => {
                store::translate(&state.db, event, tag, &t.title, &t.body_source, now).await?
            }
        }
    }
    Ok(())
}

/// Records in the audit log what `actor` did to `event`.
async fn audit(
    state: &AppState,
    actor: &Actor,
    action: &str,
    event: &event::Model,
) -> Result<(), AppError> {
    crate::audit::record(
        &state.db,
        actor.school_id,
        actor.user_id,
        action,
        ("event", event.id),
        &event.title,
        Utc::now(),
    )
    .await?;
    Ok(())
}
