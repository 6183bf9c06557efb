//! Nothing a family saw confirmed is lost: the `schoolgate` binary is killed with SIGKILL again
//! and again while 1,000 form answers arrive at once, each from its own guardian for its own
//! child, over real HTTP. A browser that got no answer sends the same page again (same
//! token) after the restart. In the end every answer whose confirmation (303) reached its
//! sender is stored, and none is stored twice. Runs on SQLite and PostgreSQL.

use app::db::entities::{enrolment, form_response, guardian_pupil};
use app::forms::store::{self, NewForm};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::collections::{BTreeMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIN: &str = env!("CARGO_BIN_EXE_schoolgate");
/// Answers sent at once.
const SUBMISSIONS: usize = 1000;
/// Storms that end in SIGKILL, each once a third of its answers are confirmed (so the kill
/// lands with the rest in flight); a last storm runs to the end.
const KILLS: usize = 4;

/// One family's answer to send: the form, the child, the guardian's session and the page's token.
struct Submission {
    form: i32,
    child: i32,
    cookie: String,
    token: String,
}

/// Seeds the demo school in `url`, makes enough Year 3 trip forms that 1,000 (guardian, child)
/// pairs each have one to answer, and signs each guardian in.
async fn prepare(url: &str) -> Vec<Submission> {
    let db = server::startup::open_database(url).await.expect("database");
    app::school::db::seed_demo(&db).await.expect("seed");
    let school = app::school::db::first_school(&db)
        .await
        .expect("query")
        .expect("school");
    let year = app::audience::resolve::current_year(&db, school.id)
        .await
        .expect("query")
        .expect("year");
    let year_3 = app::db::entities::year_group::Entity::find()
        .filter(app::db::entities::year_group::Column::Name.eq("Year 3"))
        .one(&db)
        .await
        .expect("query")
        .expect("Year 3");
    let pupils: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(year.id))
        .filter(enrolment::Column::YearGroupId.eq(year_3.id))
        .all(&db)
        .await
        .expect("query")
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(pupils))
        .filter(guardian_pupil::Column::MayConsent.eq(true))
        .all(&db)
        .await
        .expect("query");
    assert!(links.len() > 20, "the demo's Year 3 has families");
    let office = app::roster::demo::office_account(&db)
        .await
        .expect("query")
        .expect("office");
    let mut cookies: BTreeMap<i32, String> = BTreeMap::new();
    for link in &links {
        if cookies.contains_key(&link.guardian_id) {
            continue;
        }
        let cookie = crate::support::guardian_session(&db, link.guardian_id).await;
        cookies.insert(link.guardian_id, cookie);
    }
    let now = chrono::Utc::now();
    let mut submissions = Vec::with_capacity(SUBMISSIONS);
    let mut n = 0;
    while submissions.len() < SUBMISSIONS {
        n += 1;
        let title = [("en-GB".to_string(), format!("Storm trip {n}"))].into();
        let new = NewForm {
            template: app::forms::templates::code::TRIP_CONSENT.to_string(),
            per_family: false,
            language: "en-GB".into(),
            definition: app::forms::templates::trip_consent(title, Default::default()),
            audience: app::audience::Audience {
                year_groups: vec![year_3.id],
                ..Default::default()
            },
            opens_at: now - chrono::Duration::minutes(1),
            closes_at: now + chrono::Duration::days(7),
            consent_until: None,
        };
        let form = store::create(&db, school.id, office, &new, now)
            .await
            .expect("form");
        for link in links.iter().take(SUBMISSIONS - submissions.len()) {
            submissions.push(Submission {
                form,
                child: link.pupil_id,
                cookie: cookies[&link.guardian_id].clone(),
                token: format!("storm{form}g{}p{}", link.guardian_id, link.pupil_id),
            });
        }
    }
    db.close().await.expect("close");
    submissions
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn serve(url: &str, site: &std::path::Path, addr: &str) -> Child {
    Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("SG_ADDR", addr)
        .env("SG_SITE_ROOT", site)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve")
}

async fn wait_until_serving(addr: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not listen within 60 s");
}

/// Sends one answer as a browser without JavaScript does; the response's status, or `None`
/// when the connection failed or broke before a status line came back.
async fn submit(addr: &str, s: &Submission) -> Option<u16> {
    let body = [
        ("child", s.child.to_string()),
        ("token", s.token.clone()),
        ("version", "0".into()),
        ("language", "en-GB".into()),
        ("f_consent", "yes".into()),
        ("f_medical", "no".into()),
        ("f_phone", "01632960000".into()),
        ("f_signature", "A Parent".into()),
        ("action", "send".into()),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={v}"))
    .collect::<Vec<_>>()
    .join("&");
    let request = format!(
        "POST /forms/{} HTTP/1.1\r\nHost: {addr}\r\nCookie: {}\r\nAccept-Language: en-GB\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        s.form,
        s.cookie,
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(2).any(|w| w == b"\r\n") {
        let read = tokio::time::timeout(Duration::from_secs(120), stream.read(&mut buf))
            .await
            .ok()?
            .ok()?;
        if read == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..read]);
    }
    let line = String::from_utf8_lossy(&head);
    line.split(' ').nth(1)?.parse().ok()
}

/// One storm: every answer not yet confirmed sent at once; the server killed (`kill`) once a
/// third of them are confirmed, or left to finish. Returns the indexes confirmed and the
/// other outcomes seen.
async fn storm(
    addr: &str,
    submissions: &Arc<Vec<Submission>>,
    waiting: &[usize],
    server: &mut Child,
    kill: bool,
) -> (Vec<usize>, BTreeMap<String, usize>) {
    let mut tasks = tokio::task::JoinSet::new();
    for &i in waiting {
        let (addr, submissions) = (addr.to_string(), Arc::clone(submissions));
        tasks.spawn(async move { (i, submit(&addr, &submissions[i]).await) });
    }
    let kill_at = if kill { waiting.len() / 3 } else { usize::MAX };
    let mut confirmed = Vec::new();
    let mut others: BTreeMap<String, usize> = BTreeMap::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.expect("task") {
            (i, Some(303)) => confirmed.push(i),
            (_, Some(status)) => *others.entry(status.to_string()).or_default() += 1,
            (_, None) => *others.entry("no answer".into()).or_default() += 1,
        }
        if confirmed.len() == kill_at {
            server.kill().expect("SIGKILL");
            server.wait().expect("reaped");
        }
    }
    (confirmed, others)
}

async fn killed_while_answering(url: String) {
    let submissions = Arc::new(prepare(&url).await);
    assert_eq!(submissions.len(), SUBMISSIONS);
    let dir = tempfile::tempdir().expect("site");
    std::fs::create_dir_all(dir.path().join("pkg")).expect("pkg");
    std::fs::write(
        dir.path().join("pkg/manifest.txt"),
        "js=s.1.js\nwasm=s.1.wasm\ncss=s.1.css\n",
    )
    .expect("manifest");
    let mut confirmed: HashSet<usize> = HashSet::new();
    let mut kills = 0;
    let mut confirmed_before_a_kill = 0;
    for round in 0.. {
        let waiting: Vec<usize> = (0..SUBMISSIONS)
            .filter(|i| !confirmed.contains(i))
            .collect();
        if waiting.is_empty() {
            break;
        }
        assert!(
            round <= KILLS + 3,
            "still unconfirmed after the server ran undisturbed: {}",
            waiting.len()
        );
        let addr = format!("127.0.0.1:{}", free_port());
        let mut server = serve(&url, dir.path(), &addr);
        wait_until_serving(&addr).await;
        let kill = round < KILLS;
        let (got, others) = storm(&addr, &submissions, &waiting, &mut server, kill).await;
        eprintln!(
            "storm {round}: {} sent, {} confirmed, otherwise {others:?}{}",
            waiting.len(),
            got.len(),
            if kill { ", SIGKILL on the way" } else { "" }
        );
        if kill {
            kills += 1;
            confirmed_before_a_kill += got.len();
        } else {
            let _ = server.kill();
            let _ = server.wait();
        }
        // Every confirmation must survive what follows: checked at the end for all of them.
        confirmed.extend(got);
    }
    assert_eq!(kills, KILLS);
    assert!(
        confirmed_before_a_kill > 0,
        "some answers were confirmed in storms that ended in SIGKILL"
    );

    let db = server::startup::open_database(&url)
        .await
        .expect("database");
    let rows = form_response::Entity::find()
        .filter(form_response::Column::Token.starts_with("storm"))
        .all(&db)
        .await
        .expect("query");
    let mut tokens: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *tokens.entry(r.token.as_str()).or_default() += 1;
    }
    for i in &confirmed {
        assert_eq!(
            tokens.get(submissions[*i].token.as_str()),
            Some(&1),
            "confirmed answer {} is stored once",
            submissions[*i].token
        );
    }
    assert_eq!(rows.len(), SUBMISSIONS, "every answer stored, none twice");
    assert!(
        rows.iter().all(|r| r.version == 1),
        "a page sent again made no second version"
    );
    let total = form_response::Entity::find()
        .count(&db)
        .await
        .expect("count");
    assert_eq!(total as usize, SUBMISSIONS);
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_survive_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().expect("db dir");
    let url = app::db::scratch::sqlite_url_in(dir.path());
    killed_while_answering(url).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_survive_sigkill_on_postgres() {
    let server_url = app::db::scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = app::db::scratch::fresh_postgres_database(&server_url)
        .await
        .expect("database");
    killed_while_answering(url).await;
}
