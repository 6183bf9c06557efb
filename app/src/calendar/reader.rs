//! What a signed-in user may see of the calendar, checked on every call: a guardian the events
//! whose audience holds one of their children (the chosen one, when the switcher has one), staff
//! the whole school's.

use super::recurrence::{Occurrence, Repeat, occurrences};
use super::{Agenda, AgendaDay, EventCategory, EventDetail, EventFacts, EventText, status, store};
use crate::access::{Actor, Capability, Scope, authorize};
use crate::db::entities::{event, event_translation};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::notices::HomeRow;
use crate::sanitized::SanitizedHtml;
use crate::state::app_state;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;

/// The reader's children an event concerns, by the names the family uses.
fn concerned(actor: &Actor, event: &event::Model) -> Vec<String> {
    let audience = store::audience_of(event);
    actor
        .children
        .iter()
        .filter(|c| audience.contains(event.school_id, &c.membership))
        .map(|c| c.name.clone())
        .collect()
}

/// The upcoming events, from the start of today in the school's zone, grouped by day.
pub async fn agenda() -> Result<Agenda, AppError> {
    let granted = authorize(Capability::CalendarRead)?;
    let actor = granted.actor;
    let state = app_state()?;
    let zone = actor.zone.clone();
    let today = crate::dates::local_day(&zone, Utc::now());
    let from = crate::dates::start_of_day(&zone, today);
    let events = upcoming(
        &state.db,
        &actor,
        granted.scope,
        &actor.chosen_memberships(),
        from,
        None,
        store::AGENDA_LIMIT,
    )
    .await?;
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let mut translations = store::translations(&state.db, &ids).await?;
    // Each time an event happens is a row: a weekly club shows on each of its days.
    let mut times: Vec<(&event::Model, Occurrence)> = events
        .iter()
        .flat_map(|e| {
            occurrences(e, &zone)
                .into_iter()
                .filter(|o| o.ends_at > from)
                .map(move |o| (e, o))
        })
        .collect();
    times.sort_by_key(|(e, o)| (o.starts_at, e.id));
    times.truncate(store::AGENDA_LIMIT as usize);
    // Rows come earliest first, so their days never go backwards: each starts a new day or joins
    // the last one.
    let mut days: Vec<(NaiveDate, Vec<EventFacts>)> = Vec::new();
    // What a row shows of its event is made once per event, not once per time it happens.
    let mut made: HashMap<i32, EventFacts> = HashMap::new();
    for (event, time) in times {
        // An event that began before today shows under today, where it is still going on.
        let day = crate::dates::local_day(&zone, time.starts_at).max(today);
        let mut entry = made
            .entry(event.id)
            .or_insert_with(|| facts(&actor, &zone, event, translations.remove(&event.id), false))
            .clone();
        entry.when = when_at(&zone, event.all_day, time);
        match days.last_mut() {
            Some((last, entries)) if *last == day => entries.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    Ok(Agenda {
        views: super::month::views(),
        days: days
            .into_iter()
            .map(|(day, entries)| AgendaDay {
                date: PerLocale::build(|locale| crate::dates::day(locale, day)),
                entries,
            })
            .collect(),
    })
}

/// The home page's strip: the family's events (the chosen child's, when one is chosen) from the
/// start of today to the end of the sixth day after, each time a repeating one happens, earliest
/// first, at most [`WEEK_MOST`].
pub async fn this_week<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
) -> Result<Vec<HomeRow>, AppError> {
    let Some(scope) = crate::access::allowed_scope(&actor.roles, Capability::CalendarRead) else {
        return Ok(Vec::new());
    };
    let today = crate::dates::local_day(zone, Utc::now());
    let from = crate::dates::start_of_day(zone, today);
    let until = crate::dates::start_of_day(zone, today + Duration::days(7));
    let memberships = actor.chosen_memberships();
    let events = upcoming(
        db,
        actor,
        scope,
        &memberships,
        from,
        Some(until),
        store::AGENDA_LIMIT,
    )
    .await?;
    let mut times: Vec<(&event::Model, Occurrence)> = events
        .iter()
        .flat_map(|e| {
            occurrences(e, zone)
                .into_iter()
                .filter(|o| o.ends_at > from && o.starts_at < until)
                .map(move |o| (e, o))
        })
        .collect();
    times.sort_by_key(|(e, o)| (o.starts_at, e.id));
    times.truncate(WEEK_MOST);
    let ids: Vec<i32> = times.iter().map(|(e, _)| e.id).collect();
    let translations = store::translations(db, &ids).await?;
    Ok(times
        .into_iter()
        .map(|(event, time)| {
            let translated = translations.get(&event.id);
            let cancelled = event.status == status::CANCELLED;
            let title = PerLocale::build(|locale| {
                let title = translated
                    .and_then(|ts| ts.iter().find(|t| t.language == locale.tag()))
                    .map_or(event.title.as_str(), |t| t.title.as_str());
                if cancelled {
                    crate::msg!(locale, "calendar-week-cancelled", title = title)
                } else {
                    title.to_string()
                }
            });
            HomeRow(
                format!("/calendar/{}", event.id),
                on_day(zone, event.all_day, time),
                title,
                for_children(&concerned(actor, event)),
                None,
            )
        })
        .collect())
}

/// "For Amir and Lina" in each language; nothing for no child.
fn for_children(names: &[String]) -> Option<PerLocale<String>> {
    (!names.is_empty()).then(|| {
        PerLocale::build(|locale| {
            let names = crate::i18n::list(locale, names);
            crate::msg!(locale, "calendar-for", children = names.as_str())
        })
    })
}

/// Most events in the home page's strip; the calendar has the rest.
pub const WEEK_MOST: usize = 6;

/// The events `actor` may see that have not ended by `from` (and start before `before`, if
/// given), earliest first: the whole school's for staff, else those whose audience holds one of
/// `memberships` (the actor's children).
pub async fn upcoming<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    scope: Scope,
    memberships: &[crate::audience::Membership],
    from: DateTime<Utc>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<event::Model>, sea_orm::DbErr> {
    if actor.reads_whole_school(scope) {
        store::upcoming_in_school(db, actor.school_id, from, before, limit).await
    } else {
        store::upcoming_for(db, actor.school_id, memberships, from, before, limit).await
    }
}

/// One event, if the reader may see it; any other id reads as "not found".
pub async fn event(id: i32) -> Result<EventDetail, AppError> {
    let granted = authorize(Capability::CalendarRead)?;
    let actor = granted.actor;
    let state = app_state()?;
    let event = readable(&state.db, &actor, granted.scope, id).await?;
    let zone = actor.zone.clone();
    let mut translations = store::translations(&state.db, &[event.id]).await?;
    let mut facts = facts(&actor, &zone, &event, translations.remove(&event.id), true);
    // The page names the day: the next time a repeating event happens, else its first.
    let times = occurrences(&event, &zone);
    let now = Utc::now();
    if let Some(time) = times
        .iter()
        .find(|o| o.ends_at > now)
        .or(times.last())
        .copied()
    {
        facts.when = on_day(&zone, event.all_day, time);
    }
    facts.repeats = repeats(&zone, &event);
    Ok(EventDetail {
        facts,
        ics_href: format!("/calendar/{}/event.ics", event.id),
        files: super::attachments::links(&state.db, event.id).await?,
    })
}

/// "Monday 7 December 2026, 09:30 to 15:00" in each language: the day, then [`when_at`].
pub fn on_day(zone: &str, all_day: bool, time: Occurrence) -> PerLocale<String> {
    let first = crate::dates::local_day(zone, time.starts_at);
    let last = crate::dates::local_day(zone, time.ends_at - Duration::seconds(1)).max(first);
    let times = when_at(zone, all_day, time);
    if last != first {
        // A span of days already names them.
        return times;
    }
    PerLocale::build(|locale| {
        let day = crate::dates::day(locale, first);
        let times = times.text(locale);
        crate::msg!(
            locale,
            "format-day-and-time",
            day = day.as_str(),
            time = times.as_str()
        )
    })
}

/// "Every week until 15 July 2027, not on 27 October 2026" in each language, for an event that
/// repeats.
pub fn repeats(zone: &str, event: &event::Model) -> Option<PerLocale<String>> {
    let repeat = Repeat::of(event)?;
    Some(rule_text(
        crate::dates::local_day(zone, event.starts_at),
        &repeat,
    ))
}

/// How `repeat` repeats an event first on `first`, in each language.
pub fn rule_text(first: NaiveDate, repeat: &Repeat) -> PerLocale<String> {
    let skipped: Vec<NaiveDate> = repeat
        .skipped
        .iter()
        .copied()
        .filter(|d| repeat.falls_on(first, *d))
        .collect();
    let weeks = repeat.weeks.to_string();
    PerLocale::build(|locale| {
        let rule = if repeat.weeks == 1 {
            crate::msg!(locale, "event-repeat-weekly")
        } else {
            crate::msg!(locale, "event-repeat-every-weeks", weeks = weeks.as_str())
        };
        let until = crate::dates::date(locale, repeat.until);
        let text = crate::msg!(
            locale,
            "event-repeats",
            rule = rule.as_str(),
            until = until.as_str()
        );
        if skipped.is_empty() {
            return text;
        }
        let days: Vec<String> = skipped
            .iter()
            .map(|d| crate::dates::date(locale, *d))
            .collect();
        let days = crate::i18n::list(locale, &days);
        let except = crate::msg!(locale, "event-repeats-except", days = days.as_str());
        crate::i18n::list(locale, &[text, except])
    })
}

/// What the calendar shows of `event` to `actor`.
fn facts(
    actor: &Actor,
    zone: &str,
    event: &event::Model,
    translations: Option<Vec<event_translation::Model>>,
    with_description: bool,
) -> EventFacts {
    EventFacts {
        id: event.id,
        texts: texts(event, translations, with_description),
        category: EventCategory::from_code(&event.category).unwrap_or_default(),
        when: when(zone, event),
        location: event.location.clone(),
        children: concerned(actor, event),
        cancelled: event.status == status::CANCELLED,
        changed: event.changed_at.is_some(),
        short_notice: event.short_notice,
        repeats: None,
    }
}

/// The event if `actor` may read it: a guardian through one of their children, staff with a
/// whole-school grant in their own school.
pub async fn readable<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    scope: Scope,
    id: i32,
) -> Result<event::Model, AppError> {
    let found = if actor.reads_whole_school(scope) {
        store::in_school(db, actor.school_id, id).await?
    } else {
        store::visible_to(db, actor.school_id, &actor.memberships(), id).await?
    };
    found.ok_or(AppError::NotFound)
}

/// The original title, then each translation's, without descriptions.
pub fn titles(
    event: &event::Model,
    translations: Option<Vec<event_translation::Model>>,
) -> Vec<EventText> {
    texts(event, translations, false)
}

/// The original, then each translation; descriptions only when the page shows them.
fn texts(
    event: &event::Model,
    translations: Option<Vec<event_translation::Model>>,
    with_description: bool,
) -> Vec<EventText> {
    let description = |html: &str| {
        if with_description {
            SanitizedHtml::clean(html)
        } else {
            SanitizedHtml::default()
        }
    };
    let mut texts = vec![EventText {
        language: event.language.clone(),
        title: event.title.clone(),
        description: description(&event.description_html),
    }];
    texts.extend(
        translations
            .into_iter()
            .flatten()
            .filter(|t| t.language != event.language)
            .map(|t| EventText {
                language: t.language,
                title: t.title,
                description: description(&t.description_html),
            }),
    );
    texts
}

/// When an event happens, in each language: "All day", "09:30–15:00", a span of days, or a span
/// of two dates with times. A repeating event: its first time.
pub fn when(zone: &str, event: &event::Model) -> PerLocale<String> {
    let first = Occurrence {
        starts_at: event.starts_at,
        ends_at: event.ends_at,
    };
    when_at(zone, event.all_day, first)
}

/// When one time of an event happens, in each language (see [`when`]).
pub fn when_at(zone: &str, all_day: bool, time: Occurrence) -> PerLocale<String> {
    let Occurrence { starts_at, ends_at } = time;
    let first = crate::dates::local_day(zone, starts_at);
    if all_day {
        // An all-day event ends at the midnight after its last day.
        let last = crate::dates::local_day(zone, ends_at - Duration::seconds(1)).max(first);
        return PerLocale::build(|locale| {
            if last == first {
                crate::msg!(locale, "event-all-day")
            } else {
                let (first, last) = (
                    crate::dates::date(locale, first),
                    crate::dates::date(locale, last),
                );
                crate::msg!(
                    locale,
                    "event-days",
                    first = first.as_str(),
                    last = last.as_str()
                )
            }
        });
    }
    let (start, end) = (
        crate::dates::time(zone, starts_at),
        crate::dates::time(zone, ends_at),
    );
    if crate::dates::local_day(zone, ends_at) == first {
        return PerLocale::build(|locale| {
            crate::msg!(
                locale,
                "event-times",
                start = start.as_str(),
                end = end.as_str()
            )
        });
    }
    let at = |locale, t: DateTime<Utc>| crate::dates::date_time(locale, zone, t);
    PerLocale::build(|locale| {
        let (start, end) = (at(locale, starts_at), at(locale, ends_at));
        crate::msg!(
            locale,
            "event-span",
            start = start.as_str(),
            end = end.as_str()
        )
    })
}
