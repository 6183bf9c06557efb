//! Files on events, through the event form as a browser posts it (multipart): a file sent with a
//! form refused for something else is kept for the next post, a file of the wrong kind is refused
//! by its name in the author's language, the saved files reach exactly the families the event
//! reaches, one member of staff cannot claim another's held file, removal deletes the bytes, and
//! an event holds at most five files. Runs on SQLite and PostgreSQL.

use crate::calendar_editor::{class_id, year_group_id};
use crate::support::{
    Harness, PDF, body_text, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{event, event_attachment};
use app::roster::demo;
use chrono::{Duration, Utc};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const TITLE: &str = "Year 3 swimming gala";
/// A Windows program's first bytes: refused whatever its name says.
const PROGRAM: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00 a program";

/// Posts the event form with files; returns the status, the redirect and the page.
async fn post(
    h: &Harness,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
    language: &str,
) -> (StatusCode, String, String) {
    post_form(h, path, cookie, fields, ("file", files), language).await
}

fn pairs<'a>(all: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    all.iter().map(|(n, v)| (*n, v.as_str())).collect()
}

async fn files_of(h: &Harness, event_id: Option<i32>) -> Vec<event_attachment::Model> {
    let query = event_attachment::Entity::find();
    let query = match event_id {
        Some(id) => query.filter(event_attachment::Column::EventId.eq(id)),
        None => query.filter(event_attachment::Column::EventId.is_null()),
    };
    query.all(&h.db).await.expect("query")
}

/// The `held_file` ids a form page carries.
fn held_in(page: &str) -> Vec<String> {
    page.split("name=\"held_file\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

async fn download(h: &Harness, path: &str, cookie: &str) -> (StatusCode, Vec<u8>, String) {
    let response = h.get(path, &[(header::COOKIE, cookie)]).await;
    let status = response.status();
    let disposition = response
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let length = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    // A file is streamed from the store, announced with its whole length.
    if status == StatusCode::OK {
        assert_eq!(length, Some(bytes.len()), "{path}");
    }
    (status, bytes, disposition)
}

async fn files_on_events(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let parent_3a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let year_3 = year_group_id(&h, "Year 3").await.to_string();
    let day = (app::dates::local_day("Europe/London", Utc::now()) + Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let fields = |extra: &[(&'static str, String)]| {
        let mut all: Vec<(&'static str, String)> = vec![
            ("language", "en-GB".into()),
            ("title", TITLE.into()),
            ("category", "other".into()),
            ("start_date", day.clone()),
            ("start_time", "13:30".into()),
            ("end_time", "15:00".into()),
            ("year_group", year_3.clone()),
            ("action", "save".into()),
        ];
        for (name, value) in extra {
            all.retain(|(n, _)| n != name);
            all.push((name, value.clone()));
        }
        all
    };
    // An end before the start and a program among the files: nothing saved, the program refused
    // by its name in Chinese, the letter kept for the next post.
    let bad = fields(&[("end_time", "12:00".into())]);
    let (status, _, page) = post(
        &h,
        "/admin/calendar/new",
        &office,
        &pairs(&bad),
        &[("gala letter.pdf", PDF), ("kit.exe", PROGRAM)],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("活动的结束时间必须晚于开始时间。"), "{page}");
    assert!(
        page.contains("kit.exe: 只能附加 PDF 文件和图片"),
        "the program is refused by name, in Chinese: {page}"
    );
    assert!(page.contains("gala letter.pdf"), "the letter is listed");
    let held = held_in(&page);
    assert_eq!(held.len(), 1, "one file held: {held:?}");
    assert!(events_titled(&h, TITLE).await.is_empty(), "nothing saved");
    assert_eq!(files_of(&h, None).await.len(), 1);

    // Another member of staff cannot take the office's held file onto their own event.
    let class_3a = class_id(&h, "3A").await.to_string();
    let mut theirs = fields(&[
        ("title", "3A reading morning".into()),
        ("class", class_3a),
        ("held_file", held[0].clone()),
    ]);
    theirs.retain(|(n, _)| *n != "year_group");
    let (status, _, _) = post(
        &h,
        "/admin/calendar/new",
        &teacher,
        &pairs(&theirs),
        &[],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reading = events_titled(&h, "3A reading morning").await;
    assert!(files_of(&h, Some(reading[0].id)).await.is_empty());
    assert_eq!(
        files_of(&h, None).await.len(),
        1,
        "still held for the office"
    );

    // Corrected, with a second file: saved with both.
    let good = fields(&[("held_file", held[0].clone())]);
    let map = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR a map".to_vec();
    let (status, location, _) = post(
        &h,
        "/admin/calendar/new",
        &office,
        &pairs(&good),
        &[("map.png", &map)],
        "en-GB",
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/admin/calendar")
    );
    let gala = events_titled(&h, TITLE).await.pop().expect("saved");
    let files = files_of(&h, Some(gala.id)).await;
    let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
    assert_eq!(names, ["gala letter.pdf", "map.png"]);
    assert!(files_of(&h, None).await.is_empty(), "nothing left held");

    // The Year 3 family sees and downloads them; the Year 4 family gets "not found" for the
    // file, by its own address or any other event's.
    let page = body_text(
        h.get(
            &format!("/calendar/{}", gala.id),
            &[(header::COOKIE, parent_3a.as_str())],
        )
        .await,
    )
    .await;
    let letter = format!("/calendar/{}/files/{}", gala.id, files[0].id);
    assert!(
        page.contains(&letter) && page.contains("gala letter.pdf"),
        "{page}"
    );
    let (status, bytes, disposition) = download(&h, &letter, &parent_3a).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, PDF);
    assert!(disposition.contains("gala%20letter.pdf"), "{disposition}");
    assert_eq!(
        download(&h, &letter, &parent_4b).await.0,
        StatusCode::NOT_FOUND
    );
    let other_event = format!("/calendar/{}/files/{}", reading[0].id, files[0].id);
    assert_eq!(
        download(&h, &other_event, &office).await.0,
        StatusCode::NOT_FOUND
    );

    // Removing the letter deletes it, bytes and all; the map stays.
    let path = format!("/admin/calendar/{}", gala.id);
    let removed = fields(&[("remove_file", files[0].id.to_string())]);
    let (status, _, _) = post(&h, &path, &office, &pairs(&removed), &[], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let left = files_of(&h, Some(gala.id)).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].file_name, "map.png");
    assert_eq!(
        download(&h, &letter, &office).await.0,
        StatusCode::NOT_FOUND
    );

    // Five files at most: of five more, four fit and the fifth is refused by name.
    let five: Vec<(String, &[u8])> = (1..=5).map(|i| (format!("page {i}.pdf"), PDF)).collect();
    let five: Vec<(&str, &[u8])> = five.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let (status, _, page) = post(&h, &path, &office, &pairs(&fields(&[])), &five, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("page 5.pdf: At most 5 files can be attached."),
        "{page}"
    );
    assert_eq!(held_in(&page).len(), 4);
    assert_eq!(files_of(&h, Some(gala.id)).await.len(), 1, "not saved yet");
}

async fn events_titled(h: &Harness, title: &str) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::Title.eq(title))
        .all(&h.db)
        .await
        .expect("query")
}

#[tokio::test(flavor = "multi_thread")]
async fn files_on_events_on_sqlite() {
    files_on_events(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn files_on_events_on_postgres() {
    files_on_events(postgres_harness().await).await;
}
