//! Recent feed answers by address, so a phone's calendar app polling a feed that has not changed
//! costs a hash and a map look-up instead of the events' queries and the file's rendering.
//!
//! An answer is reused only while nothing it was built from can have changed in this process:
//! no event was written ([`calendar_changed`]), the roster is the same
//! (`access::cache::roster_generation`), the address is still the account's ([`forget_account`]
//! on renewal, turning off and suspension), and it is younger than [`ANSWER_TTL`], which bounds
//! how long a change made by another server process takes to show.

use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long an answer is reused.
pub const ANSWER_TTL: Duration = Duration::from_secs(60);
/// Bound on entries: beyond it, stale ones are dropped, then no more are kept.
const MAX_ENTRIES: usize = 20_000;

/// Bumped by every write to events or their translations.
static CALENDAR_GENERATION: AtomicU64 = AtomicU64::new(0);

/// Retires every cached feed of this process: an event was added, changed or translated.
pub fn calendar_changed() {
    CALENDAR_GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// A feed as last built: the file and its validators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The quoted `ETag`.
    pub etag: String,
    /// The `Last-Modified` value, as an HTTP date.
    pub last_modified: String,
    /// The iCalendar file (shared, not copied, by every answer that sends it).
    pub body: Bytes,
}

/// What an answer was built under; it is reused only under the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generations {
    calendar: u64,
    roster: u64,
}

/// The generations now: read them before reading the database for a new answer.
pub fn generations() -> Generations {
    Generations {
        calendar: CALENDAR_GENERATION.load(Ordering::SeqCst),
        roster: crate::access::cache::roster_generation(),
    }
}

#[derive(Debug)]
struct Entry {
    user_id: i32,
    answer: Answer,
    at: Instant,
    built_under: Generations,
}

static ANSWERS: LazyLock<Mutex<HashMap<String, Entry>>> = LazyLock::new(Default::default);

fn fresh(entry: &Entry, now: Instant, current: Generations) -> bool {
    entry.built_under == current && now.duration_since(entry.at) < ANSWER_TTL
}

/// The answer for the address whose token hashes to `token_hash`, if one is still good.
pub fn get(token_hash: &str) -> Option<Answer> {
    let current = generations();
    let now = Instant::now();
    let answers = ANSWERS.lock().unwrap_or_else(PoisonError::into_inner);
    answers
        .get(token_hash)
        .filter(|e| fresh(e, now, current))
        .map(|e| e.answer.clone())
}

/// Keeps `answer` for the address, built under `built_under` (read before the database was).
pub fn put(token_hash: &str, user_id: i32, answer: Answer, built_under: Generations) {
    let current = generations();
    let now = Instant::now();
    let mut answers = ANSWERS.lock().unwrap_or_else(PoisonError::into_inner);
    if answers.len() >= MAX_ENTRIES {
        answers.retain(|_, e| fresh(e, now, current));
    }
    if answers.len() < MAX_ENTRIES {
        let entry = Entry {
            user_id,
            answer,
            at: now,
            built_under,
        };
        answers.insert(token_hash.to_string(), entry);
    }
}

/// Drops every answer of an account: its address was renewed or turned off, or it was suspended.
pub fn forget_account(user_id: i32) {
    let mut answers = ANSWERS.lock().unwrap_or_else(PoisonError::into_inner);
    answers.retain(|_, e| e.user_id != user_id);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(tag: &str) -> Answer {
        Answer {
            etag: tag.to_string(),
            last_modified: String::new(),
            body: Bytes::from_static(b"BEGIN:VCALENDAR"),
        }
    }

    #[test]
    fn answers_last_until_the_calendar_or_the_account_changes() {
        // Keys of this test only: other tests may share the process-wide map.
        let (first, second) = ("cache-test-a", "cache-test-b");
        put(first, -1, answer("\"1\""), generations());
        put(second, -2, answer("\"2\""), generations());
        assert_eq!(get(first).map(|a| a.etag), Some("\"1\"".to_string()));

        forget_account(-1);
        assert_eq!(get(first), None);
        assert!(get(second).is_some());

        // An answer built before a change is never handed out after it.
        let before = generations();
        calendar_changed();
        put(first, -1, answer("\"3\""), before);
        assert_eq!(get(first), None);
        assert_eq!(get(second), None);
    }
}
