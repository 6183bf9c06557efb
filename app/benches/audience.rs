//! Audience resolution on a generated district of 20,000 guardians (four schools of 5,000) in a
//! SQLite file: prints timings; asserts none. Run with `scripts/bench-audience`.

use app::audience::Audience;
use app::audience::resolve::{memberships, reach};
use app::db::{connect, migrate, scratch};
use app::roster::generated::{IdSource, insert, random_school};
use rand::SeedableRng;
use std::time::{Duration, Instant};

const SCHOOLS: usize = 4;
const GUARDIANS_PER_SCHOOL: usize = 5_000;
const RUNS: usize = 50;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn time<F, Fut, T>(label: &str, mut run: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(run().await);
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{label:<48} p50 {:>9}  p99 {:>9}  max {:>9}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO))
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = connect(&scratch::sqlite_url_in(dir.path())).await?;
    migrate(&db).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut ids = IdSource::default();
    let started = Instant::now();
    let mut schools = Vec::new();
    for _ in 0..SCHOOLS {
        let plan = random_school(&mut rng, GUARDIANS_PER_SCHOOL);
        schools.push(insert(&db, &mut ids, &plan).await?);
    }
    println!(
        "generated {} guardians in {SCHOOLS} schools in {:.1} s (SQLite file)",
        SCHOOLS * GUARDIANS_PER_SCHOOL,
        started.elapsed().as_secs_f64()
    );
    // As the server does after start-up and imports, so the planner knows the table sizes.
    app::db::optimize(&db).await?;
    let school = &schools[1];
    let whole = Audience::school();
    let count = reach(&db, school.school_id, &whole).await?.count();
    println!(
        "whole-school audience reaches {} guardians, {} families, {} pupils",
        count.guardians, count.families, count.pupils
    );
    time("reach: whole school (guardians + children)", || {
        reach(&db, school.school_id, &whole)
    })
    .await;
    time("reach + counts: whole school (preview)", || async {
        reach(&db, school.school_id, &whole)
            .await
            .map(|r| r.count())
    })
    .await;
    let year = Audience {
        year_groups: vec![school.year_groups[3]],
        ..Audience::default()
    };
    time("reach: one year group", || {
        reach(&db, school.school_id, &year)
    })
    .await;
    let class = Audience {
        classes: vec![school.classes[2][1]],
        ..Audience::default()
    };
    time("reach: one class", || reach(&db, school.school_id, &class)).await;
    let guardian = school.guardians[1234];
    time("memberships: one guardian", || memberships(&db, guardian)).await;
    Ok(())
}
