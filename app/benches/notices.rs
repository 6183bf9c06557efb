//! The noticeboard at district scale: 20,000 guardians in four schools and 100,000 notices in a
//! SQLite file. Prints publish-transaction and parent-board timings; asserts none. Run with
//! `scripts/bench-noticeboard`, which also load-tests the server on the same database.
//!
//! With `SG_BENCH_DB=<file>` the database is kept there, with one guardian's session token in
//! `<file>.cookie`, for the load test.

mod families;
mod timing;

use app::audience::Audience;
use app::audience::resolve::{memberships, reach};
use app::db::entities::{notice, notice_target};
use app::db::{connect, migrate};
use app::i18n::Locale;
use app::notices::store::{self, Draft};
use app::notices::{Category, status, target};
use app::roster::generated::{IdSource, Inserted, insert, random_school};
use chrono::{Duration as Age, Utc};
use rand::{Rng, SeedableRng};
use sea_orm::{DatabaseConnection, EntityTrait, Set};
use std::time::Instant;

const SCHOOLS: usize = 4;
const GUARDIANS_PER_SCHOOL: usize = 5_000;
const NOTICES: usize = 100_000;
const PUBLISH_RUNS: usize = 20;
const BOARD_SAMPLES: usize = 500;

/// 100,000 published notices over the last two years: mostly to classes and year groups, some
/// to the whole school or single pupils, as a school's year of letters looks.
async fn generate_notices(
    db: &DatabaseConnection,
    schools: &[Inserted],
    rng: &mut impl Rng,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let mut notices = Vec::new();
    let mut targets = Vec::new();
    for id in 1..=NOTICES as i32 {
        let school = &schools[rng.random_range(0..schools.len())];
        let (kind, target_id) = match rng.random_range(0..100) {
            0..5 => (target::SCHOOL, school.school_id),
            5..30 => (
                target::YEAR_GROUP,
                school.year_groups[rng.random_range(0..school.year_groups.len())],
            ),
            30..85 => {
                let group = &school.classes[rng.random_range(0..school.classes.len())];
                (target::CLASS, group[rng.random_range(0..group.len())])
            }
            _ => (
                target::PUPIL,
                school.pupils[rng.random_range(0..school.pupils.len())],
            ),
        };
        let audience = match kind {
            target::SCHOOL => Audience::school(),
            target::YEAR_GROUP => Audience {
                year_groups: vec![target_id],
                ..Audience::default()
            },
            target::CLASS => Audience {
                classes: vec![target_id],
                ..Audience::default()
            },
            _ => Audience {
                pupils: vec![target_id],
                ..Audience::default()
            },
        };
        let at = now - Age::minutes(rng.random_range(1..60 * 24 * 730));
        notices.push(notice::ActiveModel {
            id: Set(id),
            school_id: Set(school.school_id),
            author_user_id: Set(None),
            status: Set(status::PUBLISHED.into()),
            category: Set(Category::General.code().into()),
            audience: Set(serde_json::to_string(&audience)?),
            language: Set("en-GB".into()),
            title: Set(format!("Notice {id}")),
            body_source: Set("Please read this letter about the week ahead.".into()),
            body_html: Set("<p>Please read this letter about the week ahead.</p>".into()),
            excerpt: Set("Please read this letter about the week ahead.".into()),
            ack_required: Set(id % 10 == 0),
            ack_by: Set(None),
            publish_at: Set(Some(at)),
            expires_at: Set(None),
            pinned: Set(id % 500 == 0),
            revision: Set(1),
            created_at: Set(at),
            updated_at: Set(at),
            withdrawn_at: Set(None),
            last_reminded_at: Set(None),
        });
        targets.push(notice_target::ActiveModel {
            notice_id: Set(id),
            kind: Set(kind.into()),
            target_id: Set(target_id),
            pinned: Set(id % 500 == 0),
            publish_at: Set(at),
            expires_at: Set(None),
            ..Default::default()
        });
        if notices.len() == 200 {
            notice::Entity::insert_many(std::mem::take(&mut notices))
                .exec_without_returning(db)
                .await?;
            notice_target::Entity::insert_many(std::mem::take(&mut targets))
                .exec_without_returning(db)
                .await?;
        }
    }
    if !notices.is_empty() {
        notice::Entity::insert_many(notices)
            .exec_without_returning(db)
            .await?;
        notice_target::Entity::insert_many(targets)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (url, keep) = timing::database_url(dir.path());
    let db = connect(&url).await?;
    migrate(&db).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut ids = IdSource::default();
    let started = Instant::now();
    let mut schools = Vec::new();
    for _ in 0..SCHOOLS {
        let plan = random_school(&mut rng, GUARDIANS_PER_SCHOOL);
        schools.push(insert(&db, &mut ids, &plan).await?);
    }
    generate_notices(&db, &schools, &mut rng).await?;
    app::db::optimize(&db).await?;
    println!(
        "generated {} guardians in {SCHOOLS} schools and {NOTICES} notices in {:.1} s (SQLite file)",
        SCHOOLS * GUARDIANS_PER_SCHOOL,
        started.elapsed().as_secs_f64()
    );

    // Publishing to a whole school of 5,000 guardians: audience resolution, then one
    // transaction with the notice, its targets, 5,000 notifications and 5,000 queued e-mails.
    let school = &schools[1];
    let reached = reach(&db, school.school_id, &Audience::school())
        .await?
        .guardians
        .len();
    let mut resolve_times = Vec::new();
    let mut publish_times = Vec::new();
    for run in 0..PUBLISH_RUNS {
        let draft = Draft {
            title: format!("Whole-school letter {run}"),
            body_source: "The school will close early on Friday.".into(),
            language: Locale::EnGb,
            audience: Audience::school(),
            ..Draft::default()
        };
        let now = Utc::now();
        let id = store::save_draft(&db, school.school_id, 1, None, &draft, now).await?;
        let row = notice::Entity::find_by_id(id)
            .one(&db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("draft"))?;
        let start = Instant::now();
        std::hint::black_box(reach(&db, school.school_id, &Audience::school()).await?);
        resolve_times.push(start.elapsed());
        let start = Instant::now();
        let outcome = store::publish(&db, &row, now, now, "Europe/London").await?;
        publish_times.push(start.elapsed());
        assert_eq!(outcome.notified as usize, reached);
    }
    println!("publish: whole school reaches {reached} guardians");
    timing::report("audience resolution: whole school", resolve_times);
    timing::report(
        "publish transaction (resolution + rows + e-mails)",
        publish_times,
    );

    // A parent opening the board: visible notices (pinned first, the newest page) with which of those
    // they have read, then the page's cards with their acknowledgements and translations in one
    // statement, and the unread count.
    let mut board_times = Vec::new();
    let mut shown = 0usize;
    for _ in 0..BOARD_SAMPLES {
        let school = &schools[rng.random_range(0..schools.len())];
        let guardian = school.guardians[rng.random_range(0..school.guardians.len())];
        let mine = memberships(&db, guardian).await?;
        let now = Utc::now();
        let start = Instant::now();
        let feed = store::guardian_feed(&db, school.school_id, guardian, &mine, now).await?;
        let first_page = &feed.ids[..feed.ids.len().min(store::BOARD_PAGE as usize)];
        let cards = store::board_notices(&db, first_page, guardian).await?;
        std::hint::black_box(feed.unread());
        board_times.push(start.elapsed());
        shown += std::hint::black_box(cards).len();
    }
    println!(
        "board: {:.1} notices shown on average (at most {})",
        shown as f64 / BOARD_SAMPLES as f64,
        store::BOARD_PAGE
    );
    timing::report(
        "parent board query (feed with reads, notices with acks, translations)",
        board_times,
    );

    if let Some(path) = keep {
        // A signed-in guardian for the server load test.
        let guardian = schools[1].guardians[42];
        let account = families::family_account(
            &db,
            schools[1].school_id,
            guardian,
            "bench.parent@district.example",
        )
        .await?;
        let token = app::auth::session::start(&db, account.id).await?;
        std::fs::write(format!("{path}.cookie"), format!("sg_session={token}"))?;
        println!("kept the database at {path}");
    }
    Ok(())
}
