//! Durable e-mail delivery. Publishing writes one `outbox` row per recipient in the same
//! transaction as the notice, keyed `notice-<id>-<kind>-g<guardian>` so a repeat adds nothing. A
//! worker claims due rows under a lease (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several
//! servers share the work), sends them over SMTP and marks them sent; failures retry with
//! exponential backoff. A crash leaves claimed rows to be picked up when their lease ends.
//!
//! Each e-mail's `Message-ID` is derived from its key, so the one message that can be in flight
//! when a process dies is resent with the same id and mail systems treat the two as one.

mod form_mail;
pub mod mailer;
pub mod render;
mod report_mail;
pub mod staff_mail;
pub mod worker;

use chrono::{DateTime, Duration, TimeZone, Utc};

/// Row states.
pub mod status {
    /// Waiting for its time.
    pub const PENDING: &str = "pending";
    /// Claimed by a worker until `locked_until`.
    pub const SENDING: &str = "sending";
    /// Accepted by the SMTP server.
    pub const SENT: &str = "sent";
    /// Given up after permanent refusal or too many attempts.
    pub const FAILED: &str = "failed";
    /// No longer wanted (the notice was withdrawn, or it waited too long).
    pub const CANCELLED: &str = "cancelled";
}

/// Row kinds beyond the notices' own (`instant`, `reminder`, `digest`).
pub mod kind {
    /// To a post's author: families no longer see it, a photo consent having been lowered.
    pub const NEWS_WITHHELD: &str = "news-withheld";
}

/// Attempts before a row is given up.
pub const MAX_ATTEMPTS: i32 = 8;
/// An e-mail still unsent after this long is cancelled rather than sent late.
pub const STALE_AFTER_DAYS: i64 = 3;
/// Local hour of the daily digest.
pub const DIGEST_HOUR: u32 = 18;

/// The wait before attempt `attempts + 1`: 30 s doubling, at most 4 h.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 10) - 1;
    Duration::seconds((30_i64 << exponent).min(4 * 3600))
}

/// The next daily-digest time after `at`, in the school's zone.
pub fn next_digest_time(at: DateTime<Utc>, timezone: &str) -> DateTime<Utc> {
    let zone = crate::dates::zone(timezone);
    let local = at.with_timezone(&zone);
    let mut day = local.date_naive();
    loop {
        if let Some(time) = day
            .and_hms_opt(DIGEST_HOUR, 0, 0)
            .and_then(|t| zone.from_local_datetime(&t).earliest())
            && time > local
        {
            return time.with_timezone(&Utc);
        }
        day = match day.succ_opt() {
            Some(next) => next,
            None => return at,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::seconds(480));
        assert_eq!(backoff(30), Duration::seconds(4 * 3600));
    }

    #[test]
    fn digest_goes_at_six_in_the_evening_school_time() {
        let morning = Utc
            .with_ymd_and_hms(2026, 11, 23, 1, 0, 0)
            .single()
            .expect("valid");
        // 09:00 in Beijing → 18:00 Beijing = 10:00 UTC the same day.
        assert_eq!(
            next_digest_time(morning, "Asia/Shanghai"),
            Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
                .single()
                .expect("valid")
        );
        let evening = Utc
            .with_ymd_and_hms(2026, 11, 23, 19, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(
            next_digest_time(evening, "Europe/London"),
            Utc.with_ymd_and_hms(2026, 11, 24, 18, 0, 0)
                .single()
                .expect("valid")
        );
    }
}
