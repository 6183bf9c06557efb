//! One notice for staff: the data of its page (facts, figures per class, who has not read or
//! acknowledged it, translations, files, history), and the reminder, CSV export and withdrawal.

use super::locale_of;
use crate::access::{Actor, Capability, CurrentActor};
use crate::db::entities::{notice, notice_attachment, notice_revision, notice_translation};
use crate::error::AppError;
use crate::exports::neutralise;
use crate::i18n::PerLocale;
use crate::msg;
use crate::notices::stats::{self, RemindRefusal};
use crate::notices::{
    AttachmentLink, Category, ClassRow, FigureSummary, HistoryAction, HistoryEntry, NoticeState,
    RevisionEntry, StaffNotice, TranslationRow, Waiting, status, store,
};
use crate::roster::documents::error_page;
use crate::sanitized::SanitizedHtml;
use crate::state::{AppState, app_state};
use axum::extract::{Extension, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::sync::Arc;

fn actor_of(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    current.0.clone().ok_or(AppError::SignInRequired)
}

/// When a notice leaves each state, as staff see it.
pub fn state_of(notice: &notice::Model) -> NoticeState {
    let now = Utc::now();
    match notice.status.as_str() {
        status::DRAFT => NoticeState::Draft,
        status::WITHDRAWN => NoticeState::Withdrawn,
        _ if notice.publish_at.is_some_and(|at| at > now) => NoticeState::Scheduled,
        _ if notice.expires_at.is_some_and(|at| at <= now) => NoticeState::Expired,
        _ => NoticeState::Published,
    }
}

/// One notice for the signed-in member of staff who may see its figures.
pub async fn load(id: i32) -> Result<StaffNotice, AppError> {
    let actor = crate::access::current_actor()?;
    let state = app_state()?;
    let notice =
        super::access::staff_notice(&state.db, &actor, Capability::NoticeStatsView, id).await?;
    let zone = actor.zone.clone();
    let when = |at| PerLocale::build(|l| crate::dates::date_time(l, &zone, at));
    let may_change =
        super::access::staff_notice(&state.db, &actor, Capability::NoticePublishClass, id)
            .await
            .is_ok();
    let figures = if notice.status == status::DRAFT {
        None
    } else {
        let figures = stats::figures(&state.db, &notice).await?;
        Some(FigureSummary {
            families: figures.families,
            reached: figures.reached,
            read: figures.read,
            acknowledged: figures.acknowledged,
            classes: figures
                .classes
                .iter()
                .map(|c| ClassRow {
                    name: c.name.clone(),
                    reached: c.reached,
                    read: c.read,
                    acknowledged: c.acknowledged,
                })
                .collect(),
            waiting: figures
                .guardians
                .iter()
                .filter(|g| g.waiting(notice.ack_required))
                .map(|g| Waiting {
                    name: g.name.clone(),
                    children: g.children.clone(),
                    read: g.read_at.is_some(),
                })
                .collect(),
        })
    };
    let translations = notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.eq(id))
        .order_by_asc(notice_translation::Column::Language)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|t| TranslationRow {
            stale: t.source_revision < notice.revision,
            language: t.language,
            title: t.title,
        })
        .collect();
    let files = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .order_by_asc(notice_attachment::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|f| AttachmentLink {
            href: format!("/notices/{id}/files/{}", f.id),
            kb: crate::storage::upload::kilobytes(f.size_bytes),
            name: f.file_name,
        })
        .collect();
    let mut history = Vec::new();
    for e in crate::audit::entries(&state.db, ("notice", id)).await? {
        let action = match e.action.as_str() {
            crate::audit::action::PUBLISHED => HistoryAction::Published,
            crate::audit::action::EDITED => HistoryAction::Edited,
            crate::audit::action::WITHDRAWN => HistoryAction::Withdrawn,
            crate::audit::action::REMINDED => HistoryAction::Reminded,
            _ => HistoryAction::Exported,
        };
        let who = match e.user_id {
            Some(user) => staff_name(&state, user).await?,
            None => String::new(),
        };
        history.push(HistoryEntry {
            when: when(e.at),
            action,
            who,
        });
    }
    let revisions = notice_revision::Entity::find()
        .filter(notice_revision::Column::NoticeId.eq(id))
        .order_by_asc(notice_revision::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|r| RevisionEntry {
            revision: r.revision,
            when: when(r.edited_at),
            language: r.language,
            title: r.title,
            source: r.body_source,
        })
        .collect();
    Ok(StaffNotice {
        id,
        state: state_of(&notice),
        category: Category::from_code(&notice.category).unwrap_or_default(),
        published: notice.publish_at.map(when),
        expires: notice.expires_at.map(when),
        ack_required: notice.ack_required,
        ack_by: notice
            .ack_by
            .map(|d| PerLocale::build(|l| crate::dates::date(l, d))),
        may_change,
        figures,
        translations,
        files,
        history,
        revisions,
        body: SanitizedHtml::clean(&notice.body_html),
        language: notice.language,
        title: notice.title,
    })
}

async fn staff_name(state: &AppState, user_id: i32) -> Result<String, AppError> {
    use crate::db::entities::{staff, user_account};
    let Some(account) = user_account::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
    else {
        return Ok(String::new());
    };
    Ok(match account.staff_id {
        Some(staff_id) => staff::Entity::find_by_id(staff_id)
            .one(&state.db)
            .await?
            .map(|s| s.name)
            .unwrap_or(account.email),
        None => account.email,
    })
}

/// A published notice the signed-in member of staff may use `capability` on.
async fn published(
    state: &AppState,
    current: &CurrentActor,
    capability: Capability,
    id: i32,
) -> Result<(Arc<Actor>, notice::Model), AppError> {
    let actor = actor_of(current)?;
    let notice = super::access::staff_notice(&state.db, &actor, capability, id).await?;
    if notice.status != status::PUBLISHED {
        return Err(AppError::NotFound);
    }
    Ok((actor, notice))
}

/// `POST /admin/notices/{id}/withdraw`: parents stop seeing it at once.
pub async fn withdraw(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let (actor, notice) =
            published(&state, &current, Capability::NoticePublishClass, id).await?;
        let now = Utc::now();
        store::withdraw(&state.db, &notice, now).await?;
        crate::audit::record(
            &state.db,
            actor.school_id,
            actor.user_id,
            crate::audit::action::WITHDRAWN,
            ("notice", id),
            "",
            now,
        )
        .await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/admin/notices/{id}")).into_response(),
        Err(err) => error_page(err, locale),
    }
}

/// `POST /admin/notices/{id}/remind`: reminds those who have not read or acknowledged it.
pub async fn remind(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let (actor, notice) = published(&state, &current, Capability::NoticeStatsView, id).await?;
        let zone = actor.zone.clone();
        let now = Utc::now();
        let outcome = stats::remind(&state.db, &notice, &zone, now).await?;
        if let Ok(count) = outcome {
            crate::audit::record(
                &state.db,
                actor.school_id,
                actor.user_id,
                crate::audit::action::REMINDED,
                ("notice", id),
                &count.to_string(),
                now,
            )
            .await?;
        }
        Ok(outcome)
    }
    .await;
    match result {
        Ok(Ok(count)) => {
            Redirect::to(&format!("/admin/notices/{id}?reminded={count}")).into_response()
        }
        Ok(Err(RemindRefusal::TooSoon)) => {
            Redirect::to(&format!("/admin/notices/{id}?remind=too-soon")).into_response()
        }
        Ok(Err(RemindRefusal::NobodyLeft)) => {
            Redirect::to(&format!("/admin/notices/{id}?remind=nobody")).into_response()
        }
        Err(err) => error_page(err, locale),
    }
}

/// `GET /admin/notices/{id}/export.csv`: every reached guardian with read and acknowledgement.
pub async fn export(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let actor = actor_of(&current)?;
        let notice =
            super::access::staff_notice(&state.db, &actor, Capability::NoticeStatsView, id).await?;
        let figures = stats::figures(&state.db, &notice).await?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = [
            msg!(locale, "csv-guardian"),
            msg!(locale, "csv-email"),
            msg!(locale, "csv-children"),
            msg!(locale, "csv-read-at"),
            msg!(locale, "csv-acknowledged-at"),
            msg!(locale, "csv-acknowledged-for"),
        ];
        let failed = |e: csv::Error| {
            tracing::error!(error = %e, "CSV export failed");
            AppError::Internal
        };
        writer.write_record(&header).map_err(failed)?;
        let stamp =
            |t: Option<chrono::DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
        for g in &figures.guardians {
            writer
                .write_record([
                    neutralise(&g.name),
                    neutralise(g.email.as_deref().unwrap_or_default()),
                    neutralise(&g.children),
                    stamp(g.read_at),
                    stamp(g.acknowledged_at),
                    neutralise(g.acknowledged_for.as_deref().unwrap_or_default()),
                ])
                .map_err(failed)?;
        }
        let bytes = writer.into_inner().map_err(|e| {
            tracing::error!(error = %e, "CSV export failed");
            AppError::Internal
        })?;
        crate::audit::record(
            &state.db,
            actor.school_id,
            actor.user_id,
            crate::audit::action::EXPORTED,
            ("notice", id),
            "csv",
            Utc::now(),
        )
        .await?;
        Ok(bytes)
    }
    .await;
    match result {
        Ok(bytes) => (
            [
                (
                    http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_string(),
                ),
                (
                    http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"notice-{id}.csv\""),
                ),
                (http::header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            // A byte-order mark so spreadsheet programs read the names as UTF-8.
            [b"\xEF\xBB\xBF".as_slice(), bytes.as_slice()].concat(),
        )
            .into_response(),
        Err(err) => error_page(err, locale),
    }
}
