//! School queries and the demo school.

use super::dto::SchoolProfile;
use crate::db::entities::school;
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryOrder, Set,
};

/// The demo school's name, also printed by the run command.
pub const DEMO_SCHOOL_NAME: &str = "Riverside Primary School";

/// The profile of the school this portal serves.
pub async fn profile(db: &DatabaseConnection) -> Result<SchoolProfile, AppError> {
    let school = school::Entity::find()
        .order_by_asc(school::Column::Id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SchoolProfile {
        name: school.name,
        default_locale: school.default_locale,
    })
}

/// Creates the demo school unless a school exists already; says whether it created one.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<bool, DbErr> {
    if school::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    school::ActiveModel {
        name: Set(DEMO_SCHOOL_NAME.to_string()),
        default_locale: Set("en-GB".to_string()),
        timezone: Set("Europe/London".to_string()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(true)
}
