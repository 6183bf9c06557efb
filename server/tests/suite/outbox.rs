//! E-mail delivery through the outbox to a real SMTP server (aiosmtpd on loopback, started here
//! from the virtualenv `./sg test` prepares): a worker killed mid-drain and restarted leaves every
//! recipient with one e-mail; two workers sharing PostgreSQL never send one twice; a refused
//! connection is retried; each guardian gets their own language.

use crate::support::{Harness, postgres_harness, publish_notice, session_for, sqlite_harness};
use app::db::entities::{guardian, outbox};
use app::outbox::mailer::{Security, Smtp, SmtpSettings};
use app::outbox::worker::{self, WorkerSettings};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The aiosmtpd sink: stops when dropped.
pub(crate) struct Sink {
    child: Child,
    pub(crate) port: u16,
    pub(crate) dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

pub(crate) fn start_sink() -> Sink {
    let python = std::env::var("SG_TEST_SMTP_PYTHON")
        .expect("SG_TEST_SMTP_PYTHON must name a Python with aiosmtpd; `./sg test` sets it up");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/smtp/sink.py");
    let dir = tempfile::tempdir().expect("mail dir");
    let port = free_port();
    let mut child = Command::new(python)
        .arg(script)
        .arg(port.to_string())
        .arg(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the SMTP sink");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("sink output");
    assert_eq!(line.trim(), "ready", "the SMTP sink did not start");
    Sink { child, port, dir }
}

pub(crate) fn smtp(port: u16) -> Smtp {
    Smtp::new(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        username: None,
        password: None,
        from: "Riverside Primary <office@riverside.example>".into(),
        security: Security::None,
    })
    .expect("smtp")
}

pub(crate) fn settings() -> WorkerSettings {
    WorkerSettings {
        batch: 10,
        lease: Duration::from_secs(1),
        idle: Duration::from_millis(50),
        public_url: "https://portal.riverside.example".into(),
    }
}

#[derive(Debug)]
pub(crate) struct Mail {
    pub(crate) to: String,
    pub(crate) subject: String,
    pub(crate) message_id: String,
    pub(crate) body: String,
}

/// Runs the outbox worker until nothing is due, sending to `sink`.
pub(crate) async fn drain(h: &Harness, sink: &Sink) {
    let smtp = smtp(sink.port);
    while worker::drain_once(&h.db, &smtp, &settings())
        .await
        .expect("drain")
        > 0
    {}
}

pub(crate) fn received(dir: &Path) -> Vec<Mail> {
    let mut mails = Vec::new();
    for entry in std::fs::read_dir(dir).expect("mail dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("mail");
            let value: serde_json::Value = serde_json::from_str(&text).expect("json");
            mails.push(Mail {
                to: value["to"][0].as_str().unwrap_or_default().to_string(),
                subject: value["subject"].as_str().unwrap_or_default().to_string(),
                message_id: value["message_id"].as_str().unwrap_or_default().to_string(),
                body: value["body"].as_str().unwrap_or_default().to_string(),
            });
        }
    }
    mails
}

async fn open_rows(h: &Harness) -> usize {
    outbox::Entity::find()
        .filter(outbox::Column::Status.is_in(["pending", "sending"]))
        .all(&h.db)
        .await
        .expect("rows")
        .len()
}

async fn wait_until_drained(h: &Harness) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while open_rows(h).await > 0 {
        assert!(Instant::now() < deadline, "the outbox did not drain");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Publishes a whole-school notice with a Chinese translation; returns guardian id → address
/// and language for every queued e-mail.
async fn publish_to_school(h: &Harness) -> HashMap<String, String> {
    let office = session_for(&h.db, "office@riverside.example").await;
    publish_notice(
        h,
        &office,
        &[
            ("title", "School closed on Monday"),
            ("body", "The heating has failed."),
            ("language", "en-GB"),
            ("whole_school", "on"),
            ("category", "urgent"),
            ("title_zh-CN", "周一学校停课"),
            ("body_zh-CN", "暖气坏了。"),
        ],
        &[],
    )
    .await;
    let queued: BTreeSet<i32> = outbox::Entity::find()
        .all(&h.db)
        .await
        .expect("rows")
        .into_iter()
        .map(|r| r.guardian_id.expect("a notice e-mail goes to a guardian"))
        .collect();
    assert!(
        queued.len() > 100,
        "the demo school has hundreds of e-mail addresses"
    );
    guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(queued))
        .all(&h.db)
        .await
        .expect("guardians")
        .into_iter()
        .map(|g| {
            (
                g.email.unwrap_or_default().to_lowercase(),
                g.preferred_locale,
            )
        })
        .collect()
}

/// Every recipient got the notice once (one Message-ID), in their language.
fn check_delivery(expected: &HashMap<String, String>, mails: &[Mail]) -> usize {
    let mut by_recipient: BTreeMap<String, Vec<&Mail>> = BTreeMap::new();
    for mail in mails {
        by_recipient
            .entry(mail.to.to_lowercase())
            .or_default()
            .push(mail);
    }
    let recipients: BTreeSet<&String> = by_recipient.keys().collect();
    let wanted: BTreeSet<&String> = expected.keys().collect();
    assert_eq!(recipients, wanted, "every queued guardian, and nobody else");
    let mut repeats = 0;
    for (to, mails) in &by_recipient {
        let ids: BTreeSet<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
        assert_eq!(ids.len(), 1, "{to} got different e-mails: {ids:?}");
        repeats += mails.len() - 1;
        let subject = &mails[0].subject;
        if expected[to] == "zh-CN" {
            assert!(subject.contains("周一学校停课"), "{to}: {subject}");
        } else {
            assert!(
                subject.contains("School closed on Monday"),
                "{to}: {subject}"
            );
        }
    }
    repeats
}

#[tokio::test(flavor = "multi_thread")]
async fn a_worker_killed_mid_drain_loses_and_repeats_nothing() {
    let h = sqlite_harness().await;
    let sink = start_sink();
    let expected = publish_to_school(&h).await;

    let first = tokio::spawn(worker::run(
        h.db.clone(),
        smtp(sink.port),
        settings(),
        std::future::pending(),
    ));
    let deadline = Instant::now() + Duration::from_secs(60);
    while received(sink.dir.path()).len() < expected.len() / 3 {
        assert!(Instant::now() < deadline, "the first worker sent nothing");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Kill it mid-drain: a claimed batch is left behind, part sent.
    first.abort();
    assert!(first.await.is_err_and(|e| e.is_cancelled()));
    let at_kill = received(sink.dir.path()).len();
    assert!(at_kill < expected.len(), "killed before the end");
    assert!(open_rows(&h).await > 0);

    let second = tokio::spawn(worker::run(
        h.db.clone(),
        smtp(sink.port),
        settings(),
        std::future::pending(),
    ));
    wait_until_drained(&h).await;
    second.abort();
    let mails = received(sink.dir.path());
    let repeats = check_delivery(&expected, &mails);
    // Only the one e-mail in flight at the kill can arrive twice, with the same Message-ID.
    assert!(repeats <= 1, "{repeats} repeated e-mails");
    println!(
        "outbox: {} recipients, killed after {at_kill}, {} delivered, {repeats} repeated in flight",
        expected.len(),
        mails.len()
    );
    let failed = outbox::Entity::find()
        .filter(outbox::Column::Status.ne("sent"))
        .all(&h.db)
        .await
        .unwrap();
    assert!(failed.is_empty(), "every row ends sent");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_workers_on_postgres_share_the_work_without_repeats() {
    let h = postgres_harness().await;
    let sink = start_sink();
    let expected = publish_to_school(&h).await;
    // Two pools on one database: as two server processes would be.
    let other = app::db::connect(&h.database_url)
        .await
        .expect("second pool");
    // Neither worker dies here, so a lease long enough for any batch on a loaded machine: with
    // the one-second lease, a batch slower than that is rightly taken over, and sent twice.
    let patient = WorkerSettings {
        lease: Duration::from_secs(120),
        ..settings()
    };
    let a = tokio::spawn(worker::run(
        h.db.clone(),
        smtp(sink.port),
        patient.clone(),
        std::future::pending(),
    ));
    let b = tokio::spawn(worker::run(
        other,
        smtp(sink.port),
        patient,
        std::future::pending(),
    ));
    wait_until_drained(&h).await;
    a.abort();
    b.abort();
    let mails = received(sink.dir.path());
    let repeats = check_delivery(&expected, &mails);
    assert_eq!(repeats, 0, "SKIP LOCKED: no row is sent by both workers");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_connection_is_retried_later() {
    let h = sqlite_harness().await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let class = app::db::entities::class::Entity::find()
        .filter(app::db::entities::class::Column::Name.eq("3A"))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    publish_notice(
        &h,
        &office,
        &[
            ("title", "PE kit"),
            ("body", "Tomorrow."),
            ("language", "en-GB"),
            ("class", &class),
        ],
        &[],
    )
    .await;
    let closed = free_port();
    let mut settled = 0;
    loop {
        let n = worker::drain_once(&h.db, &smtp(closed), &settings())
            .await
            .expect("drain");
        if n == 0 {
            break;
        }
        settled += n;
    }
    let rows = outbox::Entity::find().all(&h.db).await.unwrap();
    assert_eq!(settled, rows.len(), "each row tried once");
    for row in &rows {
        assert_eq!(row.attempts, 1);
        assert_eq!(row.status, "pending");
        assert!(row.last_error.is_some());
        assert!(row.next_attempt_at > chrono::Utc::now(), "backed off");
    }
    // Not due yet: a second drain leaves them alone.
    assert_eq!(
        worker::drain_once(&h.db, &smtp(closed), &settings())
            .await
            .unwrap(),
        0
    );
    // Once due and the server is back, they go.
    let sink = start_sink();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now()),
        )
        .exec(&h.db)
        .await
        .unwrap();
    while worker::drain_once(&h.db, &smtp(sink.port), &settings())
        .await
        .unwrap()
        > 0
    {}
    let sent = outbox::Entity::find()
        .filter(outbox::Column::Status.eq("sent"))
        .all(&h.db)
        .await
        .unwrap();
    assert_eq!(sent.len(), rows.len());
    assert_eq!(received(sink.dir.path()).len(), rows.len());
}
