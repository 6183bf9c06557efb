//! The newsfeed at district scale: 20,000 guardians in four schools and 100,000 posts (school
//! stories, class stories, portfolios with tagged pupils, a third with photos) in a SQLite file,
//! for `scripts/bench-news`, which load-tests a family's `/news` on it next to `/sign-in`.
//! Prints the timings of the feed's queries for families picked at random; asserts none.
//!
//! With `SG_BENCH_DB=<file>` the database is kept there, with a 3A-style guardian's session
//! token in `<file>.cookie`.

mod families;
mod timing;

use app::db::entities::{enrolment, news_photo, news_post, news_post_pupil, staff, user_account};
use app::db::{connect, migrate};
use app::news::reader::visible;
use app::roster::generated::{IdSource, Inserted, insert, random_school};
use chrono::{Duration as Age, Utc};
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

const SCHOOLS: usize = 4;
const GUARDIANS_PER_SCHOOL: usize = 5_000;
const POSTS: usize = 100_000;
const BATCH: usize = 200;
const FEED_SAMPLES: usize = 300;

/// A school's author and its classes' pupils, for the posts.
struct Poster {
    school_id: i32,
    year_id: i32,
    author: i32,
    classes: Vec<(i32, Vec<i32>)>,
}

async fn poster(db: &DatabaseConnection, school: &Inserted) -> anyhow::Result<Poster> {
    let year = app::audience::resolve::current_year(db, school.school_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("a current year"))?;
    let member = staff::ActiveModel {
        school_id: Set(school.school_id),
        name: Set(format!("Teacher of school {}", school.school_id)),
        email: Set(format!("teacher{}@district.example", school.school_id)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let account = user_account::ActiveModel {
        school_id: Set(school.school_id),
        email: Set(member.email.clone()),
        password_hash: Set(None),
        status: Set("active".into()),
        guardian_id: Set(None),
        staff_id: Set(Some(member.id)),
        selected_pupil_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let class_ids: Vec<i32> = school.classes.iter().flatten().copied().collect();
    let mut pupils: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in enrolment::Entity::find()
        .filter(enrolment::Column::ClassId.is_in(class_ids.clone()))
        .all(db)
        .await?
    {
        if let Some(class) = row.class_id {
            pupils.entry(class).or_default().push(row.pupil_id);
        }
    }
    Ok(Poster {
        school_id: school.school_id,
        year_id: year.id,
        author: account.id,
        classes: class_ids
            .into_iter()
            .map(|id| (id, pupils.remove(&id).unwrap_or_default()))
            .collect(),
    })
}

/// 100,000 posts over the last year: most to a class story, some to the school story, some to
/// one or two pupils' portfolios; a third with two photos; tagged pupils on a fifth of the rest.
async fn generate_posts(
    db: &DatabaseConnection,
    posters: &[Poster],
    rng: &mut impl Rng,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let (mut posts, mut tags, mut photos) = (Vec::new(), Vec::new(), Vec::new());
    let body = "We planted sunflowers and measured them. **Well done**, everyone!";
    let html = app::notices::rich_text::render(body);
    // Oldest first, so ids follow time as they do when posts are written.
    let mut ages: Vec<i64> = (0..POSTS)
        .map(|_| rng.random_range(1..60 * 24 * 365))
        .collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    for (index, age) in ages.into_iter().enumerate() {
        let id = i32::try_from(index + 1)?;
        let poster = &posters[rng.random_range(0..posters.len())];
        let (class, pupils) = &poster.classes[rng.random_range(0..poster.classes.len())];
        let (story, class_id, tagged) = match rng.random_range(0..100) {
            0..10 => ("school", None, Vec::new()),
            10..85 => {
                let tagged = if rng.random_range(0..5) == 0 && !pupils.is_empty() {
                    vec![pupils[rng.random_range(0..pupils.len())]]
                } else {
                    Vec::new()
                };
                ("class", Some(*class), tagged)
            }
            _ if pupils.is_empty() => ("class", Some(*class), Vec::new()),
            _ => {
                let mut tagged = vec![pupils[rng.random_range(0..pupils.len())]];
                if rng.random_bool(0.3) {
                    tagged.push(pupils[rng.random_range(0..pupils.len())]);
                }
                tagged.dedup();
                ("portfolio", Some(*class), tagged)
            }
        };
        let at = now - Age::minutes(age);
        posts.push(news_post::ActiveModel {
            id: Set(id),
            school_id: Set(poster.school_id),
            author_id: Set(poster.author),
            story: Set(story.into()),
            class_id: Set(class_id),
            academic_year_id: Set(poster.year_id),
            body_source: Set(body.into()),
            body_html: Set(html.clone()),
            created_at: Set(at),
            updated_at: Set(at),
            language: Set("en-GB".into()),
            revision: Set(1),
            edited_by: Set(None),
            edited_at: Set(None),
            pinned_at: Set(None),
        });
        for pupil_id in tagged {
            tags.push(news_post_pupil::ActiveModel {
                post_id: Set(id),
                pupil_id: Set(pupil_id),
                ..Default::default()
            });
        }
        if index % 3 == 0 {
            for position in 0..2 {
                photos.push(news_photo::ActiveModel {
                    school_id: Set(poster.school_id),
                    post_id: Set(Some(id)),
                    uploaded_by: Set(poster.author),
                    position: Set(position),
                    width: Set(1600),
                    height: Set(1200),
                    widths: Set("320 768 1600".into()),
                    storage_keys: Set(format!(
                        "bench-{id}-{position}-a bench-{id}-{position}-b bench-{id}-{position}-c"
                    )),
                    created_at: Set(at),
                    ..Default::default()
                });
            }
        }
        if posts.len() == BATCH {
            flush(db, &mut posts, &mut tags, &mut photos).await?;
        }
    }
    flush(db, &mut posts, &mut tags, &mut photos).await
}

async fn flush(
    db: &DatabaseConnection,
    posts: &mut Vec<news_post::ActiveModel>,
    tags: &mut Vec<news_post_pupil::ActiveModel>,
    photos: &mut Vec<news_photo::ActiveModel>,
) -> anyhow::Result<()> {
    if !posts.is_empty() {
        news_post::Entity::insert_many(std::mem::take(posts))
            .exec_without_returning(db)
            .await?;
    }
    if !tags.is_empty() {
        news_post_pupil::Entity::insert_many(std::mem::take(tags))
            .exec_without_returning(db)
            .await?;
    }
    if !photos.is_empty() {
        news_photo::Entity::insert_many(std::mem::take(photos))
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
    let mut rng = rand::rngs::StdRng::seed_from_u64(17);
    let mut ids = IdSource::default();
    let started = Instant::now();
    let mut schools = Vec::new();
    let mut posters = Vec::new();
    for _ in 0..SCHOOLS {
        let plan = random_school(&mut rng, GUARDIANS_PER_SCHOOL);
        let school = insert(&db, &mut ids, &plan).await?;
        posters.push(poster(&db, &school).await?);
        schools.push(school);
    }
    // Generated pupils consent to class photos, all a post here needs: none is withheld.
    generate_posts(&db, &posters, &mut rng).await?;
    app::db::optimize(&db).await?;
    println!(
        "generated {} guardians in {SCHOOLS} schools and {POSTS} news posts in {:.1} s (SQLite file)",
        SCHOOLS * GUARDIANS_PER_SCHOOL,
        started.elapsed().as_secs_f64()
    );

    // A family opening the feed: the first page of what they may read (pinned first, then newest
    // first), the consent check of its tagged posts, likes and comments, and translations.
    let mut times = Vec::new();
    let mut shown = 0usize;
    // One account per guardian: the load test's parent is taken out of the draw.
    let mut drawn: HashSet<i32> = HashSet::from([schools[1].guardians[42]]);
    for sample in 0..FEED_SAMPLES {
        let school = &schools[rng.random_range(0..schools.len())];
        let guardian = school.guardians[rng.random_range(0..school.guardians.len())];
        if !drawn.insert(guardian) {
            continue;
        }
        let email = format!("sample{sample}@district.example");
        let account = families::family_account(&db, school.school_id, guardian, &email).await?;
        let actor = app::access::load_actor(&db, account.id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("an actor"))?;
        let scope = app::access::allowed_scope(&actor.roles, app::access::Capability::NewsRead)
            .ok_or_else(|| anyhow::anyhow!("families read news"))?;
        let start = Instant::now();
        let pinned = news_post::Entity::find()
            .filter(visible(&actor, scope))
            .filter(news_post::Column::PinnedAt.is_not_null())
            .order_by_desc(news_post::Column::PinnedAt)
            .limit(10)
            .all(&db)
            .await?;
        let mut posts = news_post::Entity::find()
            .filter(visible(&actor, scope))
            .filter(news_post::Column::PinnedAt.is_null())
            .order_by_desc(news_post::Column::Id)
            .limit(21)
            .all(&db)
            .await?;
        posts.extend(pinned);
        let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
        std::hint::black_box(app::news::withheld::broken(&db, &posts).await?);
        std::hint::black_box(app::news::comments::reactions(&db, actor.user_id, &ids).await?);
        std::hint::black_box(app::news::edits::texts(&db, &posts).await?);
        times.push(start.elapsed());
        shown += posts.len().min(20);
    }
    println!(
        "feed: {:.1} posts on a family's first page on average (at most 20)",
        shown as f64 / FEED_SAMPLES as f64
    );
    timing::report(
        "family feed queries (page, consent, reactions, texts)",
        times,
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
