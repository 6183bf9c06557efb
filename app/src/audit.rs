//! The audit log: who published, edited, withdrew, cancelled, reminded or exported what, and
//! when.

use crate::db::entities::audit_log;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// Actions recorded.
pub mod action {
    /// A notice went out (or was scheduled).
    pub const PUBLISHED: &str = "published";
    /// A published notice was changed.
    pub const EDITED: &str = "edited";
    /// A notice was taken back.
    pub const WITHDRAWN: &str = "withdrawn";
    /// Reminders were sent.
    pub const REMINDED: &str = "reminded";
    /// The read/acknowledged list was downloaded.
    pub const EXPORTED: &str = "exported";
    /// A private calendar feed address was made (ending any earlier one).
    pub const FEED_MADE: &str = "calendar-feed-made";
    /// A private calendar feed address was turned off.
    pub const FEED_STOPPED: &str = "calendar-feed-stopped";
    /// An event was called off.
    pub const EVENT_CANCELLED: &str = "event-cancelled";
    /// Events were added from a file of term dates.
    pub const EVENTS_IMPORTED: &str = "events-imported";
    /// A post went on the newsfeed.
    pub const NEWS_POSTED: &str = "news-posted";
    /// Staff deleted a family's comment on the newsfeed.
    pub const NEWS_COMMENT_DELETED: &str = "news-comment-deleted";
    /// Staff deleted a post from the newsfeed (its text is kept in the entry).
    pub const NEWS_POST_DELETED: &str = "news-post-deleted";
    /// Staff changed a post's text or translations (the texts replaced are kept as revisions).
    pub const NEWS_POST_EDITED: &str = "news-post-edited";
    /// A form was sent to families.
    pub const FORM_CREATED: &str = "form-created";
    /// The office approved a change a family asked for (contact details, photo consent).
    pub const ROSTER_CHANGE_APPROVED: &str = "roster-change-approved";
    /// The office turned down a change a family asked for.
    pub const ROSTER_CHANGE_REJECTED: &str = "roster-change-rejected";
    /// A report cycle was made.
    pub const REPORT_CYCLE_CREATED: &str = "report-cycle-created";
    /// A report cycle was published to its families.
    pub const REPORTS_PUBLISHED: &str = "reports-published";
}

/// Appends one entry.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    user_id: i32,
    action: &str,
    subject: (&str, i32),
    detail: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        school_id: Set(school_id),
        user_id: Set(Some(user_id)),
        action: Set(action.to_string()),
        subject_kind: Set(subject.0.to_string()),
        subject_id: Set(subject.1),
        detail: Set(detail.to_string()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Every entry about one record, oldest first.
pub async fn entries<C: ConnectionTrait>(
    db: &C,
    subject: (&str, i32),
) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::SubjectKind.eq(subject.0))
        .filter(audit_log::Column::SubjectId.eq(subject.1))
        .order_by_asc(audit_log::Column::At)
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await
}
