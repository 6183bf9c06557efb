//! Staff putting events on the calendar through the event form, as a browser without JavaScript
//! posts it: what is saved, who then sees it, the notice period, every refusal in the author's
//! language with nothing saved and everything typed kept, a teacher kept to their own classes,
//! changes raising the iCalendar SEQUENCE, and cancelling. Runs on SQLite and PostgreSQL.

use crate::support::{
    Harness, body_text, form_call, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{class, event, event_translation, notice, notice_translation, year_group};
use app::roster::demo;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const TRIP: &str = "Year 3 trip to the castle";
const TRIP_ZH: &str = "三年级城堡之旅";

/// Today in the demo school's zone.
fn today() -> NaiveDate {
    app::dates::local_day("Europe/London", Utc::now())
}

/// The weekday `n` school days after today (no closures on this calendar).
fn school_days_ahead(n: u32) -> NaiveDate {
    let mut day = today();
    let mut left = n;
    while left > 0 {
        day += Duration::days(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

pub(crate) async fn year_group_id(h: &Harness, name: &str) -> i32 {
    year_group::Entity::find()
        .filter(year_group::Column::Name.eq(name))
        .one(&h.db)
        .await
        .expect("query")
        .expect("year group")
        .id
}

pub(crate) async fn class_id(h: &Harness, name: &str) -> i32 {
    class::Entity::find()
        .filter(class::Column::Name.eq(name))
        .one(&h.db)
        .await
        .expect("query")
        .expect("class")
        .id
}

async fn events_titled(h: &Harness, title: &str) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::Title.eq(title))
        .all(&h.db)
        .await
        .expect("query")
}

/// Posts the event form as a browser does; returns the status, the redirect and the page.
pub(crate) async fn post(
    h: &Harness,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let mut request = form_call(path, fields, Some(cookie));
    request
        .headers_mut()
        .insert(header::ACCEPT, "text/html".parse().expect("header"));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en-GB".parse().expect("header"));
    let response = h.send(request).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, location, body_text(response).await)
}

/// The fields of a timed event on `day`, 09:15 to 15:00.
pub(crate) fn timed<'a>(
    title: &'a str,
    day: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("language", "en-GB"),
        ("title", title),
        ("category", "trip"),
        ("start_date", day),
        ("start_time", "09:15"),
        ("end_time", "15:00"),
        ("location", "Castle Hill"),
    ];
    fields.extend_from_slice(extra);
    fields.push(("action", "save"));
    fields
}

pub(crate) async fn agenda_titles(h: &Harness, cookie: &str) -> Vec<String> {
    let response = h
        .send(form_call("/api/page", &[("page", "agenda")], Some(cookie)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let agenda = crate::support::page_json::<app::calendar::Agenda>(response).await;
    agenda["days"]
        .as_array()
        .expect("days")
        .iter()
        .flat_map(|d| d["entries"].as_array().expect("entries").clone())
        .map(|e| e["texts"][0]["title"].as_str().expect("title").to_string())
        .collect()
}

async fn staff_put_events_on_the_calendar(h: Harness) {
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let parent_3a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let year_3 = year_group_id(&h, "Year 3").await.to_string();
    let far = (today() + Duration::days(45))
        .format("%Y-%m-%d")
        .to_string();

    // End before start: refused in the author's language, nothing saved, everything kept.
    let mut bad = timed(
        TRIP,
        &far,
        &[("year_group", &year_3), ("title_zh-CN", TRIP_ZH)],
    );
    bad.retain(|(name, _)| *name != "end_time");
    bad.insert(0, ("end_time", "08:00"));
    let (status, _, page) = post(&h, "/admin/calendar/new", &office, &bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("The event must end after it starts."),
        "{page}"
    );
    assert!(page.contains(TRIP) && page.contains(TRIP_ZH) && page.contains("Castle Hill"));
    assert!(events_titled(&h, TRIP).await.is_empty(), "nothing saved");

    // The same refusal for a Chinese-speaking author is in Chinese.
    let mut request = form_call("/admin/calendar/new", &bad, Some(&office));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "zh-CN".parse().expect("header"));
    let page = body_text(h.send(request).await).await;
    assert!(page.contains("活动的结束时间必须晚于开始时间。"), "{page}");

    // "Check who it reaches" saves nothing and says how many families.
    let mut check = timed(TRIP, &far, &[("year_group", &year_3)]);
    check.pop();
    check.push(("action", "check"));
    let (status, _, page) = post(&h, "/admin/calendar/new", &office, &check).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Reaches "), "{page}");
    assert!(events_titled(&h, TRIP).await.is_empty());

    // Saved: the Year 3 family sees it, the Year 4 family does not.
    let fields = timed(
        TRIP,
        &far,
        &[("year_group", &year_3), ("title_zh-CN", TRIP_ZH)],
    );
    let (status, location, _) = post(&h, "/admin/calendar/new", &office, &fields).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/admin/calendar")
    );
    let trip = events_titled(&h, TRIP)
        .await
        .pop()
        .expect("the trip is saved");
    assert!(
        !trip.short_notice,
        "45 days ahead is inside no notice period"
    );
    assert_eq!(trip.sequence, 0);
    assert_eq!(trip.location, "Castle Hill");
    let start = app::dates::input_value("Europe/London", trip.starts_at);
    assert_eq!(start, format!("{far}T09:15"));
    assert!(
        agenda_titles(&h, &parent_3a)
            .await
            .contains(&TRIP.to_string())
    );
    assert!(
        !agenda_titles(&h, &parent_4b)
            .await
            .contains(&TRIP.to_string())
    );
    let zh = event_translation::Entity::find()
        .filter(event_translation::Column::EventId.eq(trip.id))
        .all(&h.db)
        .await
        .expect("query");
    assert_eq!(zh.len(), 1);
    assert_eq!(
        (zh[0].language.as_str(), zh[0].title.as_str()),
        ("zh-CN", TRIP_ZH)
    );
    // The staff list shows it, with the way into its form.
    let response = h
        .get(STAFF_LIST, &[(header::COOKIE, office.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = body_text(response).await;
    assert!(page.contains(TRIP) && page.contains(&format!("/admin/calendar/{}", trip.id)));

    // Moving it raises SEQUENCE and marks it changed for families; the translation, whose
    // original did not change, stays current.
    let path = format!("/admin/calendar/{}", trip.id);
    let id = trip.id.to_string();
    let later = (today() + Duration::days(46))
        .format("%Y-%m-%d")
        .to_string();
    let mut moved = timed(TRIP, &later, &[("id", &id), ("title_zh-CN", TRIP_ZH)]);
    moved.push(("year_group", "999999"));
    let (status, _, _) = post(&h, &path, &office, &moved).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let trip = event::Entity::find_by_id(trip.id)
        .one(&h.db)
        .await
        .expect("q")
        .expect("trip");
    assert_eq!(trip.sequence, 1);
    assert!(trip.changed_at.is_some());
    assert!(
        trip.audience.contains(&year_3) && !trip.audience.contains("999999"),
        "an event keeps its audience: {}",
        trip.audience
    );
    // Families it reaches are told once, by a notice in every language on their board.
    let told = notices_titled(&h, &format!("Changed: {TRIP}")).await;
    assert_eq!(told.len(), 1, "one notice of the change");
    assert_eq!(
        told[0].category, "trip",
        "46 days ahead: not urgent, the family's choice for trips"
    );
    let zh = notice_translation::Entity::find()
        .filter(notice_translation::Column::NoticeId.eq(told[0].id))
        .filter(notice_translation::Column::Language.eq("zh-CN"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("a Chinese text");
    assert_eq!(zh.title, format!("已更改：{TRIP_ZH}"));
    assert!(board_text(&h, &parent_3a).await.contains(&told[0].title));
    assert!(!board_text(&h, &parent_4b).await.contains(&told[0].title));
    let form = form_data(&h, &office, trip.id).await;
    assert_eq!(form["stale"], serde_json::json!([]), "{form}");
    assert_eq!(form["fields"]["start_date"], later.as_str());
    // "Write a notice about this event": the compose form starts from the event's title, day,
    // place, link and audience, in each language it is translated into.
    assert!(form["words"]["announce"].is_array(), "{form}");
    let response = h
        .send(form_call(
            "/api/notices/compose",
            &[("event", &id)],
            Some(&office),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let compose = serde_json::to_value(
        crate::support::answer::<app::notices::compose_dto::ComposeForm>(response).await,
    )
    .expect("as JSON");
    let fields = &compose["fields"];
    assert_eq!(fields["title"], TRIP, "{compose}");
    let body = fields["body"].as_str().expect("a body");
    assert!(
        body.contains(&format!("/calendar/{id})")) && body.contains("Castle Hill"),
        "{body}"
    );
    assert_eq!(fields["year_groups"].to_string(), format!("[{year_3}]"));
    assert_eq!(fields["category"], "trip");
    assert_eq!(fields["translations"]["zh-CN"][0], TRIP_ZH);
    assert!(
        fields["translations"]["ar"].is_null(),
        "not translated into Arabic"
    );
    let response = h
        .send(form_call(
            "/api/notices/compose",
            &[("event", &id)],
            Some(&parent_3a),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A new title leaves the Chinese translation out of date.
    let renamed = timed(
        "Year 3 trip to the castle (coaches)",
        &later,
        &[("id", &id), ("title_zh-CN", TRIP_ZH)],
    );
    assert_eq!(
        post(&h, &path, &office, &renamed).await.0,
        StatusCode::SEE_OTHER
    );
    let form = form_data(&h, &office, trip.id).await;
    assert_eq!(form["stale"], serde_json::json!(["zh-CN"]), "{form}");
    assert_eq!(
        notices_titled(&h, &format!("Changed: {TRIP}")).await.len(),
        1,
        "a new title is no news to plan around"
    );

    // Short notice: three school days ahead needs the author's say-so, then is marked.
    let soon = school_days_ahead(3).format("%Y-%m-%d").to_string();
    let quick = "Year 3 cake sale";
    let fields = timed(quick, &soon, &[("year_group", &year_3)]);
    let (status, _, page) = post(&h, "/admin/calendar/new", &office, &fields).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("less than 10 school days away"), "{page}");
    assert!(
        events_titled(&h, quick).await.is_empty(),
        "not saved without the say-so"
    );
    let fields = timed(
        quick,
        &soon,
        &[("year_group", &year_3), ("short_notice_ok", "on")],
    );
    assert_eq!(
        post(&h, "/admin/calendar/new", &office, &fields).await.0,
        StatusCode::SEE_OTHER
    );
    let cake = events_titled(&h, quick).await.pop().expect("saved");
    assert!(cake.short_notice);
    // Moved to tomorrow: the notice of it is urgent (at once, whatever the e-mail choices).
    let tomorrow = (today() + Duration::days(1)).format("%Y-%m-%d").to_string();
    let cake_path = format!("/admin/calendar/{}", cake.id);
    let fields = timed(quick, &tomorrow, &[("short_notice_ok", "on")]);
    assert_eq!(
        post(&h, &cake_path, &office, &fields).await.0,
        StatusCode::SEE_OTHER
    );
    let told = notices_titled(&h, &format!("Changed: {quick}")).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].category, "urgent");

    // A teacher addresses their own class, not a year group, and changes only what is theirs.
    let teacher_3a = session_for(&h.db, "teacher.3a@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let class_3a = class_id(&h, "3A").await.to_string();
    let reading = "3A reading morning";
    let (status, _, page) = post(
        &h,
        "/admin/calendar/new",
        &teacher_3a,
        &timed(reading, &far, &[("year_group", &year_3)]),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("You cannot put events on the calendar for that audience."));
    assert!(events_titled(&h, reading).await.is_empty());
    let fields = timed(reading, &far, &[("class", &class_3a)]);
    assert_eq!(
        post(&h, "/admin/calendar/new", &teacher_3a, &fields)
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    let morning = events_titled(&h, reading).await.pop().expect("saved");
    let other = format!("/admin/calendar/{}", morning.id);
    let id = morning.id.to_string();
    let hijack = timed("Taken over", &far, &[("id", &id)]);
    assert_eq!(
        post(&h, &other, &teacher_4b, &hijack).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&h, &path, &teacher_3a, &hijack).await.0,
        StatusCode::NOT_FOUND,
        "the office's trip"
    );
    assert_eq!(
        form_status(&h, &teacher_4b, morning.id).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        form_status(&h, &teacher_3a, morning.id).await,
        StatusCode::OK
    );
    assert_eq!(
        form_status(&h, &parent_3a, morning.id).await,
        StatusCode::NOT_FOUND
    );

    // Cancelled: kept, marked, SEQUENCE raised; no longer changed.
    let id = trip.id.to_string();
    let (status, _, _) = post(&h, &path, &office, &[("id", &id), ("action", "cancel")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let trip = event::Entity::find_by_id(trip.id)
        .one(&h.db)
        .await
        .expect("q")
        .expect("trip");
    assert_eq!(trip.status, app::calendar::status::CANCELLED);
    assert_eq!(trip.sequence, 3);
    assert_eq!(
        post(&h, &path, &office, &renamed).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(agenda_titles(&h, &parent_3a).await.contains(&trip.title));
    assert_eq!(
        notices_titled(&h, &format!("Cancelled: {}", trip.title))
            .await
            .len(),
        1
    );
    // A staff-only event tells no family.
    let meeting = "Staff briefing";
    let fields = timed(meeting, &far, &[("staff_only", "on")]);
    assert_eq!(
        post(&h, "/admin/calendar/new", &office, &fields).await.0,
        StatusCode::SEE_OTHER
    );
    let briefing = events_titled(&h, meeting).await.pop().expect("saved");
    let briefing_path = format!("/admin/calendar/{}", briefing.id);
    let fields = timed(meeting, &later, &[]);
    assert_eq!(
        post(&h, &briefing_path, &office, &fields).await.0,
        StatusCode::SEE_OTHER
    );
    assert!(
        notices_titled(&h, &format!("Changed: {meeting}"))
            .await
            .is_empty()
    );
    assert_eq!(event::Entity::find().count(&h.db).await.expect("count"), 4);
}

async fn notices_titled(h: &Harness, title: &str) -> Vec<notice::Model> {
    notice::Entity::find()
        .filter(notice::Column::Title.eq(title))
        .filter(notice::Column::Status.eq(app::notices::status::PUBLISHED))
        .all(&h.db)
        .await
        .expect("query")
}

/// The holder of `cookie`'s noticeboard, as JSON.
async fn board_text(h: &Harness, cookie: &str) -> String {
    let response = h
        .send(form_call("/api/notices/board", &[], Some(cookie)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    crate::support::answer_text::<app::notices::Board>(response).await
}

/// The staff calendar's address.
const STAFF_LIST: &str = "/admin/calendar";

async fn form_status(h: &Harness, cookie: &str, id: i32) -> StatusCode {
    h.send(form_call(
        "/api/calendar/form",
        &[("id", &id.to_string())],
        Some(cookie),
    ))
    .await
    .status()
}

async fn form_data(h: &Harness, cookie: &str, id: i32) -> serde_json::Value {
    let response = h
        .send(form_call(
            "/api/calendar/form",
            &[("id", &id.to_string())],
            Some(cookie),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    crate::support::page_json::<app::calendar::EventForm>(response).await
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_put_events_on_the_calendar_on_sqlite() {
    staff_put_events_on_the_calendar(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_put_events_on_the_calendar_on_postgres() {
    staff_put_events_on_the_calendar(postgres_harness().await).await;
}

const CLUB: &str = "Year 3 chess club";

/// Owned form fields as the borrowed pairs `post` takes.
fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

/// The last Sunday of October in `year`, when London's clocks go back an hour.
fn clocks_go_back(year: i32) -> NaiveDate {
    let mut day = NaiveDate::from_ymd_opt(year, 10, 31).expect("a date");
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

/// A weekly club across next October's clock change, half term skipped: refused when it would
/// put ten thousand dates on the calendar, then saved; a Year 3 family sees each of its days in
/// the agenda, and their feed carries a rule that a third-party expansion turns into the same
/// days at 15:30 London time on both sides of the change.
async fn a_weekly_club_repeats_across_the_clock_change(h: Harness) {
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let parent_3a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let year_3 = year_group_id(&h, "Year 3").await.to_string();
    let year = today().year() + 1;
    let mut first = NaiveDate::from_ymd_opt(year, 10, 1).expect("a date");
    while first.weekday() != Weekday::Tue {
        first += Duration::days(1);
    }
    let half_term = first + Duration::weeks(3);
    let text = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let (first_text, until_text, half_term_text, far_text) = (
        text(first),
        text(first + Duration::weeks(6)),
        text(half_term),
        text(first + Duration::weeks(10_000)),
    );
    let club = |until: &str| -> Vec<(String, String)> {
        [
            ("language", "en-GB"),
            ("title", CLUB),
            ("category", "club"),
            ("start_date", &first_text),
            ("start_time", "15:30"),
            ("end_time", "16:30"),
            ("year_group", &year_3),
            ("repeat_weeks", "1"),
            ("skipped_dates", &half_term_text),
            ("repeat_until", until),
            ("action", "save"),
        ]
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
    };
    // Ten thousand weeks (one skipped): a clear refusal, nothing saved, the rule kept as typed.
    let refused = club(&far_text);
    let (status, _, page) = post(&h, "/admin/calendar/new", &office, &pairs(&refused)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("This would put 10000 dates on the calendar")
            && page.contains("The event was not saved."),
        "{page}"
    );
    assert!(page.contains(&far_text) && page.contains(&half_term_text));
    assert!(events_titled(&h, CLUB).await.is_empty(), "nothing saved");

    let fields = club(&until_text);
    let (status, location, page) = post(&h, "/admin/calendar/new", &office, &pairs(&fields)).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/admin/calendar"),
        "{page}"
    );
    let saved = events_titled(&h, CLUB)
        .await
        .pop()
        .expect("the club is saved");
    assert_eq!(saved.repeat_weeks, 1);

    // Seven Tuesdays less half term, at 15:30 in London: 14:30 UTC before the change, 15:30
    // after it.
    let change = clocks_go_back(year);
    let expected: Vec<String> = (0..7)
        .map(|w| first + Duration::weeks(w))
        .filter(|d| *d != half_term)
        .map(|d| {
            let hour = if d < change { 14 } else { 15 };
            format!("{}T{hour}3000Z", d.format("%Y%m%d"))
        })
        .collect();
    assert!(
        expected.iter().any(|e| e.contains("T1430"))
            && expected.iter().any(|e| e.contains("T1530"))
    );

    let titles = agenda_titles(&h, &parent_3a).await;
    assert_eq!(
        titles.iter().filter(|t| *t == CLUB).count(),
        6,
        "{titles:?}"
    );
    assert!(
        !agenda_titles(&h, &parent_4b)
            .await
            .contains(&CLUB.to_string())
    );

    let path = crate::calendar::make_feed(&h, &parent_3a).await;
    let (status, _, body) = crate::calendar::fetch_feed(&h, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    let events = crate::calendar::parsed_by_icalendar(&body);
    let parsed = events
        .iter()
        .find(|e| e["summary"] == CLUB)
        .unwrap_or_else(|| panic!("the club in the feed: {body}"));
    assert_eq!(parsed["tzid"], "Europe/London", "{body}");
    let starts: Vec<String> = parsed["occurrences"]
        .as_array()
        .expect("a repeating event")
        .iter()
        .map(|s| s.as_str().expect("a start").to_string())
        .collect();
    assert_eq!(starts, expected, "{body}");

    // The form shows the rule as it was typed.
    let form = form_data(&h, &office, saved.id).await;
    assert_eq!(form["fields"]["repeat_weeks"], "1");
    assert_eq!(form["fields"]["repeat_until"], until_text.as_str());
    assert_eq!(form["fields"]["skipped_dates"], half_term_text.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weekly_club_repeats_across_the_clock_change_on_sqlite() {
    a_weekly_club_repeats_across_the_clock_change(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weekly_club_repeats_across_the_clock_change_on_postgres() {
    a_weekly_club_repeats_across_the_clock_change(postgres_harness().await).await;
}

/// A moved Year 3 event: each Year 3 family with an e-mail address gets exactly one e-mail about
/// it (through the outbox to a real SMTP server, in their language), and saving the event again
/// unchanged sends nothing more.
#[tokio::test(flavor = "multi_thread")]
async fn a_moved_event_e_mails_each_family_it_reaches_once() {
    use crate::outbox::{received, settings, smtp, start_sink};
    use app::db::entities::guardian;
    let h = sqlite_harness().await;
    let sink = start_sink();
    let office = session_for(&h.db, demo::OFFICE_EMAIL).await;
    let year_3 = year_group_id(&h, "Year 3").await;
    let year_3_text = year_3.to_string();
    let far = (today() + Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let title = "Year 3 sports day";
    let fields = timed(title, &far, &[("year_group", &year_3_text)]);
    assert_eq!(
        post(&h, "/admin/calendar/new", &office, &fields).await.0,
        StatusCode::SEE_OTHER
    );
    let sports = events_titled(&h, title).await.pop().expect("saved");
    let path = format!("/admin/calendar/{}", sports.id);
    let later = (today() + Duration::days(41))
        .format("%Y-%m-%d")
        .to_string();
    let moved = timed(title, &later, &[]);
    for _ in 0..2 {
        // The second save changes nothing: no second notice, no second e-mail.
        assert_eq!(
            post(&h, &path, &office, &moved).await.0,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        notices_titled(&h, &format!("Changed: {title}")).await.len(),
        1
    );

    let audience = app::audience::Audience {
        year_groups: vec![year_3],
        ..Default::default()
    };
    let school = sports.school_id;
    let reached = app::audience::resolve::reach(&h.db, school, &audience)
        .await
        .expect("reach");
    let mut expected: Vec<(String, String)> = Vec::new();
    for id in reached.guardians.keys() {
        let g = guardian::Entity::find_by_id(*id)
            .one(&h.db)
            .await
            .expect("query")
            .expect("guardian");
        if let Some(email) = g.email.filter(|e| !e.is_empty()) {
            expected.push((email, g.preferred_locale));
        }
    }
    assert!(
        !expected.is_empty(),
        "the demo's Year 3 has families with e-mail"
    );
    while app::outbox::worker::drain_once(&h.db, &smtp(sink.port), &settings())
        .await
        .expect("drain")
        > 0
    {}
    let mails = received(sink.dir.path());
    let mut to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    let mut want: Vec<&str> = expected.iter().map(|(e, _)| e.as_str()).collect();
    want.sort_unstable();
    assert_eq!(
        to, want,
        "one e-mail for each family it reaches, none twice"
    );
    for (email, language) in &expected {
        let mail = mails.iter().find(|m| &m.to == email).expect("their e-mail");
        let changed = match language.as_str() {
            "zh-CN" => "已更改：",
            "ar" => "تغيير: ",
            _ => "Changed: ",
        };
        assert!(
            mail.subject.contains(changed),
            "{language}: {}",
            mail.subject
        );
    }
}
