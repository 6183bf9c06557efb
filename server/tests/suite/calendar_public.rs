//! The school's calendar outside the portal: the public feed holds exactly the events marked
//! public for the school, year groups or classes — never one for a single pupil or staff only —
//! needs no session, answers conditional GETs with 304, and is read by a third-party parser; the
//! staff export is the whole calendar, for staff only.

use crate::calendar::{parsed_by_icalendar, summaries};
use crate::calendar_editor::{post, timed, year_group_id};
use crate::support::{Harness, body_text, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{pupil, school};
use app::roster::demo;
use chrono::{Duration, Utc};
use http::{StatusCode, header};
use sea_orm::EntityTrait;
use std::collections::BTreeSet;

async fn fetch(
    h: &Harness,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, http::HeaderMap, String) {
    let response = h.get(path, headers).await;
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, body_text(response).await)
}

async fn the_school_calendar_outside_the_portal(h: Harness) {
    let riverside = school::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("demo school");
    app::calendar::demo::seed(&h.db, riverside.id)
        .await
        .expect("demo events");
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let year_3 = year_group_id(&h, "Year 3").await.to_string();
    let pupil = pupil::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("a pupil")
        .id
        .to_string();
    let day = (app::dates::local_day("Europe/London", Utc::now()) + Duration::days(50))
        .format("%Y-%m-%d")
        .to_string();
    for (title, audience) in [
        ("Year 3 open classroom", ("year_group", year_3.as_str())),
        ("A pupil's review meeting", ("pupil", pupil.as_str())),
        ("Governors' briefing", ("staff_only", "on")),
    ] {
        let fields = timed(title, &day, &[audience, ("public", "on")]);
        let (status, _, page) = post(&h, "/admin/calendar/new", &office, &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{title}: {page}");
    }

    let path = format!("/calendar/public/{}.ics", riverside.id);
    let (status, headers, ics) = fetch(&h, &path, &[]).await;
    assert_eq!(status, StatusCode::OK, "{ics}");
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("type")
            .starts_with("text/calendar")
    );
    let expected: BTreeSet<String> = [
        "INSET day: school closed to pupils",
        "Winter holiday",
        "Year 3 open classroom",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(summaries(&parsed_by_icalendar(&ics)), expected, "{ics}");
    assert!(ics.contains("BEGIN:VTIMEZONE"));
    // A website's calendar asking again gets "not modified" until something changes.
    let etag = headers[header::ETAG].to_str().expect("etag").to_string();
    let (status, _, body) = fetch(&h, &path, &[(header::IF_NONE_MATCH, etag.as_str())]).await;
    assert_eq!((status, body.as_str()), (StatusCode::NOT_MODIFIED, ""));
    // In another language where the school translated its events, the school's name kept.
    let (status, _, zh) = fetch(&h, &format!("{path}?lang=zh-CN"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(zh.contains("X-WR-CALNAME"), "{zh}");
    for missing in [
        "/calendar/public/999999.ics",
        "/calendar/public/riverside.ics",
    ] {
        assert_eq!(
            fetch(&h, missing, &[]).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }

    // The staff export: everything, staff-only and single-pupil events too, as a file.
    let (status, headers, ics) = fetch(
        &h,
        "/admin/calendar/export.ics",
        &[(header::COOKIE, office.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("disposition")
            .starts_with("attachment"),
    );
    let all = summaries(&parsed_by_icalendar(&ics));
    for title in [
        "Staff meeting",
        "Governors' briefing",
        "A pupil's review meeting",
        "Year 3 open classroom",
    ] {
        assert!(all.contains(title), "{title} missing from {all:?}");
    }
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (status, _, _) = fetch(
        &h,
        "/admin/calendar/export.ics",
        &[(header::COOKIE, parent.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        fetch(&h, "/admin/calendar/export.ics", &[]).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_school_calendar_outside_the_portal_on_sqlite() {
    the_school_calendar_outside_the_portal(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_school_calendar_outside_the_portal_on_postgres() {
    the_school_calendar_outside_the_portal(postgres_harness().await).await;
}
