//! One-time access codes: made at random, printed for a guardian, stored only as a hash.

use crate::db::entities::access_code;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

/// Letters and digits that cannot be mistaken for one another on paper (no I, O, 0, 1).
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// How long a code may be used.
pub const VALID_HOURS: i64 = 48;
/// Wrong dates of birth before a sign-up code locks.
pub const MAX_BIRTH_DATE_ATTEMPTS: i32 = 3;

/// What a code is for.
pub mod purpose {
    /// A guardian's first sign-up.
    pub const SIGN_UP: &str = "sign-up";
    /// A password reset issued by an admin.
    pub const PASSWORD_RESET: &str = "password-reset";
}

/// A new code, `XXXX-XXXX-XXXX` (60 bits).
pub fn generate() -> String {
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..12)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, reduced to what matters: letters and digits, upper case.
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The stored form of a code.
pub fn hash(typed: &str) -> String {
    let digest = Sha256::digest(normalize(typed).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Who a new code is for.
#[derive(Clone, Copy, Debug)]
pub struct CodeFor {
    /// The school.
    pub school_id: i32,
    /// The guardian signing up (sign-up codes).
    pub guardian_id: Option<i32>,
    /// The account whose password is reset (reset codes).
    pub user_id: Option<i32>,
    /// One of [`purpose`].
    pub purpose: &'static str,
}

/// Stores `code` for `whom`, valid until `expires_at`; earlier unused codes of the same
/// guardian or account and purpose stop working, so only the newest letter counts.
pub async fn store<C: ConnectionTrait>(
    db: &C,
    whom: CodeFor,
    code: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut earlier = access_code::Entity::delete_many()
        .filter(access_code::Column::Purpose.eq(whom.purpose))
        .filter(access_code::Column::UsedAt.is_null());
    earlier = match (whom.guardian_id, whom.user_id) {
        (Some(g), _) => earlier.filter(access_code::Column::GuardianId.eq(g)),
        (None, Some(u)) => earlier.filter(access_code::Column::UserId.eq(u)),
        (None, None) => earlier.filter(access_code::Column::Id.eq(-1)),
    };
    earlier.exec(db).await?;
    access_code::ActiveModel {
        school_id: Set(whom.school_id),
        guardian_id: Set(whom.guardian_id),
        user_id: Set(whom.user_id),
        purpose: Set(whom.purpose.to_string()),
        code_hash: Set(hash(code)),
        expires_at: Set(expires_at),
        used_at: Set(None),
        failed_attempts: Set(0),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Makes and stores a fresh code valid for 48 hours; returns it for the letter.
pub async fn issue<C: ConnectionTrait>(db: &C, whom: CodeFor) -> Result<String, DbErr> {
    let code = generate();
    store(db, whom, &code, Utc::now() + Duration::hours(VALID_HOURS)).await?;
    Ok(code)
}

/// The stored code `typed` for `purpose`. Codes are long enough not to be guessed, but guessing
/// is still throttled per client `address`: a held address is refused before any lookup, and an
/// unknown code counts as a guess.
pub async fn find_guarded<C: ConnectionTrait>(
    db: &C,
    address: &str,
    typed: &str,
    purpose: &str,
) -> Result<access_code::Model, crate::error::AppError> {
    use crate::error::{AppError, CodeProblem};
    if super::throttle::guesses_held(db, super::throttle::Guess::AccessCode, address).await? {
        return Err(AppError::RateLimited);
    }
    let found = access_code::Entity::find()
        .filter(access_code::Column::CodeHash.eq(hash(typed)))
        .filter(access_code::Column::Purpose.eq(purpose))
        .one(db)
        .await?;
    match found {
        Some(found) => Ok(found),
        None => {
            super::throttle::record_guess(db, super::throttle::Guess::AccessCode, address).await?;
            Err(AppError::AccessCode(CodeProblem::Unknown))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_typing_slips_do_not_matter() {
        let code = generate();
        assert_eq!(code.len(), 14);
        assert!(
            code.chars()
                .all(|c| c == '-' || ALPHABET.contains(&(c as u8)))
        );
        assert_ne!(generate(), code);
        assert_eq!(hash("abcd-efgh-jkmn"), hash(" ABCD EFGH JKMN "));
        assert_ne!(hash("ABCD-EFGH-JKMN"), hash("ABCD-EFGH-JKMP"));
    }
}
