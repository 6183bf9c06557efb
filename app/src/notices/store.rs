//! Notices in the database: drafts, publishing (targets, in-app notifications and e-mails queued in
//! one transaction), edits with history, withdrawal, and what a guardian sees.

use super::{Category, status};
use crate::audience::{Audience, Membership, resolve};
use crate::db::entities::{
    guardian, notice, notice_ack, notice_read, notice_revision, notice_target, notice_translation,
    notification, notification_preference, outbox,
};
use crate::i18n::Locale;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, DerivePartialModel,
    EntityTrait, FromQueryResult, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};

/// How many of the newest notices the home page and the notification centre look through.
pub const BOARD_LIMIT: u64 = 50;

/// How many notices a page of the board shows; older ones are a link away. A phone shows three
/// or four cards a screen, and every card is rendered, sent and hydrated with the page.
pub const BOARD_PAGE: u64 = 20;

/// The deepest page of the board: a page's feed reads every target's newest notices down to
/// it, so a request for page four billion must not read the school's whole history.
pub const BOARD_LAST_PAGE: u32 = 250;

/// A notice in another language, as the author typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TranslationInput {
    /// The translation's language.
    pub language: Locale,
    /// Its title.
    pub title: String,
    /// Its body in Markdown.
    pub body_source: String,
}

/// Everything the compose form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The title in the original language.
    pub title: String,
    /// The body in Markdown.
    pub body_source: String,
    /// The original's language.
    pub language: Locale,
    /// What kind of notice.
    pub category: Category,
    /// Whom it is for.
    pub audience: Audience,
    /// Whether guardians must acknowledge it.
    pub ack_required: bool,
    /// By when, if they must.
    pub ack_by: Option<NaiveDate>,
    /// When it appears; `None` = as soon as it is published.
    pub publish_at: Option<DateTime<Utc>>,
    /// When it disappears from parents' boards.
    pub expires_at: Option<DateTime<Utc>>,
    /// Kept at the top of the board.
    pub pinned: bool,
    /// Other languages, in the order given.
    pub translations: Vec<TranslationInput>,
}

/// A stored notice with its translations, as the compose form is filled from it.
pub async fn load_draft<C: ConnectionTrait>(
    db: &C,
    notice: &notice::Model,
) -> Result<Draft, DbErr> {
    let translations = notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.eq(notice.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| {
            Some(TranslationInput {
                language: Locale::from_tag(&t.language)?,
                title: t.title,
                body_source: t.body_source,
            })
        })
        .collect();
    Ok(Draft {
        title: notice.title.clone(),
        body_source: notice.body_source.clone(),
        language: Locale::from_tag(&notice.language).unwrap_or_default(),
        category: Category::from_code(&notice.category).unwrap_or_default(),
        audience: audience_of(notice),
        ack_required: notice.ack_required,
        ack_by: notice.ack_by,
        publish_at: notice.publish_at,
        expires_at: notice.expires_at,
        pinned: notice.pinned,
        translations,
    })
}

/// The audience stored with a notice (an unreadable one reaches nobody).
pub fn audience_of(notice: &notice::Model) -> Audience {
    parse_audience(&notice.audience)
}

/// A stored audience; one that cannot be read reaches staff only, never families.
fn parse_audience(json: &str) -> Audience {
    serde_json::from_str(json).unwrap_or(Audience {
        staff_only: true,
        ..Audience::default()
    })
}

/// Saves a new draft, or the typed state of an existing draft; returns its id.
pub async fn save_draft<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    author: i32,
    existing: Option<&notice::Model>,
    draft: &Draft,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let audience = serde_json::to_string(&draft.audience)
        .map_err(|e| DbErr::Custom(format!("audience: {e}")))?;
    let body_html = super::rich_text::render(&draft.body_source);
    let id = match existing {
        Some(row) => {
            let mut row = row.clone().into_active_model();
            row.title = Set(draft.title.clone());
            row.body_source = Set(draft.body_source.clone());
            row.excerpt = Set(super::rich_text::excerpt(&body_html));
            row.body_html = Set(body_html);
            row.language = Set(draft.language.tag().to_string());
            row.category = Set(draft.category.code().to_string());
            row.audience = Set(audience);
            row.ack_required = Set(draft.ack_required);
            row.ack_by = Set(draft.ack_by);
            row.publish_at = Set(draft.publish_at);
            row.expires_at = Set(draft.expires_at);
            row.pinned = Set(draft.pinned);
            row.updated_at = Set(now);
            row.update(db).await?.id
        }
        None => {
            notice::ActiveModel {
                school_id: Set(school_id),
                author_user_id: Set(Some(author)),
                status: Set(status::DRAFT.to_string()),
                category: Set(draft.category.code().to_string()),
                audience: Set(audience),
                language: Set(draft.language.tag().to_string()),
                title: Set(draft.title.clone()),
                body_source: Set(draft.body_source.clone()),
                excerpt: Set(super::rich_text::excerpt(&body_html)),
                body_html: Set(body_html),
                ack_required: Set(draft.ack_required),
                ack_by: Set(draft.ack_by),
                publish_at: Set(draft.publish_at),
                expires_at: Set(draft.expires_at),
                pinned: Set(draft.pinned),
                revision: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    };
    save_translations(db, id, 1, draft, None, now).await?;
    Ok(id)
}

/// Writes the draft's translations. A translation whose text changed follows `revision`; one left
/// as it was keeps the revision it was written for (so it shows as out of date after the
/// original changed). Translations removed from the form are deleted.
async fn save_translations<C: ConnectionTrait>(
    db: &C,
    notice_id: i32,
    revision: i32,
    draft: &Draft,
    editor: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let stored = notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.eq(notice_id))
        .all(db)
        .await?;
    let wanted: Vec<&TranslationInput> = draft
        .translations
        .iter()
        .filter(|t| t.language != draft.language && !t.title.trim().is_empty())
        .collect();
    for old in &stored {
        if !wanted.iter().any(|t| t.language.tag() == old.language) {
            notice_translation::Entity::delete_by_id(old.id)
                .exec(db)
                .await?;
        }
    }
    for t in wanted {
        let body_html = super::rich_text::render(&t.body_source);
        match stored.iter().find(|s| s.language == t.language.tag()) {
            Some(old) if old.title == t.title && old.body_source == t.body_source => {}
            Some(old) => {
                if let Some(editor) = editor {
                    keep_revision(
                        db,
                        notice_id,
                        old.source_revision,
                        &old.language,
                        &old.title,
                        &old.body_source,
                        editor,
                        now,
                    )
                    .await?;
                }
                let mut row = old.clone().into_active_model();
                row.title = Set(t.title.clone());
                row.body_source = Set(t.body_source.clone());
                row.excerpt = Set(super::rich_text::excerpt(&body_html));
                row.body_html = Set(body_html);
                row.source_revision = Set(revision);
                row.updated_at = Set(now);
                row.update(db).await?;
            }
            None => {
                notice_translation::ActiveModel {
                    notice_id: Set(notice_id),
                    language: Set(t.language.tag().to_string()),
                    title: Set(t.title.clone()),
                    body_source: Set(t.body_source.clone()),
                    excerpt: Set(super::rich_text::excerpt(&body_html)),
                    body_html: Set(body_html),
                    source_revision: Set(revision),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn keep_revision<C: ConnectionTrait>(
    db: &C,
    notice_id: i32,
    revision: i32,
    language: &str,
    title: &str,
    body_source: &str,
    editor: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    notice_revision::ActiveModel {
        notice_id: Set(notice_id),
        revision: Set(revision),
        language: Set(language.to_string()),
        title: Set(title.to_string()),
        body_source: Set(body_source.to_string()),
        edited_by: Set(Some(editor)),
        edited_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Saves changes to a published notice: the earlier text goes into the history, the revision
/// goes up when the original's text changed, and untouched translations become out of date.
pub async fn edit_published<C: ConnectionTrait>(
    db: &C,
    existing: &notice::Model,
    editor: i32,
    draft: &Draft,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let text_changed = existing.title != draft.title || existing.body_source != draft.body_source;
    let revision = if text_changed {
        keep_revision(
            db,
            existing.id,
            existing.revision,
            &existing.language,
            &existing.title,
            &existing.body_source,
            editor,
            now,
        )
        .await?;
        existing.revision + 1
    } else {
        existing.revision
    };
    let mut row = existing.clone().into_active_model();
    row.title = Set(draft.title.clone());
    row.body_source = Set(draft.body_source.clone());
    let body_html = super::rich_text::render(&draft.body_source);
    row.excerpt = Set(super::rich_text::excerpt(&body_html));
    row.body_html = Set(body_html);
    row.category = Set(draft.category.code().to_string());
    row.ack_required = Set(draft.ack_required);
    row.ack_by = Set(draft.ack_by);
    row.expires_at = Set(draft.expires_at);
    row.pinned = Set(draft.pinned);
    row.revision = Set(revision);
    row.updated_at = Set(now);
    row.update(db).await?;
    notice_target::Entity::update_many()
        .col_expr(notice_target::Column::Pinned, Expr::value(draft.pinned))
        .col_expr(
            notice_target::Column::ExpiresAt,
            Expr::value(draft.expires_at),
        )
        .filter(notice_target::Column::NoticeId.eq(existing.id))
        .exec(db)
        .await?;
    save_translations(db, existing.id, revision, draft, Some(editor), now).await
}

/// What publishing did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// Guardians given an in-app notification.
    pub notified: u32,
    /// E-mails queued.
    pub emails: u32,
}

/// Publishes a draft at `at` (now, or the scheduled time): writes its targets, an in-app
/// notification per reached guardian and their e-mails, all in one transaction.
pub async fn publish(
    db: &DatabaseConnection,
    notice: &notice::Model,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    school_timezone: &str,
) -> Result<Published, DbErr> {
    let audience = audience_of(notice);
    let reach = resolve::reach(db, notice.school_id, &audience).await?;
    let txn = crate::db::write_transaction(db).await?;
    let mut row = notice.clone().into_active_model();
    row.status = Set(status::PUBLISHED.to_string());
    row.publish_at = Set(Some(at));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    write_targets(&txn, notice, &audience, at).await?;
    let category = Category::from_code(&notice.category).unwrap_or_default();
    let guardians: Vec<i32> = reach.guardians.keys().copied().collect();
    // The new notice shows in each guardian's notification centre through their board; only the
    // e-mails need a row per guardian.
    let outcome = fan_out(
        &txn,
        notice,
        &guardians,
        "published",
        &format!("notice-{}-published", notice.id),
        category,
        at,
        school_timezone,
    )
    .await?;
    txn.commit().await?;
    Ok(outcome)
}

/// In-app notifications and queued e-mails for `guardians`, keyed so a repeat adds nothing.
#[allow(clippy::too_many_arguments)]
pub async fn fan_out<C: ConnectionTrait>(
    db: &C,
    notice: &notice::Model,
    guardians: &[i32],
    kind: &str,
    key_prefix: &str,
    category: Category,
    at: DateTime<Utc>,
    school_timezone: &str,
) -> Result<Published, DbErr> {
    let mut outcome = Published::default();
    if guardians.is_empty() {
        return Ok(outcome);
    }
    // Two statements for the whole school rather than one per chunk of recipients.
    let with_email: HashSet<i32> = guardian::Entity::find()
        .select_only()
        .column(guardian::Column::Id)
        .filter(guardian::Column::SchoolId.eq(notice.school_id))
        .filter(guardian::Column::Email.is_not_null())
        .filter(guardian::Column::Email.ne(""))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let school_guardians = Query::select()
        .column(guardian::Column::Id)
        .from(guardian::Entity)
        .and_where(Expr::col(guardian::Column::SchoolId).eq(notice.school_id))
        .to_owned();
    let preferences: HashMap<i32, String> = notification_preference::Entity::find()
        .filter(notification_preference::Column::Category.eq(category.code()))
        .filter(notification_preference::Column::GuardianId.in_subquery(school_guardians))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.guardian_id, p.mode))
        .collect();
    let digest_at = crate::outbox::next_digest_time(at, school_timezone);
    let mut notifications = Vec::with_capacity(guardians.len());
    let mut emails = Vec::new();
    let in_app = kind != "published";
    for &guardian_id in guardians {
        if in_app {
            notifications.push(notification::ActiveModel {
                school_id: Set(notice.school_id),
                guardian_id: Set(guardian_id),
                notice_id: Set(notice.id),
                kind: Set(kind.to_string()),
                created_at: Set(at),
                ..Default::default()
            });
        }
        if !with_email.contains(&guardian_id) {
            continue;
        }
        // Urgent notices always go at once, whatever the preference.
        let mode = if category == Category::Urgent {
            super::EmailMode::Instant
        } else {
            preferences
                .get(&guardian_id)
                .and_then(|m| super::EmailMode::from_code(m))
                .unwrap_or_default()
        };
        let (email_kind, due) = match mode {
            super::EmailMode::Off => continue,
            super::EmailMode::Instant => (kind.to_string(), at),
            super::EmailMode::Digest => ("digest".to_string(), digest_at),
        };
        emails.push(outbox::ActiveModel {
            school_id: Set(notice.school_id),
            idempotency_key: Set(format!("{key_prefix}-g{guardian_id}")),
            kind: Set(email_kind),
            guardian_id: Set(Some(guardian_id)),
            notice_id: Set(Some(notice.id)),
            status: Set(crate::outbox::status::PENDING.to_string()),
            attempts: Set(0),
            next_attempt_at: Set(due),
            created_at: Set(at),
            ..Default::default()
        });
    }
    outcome.notified = guardians.len() as u32;
    outcome.emails = emails.len() as u32;
    // Several hundred rows per statement: one round trip per chunk instead of per guardian.
    for chunk in notifications.chunks(400) {
        notification::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    // Big statements: one round trip per thousand e-mails (well under SQLite's variable limit).
    for chunk in emails.chunks(1000) {
        outbox::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([outbox::Column::IdempotencyKey])
            .exec_without_returning(db)
            .await?;
    }
    Ok(outcome)
}

/// Indexes the audience for the board query: one row per school, year group, class or pupil.
async fn write_targets<C: ConnectionTrait>(
    db: &C,
    notice: &notice::Model,
    audience: &Audience,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (notice_id, school_id) = (notice.id, notice.school_id);
    notice_target::Entity::delete_many()
        .filter(notice_target::Column::NoticeId.eq(notice_id))
        .exec(db)
        .await?;
    let rows: Vec<notice_target::ActiveModel> = audience
        .targets(school_id)
        .into_iter()
        .map(|(kind, id)| notice_target::ActiveModel {
            notice_id: Set(notice_id),
            kind: Set(kind.to_string()),
            target_id: Set(id),
            pinned: Set(notice.pinned),
            publish_at: Set(at),
            expires_at: Set(notice.expires_at),
            ..Default::default()
        })
        .collect();
    if !rows.is_empty() {
        notice_target::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Withdraws a notice: parents stop seeing it at once, and e-mails not yet sent are cancelled.
pub async fn withdraw(
    db: &DatabaseConnection,
    notice: &notice::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let txn = crate::db::write_transaction(db).await?;
    let mut row = notice.clone().into_active_model();
    row.status = Set(status::WITHDRAWN.to_string());
    row.withdrawn_at = Set(Some(now));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    notice_target::Entity::delete_many()
        .filter(notice_target::Column::NoticeId.eq(notice.id))
        .exec(&txn)
        .await?;
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            Expr::value(crate::outbox::status::CANCELLED),
        )
        .filter(outbox::Column::NoticeId.eq(notice.id))
        .filter(outbox::Column::Status.eq(crate::outbox::status::PENDING))
        .exec(&txn)
        .await?;
    txn.commit().await
}

/// How many of the newest visible notices the unread count looks at ("99+" beyond).
pub const UNREAD_WINDOW: u64 = 100;

/// The ids of the newest `limit` notices visible now through `memberships`, pinned first. Each
/// target is read newest-first from its index and the lists are merged, so the cost grows with
/// the number of the guardian's targets, not with the school's notices. The targets' reads are
/// one statement: a family of two children has seven targets, and a statement apiece was most of
/// a board's trips to the database.
pub async fn feed<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<i32>, DbErr> {
    Ok(feed_entries(db, school_id, memberships, now, limit, None)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect())
}

/// [`feed`], each id with whether `reader` (a guardian) has opened it, in the same statement.
async fn feed_entries<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    limit: u64,
    reader: Option<i32>,
) -> Result<Vec<(i32, bool)>, DbErr> {
    if memberships.is_empty() {
        return Ok(Vec::new());
    }
    let statement = feed_statement(
        db.get_database_backend(),
        school_id,
        memberships,
        now,
        limit,
        reader,
    );
    let mut seen = HashSet::new();
    // Sized for the unread window: a deep page's larger `limit` grows it as rows come.
    let mut entries = Vec::with_capacity(Ord::min(limit, UNREAD_WINDOW) as usize);
    for row in db.query_all_raw(statement).await? {
        let id: i32 = row.try_get_by_index(0)?;
        let opened: bool = row.try_get_by_index(3)?;
        // Targets copy their notice's pin and time, so a notice's rows are one after the union;
        // kept once all the same, should they ever differ.
        if seen.insert(id) {
            entries.push((id, opened));
        }
    }
    Ok(entries)
}

/// The statement behind [`feed_entries`] (`memberships` not empty).
fn feed_statement(
    backend: sea_orm::DbBackend,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    limit: u64,
    reader: Option<i32>,
) -> sea_orm::Statement {
    // Written out rather than built with sea-query: this runs on every signed-in page, and
    // building the union was most of what a board spent on statements (`db::sql`). The
    // database merges the targets' lists (a `UNION` also drops a notice reaching the family
    // through two targets) and returns only the newest `limit`, so the reads are looked up for
    // those alone.
    //
    // SQLite merges a compound select that is itself ordered: each target is read from its index
    // newest first, and the merge stops at `limit`. With a `LIMIT` in each target instead, it
    // sorts each target's rows and the union's again, three times the work on a long history
    // (`the_feed_reads_only_indexes`). PostgreSQL does not merge a `UNION`: each target keeps its
    // own newest `limit` there, or it would read every notice each target ever had.
    let sqlite = backend == sea_orm::DbBackend::Sqlite;
    let mut sql = crate::db::sql::Sql::new(backend);
    let limit_value = i64::try_from(limit).unwrap_or(i64::MAX);
    sql.push("SELECT u.notice_id, u.pinned, u.publish_at, ");
    match reader {
        Some(guardian_id) => {
            sql.push("EXISTS (SELECT 1 FROM notice_read r WHERE r.guardian_id = ")
                .bind(guardian_id)
                .push(" AND r.notice_id = u.notice_id)");
        }
        None => {
            sql.push("FALSE");
        }
    }
    sql.push(" FROM (");
    for (i, (kind, target_id)) in crate::audience::target_keys(school_id, memberships)
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            sql.push(" UNION ");
        }
        if !sqlite {
            sql.push("SELECT t.notice_id, t.pinned, t.publish_at FROM (");
        }
        sql.push("SELECT notice_id, pinned, publish_at FROM notice_target WHERE kind = ")
            .bind(kind)
            .push(" AND target_id = ")
            .bind(target_id)
            .push(" AND publish_at <= ")
            .bind(now)
            .push(" AND (expires_at IS NULL OR expires_at > ")
            .bind(now)
            .push(")");
        if !sqlite {
            sql.push(" ORDER BY pinned DESC, publish_at DESC LIMIT ")
                .bind(limit_value)
                .push(") AS t");
        }
    }
    sql.push(" ORDER BY pinned DESC, publish_at DESC, notice_id DESC LIMIT ")
        .bind(limit_value)
        .push(") AS u ORDER BY u.pinned DESC, u.publish_at DESC, u.notice_id DESC");
    sql.statement()
}

/// The newest notices a guardian may see through `memberships`, pinned first.
pub async fn board<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
) -> Result<Vec<notice::Model>, DbErr> {
    let ids = feed(db, school_id, memberships, now, BOARD_LIMIT).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: HashMap<i32, notice::Model> = notice::Entity::find()
        .filter(notice::Column::Id.is_in(ids.iter().copied()))
        .filter(notice::Column::Status.eq(status::PUBLISHED))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n))
        .collect();
    Ok(ids.into_iter().filter_map(|id| found.remove(&id)).collect())
}

/// A guardian's feed: the ids of the newest [`UNREAD_WINDOW`] visible notices and which of
/// them they have opened. The tab badge and the board both come from it, so a page computes it
/// once (the session middleware keeps it in the request).
#[derive(Clone, Debug, Default)]
pub struct GuardianFeed {
    /// Newest first, pinned on top.
    pub ids: Vec<i32>,
    /// Those the guardian has opened.
    pub read: HashSet<i32>,
}

impl GuardianFeed {
    /// Unopened notices among the newest [`UNREAD_WINDOW`].
    pub fn unread(&self) -> u64 {
        self.ids.iter().filter(|id| !self.read.contains(id)).count() as u64
    }
}

/// Reads a guardian's feed and what they have opened of it, in one statement.
pub async fn guardian_feed<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    guardian_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
) -> Result<GuardianFeed, DbErr> {
    guardian_feed_to(db, school_id, guardian_id, memberships, now, UNREAD_WINDOW).await
}

/// [`guardian_feed`] down to its newest `limit` notices, for a board page deeper than the
/// unread window.
pub async fn guardian_feed_to<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    guardian_id: i32,
    memberships: &[Membership],
    now: DateTime<Utc>,
    limit: u64,
) -> Result<GuardianFeed, DbErr> {
    let entries = feed_entries(db, school_id, memberships, now, limit, Some(guardian_id)).await?;
    let read = entries
        .iter()
        .filter(|(_, opened)| *opened)
        .map(|(id, _)| *id)
        .collect();
    let ids = entries.into_iter().map(|(id, _)| id).collect();
    Ok(GuardianFeed { ids, read })
}

/// What a board card shows of a notice, and whether the reader has acknowledged it: no bodies,
/// which a board of fifty notices would read, copy and drop on every page view.
#[derive(Clone, Debug, FromQueryResult)]
pub struct BoardRow {
    /// The notice's id.
    pub id: i32,
    /// Its school.
    pub school_id: i32,
    /// Its category's code.
    pub category: String,
    /// Its audience as JSON.
    pub audience: String,
    /// The original's language.
    pub language: String,
    /// The original's title.
    pub title: String,
    /// The original's excerpt.
    pub excerpt: String,
    /// Whether families are asked to acknowledge it.
    pub ack_required: bool,
    /// By when.
    pub ack_by: Option<NaiveDate>,
    /// When it was (or will be) published.
    pub publish_at: Option<DateTime<Utc>>,
    /// Whether it stays at the top.
    pub pinned: bool,
    /// Whether the reader's family has acknowledged it.
    pub acknowledged: bool,
}

impl BoardRow {
    /// Who the notice is for.
    pub fn audience(&self) -> Audience {
        parse_audience(&self.audience)
    }
}

/// The notices `shown` (ids from a feed, in its order) that are still published, each with
/// whether `guardian_id` has acknowledged it and its translations' titles and excerpts in
/// language order: one statement, since it runs on every board (`db::sql`).
pub async fn board_notices<C: ConnectionTrait>(
    db: &C,
    shown: &[i32],
    guardian_id: i32,
) -> Result<Vec<(BoardRow, Vec<CardTranslation>)>, DbErr> {
    if shown.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = crate::db::sql::Sql::new(db.get_database_backend());
    sql.push(
        "SELECT n.id, n.school_id, n.category, n.audience, n.language, n.title, n.excerpt, \
         n.ack_required, n.ack_by, n.publish_at, n.pinned, \
         EXISTS (SELECT 1 FROM notice_ack a WHERE a.guardian_id = ",
    )
    .bind(guardian_id)
    .push(
        " AND a.notice_id = n.id) AS acknowledged, \
         tr.language AS tr_language, tr.title AS tr_title, tr.excerpt AS tr_excerpt \
         FROM notice n LEFT JOIN notice_translation tr ON tr.notice_id = n.id WHERE n.id IN (",
    )
    .bind_list(shown.iter().copied())
    .push(") AND n.status = ")
    .bind(status::PUBLISHED)
    .push(" ORDER BY n.id, tr.language");
    let mut found: HashMap<i32, (BoardRow, Vec<CardTranslation>)> =
        HashMap::with_capacity(shown.len());
    for row in db.query_all_raw(sql.statement()).await? {
        let id: i32 = row.try_get("", "id")?;
        // A notice has a row per translation (one row without any): its columns are read once.
        let (_, translations) = match found.entry(id) {
            std::collections::hash_map::Entry::Occupied(kept) => kept.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((BoardRow::from_query_result(&row, "")?, Vec::new()))
            }
        };
        if let Some(language) = row.try_get::<Option<String>>("", "tr_language")? {
            translations.push(CardTranslation {
                notice_id: id,
                language,
                title: row.try_get("", "tr_title")?,
                excerpt: row.try_get("", "tr_excerpt")?,
            });
        }
    }
    Ok(shown.iter().filter_map(|id| found.remove(id)).collect())
}

/// The notice if a guardian with these memberships may see it now.
pub async fn visible_notice<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    memberships: &[Membership],
    notice_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<notice::Model>, DbErr> {
    let keys = crate::audience::target_keys(school_id, memberships);
    if memberships.is_empty() {
        return Ok(None);
    }
    let visible = notice_target::Entity::find()
        .filter(notice_target::Column::NoticeId.eq(notice_id))
        .all(db)
        .await?
        .into_iter()
        .any(|t| {
            keys.contains(&(t.kind.as_str(), t.target_id))
                && t.publish_at <= now
                && t.expires_at.is_none_or(|at| at > now)
        });
    if !visible {
        return Ok(None);
    }
    notice::Entity::find_by_id(notice_id)
        .filter(notice::Column::SchoolId.eq(school_id))
        .filter(notice::Column::Status.eq(status::PUBLISHED))
        .one(db)
        .await
}

/// Ids among `notices` the guardian has opened.
pub async fn read_ids<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
    notices: &[i32],
) -> Result<HashSet<i32>, DbErr> {
    Ok(notice_read::Entity::find()
        .select_only()
        .column(notice_read::Column::NoticeId)
        .filter(notice_read::Column::GuardianId.eq(guardian_id))
        .filter(notice_read::Column::NoticeId.is_in(notices.iter().copied()))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The guardian's acknowledgements among `notices`.
pub async fn acks<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
    notices: &[i32],
) -> Result<HashMap<i32, notice_ack::Model>, DbErr> {
    Ok(notice_ack::Entity::find()
        .filter(notice_ack::Column::GuardianId.eq(guardian_id))
        .filter(notice_ack::Column::NoticeId.is_in(notices.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.notice_id, a))
        .collect())
}

/// Records that a guardian opened a notice (the first time only).
pub async fn mark_read<C: ConnectionTrait>(
    db: &C,
    notice_id: i32,
    guardian_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let inserted = notice_read::Entity::insert(notice_read::ActiveModel {
        notice_id: Set(notice_id),
        guardian_id: Set(guardian_id),
        read_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        notice_read::Column::GuardianId,
        notice_read::Column::NoticeId,
    ])
    .exec_without_returning(db)
    .await?;
    let inserted = matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0);
    if inserted {
        notification::Entity::update_many()
            .col_expr(notification::Column::ReadAt, Expr::value(now))
            .filter(notification::Column::GuardianId.eq(guardian_id))
            .filter(notification::Column::NoticeId.eq(notice_id))
            .filter(notification::Column::ReadAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(inserted)
}

/// Records a guardian's acknowledgement for `pupil_id`; a second one changes nothing.
pub async fn acknowledge<C: ConnectionTrait>(
    db: &C,
    notice_id: i32,
    guardian_id: i32,
    pupil_id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    mark_read(db, notice_id, guardian_id, now).await?;
    let inserted = notice_ack::Entity::insert(notice_ack::ActiveModel {
        notice_id: Set(notice_id),
        guardian_id: Set(guardian_id),
        pupil_id: Set(pupil_id),
        user_id: Set(user_id),
        acked_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([notice_ack::Column::NoticeId, notice_ack::Column::GuardianId])
    .exec_without_returning(db)
    .await?;
    Ok(matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0))
}

/// A translation's title and excerpt, for a card or a notification.
#[derive(Clone, Debug, DerivePartialModel)]
#[sea_orm(entity = "notice_translation::Entity")]
pub struct CardTranslation {
    /// The notice it translates.
    pub notice_id: i32,
    /// Its language.
    pub language: String,
    /// Its title.
    pub title: String,
    /// Its excerpt.
    pub excerpt: String,
}

/// The titles and excerpts of several notices' translations, by notice id, in language order.
pub async fn card_translations<C: ConnectionTrait>(
    db: &C,
    notices: &[i32],
) -> Result<HashMap<i32, Vec<CardTranslation>>, DbErr> {
    let mut by_notice: HashMap<i32, Vec<CardTranslation>> = HashMap::new();
    for t in notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.is_in(notices.iter().copied()))
        .order_by_asc(notice_translation::Column::Language)
        .into_partial_model::<CardTranslation>()
        .all(db)
        .await?
    {
        by_notice.entry(t.notice_id).or_default().push(t);
    }
    Ok(by_notice)
}

/// Every translation of several notices, by notice id, in language order.
pub async fn all_translations<C: ConnectionTrait>(
    db: &C,
    notices: &[i32],
) -> Result<HashMap<i32, Vec<notice_translation::Model>>, DbErr> {
    let mut by_notice: HashMap<i32, Vec<notice_translation::Model>> = HashMap::new();
    for t in notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.is_in(notices.iter().copied()))
        .order_by_asc(notice_translation::Column::Language)
        .all(db)
        .await?
    {
        by_notice.entry(t.notice_id).or_default().push(t);
    }
    Ok(by_notice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ConnectionTrait, Statement};

    /// The feed runs on every signed-in page: each target's read must come from the index
    /// alone (no lookup in the table per entry) and each read check from its own index.
    #[tokio::test]
    async fn the_feed_reads_only_indexes() {
        let db = crate::db::connect("sqlite::memory:")
            .await
            .expect("connects");
        crate::db::migrate(&db).await.expect("migrates");
        let family = [
            Membership {
                pupil_id: 1,
                school_id: 1,
                year_group_id: 3,
                class_id: Some(30),
            },
            Membership {
                pupil_id: 2,
                school_id: 1,
                year_group_id: 5,
                class_id: Some(50),
            },
        ];
        let feed = feed_statement(
            db.get_database_backend(),
            1,
            &family,
            Utc::now(),
            100,
            Some(7),
        );
        let plan: Vec<String> = db
            .query_all_raw(Statement {
                sql: format!("EXPLAIN QUERY PLAN {}", feed.sql),
                ..feed
            })
            .await
            .expect("a plan")
            .iter()
            .map(|row| row.try_get::<String>("", "detail").expect("detail"))
            .collect();
        let searches: Vec<&String> = plan.iter().filter(|d| d.contains("SEARCH")).collect();
        let targets = searches
            .iter()
            .filter(|d| d.contains("notice_target"))
            .count();
        assert_eq!(targets, 7, "one search per target: {plan:#?}");
        assert!(
            searches.iter().all(|d| d.contains("USING COVERING INDEX")),
            "{plan:#?}"
        );
        assert!(
            plan.iter().all(|d| !d.starts_with("SCAN notice")),
            "no table scanned: {plan:#?}"
        );
        // The targets' lists merged as read, not each gathered and sorted whole.
        let merges = plan.iter().filter(|d| *d == "MERGE (UNION)").count();
        assert_eq!(merges, 6, "seven targets merged: {plan:#?}");
    }
}
