//! The calendar as families and staff get it: each family sees exactly the events whose audience
//! holds one of their children — in the agenda, by id and as an `.ics` file — and staff see their
//! school's. The `.ics` is read back by a parser that is not ours (Python's `icalendar`).
//! Runs on SQLite and PostgreSQL.

use crate::support;
use crate::support::{
    Harness, body_text, form_call, postgres_harness, session_for, sqlite_harness,
};
use app::audience::Membership;
use app::db::entities::{class, event, guardian, school};
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

const TRIP: &str = "Class 3A trip to the Science Museum";
const ASSEMBLY: &str = "Year 4 class assembly";
const STAFF_MEETING: &str = "Staff meeting";
const FOR_EVERYONE: [&str; 3] = [
    "INSET day: school closed to pupils",
    "Parents' evening",
    "Winter holiday",
];

async fn agenda(h: &Harness, cookie: &str) -> serde_json::Value {
    let response = h
        .send(form_call("/api/page", &[("page", "agenda")], Some(cookie)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    crate::support::page_json::<app::calendar::Agenda>(response).await
}

/// Every entry of an agenda, as (original title, children it concerns, languages it has).
fn entries(agenda: &serde_json::Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    agenda["days"]
        .as_array()
        .expect("days")
        .iter()
        .flat_map(|day| day["entries"].as_array().expect("entries").iter())
        .map(|entry| {
            let texts = entry["texts"].as_array().expect("texts");
            (
                texts[0]["title"].as_str().expect("title").to_string(),
                entry["children"]
                    .as_array()
                    .expect("children")
                    .iter()
                    .map(|c| c.as_str().expect("name").to_string())
                    .collect(),
                texts
                    .iter()
                    .map(|t| t["language"].as_str().expect("tag").to_string())
                    .collect(),
            )
        })
        .collect()
}

fn titles(agenda: &serde_json::Value) -> BTreeSet<String> {
    entries(agenda)
        .into_iter()
        .map(|(title, _, _)| title)
        .collect()
}

fn expected(also: &[&str]) -> BTreeSet<String> {
    FOR_EVERYONE
        .iter()
        .chain(also)
        .map(|t| t.to_string())
        .collect()
}

async fn event_id(h: &Harness, title: &str) -> i32 {
    event::Entity::find()
        .filter(event::Column::Title.eq(title))
        .one(&h.db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("no event {title}"))
        .id
}

/// The `.ics` read back by Python's `icalendar`: one JSON object per VEVENT.
pub(crate) fn parsed_by_icalendar(ics: &str) -> Vec<serde_json::Value> {
    let python = std::env::var("SG_TEST_SMTP_PYTHON")
        .expect("SG_TEST_SMTP_PYTHON must name a Python with icalendar; `./sg test` sets it up");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tools/smtp/ics_check.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the iCalendar parser");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(ics.as_bytes())
        .expect("write the .ics");
    let output = child.wait_with_output().expect("parser output");
    assert!(
        output.status.success(),
        "icalendar refused the file: {}\n{ics}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("one event as JSON"))
        .collect()
}

async fn ics(h: &Harness, id: i32, cookie: &str, language: &str) -> (StatusCode, String, String) {
    let response = h
        .get(
            &format!("/calendar/{id}/event.ics"),
            &[
                (header::COOKIE, cookie),
                (header::ACCEPT_LANGUAGE, language),
            ],
        )
        .await;
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, kind, body_text(response).await)
}

async fn each_family_sees_its_own_events(h: Harness) {
    seed_demo_calendar(&h).await;

    // Guardian A's children are in 3A and 5B; guardian B's child is in 4B.
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let a = agenda(&h, &parent_a).await;
    assert_eq!(titles(&a), expected(&[TRIP]));
    assert_eq!(titles(&agenda(&h, &parent_b).await), expected(&[ASSEMBLY]));
    assert_eq!(
        titles(&agenda(&h, &office).await),
        expected(&[TRIP, ASSEMBLY, STAFF_MEETING]),
        "staff see the whole school's calendar, staff-only events too"
    );
    // The trip names the one child it concerns and carries its translations.
    let (_, children, languages) = entries(&a)
        .into_iter()
        .find(|(title, _, _)| title == TRIP)
        .expect("trip");
    assert_eq!(children.len(), 1, "{children:?}");
    assert_eq!(languages, ["en-GB", "ar", "zh-CN"]);
    // Every entry's time is written out in each language.
    let first = &a["days"][0]["entries"][0]["when"];
    assert_eq!(first.as_array().map(Vec::len), Some(3), "{first}");

    // By id: guardian B cannot open the trip, nor download it.
    let trip = event_id(&h, TRIP).await;
    let refused = h
        .send(form_call(
            "/api/page",
            &[("page", "event"), ("id", &trip.to_string())],
            Some(&parent_b),
        ))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let (status, _, _) = ics(&h, trip, &parent_b, "en-GB").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let detail = crate::support::page_json::<app::calendar::EventDetail>(
        h.send(form_call(
            "/api/page",
            &[("page", "event"), ("id", &trip.to_string())],
            Some(&parent_a),
        ))
        .await,
    )
    .await;
    assert!(
        detail["facts"]["texts"][0]["description"]
            .as_str()
            .is_some_and(|d| d.contains("<strong>packed lunch</strong>")),
        "{detail}"
    );

    // Guardian A's .ics, in Chinese because that is the language asked for.
    let (status, kind, body) = ics(&h, trip, &parent_a, "zh-CN").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(kind.starts_with("text/calendar"), "{kind}");
    let events = parsed_by_icalendar(&body);
    assert_eq!(events.len(), 1, "{body}");
    let parsed = &events[0];
    assert_eq!(parsed["summary"], "3A班科学博物馆之旅");
    assert_eq!(parsed["status"], "CONFIRMED");
    assert_eq!(
        parsed["location"],
        "Science Museum, Exhibition Road, London"
    );
    let stored = event::Entity::find_by_id(trip)
        .one(&h.db)
        .await
        .expect("query")
        .expect("trip");
    assert_eq!(parsed["uid"], stored.uid.as_str());
    let start = stored.starts_at.format("%Y%m%dT%H%M%SZ").to_string();
    assert_eq!(parsed["start"], start.as_str());

    // An all-day event comes as dates.
    let inset = event_id(&h, FOR_EVERYONE[0]).await;
    let (_, _, body) = ics(&h, inset, &parent_b, "en-GB").await;
    let parsed = &parsed_by_icalendar(&body)[0];
    assert_eq!(parsed["start"].as_str().map(str::len), Some(8), "{parsed}");

    // The month view: the trip on its day for the 3A family and staff, never for Year 4.
    let trip_day = app::dates::local_day("Europe/London", stored.starts_at);
    let month = trip_day.format("%Y-%m").to_string();
    let day_key = trip_day.format("%Y-%m-%d").to_string();
    let a_month = month_view(&h, &parent_a, &month).await;
    assert_eq!(
        a_month["title"][0],
        trip_day.format("%B %Y").to_string().as_str()
    );
    assert!(
        month_titles(&a_month, &day_key).contains(&TRIP.to_string()),
        "{a_month}"
    );
    let b_month = month_view(&h, &parent_b, &month).await;
    assert!(!b_month.to_string().contains(TRIP), "{b_month}");
    let office_month = month_view(&h, &office, &month).await;
    assert!(month_titles(&office_month, &day_key).contains(&TRIP.to_string()));
    assert!(
        a_month["filter"].is_null(),
        "families have the child switcher"
    );

    // Staff narrow the month to a class or a year group; a family's calendar ignores the filter.
    let class_3a = class::Entity::find()
        .filter(class::Column::Name.eq("3A"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("3A")
        .id;
    let (for_3a, for_year_4) = (
        format!("c{class_3a}"),
        format!(
            "y{}",
            crate::calendar_editor::year_group_id(&h, "Year 4").await
        ),
    );
    let narrowed = month_view_for(&h, &office, &month, &for_3a).await;
    assert!(month_titles(&narrowed, &day_key).contains(&TRIP.to_string()));
    assert_eq!(narrowed["filter"]["chosen"], for_3a.as_str());
    assert!(!narrowed.to_string().contains(STAFF_MEETING), "{narrowed}");
    let year_4 = month_view_for(&h, &office, &month, &for_year_4).await;
    assert!(!year_4.to_string().contains(TRIP), "{year_4}");
    assert_eq!(year_4["filter"]["chosen"], for_year_4.as_str());
    let unknown = month_view_for(&h, &office, &month, "y999999").await;
    assert_eq!(unknown["filter"]["chosen"], "");
    assert!(month_titles(&unknown, &day_key).contains(&TRIP.to_string()));
    let sneaking = month_view_for(&h, &parent_b, &month, &for_3a).await;
    assert!(!sneaking.to_string().contains(TRIP), "{sneaking}");
    // Each week has seven days; a month that is no month is this one.
    assert!(
        a_month["weeks"]
            .as_array()
            .expect("weeks")
            .iter()
            .all(|w| w.as_array().map(Vec::len) == Some(7))
    );
    let this = month_view(&h, &parent_a, "not-a-month").await;
    let now = app::dates::local_day("Europe/London", chrono::Utc::now());
    assert_eq!(this["title"][0], now.format("%B %Y").to_string().as_str());
}

async fn month_view(h: &Harness, cookie: &str, month: &str) -> serde_json::Value {
    month_view_for(h, cookie, month, "").await
}

/// A month narrowed to `audience` (`y<id>`, `c<id>`; "" for every event).
async fn month_view_for(
    h: &Harness,
    cookie: &str,
    month: &str,
    audience: &str,
) -> serde_json::Value {
    let response = h
        .send(form_call(
            "/api/calendar/month",
            &[("month", month), ("audience", audience)],
            Some(cookie),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    crate::support::page_json::<app::calendar::MonthView>(response).await
}

/// The original titles of a month view's events on the day `key` (`2027-01-14`).
fn month_titles(month: &serde_json::Value, key: &str) -> Vec<String> {
    month["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .flat_map(|w| w.as_array().expect("days").iter())
        .filter(|d| d["key"] == key)
        .flat_map(|d| d["entries"].as_array().expect("entries").iter())
        .map(|e| e["texts"][0]["title"].as_str().expect("title").to_string())
        .collect()
}

/// The demo school's six events; returns the school's id.
async fn seed_demo_calendar(h: &Harness) -> i32 {
    let riverside = school::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("demo school");
    let added = app::calendar::demo::seed(&h.db, riverside.id)
        .await
        .expect("demo events");
    assert_eq!(added, 6);
    riverside.id
}

/// For every guardian of the school: the agenda query returns exactly the events whose audience
/// holds one of their children.
async fn the_agenda_query_agrees_with_the_audiences(h: Harness) {
    let school_id = seed_demo_calendar(&h).await;
    let all = event::Entity::find().all(&h.db).await.expect("events");
    let from = chrono::Utc::now() - chrono::Duration::days(1);
    let guardians = guardian::Entity::find()
        .filter(guardian::Column::SchoolId.eq(school_id))
        .all(&h.db)
        .await
        .expect("guardians");
    assert!(guardians.len() > 100);
    for g in &guardians {
        let memberships: Vec<Membership> = app::audience::resolve::memberships(&h.db, g.id)
            .await
            .expect("memberships");
        let found: BTreeSet<i32> = app::calendar::store::upcoming_for(
            &h.db,
            school_id,
            &memberships,
            from,
            None,
            app::calendar::store::AGENDA_LIMIT,
        )
        .await
        .expect("agenda")
        .into_iter()
        .map(|e| e.id)
        .collect();
        let wanted: BTreeSet<i32> = all
            .iter()
            .filter(|e| {
                let audience = app::calendar::store::audience_of(e);
                memberships.iter().any(|m| audience.contains(school_id, m))
            })
            .map(|e| e.id)
            .collect();
        assert_eq!(found, wanted, "guardian {}", g.id);
    }
}

/// The home page's strip: each family's events of the coming week, in the page as served (so a
/// parent on a slow network sees it before the wasm arrives), and no one else's.
async fn the_home_page_shows_the_familys_week(h: Harness) {
    seed_demo_calendar(&h).await;
    let inset = FOR_EVERYONE[0];
    // Guardian A's children are in 3A and 5B; guardian B's child is in 4B. The INSET day is in
    // four days, the Year 4 assembly in three, the staff meeting in two, parents' evening in ten.
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let home = support::home_as(&h, &parent_a).await;
    let strip = home
        .split("id=\"week-title\"")
        .nth(1)
        .expect("the home page has the week's strip");
    assert!(home.contains("This week"));
    assert!(strip.contains(inset), "{strip}");
    assert!(strip.contains(&format!("/calendar/{}", event_id(&h, inset).await)));
    for not_theirs in [ASSEMBLY, STAFF_MEETING, "Parents' evening", TRIP] {
        assert!(!strip.contains(not_theirs), "{not_theirs} in {strip}");
    }
    let parent_b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let home = support::home_as(&h, &parent_b).await;
    let strip = home.split("id=\"week-title\"").nth(1).expect("strip");
    let (assembly, inset_at) = (
        strip.find(ASSEMBLY).expect("the Year 4 assembly"),
        strip.find(inset).expect("the INSET day"),
    );
    assert!(assembly < inset_at, "earliest first");
    assert!(!strip.contains(STAFF_MEETING));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_shows_the_familys_week_on_sqlite() {
    the_home_page_shows_the_familys_week(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_shows_the_familys_week_on_postgres() {
    the_home_page_shows_the_familys_week(postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn families_see_their_own_events_on_sqlite() {
    each_family_sees_its_own_events(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn families_see_their_own_events_on_postgres() {
    each_family_sees_its_own_events(postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn agendas_match_audiences_on_sqlite() {
    the_agenda_query_agrees_with_the_audiences(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn agendas_match_audiences_on_postgres() {
    the_agenda_query_agrees_with_the_audiences(postgres_harness().await).await;
}

/// The feed address (path) on a subscription page that just made one.
fn feed_path(page: &str) -> String {
    let start = page
        .find("https://127.0.0.1:3000/calendar/feed/")
        .or_else(|| page.find("http://127.0.0.1:3000/calendar/feed/"))
        .unwrap_or_else(|| panic!("no feed address on the page: {page}"));
    let rest = &page[start..];
    let rest = &rest[rest.find("/calendar/feed/").expect("path")..];
    let end = rest.find(".ics").expect("the address ends in .ics") + ".ics".len();
    rest[..end].to_string()
}

/// Makes (or renews) the holder of `cookie`'s feed address; returns its path.
pub(crate) async fn make_feed(h: &Harness, cookie: &str) -> String {
    let response = h
        .send(form_call(
            "/calendar/subscribe",
            &[("action", "new")],
            Some(cookie),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = body_text(response).await;
    assert!(
        page.contains("webcal://127.0.0.1:3000/calendar/feed/"),
        "{page}"
    );
    feed_path(&page)
}

/// A feed fetched as a calendar app does: no session, perhaps with the last `ETag`.
pub(crate) async fn fetch_feed(
    h: &Harness,
    path: &str,
    etag: Option<&str>,
) -> (StatusCode, String, String) {
    let mut headers = vec![];
    if let Some(etag) = etag {
        headers.push((header::IF_NONE_MATCH, etag));
    }
    let response = h.get(path, &headers).await;
    let status = response.status();
    let tag = response
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, tag, body_text(response).await)
}

pub(crate) fn summaries(events: &[serde_json::Value]) -> BTreeSet<String> {
    events
        .iter()
        .map(|e| e["summary"].as_str().expect("summary").to_string())
        .collect()
}

/// Moves or calls off an event as a change from the staff pages will: SEQUENCE up, UID kept.
async fn change_event(h: &Harness, id: i32, later: chrono::Duration, cancel: bool) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let stored = event::Entity::find_by_id(id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("event");
    let now = chrono::Utc::now();
    let mut changed = stored.clone().into_active_model();
    changed.starts_at = Set(stored.starts_at + later);
    changed.ends_at = Set(stored.ends_at + later);
    changed.sequence = Set(stored.sequence + 1);
    changed.updated_at = Set(now);
    changed.changed_at = Set(Some(now));
    if cancel {
        changed.status = Set(app::calendar::status::CANCELLED.to_string());
    }
    changed.update(&h.db).await.expect("change the event");
    // As every write to events does, so no cached feed outlives the change.
    app::calendar::feed_cache::calendar_changed();
}

async fn feeds_follow_each_family(h: Harness) {
    seed_demo_calendar(&h).await;
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;

    // Made while reading in Chinese: the feed is in Chinese where the school translated.
    let path = make_feed(&h, &format!("{parent_a}; sg_lang=zh-CN")).await;
    let (status, etag, body) = fetch_feed(&h, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(etag.starts_with('"') && etag.len() > 10, "{etag}");
    let events = parsed_by_icalendar(&body);
    let mut wanted = expected(&[]);
    wanted.insert("3A班科学博物馆之旅".to_string());
    assert_eq!(summaries(&events), wanted, "{body}");
    for e in &events {
        assert_eq!(e["zones"], serde_json::json!(["Europe/London"]), "{e}");
        assert!(
            e["calendar"]
                .as_str()
                .is_some_and(|n| n.contains("Riverside")),
            "{e}"
        );
    }
    let trip = event_id(&h, TRIP).await;
    let stored = event::Entity::find_by_id(trip)
        .one(&h.db)
        .await
        .expect("query")
        .expect("trip");
    let parsed_trip = events
        .iter()
        .find(|e| e["uid"] == stored.uid.as_str())
        .expect("the trip in the feed");
    assert_eq!(parsed_trip["tzid"], "Europe/London");
    // Written in London time, read back by a parser that is not ours as the stored instant.
    let utc = |at: chrono::DateTime<chrono::Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    assert_eq!(parsed_trip["start"], utc(stored.starts_at).as_str());

    // Nothing changed: 304 and no body.
    let (status, again, body) = fetch_feed(&h, &path, Some(&etag)).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(again, etag);
    assert!(body.is_empty(), "{body}");

    // The trip moves an hour later: a new ETag, the same UID, a higher SEQUENCE.
    change_event(&h, trip, chrono::Duration::hours(1), false).await;
    let (status, moved_tag, body) = fetch_feed(&h, &path, Some(&etag)).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(moved_tag, etag);
    let events = parsed_by_icalendar(&body);
    let moved = events
        .iter()
        .find(|e| e["uid"] == stored.uid.as_str())
        .expect("the moved trip");
    assert_eq!(
        moved["sequence"].as_i64(),
        Some(i64::from(stored.sequence) + 1)
    );
    let later = stored.starts_at + chrono::Duration::hours(1);
    assert_eq!(moved["start"], utc(later).as_str());
    assert_eq!(moved["status"], "CONFIRMED");

    // Called off: still there, CANCELLED, so phones strike it through rather than lose it.
    change_event(&h, trip, chrono::Duration::zero(), true).await;
    let (_, _, body) = fetch_feed(&h, &path, Some(&moved_tag)).await;
    let events = parsed_by_icalendar(&body);
    let cancelled = events
        .iter()
        .find(|e| e["uid"] == stored.uid.as_str())
        .expect("the cancelled trip");
    assert_eq!(cancelled["status"], "CANCELLED");
    assert_eq!(
        cancelled["sequence"].as_i64(),
        Some(i64::from(stored.sequence) + 2)
    );

    // Guardian B's feed never holds the 3A trip.
    let path_b = make_feed(&h, &parent_b).await;
    let (_, _, body) = fetch_feed(&h, &path_b, None).await;
    assert_eq!(
        summaries(&parsed_by_icalendar(&body)),
        expected(&[ASSEMBLY])
    );

    // A new address ends the old one; turning it off ends the new one.
    let renewed = make_feed(&h, &parent_a).await;
    assert_ne!(renewed, path);
    assert_eq!(fetch_feed(&h, &path, None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch_feed(&h, &renewed, None).await.0, StatusCode::OK);
    let stopped = h
        .send(form_call(
            "/calendar/subscribe",
            &[("action", "stop")],
            Some(&parent_a),
        ))
        .await;
    assert_eq!(stopped.status(), StatusCode::OK);
    let page = body_text(stopped).await;
    assert!(page.contains("turned off"), "{page}");
    assert!(!page.contains("/calendar/feed/"), "{page}");
    assert_eq!(
        fetch_feed(&h, &renewed, None).await.0,
        StatusCode::NOT_FOUND
    );

    // Guardian B suspended: their feed stops with their sign-in.
    app::roster::accounts::suspend_by_email(&h.db, demo::OTHER_PARENT_EMAIL)
        .await
        .expect("suspend");
    assert_eq!(fetch_feed(&h, &path_b, None).await.0, StatusCode::NOT_FOUND);
}

/// Guessing addresses gets "not found", then the caller's network address is held.
async fn feed_guesses_are_held(h: Harness) {
    let limit = app::auth::throttle::Guess::FeedToken.limit();
    for i in 0..limit {
        let path = format!("/calendar/feed/{:0>22}.ics", i);
        assert_eq!(fetch_feed(&h, &path, None).await.0, StatusCode::NOT_FOUND);
    }
    let response = h.get("/calendar/feed/not-even-a-token.ics", &[]).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
}

#[tokio::test(flavor = "multi_thread")]
async fn feeds_follow_each_family_on_sqlite() {
    feeds_follow_each_family(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn feeds_follow_each_family_on_postgres() {
    feeds_follow_each_family(postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn feed_guesses_are_held_on_sqlite() {
    feed_guesses_are_held(sqlite_harness().await).await;
}
