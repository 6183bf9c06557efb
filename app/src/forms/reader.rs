//! What a signed-in guardian sees of forms: the list of their children's forms with where each
//! child stands, and one form for one child, with their answers.

use super::definition::{Answers, Definition, Kind, Problem, answer, in_language};
use super::store::{self, Asked, state};
use super::{ChildStatus, FieldView, FormCard, FormList, FormPage, FormWords, Status};
use crate::access::{Actor, Capability, authorize};
use crate::db::entities::{form, form_response, guardian_pupil};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// The signed-in guardian's forms for the children the switcher shows, those still to do
/// first. Staff answer no forms: their list is empty.
pub async fn list() -> Result<FormList, AppError> {
    let actor = crate::access::current_actor()?;
    let empty = PerLocale::build(|l| msg!(l, "form-list-empty"));
    if crate::access::allowed_scope(&actor.roles, Capability::FormAnswer).is_none() {
        return Ok(FormList {
            forms: Vec::new(),
            empty,
            contact: None,
        });
    }
    let state = crate::state::app_state()?;
    let db = &state.db;
    let now = Utc::now();
    let asked = store::asked(db, actor.school_id, &actor.chosen_memberships(), now).await?;
    let standing = match actor.guardian_id {
        Some(guardian) => Standing::read(db, guardian, &asked).await?,
        None => Standing::default(),
    };
    let zone = actor.zone.clone();
    let answered = store::answered(db, &asked).await?;
    let mut forms: Vec<(bool, FormCard)> = asked
        .into_iter()
        .filter_map(|Asked { form, children }| {
            let definition = readable_definition(&form)?;
            let family = form
                .per_family
                .then(|| standing.family_status(&form, &definition, &children, now));
            let children: Vec<ChildStatus> = children
                .iter()
                .map(|&pupil| {
                    let status = family.unwrap_or_else(|| {
                        status_of(&form, &definition, standing.answer(&form, pupil), now)
                    });
                    child_status(child_name(&actor, pupil), pupil, status)
                })
                .collect();
            let waiting = children.iter().any(|c| c.status == Status::ToDo);
            // The school's reminder is for children nobody has answered for yet.
            let reminded = children
                .iter()
                .any(|c| !answered.contains(&(form.id, c.pupil_id)));
            let card = FormCard {
                id: form.id,
                title: texts(&definition.title, &form.language),
                due: due(&form, &zone, now, reminded),
                children,
                per_family: form.per_family,
            };
            Some((waiting, card))
        })
        .collect();
    // Still to do first; the order within each group (closing soonest) is kept.
    forms.sort_by_key(|(waiting, _)| !waiting);
    Ok(FormList {
        forms: forms.into_iter().map(|(_, card)| card).collect(),
        empty,
        contact: Some(contact_link()),
    })
}

/// Each form `actor` still has to answer for a child the switcher shows, as (form, child),
/// closing soonest first: the tab's count and the home page's list. Nothing for staff.
pub async fn to_do<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<(form::Model, i32)>, AppError> {
    let Some(guardian) = actor.guardian_id else {
        return Ok(Vec::new());
    };
    if crate::access::allowed_scope(&actor.roles, Capability::FormAnswer).is_none() {
        return Ok(Vec::new());
    }
    let open = store::open_with_answers(
        db,
        actor.school_id,
        guardian,
        &actor.chosen_memberships(),
        now,
    )
    .await?;
    let mut waiting = Vec::new();
    for store::OpenAsked { asked, answered } in open {
        let Asked { form, children } = asked;
        // A form whose definition cannot be read is not shown, so not counted either.
        if readable_definition(&form).is_none() {
            continue;
        }
        // Open and not answered is what "to answer" means ([`status_of`]); a form for the whole
        // family waits while any child has no answer (a child who joined since, say), and its
        // row leads with the child its page opens on.
        let unanswered: Vec<i32> = children
            .iter()
            .copied()
            .filter(|p| !answered.contains(p))
            .collect();
        if form.per_family {
            if let (false, Some(&lead)) = (unanswered.is_empty(), children.first()) {
                waiting.push((form, lead));
            }
        } else {
            waiting.extend(unanswered.into_iter().map(|pupil| (form.clone(), pupil)));
        }
    }
    Ok(waiting)
}

/// The home page's rows of forms to answer: each form's title, when it closes and which child
/// (or the family). A page render passes the list the session middleware made for the tab's
/// count (`made`) rather than reading it again.
pub async fn home_rows<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
    made: Option<crate::auth::session::FormsWaiting>,
) -> Result<Vec<crate::notices::HomeRow>, AppError> {
    let now = Utc::now();
    let waiting = match made {
        Some(made) => made.0,
        None => std::sync::Arc::new(to_do(db, actor, now).await?),
    };
    Ok(waiting
        .iter()
        .filter_map(|(form, pupil)| {
            let pupil = *pupil;
            let definition = readable_definition(form)?;
            let name = child_name(actor, pupil);
            let per_family = form.per_family;
            Some(crate::notices::HomeRow(
                super::form_href(form.id, pupil),
                due(form, zone, now, false),
                texts(&definition.title, &form.language),
                Some(PerLocale::build(|l| {
                    if per_family {
                        msg!(l, "form-for-family")
                    } else {
                        msg!(l, "form-for-child", child = name.as_str())
                    }
                })),
                None,
            ))
        })
        .collect())
}

/// The name of `actor`'s child `pupil`.
fn child_name(actor: &Actor, pupil: i32) -> String {
    actor
        .children
        .iter()
        .find(|c| c.membership.pupil_id == pupil)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// The words of the link to the guardian's contact details.
fn contact_link() -> PerLocale<String> {
    PerLocale::build(|l| msg!(l, "contact-link"))
}

/// Form `id` for the guardian's child `child` (their first child it is for when `None`), or
/// the answer to the post this render shows; "not found" for a form the guardian's children
/// are not asked.
pub async fn page(id: i32, child: Option<i32>) -> Result<FormPage, AppError> {
    if let Some(answer) = crate::posted::form(|p: &FormPage| p.problem.is_some()) {
        return answer;
    }
    let actor = authorize(Capability::FormAnswer)?.actor;
    let state = crate::state::app_state()?;
    let (form, pupil, siblings) = asked_of(&state.db, &actor, id, child).await?;
    shown(
        &state.db,
        &Family::of(&actor)?,
        &form,
        pupil,
        &siblings,
        Shown::Stored,
    )
    .await
}

/// How the page is filled.
pub enum Shown<'a> {
    /// From the guardian's latest answer.
    Stored,
    /// With what was sent, refused for `problems` (by field) and `problem` (the whole form).
    Refused {
        /// What was typed.
        typed: &'a Answers,
        /// Each field's problem.
        problems: &'a [(String, Problem)],
        /// The form's problem.
        problem: PerLocale<String>,
        /// The version to send a change against.
        version: i32,
    },
}

/// Form `id` as `actor` may answer it for `child`: the form, the child, and every child of
/// theirs the form is for. A form answered once per family is always answered for the first of
/// them, whichever is asked, so every send of it counts against one line of versions. Anything
/// else is "not found".
pub async fn asked_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i32,
    child: Option<i32>,
) -> Result<(form::Model, i32, Vec<i32>), AppError> {
    let now = Utc::now();
    let Some(Asked { form, children }) =
        store::asked_one(db, actor.school_id, &actor.memberships(), now, id).await?
    else {
        return Err(AppError::NotFound);
    };
    let pupil = match child {
        Some(pupil) if children.contains(&pupil) && !form.per_family => pupil,
        Some(pupil) if children.contains(&pupil) => *children.first().ok_or(AppError::NotFound)?,
        Some(_) => return Err(AppError::NotFound),
        None => *children.first().ok_or(AppError::NotFound)?,
    };
    Ok((form, pupil, children))
}

/// Whose answers a form page shows: a guardian, their school, and the names of their children
/// the page may name.
pub struct Family {
    /// The guardian.
    pub guardian_id: i32,
    /// Their school.
    pub school_id: i32,
    /// Children's names by id.
    pub names: Vec<(i32, String)>,
}

impl Family {
    /// The signed-in guardian's family.
    pub fn of(actor: &Actor) -> Result<Self, AppError> {
        Ok(Family {
            guardian_id: actor.guardian_id.ok_or(AppError::NotFound)?,
            school_id: actor.school_id,
            names: actor
                .children
                .iter()
                .map(|c| (c.membership.pupil_id, c.name.clone()))
                .collect(),
        })
    }

    fn name(&self, pupil: i32) -> String {
        self.names
            .iter()
            .find(|(id, _)| *id == pupil)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    }
}

/// The form page for `pupil`, filled as `how` says.
pub async fn shown<C: ConnectionTrait>(
    db: &C,
    family: &Family,
    form: &form::Model,
    pupil: i32,
    siblings: &[i32],
    how: Shown<'_>,
) -> Result<FormPage, AppError> {
    let definition = readable_definition(form).ok_or(AppError::Internal)?;
    let guardian = family.guardian_id;
    let now = Utc::now();
    let all: Vec<i32> = std::iter::once(pupil)
        .chain(siblings.iter().copied().filter(|p| *p != pupil))
        .collect();
    let standing = Standing::read(
        db,
        guardian,
        &[Asked {
            form: form.clone(),
            children: all.clone(),
        }],
    )
    .await?;
    // A change is sent against the guardian's own line of answers; what the page shows is,
    // on a form answered once per family, the family's newest answer, whoever gave it.
    let own = standing.own.get(&(form.id, Some(pupil)));
    let stored = if form.per_family {
        standing.family_answer(form, &all)
    } else {
        own
    };
    let covered = if form.per_family { &all[..] } else { &all[..1] };
    let may_consent = may_consent_for_all(db, guardian, covered).await?;
    let answered_by = match stored {
        Some(r) if r.guardian_id != guardian => {
            crate::db::entities::guardian::Entity::find_by_id(r.guardian_id)
                .one(db)
                .await?
                .map(|g| g.name)
        }
        _ => None,
    };
    let zone = crate::school::db::timezone(db, family.school_id).await?;
    let stored_answers: Answers = stored
        .and_then(|r| serde_json::from_str(&r.answers).ok())
        .unwrap_or_default();
    let (values, problems, problem, version) = match how {
        Shown::Stored => (
            stored_answers.clone(),
            &[][..],
            None,
            own.map_or(0, |r| r.version),
        ),
        Shown::Refused {
            typed,
            problems,
            problem,
            version,
        } => (typed.clone(), problems, Some(problem), version),
    };
    let original = form.language.as_str();
    let fields = definition
        .fields
        .iter()
        .map(|field| {
            let label = texts(&field.label, original);
            let choices = match field.kind {
                Kind::Choice => field
                    .choices
                    .iter()
                    .map(|c| (c.value.clone(), texts(&c.label, original)))
                    .collect(),
                Kind::YesNo => yes_no(
                    PerLocale::build(|l| msg!(l, "form-yes")),
                    PerLocale::build(|l| msg!(l, "form-no")),
                ),
                Kind::Consent => yes_no(
                    PerLocale::build(|l| msg!(l, "form-consent-yes")),
                    PerLocale::build(|l| msg!(l, "form-consent-no")),
                ),
                _ => Vec::new(),
            };
            let shown_when = field.shown_when.as_ref().and_then(|when| {
                let controller = definition.fields.iter().find(|f| f.key == when.field)?;
                let question = texts(&controller.label, original);
                let answer_words = controller
                    .choices
                    .iter()
                    .find(|c| c.value == when.equals)
                    .map(|c| texts(&c.label, original))
                    .unwrap_or_else(|| match when.equals.as_str() {
                        answer::YES => PerLocale::build(|l| msg!(l, "form-yes")),
                        answer::NO => PerLocale::build(|l| msg!(l, "form-no")),
                        other => PerLocale::build(|_| other.to_string()),
                    });
                let hint = PerLocale::build(|l| {
                    let (answer, question) = (answer_words.text(l), question.text(l));
                    msg!(
                        l,
                        "form-shown-when",
                        answer = answer.as_str(),
                        question = question.as_str()
                    )
                });
                Some((when.field.clone(), when.equals.clone(), hint))
            });
            FieldView {
                key: field.key.clone(),
                kind: Kind::code(field.kind).to_string(),
                required: field.required,
                label,
                wording: (!field.wording.is_empty()).then(|| texts(&field.wording, original)),
                choices,
                shown_when,
                // A file cannot come back in a refused page: it shows the one held, if any.
                value: if field.kind == Kind::File {
                    &stored_answers
                } else {
                    &values
                }
                .get(&field.key)
                .cloned()
                .unwrap_or_default(),
                // A refused drawing comes back cleared, so the box shows what will be sent.
                drawn: if field.kind == Kind::Signature
                    && !problems
                        .iter()
                        .any(|(k, p)| *k == field.key && *p == Problem::Drawing)
                {
                    values
                        .get(&super::drawing::key(&field.key))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    String::new()
                },
                problem: problems
                    .iter()
                    .find(|(key, _)| *key == field.key)
                    .map(|(_, p)| problem_text(*p)),
                locked: field.is_consent() && !may_consent,
            }
        })
        .collect();
    let lapsed_on = form
        .consent_until
        .filter(|_| definition.asks_consent() && super::dashboard::lapsed(form, now));
    let answered = stored.map(|r| {
        let key_withdrawn = r.state == state::WITHDRAWN;
        PerLocale::build(|l| {
            let when = crate::dates::date_time(l, &zone, r.submitted_at);
            if let (Some(until), false) = (lapsed_on, key_withdrawn) {
                let until = crate::dates::date_time(l, &zone, until);
                msg!(l, "form-lapsed-on", date = until.as_str())
            } else if key_withdrawn {
                msg!(l, "form-withdrawn-on", date = when.as_str())
            } else if let Some(name) = &answered_by {
                msg!(
                    l,
                    "form-answered-by-family",
                    name = name.as_str(),
                    date = when.as_str()
                )
            } else if r.channel == store::channel::PHONE {
                msg!(l, "form-answered-by-phone", date = when.as_str())
            } else {
                msg!(l, "form-answered-on", date = when.as_str())
            }
        })
    });
    let open = now < form.closes_at;
    let can_withdraw = open
        && !super::dashboard::lapsed(form, now)
        && may_consent
        && stored.is_some_and(|r| r.state == state::ANSWERED && gives_consent(&definition, r));
    let status_for = |p: i32| {
        if form.per_family {
            standing.family_status(form, &definition, &all, now)
        } else {
            status_of(form, &definition, standing.answer(form, p), now)
        }
    };
    Ok(FormPage {
        id: form.id,
        title: texts(&definition.title, original),
        intro: texts(&definition.intro, original),
        shown_in: PerLocale::build(|l| {
            let shown = definition.shown_language(l, original);
            let asked = shown == l.tag();
            (shown, asked)
        }),
        due: due(form, &zone, now, false),
        child: child_status(family.name(pupil), pupil, status_for(pupil)),
        siblings: all[1..]
            .iter()
            .map(|&p| child_status(family.name(p), p, status_for(p)))
            .collect(),
        per_family: form.per_family,
        fields,
        answered,
        version,
        token: crate::auth::session::random_name(),
        open,
        can_withdraw,
        problem,
        words: words(stored.is_some(), form.per_family),
        on_behalf: None,
    })
}

/// A stored definition; one that cannot be read is logged and the form left out.
pub fn readable_definition(form: &form::Model) -> Option<Definition> {
    Definition::parse(&form.definition)
        .inspect_err(|e| tracing::error!(form = form.id, error = %e, "unreadable form definition"))
        .ok()
}

/// Whether `guardian` may consent for every one of `pupils` (the roster's `may_consent`): an
/// answer for a whole family gives its consents for each child.
pub async fn may_consent_for_all<C: ConnectionTrait>(
    db: &C,
    guardian: i32,
    pupils: &[i32],
) -> Result<bool, AppError> {
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian))
        .filter(guardian_pupil::Column::PupilId.is_in(pupils.iter().copied()))
        .all(db)
        .await?;
    Ok(!pupils.is_empty()
        && pupils
            .iter()
            .all(|p| links.iter().any(|l| l.pupil_id == *p && l.may_consent)))
}

/// Whether answer `r` gives any of the form's consents.
pub fn gives_consent(definition: &Definition, r: &form_response::Model) -> bool {
    let answers: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
    definition
        .fields
        .iter()
        .filter(|f| f.kind == Kind::Consent)
        .any(|f| answers.get(&f.key).map(String::as_str) == Some(answer::YES))
}

/// The answers where a guardian's children stand comes from: their own latest, or on a form
/// answered once per family, whichever guardian of the child answered last.
#[derive(Default)]
struct Standing {
    own: HashMap<(i32, Option<i32>), form_response::Model>,
    family: HashMap<(i32, i32), form_response::Model>,
}

impl Standing {
    /// The answers behind `asked`, for `guardian`.
    async fn read<C: ConnectionTrait>(
        db: &C,
        guardian: i32,
        asked: &[Asked],
    ) -> Result<Self, AppError> {
        let ids: Vec<i32> = asked.iter().map(|a| a.form.id).collect();
        let own = store::latest(db, guardian, &ids).await?;
        let per_family: Vec<&Asked> = asked.iter().filter(|a| a.form.per_family).collect();
        let family = if per_family.is_empty() {
            HashMap::new()
        } else {
            let ids: Vec<i32> = per_family.iter().map(|a| a.form.id).collect();
            let mut pupils: Vec<i32> = per_family
                .iter()
                .flat_map(|a| a.children.iter().copied())
                .collect();
            pupils.sort_unstable();
            pupils.dedup();
            store::family_latest(db, &ids, &pupils).await?
        };
        Ok(Standing { own, family })
    }

    /// The answer `pupil`'s status on `form` comes from.
    fn answer(&self, form: &form::Model, pupil: i32) -> Option<&form_response::Model> {
        if form.per_family {
            self.family.get(&(form.id, pupil))
        } else {
            self.own.get(&(form.id, Some(pupil)))
        }
    }

    /// The newest answer given for any of `children` on a form answered once per family.
    fn family_answer(&self, form: &form::Model, children: &[i32]) -> Option<&form_response::Model> {
        children
            .iter()
            .filter_map(|p| self.family.get(&(form.id, *p)))
            .max_by_key(|r| r.id)
    }

    /// Where a family stands on a form answered once for all of `children`: still to answer
    /// while any child has no answer (a child who joined since, say), else as its newest.
    fn family_status(
        &self,
        form: &form::Model,
        definition: &Definition,
        children: &[i32],
        now: DateTime<Utc>,
    ) -> Status {
        if children.iter().any(|p| self.answer(form, *p).is_none()) {
            status_of(form, definition, None, now)
        } else {
            status_of(form, definition, self.family_answer(form, children), now)
        }
    }
}

/// Where a child stands, from the answer given.
fn status_of(
    form: &form::Model,
    definition: &Definition,
    latest: Option<&form_response::Model>,
    now: DateTime<Utc>,
) -> Status {
    match latest {
        Some(r) if r.state == state::WITHDRAWN => Status::Withdrawn,
        Some(_) if definition.asks_consent() && super::dashboard::lapsed(form, now) => {
            Status::Lapsed
        }
        Some(_) => Status::Done,
        None if now >= form.closes_at => Status::Overdue,
        None => Status::ToDo,
    }
}

fn child_status(name: String, pupil: i32, status: Status) -> ChildStatus {
    ChildStatus {
        pupil_id: pupil,
        label: PerLocale::build(|l| match status {
            Status::ToDo => msg!(l, "form-status-todo"),
            Status::Done => msg!(l, "form-status-done"),
            Status::Withdrawn => msg!(l, "form-status-withdrawn"),
            Status::Overdue => msg!(l, "form-status-overdue"),
            Status::Lapsed => msg!(l, "form-status-lapsed"),
        }),
        name,
        status,
    }
}

/// "Please answer by …" while open, with the school's last reminder when it was for this
/// family (`reminded`); "Closed on …" after.
fn due(form: &form::Model, zone: &str, now: DateTime<Utc>, reminded: bool) -> PerLocale<String> {
    PerLocale::build(|l| {
        let date = crate::dates::date_time(l, zone, form.closes_at);
        let reminded = form.last_reminded_at.filter(|_| reminded);
        if let (true, Some(at)) = (now < form.closes_at, reminded) {
            let reminded = crate::dates::date_time(l, zone, at);
            msg!(
                l,
                "form-due-reminded",
                date = date.as_str(),
                reminded = reminded.as_str()
            )
        } else if now < form.closes_at {
            msg!(l, "form-due", date = date.as_str())
        } else {
            msg!(l, "form-closed-on", date = date.as_str())
        }
    })
}

/// A text of the form in each interface language, the original where it has no translation.
fn texts(texts: &super::definition::Texts, original: &str) -> PerLocale<String> {
    PerLocale::build(|l| in_language(texts, l.tag(), original).to_string())
}

fn yes_no(yes: PerLocale<String>, no: PerLocale<String>) -> Vec<(String, PerLocale<String>)> {
    vec![(answer::YES.to_string(), yes), (answer::NO.to_string(), no)]
}

/// A field's problem in each language.
pub fn problem_text(problem: Problem) -> PerLocale<String> {
    PerLocale::build(|l| match problem {
        Problem::Required => msg!(l, "form-problem-required"),
        Problem::TooLong => msg!(l, "form-problem-too-long"),
        Problem::Number => msg!(l, "form-problem-number"),
        Problem::Date => msg!(l, "form-problem-date"),
        Problem::Choice => msg!(l, "form-problem-choice"),
        Problem::MayNotConsent => msg!(l, "form-problem-may-not-consent"),
        Problem::Drawing => msg!(l, "form-problem-drawing"),
        Problem::FileType => msg!(l, "form-problem-file-type"),
        Problem::FileSize => {
            let mb = (super::attachment::MAX_BYTES / (1024 * 1024)).to_string();
            msg!(l, "form-problem-file-size", mb = mb.as_str())
        }
        Problem::FileAgain => msg!(l, "form-problem-file-again"),
    })
}

fn words(answered: bool, per_family: bool) -> FormWords {
    FormWords {
        send: if answered {
            PerLocale::build(|l| msg!(l, "form-send-changes"))
        } else {
            PerLocale::build(|l| msg!(l, "form-send"))
        },
        required: PerLocale::build(|l| msg!(l, "form-required")),
        no_consent: PerLocale::build(|l| msg!(l, "form-no-consent")),
        not_translated: PerLocale::build(|l| msg!(l, "form-not-translated")),
        not_sent: PerLocale::build(|l| msg!(l, "form-not-sent")),
        back: PerLocale::build(|l| msg!(l, "form-back")),
        answering_for: PerLocale::build(|l| {
            if per_family {
                msg!(l, "form-answering-for-family")
            } else {
                msg!(l, "form-answering-for")
            }
        }),
        withdraw: PerLocale::build(|l| msg!(l, "form-withdraw")),
        sent: PerLocale::build(|l| msg!(l, "form-sent")),
        draw: PerLocale::build(|l| msg!(l, "form-signature-draw")),
        clear: PerLocale::build(|l| msg!(l, "form-signature-clear")),
        draft_restored: PerLocale::build(|l| msg!(l, "form-draft-restored")),
        file_held: PerLocale::build(|l| msg!(l, "form-file-held")),
        file_hint: PerLocale::build(|l| {
            let mb = (super::attachment::MAX_BYTES / (1024 * 1024)).to_string();
            msg!(l, "form-file-hint", mb = mb.as_str())
        }),
    }
}

/// The locale a form post says the page was shown in, else the request's.
pub fn posted_locale(sent: Option<&str>, request: Locale) -> Locale {
    sent.and_then(Locale::from_tag).unwrap_or(request)
}
