//! Year end on the newsfeed: a class story stays with the academic year it was posted in. Last
//! year's 2A story is still read by the family whose child was in 2A, labelled with its year;
//! a family whose child was not in 2A never sees it, though both children are in 3A now; and
//! this year's 3A story starts empty of it. Runs on SQLite and PostgreSQL.

use crate::calendar_editor::class_id;
use crate::news::pupils_of_3a;
use crate::news_comments::family_account;
use crate::support::{Harness, body_text, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{academic_year, class, enrolment, news_post, user_account};
use app::roster::demo;
use chrono::NaiveDate;
use http::header;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

async fn feed(h: &Harness, cookie: &str) -> String {
    body_text(h.get("/news", &[(header::COOKIE, cookie)]).await).await
}

async fn archived(h: Harness) {
    let class_3a = class_id(&h, "3A").await;
    let (child, other) = pupils_of_3a(&h, class_3a).await;
    let this_year = class::Entity::find_by_id(class_3a)
        .one(&h.db)
        .await
        .expect("query")
        .expect("3A");
    let last_year = academic_year::ActiveModel {
        school_id: Set(this_year.school_id),
        name: Set("2025–26".into()),
        starts_on: Set(NaiveDate::from_ymd_opt(2025, 9, 1).expect("date")),
        ends_on: Set(NaiveDate::from_ymd_opt(2026, 7, 22).expect("date")),
        is_current: Set(false),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("last year");
    let class_2a = class::ActiveModel {
        school_id: Set(this_year.school_id),
        academic_year_id: Set(last_year.id),
        year_group_id: Set(this_year.year_group_id),
        name: Set("2A".into()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("last year's 2A");
    // The demo parent's child was in 2A last year; the other 3A pupil was not at the school.
    enrolment::ActiveModel {
        pupil_id: Set(child.id),
        academic_year_id: Set(last_year.id),
        year_group_id: Set(this_year.year_group_id),
        class_id: Set(Some(class_2a.id)),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("last year's enrolment");
    let teacher = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("teacher.3a@riverside.example"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("teacher");
    let posted = chrono::Utc::now() - chrono::Duration::days(200);
    news_post::ActiveModel {
        school_id: Set(this_year.school_id),
        author_id: Set(teacher.id),
        story: Set("class".into()),
        class_id: Set(Some(class_2a.id)),
        academic_year_id: Set(last_year.id),
        body_source: Set("2A's leavers' assembly".into()),
        body_html: Set(app::notices::rich_text::render("2A's leavers' assembly")),
        created_at: Set(posted),
        updated_at: Set(posted),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("last year's post");

    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let page = feed(&h, &parent).await;
    assert!(
        page.contains("leavers&#x27; assembly") || page.contains("leavers' assembly"),
        "2A's family still reads 2A's story"
    );
    assert!(
        page.contains("Class 2A · 2025–26"),
        "labelled with its year"
    );

    // A family whose child is in 3A now, but was not in 2A: not theirs.
    let guardian = app::db::entities::guardian_pupil::Entity::find()
        .filter(app::db::entities::guardian_pupil::Column::PupilId.eq(other.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("a guardian")
        .guardian_id;
    let newcomer = family_account(
        &h,
        this_year.school_id,
        guardian,
        "new.family.3a@riverside.example",
    )
    .await;
    let page = feed(&h, &newcomer).await;
    assert!(
        !page.contains("leavers"),
        "3A starts empty of last year's story"
    );
    let other_class = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    assert!(!feed(&h, &other_class).await.contains("leavers"));
}

#[tokio::test(flavor = "multi_thread")]
async fn archived_on_sqlite() {
    archived(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn archived_on_postgres() {
    archived(postgres_harness().await).await;
}
