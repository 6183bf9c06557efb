//! The background worker that drains the outbox.

use super::mailer::{SendError, Smtp};
use super::{MAX_ATTEMPTS, STALE_AFTER_DAYS, backoff, render, status};
use crate::db::entities::{guardian, notice, notice_translation, outbox, school};
use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
    Statement,
};
use std::collections::BTreeMap;
use std::time::Duration;

/// How the worker paces itself.
#[derive(Clone, Debug)]
pub struct WorkerSettings {
    /// Rows claimed at once.
    pub batch: u32,
    /// How long a claim lasts; a crashed worker's rows are picked up after it.
    pub lease: Duration,
    /// Pause when there was nothing to do.
    pub idle: Duration,
    /// The portal's address for links.
    pub public_url: String,
}

impl WorkerSettings {
    /// Production pacing for a portal at `public_url`.
    pub fn new(public_url: &str) -> Self {
        Self {
            batch: 50,
            lease: Duration::from_secs(120),
            idle: Duration::from_secs(2),
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// The `Message-ID` for the e-mail of outbox key `key`, at the portal's host.
    pub fn message_id(&self, key: &str) -> String {
        let host = self
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or("schoolgate")
            .split(['/', ':'])
            .next()
            .unwrap_or("schoolgate");
        format!("<{key}@{host}>")
    }
}

/// Claims due rows for this worker and returns their ids. Rows are due when pending and their
/// time has come, or claimed by a worker whose lease ran out.
pub async fn claim(
    db: &DatabaseConnection,
    batch: u32,
    lease: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(2));
    let backend = db.get_database_backend();
    let (lock, p) = match backend {
        // Several servers on one database each take different rows, without waiting.
        DbBackend::Postgres => ("FOR UPDATE SKIP LOCKED", ["$1", "$2", "$3", "$4", "$5"]),
        // SQLite has one writer at a time: the UPDATE itself is the lock.
        _ => ("", ["?1", "?2", "?3", "?4", "?5"]),
    };
    let sql = format!(
        "UPDATE outbox SET status = {p0}, locked_until = {p1}, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox \
           WHERE (status = {p2} AND next_attempt_at <= {p3}) \
              OR (status = {p0} AND locked_until < {p3}) \
           ORDER BY guardian_id, id LIMIT {p4} {lock}) \
         RETURNING id",
        p0 = p[0],
        p1 = p[1],
        p2 = p[2],
        p3 = p[3],
        p4 = p[4],
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [
                status::SENDING.into(),
                until.into(),
                status::PENDING.into(),
                now.into(),
                (batch as i64).into(),
            ],
        ))
        .await?;
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        ids.push(row.try_get_by_index::<i32>(0)?);
    }
    Ok(ids)
}

async fn finish(
    db: &DatabaseConnection,
    id: i32,
    new_status: &str,
    error: Option<String>,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut update = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(new_status))
        .col_expr(
            outbox::Column::LockedUntil,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(outbox::Column::LastError, Expr::value(error));
    if new_status == status::SENT {
        update = update.col_expr(outbox::Column::SentAt, Expr::value(Some(now)));
    }
    if let Some(at) = retry_at {
        update = update.col_expr(outbox::Column::NextAttemptAt, Expr::value(at));
    }
    update
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Status.eq(status::SENDING))
        .exec(db)
        .await?;
    Ok(())
}

/// One claimed batch: sends each e-mail (a guardian's due digest rows as one message) and records
/// the outcome. Returns how many rows it settled.
pub async fn drain_once(
    db: &DatabaseConnection,
    smtp: &Smtp,
    settings: &WorkerSettings,
) -> Result<usize, DbErr> {
    let now = Utc::now();
    let ids = claim(db, settings.batch, settings.lease, now).await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    // Digest rows of one guardian go out together, as do one author's withheld posts;
    // everything else one by one.
    let mut groups: BTreeMap<Batch, Vec<outbox::Model>> = BTreeMap::new();
    for row in rows {
        let batch = match (row.kind.as_str(), row.guardian_id, row.user_id) {
            ("digest", Some(guardian), _) => Batch::Digest(guardian),
            (super::kind::NEWS_WITHHELD, _, Some(user)) => Batch::Withheld(user),
            _ => Batch::Single(row.id),
        };
        groups.entry(batch).or_default().push(row);
    }
    for (batch, rows) in groups {
        let outcome = match batch {
            Batch::Digest(guardian) => {
                deliver(db, smtp, settings, guardian, true, &rows, now).await
            }
            Batch::Withheld(user) => {
                super::staff_mail::withheld(db, smtp, settings, user, &rows).await
            }
            Batch::Single(_) if rows[0].kind == crate::forms::remind::OUTBOX_KIND => {
                super::form_mail::reminder(db, smtp, settings, &rows[0]).await
            }
            Batch::Single(_)
                if rows[0].kind == crate::reports::notify::PUBLISHED_KIND
                    || rows[0].kind == crate::reports::notify::REMINDER_KIND =>
            {
                super::report_mail::report(db, smtp, settings, &rows[0]).await
            }
            Batch::Single(_) => match rows[0].guardian_id {
                Some(guardian) => deliver(db, smtp, settings, guardian, false, &rows, now).await,
                None => Ok(Delivery::NotWanted),
            },
        };
        let now = Utc::now();
        for row in &rows {
            match &outcome {
                Ok(Delivery::Sent) => finish(db, row.id, status::SENT, None, None, now).await?,
                Ok(Delivery::NotWanted) => {
                    finish(db, row.id, status::CANCELLED, None, None, now).await?
                }
                Err(SendError::Transient(e)) if row.attempts < MAX_ATTEMPTS => {
                    tracing::warn!(outbox = row.id, error = %e, "e-mail will be retried");
                    let at = now + backoff(row.attempts);
                    finish(db, row.id, status::PENDING, Some(e.clone()), Some(at), now).await?
                }
                Err(e) => {
                    tracing::error!(outbox = row.id, error = %e, "e-mail given up");
                    finish(db, row.id, status::FAILED, Some(e.to_string()), None, now).await?
                }
            }
        }
    }
    Ok(ids.len())
}

/// A database error while sending: worth retrying.
pub(super) fn db_error(e: DbErr) -> SendError {
    SendError::Transient(format!("database: {e}"))
}

/// The school's name, for an e-mail's subject and footer.
pub(super) async fn school_name(
    db: &DatabaseConnection,
    school_id: i32,
) -> Result<String, SendError> {
    Ok(school::Entity::find_by_id(school_id)
        .one(db)
        .await
        .map_err(db_error)?
        .map(|s| s.name)
        .unwrap_or_default())
}

/// A row that waited so long that its e-mail would come too late to be of use.
pub(super) fn is_stale(row: &outbox::Model, now: DateTime<Utc>) -> bool {
    (now - row.created_at).num_days() >= STALE_AFTER_DAYS
}

/// Rows that go out as one e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Batch {
    /// A guardian's due digest.
    Digest(i32),
    /// A member of staff's posts withheld by a lowered consent.
    Withheld(i32),
    /// One row on its own.
    Single(i32),
}

/// What became of an e-mail.
pub(super) enum Delivery {
    /// The SMTP server took it.
    Sent,
    /// Nobody to send it to, or nothing left to say.
    NotWanted,
}

async fn deliver(
    db: &DatabaseConnection,
    smtp: &Smtp,
    settings: &WorkerSettings,
    guardian_id: i32,
    is_digest: bool,
    rows: &[outbox::Model],
    now: DateTime<Utc>,
) -> Result<Delivery, SendError> {
    let Some(guardian) = guardian::Entity::find_by_id(guardian_id)
        .one(db)
        .await
        .map_err(db_error)?
    else {
        return Ok(Delivery::NotWanted);
    };
    let Some(to) = guardian.email.clone().filter(|e| !e.is_empty()) else {
        return Ok(Delivery::NotWanted);
    };
    let locale = Locale::from_tag(&guardian.preferred_locale).unwrap_or_default();
    let school_name = school_name(db, guardian.school_id).await?;
    let mut notices = Vec::new();
    for row in rows {
        if is_stale(row, now) {
            continue;
        }
        let Some(notice_id) = row.notice_id else {
            continue;
        };
        let Some(notice) = notice::Entity::find_by_id(notice_id)
            .one(db)
            .await
            .map_err(db_error)?
            .filter(|n| n.status == crate::notices::status::PUBLISHED)
        else {
            continue;
        };
        let translation = if notice.language == locale.tag() {
            None
        } else {
            notice_translation::Entity::find()
                .filter(notice_translation::Column::NoticeId.eq(notice.id))
                .filter(notice_translation::Column::Language.eq(locale.tag()))
                .one(db)
                .await
                .map_err(db_error)?
        };
        notices.push((notice, translation));
    }
    if notices.is_empty() {
        return Ok(Delivery::NotWanted);
    }
    let message_id = |key: &str| settings.message_id(key);
    let email = if is_digest {
        let key = rows
            .iter()
            .map(|r| r.id.to_string())
            .collect::<Vec<_>>()
            .join("-");
        render::digest(
            locale,
            &to,
            &message_id(&format!("digest-g{guardian_id}-{key}")),
            &school_name,
            &settings.public_url,
            &notices,
        )
    } else {
        let (notice, translation) = &notices[0];
        render::single(
            locale,
            &to,
            &message_id(&rows[0].idempotency_key),
            &school_name,
            &settings.public_url,
            notice,
            translation.as_ref(),
            rows[0].kind == "reminder",
        )
    };
    smtp.send(&email).await?;
    Ok(Delivery::Sent)
}

/// Drains the outbox until `shutdown` resolves: batches back to back while there is work, a
/// short pause when there is none. Database errors are logged and retried after the pause.
pub async fn run(
    db: DatabaseConnection,
    smtp: Smtp,
    settings: WorkerSettings,
    shutdown: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    loop {
        let pause = match drain_once(&db, &smtp, &settings).await {
            Ok(0) => settings.idle,
            Ok(_) => Duration::ZERO,
            Err(e) => {
                tracing::error!(error = %e, "outbox worker: database error");
                settings.idle
            }
        };
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(pause) => {}
        }
    }
}
