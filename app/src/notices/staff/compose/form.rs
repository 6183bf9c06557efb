//! The compose page's data: the form (fresh, stored or as just posted), what the author may
//! address, and drafts saved as they are typed.

use super::typed::read_draft;
use super::{author, may_address};
use crate::access::{Actor, Capability, Scope};
use crate::audience::{ReachCount, resolve};
use crate::db::entities::{class, enrolment, notice, notice_attachment, pupil, year_group};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::store;
use crate::notices::{
    AttachedFile, AudienceChoices, Autosaved, ComposeFields, ComposeForm, FormProblem, Target,
    TargetKind, status,
};
use crate::state::AppState;
use chrono::{TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The answer to a compose form post that shows the form again (or the error that stopped
/// it): the page rendered for the post shows this instead of reading the notice afresh.
#[derive(Clone, Debug)]
pub struct ComposeAnswer(pub Result<ComposeForm, AppError>);

/// "Reaches 58 families (91 parents and carers, 60 pupils)" in every language; `None` for an
/// audience not chosen yet.
pub async fn reach_of(
    state: &AppState,
    school_id: i32,
    audience: &crate::audience::Audience,
) -> Result<Option<PerLocale<String>>, AppError> {
    if audience.is_empty() {
        return Ok(None);
    }
    let count = resolve::reach(&state.db, school_id, audience)
        .await?
        .count();
    Ok(Some(reach_text(count)))
}

fn reach_text(reach: ReachCount) -> PerLocale<String> {
    let families = reach.families.to_string();
    let guardians = reach.guardians.to_string();
    let pupils = reach.pupils.to_string();
    PerLocale::build(|l| {
        msg!(
            l,
            "notice-reach",
            families = families.as_str(),
            guardians = guardians.as_str(),
            pupils = pupils.as_str()
        )
    })
}

/// The year groups, classes and pupils this member of staff may address with `school` (year
/// groups, the whole school) and `class` (classes, pupils): year groups only with the
/// whole-school grant, a teacher's own classes and their pupils otherwise.
pub async fn choices(
    state: &AppState,
    actor: &Actor,
    school: Capability,
    class: Capability,
) -> Result<AudienceChoices, AppError> {
    let school_wide =
        crate::access::allowed_scope(&actor.roles, school) == Some(Scope::WholeSchool);
    let mut targets = Vec::new();
    let Some(year) = resolve::current_year(&state.db, actor.school_id).await? else {
        return Ok(AudienceChoices {
            whole_school: school_wide,
            targets,
        });
    };
    if school_wide {
        let groups = year_group::Entity::find()
            .filter(year_group::Column::SchoolId.eq(actor.school_id))
            .order_by_asc(year_group::Column::Position)
            .all(&state.db)
            .await?;
        targets.extend(groups.into_iter().map(|g| Target {
            kind: TargetKind::YearGroup,
            id: g.id,
            name: g.name,
            within: String::new(),
        }));
    }
    let class_scope =
        crate::access::allowed_scope(&actor.roles, class).ok_or(AppError::Forbidden)?;
    let classes: Vec<class::Model> = class::Entity::find()
        .filter(class::Column::SchoolId.eq(actor.school_id))
        .filter(class::Column::AcademicYearId.eq(year.id))
        .order_by_asc(class::Column::Name)
        .all(&state.db)
        .await?
        .into_iter()
        .filter(|c| class_scope == Scope::WholeSchool || actor.classes.contains(&c.id))
        .collect();
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(year.id))
        .filter(enrolment::Column::ClassId.is_in(classes.iter().map(|c| c.id)))
        .all(&state.db)
        .await?;
    let names: HashMap<i32, String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(enrolments.iter().map(|e| e.pupil_id)))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id, crate::roster::display_name(&p)))
        .collect();
    let mut pupils = Vec::new();
    for c in &classes {
        let mut in_class: Vec<Target> = enrolments
            .iter()
            .filter(|e| e.class_id == Some(c.id))
            .filter_map(|e| {
                Some(Target {
                    kind: TargetKind::Pupil,
                    id: e.pupil_id,
                    name: names.get(&e.pupil_id)?.clone(),
                    within: c.name.clone(),
                })
            })
            .collect();
        in_class.sort_by(|a, b| a.name.cmp(&b.name));
        pupils.extend(in_class);
    }
    targets.extend(classes.into_iter().map(|c| Target {
        kind: TargetKind::Class,
        id: c.id,
        name: c.name,
        within: String::new(),
    }));
    targets.extend(pupils);
    Ok(AudienceChoices {
        whole_school: school_wide,
        targets,
    })
}

/// The page's data for `fields`, with the stored notice (if any) and the last save's problems
/// and notes.
pub async fn form(
    state: &AppState,
    actor: &Actor,
    fields: ComposeFields,
    notice: Option<&notice::Model>,
    problems: Vec<FormProblem>,
    notes: Vec<PerLocale<String>>,
) -> Result<ComposeForm, AppError> {
    let choices = choices(
        state,
        actor,
        Capability::NoticePublishSchool,
        Capability::NoticePublishClass,
    )
    .await?;
    let (files, stale) = match notice {
        Some(n) => {
            let files = notice_attachment::Entity::find()
                .filter(notice_attachment::Column::NoticeId.eq(n.id))
                .order_by_asc(notice_attachment::Column::Id)
                .all(&state.db)
                .await?
                .into_iter()
                .map(|f| AttachedFile {
                    id: f.id,
                    name: f.file_name,
                })
                .collect();
            let stale = crate::db::entities::notice_translation::Entity::find()
                .filter(crate::db::entities::notice_translation::Column::NoticeId.eq(n.id))
                .all(&state.db)
                .await?
                .into_iter()
                .filter(|t| t.source_revision < n.revision)
                .map(|t| t.language)
                .collect();
            (files, stale)
        }
        None => (Vec::new(), Vec::new()),
    };
    let reach = reach_of(state, actor.school_id, &fields.audience()).await?;
    Ok(ComposeForm {
        published: notice.is_some_and(|n| n.status == status::PUBLISHED),
        fields,
        choices,
        files,
        stale,
        reach,
        problems,
        notes,
        max_file_mb: (crate::storage::upload::MAX_ATTACHMENT_BYTES / (1024 * 1024)) as u32,
    })
}

/// The compose page's data: the form just posted if this page answers a post, else the stored
/// notice `id` (a draft or a published notice), or a new notice — about the calendar's `event`
/// when one is named, else empty.
pub async fn load(id: Option<i32>, event: Option<i32>) -> Result<ComposeForm, AppError> {
    let posted = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ComposeAnswer>().cloned());
    if let Some(ComposeAnswer(answer)) = posted {
        if answer.as_ref().is_ok_and(|f| !f.problems.is_empty()) {
            crate::error::set_response_status(&AppError::BadRequest);
        }
        return answer;
    }
    let actor = author(crate::access::current_actor()?)?;
    let state = crate::state::app_state()?;
    let Some(id) = id else {
        let fields = match event {
            Some(event) => {
                crate::calendar::editor::announce::compose_fields(&state, &actor, event).await?
            }
            None => ComposeFields {
                language: crate::auth::request::locale().tag().to_string(),
                ..ComposeFields::default()
            },
        };
        return form(&state, &actor, fields, None, Vec::new(), Vec::new()).await;
    };
    let notice =
        super::super::access::staff_notice(&state.db, &actor, Capability::NoticePublishClass, id)
            .await?;
    if notice.status == status::WITHDRAWN {
        return Err(AppError::NotFound);
    }
    let timezone = actor.zone.clone();
    let draft = store::load_draft(&state.db, &notice).await?;
    let fields = ComposeFields::from_draft(id, &draft, &timezone);
    form(
        &state,
        &actor,
        fields,
        Some(&notice),
        Vec::new(),
        Vec::new(),
    )
    .await
}

/// Saves a draft as the author types (the page sends the form's text fields): the draft is
/// created on the first call; returns its id, the audience's reach and when it was saved.
/// Published notices are not saved this way — their edits go out only on "Save changes".
pub async fn autosave(fields: Vec<(String, String)>) -> Result<Autosaved, AppError> {
    let state = crate::state::app_state()?;
    let actor = author(crate::access::current_actor()?)?;
    let mut typed = ComposeFields::default();
    for (name, value) in fields {
        typed.set(&name, value);
    }
    let existing = match typed.id {
        Some(id) => Some(
            super::super::access::staff_notice(
                &state.db,
                &actor,
                Capability::NoticePublishClass,
                id,
            )
            .await?,
        ),
        None => None,
    };
    if existing.as_ref().is_some_and(|n| n.status != status::DRAFT) {
        return Err(AppError::NotFound);
    }
    let timezone = actor.zone.clone();
    let (draft, _) = read_draft(&typed, &timezone, crate::auth::request::locale());
    if !draft.audience.is_empty() {
        may_address(&state, &actor, &draft.audience).await?;
    }
    let now = Utc::now();
    let id = store::save_draft(
        &state.db,
        actor.school_id,
        actor.user_id,
        existing.as_ref(),
        &draft,
        now,
    )
    .await?;
    let reach = reach_of(&state, actor.school_id, &draft.audience).await?;
    let time = crate::dates::zone(&timezone)
        .from_utc_datetime(&now.naive_utc())
        .format("%H:%M")
        .to_string();
    Ok(Autosaved {
        id,
        reach,
        status: PerLocale::build(|l: Locale| {
            msg!(l, "notice-draft-autosaved", time = time.as_str())
        }),
    })
}
