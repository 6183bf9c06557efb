//! The resolved actors of recent requests, so a signed-in page costs one session look-up rather
//! than rebuilding roles, children and classes from five tables every time.
//!
//! The session row is still read on every request, so sign-out, suspension (which deletes every
//! session of the account) and expiry take effect on the very next request, in every server
//! process. What is cached is what the account may reach; changes to it go through
//! [`ActorCache::forget`] (one account: a new child choice) or [`roster_changed`] (a roster
//! import, which moves children between classes and changes guardians' links), which retires
//! every cached actor of this process. The short lifetime bounds how long a change made
//! elsewhere — another server process, the command line — takes to show.

use super::Actor;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a resolved actor is reused.
pub const ACTOR_TTL: Duration = Duration::from_secs(30);
/// Bound on entries: beyond it the oldest are dropped (a school has a few thousand accounts).
const MAX_ENTRIES: usize = 20_000;

/// Bumped whenever the roster changes; an actor resolved under an older value is not reused.
static ROSTER_GENERATION: AtomicU64 = AtomicU64::new(0);

/// Retires every actor cached in this process: pupils, classes or guardians' links changed.
pub fn roster_changed() {
    ROSTER_GENERATION.fetch_add(1, Ordering::SeqCst);
}

fn generation() -> u64 {
    ROSTER_GENERATION.load(Ordering::SeqCst)
}

/// The roster generation now, for other caches of what the roster decides (calendar feeds).
pub fn roster_generation() -> u64 {
    generation()
}

/// One resolved actor: when, and under which roster generation.
#[derive(Debug)]
struct Entry {
    actor: Arc<Actor>,
    at: Instant,
    generation: u64,
}

/// Actors by account id.
#[derive(Clone, Debug, Default)]
pub struct ActorCache {
    entries: Arc<Mutex<HashMap<i32, Entry>>>,
}

impl ActorCache {
    /// The account's actor, if resolved less than [`ACTOR_TTL`] ago.
    pub fn get(&self, user_id: i32) -> Option<Arc<Actor>> {
        self.get_at(user_id, Instant::now())
    }

    fn get_at(&self, user_id: i32, now: Instant) -> Option<Arc<Actor>> {
        let current = generation();
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(&user_id)
            .filter(|e| e.generation == current && now.duration_since(e.at) < ACTOR_TTL)
            .map(|e| e.actor.clone())
    }

    /// Keeps an actor resolved under roster generation `resolved_under` (read before the
    /// database was, so an import that lands during the look-up retires it).
    pub fn put(&self, actor: Arc<Actor>, resolved_under: u64) {
        let now = Instant::now();
        let current = generation();
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.generation == current && now.duration_since(e.at) < ACTOR_TTL);
        }
        if entries.len() < MAX_ENTRIES {
            let entry = Entry {
                actor: actor.clone(),
                at: now,
                generation: resolved_under,
            };
            entries.insert(actor.user_id, entry);
        }
    }

    /// The roster generation to pass to [`ActorCache::put`]: read it before resolving.
    pub fn generation(&self) -> u64 {
        generation()
    }

    /// Drops one account's actor: what it may reach has changed.
    pub fn forget(&self, user_id: i32) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.remove(&user_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(user_id: i32) -> Arc<Actor> {
        Arc::new(Actor {
            user_id,
            school_id: 1,
            zone: "Europe/London".to_string(),
            roles: Vec::new(),
            guardian_id: None,
            staff_id: None,
            classes: Vec::new(),
            children: Vec::new(),
            selected_child: None,
        })
    }

    #[test]
    fn reuses_an_actor_until_it_is_forgotten_old_or_the_roster_changes() {
        let cache = ActorCache::default();
        cache.put(actor(7), cache.generation());
        cache.put(actor(8), cache.generation());
        assert!(cache.get(7).is_some());
        assert!(cache.get_at(7, Instant::now() + ACTOR_TTL).is_none());
        cache.forget(7);
        assert!(cache.get(7).is_none());
        assert!(cache.get(8).is_some());
        roster_changed();
        assert!(cache.get(8).is_none());
        // Resolved before an import landed: not kept as current.
        let before = cache.generation();
        roster_changed();
        cache.put(actor(9), before);
        assert!(cache.get(9).is_none());
    }
}
