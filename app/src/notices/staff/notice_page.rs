//! One notice for staff: its text, figures per class with a bar chart, who has not read or
//! acknowledged it, reminders, CSV export, translations, history and withdrawal.

use super::{StaffPage, doc, locale_of, status_label};
use crate::access::{Actor, Capability, CurrentActor};
use crate::db::entities::{notice, notice_attachment, notice_revision, notice_translation};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::notices::stats::{self, ClassFigures, Figures, RemindRefusal};
use crate::notices::{Category, status, store};
use crate::roster::documents::{error_page, escape};
use crate::state::AppState;
use axum::extract::{Extension, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use std::sync::Arc;

fn actor_of(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    current.0.clone().ok_or(AppError::SignInRequired)
}

fn percent(part: u32, whole: u32) -> u32 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// A small horizontal bar chart of the read rate per class.
pub fn read_rate_chart(locale: Locale, classes: &[ClassFigures]) -> String {
    const ROW: u32 = 28;
    const LABEL: u32 = 70;
    const BAR: u32 = 200;
    let height = ROW * classes.len() as u32 + 4;
    let title = msg!(locale, "notice-chart-title");
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {w} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{t}</title>",
        w = LABEL + BAR + 50,
        t = escape(&title),
    );
    for (i, class) in classes.iter().enumerate() {
        let y = i as u32 * ROW + 2;
        let pct = percent(class.read, class.reached);
        let width = BAR * pct / 100;
        let name = if class.name.is_empty() {
            msg!(locale, "notice-no-class")
        } else {
            class.name.clone()
        };
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{ty}\" font-size=\"14\" fill=\"#1b1b1b\">{name}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{BAR}\" height=\"20\" fill=\"#e3e8ee\"/>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#1f5f8b\"/>\
             <text x=\"{tx}\" y=\"{ty}\" font-size=\"14\" fill=\"#1b1b1b\">{pct}%</text>",
            ty = y + 15,
            tx = LABEL + BAR + 6,
            name = escape(&name),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// `GET /admin/notices/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let locale = locale_of(&headers);
    match render(&state, &current, locale, id, &query).await {
        Ok(response) => response,
        Err(err) => error_page(err, locale),
    }
}

async fn render(
    state: &AppState,
    current: &CurrentActor,
    locale: Locale,
    id: i32,
    query: &HashMap<String, String>,
) -> Result<Response, AppError> {
    let actor = actor_of(current)?;
    let notice =
        super::access::staff_notice(&state.db, &actor, Capability::NoticeStatsView, id).await?;
    let zone = crate::school::db::timezone(&state.db, actor.school_id).await?;
    let when = |at| crate::dates::date_time(locale, &zone, at);
    let mut page = StaffPage::default();
    if let Some(count) = query.get("reminded") {
        page.push(&format!(
            "<p class=\"notice-note\" role=\"status\">{}</p>",
            escape(&msg!(locale, "notice-reminded", count = count.as_str()))
        ));
    }
    match query.get("remind").map(String::as_str) {
        Some("too-soon") => page.push(&format!(
            "<p class=\"notice-note\" role=\"status\">{}</p>",
            escape(&msg!(locale, "notice-remind-too-soon"))
        )),
        Some("nobody") => page.push(&format!(
            "<p class=\"notice-note\" role=\"status\">{}</p>",
            escape(&msg!(locale, "notice-remind-nobody"))
        )),
        _ => {}
    }
    // Facts.
    let mut facts = vec![
        (msg!(locale, "notice-status"), status_label(locale, &notice)),
        (
            msg!(locale, "notice-category"),
            Category::from_code(&notice.category)
                .unwrap_or_default()
                .name(locale),
        ),
    ];
    if let Some(at) = notice.publish_at {
        facts.push((msg!(locale, "notice-published-at"), when(at)));
    }
    if let Some(at) = notice.expires_at {
        facts.push((msg!(locale, "notice-expires-at"), when(at)));
    }
    if notice.ack_required {
        facts.push((
            msg!(locale, "notice-ack"),
            notice
                .ack_by
                .map(|d| crate::dates::date(locale, d))
                .unwrap_or_else(|| msg!(locale, "notice-ack-required")),
        ));
    }
    page.push("<dl class=\"facts\">");
    for (term, value) in facts {
        page.push(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            escape(&term),
            escape(&value)
        ));
    }
    page.push("</dl>");
    // Actions.
    let may_change =
        super::access::staff_notice(&state.db, &actor, Capability::NoticePublishClass, id)
            .await
            .is_ok();
    page.push("<div class=\"compose__actions\">");
    if may_change && notice.status != status::WITHDRAWN {
        page.push(&format!(
            "<a class=\"button\" href=\"/admin/notices/{id}/edit\">{}</a>",
            escape(&msg!(locale, "notice-edit"))
        ));
    }
    if notice.status == status::PUBLISHED {
        page.push(&format!(
            "<form method=\"post\" action=\"/admin/notices/{id}/remind\"><button class=\"button button--secondary\" type=\"submit\">{}</button></form>",
            escape(&msg!(locale, "notice-remind"))
        ));
        page.push(&format!(
            "<a class=\"button button--secondary\" href=\"/admin/notices/{id}/export.csv\">{}</a>",
            escape(&msg!(locale, "notice-export"))
        ));
        if may_change {
            page.push(&format!(
                "<form method=\"post\" action=\"/admin/notices/{id}/withdraw\"><button class=\"button button--danger\" type=\"submit\">{}</button></form>",
                escape(&msg!(locale, "notice-withdraw"))
            ));
        }
    }
    page.push("</div>");
    // Figures.
    if notice.status != status::DRAFT {
        let figures = stats::figures(&state.db, &notice).await?;
        page.push(&figures_html(locale, &notice, &figures));
    }
    // Text, translations, files.
    page.push(&format!(
        "<section class=\"notice-text\" lang=\"{}\"><h2>{}</h2><div class=\"notice-body\">{}</div></section>",
        escape(&notice.language),
        escape(&notice.title),
        notice.body_html
    ));
    let translations = notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.eq(id))
        .all(&state.db)
        .await?;
    if !translations.is_empty() {
        page.push(&format!(
            "<h2>{}</h2><ul>",
            escape(&msg!(locale, "notice-translations"))
        ));
        for t in &translations {
            let name = Locale::from_tag(&t.language)
                .map(crate::layout::endonym)
                .unwrap_or_else(|| t.language.clone());
            let stale = if t.source_revision < notice.revision {
                format!(
                    " <span class=\"stale\">{}</span>",
                    escape(&msg!(locale, "notice-translation-stale"))
                )
            } else {
                String::new()
            };
            page.push(&format!(
                "<li><span lang=\"{}\">{}</span>: <span lang=\"{}\">{}</span>{stale}</li>",
                escape(&t.language),
                escape(&name),
                escape(&t.language),
                escape(&t.title)
            ));
        }
        page.push("</ul>");
    }
    let files = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .all(&state.db)
        .await?;
    if !files.is_empty() {
        page.push(&format!(
            "<h2>{}</h2><ul>",
            escape(&msg!(locale, "notice-files"))
        ));
        for f in files {
            page.push(&format!(
                "<li><a href=\"/notices/{id}/files/{}\">{}</a> ({})</li>",
                f.id,
                escape(&f.file_name),
                escape(&crate::notices::files::size_text(locale, f.size_bytes))
            ));
        }
        page.push("</ul>");
    }
    // History.
    let revisions = notice_revision::Entity::find()
        .filter(notice_revision::Column::NoticeId.eq(id))
        .order_by_asc(notice_revision::Column::Id)
        .all(&state.db)
        .await?;
    let entries = crate::audit::entries(&state.db, ("notice", id)).await?;
    if !revisions.is_empty() || !entries.is_empty() {
        page.push(&format!(
            "<h2>{}</h2><ul class=\"history\">",
            escape(&msg!(locale, "notice-history"))
        ));
        for e in entries {
            let action = match e.action.as_str() {
                crate::audit::action::PUBLISHED => msg!(locale, "audit-published"),
                crate::audit::action::EDITED => msg!(locale, "audit-edited"),
                crate::audit::action::WITHDRAWN => msg!(locale, "audit-withdrawn"),
                crate::audit::action::REMINDED => msg!(locale, "audit-reminded"),
                _ => msg!(locale, "audit-exported"),
            };
            let who = match e.user_id {
                Some(user) => staff_name(state, user).await?,
                None => String::new(),
            };
            page.push(&format!(
                "<li>{} — {} — {}</li>",
                escape(&when(e.at)),
                escape(&action),
                escape(&who)
            ));
        }
        for r in revisions {
            let revision = r.revision.to_string();
            page.push(&format!(
                "<li><details><summary>{} — {}</summary><p lang=\"{}\"><strong>{}</strong></p><pre class=\"revision\">{}</pre></details></li>",
                escape(&msg!(locale, "notice-revision", revision = revision.as_str())),
                escape(&when(r.edited_at)),
                escape(&r.language),
                escape(&r.title),
                escape(&r.body_source)
            ));
        }
        page.push("</ul>");
    }
    Ok(doc(state, locale, &notice.title, page))
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

fn figures_html(locale: Locale, notice: &notice::Model, figures: &Figures) -> String {
    let families = figures.families.to_string();
    let reached = figures.reached.to_string();
    let read = figures.read.to_string();
    let read_pct = percent(figures.read, figures.reached).to_string();
    let acked = figures.acknowledged.to_string();
    let acked_pct = percent(figures.acknowledged, figures.reached).to_string();
    let mut html = format!(
        "<section class=\"figures\"><h2>{}</h2><ul class=\"figures__totals\"><li>{}</li><li>{}</li>",
        escape(&msg!(locale, "notice-figures")),
        escape(&msg!(
            locale,
            "notice-figures-reached",
            families = families.as_str(),
            guardians = reached.as_str()
        )),
        escape(&msg!(
            locale,
            "notice-figures-read",
            count = read.as_str(),
            percent = read_pct.as_str()
        )),
    );
    if notice.ack_required {
        html.push_str(&format!(
            "<li>{}</li>",
            escape(&msg!(
                locale,
                "notice-figures-acknowledged",
                count = acked.as_str(),
                percent = acked_pct.as_str()
            ))
        ));
    }
    html.push_str("</ul>");
    if !figures.classes.is_empty() {
        html.push_str(&read_rate_chart(locale, &figures.classes));
        html.push_str(&format!(
            "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>{}</tr></thead><tbody>",
            escape(&msg!(locale, "notice-class")),
            escape(&msg!(locale, "notice-reached")),
            escape(&msg!(locale, "notice-read")),
            if notice.ack_required {
                format!("<th scope=\"col\">{}</th>", escape(&msg!(locale, "notice-acknowledged")))
            } else {
                String::new()
            }
        ));
        for class in &figures.classes {
            let name = if class.name.is_empty() {
                msg!(locale, "notice-no-class")
            } else {
                class.name.clone()
            };
            html.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{}</tr>",
                escape(&name),
                class.reached,
                class.read,
                if notice.ack_required {
                    format!("<td>{}</td>", class.acknowledged)
                } else {
                    String::new()
                }
            ));
        }
        html.push_str("</tbody></table></div>");
    }
    let waiting: Vec<_> = figures
        .guardians
        .iter()
        .filter(|g| g.waiting(notice.ack_required))
        .collect();
    let heading = if notice.ack_required {
        msg!(locale, "notice-not-acknowledged")
    } else {
        msg!(locale, "notice-not-read")
    };
    let count = waiting.len().to_string();
    html.push_str(&format!(
        "<details class=\"waiting\"><summary>{} ({count})</summary><ul>",
        escape(&heading)
    ));
    for g in waiting {
        let marker = if g.read_at.is_some() {
            format!(" — {}", escape(&msg!(locale, "notice-read")))
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<li>{} <small>{}</small>{marker}</li>",
            escape(&g.name),
            escape(&g.children)
        ));
    }
    html.push_str("</ul></details></section>");
    html
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
        let zone = crate::school::db::timezone(&state.db, actor.school_id).await?;
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

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
