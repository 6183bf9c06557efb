//! "Write a notice about this event": the compose form started from an event — its title, day,
//! time, place and a link to it, in the event's language and in each language it is translated
//! into, for the event's audience — for the author to add to and publish like any notice.

use super::change_notice::{self, Change, notice_category};
use crate::access::Actor;
use crate::calendar::{EventCategory, status, store};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::notices::ComposeFields;
use crate::state::AppState;

/// The compose form's fields for a notice about the author's school's event `event_id`; an
/// event of another school, or a cancelled one, is "not found".
pub async fn compose_fields(
    state: &AppState,
    actor: &Actor,
    event_id: i32,
) -> Result<ComposeFields, AppError> {
    let event = store::in_school(&state.db, actor.school_id, event_id)
        .await?
        .filter(|e| e.status != status::CANCELLED)
        .ok_or(AppError::NotFound)?;
    let zone = actor.zone.clone();
    let texts = change_notice::written(state, &event, Change::Announced, &zone).await?;
    let text_in = |locale: Locale| texts.get(locale).cloned().unwrap_or_default();
    let original = Locale::from_tag(&event.language).unwrap_or_default();
    let (title, body) = text_in(original);
    // Only the languages the event was translated into: elsewhere its title is the original's.
    let translated: Vec<String> = store::translations(&state.db, &[event.id])
        .await?
        .remove(&event.id)
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.language)
        .collect();
    let translations = Locale::ALL
        .into_iter()
        .filter(|l| *l != original && translated.iter().any(|t| t == l.tag()))
        .map(|l| (l.tag().to_string(), text_in(l)))
        .collect();
    let audience = store::audience_of(&event);
    let category = EventCategory::from_code(&event.category).unwrap_or_default();
    Ok(ComposeFields {
        title,
        body,
        language: original.tag().to_string(),
        category: notice_category(category, false).code().to_string(),
        whole_school: audience.whole_school,
        staff_only: audience.staff_only,
        year_groups: audience.year_groups,
        classes: audience.classes,
        pupils: audience.pupils,
        translations,
        ..ComposeFields::default()
    })
}
