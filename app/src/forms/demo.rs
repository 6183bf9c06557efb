//! The demo school's forms, added when `schoolgate seed` creates the school: a trip consent
//! for Year 3, written in English with a Chinese translation (Arabic readers see the English
//! with the "not translated" note), closing ten days after it is seeded.

use super::definition::Texts;
use super::store::{self, NewForm};
use super::templates;
use crate::audience::Audience;
use crate::db::entities::year_group;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

fn texts(pairs: &[(&str, &str)]) -> Texts {
    pairs
        .iter()
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .collect()
}

/// Adds the demo forms to `school_id`; returns how many.
pub async fn seed<C: ConnectionTrait>(db: &C, school_id: i32) -> Result<usize, DbErr> {
    let Some(author) = crate::roster::demo::office_account(db).await? else {
        return Ok(0);
    };
    let Some(year_3) = year_group::Entity::find()
        .filter(year_group::Column::SchoolId.eq(school_id))
        .filter(year_group::Column::Name.eq("Year 3"))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let zone = crate::school::db::timezone(db, school_id).await?;
    let now = Utc::now();
    let definition = templates::trip_consent(
        texts(&[
            ("en-GB", "Year 3 trip to the Science Museum"),
            ("zh-CN", "三年级科学博物馆之旅"),
        ]),
        texts(&[
            (
                "en-GB",
                "Year 3 visit the Science Museum by coach next month, leaving at 9:00 and back by 15:15. Please send a packed lunch and a coat.",
            ),
            (
                "zh-CN",
                "三年级学生将于下个月乘大巴参观科学博物馆，9:00 出发，15:15 前返回。请为孩子准备午餐和外套。",
            ),
        ]),
    );
    let new = NewForm {
        template: templates::code::TRIP_CONSENT.to_string(),
        per_family: false,
        language: "en-GB".to_string(),
        definition,
        audience: Audience {
            year_groups: vec![year_3.id],
            ..Audience::default()
        },
        opens_at: now - Duration::minutes(1),
        closes_at: crate::dates::start_of_day(
            &zone,
            crate::dates::local_day(&zone, now) + Duration::days(10),
        ),
        consent_until: store::end_of_year(db, school_id, &zone).await?,
    };
    store::create(db, school_id, author, &new, now).await?;
    Ok(1)
}
