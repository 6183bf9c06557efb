//! Account administration: creating staff accounts and suspending accounts, and the names of
//! the staff behind accounts.

use crate::access::{Role, status};
use crate::auth::session;
use crate::db::entities::{staff, user_account};
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};
use std::collections::HashMap;

/// The names of the members of staff behind accounts `ids`, by account; accounts that are not
/// staff's are left out.
pub async fn staff_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let staff_of: HashMap<i32, i32> = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.staff_id.map(|s| (s, a.id)))
        .collect();
    Ok(staff::Entity::find()
        .filter(staff::Column::Id.is_in(staff_of.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| staff_of.get(&s.id).map(|account| (*account, s.name)))
        .collect())
}

/// Suspends the account with `email` and ends all its sessions and its calendar feed address;
/// returns how many sessions ended.
pub async fn suspend_by_email<C: ConnectionTrait>(db: &C, email: &str) -> Result<u64, DbErr> {
    let Some(account) = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.to_lowercase()))
        .one(db)
        .await?
    else {
        return Err(DbErr::RecordNotFound(email.to_string()));
    };
    let id = account.id;
    let mut account = account.into_active_model();
    account.status = Set(status::SUSPENDED.to_string());
    account.update(db).await?;
    crate::calendar::feed::revoke(db, id).await?;
    session::end_all(db, id).await
}

/// Creates a member of staff with an active account (the first admin, from the command line).
pub async fn create_staff_account(
    db: &sea_orm::DatabaseConnection,
    school_id: i32,
    name: &str,
    email: &str,
    roles: &[Role],
    password: &str,
) -> Result<i32, AppError> {
    let email = crate::auth::validate_email(email)?;
    crate::auth::password::check_new(password, &[email.as_str(), name])?;
    let taken = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .is_some();
    if taken {
        return Err(AppError::invalid(
            "email",
            crate::error::FieldProblem::Taken,
        ));
    }
    let hash = crate::auth::password::hash(password.to_string()).await?;
    let txn = crate::db::write_transaction(db).await?;
    let id =
        crate::roster::demo::add_staff_member(&txn, school_id, &hash, name, &email, roles).await?;
    txn.commit().await?;
    Ok(id)
}
