//! Which notices a member of staff may see and change, checked on every staff page and download.

use crate::access::{Actor, Capability, Granted, Scope};
use crate::audience::Audience;
use crate::db::entities::notice;
use crate::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};
use std::sync::Arc;

pub use crate::access::grant;

/// Whether `granted` covers the whole of `audience` (a teacher: their classes and pupils only).
pub async fn covers<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    audience: &Audience,
) -> Result<bool, AppError> {
    if granted.scope == Scope::WholeSchool {
        return Ok(true);
    }
    if audience.staff_only && audience.is_empty() {
        return Ok(false);
    }
    match crate::audience::check_targets(db, granted, audience).await {
        Ok(()) => Ok(true),
        Err(AppError::Forbidden | AppError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The notice if the member of staff may use `capability` on it: whole-school grants cover every
/// notice of their school; a teacher's covers notices they wrote and notices only to their
/// classes. Anything else is "not found".
pub async fn staff_notice<C: ConnectionTrait>(
    db: &C,
    actor: &Arc<Actor>,
    capability: Capability,
    notice_id: i32,
) -> Result<notice::Model, AppError> {
    let granted = grant(actor, capability).map_err(|_| AppError::NotFound)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::NotFound);
    }
    let notice = notice::Entity::find_by_id(notice_id)
        .one(db)
        .await?
        .filter(|n| n.school_id == actor.school_id)
        .ok_or(AppError::NotFound)?;
    if granted.scope == Scope::WholeSchool || notice.author_user_id == Some(actor.user_id) {
        return Ok(notice);
    }
    let audience = super::super::store::audience_of(&notice);
    if notice.status != super::super::status::DRAFT && covers(db, &granted, &audience).await? {
        return Ok(notice);
    }
    Err(AppError::NotFound)
}

/// A notice the actor may read: a guardian's visible notice, or a member of staff's.
pub async fn readable_notice<C: ConnectionTrait>(
    db: &C,
    actor: &Arc<Actor>,
    notice_id: i32,
) -> Result<notice::Model, AppError> {
    if actor.guardian_id.is_some() {
        let memberships: Vec<_> = actor.children.iter().map(|c| c.membership).collect();
        return super::super::store::visible_notice(
            db,
            actor.school_id,
            &memberships,
            notice_id,
            chrono::Utc::now(),
        )
        .await?
        .ok_or(AppError::NotFound);
    }
    staff_notice(db, actor, Capability::NoticeRead, notice_id).await
}
