//! A family's private calendar feed at the size the calendar issue sets: a school of 2,000
//! guardians with a year of 2,000 events (a third translated into Chinese), read by a guardian
//! with three children in three year groups. Prints the time to build the feed (the events'
//! queries and the iCalendar file) and to find a kept answer; asserts none. Run with
//! `scripts/bench-calendar-feed`, which also load-tests the feed's address on the server.
//!
//! With `SG_BENCH_DB=<file>` the database is kept there, with the feed's path in `<file>.feed`.

mod families;
mod timing;

use app::audience::Audience;
use app::calendar::store::{self, NewEvent};
use app::calendar::{EventCategory, feed, feed_cache};
use app::db::entities::{calendar_feed, guardian_pupil};
use app::db::{connect, migrate};
use app::i18n::Locale;
use app::roster::generated::{IdSource, insert, random_school};
use chrono::{Duration as Span, Utc};
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::time::Instant;

const GUARDIANS: usize = 2_000;
const EVENTS: usize = 2_000;
const SAMPLES: usize = 300;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (url, keep) = timing::database_url(dir.path());
    let db = connect(&url).await?;
    migrate(&db).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let started = Instant::now();
    let plan = random_school(&mut rng, GUARDIANS);
    let school = insert(&db, &mut IdSource::default(), &plan).await?;

    // The guardian: three children, one each in Years 1, 3 and 5 (by the plan's year groups).
    let guardian = school.guardians[0];
    let mut children = Vec::new();
    for year in [1, 3, 5] {
        let index = plan
            .pupils
            .iter()
            .position(|p| p.year_group == year && p.current && p.class.is_some())
            .ok_or_else(|| anyhow::anyhow!("no pupil in year group {year}"))?;
        children.push(school.pupils[index]);
    }
    guardian_pupil::Entity::delete_many()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian))
        .exec(&db)
        .await?;
    for pupil in &children {
        guardian_pupil::ActiveModel {
            guardian_id: Set(guardian),
            pupil_id: Set(*pupil),
            relationship: Set("Parent".into()),
            parental_responsibility: Set(true),
            receives_reports: Set(true),
            may_consent: Set(true),
            lives_with_pupil: Set(true),
            ..Default::default()
        }
        .insert(&db)
        .await?;
    }
    let account =
        families::family_account(&db, school.school_id, guardian, "feed.parent@bench.example")
            .await?;

    // A year of events from a month ago: most for a class or a year group, some for the whole
    // school, a few for single pupils or staff only; a fifth all-day, a third translated.
    let now = Utc::now();
    let first = now - Span::days(30);
    for i in 0..EVENTS {
        let year = rng.random_range(0..school.year_groups.len());
        let audience = match rng.random_range(0..100) {
            0..8 => Audience::school(),
            8..38 => Audience {
                year_groups: vec![school.year_groups[year]],
                ..Audience::default()
            },
            38..88 => {
                let classes = &school.classes[year];
                Audience {
                    classes: vec![classes[rng.random_range(0..classes.len())]],
                    ..Audience::default()
                }
            }
            88..95 => Audience {
                pupils: (0..3)
                    .map(|_| school.pupils[rng.random_range(0..school.pupils.len())])
                    .collect(),
                ..Audience::default()
            },
            _ => Audience {
                staff_only: true,
                ..Audience::default()
            },
        };
        let all_day = i % 5 == 0;
        let starts_at = first + Span::minutes((i as i64) * 365 * 24 * 60 / EVENTS as i64);
        let ends_at = starts_at
            + if all_day {
                Span::days(1)
            } else {
                Span::hours(2)
            };
        let new = NewEvent {
            category: EventCategory::ALL[i % EventCategory::ALL.len()],
            audience,
            language: "en-GB".into(),
            title: format!("Event {i}: class assembly, trip or club"),
            description_source: "Please bring a **packed lunch** and a coat; back by 3pm.".into(),
            location: "School hall".into(),
            all_day,
            starts_at,
            ends_at,
            repeat: None,
            last_ends_at: ends_at,
            public: false,
            short_notice: false,
        };
        let event = store::create(&db, school.school_id, None, &new, now).await?;
        if i % 3 == 0 {
            store::translate(
                &db,
                &event,
                "zh-CN",
                &format!("活动 {i}"),
                "请带午餐和外套。",
                now,
            )
            .await?;
        }
    }
    app::db::optimize(&db).await?;
    let token = feed::issue(&db, account.id, Locale::ZhCn).await?;
    let row = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::UserId.eq(account.id))
        .one(&db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("feed row"))?;
    println!(
        "generated {GUARDIANS} guardians and {EVENTS} events in {:.1} s (SQLite file)",
        started.elapsed().as_secs_f64()
    );

    // The first build writes every event; later ones find each event's text kept
    // (`calendar::vevent_cache`), as every family's feed does after a change to one event.
    let start = Instant::now();
    feed::build(&db, &row, "Generated school").await?;
    println!(
        "first build (every event written): {:.3} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut build_times = Vec::new();
    let mut built = None;
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let answer = feed::build(&db, &row, "Generated school").await?;
        build_times.push(start.elapsed());
        built = answer;
    }
    let answer = built.ok_or_else(|| anyhow::anyhow!("the guardian has no feed"))?;
    // The database's part of a build that finds every event's text kept: which version of each
    // event and of its translation the feed shows.
    let actor = app::access::load_actor(&db, account.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("actor"))?;
    let memberships = actor.memberships();
    let (mut query_times, mut event_times) = (Vec::new(), Vec::new());
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let versions = store::upcoming_versions(
            &db,
            actor.school_id,
            store::Reach::Members(&memberships),
            now - Span::days(feed::PAST_DAYS),
            feed::LIMIT,
        )
        .await?;
        event_times.push(start.elapsed());
        let ids: Vec<i32> = versions.iter().map(|e| e.id).collect();
        std::hint::black_box(store::translation_versions(&db, &ids, "zh-CN").await?);
        query_times.push(start.elapsed());
    }
    // What a build would read if it kept nothing: every event and translation whole.
    let mut whole_times = Vec::new();
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let events = store::upcoming_for(
            &db,
            actor.school_id,
            &memberships,
            now - Span::days(feed::PAST_DAYS),
            None,
            feed::LIMIT,
        )
        .await?;
        let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
        std::hint::black_box(store::translations(&db, &ids).await?);
        whole_times.push(start.elapsed());
    }
    let body = String::from_utf8_lossy(&answer.body);
    println!(
        "feed: {} events, {:.1} KB (a guardian with 3 children, zh-CN)",
        body.matches("BEGIN:VEVENT").count(),
        answer.body.len() as f64 / 1024.0
    );
    timing::report("build the feed (queries + iCalendar)", build_times);
    timing::report("  of which the versions read", query_times);
    timing::report("    of which the events' versions", event_times);
    timing::report("(reading every event and translation whole)", whole_times);

    let hash = app::auth::session::token_id(&token);
    feed_cache::put(&hash, account.id, answer, feed_cache::generations());
    let mut hit_times = Vec::new();
    for _ in 0..SAMPLES {
        let start = Instant::now();
        std::hint::black_box(feed_cache::get(&app::auth::session::token_id(&token)));
        hit_times.push(start.elapsed());
    }
    timing::report("a kept answer (hash + look-up)", hit_times);

    if let Some(path) = keep {
        std::fs::write(
            format!("{path}.feed"),
            format!("/calendar/feed/{token}.ics"),
        )?;
        println!("kept the database at {path}");
    }
    Ok(())
}
