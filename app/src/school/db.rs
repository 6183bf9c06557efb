//! School queries and the demo school.

use super::dto::SchoolProfile;
use crate::db::entities::school;
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryOrder, Set,
};

/// The demo school's name, also printed by the run command.
pub const DEMO_SCHOOL_NAME: &str = "Riverside Primary School";

/// The first school: the one a single-school installation serves.
pub async fn first_school(db: &DatabaseConnection) -> Result<Option<school::Model>, DbErr> {
    school::Entity::find()
        .order_by_asc(school::Column::Id)
        .one(db)
        .await
}

/// The profile of the school this portal serves.
pub async fn profile(db: &DatabaseConnection) -> Result<SchoolProfile, AppError> {
    let school = first_school(db).await?.ok_or(AppError::NotFound)?;
    Ok(SchoolProfile {
        short_name: super::short_name(&school.name),
        name: school.name,
        default_locale: school.default_locale,
    })
}

/// A school's IANA time zone (UTC for a school that is not there), for dates and times.
pub async fn timezone<C: sea_orm::ConnectionTrait>(
    db: &C,
    school_id: i32,
) -> Result<String, DbErr> {
    Ok(school::Entity::find_by_id(school_id)
        .one(db)
        .await?
        .map(|s| s.timezone)
        .unwrap_or_else(|| "UTC".to_string()))
}

/// Creates a school with default settings; returns its id.
pub async fn create_school<C: sea_orm::ConnectionTrait>(db: &C, name: &str) -> Result<i32, DbErr> {
    let created = school::ActiveModel {
        name: Set(name.to_string()),
        default_locale: Set("en-GB".to_string()),
        timezone: Set("Europe/London".to_string()),
        staff_hours_start: Set("08:30".to_string()),
        staff_hours_end: Set("16:00".to_string()),
        notice_period_days: Set(crate::calendar::notice_period::DEFAULT_DAYS),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(created.id)
}

/// Creates the demo school with its roster unless a school exists already, in one transaction;
/// says whether it created one. Either way the demo sign-up codes are made valid again.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<bool, AppError> {
    use crate::roster::demo;
    if school::Entity::find().count(db).await? > 0 {
        if let Some(existing) = first_school(db).await? {
            demo::refresh_codes(db, existing.id).await?;
        }
        return Ok(false);
    }
    let hash = crate::auth::password::hash(demo::DEMO_PASSWORD.to_string()).await?;
    let txn = crate::db::write_transaction(db).await?;
    let created = create_school(&txn, DEMO_SCHOOL_NAME).await?;
    demo::populate(&txn, created, hash).await?;
    demo::refresh_codes(&txn, created).await?;
    txn.commit().await?;
    Ok(true)
}
