//! Forms and their answers in the database: making a form, finding the forms a family's
//! children are asked, and each guardian's latest answer.

use super::definition::Definition;
use crate::audience::{Audience, Membership, target_keys};
use crate::db::entities::{form, form_response, form_target};
use crate::db::sql::Sql;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    IdenStatic, Iterable, QueryFilter, QuerySelect, Set,
};
use std::collections::HashMap;

/// The states of an answer.
pub mod state {
    /// Answered (or changed).
    pub const ANSWERED: &str = "answered";
    /// A consent withdrawn: recorded as a new version, never deleted.
    pub const WITHDRAWN: &str = "withdrawn";
}

/// How an answer came.
pub mod channel {
    /// The guardian answered in the portal.
    pub const PORTAL: &str = "portal";
    /// The guardian answered by phone; a member of staff recorded it.
    pub const PHONE: &str = "phone";
}

/// A form to make.
#[derive(Clone, Debug)]
pub struct NewForm {
    /// The template it comes from (`templates::code`).
    pub template: String,
    /// One answer per family rather than per child.
    pub per_family: bool,
    /// The language the school wrote it in.
    pub language: String,
    /// Its questions.
    pub definition: Definition,
    /// Whom it is for.
    pub audience: Audience,
    /// When families may start answering.
    pub opens_at: DateTime<Utc>,
    /// When answers stop being taken.
    pub closes_at: DateTime<Utc>,
    /// When a consent given on it lapses.
    pub consent_until: Option<DateTime<Utc>>,
}

/// When a consent lapses unless its form says otherwise: the end of the school's current
/// academic year (the start of the next day in the school's time zone).
pub async fn end_of_year<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    zone: &str,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(crate::audience::resolve::current_year(db, school_id)
        .await?
        .map(|y| crate::dates::start_of_day(zone, y.ends_on + chrono::Duration::days(1))))
}

/// Stores `new` for `school_id`, made by account `created_by`, with its audience's targets.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    created_by: i32,
    new: &NewForm,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let stored = form::ActiveModel {
        school_id: Set(school_id),
        template: Set(new.template.clone()),
        per_family: Set(new.per_family),
        language: Set(new.language.clone()),
        definition: Set(new.definition.to_json()),
        opens_at: Set(new.opens_at),
        closes_at: Set(new.closes_at),
        consent_until: Set(new.consent_until),
        created_by: Set(created_by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (kind, target_id) in new.audience.targets(school_id) {
        form_target::ActiveModel {
            form_id: Set(stored.id),
            kind: Set(kind.to_string()),
            target_id: Set(target_id),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(stored.id)
}

/// A form asked of some of a family's children.
#[derive(Clone, Debug)]
pub struct Asked {
    /// The form.
    pub form: form::Model,
    /// The children it is for, in the order given.
    pub children: Vec<i32>,
}

/// The open or closed forms of `school_id` that reach any of `memberships`, newest closing
/// date last, with the children each is for. Forms not open yet are left out.
pub async fn asked<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
) -> Result<Vec<Asked>, DbErr> {
    asked_where(db, school_id, memberships, now, None).await
}

/// Form `id` when it is open or closed and reaches any of `memberships`, with the children it
/// is for: [`asked`] for one form, reading only its targets.
pub async fn asked_one<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    id: i32,
) -> Result<Option<Asked>, DbErr> {
    Ok(asked_where(db, school_id, memberships, now, Some(id))
        .await?
        .into_iter()
        .next())
}

async fn asked_where<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    only: Option<i32>,
) -> Result<Vec<Asked>, DbErr> {
    if memberships.is_empty() {
        return Ok(Vec::new());
    }
    // One statement: each form with the targets through which it reaches the family.
    let mut sql = Sql::new(db.get_database_backend());
    select_asked(&mut sql, false);
    where_asked(&mut sql, school_id, memberships, now);
    if let Some(id) = only {
        sql.push(" AND f.id = ").bind(id);
    }
    sql.push(" ORDER BY f.closes_at, f.id");
    Ok(read_asked(db, sql, false, school_id, memberships)
        .await?
        .into_iter()
        .map(|(asked, _)| asked)
        .collect())
}

/// A form open now, with the children it asks and those of them already answered.
#[derive(Clone, Debug)]
pub struct OpenAsked {
    /// The form and the children it is for.
    pub asked: Asked,
    /// Children with an answer that counts for `guardian`: their own on a form answered per
    /// child, anyone's on a form answered once per family.
    pub answered: Vec<i32>,
}

/// The forms open now that reach any of `memberships`, each with which children already have an
/// answer that counts for `guardian_id`: the tab badge's forms to answer, in one statement since
/// the session middleware asks on every page. Closed forms are left out: nothing closed is
/// still to answer.
pub async fn open_with_answers<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    guardian_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
) -> Result<Vec<OpenAsked>, DbErr> {
    if memberships.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(db.get_database_backend());
    // A form has a row per target reaching the family and per answer of the family's children
    // (one row with no answer); answers of other families never join.
    select_asked(&mut sql, true);
    sql.push(" LEFT JOIN form_response r ON r.form_id = f.id AND r.pupil_id IN (")
        .bind_list(memberships.iter().map(|m| m.pupil_id))
        .push(") AND (f.per_family = ")
        .bind(true)
        .push(" OR r.guardian_id = ")
        .bind(guardian_id)
        .push(")");
    where_asked(&mut sql, school_id, memberships, now);
    sql.push(" AND f.closes_at > ")
        .bind(now)
        .push(" ORDER BY f.closes_at, f.id");
    Ok(read_asked(db, sql, true, school_id, memberships)
        .await?
        .into_iter()
        .map(|(asked, answered)| OpenAsked { asked, answered })
        .collect())
}

/// Runs a statement of [`select_asked`] and gathers its rows by form ([`AskedRows`]).
async fn read_asked<C: ConnectionTrait>(
    db: &C,
    sql: Sql,
    with_answers: bool,
    school_id: i32,
    memberships: &[Membership],
) -> Result<Vec<(Asked, Vec<i32>)>, DbErr> {
    let mut grouped = AskedRows::default();
    for row in db.query_all_raw(sql.statement()).await? {
        grouped.add(&row, with_answers)?;
    }
    Ok(grouped.finish(school_id, memberships))
}

/// `SELECT` a form's columns and its target's from `form f JOIN form_target t`, and
/// `with_answers` the child of an answer the caller joins as `r`.
fn select_asked(sql: &mut Sql, with_answers: bool) {
    sql.push("SELECT ")
        .columns("f", form::Column::iter().map(|c| c.as_str()))
        .push(", t.kind AS target_kind, t.target_id AS target_target_id");
    if with_answers {
        sql.push(", r.pupil_id AS answered_pupil");
    }
    sql.push(" FROM form f JOIN form_target t ON t.form_id = f.id");
}

/// ` WHERE` the target reaches one of `memberships` and the form is `school_id`'s and open
/// since before `now`.
fn where_asked(sql: &mut Sql, school_id: i32, memberships: &[Membership], now: DateTime<Utc>) {
    sql.push(" WHERE (");
    for (i, (kind, id)) in target_keys(school_id, memberships).into_iter().enumerate() {
        if i > 0 {
            sql.push(" OR ");
        }
        sql.push("(t.kind = ")
            .bind(kind)
            .push(" AND t.target_id = ")
            .bind(id)
            .push(")");
    }
    sql.push(") AND f.school_id = ")
        .bind(school_id)
        .push(" AND f.opens_at <= ")
        .bind(now);
}

/// Rows of [`select_asked`] gathered by form: each form read once, its targets and answered
/// children kept beside it.
#[derive(Default)]
struct AskedRows {
    forms: Vec<form::Model>,
    targets: HashMap<i32, Vec<(String, i32)>>,
    answered: HashMap<i32, Vec<i32>>,
}

impl AskedRows {
    fn add(&mut self, row: &sea_orm::QueryResult, with_answers: bool) -> Result<(), DbErr> {
        let form_id: i32 = row.try_get("", "id")?;
        let kind: String = row.try_get("", "target_kind")?;
        let target_id: i32 = row.try_get("", "target_target_id")?;
        let targets = self.targets.entry(form_id).or_default();
        if !targets.iter().any(|(k, id)| *k == kind && *id == target_id) {
            targets.push((kind, target_id));
        }
        let answered_pupil = if with_answers {
            row.try_get::<Option<i32>>("", "answered_pupil")?
        } else {
            None
        };
        if let Some(pupil) = answered_pupil {
            let answered = self.answered.entry(form_id).or_default();
            if !answered.contains(&pupil) {
                answered.push(pupil);
            }
        }
        // Rows of one form are adjacent (the order ends with its id): it is read once.
        if self.forms.last().is_none_or(|last| last.id != form_id) {
            self.forms.push(form::Model::from_query_result(row, "")?);
        }
        Ok(())
    }

    /// Each form with the children it reaches (through any of its targets) and those answered.
    fn finish(mut self, school_id: i32, memberships: &[Membership]) -> Vec<(Asked, Vec<i32>)> {
        // Each child's own keys, worked out once rather than once per form.
        let keys: Vec<(i32, Vec<(&'static str, i32)>)> = memberships
            .iter()
            .map(|m| (m.pupil_id, target_keys(school_id, std::slice::from_ref(m))))
            .collect();
        self.forms
            .into_iter()
            .map(|form| {
                let targets = self.targets.remove(&form.id).unwrap_or_default();
                let children = keys
                    .iter()
                    .filter(|(_, own)| {
                        own.iter()
                            .any(|(k, id)| targets.iter().any(|(tk, tid)| tk == k && tid == id))
                    })
                    .map(|(pupil, _)| *pupil)
                    .collect();
                let answered = self.answered.remove(&form.id).unwrap_or_default();
                (Asked { form, children }, answered)
            })
            .collect()
    }
}

/// The latest answer of `guardian_id` to each of `form_ids`, by form and child.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
    form_ids: &[i32],
) -> Result<HashMap<(i32, Option<i32>), form_response::Model>, DbErr> {
    let mut latest: HashMap<(i32, Option<i32>), form_response::Model> = HashMap::new();
    if form_ids.is_empty() {
        return Ok(latest);
    }
    let rows = form_response::Entity::find()
        .filter(form_response::Column::GuardianId.eq(guardian_id))
        .filter(form_response::Column::FormId.is_in(form_ids.iter().copied()))
        .all(db)
        .await?;
    for row in rows {
        let key = (row.form_id, row.pupil_id);
        if latest
            .get(&key)
            .is_none_or(|kept| kept.version < row.version)
        {
            latest.insert(key, row);
        }
    }
    Ok(latest)
}

/// The (form, child) pairs among `asked` that any guardian has answered.
pub async fn answered<C: ConnectionTrait>(
    db: &C,
    asked: &[Asked],
) -> Result<std::collections::HashSet<(i32, i32)>, DbErr> {
    let pupils: Vec<i32> = asked
        .iter()
        .flat_map(|a| a.children.iter().copied())
        .collect();
    if pupils.is_empty() {
        return Ok(Default::default());
    }
    Ok(form_response::Entity::find()
        .select_only()
        .column(form_response::Column::FormId)
        .column(form_response::Column::PupilId)
        .filter(form_response::Column::FormId.is_in(asked.iter().map(|a| a.form.id)))
        .filter(form_response::Column::PupilId.is_in(pupils))
        .into_tuple::<(i32, Option<i32>)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(form, pupil)| pupil.map(|p| (form, p)))
        .collect())
}

/// The newest answer any guardian gave to each of `form_ids` for each of `pupils`, by form and
/// child: where a family stands on a form answered once per family, whichever guardian sent it.
pub async fn family_latest<C: ConnectionTrait>(
    db: &C,
    form_ids: &[i32],
    pupils: &[i32],
) -> Result<HashMap<(i32, i32), form_response::Model>, DbErr> {
    let mut newest: HashMap<(i32, i32), form_response::Model> = HashMap::new();
    if form_ids.is_empty() || pupils.is_empty() {
        return Ok(newest);
    }
    let rows = form_response::Entity::find()
        .filter(form_response::Column::FormId.is_in(form_ids.iter().copied()))
        .filter(form_response::Column::PupilId.is_in(pupils.iter().copied()))
        .all(db)
        .await?;
    for row in rows {
        let Some(pupil) = row.pupil_id else { continue };
        let key = (row.form_id, pupil);
        // Ids only grow, so the highest is the last sent whatever the clocks said.
        if newest.get(&key).is_none_or(|kept| kept.id < row.id) {
            newest.insert(key, row);
        }
    }
    Ok(newest)
}
