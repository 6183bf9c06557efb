//! Staff notices on the server: the list, each notice's figures and the compose form as data for
//! the app's pages (`staff_pages`); the compose post, reminders, export and withdrawal as
//! handlers of form posts and downloads.

pub mod access;
pub mod compose;
pub mod notice_page;

use super::{StaffNoticeList, StaffNoticeRow};
use crate::access::{Capability, Scope};
use crate::db::entities::notice;
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Notices the staff list shows.
const LIST_LIMIT: u64 = 200;

/// The request's language.
pub fn locale_of(headers: &http::HeaderMap) -> Locale {
    crate::i18n::negotiate::locale_for_request(headers)
}

/// The school's notices the signed-in member of staff may see (a teacher's: their own and their
/// classes').
pub async fn list() -> Result<StaffNoticeList, AppError> {
    let actor = crate::access::current_actor()?;
    let state = crate::state::app_state()?;
    let granted = access::grant(&actor, Capability::NoticeRead)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    let may_write = access::grant(&actor, Capability::NoticePublishClass)
        .is_ok_and(|g| g.scope != Scope::OwnChildren);
    // A teacher's pupils, once, so each notice's coverage is checked without a query.
    let own_pupils: std::collections::HashSet<i32> = if granted.scope == Scope::WholeSchool {
        Default::default()
    } else {
        crate::db::entities::enrolment::Entity::find()
            .filter(crate::db::entities::enrolment::Column::ClassId.is_in(actor.classes.clone()))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|e| e.pupil_id)
            .collect()
    };
    let covered = |audience: &crate::audience::Audience| {
        !audience.whole_school
            && audience.year_groups.is_empty()
            && !(audience.classes.is_empty() && audience.pupils.is_empty())
            && audience.classes.iter().all(|c| actor.classes.contains(c))
            && audience.pupils.iter().all(|p| own_pupils.contains(p))
    };
    let notices = notice::Entity::find()
        .filter(notice::Column::SchoolId.eq(actor.school_id))
        .order_by_desc(notice::Column::UpdatedAt)
        .limit(LIST_LIMIT)
        .all(&state.db)
        .await?;
    let zone = actor.zone.clone();
    let notices = notices
        .into_iter()
        .filter(|n| {
            granted.scope == Scope::WholeSchool
                || n.author_user_id == Some(actor.user_id)
                || (n.status != super::status::DRAFT && covered(&super::store::audience_of(n)))
        })
        .map(|n| StaffNoticeRow {
            id: n.id,
            state: notice_page::state_of(&n),
            published: n
                .publish_at
                .map(|at| PerLocale::build(|locale| crate::dates::date_time(locale, &zone, at))),
            title: n.title,
        })
        .collect();
    Ok(StaffNoticeList { may_write, notices })
}
