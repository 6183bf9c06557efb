//! The e-mails that tell a guardian a report is ready, or remind them they have not opened it.
//! Whether one is still wanted is decided when it is sent: a cycle withdrawn since, a report
//! opened since (for a reminder), or a guardian who no longer receives reports gets nothing.

use super::mailer::{Email, SendError, Smtp};
use super::worker::{Delivery, WorkerSettings, db_error, is_stale, school_name};
use crate::db::entities::{guardian, outbox, pupil, report_cycle};
use crate::i18n::Locale;
use crate::reports::notify::{self, REMINDER_KIND};
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Sends the report e-mail `row` to its guardian, about the children it is still for.
pub(super) async fn report(
    db: &DatabaseConnection,
    smtp: &Smtp,
    settings: &WorkerSettings,
    row: &outbox::Model,
) -> Result<Delivery, SendError> {
    let now = Utc::now();
    let (Some(guardian_id), Some(cycle_id)) = (row.guardian_id, row.report_cycle_id) else {
        return Ok(Delivery::NotWanted);
    };
    if is_stale(row, now) {
        return Ok(Delivery::NotWanted);
    }
    let Some(cycle) = report_cycle::Entity::find_by_id(cycle_id)
        .one(db)
        .await
        .map_err(db_error)?
        .filter(|c| crate::reports::family::published(c, now))
    else {
        return Ok(Delivery::NotWanted);
    };
    let Some(guardian) = guardian::Entity::find_by_id(guardian_id)
        .one(db)
        .await
        .map_err(db_error)?
    else {
        return Ok(Delivery::NotWanted);
    };
    let Some(to) = guardian.email.clone().filter(|e| !e.trim().is_empty()) else {
        return Ok(Delivery::NotWanted);
    };
    let reminder = row.kind == REMINDER_KIND;
    let children = notify::children_for(db, cycle.id, guardian.id, reminder)
        .await
        .map_err(|e| SendError::Transient(format!("{e}")))?;
    if children.is_empty() {
        return Ok(Delivery::NotWanted);
    }
    let names: Vec<String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(children))
        .all(db)
        .await
        .map_err(db_error)?
        .iter()
        .map(crate::roster::display_name)
        .collect();
    let locale = Locale::from_tag(&guardian.preferred_locale).unwrap_or_default();
    let school = school_name(db, guardian.school_id).await?;
    let children = crate::i18n::list(locale, &names);
    let kind = crate::reports::cycles::kind_name(locale, &cycle.kind);
    let link = format!("{}{}", settings.public_url, crate::reports::REPORTS_PATH);
    let (subject, intro) = if reminder {
        (
            crate::msg!(
                locale,
                "email-report-reminder-subject",
                school = school.as_str(),
                children = children.as_str()
            ),
            crate::msg!(
                locale,
                "email-report-reminder-intro",
                name = cycle.name.as_str(),
                children = children.as_str()
            ),
        )
    } else {
        (
            crate::msg!(
                locale,
                "email-report-subject",
                school = school.as_str(),
                children = children.as_str()
            ),
            crate::msg!(
                locale,
                "email-report-intro",
                name = cycle.name.as_str(),
                kind = kind.as_str(),
                children = children.as_str()
            ),
        )
    };
    let mut body = intro;
    for line in [
        crate::msg!(locale, "email-report-link", link = link.as_str()),
        crate::msg!(locale, "email-footer", school = school.as_str()),
    ] {
        body.push_str("\n\n");
        body.push_str(&line);
    }
    let email = Email {
        to,
        subject,
        body,
        message_id: settings.message_id(&row.idempotency_key),
    };
    smtp.send(&email).await?;
    Ok(Delivery::Sent)
}
