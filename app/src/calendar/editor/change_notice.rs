//! Telling families that an event they planned for moved or was called off. The portal publishes
//! a notice to the event's audience, written in every shipped language, so it reaches each family
//! the way every notice does — their board, the notification centre and e-mail through the outbox
//! (with their e-mail choices; at once when the event is within two days) — and the office sees
//! who has read it.

use crate::access::Actor;
use crate::calendar::{EventCategory, reader, store};
use crate::db::entities::{event, notice};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::Category;
use crate::notices::store::{Draft, TranslationInput};
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use sea_orm::EntityTrait;

/// What happened to the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Its date, time or place changed.
    Moved,
    /// It was called off.
    Cancelled,
    /// Nothing: the author writes a notice about the event (its title, day, time and place).
    Announced,
}

/// A change this close to the event goes out as urgent: at once, whatever a family's e-mail
/// choices.
pub const URGENT_WITHIN: Duration = Duration::hours(48);

/// The notice category for a change to an event of `category`: urgent when it is close, else
/// the category whose e-mail choice a family made for such news.
pub fn notice_category(category: EventCategory, urgent: bool) -> Category {
    if urgent {
        return Category::Urgent;
    }
    match category {
        EventCategory::Trip => Category::Trip,
        EventCategory::Closure | EventCategory::Inset | EventCategory::TermDates => {
            Category::Closure
        }
        _ => Category::Event,
    }
}

/// Whether families are told of a change to an event that was `before` and is now `after`:
/// not for staff-only events, nor for one already over either way.
pub fn tells_families(before: &event::Model, after: &event::Model, now: DateTime<Utc>) -> bool {
    let audience = store::audience_of(after);
    !audience.staff_only && !audience.is_empty() && (before.ends_at > now || after.ends_at > now)
}

/// The notice's title and Markdown text in `locale`.
fn text(
    locale: Locale,
    change: Change,
    title: &str,
    when: &str,
    day: &str,
    place: &str,
    link: &str,
) -> (String, String) {
    let (heading, news) = match change {
        Change::Moved => (
            msg!(locale, "event-moved-notice-title", title = title),
            msg!(locale, "event-moved-notice-body", day = day, when = when),
        ),
        Change::Cancelled => (
            msg!(locale, "event-cancelled-notice-title", title = title),
            msg!(
                locale,
                "event-cancelled-notice-body",
                title = title,
                day = day
            ),
        ),
        Change::Announced => (
            title.to_string(),
            msg!(locale, "event-announce-body", day = day, when = when),
        ),
    };
    let mut body = news;
    if change != Change::Cancelled && !place.is_empty() {
        body.push_str("\n\n");
        body.push_str(&msg!(locale, "event-notice-place", place = place));
    }
    body.push_str(&format!(
        "\n\n[{}]({link})",
        msg!(locale, "event-notice-link")
    ));
    (heading, body)
}

/// The notice of `change` to `event` in each language: its title (the event's translated one
/// where there is one) and Markdown text with the day, time, place and a link to the event.
pub async fn written(
    state: &AppState,
    event: &event::Model,
    change: Change,
    zone: &str,
) -> Result<PerLocale<(String, String)>, AppError> {
    let translations = store::translations(&state.db, &[event.id])
        .await?
        .remove(&event.id)
        .unwrap_or_default();
    let title_in = |locale: Locale| {
        translations
            .iter()
            .find(|t| t.language == locale.tag())
            .map(|t| t.title.clone())
            .unwrap_or_else(|| event.title.clone())
    };
    let when = reader::when(zone, event);
    let first_day = crate::dates::local_day(zone, event.starts_at);
    let link = format!("{}/calendar/{}", state.settings.public_url, event.id);
    Ok(PerLocale::build(|locale| {
        let day = crate::dates::day(locale, first_day);
        text(
            locale,
            change,
            &title_in(locale),
            &when.text(locale),
            &day,
            &event.location,
            &link,
        )
    }))
}

/// Publishes the notice of `change` to `after`'s audience, on behalf of `author`; returns its id,
/// or `None` when families are not told (see [`tells_families`]).
pub async fn publish(
    state: &AppState,
    author: &Actor,
    before: &event::Model,
    after: &event::Model,
    change: Change,
    now: DateTime<Utc>,
) -> Result<Option<i32>, AppError> {
    if !tells_families(before, after, now) {
        return Ok(None);
    }
    let zone = crate::school::db::timezone(&state.db, after.school_id).await?;
    let texts = written(state, after, change, &zone).await?;
    let written = |locale: Locale| texts.get(locale).cloned().unwrap_or_default();
    let original = Locale::from_tag(&after.language).unwrap_or_default();
    let (title, body_source) = written(original);
    let urgent = before.starts_at.min(after.starts_at) - now < URGENT_WITHIN;
    let category = EventCategory::from_code(&after.category).unwrap_or_default();
    let draft = Draft {
        title,
        body_source,
        language: original,
        category: notice_category(category, urgent),
        audience: store::audience_of(after),
        ack_required: false,
        ack_by: None,
        publish_at: None,
        // Off the board once the event is over (a cancelled one, once its day is).
        expires_at: Some(after.ends_at.max(now + Duration::days(1))),
        pinned: false,
        translations: Locale::ALL
            .into_iter()
            .filter(|l| *l != original)
            .map(|language| {
                let (title, body_source) = written(language);
                TranslationInput {
                    language,
                    title,
                    body_source,
                }
            })
            .collect(),
    };
    let id = crate::notices::store::save_draft(
        &state.db,
        after.school_id,
        author.user_id,
        None,
        &draft,
        now,
    )
    .await?;
    let notice = notice::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::notices::store::publish(&state.db, &notice, now, now, &zone).await?;
    crate::audit::record(
        &state.db,
        author.school_id,
        author.user_id,
        crate::audit::action::PUBLISHED,
        ("notice", id),
        &notice.title,
        now,
    )
    .await?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_changes_are_urgent_and_others_follow_the_family_choice_for_their_kind() {
        assert_eq!(notice_category(EventCategory::Club, true), Category::Urgent);
        assert_eq!(notice_category(EventCategory::Trip, false), Category::Trip);
        assert_eq!(
            notice_category(EventCategory::Inset, false),
            Category::Closure
        );
        assert_eq!(
            notice_category(EventCategory::ParentsEvening, false),
            Category::Event
        );
    }

    #[test]
    fn the_notice_says_what_changed_in_each_language_with_a_link_to_the_event() {
        for locale in Locale::ALL {
            let (title, body) = text(
                locale,
                Change::Moved,
                "Trip",
                "09:30 to 15:00",
                "Thursday 14 January 2027",
                "Castle Hill",
                "https://school.example/calendar/7",
            );
            assert!(title.contains("Trip"), "{locale:?}: {title}");
            assert!(
                body.contains("09:30 to 15:00") && body.contains("Castle Hill"),
                "{body}"
            );
            assert!(
                body.contains("](https://school.example/calendar/7)"),
                "{body}"
            );
            let (title, body) = text(locale, Change::Cancelled, "Trip", "", "Thursday", "", "x");
            assert!(
                title.contains("Trip") && body.contains("Thursday"),
                "{locale:?}: {body}"
            );
        }
    }
}
