//! Each event's VEVENT text, kept once written. Any change to the calendar makes every family's
//! feed be built again, and nearly all of each is events nobody changed: writing an event through
//! the iCalendar crate costs microseconds, finding its kept text a hash of what it shows.

use super::ics::IcsEvent;
use crate::i18n::Locale;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// Kept texts at most (a school's year of events in each language, several times over); past
/// it the store starts again empty rather than keeping texts of events long changed.
const MOST: usize = 50_000;

/// An event as one reader's calendar shows it: the event, and a digest of everything the text is
/// made of, so any change to the event, its translation, the language or the zone misses.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    event_id: i32,
    shown: u64,
}

static TEXTS: LazyLock<Mutex<HashMap<Key, Arc<str>>>> = LazyLock::new(Default::default);

fn key(e: &IcsEvent<'_>, zone: &str, locale: Locale) -> Key {
    let event = e.event;
    let mut h = DefaultHasher::new();
    (zone, locale, e.text.title, e.text.description).hash(&mut h);
    (&event.uid, &event.status, &event.category, &event.location).hash(&mut h);
    (event.updated_at, event.created_at, event.sequence).hash(&mut h);
    (event.all_day, event.starts_at, event.ends_at).hash(&mut h);
    (event.repeat_weeks, event.repeat_until, &event.skipped_dates).hash(&mut h);
    Key {
        event_id: event.id,
        shown: h.finish(),
    }
}

/// The VEVENT text of `e` in `locale` and `zone`: the kept one, or `write`'s, then kept.
pub fn text(
    e: &IcsEvent<'_>,
    zone: &str,
    locale: Locale,
    write: impl FnOnce() -> String,
) -> Arc<str> {
    let key = key(e, zone, locale);
    if let Some(kept) = TEXTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return kept.clone();
    }
    let written: Arc<str> = write().into();
    let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    if texts.len() >= MOST {
        texts.clear();
    }
    texts.insert(key, written.clone());
    written
}
