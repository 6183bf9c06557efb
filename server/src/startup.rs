//! Start-up: logging, database, state, and serving until SIGTERM or Ctrl-C.

use crate::config::{Config, LogFormat};
use anyhow::Context;
use app::assets::AssetManifest;
use app::state::AppState;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::path::Path;
use tracing_subscriber::EnvFilter;

/// Name of the front-end build's manifest inside `pkg/`.
pub const MANIFEST_FILE: &str = "manifest.txt";

/// Installs the log subscriber (`RUST_LOG` filters; default `info`).
pub fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// Connects, migrates and refreshes the planner's statistics.
pub async fn open_database(url: &str) -> anyhow::Result<DatabaseConnection> {
    let db = app::db::connect(url)
        .await
        .with_context(|| format!("cannot open the database named by DATABASE_URL ({url})"))?;
    app::db::migrate(&db)
        .await
        .context("database migration failed")?;
    app::db::optimize(&db)
        .await
        .context("refreshing the query planner's statistics failed")?;
    Ok(db)
}

/// Reads the front-end manifest the build wrote under `site_root/pkg/`.
pub fn load_assets(site_root: &Path) -> anyhow::Result<AssetManifest> {
    let path = site_root.join("pkg").join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "SG_SITE_ROOT={}: cannot read {} — build the front end first (./sg run does)",
            site_root.display(),
            path.display()
        )
    })?;
    let mut assets =
        AssetManifest::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    if let Some(split) = &assets.split {
        let path = site_root.join("pkg").join(split);
        let json = std::fs::read(&path)
            .with_context(|| format!("cannot read the chunk map {}", path.display()))?;
        let map: app::assets::PrefetchMap = serde_json::from_slice(&json)
            .with_context(|| format!("{} is not a chunk map", path.display()))?;
        assets.set_prefetch(map);
    }
    Ok(assets)
}

/// Builds the shared state, reading the school's profile once.
pub async fn app_state(
    db: DatabaseConnection,
    site_root: &Path,
    assets: AssetManifest,
    settings: app::state::Settings,
    files: app::storage::SharedStore,
) -> AppState {
    let school = app::school::db::profile(&db).await.ok();
    if school.is_none() {
        tracing::warn!("no school in the database yet: run `schoolgate seed` for the demo school");
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("schoolgate")
        .site_root(site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .build();
    AppState {
        db,
        leptos_options,
        assets: std::sync::Arc::new(assets),
        school,
        settings,
        files,
        actors: Default::default(),
    }
}

/// Starts the outbox worker when a mail server is configured; the handle stops it.
pub fn start_outbox(
    db: &DatabaseConnection,
    config: &Config,
) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let Some(smtp) = &config.smtp else {
        tracing::warn!("no SG_SMTP_HOST: e-mail is off; notices reach parents in the app only");
        return Ok(None);
    };
    let mailer = app::outbox::mailer::Smtp::new(smtp)
        .map_err(|e| anyhow::anyhow!("SG_SMTP_FROM / SG_SMTP_HOST: {e}"))?;
    let settings = app::outbox::worker::WorkerSettings::new(&config.public_url);
    tracing::info!(host = %smtp.host, port = smtp.port, "e-mail goes through SMTP");
    Ok(Some(tokio::spawn(app::outbox::worker::run(
        db.clone(),
        mailer,
        settings,
        std::future::pending(),
    ))))
}

/// Serves until SIGTERM or Ctrl-C, then lets in-flight requests finish.
pub async fn serve(config: &Config, state: AppState) -> anyhow::Result<()> {
    let router = crate::router::build(state, config.max_body_bytes);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("SG_ADDR={}: cannot listen there", config.addr))?;
    tracing::info!(addr = %config.addr, "Schoolgate is listening on http://{}", config.addr);
    serve_on(listener, router, shutdown_signal())
        .await
        .context("server failed")?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Serves `router` on an open listener until `shutdown` completes.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Without TCP_NODELAY a response written as headers then body waits for the client's delayed
    // ACK (~40 ms) on a kept-alive connection: every static file a phone fetched paid it.
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(error = %err, "cannot set TCP_NODELAY");
        }
    });
    // Connection info gives sign-in throttling the caller's address.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received, finishing requests in flight");
}
