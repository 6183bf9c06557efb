//! The sign-in server function and its input checks.

use crate::error::{AppError, FieldProblem};
use leptos::prelude::*;

/// Longest email address SMTP allows.
const MAX_EMAIL_LEN: usize = 254;
/// Bound on hashing work for a password.
const MAX_PASSWORD_LEN: usize = 1024;

/// Checks the shape of the sign-in fields before any lookup.
pub fn validate_sign_in(email: &str, password: &str) -> Result<(), AppError> {
    let email = email.trim();
    if email.is_empty() {
        return Err(AppError::invalid("email", FieldProblem::Required));
    }
    if email.len() > MAX_EMAIL_LEN {
        return Err(AppError::invalid("email", FieldProblem::TooLong));
    }
    let looks_like_email = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
    });
    if !looks_like_email {
        return Err(AppError::invalid("email", FieldProblem::Email));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", FieldProblem::Required));
    }
    if password.len() > MAX_PASSWORD_LEN {
        return Err(AppError::invalid("password", FieldProblem::TooLong));
    }
    Ok(())
}

/// Signs a user in with email and password.
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    validate_sign_in(&email, &password)?;
    // No account table exists yet, so every well-formed attempt is answered like a wrong password.
    Err(AppError::InvalidCredentials)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_and_problem() {
        assert_eq!(
            validate_sign_in("", "x"),
            Err(AppError::invalid("email", FieldProblem::Required))
        );
        assert_eq!(
            validate_sign_in("parent.example.com", "x"),
            Err(AppError::invalid("email", FieldProblem::Email))
        );
        assert_eq!(
            validate_sign_in("a@b.", "x"),
            Err(AppError::invalid("email", FieldProblem::Email))
        );
        assert_eq!(
            validate_sign_in("a@b.org", ""),
            Err(AppError::invalid("password", FieldProblem::Required))
        );
        let long = "x".repeat(MAX_PASSWORD_LEN + 1);
        assert_eq!(
            validate_sign_in("a@b.org", &long),
            Err(AppError::invalid("password", FieldProblem::TooLong))
        );
        assert_eq!(validate_sign_in(" parent@example.com ", "pw"), Ok(()));
    }
}
