//! The `schoolgate` binary: `serve` (default), `migrate` and `seed`.

use anyhow::Context;
use server::config::Config;
use server::startup;

const USAGE: &str = "usage: schoolgate [serve | migrate | seed]

  serve    run the portal (default)
  migrate  bring the database schema up to date and exit
  seed     create the demo school if the database has no school, then exit

Configuration comes from environment variables; see README.md.";

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
            let state = startup::app_state(db, &config.site_root, assets).await;
            startup::serve(&config, state).await
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
                tracing::info!("created the demo school");
            } else {
                tracing::info!("a school exists already; nothing seeded");
            }
            Ok(())
        }
        other => anyhow::bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}
