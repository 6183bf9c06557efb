//! Writing a notice: the compose form (new, draft or published), saved on every button press so a
//! refused publish loses nothing, with the reach of the chosen audience, translations and files.

use super::{StaffPage, doc_with_script, field_error, locale_of};
use crate::access::{Actor, Capability, CurrentActor, Scope};
use crate::audience::{Audience, resolve};
use crate::db::entities::{class, notice, notice_attachment, pupil, year_group};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::notices::store::{self, Draft, TranslationInput};
use crate::notices::{Category, files, status};
use crate::roster::documents::{error_page, escape};
use crate::state::AppState;
use axum::extract::{Extension, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;
use std::sync::Arc;

/// Longest title.
const MAX_TITLE_CHARS: usize = 200;
/// Longest body source.
const MAX_BODY_CHARS: usize = 20_000;

/// The form exactly as typed, so a refused save shows it again unchanged.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    id: Option<i32>,
    title: String,
    body: String,
    language: String,
    category: String,
    whole_school: bool,
    staff_only: bool,
    year_groups: Vec<i32>,
    classes: Vec<i32>,
    pupils: Vec<i32>,
    ack_required: bool,
    ack_by: String,
    publish_at: String,
    expires_at: String,
    pinned: bool,
    translations: HashMap<String, (String, String)>,
    remove_files: Vec<i32>,
}

impl Typed {
    /// Takes one form field as typed; unknown names are ignored.
    fn set(&mut self, name: &str, value: String) {
        let number = || value.trim().parse::<i32>().ok();
        match name {
            "id" => self.id = number(),
            "title" => self.title = value,
            "body" => self.body = value,
            "language" => self.language = value,
            "category" => self.category = value,
            "whole_school" => self.whole_school = true,
            "staff_only" => self.staff_only = true,
            "year_group" => self.year_groups.extend(number()),
            "class" => self.classes.extend(number()),
            "pupil" => self.pupils.extend(number()),
            "ack_required" => self.ack_required = true,
            "ack_by" => self.ack_by = value,
            "publish_at" => self.publish_at = value,
            "expires_at" => self.expires_at = value,
            "pinned" => self.pinned = true,
            "remove_file" => self.remove_files.extend(number()),
            other => {
                if let Some(tag) = other.strip_prefix("title_") {
                    self.translations.entry(tag.to_string()).or_default().0 = value;
                } else if let Some(tag) = other.strip_prefix("body_") {
                    self.translations.entry(tag.to_string()).or_default().1 = value;
                }
            }
        }
    }

    fn audience(&self) -> Audience {
        Audience {
            whole_school: self.whole_school,
            year_groups: self.year_groups.clone(),
            classes: self.classes.clone(),
            pupils: self.pupils.clone(),
            staff_only: self.staff_only,
        }
    }

    fn from_draft(id: i32, draft: &Draft, timezone: &str) -> Self {
        Self {
            id: Some(id),
            title: draft.title.clone(),
            body: draft.body_source.clone(),
            language: draft.language.tag().to_string(),
            category: draft.category.code().to_string(),
            whole_school: draft.audience.whole_school,
            staff_only: draft.audience.staff_only,
            year_groups: draft.audience.year_groups.clone(),
            classes: draft.audience.classes.clone(),
            pupils: draft.audience.pupils.clone(),
            ack_required: draft.ack_required,
            ack_by: draft.ack_by.map(|d| d.to_string()).unwrap_or_default(),
            publish_at: draft
                .publish_at
                .map(|t| crate::dates::input_value(timezone, t))
                .unwrap_or_default(),
            expires_at: draft
                .expires_at
                .map(|t| crate::dates::input_value(timezone, t))
                .unwrap_or_default(),
            pinned: draft.pinned,
            translations: draft
                .translations
                .iter()
                .map(|t| {
                    (
                        t.language.tag().to_string(),
                        (t.title.clone(), t.body_source.clone()),
                    )
                })
                .collect(),
            remove_files: Vec::new(),
        }
    }
}

/// A problem with one field, shown beside it.
type Problems = Vec<(&'static str, String)>;

/// Reads the typed values into a draft, leniently (a date that does not parse is left empty)
/// and lists every problem for publishing.
fn read_draft(typed: &Typed, timezone: &str, locale: Locale) -> (Draft, Problems) {
    let mut problems: Problems = Vec::new();
    let title = typed.title.trim().to_string();
    if title.is_empty() {
        problems.push(("title", msg!(locale, "error-field-required")));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        problems.push(("title", msg!(locale, "error-field-too-long")));
    }
    if typed.body.trim().is_empty() {
        problems.push(("body", msg!(locale, "error-field-required")));
    } else if typed.body.chars().count() > MAX_BODY_CHARS {
        problems.push(("body", msg!(locale, "error-field-too-long")));
    }
    let audience = typed.audience();
    if audience.is_empty() {
        problems.push(("audience", msg!(locale, "notice-audience-required")));
    }
    let mut date_field = |name: &'static str, value: &str| {
        if value.trim().is_empty() {
            return None;
        }
        let parsed = crate::dates::parse_input(timezone, value);
        if parsed.is_none() {
            problems.push((name, msg!(locale, "error-field-date")));
        }
        parsed
    };
    let publish_at = date_field("publish_at", &typed.publish_at);
    let expires_at = date_field("expires_at", &typed.expires_at);
    let ack_by = if typed.ack_by.trim().is_empty() {
        None
    } else {
        let parsed = NaiveDate::parse_from_str(typed.ack_by.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(("ack_by", msg!(locale, "error-field-date")));
        }
        parsed
    };
    let now = Utc::now();
    if let Some(expires) = expires_at
        && expires <= publish_at.unwrap_or(now)
    {
        problems.push(("expires_at", msg!(locale, "notice-expiry-before-publish")));
    }
    let language = Locale::from_tag(&typed.language).unwrap_or(locale);
    let translations = Locale::ALL
        .into_iter()
        .filter(|l| *l != language)
        .filter_map(|l| {
            let (title, body) = typed.translations.get(l.tag())?;
            if title.trim().is_empty() && body.trim().is_empty() {
                return None;
            }
            Some(TranslationInput {
                language: l,
                title: title.trim().to_string(),
                body_source: body.clone(),
            })
        })
        .collect::<Vec<_>>();
    for t in &translations {
        if t.title.is_empty() || t.body_source.trim().is_empty() {
            problems.push((
                "translations",
                msg!(locale, "notice-translation-incomplete"),
            ));
        }
    }
    let draft = Draft {
        title,
        body_source: typed.body.clone(),
        language,
        category: Category::from_code(&typed.category).unwrap_or_default(),
        audience,
        ack_required: typed.ack_required,
        ack_by: ack_by.filter(|_| typed.ack_required),
        publish_at,
        expires_at,
        pinned: typed.pinned,
        translations,
    };
    (draft, problems)
}

/// Whether the actor may address `audience`: the school or year groups need the whole-school
/// grant; classes and pupils the class grant within its scope.
async fn may_address(
    state: &AppState,
    actor: &Arc<Actor>,
    audience: &Audience,
) -> Result<(), AppError> {
    let capability = if audience.whole_school || !audience.year_groups.is_empty() {
        Capability::NoticePublishSchool
    } else {
        Capability::NoticePublishClass
    };
    let granted = super::access::grant(actor, capability)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    crate::audience::check_targets(&state.db, &granted, audience).await
}

/// The audience choices the form offers this member of staff.
struct Choices {
    whole_school: bool,
    year_groups: Vec<(i32, String)>,
    classes: Vec<(i32, String)>,
    pupils: HashMap<i32, Vec<(i32, String)>>,
}

async fn choices(state: &AppState, actor: &Actor) -> Result<Choices, AppError> {
    let school_wide = crate::access::allowed_scope(&actor.roles, Capability::NoticePublishSchool)
        == Some(Scope::WholeSchool);
    let Some(year) = resolve::current_year(&state.db, actor.school_id).await? else {
        return Ok(Choices {
            whole_school: school_wide,
            year_groups: Vec::new(),
            classes: Vec::new(),
            pupils: HashMap::new(),
        });
    };
    let year_groups = if school_wide {
        year_group::Entity::find()
            .filter(year_group::Column::SchoolId.eq(actor.school_id))
            .order_by_asc(year_group::Column::Position)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect()
    } else {
        Vec::new()
    };
    let class_scope = crate::access::allowed_scope(&actor.roles, Capability::NoticePublishClass)
        .ok_or(AppError::Forbidden)?;
    let classes: Vec<(i32, String)> = class::Entity::find()
        .filter(class::Column::SchoolId.eq(actor.school_id))
        .filter(class::Column::AcademicYearId.eq(year.id))
        .order_by_asc(class::Column::Name)
        .all(&state.db)
        .await?
        .into_iter()
        .filter(|c| class_scope == Scope::WholeSchool || actor.classes.contains(&c.id))
        .map(|c| (c.id, c.name))
        .collect();
    let class_ids: Vec<i32> = classes.iter().map(|(id, _)| *id).collect();
    let enrolments = crate::db::entities::enrolment::Entity::find()
        .filter(crate::db::entities::enrolment::Column::AcademicYearId.eq(year.id))
        .filter(crate::db::entities::enrolment::Column::ClassId.is_in(class_ids))
        .all(&state.db)
        .await?;
    let pupil_ids: Vec<i32> = enrolments.iter().map(|e| e.pupil_id).collect();
    let names: HashMap<i32, String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupil_ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id, crate::roster::display_name(&p)))
        .collect();
    let mut pupils: HashMap<i32, Vec<(i32, String)>> = HashMap::new();
    for e in enrolments {
        if let (Some(class_id), Some(name)) = (e.class_id, names.get(&e.pupil_id)) {
            pupils
                .entry(class_id)
                .or_default()
                .push((e.pupil_id, name.clone()));
        }
    }
    for list in pupils.values_mut() {
        list.sort_by(|a, b| a.1.cmp(&b.1));
    }
    Ok(Choices {
        whole_school: school_wide,
        year_groups,
        classes,
        pupils,
    })
}

/// The publishing actor, or the error page's error.
fn author(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let granted = super::access::grant(&actor, Capability::NoticePublishClass)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    Ok(actor)
}

/// `GET /admin/notices/new`: an empty form.
pub async fn new_notice(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = locale_of(&headers);
    let actor = match author(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let typed = Typed {
        language: locale.tag().to_string(),
        ..Typed::default()
    };
    render(&state, &actor, locale, &typed, None, &[], Vec::new()).await
}

/// `GET /admin/notices/{id}/edit`: the form filled from the stored notice.
pub async fn edit_notice(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let actor = author(&current)?;
        let notice =
            super::access::staff_notice(&state.db, &actor, Capability::NoticePublishClass, id)
                .await?;
        if notice.status == status::WITHDRAWN {
            return Err(AppError::NotFound);
        }
        let timezone = crate::school::db::timezone(&state.db, actor.school_id).await?;
        let draft = store::load_draft(&state.db, &notice).await?;
        Ok((actor, notice, Typed::from_draft(id, &draft, &timezone)))
    }
    .await;
    match result {
        Ok((actor, notice, typed)) => {
            render(
                &state,
                &actor,
                locale,
                &typed,
                Some(&notice),
                &[],
                Vec::new(),
            )
            .await
        }
        Err(err) => error_page(err, locale),
    }
}

/// Reads the multipart form: fields as typed, and uploaded files.
async fn read_form(
    mut multipart: Multipart,
) -> Result<(Typed, String, Vec<(String, Vec<u8>)>), AppError> {
    let mut typed = Typed::default();
    let mut action = String::new();
    let mut uploads = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::TooLong))?
    {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::TooLong))?;
            if !bytes.is_empty() {
                uploads.push((file_name, bytes.to_vec()));
            }
            continue;
        }
        let value = field
            .text()
            .await
            .map_err(|_| AppError::invalid(&name, crate::error::FieldProblem::Required))?;
        if name == "action" {
            action = value;
        } else {
            typed.set(&name, value);
        }
    }
    Ok((typed, action, uploads))
}

/// `POST /admin/notices/save`: saves what was typed (a draft, or changes to a published notice),
/// then checks the reach, keeps the draft, or publishes — as the pressed button says.
pub async fn save(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    multipart: Multipart,
) -> Response {
    let locale = locale_of(&headers);
    let actor = match author(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let (mut typed, action, uploads) = match read_form(multipart).await {
        Ok(read) => read,
        Err(err) => return error_page(err, locale),
    };
    match save_and_act(&state, &actor, locale, &mut typed, &action, uploads).await {
        Ok(Outcome::Done(id)) => Redirect::to(&format!("/admin/notices/{id}")).into_response(),
        Ok(Outcome::Again {
            notice,
            problems,
            notes,
        }) => {
            let mut response = render(
                &state,
                &actor,
                locale,
                &typed,
                notice.as_deref(),
                &problems,
                notes,
            )
            .await;
            if !problems.is_empty() {
                *response.status_mut() = http::StatusCode::BAD_REQUEST;
            }
            response
        }
        Err(err) => error_page(err, locale),
    }
}

enum Outcome {
    /// Published or saved: show the notice's page.
    Done(i32),
    /// Show the form again with these problems and notes.
    Again {
        notice: Option<Box<notice::Model>>,
        problems: Problems,
        notes: Vec<String>,
    },
}

async fn save_and_act(
    state: &AppState,
    actor: &Arc<Actor>,
    locale: Locale,
    typed: &mut Typed,
    action: &str,
    uploads: Vec<(String, Vec<u8>)>,
) -> Result<Outcome, AppError> {
    let existing = match typed.id {
        Some(id) => Some(
            super::access::staff_notice(&state.db, actor, Capability::NoticePublishClass, id)
                .await?,
        ),
        None => None,
    };
    if existing
        .as_ref()
        .is_some_and(|n| n.status == status::WITHDRAWN)
    {
        return Err(AppError::NotFound);
    }
    let timezone = crate::school::db::timezone(&state.db, actor.school_id).await?;
    let (draft, mut problems) = read_draft(typed, &timezone, locale);
    let published = existing
        .as_ref()
        .is_some_and(|n| n.status == status::PUBLISHED);
    let mut notes = Vec::new();
    // A published notice keeps its audience; only a draft's may change.
    if !published && !draft.audience.is_empty() {
        match may_address(state, actor, &draft.audience).await {
            Ok(()) => {}
            Err(AppError::Forbidden | AppError::NotFound) => {
                return Ok(Outcome::Again {
                    notice: existing.map(Box::new),
                    problems: vec![("audience", msg!(locale, "notice-audience-not-allowed"))],
                    notes,
                });
            }
            Err(e) => return Err(e),
        }
    }
    let now = Utc::now();
    let id = if published {
        let Some(notice) = existing.as_ref() else {
            return Err(AppError::NotFound);
        };
        if problems.iter().any(|(f, _)| *f != "audience") {
            return Ok(Outcome::Again {
                notice: existing.clone().map(Box::new),
                problems,
                notes,
            });
        }
        let mut kept = draft.clone();
        kept.audience = store::audience_of(notice);
        store::edit_published(&state.db, notice, actor.user_id, &kept, now).await?;
        crate::audit::record(
            &state.db,
            actor.school_id,
            actor.user_id,
            crate::audit::action::EDITED,
            ("notice", notice.id),
            &kept.title,
            now,
        )
        .await?;
        notice.id
    } else {
        store::save_draft(
            &state.db,
            actor.school_id,
            actor.user_id,
            existing.as_ref(),
            &draft,
            now,
        )
        .await?
    };
    typed.id = Some(id);
    // Files: removals first, then new uploads, each checked by its content.
    if !typed.remove_files.is_empty() {
        let doomed = notice_attachment::Entity::find()
            .filter(notice_attachment::Column::NoticeId.eq(id))
            .filter(notice_attachment::Column::Id.is_in(typed.remove_files.clone()))
            .all(&state.db)
            .await?;
        for file in doomed {
            notice_attachment::Entity::delete_by_id(file.id)
                .exec(&state.db)
                .await?;
            if let Err(e) = state.files.delete(&file.storage_key).await {
                tracing::warn!(error = %e, "removed attachment's bytes not deleted");
            }
        }
        typed.remove_files.clear();
    }
    let mut count = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .all(&state.db)
        .await?
        .len();
    for (name, bytes) in uploads {
        let name = files::clean_name(&name);
        let checked = if count >= files::MAX_ATTACHMENTS {
            Err(files::UploadProblem::Count)
        } else {
            files::check(&bytes)
        };
        match checked {
            Ok(content_type) => {
                let key = state.files.put(&bytes).await.map_err(|e| {
                    tracing::error!(error = %e, "storing an attachment failed");
                    AppError::Internal
                })?;
                notice_attachment::ActiveModel {
                    notice_id: Set(id),
                    file_name: Set(name),
                    content_type: Set(content_type.to_string()),
                    size_bytes: Set(bytes.len() as i64),
                    storage_key: Set(key),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&state.db)
                .await?;
                count += 1;
            }
            Err(problem) => {
                problems.push(("file", format!("{}: {}", name, problem.message(locale))))
            }
        }
    }
    let stored = notice::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let file_problems: Problems = problems
        .iter()
        .filter(|(f, _)| *f == "file")
        .cloned()
        .collect();
    match action {
        "publish" if !published => {
            if !problems.is_empty() {
                return Ok(Outcome::Again {
                    notice: Some(Box::new(stored.clone())),
                    problems,
                    notes,
                });
            }
            let at = draft.publish_at.filter(|t| *t > now).unwrap_or(now);
            store::publish(&state.db, &stored, at, now, &timezone).await?;
            crate::audit::record(
                &state.db,
                actor.school_id,
                actor.user_id,
                crate::audit::action::PUBLISHED,
                ("notice", id),
                &stored.title,
                now,
            )
            .await?;
            Ok(Outcome::Done(id))
        }
        "save" if published => {
            if file_problems.is_empty() {
                Ok(Outcome::Done(id))
            } else {
                Ok(Outcome::Again {
                    notice: Some(Box::new(stored.clone())),
                    problems: file_problems,
                    notes,
                })
            }
        }
        "check" => {
            let reach = resolve::reach(&state.db, actor.school_id, &draft.audience)
                .await?
                .count();
            notes.push(reach_text(locale, reach));
            notes.push(msg!(locale, "notice-draft-saved"));
            Ok(Outcome::Again {
                notice: Some(Box::new(stored.clone())),
                problems: file_problems,
                notes,
            })
        }
        _ => {
            notes.push(msg!(locale, "notice-draft-saved"));
            Ok(Outcome::Again {
                notice: Some(Box::new(stored.clone())),
                problems: file_problems,
                notes,
            })
        }
    }
}

/// "Reaches 58 families (91 guardians, 60 pupils)".
pub fn reach_text(locale: Locale, reach: crate::audience::ReachCount) -> String {
    let families = reach.families.to_string();
    let guardians = reach.guardians.to_string();
    let pupils = reach.pupils.to_string();
    msg!(
        locale,
        "notice-reach",
        families = families.as_str(),
        guardians = guardians.as_str(),
        pupils = pupils.as_str()
    )
}

fn checked(on: bool) -> &'static str {
    if on { " checked" } else { "" }
}

fn selected(on: bool) -> &'static str {
    if on { " selected" } else { "" }
}

/// The form, filled with `typed`, with problems beside their fields and notes on top.
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    actor: &Actor,
    locale: Locale,
    typed: &Typed,
    notice: Option<&notice::Model>,
    problems: &[(&'static str, String)],
    notes: Vec<String>,
) -> Response {
    let choices = match choices(state, actor).await {
        Ok(c) => c,
        Err(err) => return error_page(err, locale),
    };
    let attachments = match notice {
        Some(n) => notice_attachment::Entity::find()
            .filter(notice_attachment::Column::NoticeId.eq(n.id))
            .all(&state.db)
            .await
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let published = notice.is_some_and(|n| n.status == status::PUBLISHED);
    let reach = if typed.audience().is_empty() {
        None
    } else {
        resolve::reach(&state.db, actor.school_id, &typed.audience())
            .await
            .ok()
            .map(|r| r.count())
    };
    let mut page = StaffPage::default();
    let title = if published {
        msg!(locale, "notice-edit-title")
    } else {
        msg!(locale, "notice-compose-title")
    };
    if !problems.is_empty() {
        page.push(&format!(
            "<div class=\"form-error\" role=\"alert\"><p>{}</p><ul>{}</ul></div>",
            escape(&msg!(locale, "notice-problems")),
            problems
                .iter()
                .map(|(field, text)| format!(
                    "<li><a href=\"#field-{field}\">{}</a></li>",
                    escape(text)
                ))
                .collect::<String>()
        ));
    }
    for note in &notes {
        page.push(&format!(
            "<p class=\"notice-note\" role=\"status\">{}</p>",
            escape(note)
        ));
    }
    // Drafts save themselves as the author types (see `notices::autosave`); published notices
    // change only when "Save changes" is pressed.
    let mut form = format!(
        "<form method=\"post\" action=\"/admin/notices/save\" enctype=\"multipart/form-data\" class=\"compose\"{}>",
        if published { "" } else { " data-autosave" }
    );
    if let Some(id) = typed.id {
        form.push_str(&format!(
            "<input type=\"hidden\" name=\"id\" value=\"{id}\">"
        ));
    }
    // Original language and text.
    let language = Locale::from_tag(&typed.language).unwrap_or(locale);
    form.push_str(&format!(
        "<div class=\"field\" id=\"field-language\"><label for=\"notice-language\">{}</label><select id=\"notice-language\" name=\"language\">{}</select></div>",
        escape(&msg!(locale, "notice-language")),
        Locale::ALL
            .into_iter()
            .map(|l| format!(
                "<option value=\"{}\"{}>{}</option>",
                l.tag(),
                selected(l == language),
                escape(&crate::layout::endonym(l))
            ))
            .collect::<String>()
    ));
    form.push_str(&text_field(
        "title",
        "notice-title",
        &msg!(locale, "notice-title"),
        &typed.title,
        problems,
    ));
    form.push_str(&area_field(
        "body",
        "notice-body",
        &msg!(locale, "notice-body"),
        &typed.body,
        Some(&msg!(locale, "notice-body-hint")),
        problems,
    ));
    form.push_str(&format!(
        "<div class=\"field\" id=\"field-category\"><label for=\"notice-category\">{}</label><select id=\"notice-category\" name=\"category\">{}</select></div>",
        escape(&msg!(locale, "notice-category")),
        Category::ALL
            .into_iter()
            .map(|c| format!(
                "<option value=\"{}\"{}>{}</option>",
                c.code(),
                selected(c.code() == typed.category),
                escape(&c.name(locale))
            ))
            .collect::<String>()
    ));
    // Audience.
    if published {
        form.push_str(&format!(
            "<p id=\"field-audience\">{}</p>",
            escape(&msg!(locale, "notice-audience-fixed"))
        ));
    } else {
        let mut audience = format!(
            "<fieldset id=\"field-audience\" class=\"audience\"><legend>{}</legend>{}",
            escape(&msg!(locale, "notice-audience")),
            field_error("audience", problems)
        );
        if choices.whole_school {
            audience.push_str(&format!(
                "<label class=\"check\"><input type=\"checkbox\" name=\"whole_school\" value=\"on\"{}> {}</label>",
                checked(typed.whole_school),
                escape(&msg!(locale, "notice-audience-school"))
            ));
        }
        if !choices.year_groups.is_empty() {
            audience.push_str(&format!(
                "<p class=\"audience__group\">{}</p>",
                escape(&msg!(locale, "notice-audience-year-groups"))
            ));
            for (id, name) in &choices.year_groups {
                audience.push_str(&format!(
                    "<label class=\"check\"><input type=\"checkbox\" name=\"year_group\" value=\"{id}\"{}> {}</label>",
                    checked(typed.year_groups.contains(id)),
                    escape(name)
                ));
            }
        }
        audience.push_str(&format!(
            "<p class=\"audience__group\">{}</p>",
            escape(&msg!(locale, "notice-audience-classes"))
        ));
        for (id, name) in &choices.classes {
            audience.push_str(&format!(
                "<label class=\"check\"><input type=\"checkbox\" name=\"class\" value=\"{id}\"{}> {}</label>",
                checked(typed.classes.contains(id)),
                escape(name)
            ));
        }
        audience.push_str(&format!(
            "<p class=\"audience__group\">{}</p>",
            escape(&msg!(locale, "notice-audience-pupils"))
        ));
        for (class_id, class_name) in &choices.classes {
            let Some(pupils) = choices.pupils.get(class_id) else {
                continue;
            };
            let open = pupils.iter().any(|(id, _)| typed.pupils.contains(id));
            audience.push_str(&format!(
                "<details class=\"audience__pupils\"{}><summary>{}</summary>",
                if open { " open" } else { "" },
                escape(class_name)
            ));
            for (id, name) in pupils {
                audience.push_str(&format!(
                    "<label class=\"check\"><input type=\"checkbox\" name=\"pupil\" value=\"{id}\"{}> {}</label>",
                    checked(typed.pupils.contains(id)),
                    escape(name)
                ));
            }
            audience.push_str("</details>");
        }
        audience.push_str(&format!(
            "<label class=\"check\"><input type=\"checkbox\" name=\"staff_only\" value=\"on\"{}> {}</label>",
            checked(typed.staff_only),
            escape(&msg!(locale, "notice-audience-staff"))
        ));
        audience.push_str(&format!(
            "<p class=\"audience__reach\" data-reach role=\"status\">{}</p>",
            reach
                .map(|reach| escape(&reach_text(locale, reach)))
                .unwrap_or_default()
        ));
        audience.push_str(&format!(
            "<button class=\"button button--secondary\" type=\"submit\" name=\"action\" value=\"check\">{}</button></fieldset>",
            escape(&msg!(locale, "notice-check-reach"))
        ));
        form.push_str(&audience);
    }
    // Acknowledgement, timing, pin.
    form.push_str(&format!(
        "<fieldset id=\"field-ack\"><legend>{}</legend>\
         <label class=\"check\"><input type=\"checkbox\" name=\"ack_required\" value=\"on\"{}> {}</label>\
         <div class=\"field\" id=\"field-ack_by\"><label for=\"notice-ack-by\">{}</label><input id=\"notice-ack-by\" name=\"ack_by\" type=\"date\" value=\"{}\">{}</div></fieldset>",
        escape(&msg!(locale, "notice-ack")),
        checked(typed.ack_required),
        escape(&msg!(locale, "notice-ack-required")),
        escape(&msg!(locale, "notice-ack-by")),
        escape(&typed.ack_by),
        field_error("ack_by", problems),
    ));
    if !published {
        form.push_str(&format!(
            "<div class=\"field\" id=\"field-publish_at\"><label for=\"notice-publish-at\">{}</label><input id=\"notice-publish-at\" name=\"publish_at\" type=\"datetime-local\" value=\"{}\"><p class=\"field__hint\">{}</p>{}</div>",
            escape(&msg!(locale, "notice-publish-at")),
            escape(&typed.publish_at),
            escape(&msg!(locale, "notice-publish-at-hint")),
            field_error("publish_at", problems),
        ));
    }
    form.push_str(&format!(
        "<div class=\"field\" id=\"field-expires_at\"><label for=\"notice-expires-at\">{}</label><input id=\"notice-expires-at\" name=\"expires_at\" type=\"datetime-local\" value=\"{}\">{}</div>\
         <label class=\"check\"><input type=\"checkbox\" name=\"pinned\" value=\"on\"{}> {}</label>",
        escape(&msg!(locale, "notice-expires-at")),
        escape(&typed.expires_at),
        field_error("expires_at", problems),
        checked(typed.pinned),
        escape(&msg!(locale, "notice-pinned")),
    ));
    // Translations: one block per other shipped language.
    let stale_for: HashMap<String, bool> = match notice {
        Some(n) => crate::db::entities::notice_translation::Entity::find()
            .filter(crate::db::entities::notice_translation::Column::NoticeId.eq(n.id))
            .all(&state.db)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|t| (t.language, t.source_revision < n.revision))
            .collect(),
        None => HashMap::new(),
    };
    let mut translations = format!(
        "<fieldset id=\"field-translations\"><legend>{}</legend><p class=\"field__hint\">{}</p>{}",
        escape(&msg!(locale, "notice-translations")),
        escape(&msg!(locale, "notice-translations-hint")),
        field_error("translations", problems),
    );
    for other in Locale::ALL.into_iter().filter(|l| *l != language) {
        let (title, body) = typed
            .translations
            .get(other.tag())
            .cloned()
            .unwrap_or_default();
        let language_name = crate::layout::endonym(other);
        let stale = if stale_for.get(other.tag()).copied().unwrap_or(false) {
            format!(
                "<p class=\"stale\">{}</p>",
                escape(&msg!(locale, "notice-translation-stale"))
            )
        } else {
            String::new()
        };
        translations.push_str(&format!(
            "<div class=\"translation\" lang=\"{tag}\"><h2>{name}</h2>{stale}\
             <div class=\"field\"><label for=\"title-{tag}\">{title_label}</label><input id=\"title-{tag}\" name=\"title_{tag}\" value=\"{title}\"></div>\
             <div class=\"field\"><label for=\"body-{tag}\">{body_label}</label><textarea id=\"body-{tag}\" name=\"body_{tag}\" rows=\"6\">{body}</textarea></div></div>",
            tag = other.tag(),
            name = escape(&language_name),
            title_label = escape(&msg!(locale, "notice-title")),
            body_label = escape(&msg!(locale, "notice-body")),
            title = escape(&title),
            body = escape(&body),
        ));
    }
    translations.push_str("</fieldset>");
    form.push_str(&translations);
    // Files.
    let mut file_block = format!(
        "<fieldset id=\"field-file\"><legend>{}</legend>{}",
        escape(&msg!(locale, "notice-files")),
        field_error("file", problems)
    );
    for file in &attachments {
        file_block.push_str(&format!(
            "<label class=\"check\"><input type=\"checkbox\" name=\"remove_file\" value=\"{}\"> {} — {}</label>",
            file.id,
            escape(&msg!(locale, "notice-file-remove")),
            escape(&file.file_name)
        ));
    }
    file_block.push_str(&format!(
        "<div class=\"field\"><label for=\"notice-file\">{}</label><input id=\"notice-file\" name=\"file\" type=\"file\" multiple accept=\"application/pdf,image/png,image/jpeg,image/gif,image/webp\"><p class=\"field__hint\">{}</p></div></fieldset>",
        escape(&msg!(locale, "notice-file-add")),
        escape(&files::UploadProblem::Size.message(locale)),
    ));
    form.push_str(&file_block);
    // Buttons.
    if published {
        form.push_str(&format!(
            "<p class=\"compose__actions\"><button class=\"button\" type=\"submit\" name=\"action\" value=\"save\">{}</button></p>",
            escape(&msg!(locale, "notice-save-changes"))
        ));
    } else {
        form.push_str(&format!(
            "<p class=\"field__hint\" data-autosave-status role=\"status\"></p>\
             <p class=\"compose__actions\"><button class=\"button\" type=\"submit\" name=\"action\" value=\"publish\">{}</button>\
             <button class=\"button button--secondary\" type=\"submit\" name=\"action\" value=\"draft\">{}</button></p>",
            escape(&msg!(locale, "notice-publish")),
            escape(&msg!(locale, "notice-save-draft")),
        ));
    }
    form.push_str("</form>");
    page.push(&form);
    doc_with_script(state, locale, &title, page)
}

fn text_field(
    name: &'static str,
    id: &str,
    label: &str,
    value: &str,
    problems: &[(&'static str, String)],
) -> String {
    format!(
        "<div class=\"field\" id=\"field-{name}\"><label for=\"{id}\">{}</label><input id=\"{id}\" name=\"{name}\" value=\"{}\">{}</div>",
        escape(label),
        escape(value),
        field_error(name, problems)
    )
}

fn area_field(
    name: &'static str,
    id: &str,
    label: &str,
    value: &str,
    hint: Option<&str>,
    problems: &[(&'static str, String)],
) -> String {
    format!(
        "<div class=\"field\" id=\"field-{name}\"><label for=\"{id}\">{}</label><textarea id=\"{id}\" name=\"{name}\" rows=\"10\">{}</textarea>{}{}</div>",
        escape(label),
        escape(value),
        hint.map(|h| format!("<p class=\"field__hint\">{}</p>", escape(h)))
            .unwrap_or_default(),
        field_error(name, problems)
    )
}

/// Saves a draft as the author types (the page's script sends the form's text fields): the draft
/// is created on the first call; returns its id, the audience's reach and when it was saved.
/// Published notices are not saved this way — their edits go out only on "Save changes".
pub async fn autosave(
    fields: Vec<(String, String)>,
) -> Result<crate::notices::Autosaved, AppError> {
    let state = crate::state::app_state()?;
    let actor = crate::access::current_actor()?;
    let actor = author(&CurrentActor(Some(actor)))?;
    let locale = crate::auth::request::locale();
    let mut typed = Typed::default();
    for (name, value) in fields {
        typed.set(&name, value);
    }
    let existing = match typed.id {
        Some(id) => Some(
            super::access::staff_notice(&state.db, &actor, Capability::NoticePublishClass, id)
                .await?,
        ),
        None => None,
    };
    if existing.as_ref().is_some_and(|n| n.status != status::DRAFT) {
        return Err(AppError::NotFound);
    }
    let timezone = crate::school::db::timezone(&state.db, actor.school_id).await?;
    let (draft, _) = read_draft(&typed, &timezone, locale);
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
    let reach = if draft.audience.is_empty() {
        String::new()
    } else {
        reach_text(
            locale,
            resolve::reach(&state.db, actor.school_id, &draft.audience)
                .await?
                .count(),
        )
    };
    let time = crate::dates::zone(&timezone)
        .from_utc_datetime(&now.naive_utc())
        .format("%H:%M")
        .to_string();
    Ok(crate::notices::Autosaved {
        id,
        reach,
        status: msg!(locale, "notice-draft-autosaved", time = time.as_str()),
    })
}
