//! The e-mail that reminds a guardian to answer a form. Whether it is still wanted is decided
//! when it is sent: a form closed or answered since (by this guardian or another of the
//! child's) sends nothing.

use super::mailer::{Email, SendError, Smtp};
use super::worker::{Delivery, WorkerSettings, db_error, is_stale, school_name};
use crate::db::entities::{form, form_response, guardian, outbox, pupil};
use crate::forms::definition::in_language;
use crate::forms::reader::readable_definition;
use crate::i18n::Locale;
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Sends the reminder `row` to its guardian, for the children still waiting on its form.
pub(super) async fn reminder(
    db: &DatabaseConnection,
    smtp: &Smtp,
    settings: &WorkerSettings,
    row: &outbox::Model,
) -> Result<Delivery, SendError> {
    let now = Utc::now();
    let (Some(guardian_id), Some(form_id)) = (row.guardian_id, row.form_id) else {
        return Ok(Delivery::NotWanted);
    };
    if is_stale(row, now) {
        return Ok(Delivery::NotWanted);
    }
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
    let Some(form) = form::Entity::find_by_id(form_id)
        .one(db)
        .await
        .map_err(db_error)?
        .filter(|f| f.closes_at > now)
    else {
        return Ok(Delivery::NotWanted);
    };
    let Some(definition) = readable_definition(&form) else {
        return Ok(Delivery::NotWanted);
    };
    let memberships = crate::audience::resolve::memberships(db, guardian_id)
        .await
        .map_err(db_error)?;
    let Some(children) =
        crate::forms::store::asked_one(db, guardian.school_id, &memberships, now, form.id)
            .await
            .map_err(db_error)?
            .map(|a| a.children)
    else {
        return Ok(Delivery::NotWanted);
    };
    let answered: Vec<i32> = form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(form.id))
        .filter(form_response::Column::PupilId.is_in(children.iter().copied()))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .filter_map(|r| r.pupil_id)
        .collect();
    let waiting: Vec<i32> = children
        .into_iter()
        .filter(|c| !answered.contains(c))
        .collect();
    if waiting.is_empty() {
        return Ok(Delivery::NotWanted);
    }
    let names: Vec<String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(waiting.iter().copied()))
        .all(db)
        .await
        .map_err(db_error)?
        .iter()
        .map(crate::roster::display_name)
        .collect();
    let locale = Locale::from_tag(&guardian.preferred_locale).unwrap_or_default();
    let school = school_name(db, guardian.school_id).await?;
    let zone = crate::school::db::timezone(db, guardian.school_id)
        .await
        .map_err(db_error)?;
    let title = in_language(&definition.title, locale.tag(), &form.language);
    let children = crate::i18n::list(locale, &names);
    let date = crate::dates::date_time(locale, &zone, form.closes_at);
    let link = format!(
        "{}{}",
        settings.public_url,
        crate::forms::form_href(form.id, waiting[0])
    );
    let mut body = crate::msg!(
        locale,
        "email-form-reminder-intro",
        title = title,
        children = children.as_str()
    );
    for line in [
        crate::msg!(locale, "email-form-reminder-due", date = date.as_str()),
        crate::msg!(locale, "email-form-reminder-link", link = link.as_str()),
        crate::msg!(locale, "email-footer", school = school.as_str()),
    ] {
        body.push_str("\n\n");
        body.push_str(&line);
    }
    let email = Email {
        to,
        subject: crate::msg!(
            locale,
            "email-form-reminder-subject",
            school = school.as_str(),
            title = title
        ),
        body,
        message_id: settings.message_id(&row.idempotency_key),
    };
    smtp.send(&email).await?;
    Ok(Delivery::Sent)
}
