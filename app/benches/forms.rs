//! Forms at district scale, for `scripts/bench-forms`: one school of 20,000 guardians sent a
//! whole-school trip consent, three in five children answered (a few by two parents who
//! disagree). Prints the timings of what staff open — the form's figures and its CSV — and
//! asserts none.
//!
//! With `SG_BENCH_DB=<file>` (SQLite) or `SG_BENCH_DB_URL=<url>` (PostgreSQL) the database is
//! kept, with `<file>.submissions`: for the load test, one unanswered form page per line (the
//! guardian's session cookie, the form's address and the body a browser would post), from more
//! forms sent to the whole school.

mod timing;

use app::access::{Capability, Role, grant, load_actor};
use app::db::entities::{enrolment, form_response, guardian_pupil};
use app::db::{connect, migrate};
use app::forms::store::{self, NewForm, state};
use app::roster::generated::{IdSource, insert, random_school};
use chrono::{Duration, Utc};
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

const GUARDIANS: usize = 20_000;
/// Forms whose pages the load test answers.
const LOAD_FORMS: usize = 4;
const SAMPLES: usize = 10;

fn trip(n: usize, audience: app::audience::Audience) -> NewForm {
    let now = Utc::now();
    NewForm {
        template: app::forms::templates::code::TRIP_CONSENT.into(),
        per_family: false,
        language: "en-GB".into(),
        definition: app::forms::templates::trip_consent(
            [("en-GB".to_string(), format!("Whole-school trip {n}"))].into(),
            [("en-GB".to_string(), "By coach, back by 3 pm.".to_string())].into(),
        ),
        audience,
        opens_at: now - Duration::minutes(1),
        closes_at: now + Duration::days(14),
        consent_until: None,
    }
}

/// Three in five children answered by their first guardian who may consent; one in fifty also
/// by a second who disagrees.
async fn answer_most(
    db: &DatabaseConnection,
    form: i32,
    links: &BTreeMap<i32, Vec<i32>>,
    user: i32,
    rng: &mut impl Rng,
) -> anyhow::Result<usize> {
    let now = Utc::now();
    let mut rows = Vec::new();
    for (pupil, guardians) in links {
        if rng.random_range(0..5) >= 3 {
            continue;
        }
        let both = guardians.len() > 1 && rng.random_range(0..50) == 0;
        for (i, guardian) in guardians.iter().take(if both { 2 } else { 1 }).enumerate() {
            let consent = if i == 0 { "yes" } else { "no" };
            rows.push(form_response::ActiveModel {
                form_id: Set(form),
                pupil_id: Set(Some(*pupil)),
                guardian_id: Set(*guardian),
                user_id: Set(user),
                version: Set(1),
                state: Set(state::ANSWERED.into()),
                answers: Set(format!(
                    r#"{{"consent":"{consent}","medical":"no","phone":"01632 960000","signature":"A Parent"}}"#
                )),
                wording: Set("Whole-school trip".into()),
                wording_sha256: Set("0".repeat(64)),
                language: Set("en-GB".into()),
                client_address: Set("127.0.0.1".into()),
                user_agent: Set("bench".into()),
                submitted_at: Set(now),
                token: Set(format!("bench-{form}-{pupil}-{guardian}")),
                ..Default::default()
            });
        }
    }
    let count = rows.len();
    for chunk in rows.chunks(500) {
        form_response::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(count)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (url, keep) = match std::env::var("SG_BENCH_DB_URL") {
        Ok(url) => (url, std::env::var("SG_BENCH_SUBMISSIONS").ok()),
        Err(_) => timing::database_url(dir.path()),
    };
    let db = connect(&url).await?;
    migrate(&db).await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(23);
    let started = Instant::now();
    let school = insert(
        &db,
        &mut IdSource::default(),
        &random_school(&mut rng, GUARDIANS),
    )
    .await?;
    let office = app::roster::demo::add_staff_member(
        &db,
        school.school_id,
        "",
        "Bench Office",
        "office@district.example",
        &[Role::OfficeAdmin],
    )
    .await?;
    let year = app::audience::resolve::current_year(&db, school.school_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("a current year"))?;
    let enrolled: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(year.id))
        .all(&db)
        .await?
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let mut links: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for chunk in enrolled.chunks(500) {
        for link in guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::PupilId.is_in(chunk.iter().copied()))
            .filter(guardian_pupil::Column::MayConsent.eq(true))
            .all(&db)
            .await?
        {
            links
                .entry(link.pupil_id)
                .or_default()
                .push(link.guardian_id);
        }
    }
    let whole_school = app::audience::Audience {
        whole_school: true,
        ..Default::default()
    };
    let now = Utc::now();
    let form = store::create(
        &db,
        school.school_id,
        office,
        &trip(0, whole_school.clone()),
        now,
    )
    .await?;
    let answered = answer_most(&db, form, &links, office, &mut rng).await?;
    app::db::optimize(&db).await?;
    println!(
        "generated {GUARDIANS} guardians, {} children asked and {answered} answers in {:.1} s",
        links.len(),
        started.elapsed().as_secs_f64()
    );

    let actor = std::sync::Arc::new(
        load_actor(&db, office)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the office"))?,
    );
    let granted = grant(&actor, Capability::FormManage)?;
    let mut figures = Vec::new();
    let mut rows = 0;
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let shown = app::forms::dashboard::figures_for(&db, &granted, form, None).await?;
        figures.push(start.elapsed());
        rows = shown.children.len();
    }
    timing::report(
        &format!("figures of a form sent to {GUARDIANS} guardians ({rows} children)"),
        figures,
    );
    let mut exports = Vec::new();
    let mut bytes = 0;
    for _ in 0..SAMPLES {
        let start = Instant::now();
        let table =
            app::forms::export::table(&db, &granted, form, app::i18n::Locale::default()).await?;
        bytes = table.csv()?.len();
        exports.push(start.elapsed());
    }
    timing::report(&format!("its CSV export ({} KB)", bytes / 1024), exports);

    if let Some(path) = keep {
        // Pages to answer for the load test: every (guardian, child) pair of more forms, each
        // guardian signed in once.
        let mut cookies: BTreeMap<i32, String> = BTreeMap::new();
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(format!("{path}.submissions"))?);
        let mut lines = 0;
        for n in 1..=LOAD_FORMS {
            let id = store::create(
                &db,
                school.school_id,
                office,
                &trip(n, whole_school.clone()),
                now,
            )
            .await?;
            for (pupil, guardians) in &links {
                for guardian in guardians {
                    let cookie = match cookies.get(guardian) {
                        Some(cookie) => cookie.clone(),
                        None => {
                            let account = app::db::entities::user_account::ActiveModel {
                                school_id: Set(school.school_id),
                                email: Set(format!("g{guardian}@district.example")),
                                password_hash: Set(None),
                                status: Set("active".into()),
                                guardian_id: Set(Some(*guardian)),
                                staff_id: Set(None),
                                selected_pupil_id: Set(None),
                                created_at: Set(now),
                                ..Default::default()
                            };
                            let account = sea_orm::ActiveModelTrait::insert(account, &db).await?;
                            let token = app::auth::session::start(&db, account.id).await?;
                            let cookie = format!("sg_session={token}");
                            cookies.insert(*guardian, cookie.clone());
                            cookie
                        }
                    };
                    writeln!(
                        out,
                        "{cookie}\t/forms/{id}\tchild={pupil}&token=load{id}g{guardian}p{pupil}&version=0&language=en-GB&f_consent=yes&f_medical=no&f_phone=01632960000&f_signature=A+Parent&action=send"
                    )?;
                    lines += 1;
                }
            }
        }
        out.flush()?;
        println!("kept the database with {lines} pages to answer in {path}.submissions");
    }
    Ok(())
}
