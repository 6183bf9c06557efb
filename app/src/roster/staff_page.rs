//! Staff accounts, run by the system admin: create an account (the new member of staff sets a
//! password with a one-time code), suspend or reactivate it, and issue password-reset codes.
//! The page is `roster::office_pages`; this is its server side. (A code becomes a new password
//! on `/reset`: `auth::reset`.)

use super::office::whole_school;
use super::office_dto::{AccountState, IssuedCode, NewStaff, StaffMember, StaffPage, staff_roles};
use crate::access::{Actor, Capability, CurrentActor, Role, status};
use crate::auth::codes::{self, CodeFor, purpose};
use crate::auth::session;
use crate::db::entities::{staff, staff_role, user_account};
use crate::error::{AppError, FieldProblem};
use crate::posted;
use crate::state::AppState;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use std::sync::Arc;

fn manager(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    whole_school(current, Capability::StaffManage)
}

/// The staff page's data: what a post to it came to, else every account and an empty form.
pub async fn page() -> Result<StaffPage, AppError> {
    if let Some(answer) = posted::page(|p: &StaffPage| p.problem.as_ref()) {
        return answer;
    }
    let actor = manager(&CurrentActor(Some(crate::access::current_actor()?)))?;
    let state = crate::state::app_state()?;
    Ok(StaffPage {
        members: members(&state, &actor).await?,
        new: NewStaff::default(),
        problem: None,
        issued: None,
    })
}

/// `POST /admin/staff`: `action` is `create` (with `name`, `email` and `role-…` boxes),
/// `suspend`, `activate` or `reset` (with `user`). A refused action comes back as a problem on
/// the page, the new-account form as typed.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    form: &HashMap<String, String>,
) -> Result<StaffPage, AppError> {
    let actor = manager(current)?;
    let action = form.get("action").map(String::as_str);
    let mut new = NewStaff::default();
    let done = match action {
        Some("create") => {
            new = NewStaff {
                name: form.get("name").cloned().unwrap_or_default(),
                email: form.get("email").cloned().unwrap_or_default(),
                roles: staff_roles()
                    .filter(|r| form.contains_key(&format!("role-{}", r.code())))
                    .collect(),
            };
            invite(state, &actor, &new).await.map(Some)
        }
        Some(action @ ("suspend" | "activate" | "reset")) => {
            let user = form
                .get("user")
                .and_then(|u| u.parse().ok())
                .ok_or(AppError::BadRequest)?;
            let account = staff_account(state, &actor, user).await?;
            if action == "reset" {
                issue_reset(state, &actor, account).await.map(Some)
            } else {
                set_status(state, &actor, account, action == "suspend")
                    .await
                    .map(|()| None)
            }
        }
        _ => return Err(AppError::BadRequest),
    };
    let (issued, problem) = match done {
        // A created account empties the form for the next one.
        Ok(issued) => {
            new = NewStaff::default();
            (issued, None)
        }
        Err(problem) => (None, Some(problem)),
    };
    Ok(StaffPage {
        members: members(state, &actor).await?,
        new,
        problem,
        issued,
    })
}

async fn members(state: &AppState, actor: &Actor) -> Result<Vec<StaffMember>, AppError> {
    let people = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(actor.school_id))
        .order_by_asc(staff::Column::Name)
        .all(&state.db)
        .await?;
    let ids: Vec<i32> = people.iter().map(|m| m.id).collect();
    let mut accounts: HashMap<i32, user_account::Model> = user_account::Entity::find()
        .filter(user_account::Column::StaffId.is_in(ids.clone()))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|a| a.staff_id.map(|s| (s, a)))
        .collect();
    let mut roles: HashMap<i32, Vec<Role>> = HashMap::new();
    for row in staff_role::Entity::find()
        .filter(staff_role::Column::StaffId.is_in(ids))
        .all(&state.db)
        .await?
    {
        if let Some(role) = Role::from_code(&row.role) {
            roles.entry(row.staff_id).or_default().push(role);
        }
    }
    Ok(people
        .into_iter()
        .filter_map(|member| {
            let account = accounts.remove(&member.id)?;
            Some(StaffMember {
                account: account.id,
                name: member.name,
                state: match account.status.as_str() {
                    status::ACTIVE => AccountState::Active,
                    status::SUSPENDED => AccountState::Suspended,
                    _ => AccountState::Invited,
                },
                email: account.email,
                roles: roles.remove(&member.id).unwrap_or_default(),
            })
        })
        .collect())
}

/// A new staff account, invited; its set-password code to hand over.
async fn invite(state: &AppState, actor: &Actor, new: &NewStaff) -> Result<IssuedCode, AppError> {
    let name = new.name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", FieldProblem::Required));
    }
    if new.roles.is_empty() {
        return Err(AppError::invalid("roles", FieldProblem::Required));
    }
    let email = crate::auth::validate_email(&new.email)?;
    let taken = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .one(&state.db)
        .await?
        .is_some();
    if taken {
        return Err(AppError::invalid("email", FieldProblem::Taken));
    }
    let txn = crate::db::write_transaction(&state.db).await?;
    let member = staff::ActiveModel {
        school_id: Set(actor.school_id),
        name: Set(name.to_string()),
        email: Set(email.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for role in &new.roles {
        staff_role::ActiveModel {
            staff_id: Set(member.id),
            role: Set(role.code().to_string()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let account = user_account::ActiveModel {
        school_id: Set(actor.school_id),
        email: Set(email.clone()),
        password_hash: Set(None),
        status: Set(status::INVITED.to_string()),
        guardian_id: Set(None),
        staff_id: Set(Some(member.id)),
        selected_pupil_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let code = codes::issue(&txn, reset_for(actor.school_id, account.id)).await?;
    txn.commit().await?;
    tracing::info!(
        by = actor.user_id,
        user = account.id,
        "staff account created"
    );
    Ok(issued(state, email, code))
}

fn reset_for(school_id: i32, user_id: i32) -> CodeFor {
    CodeFor {
        school_id,
        guardian_id: None,
        user_id: Some(user_id),
        purpose: purpose::PASSWORD_RESET,
    }
}

fn issued(state: &AppState, email: String, code: String) -> IssuedCode {
    IssuedCode {
        link: format!("{}/reset?code={code}", state.settings.public_url),
        email,
        code,
    }
}

/// The staff account `user` in the manager's school, or not found.
async fn staff_account(
    state: &AppState,
    actor: &Actor,
    user: i32,
) -> Result<user_account::Model, AppError> {
    user_account::Entity::find_by_id(user)
        .one(&state.db)
        .await?
        .filter(|a| a.school_id == actor.school_id && a.staff_id.is_some())
        .ok_or(AppError::NotFound)
}

/// Suspends (ending every session and the calendar feed address) or reactivates an account.
async fn set_status(
    state: &AppState,
    actor: &Actor,
    account: user_account::Model,
    suspend: bool,
) -> Result<(), AppError> {
    if account.id == actor.user_id {
        // Locking oneself out is never what was meant.
        return Err(AppError::Forbidden);
    }
    let new_status = if suspend {
        status::SUSPENDED
    } else if account.password_hash.is_some() {
        status::ACTIVE
    } else {
        status::INVITED
    };
    let id = account.id;
    let mut update = account.into_active_model();
    update.status = Set(new_status.to_string());
    update.update(&state.db).await?;
    if suspend {
        session::end_all(&state.db, id).await?;
        crate::calendar::feed::revoke(&state.db, id).await?;
    }
    tracing::info!(
        by = actor.user_id,
        user = id,
        status = new_status,
        "staff account status changed"
    );
    Ok(())
}

/// A password-reset code for an account (staff or, for the office, a guardian's).
async fn issue_reset(
    state: &AppState,
    actor: &Actor,
    account: user_account::Model,
) -> Result<IssuedCode, AppError> {
    let code = codes::issue(&state.db, reset_for(actor.school_id, account.id)).await?;
    tracing::info!(
        by = actor.user_id,
        user = account.id,
        guardian = account.guardian_id.is_some(),
        "password reset code issued"
    );
    Ok(issued(state, account.email, code))
}

/// A password-reset code for a guardian's account in the office's school.
pub async fn guardian_reset(
    state: &AppState,
    actor: &Actor,
    email: &str,
) -> Result<IssuedCode, AppError> {
    let email = crate::auth::validate_email(email)?;
    let account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .one(&state.db)
        .await?
        .filter(|a| a.school_id == actor.school_id && a.guardian_id.is_some())
        .ok_or(AppError::NotFound)?;
    issue_reset(state, actor, account).await
}
