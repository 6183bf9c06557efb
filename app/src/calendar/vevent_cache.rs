//! Each event's VEVENT text, kept once written. Any change to the calendar makes every family's
//! feed be built again, and nearly all of each is events nobody changed: a feed reads which
//! version of each event it shows (a few columns), takes the kept texts, and reads and writes
//! only the events it has no text for.
//!
//! A text is kept under its event's version: every change to an event raises its `updated_at`
//! and SEQUENCE (`store::update`, `store::cancel`), and a translation written again is a new row
//! (`store::translate`), so a changed event or translation is never found under an old key.

use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// Kept texts at most (a school's year of events in each language, several times over); past
/// it the store starts again empty rather than keeping texts of events long changed.
const MOST: usize = 50_000;

/// One version of an event as one reader's calendar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// A digest of the event's UID (unique across databases) and the school's zone.
    event: u64,
    updated_at: DateTime<Utc>,
    sequence: i32,
    /// The translation shown (its row and when it was written), if any.
    translation: Option<(i32, DateTime<Utc>)>,
    locale: Locale,
}

impl Key {
    /// The key of an event's version, in `locale` with `translation`, on `zone`'s clock.
    pub fn new(
        uid: &str,
        updated_at: DateTime<Utc>,
        sequence: i32,
        translation: Option<(i32, DateTime<Utc>)>,
        locale: Locale,
        zone: &str,
    ) -> Self {
        let mut h = DefaultHasher::new();
        (uid, zone).hash(&mut h);
        Key {
            event: h.finish(),
            updated_at,
            sequence,
            translation,
            locale,
        }
    }
}

static TEXTS: LazyLock<Mutex<HashMap<Key, Arc<str>>>> = LazyLock::new(Default::default);

/// The kept text of each of `keys`, in order.
pub fn kept(keys: &[Key]) -> Vec<Option<Arc<str>>> {
    let texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    keys.iter().map(|k| texts.get(k).cloned()).collect()
}

/// Keeps `text` under `key`.
pub fn keep(key: Key, text: String) -> Arc<str> {
    let text: Arc<str> = text.into();
    let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    if texts.len() >= MOST {
        texts.clear();
    }
    texts.insert(key, text.clone());
    text
}
