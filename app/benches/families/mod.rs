//! Family accounts for the benchmarks that read as a signed-in parent.

use app::db::entities::user_account;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

/// A signed-in account, without a password, for guardian `guardian` of `school`.
pub async fn family_account(
    db: &DatabaseConnection,
    school: i32,
    guardian: i32,
    email: &str,
) -> anyhow::Result<user_account::Model> {
    Ok(user_account::ActiveModel {
        school_id: Set(school),
        email: Set(email.into()),
        password_hash: Set(None),
        status: Set("active".into()),
        guardian_id: Set(Some(guardian)),
        staff_id: Set(None),
        selected_pupil_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}
