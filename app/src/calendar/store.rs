//! Events in the database: creating them with their target index and translations, and reading
//! what a family's targets reach.

use super::recurrence::Repeat;
use super::{EventCategory, status};
use crate::audience::{Audience, Membership, target_keys};
use crate::db::entities::{event, event_target, event_translation};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// The most events one agenda lists.
pub const AGENDA_LIMIT: u64 = 200;

/// An event as its author wrote it.
#[derive(Clone, Debug)]
pub struct NewEvent {
    /// Its category.
    pub category: EventCategory,
    /// Whom it is for.
    pub audience: Audience,
    /// The language it is written in (a tag).
    pub language: String,
    /// The title.
    pub title: String,
    /// The description, as Markdown.
    pub description_source: String,
    /// Where; empty when not said.
    pub location: String,
    /// A whole day or days.
    pub all_day: bool,
    /// When it starts (an all-day event: the first day's midnight in the school's zone).
    pub starts_at: DateTime<Utc>,
    /// When it ends (an all-day event: midnight after its last day).
    pub ends_at: DateTime<Utc>,
    /// How it repeats, if it does.
    pub repeat: Option<Repeat>,
    /// When its last occurrence ends: `ends_at` unless it repeats.
    pub last_ends_at: DateTime<Utc>,
    /// On the school's public calendar.
    pub public: bool,
    /// Published inside the school's notice period.
    pub short_notice: bool,
}

/// The audience stored with an event; unreadable JSON reaches nobody rather than everybody.
pub fn audience_of(event: &event::Model) -> Audience {
    serde_json::from_str(&event.audience).unwrap_or(Audience {
        staff_only: true,
        ..Audience::default()
    })
}

/// Saves a new event with its target index.
pub async fn create(
    db: &DatabaseConnection,
    school_id: i32,
    author: Option<i32>,
    new: &NewEvent,
    now: DateTime<Utc>,
) -> Result<event::Model, DbErr> {
    let txn = crate::db::write_transaction(db).await?;
    let row = insert(&txn, school_id, author, new, now).await?;
    txn.commit().await?;
    super::feed_cache::calendar_changed();
    Ok(row)
}

/// Adds a new event with its target index inside the caller's transaction (an import adds all
/// its events or none); the caller tells the feed cache once it has committed.
pub async fn insert<C: ConnectionTrait>(
    txn: &C,
    school_id: i32,
    author: Option<i32>,
    new: &NewEvent,
    now: DateTime<Utc>,
) -> Result<event::Model, DbErr> {
    let audience = serde_json::to_string(&new.audience)
        .map_err(|e| DbErr::Custom(format!("audience: {e}")))?;
    let description_html = crate::notices::rich_text::render(&new.description_source);
    let row = event::ActiveModel {
        school_id: Set(school_id),
        author_user_id: Set(author),
        status: Set(status::SCHEDULED.to_string()),
        category: Set(new.category.code().to_string()),
        audience: Set(audience),
        language: Set(new.language.clone()),
        title: Set(new.title.clone()),
        description_source: Set(new.description_source.clone()),
        description_html: Set(description_html),
        location: Set(new.location.clone()),
        all_day: Set(new.all_day),
        starts_at: Set(new.starts_at),
        ends_at: Set(new.ends_at),
        public: Set(new.public),
        short_notice: Set(new.short_notice),
        sequence: Set(0),
        uid: Set(new_uid()),
        created_at: Set(now),
        updated_at: Set(now),
        changed_at: Set(None),
        repeat_weeks: Set(repeat_weeks(new)),
        repeat_until: Set(new.repeat.as_ref().map(|r| r.until)),
        skipped_dates: Set(skipped_json(new)),
        last_ends_at: Set(new.last_ends_at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let targets: Vec<event_target::ActiveModel> = new
        .audience
        .targets(school_id)
        .into_iter()
        .map(|(kind, target_id)| event_target::ActiveModel {
            event_id: Set(row.id),
            kind: Set(kind.to_string()),
            target_id: Set(target_id),
            starts_at: Set(new.starts_at),
            ends_at: Set(new.last_ends_at),
            ..Default::default()
        })
        .collect();
    if !targets.is_empty() {
        event_target::Entity::insert_many(targets)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(row)
}

/// How often a new event repeats, as stored: 0 for once.
fn repeat_weeks(new: &NewEvent) -> i32 {
    new.repeat.as_ref().map_or(0, |r| i32::from(r.weeks))
}

/// A new event's skipped days, as stored.
fn skipped_json(new: &NewEvent) -> String {
    new.repeat
        .as_ref()
        .map_or_else(|| "[]".to_string(), Repeat::skipped_json)
}

/// What saving changes to an event did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// Its date, time, place or repeating changed: families it reaches are told.
    pub moved: bool,
    /// Its title or description (or their language) changed: translations may be out of date.
    pub text: bool,
}

/// Saves the author's changes to `event` (its audience stays as published): a raised SEQUENCE
/// when anything changed, and `changed_at` when its date, time or place did.
pub async fn update(
    db: &DatabaseConnection,
    event: &event::Model,
    new: &NewEvent,
    now: DateTime<Utc>,
) -> Result<(event::Model, Changed), DbErr> {
    let changed = Changed {
        moved: event.starts_at != new.starts_at
            || event.ends_at != new.ends_at
            || event.all_day != new.all_day
            || event.location != new.location
            || Repeat::of(event) != new.repeat,
        text: event.title != new.title
            || event.description_source != new.description_source
            || event.language != new.language,
    };
    let anything = changed.moved
        || changed.text
        || event.category != new.category.code()
        || event.public != new.public
        || event.short_notice != new.short_notice;
    if !anything {
        return Ok((event.clone(), changed));
    }
    let txn = crate::db::write_transaction(db).await?;
    let mut row: event::ActiveModel = event.clone().into();
    row.category = Set(new.category.code().to_string());
    row.language = Set(new.language.clone());
    row.title = Set(new.title.clone());
    row.description_source = Set(new.description_source.clone());
    row.description_html = Set(crate::notices::rich_text::render(&new.description_source));
    row.location = Set(new.location.clone());
    row.all_day = Set(new.all_day);
    row.starts_at = Set(new.starts_at);
    row.ends_at = Set(new.ends_at);
    row.repeat_weeks = Set(repeat_weeks(new));
    row.repeat_until = Set(new.repeat.as_ref().map(|r| r.until));
    row.skipped_dates = Set(skipped_json(new));
    row.last_ends_at = Set(new.last_ends_at);
    row.public = Set(new.public);
    row.short_notice = Set(new.short_notice);
    row.sequence = Set(event.sequence + 1);
    row.updated_at = Set(now);
    if changed.moved {
        row.changed_at = Set(Some(now));
    }
    let saved = row.update(&txn).await?;
    if event.starts_at != new.starts_at || event.last_ends_at != new.last_ends_at {
        event_target::Entity::update_many()
            .col_expr(
                event_target::Column::StartsAt,
                sea_orm::sea_query::Expr::value(new.starts_at),
            )
            .col_expr(
                event_target::Column::EndsAt,
                sea_orm::sea_query::Expr::value(new.last_ends_at),
            )
            .filter(event_target::Column::EventId.eq(event.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    super::feed_cache::calendar_changed();
    Ok((saved, changed))
}

/// Calls `event` off: it stays on every calendar, marked cancelled, with a raised SEQUENCE so
/// calendar apps take the change.
pub async fn cancel(
    db: &DatabaseConnection,
    event: &event::Model,
    now: DateTime<Utc>,
) -> Result<event::Model, DbErr> {
    let mut row: event::ActiveModel = event.clone().into();
    row.status = Set(status::CANCELLED.to_string());
    row.sequence = Set(event.sequence + 1);
    row.updated_at = Set(now);
    row.changed_at = Set(Some(now));
    let saved = row.update(db).await?;
    super::feed_cache::calendar_changed();
    Ok(saved)
}

/// Drops `event`'s translation into `language`, if it has one.
pub async fn untranslate<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
    language: &str,
) -> Result<(), DbErr> {
    let gone = event_translation::Entity::delete_many()
        .filter(event_translation::Column::EventId.eq(event_id))
        .filter(event_translation::Column::Language.eq(language))
        .exec(db)
        .await?;
    if gone.rows_affected > 0 {
        super::feed_cache::calendar_changed();
    }
    Ok(())
}

/// Marks `event`'s translation into `language` as made from its current text.
pub async fn translation_current<C: ConnectionTrait>(
    db: &C,
    event: &event::Model,
    language: &str,
) -> Result<(), DbErr> {
    event_translation::Entity::update_many()
        .col_expr(
            event_translation::Column::SourceSequence,
            sea_orm::sea_query::Expr::value(event.sequence),
        )
        .filter(event_translation::Column::EventId.eq(event.id))
        .filter(event_translation::Column::Language.eq(language))
        .exec(db)
        .await?;
    Ok(())
}

/// A UID for a new event: random, so it never names the school's address (a feed moved to a new
/// host keeps every phone's copy of the event) and never repeats across schools.
fn new_uid() -> String {
    format!("{:032x}@schoolgate", rand::random::<u128>())
}

/// Adds (or replaces) an event's translation into `language`.
pub async fn translate<C: ConnectionTrait>(
    db: &C,
    event: &event::Model,
    language: &str,
    title: &str,
    description_source: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    event_translation::Entity::delete_many()
        .filter(event_translation::Column::EventId.eq(event.id))
        .filter(event_translation::Column::Language.eq(language))
        .exec(db)
        .await?;
    event_translation::ActiveModel {
        event_id: Set(event.id),
        language: Set(language.to_string()),
        title: Set(title.to_string()),
        description_source: Set(description_source.to_string()),
        description_html: Set(crate::notices::rich_text::render(description_source)),
        source_sequence: Set(event.sequence),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    super::feed_cache::calendar_changed();
    Ok(())
}

/// Whose events a query reads.
#[derive(Clone, Copy)]
pub enum Reach<'a> {
    /// Every event of the school, staff-only ones too.
    School,
    /// The events whose audience holds one of these (a family's children).
    Members(&'a [Membership]),
}

/// The events of `reach` that have not ended by `from` (a repeating one: its last time) and, with
/// `before`, start before it, earliest first; `None` when the reach holds no one.
fn upcoming_query(
    school_id: i32,
    reach: Reach<'_>,
    from: DateTime<Utc>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Option<sea_orm::Select<event::Entity>> {
    let mut query = event::Entity::find().filter(event::Column::SchoolId.eq(school_id));
    if let Some(before) = before {
        // A repeating event's first start: it may still happen in the window.
        query = query.filter(event::Column::StartsAt.lt(before));
    }
    let query = match reach {
        Reach::School => query.filter(event::Column::LastEndsAt.gt(from)),
        Reach::Members([]) => return None,
        Reach::Members(memberships) => {
            // One statement: the family's targets chosen inside the database, not read out as
            // ids and sent back (a family with three children has hundreds of events a year).
            let reached = Query::select()
                .column(event_target::Column::EventId)
                .from(event_target::Entity)
                .cond_where(
                    Condition::all()
                        .add(reached_by(school_id, memberships))
                        .add(event_target::Column::EndsAt.gt(from)),
                )
                .to_owned();
            query.filter(event::Column::Id.in_subquery(reached))
        }
    };
    Some(
        query
            .order_by_asc(event::Column::StartsAt)
            .order_by_asc(event::Column::Id)
            .limit(limit),
    )
}

/// The events reaching `memberships` that have not ended by `from` (a repeating one: its last
/// time) and start before `before` if given, earliest first.
pub async fn upcoming_for<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    from: DateTime<Utc>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    match upcoming_query(school_id, Reach::Members(memberships), from, before, limit) {
        Some(query) => query.all(db).await,
        None => Ok(Vec::new()),
    }
}

/// Every event of the school (staff-only ones too) that has not ended by `from` and starts before
/// `before` if given.
pub async fn upcoming_in_school<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    from: DateTime<Utc>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    match upcoming_query(school_id, Reach::School, from, before, limit) {
        Some(query) => query.all(db).await,
        None => Ok(Vec::new()),
    }
}

/// Which version of an event a calendar file would show, and what its VTIMEZONE and
/// Last-Modified need: a few columns, where a whole event is two dozen.
#[derive(Clone, Debug, sea_orm::FromQueryResult)]
pub struct EventVersion {
    /// The event.
    pub id: i32,
    /// Its iCalendar UID: random, so it tells apart events of two databases in one process.
    pub uid: String,
    /// Raised with [`EventVersion::sequence`] by every change.
    pub updated_at: DateTime<Utc>,
    /// Its iCalendar SEQUENCE.
    pub sequence: i32,
    /// A whole day or days.
    pub all_day: bool,
    /// Its first start.
    pub starts_at: DateTime<Utc>,
    /// When its last time ends.
    pub last_ends_at: DateTime<Utc>,
}

/// The versions of the events [`upcoming_for`] or [`upcoming_in_school`] would read.
pub async fn upcoming_versions<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    reach: Reach<'_>,
    from: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<EventVersion>, DbErr> {
    let Some(query) = upcoming_query(school_id, reach, from, None, limit) else {
        return Ok(Vec::new());
    };
    query
        .select_only()
        .column(event::Column::Id)
        .column(event::Column::Uid)
        .column(event::Column::UpdatedAt)
        .column(event::Column::Sequence)
        .column(event::Column::AllDay)
        .column(event::Column::StartsAt)
        .column(event::Column::LastEndsAt)
        .into_model::<EventVersion>()
        .all(db)
        .await
}

/// Each of `ids`' translation into `language`, as (event, translation id, when written): a new
/// translation is a new row, so the pair names its text.
pub async fn translation_versions<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
    language: &str,
) -> Result<HashMap<i32, (i32, DateTime<Utc>)>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32, DateTime<Utc>)> = event_translation::Entity::find()
        .select_only()
        .column(event_translation::Column::EventId)
        .column(event_translation::Column::Id)
        .column(event_translation::Column::UpdatedAt)
        .filter(event_translation::Column::EventId.is_in(ids.iter().copied()))
        .filter(event_translation::Column::Language.eq(language))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(event, id, at)| (event, (id, at)))
        .collect())
}

/// The events `ids`, in no particular order.
pub async fn by_ids<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<event::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    event::Entity::find()
        .filter(event::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

/// The event if one of `memberships` is in its audience.
pub async fn visible_to<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    event_id: i32,
) -> Result<Option<event::Model>, DbErr> {
    if memberships.is_empty() {
        return Ok(None);
    }
    let reached = event_target::Entity::find()
        .filter(event_target::Column::EventId.eq(event_id))
        .filter(reached_by(school_id, memberships))
        .one(db)
        .await?;
    if reached.is_none() {
        return Ok(None);
    }
    in_school(db, school_id, event_id).await
}

/// The event if it belongs to `school_id`.
pub async fn in_school<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    event_id: i32,
) -> Result<Option<event::Model>, DbErr> {
    event::Entity::find_by_id(event_id)
        .filter(event::Column::SchoolId.eq(school_id))
        .one(db)
        .await
}

/// Target rows of any of the family's targets.
fn reached_by(school_id: i32, memberships: &[Membership]) -> Condition {
    target_keys(school_id, memberships)
        .into_iter()
        .fold(Condition::any(), |any, (kind, id)| {
            any.add(
                Condition::all()
                    .add(event_target::Column::Kind.eq(kind))
                    .add(event_target::Column::TargetId.eq(id)),
            )
        })
}

/// Every translation of `ids`, by event.
pub async fn translations<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<event_translation::Model>>, DbErr> {
    let mut by_event: HashMap<i32, Vec<event_translation::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(by_event);
    }
    for row in event_translation::Entity::find()
        .filter(event_translation::Column::EventId.is_in(ids.iter().copied()))
        .order_by_asc(event_translation::Column::Language)
        .all(db)
        .await?
    {
        by_event.entry(row.event_id).or_default().push(row);
    }
    Ok(by_event)
}
