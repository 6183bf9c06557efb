//! Download links for `scripts/bench-reports`: after the script has uploaded and published a
//! cycle on the release server's database (`SG_BENCH_DB`, SQLite), gives up to 100 guardians who
//! receive one of its reports an account and a session, and writes `<db>.downloads`: one line
//! per guardian, their session cookie and a link to their child's report signed for them
//! (tab-separated), for wrk. Prints what it wrote; asserts nothing.

use app::db::connect;
use app::db::entities::{guardian_pupil, report, user_account};
use app::reports::links::Signer;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::BTreeMap;
use std::io::Write;

/// The parents downloading at once.
const PARENTS: usize = 100;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Ok(path) = std::env::var("SG_BENCH_DB") else {
        println!("SG_BENCH_DB is not set: run scripts/bench-reports");
        return Ok(());
    };
    let db = connect(&format!("sqlite://{path}?mode=rwc")).await?;
    let reports = report::Entity::find()
        .filter(report::Column::State.eq("current"))
        .all(&db)
        .await?;
    let by_pupil: BTreeMap<i32, &report::Model> = reports.iter().map(|r| (r.pupil_id, r)).collect();
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(by_pupil.keys().copied()))
        .filter(guardian_pupil::Column::ReceivesReports.eq(true))
        .all(&db)
        .await?;
    let signer = Signer::load(&db).await?;
    let now = Utc::now();
    let mut chosen: BTreeMap<i32, i32> = BTreeMap::new();
    for link in &links {
        if chosen.len() == PARENTS {
            break;
        }
        if let Some(report) = by_pupil.get(&link.pupil_id) {
            chosen.entry(link.guardian_id).or_insert(report.id);
        }
    }
    let mut out = std::fs::File::create(format!("{path}.downloads"))?;
    for (guardian, report) in &chosen {
        let existing = user_account::Entity::find()
            .filter(user_account::Column::GuardianId.eq(*guardian))
            .one(&db)
            .await?;
        let account = match existing {
            Some(account) => account,
            None => {
                let school = reports.first().map(|r| r.school_id).unwrap_or(1);
                let account = user_account::ActiveModel {
                    school_id: Set(school),
                    email: Set(format!("bench.g{guardian}@riverside.example")),
                    password_hash: Set(None),
                    status: Set("active".into()),
                    guardian_id: Set(Some(*guardian)),
                    staff_id: Set(None),
                    selected_pupil_id: Set(None),
                    created_at: Set(now),
                    ..Default::default()
                };
                sea_orm::ActiveModelTrait::insert(account, &db).await?
            }
        };
        let token = app::auth::session::start(&db, account.id).await?;
        writeln!(
            out,
            "sg_session={token}\t{}",
            signer.href(*report, account.id, now)
        )?;
    }
    println!(
        "{} parents, each with a signed link to their child's report, in {path}.downloads",
        chosen.len()
    );
    Ok(())
}
