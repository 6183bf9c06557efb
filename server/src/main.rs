//! The `schoolgate` binary: `serve` (default), `migrate`, `seed`, `create-admin` and
//! `import-roster`.

use anyhow::Context;
use server::config::Config;
use server::startup;

const USAGE: &str = "usage: schoolgate [serve | migrate | seed | create-admin | import-roster]

  serve                          run the portal (default)
  migrate                        bring the database schema up to date and exit
  seed                           create the demo school if the database has no school, then exit
  create-admin <email> <name>    create the school's first admin (system admin and office admin);
                                 the password comes from SG_ADMIN_PASSWORD; a new database also
                                 needs SG_SCHOOL_NAME for the school itself
  setup-year <name> <first day> <last day> <\"Year group:class,class\"> ...
                                 make <name> the current academic year with these year
                                 groups (in order) and classes, before the first import, e.g.
                                 setup-year 2026/27 2026-09-01 2027-07-21 \"Reception:RA,RB\" \"Year 1:1A\"
  import-roster <file.csv> [--commit]
                                 check an MIS export and print what importing it would change;
                                 with --commit, import it (all rows or none)

Configuration comes from environment variables; see README.md.";

// Rows made on sqlx's SQLite worker threads are freed on tokio's; glibc's allocator takes a lock
// for each such free, mimalloc does not (README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let command = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "serve".to_string());
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        println!("{USAGE}");
        return Ok(());
    }
    let config = Config::from_env()?;
    startup::init_logging(config.log_format);

    match command.as_str() {
        "serve" => {
            let assets = startup::load_assets(&config.site_root)?;
            let db = startup::open_database(&config.database_url).await?;
            let mut settings = app::state::Settings::for_public_url(&config.public_url);
            settings.email_enabled = config.smtp.is_some();
            let files = std::sync::Arc::new(app::storage::LocalDir::new(&config.files_dir));
            let outbox = startup::start_outbox(&db, &config)?;
            let state = startup::app_state(db, &config.site_root, assets, settings, files).await;
            let served = startup::serve(&config, state).await;
            // Rows a batch had claimed are picked up again when their lease ends.
            if let Some(worker) = outbox {
                worker.abort();
            }
            served
        }
        "migrate" => {
            startup::open_database(&config.database_url).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
        "seed" => {
            let db = startup::open_database(&config.database_url).await?;
            let created = app::school::db::seed_demo(&db)
                .await
                .context("seeding the demo school failed")?;
            if created {
                let school = app::school::db::first_school(&db)
                    .await?
                    .context("the demo school was just created")?;
                let notices = app::notices::demo::seed(&db, school.id)
                    .await
                    .context("publishing the demo notices failed")?;
                let events = app::calendar::demo::seed(&db, school.id)
                    .await
                    .context("adding the demo events failed")?;
                let forms = app::forms::demo::seed(&db, school.id)
                    .await
                    .context("adding the demo forms failed")?;
                tracing::info!(notices, events, forms, "created the demo school");
            } else {
                tracing::info!("a school exists already; nothing seeded");
            }
            Ok(())
        }
        "create-admin" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let [email, name] = args.as_slice() else {
                anyhow::bail!("create-admin needs <email> and <name>\n\n{USAGE}");
            };
            let password = std::env::var("SG_ADMIN_PASSWORD")
                .context("set SG_ADMIN_PASSWORD to the new admin's password")?;
            let db = startup::open_database(&config.database_url).await?;
            let school = match app::school::db::first_school(&db).await? {
                Some(school) => school.id,
                None => {
                    let name = std::env::var("SG_SCHOOL_NAME")
                        .context("the database has no school yet: set SG_SCHOOL_NAME")?;
                    app::school::db::create_school(&db, &name).await?
                }
            };
            let roles = [
                app::access::Role::SystemAdmin,
                app::access::Role::OfficeAdmin,
            ];
            app::roster::accounts::create_staff_account(
                &db, school, name, email, &roles, &password,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.message(app::i18n::Locale::EnGb)))?;
            tracing::info!(%email, "created the admin account");
            Ok(())
        }
        "setup-year" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let [name, first, last, groups @ ..] = args.as_slice() else {
                anyhow::bail!("setup-year needs a name, two dates and year groups\n\n{USAGE}");
            };
            let day = |text: &str| {
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .with_context(|| format!("{text:?} is not a date like 2026-09-01"))
            };
            let plans = groups
                .iter()
                .map(|g| {
                    app::roster::structure::parse_group(g)
                        .with_context(|| format!("{g:?} names no year group"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let db = startup::open_database(&config.database_url).await?;
            let school = app::school::db::first_school(&db)
                .await?
                .context("the database has no school yet: run create-admin first")?
                .id;
            app::roster::structure::set_up_year(&db, school, name, day(first)?, day(last)?, &plans)
                .await?;
            println!(
                "{name} is the current year with {} year groups",
                plans.len()
            );
            Ok(())
        }
        "import-roster" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let Some(path) = args.first() else {
                anyhow::bail!("import-roster needs a CSV file\n\n{USAGE}");
            };
            let write = args.iter().any(|a| a == "--commit");
            let data = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
            let db = startup::open_database(&config.database_url).await?;
            let school = app::school::db::first_school(&db)
                .await?
                .context("the database has no school yet")?
                .id;
            let report = if write {
                app::roster::import::commit(&db, school, &data).await?
            } else {
                app::roster::import::preview(&db, school, &data).await?
            };
            let locale = app::i18n::Locale::EnGb;
            for problem in &report.problems {
                let text = app::roster::import_page::problem_text(locale, &problem.problem);
                println!("line {}: {text}", problem.line);
            }
            println!(
                "{}",
                app::roster::import_page::summary_text(locale, &report)
            );
            if !report.problems.is_empty() {
                anyhow::bail!("{} problems: nothing was imported", report.problems.len());
            }
            println!(
                "{}",
                if write {
                    "imported"
                } else {
                    "nothing written (add --commit to import)"
                }
            );
            Ok(())
        }
        other => anyhow::bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}
