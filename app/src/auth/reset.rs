//! `/reset`: a one-time code from the office or the system admin becomes a new password.

use crate::error::AppError;
use leptos::prelude::*;

/// Redeems a password-reset code: sets the password, activates the account, ends its sessions
/// and sends the holder to sign in.
#[server(endpoint = "auth/reset", output = crate::codec::Answer)]
pub async fn reset_password(code: String, password: String) -> Result<(), AppError> {
    crate::error::respond(server::reset(code, password).await)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::access::status;
    use crate::auth::codes::{self, purpose};
    use crate::auth::{password, request, session};
    use crate::db::entities::user_account;
    use crate::error::{AppError, CodeProblem, FieldProblem};
    use crate::state::app_state;
    use chrono::Utc;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

    /// Longest code input read; real codes are 14 characters.
    const MAX_CODE_INPUT: usize = 64;

    pub async fn reset(code: String, new_password: String) -> Result<(), AppError> {
        if code.trim().is_empty() {
            return Err(AppError::invalid("code", FieldProblem::Required));
        }
        if code.len() > MAX_CODE_INPUT {
            return Err(AppError::AccessCode(CodeProblem::Unknown));
        }
        let state = app_state()?;
        let parts = request::parts()?;
        let address = request::client_address(&parts);
        let found =
            codes::find_guarded(&state.db, &address, &code, purpose::PASSWORD_RESET).await?;
        if found.used_at.is_some() {
            return Err(AppError::AccessCode(CodeProblem::Used));
        }
        if found.expires_at <= Utc::now() {
            return Err(AppError::AccessCode(CodeProblem::Expired));
        }
        let user_id = found
            .user_id
            .ok_or(AppError::AccessCode(CodeProblem::Unknown))?;
        let account = user_account::Entity::find_by_id(user_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::AccessCode(CodeProblem::Unknown))?;
        if account.status == status::SUSPENDED {
            return Err(AppError::AccessCode(CodeProblem::Locked));
        }
        password::check_new(&new_password, &[account.email.as_str()])?;
        let hash = password::hash(new_password).await?;
        let txn = crate::db::write_transaction(&state.db).await?;
        let mut used = found.into_active_model();
        used.used_at = Set(Some(Utc::now()));
        used.update(&txn).await?;
        let mut update = account.into_active_model();
        update.password_hash = Set(Some(hash));
        update.status = Set(status::ACTIVE.to_string());
        update.update(&txn).await?;
        session::end_all(&txn, user_id).await?;
        txn.commit().await?;
        tracing::info!(user = user_id, "password reset with a code");
        leptos_axum::redirect("/sign-in?reset=done");
        Ok(())
    }
}
