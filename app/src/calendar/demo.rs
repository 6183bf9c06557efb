//! The demo school's calendar, added when `schoolgate seed` creates the school: term dates, an
//! INSET day, a parents' evening, a Year 4 assembly, a 3A trip in three languages and a staff
//! meeting, all in the weeks after the day it is seeded.

use super::EventCategory;
use super::store::{self, NewEvent};
use crate::audience::Audience;
use crate::db::entities::year_group;
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

/// Adds the demo events to `school_id`; returns how many.
pub async fn seed(db: &DatabaseConnection, school_id: i32) -> Result<usize, DbErr> {
    let author = crate::roster::demo::office_account(db).await?;
    let class_3a = crate::roster::demo::class_id(db, school_id, "3A").await?;
    let year_4 = year_group::Entity::find()
        .filter(year_group::Column::SchoolId.eq(school_id))
        .filter(year_group::Column::Name.eq("Year 4"))
        .one(db)
        .await?
        .map(|y| y.id);
    let zone = crate::school::db::timezone(db, school_id).await?;
    let now = Utc::now();
    let today = crate::dates::local_day(&zone, now);
    let day = |ahead: i64| today + Duration::days(ahead);
    let at = |d: NaiveDate, hour: u32, minute: u32| {
        crate::dates::start_of_day(&zone, d)
            + Duration::hours(i64::from(hour))
            + Duration::minutes(i64::from(minute))
    };
    let whole_school = Audience::school();
    let event = |title: &str, category, audience: Audience, location: &str| NewEvent {
        category,
        audience,
        language: "en-GB".into(),
        title: title.into(),
        description_source: String::new(),
        location: location.into(),
        all_day: false,
        starts_at: now,
        ends_at: now,
        repeat: None,
        last_ends_at: now,
        public: false,
        short_notice: false,
    };
    let mut events = Vec::new();
    let mut inset = event(
        "INSET day: school closed to pupils",
        EventCategory::Inset,
        whole_school.clone(),
        "",
    );
    inset.all_day = true;
    inset.public = true;
    inset.description_source =
        "Staff training. Breakfast club and after-school clubs do not run.".into();
    (inset.starts_at, inset.ends_at) = (at(day(4), 0, 0), at(day(5), 0, 0));
    events.push((inset, Vec::new()));

    let mut evening = event(
        "Parents' evening",
        EventCategory::ParentsEvening,
        whole_school.clone(),
        "School hall",
    );
    evening.description_source =
        "Ten minutes with your child's teacher. Book a time at the office.".into();
    (evening.starts_at, evening.ends_at) = (at(day(10), 16, 0), at(day(10), 19, 0));
    events.push((evening, Vec::new()));

    let mut holiday = event("Winter holiday", EventCategory::TermDates, whole_school, "");
    holiday.all_day = true;
    holiday.public = true;
    (holiday.starts_at, holiday.ends_at) = (at(day(25), 0, 0), at(day(39), 0, 0));
    events.push((holiday, Vec::new()));

    let mut staff = event(
        "Staff meeting",
        EventCategory::Other,
        Audience {
            staff_only: true,
            ..Audience::default()
        },
        "Staff room",
    );
    (staff.starts_at, staff.ends_at) = (at(day(2), 15, 30), at(day(2), 17, 0));
    events.push((staff, Vec::new()));

    if let Some(year_4) = year_4 {
        let mut assembly = event(
            "Year 4 class assembly",
            EventCategory::Community,
            Audience {
                year_groups: vec![year_4],
                ..Audience::default()
            },
            "School hall",
        );
        (assembly.starts_at, assembly.ends_at) = (at(day(3), 9, 0), at(day(3), 9, 30));
        events.push((assembly, Vec::new()));
    }
    if let Some(class_3a) = class_3a {
        let mut trip = event(
            "Class 3A trip to the Science Museum",
            EventCategory::Trip,
            Audience {
                classes: vec![class_3a],
                ..Audience::default()
            },
            "Science Museum, Exhibition Road, London",
        );
        trip.description_source =
            "Please send a **packed lunch** and a waterproof coat. Back by 15:15.".into();
        (trip.starts_at, trip.ends_at) = (at(day(21), 9, 0), at(day(21), 15, 15));
        let translations = vec![
            (
                "zh-CN",
                "3A班科学博物馆之旅",
                "请为孩子准备**午餐**和一件防水外套。15:15 前返回。",
            ),
            (
                "ar",
                "رحلة الصف 3A إلى متحف العلوم",
                "يرجى إرسال **وجبة غداء** ومعطف واقٍ من المطر. العودة قبل 15:15.",
            ),
        ];
        events.push((trip, translations));
    }
    for (new, translations) in &mut events {
        new.last_ends_at = new.ends_at;
        let saved = store::create(db, school_id, author, new, now).await?;
        for (language, title, description) in translations {
            store::translate(db, &saved, language, title, description, now).await?;
        }
    }
    Ok(events.len())
}
