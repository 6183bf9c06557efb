//! What staff see of forms: the forms they look after with how far the answers have come, and
//! one form's figures — every child asked, where each stands, and each guardian's latest
//! answer. Two guardians of one child who answered a consent differently make the child
//! "conflicting", and staff see both answers. The office and leadership see every form of the
//! school; a teacher sees the forms sent to their classes, and only their classes' children.

use super::definition::{Answers, Definition, Kind, answer};
use super::reader::readable_definition;
use super::staff_dto::{ChildRow, FormFigures, GuardianAnswer, StaffFormList, StaffFormRow};
use super::store::state;
use crate::access::{Capability, Granted, Scope, allowed_scope, authorize};
use crate::audience::{Audience, target};
use crate::db::entities::{class, enrolment, form, form_response, form_target, guardian, pupil};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Where a child stands, as staff see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Guardians answered a consent differently.
    Conflicting,
    /// Not answered, form open.
    ToDo,
    /// Not answered, form closed.
    Overdue,
    /// Every answer withdrew its consent.
    Withdrawn,
    /// Answered.
    Done,
    /// Answered, but the consents given lapsed (`form.consent_until`): to be asked again.
    Lapsed,
}

/// Where a form is in its life at a moment: taking answers or not, its consents lapsed or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Answers are taken.
    pub open: bool,
    /// The consents given on it no longer count.
    pub lapsed: bool,
}

impl Moment {
    /// `form` at `now`.
    pub fn of(form: &form::Model, now: chrono::DateTime<Utc>) -> Self {
        Moment {
            open: now < form.closes_at,
            lapsed: lapsed(form, now),
        }
    }
}

/// Whether the consents given on `form` lapsed by `now`: at its `consent_until` (the end of the
/// academic year unless the form says otherwise).
pub fn lapsed(form: &form::Model, now: chrono::DateTime<Utc>) -> bool {
    form.consent_until.is_some_and(|until| now >= until)
}

impl Standing {
    /// What staff read for it.
    pub fn label(self, l: crate::i18n::Locale) -> String {
        match self {
            Standing::Conflicting => msg!(l, "form-staff-conflict"),
            Standing::ToDo => msg!(l, "form-status-todo"),
            Standing::Overdue => msg!(l, "form-status-overdue"),
            Standing::Withdrawn => msg!(l, "form-status-withdrawn"),
            Standing::Done => msg!(l, "form-status-done"),
            Standing::Lapsed => msg!(l, "form-status-lapsed"),
        }
    }

    /// Its badge's class.
    fn badge(self) -> &'static str {
        match self {
            Standing::Conflicting | Standing::Overdue | Standing::Withdrawn | Standing::Lapsed => {
                "badge badge--late"
            }
            Standing::ToDo => "badge badge--todo",
            Standing::Done => "badge badge--done",
        }
    }
}

/// A form's audience, read back from its targets.
pub async fn audience_of<C: ConnectionTrait>(db: &C, form_id: i32) -> Result<Audience, AppError> {
    let targets = form_target::Entity::find()
        .filter(form_target::Column::FormId.eq(form_id))
        .all(db)
        .await?;
    Ok(audience_from(&targets))
}

/// The audience that `targets` (one form's) make.
fn audience_from(targets: &[form_target::Model]) -> Audience {
    let mut audience = Audience::default();
    for t in targets {
        match t.kind.as_str() {
            target::SCHOOL => audience.whole_school = true,
            target::YEAR_GROUP => audience.year_groups.push(t.target_id),
            target::CLASS => audience.classes.push(t.target_id),
            target::PUPIL => audience.pupils.push(t.target_id),
            _ => {}
        }
    }
    audience
}

/// The audiences of `forms`, by form, in one query.
async fn audiences_of<C: ConnectionTrait>(
    db: &C,
    forms: &[form::Model],
) -> Result<HashMap<i32, Audience>, AppError> {
    let mut targets: HashMap<i32, Vec<form_target::Model>> = HashMap::new();
    for t in form_target::Entity::find()
        .filter(form_target::Column::FormId.is_in(forms.iter().map(|f| f.id)))
        .all(db)
        .await?
    {
        targets.entry(t.form_id).or_default().push(t);
    }
    Ok(forms
        .iter()
        .map(|f| {
            let of_form = targets.get(&f.id).map(Vec::as_slice).unwrap_or_default();
            (f.id, audience_from(of_form))
        })
        .collect())
}

/// The year groups of a teacher's classes, read once for every form they look at.
async fn teacher_classes<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
) -> Result<Vec<class::Model>, AppError> {
    if granted.scope != Scope::OwnClasses {
        return Ok(Vec::new());
    }
    Ok(class::Entity::find()
        .filter(class::Column::Id.is_in(granted.actor.classes.iter().copied()))
        .all(db)
        .await?)
}

/// Whether `granted` reaches form `form` (whose audience is `audience`; `classes` are a
/// teacher's own): the whole school's; a teacher's when it asks any child of their classes
/// (its figures then show only those children) or they made it.
async fn looks_after<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    form: &form::Model,
    audience: &Audience,
    classes: &[class::Model],
) -> Result<bool, AppError> {
    if form.school_id != granted.actor.school_id {
        return Ok(false);
    }
    match granted.scope {
        Scope::WholeSchool => Ok(true),
        Scope::OwnChildren => Ok(false),
        Scope::OwnClasses => {
            if form.created_by == granted.actor.user_id {
                return Ok(true);
            }
            if classes.iter().any(|c| {
                audience.whole_school
                    || audience.classes.contains(&c.id)
                    || audience.year_groups.contains(&c.year_group_id)
            }) {
                return Ok(true);
            }
            if audience.pupils.is_empty() {
                return Ok(false);
            }
            // A form for single pupils: any of them in the teacher's classes.
            let pupils_here = enrolment::Entity::find()
                .filter(enrolment::Column::PupilId.is_in(audience.pupils.iter().copied()))
                .filter(enrolment::Column::ClassId.is_in(granted.actor.classes.iter().copied()))
                .one(db)
                .await?;
            Ok(pupils_here.is_some())
        }
    }
}

/// Form `id` when the signed-in member of staff (`granted`) looks after it, with its audience;
/// otherwise not found, so a form of another school or class is not told apart from none.
pub async fn looked_after<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
) -> Result<(form::Model, Audience), AppError> {
    let form = form::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let audience = audience_of(db, form.id).await?;
    let classes = teacher_classes(db, granted).await?;
    if !looks_after(db, granted, &form, &audience, &classes).await? {
        return Err(AppError::NotFound);
    }
    Ok((form, audience))
}

/// One guardian's latest answer to a form for a child.
pub struct Latest {
    /// The guardian who answered.
    pub guardian_id: i32,
    /// Their latest version.
    pub response: form_response::Model,
}

/// Who a form asks, among the children a grant reaches, and how far they have answered.
pub struct Progress {
    /// Each asked child with their class this year.
    pub children: Vec<(i32, Option<i32>)>,
    /// Each child's guardians' latest answers, by child.
    pub answers: HashMap<i32, Vec<Latest>>,
    /// Every guardian the form reaches, with the reached children linked to them.
    pub guardians: std::collections::BTreeMap<i32, Vec<i32>>,
}

impl Progress {
    /// The latest answers for `pupil`, one per guardian.
    pub fn latest_of(&self, pupil: i32) -> Vec<&form_response::Model> {
        self.answers
            .get(&pupil)
            .map(|l| l.iter().map(|a| &a.response).collect())
            .unwrap_or_default()
    }
}

/// Each asked child's latest answers per guardian, for the children `granted` reaches of
/// `form`, whose audience is `audience`.
pub async fn progress_of<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    form: &form::Model,
    audience: &Audience,
) -> Result<Progress, AppError> {
    progress_of_many(db, granted, &[(form, audience)])
        .await?
        .pop()
        .ok_or(AppError::Internal)
}

/// [`progress_of`] for each of `forms` (with their audiences), in order, in a few statements
/// whatever their number: each distinct audience resolved once, the children's classes and
/// every form's answers read in one statement each.
pub async fn progress_of_many<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    forms: &[(&form::Model, &Audience)],
) -> Result<Vec<Progress>, AppError> {
    let Some(school_id) = forms.first().map(|(f, _)| f.school_id) else {
        return Ok(Vec::new());
    };
    // Forms sent to the same year groups or classes share their reach.
    let mut reaches: Vec<(&Audience, crate::audience::resolve::Reach)> = Vec::new();
    for (_, audience) in forms {
        if !reaches.iter().any(|(a, _)| a == audience) {
            let reach = crate::audience::resolve::reach(db, school_id, audience).await?;
            reaches.push((audience, reach));
        }
    }
    let mut pupils: Vec<i32> = reaches
        .iter()
        .flat_map(|(_, r)| r.guardians.values().flatten().copied())
        .collect();
    pupils.sort_unstable();
    pupils.dedup();
    let year = crate::audience::resolve::current_year(db, school_id).await?;
    let classes: HashMap<i32, Option<i32>> = match &year {
        Some(year) if !pupils.is_empty() => enrolment::Entity::find()
            .filter(enrolment::Column::AcademicYearId.eq(year.id))
            .filter(enrolment::Column::PupilId.is_in(pupils.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.pupil_id, e.class_id))
            .collect(),
        _ => HashMap::new(),
    };
    // Each form's latest answer per (child, guardian): versions ascending, the last one kept.
    let mut latest: HashMap<i32, HashMap<(i32, i32), form_response::Model>> = HashMap::new();
    for r in form_response::Entity::find()
        .filter(form_response::Column::FormId.is_in(forms.iter().map(|(f, _)| f.id)))
        .order_by_asc(form_response::Column::Version)
        .all(db)
        .await?
    {
        if let Some(pupil) = r.pupil_id {
            latest
                .entry(r.form_id)
                .or_default()
                .insert((pupil, r.guardian_id), r);
        }
    }
    Ok(forms
        .iter()
        .map(|(form, audience)| {
            let guardians = reaches
                .iter()
                .find(|(a, _)| a == audience)
                .map(|(_, r)| r.guardians.clone())
                .unwrap_or_default();
            let mut pupils: Vec<i32> = guardians.values().flatten().copied().collect();
            pupils.sort_unstable();
            pupils.dedup();
            let children: Vec<(i32, Option<i32>)> = pupils
                .into_iter()
                .map(|p| (p, classes.get(&p).copied().flatten()))
                .filter(|(_, class)| granted.covers(form.school_id, *class))
                .collect();
            let mut answers: HashMap<i32, Vec<Latest>> = HashMap::new();
            for ((pupil, guardian_id), response) in latest.remove(&form.id).unwrap_or_default() {
                answers.entry(pupil).or_default().push(Latest {
                    guardian_id,
                    response,
                });
            }
            if form.per_family {
                // The family's answer is its newest, whichever guardian gave it: one answer,
                // never two in conflict.
                for given in answers.values_mut() {
                    given.sort_by_key(|l| l.response.id);
                    let newest = given.pop();
                    given.clear();
                    given.extend(newest);
                }
            }
            Progress {
                children,
                answers,
                guardians,
            }
        })
        .collect())
}

/// The names of the members of staff who took answers by phone among `answers`, by account.
pub(super) async fn takers<'a, C: ConnectionTrait>(
    db: &C,
    answers: impl Iterator<Item = &'a Latest>,
) -> Result<HashMap<i32, String>, AppError> {
    let accounts = answers
        .filter(|a| a.response.channel == super::store::channel::PHONE)
        .map(|a| a.response.user_id);
    Ok(crate::roster::accounts::staff_names(db, accounts).await?)
}

/// Who took `response` by phone, from `takers`; `None` for an answer given in the portal.
pub(super) fn taker<'a>(
    takers: &'a HashMap<i32, String>,
    response: &form_response::Model,
) -> Option<&'a str> {
    (response.channel == super::store::channel::PHONE)
        .then(|| takers.get(&response.user_id).map(String::as_str))
        .flatten()
}

/// Where a child stands from their guardians' latest answers, at `moment`.
pub fn standing(
    definition: &Definition,
    answers: &[&form_response::Model],
    moment: Moment,
) -> Standing {
    if answers.is_empty() {
        return if moment.open {
            Standing::ToDo
        } else {
            Standing::Overdue
        };
    }
    let consents: Vec<Vec<Option<String>>> = answers
        .iter()
        .map(|r| {
            let given: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
            definition
                .fields
                .iter()
                .filter(|f| f.is_consent())
                .map(|f| given.get(&f.key).cloned())
                .collect()
        })
        .collect();
    if consents.windows(2).any(|pair| pair[0] != pair[1]) {
        return Standing::Conflicting;
    }
    if answers.iter().all(|r| r.state == state::WITHDRAWN) {
        return Standing::Withdrawn;
    }
    if moment.lapsed && definition.asks_consent() {
        return Standing::Lapsed;
    }
    Standing::Done
}

/// "12 of 58 answered · 1 conflicting", from each asked child's standing.
fn progress(standings: &[Standing]) -> PerLocale<String> {
    let done = standings
        .iter()
        .filter(|s| !matches!(s, Standing::ToDo | Standing::Overdue))
        .count();
    let conflicting = standings
        .iter()
        .filter(|s| **s == Standing::Conflicting)
        .count();
    PerLocale::build(|l| {
        let (done, asked) = (done.to_string(), standings.len().to_string());
        if conflicting > 0 {
            let conflicting = conflicting.to_string();
            msg!(
                l,
                "form-staff-progress-conflicting",
                done = done.as_str(),
                asked = asked.as_str(),
                count = conflicting.as_str()
            )
        } else {
            msg!(
                l,
                "form-staff-progress",
                done = done.as_str(),
                asked = asked.as_str()
            )
        }
    })
}

/// The forms the signed-in member of staff looks after, newest first.
pub async fn staff_list() -> Result<StaffFormList, AppError> {
    let granted = authorize(Capability::FormManage)?;
    let state = crate::state::app_state()?;
    let db = &state.db;
    let zone = granted.actor.zone.clone();
    let now = Utc::now();
    let all = form::Entity::find()
        .filter(form::Column::SchoolId.eq(granted.actor.school_id))
        .order_by_desc(form::Column::Id)
        .all(db)
        .await?;
    let audiences = audiences_of(db, &all).await?;
    let classes = teacher_classes(db, &granted).await?;
    let mut shown = Vec::new();
    for form in &all {
        let Some(audience) = audiences.get(&form.id) else {
            continue;
        };
        if !looks_after(db, &granted, form, audience, &classes).await? {
            continue;
        }
        let Some(definition) = readable_definition(form) else {
            continue;
        };
        shown.push((form, audience, definition));
    }
    let asked: Vec<(&form::Model, &Audience)> = shown.iter().map(|(f, a, _)| (*f, *a)).collect();
    let progresses = progress_of_many(db, &granted, &asked).await?;
    let mut forms = Vec::new();
    for ((form, _, definition), progress_now) in shown.into_iter().zip(progresses) {
        let moment = Moment::of(form, now);
        let standings: Vec<Standing> = progress_now
            .children
            .iter()
            .map(|(pupil, _)| standing(&definition, &progress_now.latest_of(*pupil), moment))
            .collect();
        forms.push(StaffFormRow {
            id: form.id,
            title: texts(&definition, form),
            due: PerLocale::build(|l| {
                let date = crate::dates::date_time(l, &zone, form.closes_at);
                msg!(l, "form-staff-closes", date = date.as_str())
            }),
            progress: progress(&standings),
        });
    }
    let changes = match allowed_scope(&granted.actor.roles, Capability::RosterChangeApprove) {
        Some(Scope::WholeSchool) => {
            let waiting =
                crate::roster::change_queue::waiting_count(db, granted.actor.school_id).await?;
            let count = waiting.to_string();
            let label = PerLocale::build(|l| msg!(l, "changes-link", count = count.as_str()));
            Some((crate::roster::CHANGES_PATH.to_string(), label))
        }
        _ => None,
    };
    Ok(StaffFormList {
        forms,
        changes,
        templates: super::create::template_links(),
        words: [
            PerLocale::build(|l| msg!(l, "form-staff-heading")),
            PerLocale::build(|l| msg!(l, "form-staff-empty")),
        ],
    })
}

fn texts(definition: &Definition, form: &form::Model) -> PerLocale<String> {
    PerLocale::build(|l| {
        super::definition::in_language(&definition.title, l.tag(), &form.language).to_string()
    })
}

/// The names of the children `progress` asks, and of their classes, by id.
pub(super) async fn names_of<C: ConnectionTrait>(
    db: &C,
    progress: &Progress,
) -> Result<(HashMap<i32, String>, HashMap<i32, String>), AppError> {
    let children: HashMap<i32, String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(progress.children.iter().map(|(p, _)| *p)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, crate::roster::display_name(&p)))
        .collect();
    let classes: HashMap<i32, String> = class::Entity::find()
        .filter(class::Column::Id.is_in(progress.children.iter().filter_map(|(_, c)| *c)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok((children, classes))
}

/// Form `id`'s figures for the signed-in member of staff who looks after it, with what became
/// of what they just did (`done`: how many were reminded, or why none; an answer recorded).
pub async fn figures(id: i32, done: Option<String>) -> Result<FormFigures, AppError> {
    let granted = authorize(Capability::FormManage)?;
    let state = crate::state::app_state()?;
    figures_for(&state.db, &granted, id, done).await
}

/// Form `id`'s figures for `granted`, who must look after it.
pub async fn figures_for<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
    done: Option<String>,
) -> Result<FormFigures, AppError> {
    let (form, audience) = looked_after(db, granted, id).await?;
    let definition = readable_definition(&form).ok_or(AppError::Internal)?;
    let zone = crate::school::db::timezone(db, form.school_id).await?;
    let progress_now = progress_of(db, granted, &form, &audience).await?;
    let (asked, answers) = (&progress_now.children, &progress_now.answers);
    let (names, class_names) = names_of(db, &progress_now).await?;
    let guardian_ids: Vec<i32> = answers.values().flatten().map(|a| a.guardian_id).collect();
    let guardian_names: HashMap<i32, String> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(guardian_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let moment = Moment::of(&form, Utc::now());
    let open = moment.open;
    let takers = takers(db, answers.values().flatten()).await?;
    let consent_keys = definition.keys_of(Kind::Consent);
    let signature_keys = definition.keys_of(Kind::Signature);
    let file_keys = definition.keys_of(Kind::File);
    let mut rows: Vec<(Standing, ChildRow)> = Vec::new();
    for (pupil, class) in asked {
        let latest = answers.get(pupil).map(Vec::as_slice).unwrap_or_default();
        let standing = standing(&definition, &progress_now.latest_of(*pupil), moment);
        let mut latest: Vec<_> = latest
            .iter()
            .map(|a| {
                let name = guardian_names
                    .get(&a.guardian_id)
                    .cloned()
                    .unwrap_or_default();
                (name, a)
            })
            .collect();
        latest.sort_by(|(a, _), (b, _)| a.cmp(b));
        let guardian_answers: Vec<GuardianAnswer> = latest
            .into_iter()
            .map(|(name, a)| {
                let given: Answers = serde_json::from_str(&a.response.answers).unwrap_or_default();
                let consent = consent_keys.iter().find_map(|k| given.get(*k).cloned());
                let withdrawn = a.response.state == state::WITHDRAWN;
                let drawing = signature_keys
                    .iter()
                    .find_map(|k| given.get(&super::drawing::key(k)).cloned())
                    .map(|path| {
                        let label = PerLocale::build(|l| {
                            msg!(l, "form-staff-drawn-signature", name = name.as_str())
                        });
                        (path, label)
                    });
                let files = file_keys
                    .iter()
                    .filter(|k| given.contains_key(&super::attachment::key(k)))
                    .filter_map(|k| {
                        let name = given.get(*k)?.clone();
                        let href = format!("/forms/{}/answers/{}/{k}", form.id, a.response.id);
                        Some((href, name))
                    })
                    .collect();
                GuardianAnswer {
                    drawing,
                    files,
                    summary: PerLocale::build(|l| {
                        let when = crate::dates::date_time(l, &zone, a.response.submitted_at);
                        let what = match (withdrawn, consent.as_deref()) {
                            (true, _) => msg!(l, "form-status-withdrawn"),
                            (false, Some(answer::YES)) => msg!(l, "form-staff-gives-consent"),
                            (false, Some(_)) => msg!(l, "form-staff-refuses-consent"),
                            (false, None) => msg!(l, "form-status-done"),
                        };
                        match taker(&takers, &a.response) {
                            Some(taker) => msg!(
                                l,
                                "form-staff-answer-line-phone",
                                name = name.as_str(),
                                answer = what.as_str(),
                                date = when.as_str(),
                                taker = taker
                            ),
                            None => msg!(
                                l,
                                "form-staff-answer-line",
                                name = name.as_str(),
                                answer = what.as_str(),
                                date = when.as_str()
                            ),
                        }
                    }),
                }
            })
            .collect();
        let status = PerLocale::build(|l| standing.label(l));
        let badge = standing.badge();
        rows.push((
            standing,
            ChildRow {
                name: names.get(pupil).cloned().unwrap_or_default(),
                class: class
                    .and_then(|c| class_names.get(&c).cloned())
                    .unwrap_or_default(),
                status,
                badge: badge.to_string(),
                answers: guardian_answers,
                record: open.then(|| super::on_behalf::record_href(form.id, *pupil, None)),
            },
        ));
    }
    // Conflicts first, then those still to do, each by class and name.
    rows.sort_by(|(sa, a), (sb, b)| (sa, &a.class, &a.name).cmp(&(sb, &b.class, &b.name)));
    let standings: Vec<Standing> = rows.iter().map(|(s, _)| *s).collect();
    Ok(FormFigures {
        id: form.id,
        title: texts(&definition, &form),
        progress: progress(&standings),
        children: rows.into_iter().map(|(_, row)| row).collect(),
        note: done.as_deref().and_then(|code| {
            if code == super::on_behalf::RECORDED {
                Some(PerLocale::build(|l| msg!(l, "form-staff-recorded")))
            } else {
                super::remind::note(code)
            }
        }),
        last_reminded: form.last_reminded_at.map(|at| {
            PerLocale::build(|l| {
                let date = crate::dates::date_time(l, &zone, at);
                msg!(l, "form-staff-last-reminded", date = date.as_str())
            })
        }),
        open,
        words: [
            PerLocale::build(|l| msg!(l, "form-staff-back")),
            PerLocale::build(|l| msg!(l, "form-staff-child")),
            PerLocale::build(|l| msg!(l, "form-staff-class")),
            PerLocale::build(|l| msg!(l, "form-staff-status")),
            PerLocale::build(|l| msg!(l, "form-staff-answers")),
            PerLocale::build(|l| msg!(l, "form-staff-remind")),
            PerLocale::build(|l| msg!(l, "form-staff-export-csv")),
            PerLocale::build(|l| msg!(l, "form-staff-export-xlsx")),
            PerLocale::build(|l| msg!(l, "form-record-link")),
            PerLocale::build(|l| msg!(l, "form-staff-trip-list")),
        ],
    })
}
