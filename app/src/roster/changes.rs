//! Changes families ask for to what the school holds: a guardian's contact details and a
//! child's photo consent. Each request is kept (who, when, from where); a later request of the
//! same kind supersedes one still waiting. The office approves or rejects it: approval writes
//! the values to the guardian or pupil and keeps those they replaced, so a guardian's or child's
//! rows are their history. A narrower photo consent applies at once — a family withdrawing
//! consent is never kept waiting — and is recorded as approved by nobody.

use super::PhotoConsent;
use crate::db::entities::{guardian, pupil, roster_change};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

/// What a change is about.
pub mod kind {
    /// A guardian's phone numbers and e-mail addresses.
    pub const CONTACT: &str = "contact";
    /// How far a child's photos may be shared.
    pub const PHOTO: &str = "photo";
}

/// Where a change stands.
pub mod state {
    /// Waiting for the office.
    pub const PENDING: &str = "pending";
    /// Written to the roster.
    pub const APPROVED: &str = "approved";
    /// Turned down by the office.
    pub const REJECTED: &str = "rejected";
    /// Replaced by a later request of the same kind before anyone decided.
    pub const SUPERSEDED: &str = "superseded";
}

/// A guardian's contact details, as held or as asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Main phone number.
    pub phone: Option<String>,
    /// Another phone number.
    pub phone_alt: Option<String>,
    /// Main e-mail address (the school's record, not the sign-in address).
    pub email: Option<String>,
    /// Another e-mail address.
    pub email_alt: Option<String>,
}

impl Contact {
    /// The details the school holds for `guardian`.
    pub fn of(guardian: &guardian::Model) -> Self {
        Contact {
            phone: guardian.phone.clone(),
            phone_alt: guardian.phone_alt.clone(),
            email: guardian.email.clone(),
            email_alt: guardian.email_alt.clone(),
        }
    }

    /// Each detail with its name, in the order the pages show them.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 4] {
        [
            (field::PHONE, self.phone.as_deref()),
            (field::PHONE_ALT, self.phone_alt.as_deref()),
            (field::EMAIL, self.email.as_deref()),
            (field::EMAIL_ALT, self.email_alt.as_deref()),
        ]
    }

    /// Each detail with its name, owned: one side of a change as the lists lay it out.
    pub fn values(&self) -> Values {
        self.fields()
            .into_iter()
            .map(|(name, value)| (name, value.map(str::to_string)))
            .collect()
    }

    fn parse(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }
}

/// The names of the contact details, in forms and in messages (`contact-field-<name>`).
pub mod field {
    /// Main phone number.
    pub const PHONE: &str = "phone";
    /// Another phone number.
    pub const PHONE_ALT: &str = "phone_alt";
    /// Main e-mail address.
    pub const EMAIL: &str = "email";
    /// Another e-mail address.
    pub const EMAIL_ALT: &str = "email_alt";
    /// A child's photo consent level (a `PhotoConsent` code).
    pub const PHOTO: &str = "photo";
}

/// One side of a change, value by field name (`field`).
pub type Values = Vec<(&'static str, Option<String>)>;

/// A photo consent as asked for or replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Photo {
    photo: String,
}

/// Who asked for a change, and from where.
#[derive(Clone, Debug)]
pub struct Asker {
    /// The school.
    pub school_id: i32,
    /// The guardian asking.
    pub guardian_id: i32,
    /// The account that sent it (the guardian's, or staff taking a phone answer).
    pub user_id: i32,
    /// The client's network address.
    pub address: String,
    /// The browser's `User-Agent`.
    pub user_agent: String,
}

impl Asker {
    fn row(&self, kind: &str, proposed: String, at: DateTime<Utc>) -> roster_change::ActiveModel {
        roster_change::ActiveModel {
            school_id: Set(self.school_id),
            kind: Set(kind.to_string()),
            guardian_id: Set(self.guardian_id),
            proposed: Set(proposed),
            state: Set(state::PENDING.to_string()),
            requested_by: Set(self.user_id),
            requested_at: Set(at),
            client_address: Set(self.address.clone()),
            user_agent: Set(self.user_agent.chars().take(500).collect()),
            ..Default::default()
        }
    }
}

/// Marks the waiting requests of `kind` from `guardian_id` (for `pupil_id`, when given) as
/// superseded: only the latest request is the family's wish.
async fn supersede<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    guardian_id: i32,
    pupil_id: Option<i32>,
) -> Result<(), DbErr> {
    let mut update = roster_change::Entity::update_many()
        .col_expr(
            roster_change::Column::State,
            sea_orm::sea_query::Expr::value(state::SUPERSEDED),
        )
        .filter(roster_change::Column::Kind.eq(kind))
        .filter(roster_change::Column::GuardianId.eq(guardian_id))
        .filter(roster_change::Column::State.eq(state::PENDING));
    if let Some(pupil) = pupil_id {
        update = update.filter(roster_change::Column::PupilId.eq(pupil));
    }
    update.exec(db).await?;
    Ok(())
}

/// Records `asker`'s request for their contact details to become `wanted`, asked over `held`
/// (what the school held as they asked); the office decides.
pub async fn ask_contact<C: ConnectionTrait>(
    db: &C,
    asker: &Asker,
    held: &Contact,
    wanted: &Contact,
    at: DateTime<Utc>,
) -> Result<i32, DbErr> {
    supersede(db, kind::CONTACT, asker.guardian_id, None).await?;
    let proposed = serde_json::to_string(wanted).unwrap_or_default();
    let mut row = asker.row(kind::CONTACT, proposed, at);
    // Until decided, `previous` is what the family saw: approval changes only what they changed.
    row.previous = Set(Some(serde_json::to_string(held).unwrap_or_default()));
    Ok(row.insert(db).await?.id)
}

/// Drops the contact change `guardian_id` asked for and is still waiting, if any.
pub async fn cancel_contact<C: ConnectionTrait>(db: &C, guardian_id: i32) -> Result<(), DbErr> {
    supersede(db, kind::CONTACT, guardian_id, None).await
}

/// The contact details `guardian_id` asked for that are still waiting, if any.
pub async fn waiting_contact<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
) -> Result<Option<(Contact, DateTime<Utc>)>, DbErr> {
    Ok(roster_change::Entity::find()
        .filter(roster_change::Column::Kind.eq(kind::CONTACT))
        .filter(roster_change::Column::GuardianId.eq(guardian_id))
        .filter(roster_change::Column::State.eq(state::PENDING))
        .order_by_desc(roster_change::Column::Id)
        .one(db)
        .await?
        .map(|row| (Contact::parse(&row.proposed), row.requested_at)))
}

/// Records a guardian's photo consent answer for `pupil_id` (from form answer `response_id`):
/// narrower than or the same as the child's consent, it applies at once (the posts it no longer
/// covers withheld, their authors told); wider, it waits for the office.
pub async fn photo_answered<C: ConnectionTrait>(
    db: &C,
    asker: &Asker,
    pupil_id: i32,
    level: PhotoConsent,
    response_id: i32,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    supersede(db, kind::PHOTO, asker.guardian_id, Some(pupil_id)).await?;
    let Some(child) = pupil::Entity::find_by_id(pupil_id)
        .filter(pupil::Column::SchoolId.eq(asker.school_id))
        .one(db)
        .await?
    else {
        return Err(DbErr::RecordNotFound(format!("pupil {pupil_id}")));
    };
    let current = PhotoConsent::from_code(&child.photo_consent).unwrap_or(PhotoConsent::None);
    let mut row = asker.row(kind::PHOTO, photo_json(level), at);
    row.pupil_id = Set(Some(pupil_id));
    row.form_response_id = Set(Some(response_id));
    if level <= current {
        row.state = Set(state::APPROVED.to_string());
        row.decided_at = Set(Some(at));
        row.previous = Set(Some(photo_json(current)));
        set_photo(db, child, level, at).await?;
    }
    row.insert(db).await?;
    Ok(())
}

fn photo_json(level: PhotoConsent) -> String {
    serde_json::to_string(&Photo {
        photo: level.code().to_string(),
    })
    .unwrap_or_default()
}

/// Writes `level` as `child`'s photo consent; a narrower one withholds the posts they are in
/// and tells their authors, as the roster import does.
async fn set_photo<C: ConnectionTrait>(
    db: &C,
    child: pupil::Model,
    level: PhotoConsent,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let was = PhotoConsent::from_code(&child.photo_consent).unwrap_or(PhotoConsent::None);
    if was == level {
        return Ok(());
    }
    let (school_id, id) = (child.school_id, child.id);
    let mut update = child.into_active_model();
    update.photo_consent = Set(level.code().to_string());
    update.update(db).await?;
    if level < was {
        crate::news::withheld::tell_authors(db, school_id, &[id], at).await?;
    }
    Ok(())
}

/// What the office decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Write the change to the roster.
    Approve,
    /// Turn it down.
    Reject,
}

/// What deciding came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decided {
    /// Done as asked.
    Done(Decision),
    /// Someone decided it already, or a later request replaced it: nothing changed.
    NotWaiting,
}

/// Decides change `id` of `school_id` as account `decided_by`; `None` when the school has no
/// such change. Call inside a transaction: the roster and the change's row move together.
pub async fn decide<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    decided_by: i32,
    id: i32,
    decision: Decision,
    at: DateTime<Utc>,
) -> Result<Option<Decided>, DbErr> {
    let Some(change) = roster_change::Entity::find_by_id(id)
        .filter(roster_change::Column::SchoolId.eq(school_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let decided_state = match decision {
        Decision::Approve => state::APPROVED,
        Decision::Reject => state::REJECTED,
    };
    // Claimed only while still waiting: of two people deciding at once, one decides and the
    // other is told it was decided, on either database, without a row lock.
    let claimed = roster_change::Entity::update_many()
        .col_expr(
            roster_change::Column::State,
            sea_orm::sea_query::Expr::value(decided_state),
        )
        .col_expr(
            roster_change::Column::DecidedBy,
            sea_orm::sea_query::Expr::value(decided_by),
        )
        .col_expr(
            roster_change::Column::DecidedAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(roster_change::Column::Id.eq(change.id))
        .filter(roster_change::Column::State.eq(state::PENDING))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(Some(Decided::NotWaiting));
    }
    if decision == Decision::Approve {
        let previous = apply(db, &change, at).await?;
        roster_change::Entity::update_many()
            .col_expr(
                roster_change::Column::Previous,
                sea_orm::sea_query::Expr::value(previous),
            )
            .filter(roster_change::Column::Id.eq(change.id))
            .exec(db)
            .await?;
    }
    Ok(Some(Decided::Done(decision)))
}

/// Writes an approved `change` to the roster; returns the values it replaced, as JSON.
async fn apply<C: ConnectionTrait>(
    db: &C,
    change: &roster_change::Model,
    at: DateTime<Utc>,
) -> Result<String, DbErr> {
    if change.kind == kind::PHOTO {
        let pupil_id = change.pupil_id.unwrap_or_default();
        let child = pupil::Entity::find_by_id(pupil_id)
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("pupil {pupil_id}")))?;
        let was = PhotoConsent::from_code(&child.photo_consent).unwrap_or(PhotoConsent::None);
        let wanted: Option<Photo> = serde_json::from_str(&change.proposed).ok();
        let level = wanted
            .and_then(|p| PhotoConsent::from_code(&p.photo))
            .unwrap_or(was);
        set_photo(db, child, level, at).await?;
        return Ok(photo_json(was));
    }
    let found = guardian::Entity::find_by_id(change.guardian_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("guardian {}", change.guardian_id)))?;
    let previous = Contact::of(&found);
    let wanted = Contact::parse(&change.proposed);
    // Only what the family changed: a detail the MIS import changed since they asked stays.
    let seen = change
        .previous
        .as_deref()
        .map(Contact::parse)
        .unwrap_or_else(|| previous.clone());
    let pick = |wanted: Option<String>, seen: &Option<String>, now: &Option<String>| {
        if wanted != *seen { wanted } else { now.clone() }
    };
    let mut update = found.into_active_model();
    update.phone = Set(pick(wanted.phone, &seen.phone, &previous.phone));
    update.phone_alt = Set(pick(wanted.phone_alt, &seen.phone_alt, &previous.phone_alt));
    update.email = Set(pick(wanted.email, &seen.email, &previous.email));
    update.email_alt = Set(pick(wanted.email_alt, &seen.email_alt, &previous.email_alt));
    update.update(db).await?;
    Ok(serde_json::to_string(&previous).unwrap_or_default())
}

/// The approved changes of `kind` of `school_id`, oldest first (so the latest wins when they
/// are gathered by guardian or child).
async fn approved<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    kind: &str,
) -> Result<Vec<roster_change::Model>, DbErr> {
    roster_change::Entity::find()
        .filter(roster_change::Column::SchoolId.eq(school_id))
        .filter(roster_change::Column::Kind.eq(kind))
        .filter(roster_change::Column::State.eq(state::APPROVED))
        .order_by_asc(roster_change::Column::Id)
        .all(db)
        .await
}

/// The latest approved contact change of each guardian of `school_id` that has one, by
/// guardian: what the roster import must not overwrite without saying so.
pub async fn approved_contacts<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
) -> Result<std::collections::HashMap<i32, (Contact, DateTime<Utc>)>, DbErr> {
    Ok(approved(db, school_id, kind::CONTACT)
        .await?
        .into_iter()
        .map(|row| {
            let at = row.decided_at.unwrap_or(row.requested_at);
            (row.guardian_id, (Contact::parse(&row.proposed), at))
        })
        .collect())
}

/// The latest approved photo consent of each child of `school_id` that has one, by pupil:
/// what the roster import must not overwrite without saying so.
pub async fn approved_photos<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
) -> Result<std::collections::HashMap<i32, (String, DateTime<Utc>)>, DbErr> {
    Ok(approved(db, school_id, kind::PHOTO)
        .await?
        .into_iter()
        .filter_map(|row| {
            let level = serde_json::from_str::<Photo>(&row.proposed).ok()?.photo;
            let at = row.decided_at.unwrap_or(row.requested_at);
            Some((row.pupil_id?, (level, at)))
        })
        .collect())
}

/// A change on the office's list, with whom it is about.
pub struct Listed {
    /// The change.
    pub change: roster_change::Model,
    /// The guardian who asked.
    pub who: String,
    /// The child a photo consent is for.
    pub child: Option<String>,
    /// The values asked for.
    pub proposed: Values,
    /// The values held now (waiting), replaced (approved) or seen as they asked (rejected).
    pub before: Values,
}

/// The school's waiting changes (oldest first) and its last `recent` decided ones (newest
/// first), each with its values laid side by side.
pub async fn listed<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    recent: u64,
) -> Result<(Vec<Listed>, Vec<Listed>), DbErr> {
    let waiting = roster_change::Entity::find()
        .filter(roster_change::Column::SchoolId.eq(school_id))
        .filter(roster_change::Column::State.eq(state::PENDING))
        .order_by_asc(roster_change::Column::Id)
        .all(db)
        .await?;
    let decided = roster_change::Entity::find()
        .filter(roster_change::Column::SchoolId.eq(school_id))
        .filter(roster_change::Column::State.is_in([state::APPROVED, state::REJECTED]))
        .order_by_desc(roster_change::Column::Id)
        .limit(recent)
        .all(db)
        .await?;
    // One read each of the guardians and children: names for every row, values for the waiting.
    let all = || waiting.iter().chain(decided.iter());
    let guardian_ids: Vec<i32> = all().map(|c| c.guardian_id).collect();
    let pupil_ids: Vec<i32> = all().filter_map(|c| c.pupil_id).collect();
    let guardians: std::collections::HashMap<i32, guardian::Model> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(guardian_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let pupils: std::collections::HashMap<i32, pupil::Model> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupil_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let child_of = |change: &roster_change::Model| change.pupil_id.and_then(|p| pupils.get(&p));
    let held_now = |change: &roster_change::Model| -> Values {
        if change.kind == kind::PHOTO {
            let level = child_of(change).map(|p| p.photo_consent.clone());
            vec![(field::PHOTO, level)]
        } else {
            guardians
                .get(&change.guardian_id)
                .map(|g| Contact::of(g).values())
                .unwrap_or_default()
        }
    };
    let lay_out = |change: roster_change::Model, before: Values| Listed {
        who: guardians
            .get(&change.guardian_id)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        child: child_of(&change).map(super::display_name),
        proposed: values(&change.kind, &change.proposed),
        before,
        change,
    };
    let waiting = waiting
        .iter()
        .map(|c| lay_out(c.clone(), held_now(c)))
        .collect();
    let decided = decided
        .iter()
        .map(|c| {
            lay_out(
                c.clone(),
                values(&c.kind, c.previous.as_deref().unwrap_or_default()),
            )
        })
        .collect();
    Ok((waiting, decided))
}

/// A change's stored values by field name (`photo` for a photo consent).
fn values(kind: &str, json: &str) -> Values {
    if kind == kind::PHOTO {
        let level = serde_json::from_str::<Photo>(json).ok().map(|p| p.photo);
        return vec![(field::PHOTO, level)];
    }
    Contact::parse(json).values()
}
