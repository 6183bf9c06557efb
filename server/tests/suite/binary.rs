//! The `schoolgate` binary itself: configuration errors, seeding, serving and SIGTERM.

use std::io::Read;
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_schoolgate");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_variable() {
    let output = Command::new(BIN)
        .arg("serve")
        .env("SG_ADDR", "not-an-address")
        .output()
        .expect("run schoolgate");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("SG_ADDR"), "{stderr}");
}

#[test]
fn seeds_serves_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("pkg")).expect("pkg dir");
    std::fs::write(
        site.join("pkg/manifest.txt"),
        "js=s.1.js\nwasm=s.1.wasm\ncss=s.1.css\n",
    )
    .expect("manifest");
    let db = format!(
        "sqlite://{}/db/schoolgate.db?mode=rwc",
        dir.path().display()
    );
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");

    let seeded = Command::new(BIN)
        .arg("seed")
        .env("DATABASE_URL", &db)
        .status()
        .expect("seed");
    assert!(seeded.success());

    let mut server = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", &db)
        .env("SG_ADDR", &addr)
        .env("SG_SITE_ROOT", &site)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");

    let deadline = Instant::now() + Duration::from_secs(30);
    let mut page = String::new();
    while Instant::now() < deadline {
        if let Ok(mut stream) = TcpStream::connect(&addr) {
            use std::io::Write;
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .expect("read timeout");
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .expect("send request");
            stream.read_to_string(&mut page).expect("read response");
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Riverside Primary School"));

    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let stop_by = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = server.try_wait().expect("server status") {
            break status;
        }
        if Instant::now() > stop_by {
            let _ = server.kill();
            panic!("the server did not stop within 60 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut logs = String::new();
    if let Some(mut out) = server.stdout.take() {
        out.read_to_string(&mut logs).expect("stdout");
    }
    assert!(status.success(), "exit status {status:?}, logs: {logs}");
    assert!(logs.contains("stopped cleanly"), "{logs}");
}

#[test]
fn a_real_school_starts_from_the_command_line() {
    // An empty database: first admin (and the school), this year's structure, the MIS import.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = format!("sqlite://{}/school.db?mode=rwc", dir.path().display());
    let run = |args: &[&str]| {
        let output = Command::new(BIN)
            .args(args)
            .env("DATABASE_URL", &db)
            .env("SG_SCHOOL_NAME", "Hillside Primary")
            .env("SG_ADMIN_PASSWORD", "Kettle on the windowsill 31")
            .output()
            .expect("run schoolgate");
        let text = String::from_utf8_lossy(&output.stdout).to_string()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.success(), text)
    };
    let (ok, text) = run(&["create-admin", "head@hillside.example", "Ms Head"]);
    assert!(ok, "{text}");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/roster-example.csv");
    let (ok, text) = run(&["import-roster", example]);
    assert!(
        !ok && text.contains("problems: nothing was imported"),
        "no year groups yet: {text}"
    );
    let (ok, text) = run(&[
        "setup-year",
        "2026/27",
        "2026-09-01",
        "2027-07-21",
        "Reception:RA,RB",
        "Year 1:1A,1B",
        "Year 2:2A,2B",
        "Year 3:3A,3B",
        "Year 4:4A,4B",
        "Year 5:5A,5B",
        "Year 6:6A,6B",
    ]);
    assert!(ok, "{text}");
    let (ok, text) = run(&["import-roster", example, "--commit"]);
    assert!(
        ok && text.contains("Pupils: 4 new") && text.contains("imported"),
        "{text}"
    );
    let (ok, text) = run(&["import-roster", example, "--commit"]);
    assert!(ok && text.contains("4 unchanged"), "{text}");
}
