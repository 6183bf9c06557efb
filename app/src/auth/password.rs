//! Password rules and hashing (argon2id with the crate's OWASP defaults, off the async threads).

use crate::error::{AppError, FieldProblem};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use std::sync::OnceLock;

/// Shortest password accepted.
pub const MIN_LEN: usize = 8;
/// Longest password accepted; bounds hashing work.
pub const MAX_LEN: usize = 1024;

/// Checks a new password: long enough, not too long, and not a common or easily guessed one
/// (zxcvbn's bundled lists of common passwords, names and words; no network).
pub fn check_new(password: &str, context: &[&str]) -> Result<(), AppError> {
    let length = password.chars().count();
    if length < MIN_LEN {
        return Err(AppError::invalid("password", FieldProblem::TooShort));
    }
    if password.len() > MAX_LEN {
        return Err(AppError::invalid("password", FieldProblem::TooLong));
    }
    if zxcvbn::zxcvbn(password, context).score() < zxcvbn::Score::Two {
        return Err(AppError::invalid("password", FieldProblem::TooCommon));
    }
    Ok(())
}

/// Hashes a password on the blocking pool.
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing task failed");
            AppError::Internal
        })?
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
}

/// Whether `password` matches `stored`. With no stored hash (no such account) it still does
/// the same work against a dummy hash, so timing does not tell which emails have accounts.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let dummy = dummy_hash();
        let (hash, real) = match stored.as_deref() {
            Some(h) => (h, true),
            None => (dummy.as_str(), false),
        };
        let parsed = PasswordHash::new(hash).map_err(|e| {
            tracing::error!(error = %e, "stored password hash unreadable");
            AppError::Internal
        })?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && real)
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "password check task failed");
        AppError::Internal
    })?
}

fn dummy_hash() -> &'static String {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("not a password anyone has").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_short_and_common_passwords() {
        assert_eq!(
            check_new("abc123", &[]),
            Err(AppError::invalid("password", FieldProblem::TooShort))
        );
        for common in ["password1", "12345678", "qwertyuiop", "iloveyou1"] {
            assert_eq!(
                check_new(common, &[]),
                Err(AppError::invalid("password", FieldProblem::TooCommon)),
                "{common}"
            );
        }
        assert_eq!(
            check_new("riverside2026", &["riverside"]),
            Err(AppError::invalid("password", FieldProblem::TooCommon))
        );
        assert_eq!(check_new("Blue kettle on the hill", &[]), Ok(()));
    }

    #[tokio::test]
    async fn hashes_with_argon2id_and_verifies() {
        let hash = super::hash("Blue kettle on the hill".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(
            verify("Blue kettle on the hill".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify("blue kettle on the hill".into(), Some(hash))
                .await
                .unwrap()
        );
        assert!(!verify("anything".into(), None).await.unwrap());
    }
}
