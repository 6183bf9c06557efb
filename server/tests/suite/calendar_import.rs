//! The office importing term dates and events from a file, as a browser without JavaScript
//! posts it: a CSV file's events checked and shown, then all added in one go and seen by the
//! families they are for; the same file again adds nothing; an .ics file with a broken line, a
//! 10 MB file and a club of 10,000 dates each refused in the office's language with nothing
//! saved; only staff who write the whole school's calendar may import. SQLite and PostgreSQL.

use crate::calendar_editor::{agenda_titles, year_group_id};
use crate::support::{
    Harness, body_text, form_call, multipart_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{audit_log, calendar_upload, event};
use app::roster::demo;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const PATH: &str = "/admin/calendar/import";

/// Posts a file to the import page in `language`; returns the status and the page.
async fn post_file(
    h: &Harness,
    cookie: &str,
    name: &str,
    data: &[u8],
    language: &str,
) -> (StatusCode, String) {
    let mut request = multipart_form(PATH, &[], &[(name, data)], Some(cookie));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, language.parse().expect("header"));
    let response = h.send(request).await;
    (response.status(), body_text(response).await)
}

/// The "Line n" labels of the checked events, as the page shows them.
fn lines_shown(page: &str) -> Vec<String> {
    page.split("class=\"staff-event__line\"")
        .skip(1)
        .map(|rest| {
            // Up to the span's closing tag: the first `<` followed by `/`.
            let end = rest
                .match_indices('<')
                .map(|(at, _)| at)
                .find(|&at| rest[at + 1..].starts_with('/'))
                .unwrap_or(rest.len());
            let span = &rest[..end];
            let mut text = String::new();
            let mut in_tag = true;
            for c in span.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

/// The checked file's name the "Import" button posts back.
fn upload_token(page: &str) -> String {
    let at = page.find("name=\"upload\"").expect("an Import button");
    let value = &page[at..];
    let start = value.find("value=\"").expect("a value") + 7;
    value[start..start + 32].to_string()
}

async fn event_count(h: &Harness) -> u64 {
    event::Entity::find().count(&h.db).await.expect("count")
}

/// A Monday some weeks ahead, so nothing in the file is short notice.
fn monday_ahead(weeks: i64) -> NaiveDate {
    let day = app::dates::local_day("Europe/London", Utc::now()) + Duration::weeks(weeks);
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

async fn the_office_imports_term_dates(h: Harness) {
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let parent_3a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let before = event_count(&h).await;
    let monday = monday_ahead(6);
    let friday = monday + Duration::days(4);
    let file = format!(
        "Title,Start date,End date,Start time,End time,Category,Audience,Public,Repeat weeks,Repeat until\n\
         Imported half term,{monday},{friday},,,closure,,yes,,\n\
         \n\
         \"Imported Year 3 trip, museum\",{monday},,09:00,15:00,trip,Year 3,no,,\n\
         Imported chess club,{monday},,15:30,16:30,club,3A,,1,{until}\n",
        until = monday + Duration::weeks(5),
    );

    // Teachers and parents have no import page, whatever they post.
    for cookie in [&teacher, &parent_3a] {
        let (status, _) = post_file(&h, cookie, "terms.csv", file.as_bytes(), "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = h
            .send(form_call("/api/calendar/import", &[], Some(cookie)))
            .await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
    }

    // Checked: every event shown with its line, nothing saved yet.
    let (status, page) = post_file(&h, &office, "terms.csv", file.as_bytes(), "en-GB").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Events to add: 3."), "{page}");
    assert!(page.contains("Imported Year 3 trip, museum"));
    assert_eq!(
        lines_shown(&page),
        ["Line 2", "Line 4", "Line 5"],
        "each event with its line in the file, the blank line counted: {page}"
    );
    assert_eq!(event_count(&h).await, before, "a preview saves nothing");
    let token = upload_token(&page);

    // Another account cannot import the office's checked file.
    let head = session_for(&h.db, "head@riverside.example").await;
    let stolen = h
        .send(form_call(PATH, &[("upload", &token)], Some(&head)))
        .await;
    assert_eq!(stolen.status(), StatusCode::NOT_FOUND);
    assert_eq!(event_count(&h).await, before);

    let imported = h
        .send(form_call(PATH, &[("upload", &token)], Some(&office)))
        .await;
    assert_eq!(imported.status(), StatusCode::OK);
    assert!(body_text(imported).await.contains("Events imported: 3."));
    assert_eq!(event_count(&h).await, before + 3);
    let club = event::Entity::find()
        .filter(event::Column::Title.eq("Imported chess club"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the club");
    assert_eq!(
        (club.repeat_weeks, club.repeat_until),
        (1, Some(monday + Duration::weeks(5)))
    );
    let trip = event::Entity::find()
        .filter(event::Column::Title.eq("Imported Year 3 trip, museum"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the trip");
    let year_3 = year_group_id(&h, "Year 3").await;
    assert!(trip.audience.contains(&year_3.to_string()));
    assert_eq!(
        calendar_upload::Entity::find()
            .count(&h.db)
            .await
            .expect("count"),
        0,
        "an imported file is not kept"
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(app::audit::action::EVENTS_IMPORTED))
        .count(&h.db)
        .await
        .expect("count");
    assert_eq!(audited, 1);

    // Families see what is theirs: the Year 3 parent the trip and the half term, the Year 4
    // parent the half term only.
    let seen_3a = agenda_titles(&h, &parent_3a).await;
    assert!(seen_3a.iter().any(|t| t == "Imported Year 3 trip, museum"));
    assert!(seen_3a.iter().any(|t| t == "Imported half term"));
    let seen_4b = agenda_titles(&h, &parent_4b).await;
    assert!(seen_4b.iter().any(|t| t == "Imported half term"));
    assert!(!seen_4b.iter().any(|t| t.starts_with("Imported Year 3")));
    assert!(!seen_4b.iter().any(|t| t == "Imported chess club"));

    // The same file again: everything is already there, so there is nothing to import.
    let (status, page) = post_file(&h, &office, "terms.csv", file.as_bytes(), "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Events to add: 0. Already on the calendar (left out): 3."),
        "{page}"
    );
    assert!(!page.contains("name=\"upload\""));
    let posted_again = h
        .send(form_call(PATH, &[("upload", &token)], Some(&office)))
        .await;
    assert_eq!(
        posted_again.status(),
        StatusCode::NOT_FOUND,
        "a file imports once"
    );
    assert_eq!(event_count(&h).await, before + 3);
}

async fn bad_files_are_refused_and_nothing_is_saved(h: Harness) {
    // The portal's own limit on a request, so a 10 MB file reaches the import.
    let h = h.with_body_limit(server::config::DEFAULT_MAX_BODY_BYTES);
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let before = event_count(&h).await;
    let monday = monday_ahead(8);
    let day = monday.format("%Y%m%d");

    // An .ics file with a broken line: named by its line, in the office's language (Chinese).
    let broken = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//School//EN",
        "BEGIN:VEVENT",
        "UID:1",
        "SUMMARY:Sports day",
        &format!("DTSTART;VALUE=DATE:{day}"),
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:2",
        "SUMMARY:Concert",
        "this line lost its name",
        &format!("DTSTART;VALUE=DATE:{day}"),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    .join("\r\n");
    let (status, page) = post_file(&h, &office, "school.ics", broken.as_bytes(), "zh-CN").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(
        page.contains("此行已损坏"),
        "the problem in Chinese: {page}"
    );
    assert!(
        page.contains("<td>12</td>"),
        "the broken line is line 12: {page}"
    );
    assert!(!page.contains("name=\"upload\""));

    // A 10 MB file: refused before it is read, in English.
    let huge = vec![b'a'; 10 * 1024 * 1024];
    let (status, page) = post_file(&h, &office, "huge.csv", &huge, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("The file is larger than 2 MB"), "{page}");

    // A club of 10,000 weekly dates, and an event that ends before it starts: each named by
    // its line and column; nothing imported, not even the good line.
    let csv = format!(
        "title,start_date,start_time,end_time,repeat_weeks,repeat_until\n\
         Good assembly,{monday},09:00,09:30,,\n\
         Endless club,{monday},15:30,16:30,1,{forever}\n\
         Backwards meeting,{monday},18:00,17:00,,\n",
        forever = monday + Duration::weeks(10_000),
    );
    let (status, page) = post_file(&h, &office, "clubs.csv", csv.as_bytes(), "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("repeat_until: "), "{page}");
    assert!(page.contains("10001"), "the dates it would have: {page}");
    assert!(page.contains("end_date: "), "{page}");
    assert!(page.contains("<td>3</td>") && page.contains("<td>4</td>"));
    assert!(!page.contains("name=\"upload\""));

    // Not a calendar at all, and not UTF-8 text.
    let (_, page) = post_file(&h, &office, "photo.ics", b"\x89PNG\r\n", "en-GB").await;
    assert!(page.contains("not text saved as UTF-8"), "{page}");
    let (status, page) = post_file(&h, &office, "notes.ics", b"Dear parents", "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("BEGIN:VCALENDAR"), "{page}");

    assert_eq!(event_count(&h).await, before, "nothing was saved");
    assert_eq!(
        calendar_upload::Entity::find()
            .count(&h.db)
            .await
            .expect("count"),
        0,
        "no refused file is kept"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_office_imports_term_dates_on_sqlite() {
    the_office_imports_term_dates(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_office_imports_term_dates_on_postgres() {
    the_office_imports_term_dates(postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_files_are_refused_and_nothing_is_saved_on_sqlite() {
    bad_files_are_refused_and_nothing_is_saved(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_files_are_refused_and_nothing_is_saved_on_postgres() {
    bad_files_are_refused_and_nothing_is_saved(postgres_harness().await).await;
}
