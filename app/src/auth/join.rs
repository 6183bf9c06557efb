//! A new parent joins with the one-time code from their letter.

use crate::error::AppError;
use leptos::prelude::*;

/// Redeems a sign-up code: checks it and a child's date of birth, creates the guardian's
/// account linked to all of their children, signs them in and sends them home.
#[server(endpoint = "auth/join", output = crate::codec::Answer)]
pub async fn join(
    code: String,
    birth_date: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    crate::error::respond(server::join(code, birth_date, email, password).await)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::access::status;
    use crate::auth::codes::{self, MAX_BIRTH_DATE_ATTEMPTS, purpose};
    use crate::auth::{password, request, session, validate_email};
    use crate::db::entities::{guardian, guardian_pupil, pupil, user_account};
    use crate::error::{AppError, CodeProblem, FieldProblem};
    use crate::state::app_state;
    use chrono::{NaiveDate, Utc};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

    /// Longest code input read; real codes are 14 characters.
    const MAX_CODE_INPUT: usize = 64;

    pub async fn join(
        code: String,
        birth_date: String,
        email: String,
        new_password: String,
    ) -> Result<(), AppError> {
        if code.trim().is_empty() {
            return Err(AppError::invalid("code", FieldProblem::Required));
        }
        if code.len() > MAX_CODE_INPUT {
            return Err(AppError::AccessCode(CodeProblem::Unknown));
        }
        let birth_date = parse_date(&birth_date)?;
        let email = validate_email(&email)?;
        password::check_new(&new_password, &[email.as_str()])?;

        let state = app_state()?;
        let parts = request::parts()?;
        let address = request::client_address(&parts);
        let found = codes::find_guarded(&state.db, &address, &code, purpose::SIGN_UP).await?;
        let Some(guardian_id) = found.guardian_id else {
            return Err(AppError::AccessCode(CodeProblem::Unknown));
        };
        if found.used_at.is_some() {
            return Err(AppError::AccessCode(CodeProblem::Used));
        }
        if found.failed_attempts >= MAX_BIRTH_DATE_ATTEMPTS {
            return Err(AppError::AccessCode(CodeProblem::Locked));
        }
        if found.expires_at <= Utc::now() {
            return Err(AppError::AccessCode(CodeProblem::Expired));
        }

        let children: Vec<i32> = guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::GuardianId.eq(guardian_id))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|link| link.pupil_id)
            .collect();
        let birth_date_matches = pupil::Entity::find()
            .filter(pupil::Column::Id.is_in(children))
            .filter(pupil::Column::DateOfBirth.eq(birth_date))
            .one(&state.db)
            .await?
            .is_some();
        if !birth_date_matches {
            let attempts = found.failed_attempts + 1;
            let mut update = found.into_active_model();
            update.failed_attempts = Set(attempts);
            update.update(&state.db).await?;
            return Err(AppError::AccessCode(
                if attempts >= MAX_BIRTH_DATE_ATTEMPTS {
                    CodeProblem::Locked
                } else {
                    CodeProblem::WrongDateOfBirth {
                        remaining: (MAX_BIRTH_DATE_ATTEMPTS - attempts) as u8,
                    }
                },
            ));
        }

        let email_taken = user_account::Entity::find()
            .filter(user_account::Column::Email.eq(email.as_str()))
            .one(&state.db)
            .await?
            .is_some();
        if email_taken {
            return Err(AppError::invalid("email", FieldProblem::Taken));
        }
        let hash = password::hash(new_password).await?;
        let locale = crate::i18n::negotiate::locale_for_request(&parts.headers);

        let txn = crate::db::write_transaction(&state.db).await?;
        let already = user_account::Entity::find()
            .filter(user_account::Column::GuardianId.eq(guardian_id))
            .one(&txn)
            .await?;
        if already.is_some() {
            return Err(AppError::AccessCode(CodeProblem::Used));
        }
        let account = user_account::ActiveModel {
            school_id: Set(found.school_id),
            email: Set(email),
            password_hash: Set(Some(hash)),
            status: Set(status::ACTIVE.to_string()),
            guardian_id: Set(Some(guardian_id)),
            staff_id: Set(None),
            selected_pupil_id: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut used = found.into_active_model();
        used.used_at = Set(Some(Utc::now()));
        used.user_id = Set(Some(account.id));
        used.update(&txn).await?;
        // The language the parent joined in is the one letters and emails will use.
        if let Some(g) = guardian::Entity::find_by_id(guardian_id).one(&txn).await? {
            let mut g = g.into_active_model();
            g.preferred_locale = Set(locale.tag().to_string());
            g.update(&txn).await?;
        }
        if let Some(old) = request::session_id(&parts) {
            session::end(&txn, &old).await?;
        }
        let token = session::start(&txn, account.id).await?;
        txn.commit().await?;

        if let Some(cookie) = session::cookie(&token, state.settings.secure_cookies) {
            request::set_cookie(cookie);
        }
        leptos_axum::redirect("/");
        Ok(())
    }

    fn parse_date(value: &str) -> Result<NaiveDate, AppError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(AppError::invalid("birth_date", FieldProblem::Required));
        }
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| AppError::invalid("birth_date", FieldProblem::Date))
    }
}
