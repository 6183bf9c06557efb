//! Staff accounts, run by the system admin: create an account (the new member of staff sets a
//! password with a one-time code), suspend or reactivate it, and issue password-reset codes.
//! Also the public `/reset` page where a code becomes a new password. Server-rendered documents.

use super::documents::{Head, error_page, whole_school};
use crate::access::{Actor, Capability, CurrentActor, Role, status};
use crate::auth::codes::{self, CodeFor, purpose};
use crate::auth::{password, session};
use crate::db::entities::{access_code, staff, staff_role, user_account};
use crate::error::{AppError, CodeProblem, FieldProblem};
use crate::i18n::Locale;
use crate::msg;
use crate::state::AppState;
use axum::extract::{Extension, Form, State};
use axum::response::Response;
use chrono::Utc;
use leptos::prelude::*;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::collections::HashMap;
use std::sync::Arc;

/// Roles a system admin may give, with the message naming each.
const STAFF_ROLES: [Role; 6] = [
    Role::Teacher,
    Role::TeachingAssistant,
    Role::OfficeAdmin,
    Role::Leadership,
    Role::SafeguardingLead,
    Role::SystemAdmin,
];

fn role_name(locale: Locale, role: Role) -> String {
    match role {
        Role::Guardian => msg!(locale, "role-guardian"),
        Role::Teacher => msg!(locale, "role-teacher"),
        Role::TeachingAssistant => msg!(locale, "role-teaching-assistant"),
        Role::OfficeAdmin => msg!(locale, "role-office-admin"),
        Role::Leadership => msg!(locale, "role-leadership"),
        Role::SafeguardingLead => msg!(locale, "role-safeguarding-lead"),
        Role::SystemAdmin => msg!(locale, "role-system-admin"),
    }
}

fn manager(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    whole_school(current, Capability::StaffManage)
}

/// A staff-accounts document: the title, then `body`.
fn document(state: &AppState, locale: Locale, title: String, body: impl IntoView) -> Response {
    let head = Head {
        css: &state.assets.css,
        refresh_seconds: None,
    };
    let main = view! { <main class="letters-admin"><h1>{title.clone()}</h1>{body}</main> };
    super::documents::document(locale, title, head, main)
}

fn locale_of(headers: &http::HeaderMap) -> Locale {
    crate::i18n::negotiate::locale_for_request(headers)
}

/// `GET /admin/staff`: every staff account with its roles and state, and the new-account form.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = locale_of(&headers);
    let actor = match manager(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    match render_list(&state, &actor, locale).await {
        Ok(body) => document(&state, locale, msg!(locale, "staff-title"), body),
        Err(err) => error_page(err, locale),
    }
}

async fn render_list(state: &AppState, actor: &Actor, locale: Locale) -> Result<AnyView, AppError> {
    let members = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(actor.school_id))
        .order_by_asc(staff::Column::Name)
        .all(&state.db)
        .await?;
    let ids: Vec<i32> = members.iter().map(|m| m.id).collect();
    let accounts: HashMap<i32, user_account::Model> = user_account::Entity::find()
        .filter(user_account::Column::StaffId.is_in(ids.clone()))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|a| a.staff_id.map(|s| (s, a)))
        .collect();
    let mut roles: HashMap<i32, Vec<String>> = HashMap::new();
    for row in staff_role::Entity::find()
        .filter(staff_role::Column::StaffId.is_in(ids))
        .all(&state.db)
        .await?
    {
        if let Some(role) = Role::from_code(&row.role) {
            roles
                .entry(row.staff_id)
                .or_default()
                .push(role_name(locale, role));
        }
    }
    let rows = members
        .iter()
        .filter_map(|member| {
            let account = accounts.get(&member.id)?;
            let state_label = match account.status.as_str() {
                status::ACTIVE => msg!(locale, "staff-status-active"),
                status::SUSPENDED => msg!(locale, "staff-status-suspended"),
                _ => msg!(locale, "staff-status-invited"),
            };
            let (action, label) = if account.status == status::SUSPENDED {
                ("activate", msg!(locale, "staff-reactivate"))
            } else {
                ("suspend", msg!(locale, "staff-suspend"))
            };
            let role_names = roles
                .get(&member.id)
                .map(|r| r.join(", "))
                .unwrap_or_default();
            Some(view! {
                <tr>
                    <td>{member.name.clone()}<br/><small>{account.email.clone()}</small></td>
                    <td>{role_names}</td>
                    <td>{state_label}</td>
                    <td>
                        <form method="post" action="/admin/staff/status">
                            <input type="hidden" name="user" value=account.id/>
                            <input type="hidden" name="action" value=action/>
                            <button class="button button--secondary" type="submit">{label}</button>
                        </form>
                        <form method="post" action="/admin/staff/reset">
                            <input type="hidden" name="user" value=account.id/>
                            <button class="button button--secondary" type="submit">{msg!(locale, "staff-reset")}</button>
                        </form>
                    </td>
                </tr>
            })
        })
        .collect_view();
    let checkboxes = STAFF_ROLES
        .into_iter()
        .map(|role| {
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("role-{}", role.code()) value="on"/>
                    " "{role_name(locale, role)}
                </label>
            }
        })
        .collect_view();
    Ok(view! {
        <h2>{msg!(locale, "staff-new")}</h2>
        <form method="post" action="/admin/staff/create">
            <div class="field">
                <label for="staff-name">{msg!(locale, "staff-name")}</label>
                <input id="staff-name" name="name" required/>
            </div>
            <div class="field">
                <label for="staff-email">{msg!(locale, "sign-in-email")}</label>
                <input id="staff-email" name="email" type="email" required/>
            </div>
            <fieldset><legend>{msg!(locale, "staff-roles")}</legend>{checkboxes}</fieldset>
            <p><button class="button" type="submit">{msg!(locale, "staff-create")}</button></p>
        </form>
        <div class="table-scroll">
            <table class="roster-problems">
                <thead><tr>
                    <th scope="col">{msg!(locale, "staff-name")}</th>
                    <th scope="col">{msg!(locale, "staff-roles")}</th>
                    <th scope="col">{msg!(locale, "staff-state")}</th>
                    <th scope="col">{msg!(locale, "staff-actions")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any())
}

/// `POST /admin/staff/create`: a new staff account, invited; answers with its set-password code.
pub async fn create(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let locale = locale_of(&headers);
    let actor = match manager(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let roles: Vec<Role> = STAFF_ROLES
        .into_iter()
        .filter(|r| form.contains_key(&format!("role-{}", r.code())))
        .collect();
    let name = form
        .get("name")
        .map(|n| n.trim().to_string())
        .unwrap_or_default();
    let email = form.get("email").cloned().unwrap_or_default();
    let result = invite(&state, &actor, &name, &email, &roles).await;
    match result {
        Ok((_, code)) => code_page(&state, locale, &email, &code),
        Err(err) => error_page(err, locale),
    }
}

async fn invite(
    state: &AppState,
    actor: &Actor,
    name: &str,
    email: &str,
    roles: &[Role],
) -> Result<(i32, String), AppError> {
    if name.is_empty() {
        return Err(AppError::invalid("name", FieldProblem::Required));
    }
    if roles.is_empty() {
        return Err(AppError::invalid("roles", FieldProblem::Required));
    }
    let email = crate::auth::validate_email(email)?;
    let taken = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .one(&state.db)
        .await?
        .is_some();
    if taken {
        return Err(AppError::invalid("email", FieldProblem::Taken));
    }
    let txn = state.db.begin().await?;
    let member = staff::ActiveModel {
        school_id: Set(actor.school_id),
        name: Set(name.to_string()),
        email: Set(email.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for role in roles {
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
        email: Set(email),
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
    Ok((account.id, code))
}

fn reset_for(school_id: i32, user_id: i32) -> CodeFor {
    CodeFor {
        school_id,
        guardian_id: None,
        user_id: Some(user_id),
        purpose: purpose::PASSWORD_RESET,
    }
}

fn code_page(state: &AppState, locale: Locale, email: &str, code: &str) -> Response {
    let link = format!("{}/reset?code={code}", state.settings.public_url);
    let body = view! {
        <p>{msg!(locale, "staff-code-intro", email = email)}</p>
        <p class="letter__code">{code.to_string()}</p>
        <p class="letter__link">{link}</p>
        <p><a href="/admin/staff">{msg!(locale, "staff-back")}</a></p>
    };
    document(state, locale, msg!(locale, "staff-code-title"), body)
}

/// Which account a staff action is about.
#[derive(serde::Deserialize)]
pub struct AccountForm {
    /// The account.
    pub user: i32,
    /// `suspend` or `activate` (status changes only).
    #[serde(default)]
    pub action: String,
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

/// `POST /admin/staff/status`: suspends (ending every session) or reactivates an account.
pub async fn set_status(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<AccountForm>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let actor = manager(&current)?;
        let account = staff_account(&state, &actor, form.user).await?;
        if account.id == actor.user_id {
            // Locking oneself out is never what was meant.
            return Err(AppError::Forbidden);
        }
        let new_status = match form.action.as_str() {
            "suspend" => status::SUSPENDED,
            "activate" if account.password_hash.is_some() => status::ACTIVE,
            "activate" => status::INVITED,
            _ => return Err(AppError::invalid("action", FieldProblem::Required)),
        };
        let id = account.id;
        let mut update = account.into_active_model();
        update.status = Set(new_status.to_string());
        update.update(&state.db).await?;
        if new_status == status::SUSPENDED {
            session::end_all(&state.db, id).await?;
        }
        tracing::info!(
            by = actor.user_id,
            user = id,
            status = new_status,
            "staff account status changed"
        );
        Ok(actor)
    }
    .await;
    match result {
        Ok(actor) => match render_list(&state, &actor, locale).await {
            Ok(body) => document(&state, locale, msg!(locale, "staff-title"), body),
            Err(err) => error_page(err, locale),
        },
        Err(err) => error_page(err, locale),
    }
}

/// `POST /admin/staff/reset`: issues a password-reset code for a staff account.
pub async fn issue_reset(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<AccountForm>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let actor = manager(&current)?;
        let account = staff_account(&state, &actor, form.user).await?;
        let code = codes::issue(&state.db, reset_for(actor.school_id, account.id)).await?;
        tracing::info!(
            by = actor.user_id,
            user = account.id,
            "password reset code issued"
        );
        Ok::<_, AppError>((account, code))
    }
    .await;
    match result {
        Ok((account, code)) => code_page(&state, locale, &account.email, &code),
        Err(err) => error_page(err, locale),
    }
}

fn reset_form(locale: Locale, code: &str, error: Option<String>) -> impl IntoView + use<> {
    view! {
        <p>{msg!(locale, "reset-intro")}</p>
        {error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        <form method="post" action="/reset">
            <div class="field">
                <label for="reset-code">{msg!(locale, "join-code")}</label>
                <input id="reset-code" name="code" value=code.to_string() autocomplete="one-time-code" required/>
            </div>
            <div class="field">
                <label for="reset-password">{msg!(locale, "join-password")}</label>
                <input id="reset-password" name="password" type="password" autocomplete="new-password" minlength="8" required/>
                <p class="field__hint">{msg!(locale, "join-password-hint")}</p>
            </div>
            <button class="button" type="submit">{msg!(locale, "reset-submit")}</button>
        </form>
    }
}

/// The `?code=` of the reset link.
#[derive(serde::Deserialize)]
pub struct ResetQuery {
    /// The code, pre-filled.
    #[serde(default)]
    pub code: String,
}

/// `GET /reset`: the set-a-new-password form.
pub async fn reset_page(
    State(state): State<AppState>,
    headers: http::HeaderMap,
    axum::extract::Query(query): axum::extract::Query<ResetQuery>,
) -> Response {
    let locale = locale_of(&headers);
    document(
        &state,
        locale,
        msg!(locale, "reset-title"),
        reset_form(locale, &query.code, None),
    )
}

/// The reset form's fields.
#[derive(serde::Deserialize)]
pub struct ResetForm {
    /// The one-time code.
    pub code: String,
    /// The new password.
    pub password: String,
}

/// `POST /reset`: a valid code sets the password, activates the account and ends its sessions.
pub async fn reset(
    State(state): State<AppState>,
    headers: http::HeaderMap,
    Form(form): Form<ResetForm>,
) -> Response {
    let locale = locale_of(&headers);
    match redeem_reset(&state, &form.code, &form.password).await {
        Ok(()) => {
            let body = view! {
                <p role="status">{msg!(locale, "reset-done")}</p>
                <p><a class="button" href="/sign-in">{msg!(locale, "sign-in-link")}</a></p>
            };
            document(&state, locale, msg!(locale, "reset-title"), body)
        }
        Err(err) => {
            // The form comes back with the code as typed; the password is never echoed.
            let message = err.message(locale);
            let body = reset_form(locale, &form.code, Some(message));
            let mut response = document(&state, locale, msg!(locale, "reset-title"), body);
            *response.status_mut() = err.status();
            response
        }
    }
}

async fn redeem_reset(state: &AppState, code: &str, new_password: &str) -> Result<(), AppError> {
    let found = access_code::Entity::find()
        .filter(access_code::Column::CodeHash.eq(codes::hash(code)))
        .filter(access_code::Column::Purpose.eq(purpose::PASSWORD_RESET))
        .one(&state.db)
        .await?
        .ok_or(AppError::AccessCode(CodeProblem::Unknown))?;
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
    password::check_new(new_password, &[account.email.as_str()])?;
    let hash = password::hash(new_password.to_string()).await?;
    let txn = state.db.begin().await?;
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
    Ok(())
}

/// The guardian whose password the office resets.
#[derive(serde::Deserialize)]
pub struct GuardianResetForm {
    /// The guardian's sign-in email.
    pub email: String,
}

/// `POST /admin/letters/reset`: the office issues a password-reset code for a guardian's
/// account in its school (a parent who forgot their password, checked in person).
pub async fn guardian_reset(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<GuardianResetForm>,
) -> Response {
    let locale = locale_of(&headers);
    let result = async {
        let actor = whole_school(&current, Capability::AccessCodesIssue)?;
        let email = crate::auth::validate_email(&form.email)?;
        let account = user_account::Entity::find()
            .filter(user_account::Column::Email.eq(email.as_str()))
            .one(&state.db)
            .await?
            .filter(|a| a.school_id == actor.school_id && a.guardian_id.is_some())
            .ok_or(AppError::NotFound)?;
        let code = codes::issue(&state.db, reset_for(actor.school_id, account.id)).await?;
        tracing::info!(
            by = actor.user_id,
            user = account.id,
            "guardian password reset code issued"
        );
        Ok::<_, AppError>((account, code))
    }
    .await;
    match result {
        Ok((account, code)) => code_page(&state, locale, &account.email, &code),
        Err(err) => error_page(err, locale),
    }
}
