//! What a guardian may see of notices, checked against their own children on every call.

use super::{
    Acknowledged, AttachmentLink, Board, CardText, ConcernedChild, EmailChoice, NoticeCard,
    NoticeDetail, NoticeText, NotificationItem, TitleText, store,
};
use crate::access::{Actor, Capability, authorize};
use crate::audience::Audience;
use crate::db::entities::{notice, notice_attachment, notification};
use crate::db::held::HeldConnection;
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::sanitized::SanitizedHtml;
use crate::state::app_state;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::sync::Arc;

/// Entries the notification centre lists.
const NOTIFICATION_LIMIT: u64 = 50;

/// The guardian behind a grant: staff have their own notice pages, so here they are "not found".
fn guardian(actor: &Actor) -> Result<i32, AppError> {
    actor.guardian_id.ok_or(AppError::NotFound)
}

/// The reader's children a notice concerns.
fn concerned(actor: &Arc<Actor>, school_id: i32, audience: &Audience) -> Vec<ConcernedChild> {
    actor
        .children
        .iter()
        .filter(|c| audience.contains(school_id, &c.membership))
        .map(|c| ConcernedChild {
            id: c.membership.pupil_id,
            name: c.name.clone(),
        })
        .collect()
}

/// Which of a feed's notices a board shows: on the `home` page the newest [`store::BOARD_LIMIT`]
/// (what needs the family is found among them), else [`store::BOARD_PAGE`] of them from `page`
/// (the first is 1). Returns how many to skip and how many to show.
fn board_window(home: bool, page: u32) -> (usize, usize) {
    if home {
        return (0, store::BOARD_LIMIT as usize);
    }
    let size = store::BOARD_PAGE as usize;
    ((page.max(1) as usize - 1) * size, size)
}

/// The board: notices for the chosen child (or all children), pinned first then newest, one
/// `page` of them; for the `home` page also the week's events and the latest news.
pub async fn board(home: bool, page: u32) -> Result<Board, AppError> {
    let granted = authorize(Capability::NoticeRead)?;
    let actor = granted.actor;
    let guardian_id = guardian(&actor)?;
    let state = app_state()?;
    let now = chrono::Utc::now();
    let memberships = actor.chosen_memberships();
    // A page render finds the feed and the forms the session middleware read for the tab
    // badges. Looked up before the first await: the render's context is only certain until then.
    let parts = crate::auth::request::parts().ok();
    let made = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<store::GuardianFeed>().cloned());
    let forms_waiting = parts.and_then(|parts| {
        parts
            .extensions
            .get::<crate::auth::session::FormsWaiting>()
            .cloned()
    });
    // Up to six statements in a row: one connection for them all (`db::held`).
    let db = HeldConnection::acquire(&state.db).await?;
    let feed = match made {
        Some(feed) => feed,
        None => store::guardian_feed(&db, actor.school_id, guardian_id, &memberships, now).await?,
    };
    let page = page.clamp(1, store::BOARD_LAST_PAGE);
    let (skip, size) = board_window(home, page);
    let unread = feed.unread();
    // The feed holds the newest [`store::UNREAD_WINDOW`]; a deeper page reads down to itself,
    // with what the guardian opened of it, and one more to know whether older ones follow.
    let deep = feed.ids.len() <= skip + size && feed.ids.len() as u64 >= store::UNREAD_WINDOW;
    let feed = if deep {
        let limit = (skip + size + 1) as u64;
        store::guardian_feed_to(&db, actor.school_id, guardian_id, &memberships, now, limit).await?
    } else {
        feed
    };
    let older = feed.ids.len() > skip + size;
    let shown = feed
        .ids
        .get(skip..feed.ids.len().min(skip + size))
        .unwrap_or_default();
    let notices = store::board_notices(&db, shown, guardian_id).await?;
    let read = &feed.read;
    let zone = actor.zone.clone();
    let stamps = crate::dates::DateTimes::new(&zone);
    let cards = notices
        .into_iter()
        .map(|(mut n, translations)| {
            let mut texts = Vec::with_capacity(1 + translations.len());
            texts.push(CardText {
                language: std::mem::take(&mut n.language),
                title: std::mem::take(&mut n.title),
                excerpt: std::mem::take(&mut n.excerpt),
            });
            texts.extend(translations.into_iter().map(|t| CardText {
                excerpt: t.excerpt,
                language: t.language,
                title: t.title,
            }));
            NoticeCard {
                id: n.id,
                texts,
                category: super::Category::from_code(&n.category).unwrap_or_default(),
                pinned: n.pinned,
                published: published(&stamps, n.publish_at),
                children: concerned(&actor, n.school_id, &n.audience())
                    .into_iter()
                    .filter(|c| actor.selected_child.is_none_or(|chosen| chosen == c.id))
                    .collect(),
                read: read.contains(&n.id),
                awaiting_ack: n.ack_required && !n.acknowledged,
                ack_by: n
                    .ack_by
                    .map(|d| PerLocale::build(|locale| crate::dates::date(locale, d))),
            }
        })
        .collect();
    let (this_week, latest, forms) = if home {
        (
            crate::calendar::reader::this_week(&db, &actor, &zone).await?,
            crate::news::reader::latest(&db, &actor, &zone).await?,
            crate::forms::reader::home_rows(&db, &actor, &zone, forms_waiting).await?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    Ok(Board {
        cards,
        page,
        older: older && !home,
        unread: unread as u32,
        this_week,
        latest,
        forms,
    })
}

/// A visible notice for the guardian, or "not found" whatever the reason.
async fn visible<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i32,
) -> Result<notice::Model, AppError> {
    store::visible_notice(
        db,
        actor.school_id,
        &actor.memberships(),
        id,
        chrono::Utc::now(),
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// When a notice was published, in every language and the school's zone.
fn published(
    stamps: &crate::dates::DateTimes,
    at: Option<chrono::DateTime<chrono::Utc>>,
) -> PerLocale<String> {
    match at {
        Some(at) => stamps.every_language(at),
        None => PerLocale::build(|_| String::new()),
    }
}

/// Opens a notice with every translation it has, and marks it read.
pub async fn open(id: i32) -> Result<NoticeDetail, AppError> {
    let granted = authorize(Capability::NoticeRead)?;
    let actor = granted.actor;
    let guardian_id = guardian(&actor)?;
    let state = app_state()?;
    // Five statements in a row: one connection for them all (`db::held`).
    let db = HeldConnection::acquire(&state.db).await?;
    let notice = visible(&db, &actor, id).await?;
    let now = chrono::Utc::now();
    let zone = actor.zone.clone();
    let mut texts = vec![NoticeText {
        language: notice.language.clone(),
        title: notice.title.clone(),
        body: SanitizedHtml::clean(&notice.body_html),
        stale: false,
    }];
    texts.extend(
        store::all_translations(&db, &[id])
            .await?
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(|t| NoticeText {
                body: SanitizedHtml::clean(&t.body_html),
                stale: t.source_revision < notice.revision,
                language: t.language,
                title: t.title,
            }),
    );
    let children = concerned(&actor, notice.school_id, &store::audience_of(&notice));
    let acknowledged = store::acks(&db, guardian_id, &[id])
        .await?
        .remove(&id)
        .map(|ack| Acknowledged {
            child: actor
                .children
                .iter()
                .find(|c| c.membership.pupil_id == ack.pupil_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            when: PerLocale::build(|locale| crate::dates::date_time(locale, &zone, ack.acked_at)),
        });
    let attachments = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .order_by_asc(notice_attachment::Column::Id)
        .all(&db)
        .await?
        .into_iter()
        .map(|a| AttachmentLink {
            href: format!("/notices/{id}/files/{}", a.id),
            kb: crate::storage::upload::kilobytes(a.size_bytes),
            name: a.file_name,
        })
        .collect();
    store::mark_read(&db, id, guardian_id, now).await?;
    Ok(NoticeDetail {
        id,
        texts,
        category: super::Category::from_code(&notice.category).unwrap_or_default(),
        published: published(
            &crate::dates::DateTimes::new(&actor.zone),
            notice.publish_at,
        ),
        children,
        ack_required: notice.ack_required,
        ack_by: notice
            .ack_by
            .map(|d| PerLocale::build(|locale| crate::dates::date(locale, d))),
        acknowledged,
        attachments,
    })
}

/// Acknowledges a notice for one of the guardian's children it concerns.
pub async fn acknowledge(id: i32, pupil: i32) -> Result<(), AppError> {
    let granted = authorize(Capability::NoticeAcknowledge)?;
    let actor = granted.actor;
    let guardian_id = guardian(&actor)?;
    let state = app_state()?;
    let notice = visible(&state.db, &actor, id).await?;
    if !notice.ack_required
        || !concerned(&actor, notice.school_id, &store::audience_of(&notice))
            .iter()
            .any(|c| c.id == pupil)
    {
        return Err(AppError::NotFound);
    }
    store::acknowledge(
        &state.db,
        id,
        guardian_id,
        pupil,
        actor.user_id,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!("/notices/{id}"));
    Ok(())
}

/// The notification centre: new notices (the newest on the board) and reminders, newest first;
/// withdrawn and expired ones drop out because both come from what the guardian may see now.
pub async fn notifications() -> Result<Vec<NotificationItem>, AppError> {
    let granted = authorize(Capability::NoticeRead)?;
    let actor = granted.actor;
    let guardian_id = guardian(&actor)?;
    let state = app_state()?;
    let now = chrono::Utc::now();
    let zone = actor.zone.clone();
    let memberships = actor.memberships();
    let recent = store::board(&state.db, actor.school_id, &memberships, now).await?;
    let reminders = notification::Entity::find()
        .filter(notification::Column::GuardianId.eq(guardian_id))
        .filter(notification::Column::Kind.eq("reminder"))
        .filter(notification::Column::CreatedAt.lte(now))
        .order_by_desc(notification::Column::CreatedAt)
        .limit(NOTIFICATION_LIMIT)
        .all(&state.db)
        .await?;
    let mut ids: Vec<i32> = recent.iter().map(|n| n.id).collect();
    ids.extend(reminders.iter().map(|r| r.notice_id));
    let read = store::read_ids(&state.db, guardian_id, &ids).await?;
    let translations = store::card_translations(&state.db, &ids).await?;
    let titles_of = |n: &notice::Model| {
        let mut titles = vec![TitleText {
            language: n.language.clone(),
            title: n.title.clone(),
        }];
        titles.extend(
            translations
                .get(&n.id)
                .into_iter()
                .flatten()
                .map(|t| TitleText {
                    language: t.language.clone(),
                    title: t.title.clone(),
                }),
        );
        titles
    };
    let when = |at| PerLocale::build(|locale| crate::dates::date_time(locale, &zone, at));
    let mut entries: Vec<(chrono::DateTime<chrono::Utc>, NotificationItem)> = Vec::new();
    for n in &recent {
        let at = n.publish_at.unwrap_or(n.created_at);
        entries.push((
            at,
            NotificationItem {
                href: format!("/notices/{}", n.id),
                kind: None,
                titles: titles_of(n),
                reminder: false,
                when: when(at),
                unread: !read.contains(&n.id),
            },
        ));
    }
    for row in reminders {
        let notice = match recent.iter().find(|n| n.id == row.notice_id) {
            Some(n) => Some(n.clone()),
            None => {
                store::visible_notice(&state.db, actor.school_id, &memberships, row.notice_id, now)
                    .await?
            }
        };
        let Some(n) = notice else {
            continue;
        };
        entries.push((
            row.created_at,
            NotificationItem {
                href: format!("/notices/{}", n.id),
                kind: None,
                titles: titles_of(&n),
                reminder: true,
                when: when(row.created_at),
                unread: row.read_at.is_none(),
            },
        ));
    }
    entries
        .extend(crate::reports::family::notifications(&state.db, &actor, guardian_id, now).await?);
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    Ok(entries
        .into_iter()
        .take(NOTIFICATION_LIMIT as usize)
        .map(|(_, item)| item)
        .collect())
}

/// The categories a guardian chooses e-mail for (urgent notices always come at once).
pub const CHOOSABLE: [super::Category; 4] = [
    super::Category::General,
    super::Category::Event,
    super::Category::Trip,
    super::Category::Closure,
];

/// The guardian's e-mail choice per category (instant when never chosen).
pub async fn email_settings() -> Result<Vec<EmailChoice>, AppError> {
    let granted = authorize(Capability::NoticeRead)?;
    let guardian_id = guardian(&granted.actor)?;
    let state = app_state()?;
    let stored = crate::db::entities::notification_preference::Entity::find()
        .filter(crate::db::entities::notification_preference::Column::GuardianId.eq(guardian_id))
        .all(&state.db)
        .await?;
    Ok(CHOOSABLE
        .into_iter()
        .map(|category| {
            let mode = stored
                .iter()
                .find(|p| p.category == category.code())
                .and_then(|p| super::EmailMode::from_code(&p.mode))
                .unwrap_or_default();
            EmailChoice { category, mode }
        })
        .collect())
}

/// Saves the four choices (in [`CHOOSABLE`] order), then returns to the settings page.
pub async fn save_email_settings(modes: [String; 4]) -> Result<(), AppError> {
    use crate::db::entities::notification_preference as preference;
    use sea_orm::{ActiveModelTrait, Set};
    let granted = authorize(Capability::NoticeRead)?;
    let guardian_id = guardian(&granted.actor)?;
    let state = app_state()?;
    let mut chosen = Vec::new();
    for (category, mode) in CHOOSABLE.into_iter().zip(modes.iter()) {
        let mode = super::EmailMode::from_code(mode).ok_or_else(|| {
            AppError::invalid(category.code(), crate::error::FieldProblem::Required)
        })?;
        chosen.push((category, mode));
    }
    let txn = crate::db::write_transaction(&state.db).await?;
    preference::Entity::delete_many()
        .filter(preference::Column::GuardianId.eq(guardian_id))
        .exec(&txn)
        .await?;
    for (category, mode) in chosen {
        preference::ActiveModel {
            guardian_id: Set(guardian_id),
            category: Set(category.code().to_string()),
            mode: Set(mode.code().to_string()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    leptos_axum::redirect("/notifications/email?saved=1");
    Ok(())
}
