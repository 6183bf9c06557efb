//! Signing in and out.

use crate::error::{AppError, FieldProblem};
use leptos::prelude::*;

/// Longest email address SMTP allows.
const MAX_EMAIL_LEN: usize = 254;
/// Bound on hashing work for a password.
const MAX_PASSWORD_LEN: usize = 1024;

/// Checks an email address's shape; returns it trimmed and lower-cased.
pub fn validate_email(email: &str) -> Result<String, AppError> {
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
    Ok(email.to_lowercase())
}

/// Checks the shape of the sign-in fields before any lookup.
pub fn validate_sign_in(email: &str, password: &str) -> Result<String, AppError> {
    let email = validate_email(email)?;
    if password.is_empty() {
        return Err(AppError::invalid("password", FieldProblem::Required));
    }
    if password.len() > MAX_PASSWORD_LEN {
        return Err(AppError::invalid("password", FieldProblem::TooLong));
    }
    Ok(email)
}

/// Signs a user in with email and password, then sends them home.
#[server(endpoint = "auth/sign-in", output = crate::codec::Answer)]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::error::respond(server::sign_in(email, password).await)
}

/// Ends this browser's session and sends the user home.
#[server(endpoint = "auth/sign-out", output = crate::codec::Answer)]
pub async fn sign_out() -> Result<(), AppError> {
    crate::error::respond(server::sign_out().await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::validate_sign_in;
    use crate::access::status;
    use crate::auth::{password, request, session, throttle};
    use crate::db::entities::user_account;
    use crate::error::AppError;
    use crate::state::app_state;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
        let email = validate_sign_in(&email, &password)?;
        let state = app_state()?;
        let parts = request::parts()?;
        let address = request::client_address(&parts);
        if throttle::is_held(&state.db, &email, &address).await? {
            return Err(AppError::RateLimited);
        }
        let account = user_account::Entity::find()
            .filter(user_account::Column::Email.eq(email.as_str()))
            .one(&state.db)
            .await?;
        let stored = account.as_ref().and_then(|a| a.password_hash.clone());
        let matches = password::verify(password, stored).await?;
        let account = account.filter(|a| matches && a.status == status::ACTIVE);
        let Some(account) = account else {
            throttle::record_failure(&state.db, &email, &address).await?;
            return Err(AppError::InvalidCredentials);
        };
        throttle::clear(&state.db, &email).await?;
        // A fresh id at every sign-in: a cookie planted before sign-in is never promoted.
        if let Some(old) = request::session_id(&parts) {
            session::end(&state.db, &old).await?;
        }
        let token = session::start(&state.db, account.id).await?;
        if let Some(cookie) = session::cookie(&token, state.settings.secure_cookies) {
            request::set_cookie(cookie);
        }
        leptos_axum::redirect("/");
        Ok(())
    }

    pub async fn sign_out() -> Result<(), AppError> {
        let state = app_state()?;
        let parts = request::parts()?;
        if let Some(id) = request::session_id(&parts) {
            session::end(&state.db, &id).await?;
        }
        request::set_cookie(session::clearing_cookie(state.settings.secure_cookies));
        leptos_axum::redirect("/");
        Ok(())
    }
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
        assert_eq!(
            validate_sign_in(" Parent@Example.com ", "pw"),
            Ok("parent@example.com".to_string())
        );
    }
}
