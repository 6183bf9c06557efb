//! Reports: the office makes a cycle for Year 5, uploads one ZIP of 60 real PDFs with four bad
//! entries (a JPEG named .pdf, a PDF cut short, an unknown MIS id, `../../etc/passwd`), and the
//! preview lists exactly those; families see nothing until the cycle is published, all at once;
//! then each Year 5 family downloads bytes identical to what was uploaded, which poppler reads.
//! A guardian whose link says no reports, another family, a link signed for someone else, an
//! expired link and a forged one are all refused; every download is recorded and shown to the
//! office beside who has and has not opened each report. Runs on SQLite and PostgreSQL.

use crate::news_comments::{page, send};
use crate::support::{
    Harness, body_text, guardian_session, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{
    enrolment, guardian_pupil, pupil, report, report_cycle, report_download, user_account,
    year_group,
};
use app::reports::links::{LIFETIME, Signer};
use app::reports::sample::pdf_saying;
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::io::Write;

const OFFICE: &str = "office@riverside.example";

/// A ZIP of `entries` (name, bytes), deflated.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(name.as_str(), options).expect("entry");
        writer.write_all(bytes).expect("bytes");
    }
    writer.finish().expect("zip").into_inner()
}

/// The text poppler reads from a PDF.
fn pdftotext(bytes: &[u8]) -> String {
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) is installed by the test command");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write");
    let out = child.wait_with_output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Year 5's pupils this year: id, MIS id and name.
async fn year_5(h: &Harness) -> (i32, Vec<(i32, String, String)>) {
    let group = year_group::Entity::find()
        .filter(year_group::Column::Name.eq("Year 5"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("Year 5");
    let ids: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::YearGroupId.eq(group.id))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let pupils = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(ids))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|p| {
            let name = app::roster::display_name(&p);
            (p.id, p.mis_id, name)
        })
        .collect();
    (group.id, pupils)
}

/// The download addresses on a page, in order.
fn links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/reports/file/")
        .map(|(at, _)| {
            let start = at + "href=\"".len();
            let end = start + html[start..].find('"').expect("end of the address");
            html[start..end].replace("&amp;", "&")
        })
        .collect()
}

async fn get(h: &Harness, path: &str, cookie: &str) -> (StatusCode, http::HeaderMap, Vec<u8>) {
    let response = h
        .get(
            path,
            &[(header::COOKIE, cookie), (header::ACCEPT_LANGUAGE, "en-GB")],
        )
        .await;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .expect("body")
        .to_vec();
    (status, headers, bytes)
}

async fn user_id(h: &Harness, email: &str) -> i32 {
    user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(&h.db)
        .await
        .expect("query")
        .expect("account")
        .id
}

/// Makes a cycle as the office; its id.
async fn new_cycle(h: &Harness, office: &str, name: &str, year_group: i32) -> i32 {
    let group = year_group.to_string();
    let (status, to, _) = send(
        h,
        "/admin/reports",
        office,
        &[
            ("name", name),
            ("kind", "term"),
            ("year_group", group.as_str()),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    to.rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the cycle's page")
}

async fn reports(h: Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (year_5, pupils) = year_5(&h).await;
    assert_eq!(pupils.len(), 60, "Year 5 is two classes of 30");

    // A cycle with no name or no year group is refused with what was typed kept.
    let (status, _, shown) = send(
        &h,
        "/admin/reports",
        &office,
        &[("name", "Summer report"), ("kind", "term")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(shown.contains("Choose at least one year group."), "{shown}");
    assert!(shown.contains("value=\"Summer report\""), "{shown}");
    let cycle = new_cycle(&h, &office, "Spring term report", year_5).await;
    let cycle_path = format!("/admin/reports/{cycle}");

    // One ZIP: a PDF for each Year 5 pupil, and four files that are not reports for anyone.
    let mut entries: Vec<(String, Vec<u8>)> = pupils
        .iter()
        .map(|(_, mis, name)| {
            (
                format!("spring/{mis}_spring_report.pdf"),
                pdf_saying(&format!("Spring report for {name}")),
            )
        })
        .collect();
    let jpeg = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1,
    ];
    let whole = pdf_saying("Cut short");
    entries.push(("P00001_photo.pdf".into(), jpeg));
    entries.push(("P00001_cut.pdf".into(), whole[..whole.len() / 2].to_vec()));
    entries.push(("P99999_spring_report.pdf".into(), pdf_saying("Nobody")));
    entries.push(("../../etc/passwd".into(), b"root:x:0:0".to_vec()));
    let zip = zip_of(&entries);
    let files_before = h.stored_files();
    let (status, to, _) = post_form(
        &h,
        &format!("{cycle_path}/upload"),
        &office,
        &[],
        ("files", &[("year5.zip", zip.as_slice())]),
        "en-GB",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the upload is over the ordinary body limit"
    );
    assert_eq!(to, format!("{cycle_path}?done=uploaded&count=60"));
    assert_eq!(h.stored_files(), files_before + 60);
    let (_, preview) = page(&h, &to, &office, "en-GB").await;
    assert!(
        preview.contains("60 reports added to the preview."),
        "{preview}"
    );
    assert!(preview.contains("60 reports ready to publish"), "{preview}");
    let refused = preview
        .split("class=\"report-refused\"")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .expect("the list of files not taken");
    let items: Vec<&str> = refused.split("<li").skip(1).collect();
    assert_eq!(items.len(), 4, "{refused}");
    for (file, why) in [
        ("P00001_photo.pdf", "Not a PDF, whatever its name says."),
        ("P00001_cut.pdf", "The PDF is damaged or cut short."),
        (
            "P99999_spring_report.pdf",
            "No pupil has the MIS id this name starts with.",
        ),
        (
            "../../etc/passwd",
            "Its name points outside the ZIP file; refused.",
        ),
    ] {
        let item = items
            .iter()
            .find(|item| item.contains(&format!(">{file}</strong>")))
            .unwrap_or_else(|| panic!("{file} is listed: {refused}"));
        assert!(item.contains(why), "{file}: {item}");
    }
    for (_, _, name) in &pupils {
        assert!(preview.contains(name.as_str()), "{name} in the preview");
    }

    // Nothing reaches a family before publishing.
    let (status, shown) = page(&h, "/reports", &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        shown.contains("There are no reports for you to download yet."),
        "{shown}"
    );
    assert!(links(&shown).is_empty());
    let office_link = links(&preview)
        .first()
        .cloned()
        .expect("the office's own links");
    let (status, _, _) = get(&h, &office_link, &parent).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a link signed for the office"
    );

    // A second upload: a file for a pupil already staged, a ZIP bomb, a pupil of another year.
    let (_, y5_mis, _) = pupils[0].clone();
    let bomb = zip_of(&[("P00003_big.pdf".into(), vec![0u8; 30 * 1024 * 1024])]);
    assert!(bomb.len() < 100 * 1024, "deflated to {} bytes", bomb.len());
    let (status, to, _) = post_form(
        &h,
        &format!("{cycle_path}/upload"),
        &office,
        &[],
        (
            "files",
            &[
                (&format!("{y5_mis}_again.pdf"), &pdf_saying("Again")),
                ("bomb.zip", &bomb),
                ("P00001_spring.pdf", &pdf_saying("Year 3")),
            ],
        ),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, preview) = page(&h, &to, &office, "en-GB").await;
    assert!(
        preview.contains("This pupil already has a report in this cycle."),
        "{preview}"
    );
    assert!(preview.contains("Larger than 20 MB."), "{preview}");
    assert!(
        preview.contains("The pupil is not in this cycle’s year groups."),
        "{preview}"
    );
    assert!(preview.contains("60 reports ready to publish"), "{preview}");
    assert!(preview.contains("Ready to publish (60)"), "{preview}");
    assert_eq!(h.stored_files(), files_before + 60);

    // Publishing: every staged report at once; a second click changes nothing.
    let (status, to, _) = send(&h, &cycle_path, &office, &[("action", "publish")], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{cycle_path}?done=published"));
    let (status, _, shown) =
        send(&h, &cycle_path, &office, &[("action", "publish")], "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        shown.contains("This cycle is already published."),
        "{shown}"
    );
    let staged = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .filter(report::Column::State.eq("current"))
        .count(&h.db)
        .await
        .expect("count");
    assert_eq!(staged, 60);

    // The Thompson parent (3A and 5B) sees the report under the Year 5 child only, and the
    // Reports tab counts it as new on every page until it is opened.
    let (_, home) = page(&h, "/", &parent, "en-GB").await;
    assert!(home.contains("1 new"), "the tab's badge: {home}");
    let (_, notified) = page(&h, "/notifications", &parent, "en-GB").await;
    let entry = notified
        .split("<li")
        .find(|item| item.contains("New report"))
        .unwrap_or_else(|| panic!("the notification centre lists it: {notified}"));
    assert!(
        entry.contains("Spring term report · Isla Thompson"),
        "{entry}"
    );
    assert!(entry.contains("href=\"/reports\""), "{entry}");
    assert!(entry.contains("notice-card--unread"), "{entry}");
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    let isla = pupils
        .iter()
        .find(|(_, mis, _)| mis == "P00002")
        .expect("the Thompsons' Year 5 child");
    assert!(shown.contains(&format!("<h2>{}</h2>", isla.2)), "{shown}");
    // The link says what it downloads and how much, in one message per language.
    assert!(shown.contains("Download ("), "{shown}");
    let (_, shown_zh) = page(&h, "/reports", &parent, "zh-CN").await;
    assert!(shown_zh.contains("下载（"), "{shown_zh}");
    assert!(!shown.contains("<h2>Amelia Thompson</h2>"), "{shown}");
    assert!(shown.contains("Spring term report"), "{shown}");
    assert!(shown.contains("badge--new"), "not opened yet");
    let found = links(&shown);
    assert_eq!(found.len(), 1, "{shown}");
    let (status, headers, bytes) = get(&h, &found[0], &parent).await;
    assert_eq!(status, StatusCode::OK);
    let uploaded = pdf_saying(&format!("Spring report for {}", isla.2));
    assert_eq!(bytes, uploaded, "the bytes uploaded");
    assert!(pdftotext(&bytes).contains(&format!("Spring report for {}", isla.2)));
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("attachment;"),
    );
    let (_, shown) = page(&h, "/reports", &parent, "ar").await;
    assert!(shown.contains("تنزيل"), "{shown}");
    assert!(!shown.contains("1 جديدة"), "opened: no badge");
    assert!(!shown.contains("badge--new"), "opened now");

    // The office sees who opened it and from where; the rest not yet.
    let (_, figures) = page(&h, &cycle_path, &office, "en-GB").await;
    assert!(
        figures.contains("1 of 60 opened by their families"),
        "{figures}"
    );
    assert!(figures.contains("Not opened yet"), "{figures}");
    let download = report_download::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("the download is recorded");
    assert_eq!(download.user_id, user_id(&h, demo::PARENT_EMAIL).await);
    assert!(!download.client_address.is_empty());
    assert!(
        figures.contains(&format!("opened the report for {} (5B)", isla.2)),
        "{figures}"
    );

    // Every Year 5 family that receives reports downloads its child's own, byte for byte.
    let mut families = 0;
    for (pupil_id, _, name) in &pupils {
        let links_of = guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::PupilId.eq(*pupil_id))
            .filter(guardian_pupil::Column::ReceivesReports.eq(true))
            .all(&h.db)
            .await
            .expect("query");
        let Some(link) = links_of.first() else {
            continue;
        };
        let cookie = guardian_session(&h.db, link.guardian_id).await;
        let (_, shown) = page(&h, "/reports", &cookie, "en-GB").await;
        let mine: Vec<String> = links(&shown);
        assert!(!mine.is_empty(), "{name}: {shown}");
        for href in &mine {
            let (status, _, bytes) = get(&h, href, &cookie).await;
            assert_eq!(status, StatusCode::OK);
            if bytes == pdf_saying(&format!("Spring report for {name}")) {
                families += 1;
            }
        }
    }
    assert!(
        families >= 55,
        "{families} families downloaded their child's report"
    );
    let (_, figures) = page(&h, &cycle_path, &office, "en-GB").await;
    let opened = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .all(&h.db)
        .await
        .expect("query");
    assert_eq!(opened.len(), 60);
    assert!(
        figures.contains("of 60 opened by their families"),
        "{figures}"
    );

    // A separated parent whose link says no reports: no sign of them, and no download.
    let other_parent = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(demo::SECOND_PARENT_EMAIL))
        .one(&h.db)
        .await
        .expect("query")
        .expect("parent.b");
    let mut link: guardian_pupil::ActiveModel = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(other_parent.guardian_id.expect("guardian")))
        .filter(guardian_pupil::Column::PupilId.eq(isla.0))
        .one(&h.db)
        .await
        .expect("query")
        .expect("parent.b is Isla's guardian too")
        .into();
    link.receives_reports = Set(false);
    link.update(&h.db).await.expect("update");
    app::access::cache::roster_changed();
    let other = session_for(&h.db, demo::SECOND_PARENT_EMAIL).await;
    let (_, shown) = page(&h, "/reports", &other, "en-GB").await;
    assert!(links(&shown).is_empty(), "{shown}");
    assert!(!shown.contains(&format!("<h2>{}</h2>", isla.2)), "{shown}");
    let isla_report = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .filter(report::Column::PupilId.eq(isla.0))
        .one(&h.db)
        .await
        .expect("query")
        .expect("Isla's report");
    let signer = Signer::load(&h.db).await.expect("the signing key");
    let now = chrono::Utc::now();
    let signed_for = |user: i32| signer.href(isla_report.id, user, now);
    let (status, _, _) = get(&h, &signed_for(other_parent.id), &other).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "receives_reports is off");

    // Another family, with a link signed for them: not found.
    let kowalski = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let kowalski_id = user_id(&h, demo::OTHER_PARENT_EMAIL).await;
    let (status, _, _) = get(&h, &signed_for(kowalski_id), &kowalski).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another family");

    // The parent's own link: forged, someone else's, expired, or without a session.
    let parent_id = user_id(&h, demo::PARENT_EMAIL).await;
    let own = signed_for(parent_id);
    let forged = format!("{}0", &own[..own.len() - 1]);
    let forged = if forged == own {
        format!("{}1", &own[..own.len() - 1])
    } else {
        forged
    };
    assert_eq!(get(&h, &forged, &parent).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&h, &own, &kowalski).await.0, StatusCode::NOT_FOUND);
    let old = signer.href(
        isla_report.id,
        parent_id,
        now - LIFETIME - chrono::Duration::minutes(1),
    );
    let (status, _, body) = get(&h, &old, &parent).await;
    assert_eq!(status, StatusCode::GONE, "expired");
    assert!(
        String::from_utf8_lossy(&body).contains("This download link has expired."),
        "the expired link says what to do"
    );
    let response = h.get(&own, &[]).await;
    assert_ne!(response.status(), StatusCode::OK, "signed out");
    let _ = body_text(response).await;
    assert_eq!(get(&h, &own, &parent).await.0, StatusCode::OK);

    // A second cycle's upload, discarded: its files go from the store.
    let second = new_cycle(&h, &office, "Phonics check", year_5).await;
    let other_mis = pupils
        .iter()
        .map(|(_, mis, _)| mis.clone())
        .find(|mis| mis != "P00002")
        .expect("another Year 5 pupil");
    let stored = h.stored_files();
    let (status, _, _) = post_form(
        &h,
        &format!("/admin/reports/{second}/upload"),
        &office,
        &[],
        (
            "files",
            &[(&format!("{other_mis}.pdf"), &pdf_saying("Phonics"))],
        ),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(h.stored_files(), stored + 1);
    // Files named any way, matched by the CSV beside them; a CSV without its columns is refused.
    let named = zip_of(&[
        (
            "pupils.csv".into(),
            "\u{feff}File,MIS_ID\nPhonics - Isla.pdf,P00002\n"
                .as_bytes()
                .to_vec(),
        ),
        ("Phonics - Isla.pdf".into(), pdf_saying("Phonics for Isla")),
        ("notes.csv".into(), b"name,id\nx,y\n".to_vec()),
    ]);
    let (status, to, _) = post_form(
        &h,
        &format!("/admin/reports/{second}/upload"),
        &office,
        &[],
        ("files", &[("phonics.zip", named.as_slice())]),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("/admin/reports/{second}?done=uploaded&count=1"));
    let (_, preview) = page(&h, &to, &office, "en-GB").await;
    assert!(preview.contains(&format!("{} (5B)", isla.2)), "{preview}");
    assert!(
        preview.contains("needs a “file” and a “mis_id” column"),
        "{preview}"
    );
    assert_eq!(h.stored_files(), stored + 2);
    let (status, _, _) = send(
        &h,
        &format!("/admin/reports/{second}"),
        &office,
        &[("action", "discard")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(h.stored_files(), stored);
    // Nothing to publish now: the cycle stays a draft.
    let (status, _, shown) = send(
        &h,
        &format!("/admin/reports/{second}"),
        &office,
        &[("action", "publish")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(shown.contains("There is nothing to publish yet"), "{shown}");
    let second_cycle = report_cycle::Entity::find_by_id(second)
        .one(&h.db)
        .await
        .expect("query")
        .expect("cycle");
    assert_eq!(second_cycle.state, "draft");
}

#[tokio::test(flavor = "multi_thread")]
async fn reports_on_sqlite() {
    reports(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reports_on_postgres() {
    reports(postgres_harness().await).await;
}

/// A Year 5 pupil other than the Thompsons' whose family reads Chinese and receives reports by
/// e-mail: (pupil, MIS id, name, the guardians who receive reports with an address).
async fn chinese_family_in_year_5(
    h: &Harness,
    pupils: &[(i32, String, String)],
) -> (i32, String, String, Vec<i32>) {
    use app::db::entities::guardian;
    for (id, mis, name) in pupils {
        if mis == "P00002" {
            continue;
        }
        let links = guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::PupilId.eq(*id))
            .filter(guardian_pupil::Column::ReceivesReports.eq(true))
            .all(&h.db)
            .await
            .expect("query");
        let guardians = guardian::Entity::find()
            .filter(guardian::Column::Id.is_in(links.iter().map(|l| l.guardian_id)))
            .all(&h.db)
            .await
            .expect("query");
        if !guardians.is_empty()
            && guardians
                .iter()
                .all(|g| g.preferred_locale == "zh-CN" && g.email.is_some())
        {
            return (
                *id,
                mis.clone(),
                name.clone(),
                guardians.iter().map(|g| g.id).collect(),
            );
        }
    }
    panic!("the demo has a Chinese-reading family in Year 5")
}

async fn follow_up(h: Harness) {
    use crate::outbox::{drain, received, start_sink};
    use app::db::entities::outbox;
    let sink = start_sink();
    let office = session_for(&h.db, OFFICE).await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (year_5, pupils) = year_5(&h).await;
    let isla = pupils
        .iter()
        .find(|(_, mis, _)| mis == "P00002")
        .cloned()
        .expect("Isla");
    let (wei, wei_mis, wei_name, wei_guardians) = chinese_family_in_year_5(&h, &pupils).await;
    let cycle = new_cycle(&h, &office, "Progress check", year_5).await;
    let cycle_path = format!("/admin/reports/{cycle}");
    let first = pdf_saying("Progress for Isla");
    let (status, _, _) = post_form(
        &h,
        &format!("{cycle_path}/upload"),
        &office,
        &[],
        (
            "files",
            &[
                ("P00002_progress.pdf", first.as_slice()),
                (&format!("{wei_mis}_progress.pdf"), &pdf_saying("Progress")),
            ],
        ),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Published for hours ahead (school time): nothing shows and nothing is sent until then.
    let (status, _, shown) = send(
        &h,
        &cycle_path,
        &office,
        &[("action", "publish"), ("publish_at", "tomorrow at nine")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        shown.contains("Give the publishing time as a date and a time"),
        "{shown}"
    );
    // Three hours ahead in UTC is at least two ahead in the school's London time, all year.
    let ahead = (chrono::Utc::now() + chrono::Duration::hours(3))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let (status, to, _) = send(
        &h,
        &cycle_path,
        &office,
        &[("action", "publish"), ("publish_at", ahead.as_str())],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{cycle_path}?done=scheduled"));
    let (_, shown) = page(&h, &to, &office, "en-GB").await;
    assert!(shown.contains("families see it from"), "{shown}");
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    assert!(links(&shown).is_empty(), "not yet: {shown}");
    let isla_report = |state: &'static str| {
        let db = h.db.clone();
        async move {
            report::Entity::find()
                .filter(report::Column::CycleId.eq(cycle))
                .filter(report::Column::PupilId.eq(isla.0))
                .filter(report::Column::State.eq(state))
                .one(&db)
                .await
                .expect("query")
                .expect("Isla's report")
        }
    };
    let signer = Signer::load(&h.db).await.expect("the signing key");
    let parent_id = user_id(&h, demo::PARENT_EMAIL).await;
    let early = signer.href(
        isla_report("current").await.id,
        parent_id,
        chrono::Utc::now(),
    );
    assert_eq!(get(&h, &early, &parent).await.0, StatusCode::NOT_FOUND);
    let queued = outbox::Entity::find()
        .filter(outbox::Column::ReportCycleId.eq(cycle))
        .all(&h.db)
        .await
        .expect("query");
    assert!(queued.iter().all(|r| r.kind == "report-published"));
    let thompson_guardians = 2;
    assert_eq!(queued.len(), thompson_guardians + wei_guardians.len());
    drain(&h, &sink).await;
    assert!(
        received(sink.dir.path()).is_empty(),
        "nothing before its time"
    );

    // The time comes.
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    report_cycle::Entity::update_many()
        .col_expr(
            report_cycle::Column::PublishedAt,
            sea_orm::sea_query::Expr::value(past),
        )
        .filter(report_cycle::Column::Id.eq(cycle))
        .exec(&h.db)
        .await
        .expect("update");
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(past),
        )
        .col_expr(
            outbox::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(past),
        )
        .filter(outbox::Column::ReportCycleId.eq(cycle))
        .exec(&h.db)
        .await
        .expect("update");
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    assert_eq!(links(&shown).len(), 1, "{shown}");
    drain(&h, &sink).await;
    drain(&h, &sink).await;
    let mails = received(sink.dir.path());
    assert_eq!(
        mails.len(),
        thompson_guardians + wei_guardians.len(),
        "{mails:?}"
    );
    let address_of = |email: &'static str| {
        let db = h.db.clone();
        async move {
            let account = user_account::Entity::find()
                .filter(user_account::Column::Email.eq(email))
                .one(&db)
                .await
                .expect("query")
                .expect("account");
            app::db::entities::guardian::Entity::find_by_id(account.guardian_id.expect("guardian"))
                .one(&db)
                .await
                .expect("query")
                .expect("guardian")
                .email
                .expect("an address")
        }
    };
    let parent_address = address_of(demo::PARENT_EMAIL).await;
    let second_address = address_of(demo::SECOND_PARENT_EMAIL).await;
    let to_parent = mails
        .iter()
        .find(|m| m.to == parent_address)
        .expect("the Thompson parent is told");
    assert_eq!(
        to_parent.subject,
        format!("Riverside Primary School: a new report for {}", isla.2)
    );
    assert!(
        to_parent.body.contains("“Progress check” (End of term)"),
        "{}",
        to_parent.body
    );
    assert!(
        to_parent
            .body
            .contains("https://portal.riverside.example/reports")
    );
    let chinese: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.contains("有一份新报告"))
        .collect();
    assert_eq!(chinese.len(), wei_guardians.len(), "{mails:?}");
    assert!(
        chinese[0].subject.contains(&wei_name),
        "{}",
        chinese[0].subject
    );

    // The Thompson parent opens Isla's; a reminder goes to every other guardian, once a day.
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    let (status, _, _) = get(&h, &links(&shown)[0], &parent).await;
    assert_eq!(status, StatusCode::OK);
    let (status, to, _) = send(&h, &cycle_path, &office, &[("action", "remind")], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reminded = 1 + wei_guardians.len();
    assert_eq!(to, format!("{cycle_path}?done=reminded&count={reminded}"));
    let (status, _, shown) = send(&h, &cycle_path, &office, &[("action", "remind")], "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        shown.contains("Families were reminded in the last day"),
        "{shown}"
    );
    drain(&h, &sink).await;
    let reminders: Vec<_> = received(sink.dir.path())
        .into_iter()
        .filter(|m| m.subject.contains("Reminder") || m.subject.contains("提醒"))
        .collect();
    assert_eq!(reminders.len(), reminded, "{reminders:?}");
    assert!(
        reminders.iter().all(|m| m.to != parent_address),
        "opened: not reminded"
    );
    assert!(
        reminders
            .iter()
            .any(|m| m.to == second_address
                && m.body.contains("You have not opened “Progress check”"))
    );

    // A corrected version replaces Isla's at once, with a note; the old one is history.
    let old = isla_report("current").await;
    let corrected = pdf_saying("Progress for Isla, corrected");
    let (status, to, _) = post_form(
        &h,
        &format!("{cycle_path}/upload"),
        &office,
        &[],
        ("files", &[("P00002_progress_v2.pdf", corrected.as_slice())]),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{cycle_path}?done=corrected&count=1"));
    assert_eq!(isla_report("replaced").await.id, old.id);
    let new = isla_report("current").await;
    assert_eq!(new.replaces_id, Some(old.id));
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    assert!(shown.contains("Corrected on"), "{shown}");
    assert!(
        shown.contains("badge--new"),
        "the new version is not opened yet"
    );
    let found = links(&shown);
    assert_eq!(found.len(), 1, "the latest only: {shown}");
    let (_, _, bytes) = get(&h, &found[0], &parent).await;
    assert_eq!(bytes, corrected);
    let stale = signer.href(old.id, parent_id, chrono::Utc::now());
    assert_eq!(
        get(&h, &stale, &parent).await.0,
        StatusCode::NOT_FOUND,
        "the old version"
    );

    // Withdrawing Wei's report, then the whole cycle.
    let wei_report = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .filter(report::Column::PupilId.eq(wei))
        .one(&h.db)
        .await
        .expect("query")
        .expect("Wei's report");
    let (status, to, _) = send(
        &h,
        &cycle_path,
        &office,
        &[
            ("action", "withdraw-report"),
            ("report", &wei_report.id.to_string()),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{cycle_path}?done=report-withdrawn"));
    let wei_parent = guardian_session(&h.db, wei_guardians[0]).await;
    let (_, shown) = page(&h, "/reports", &wei_parent, "zh-CN").await;
    assert!(!shown.contains("Progress check"), "{shown}");
    let (status, to, _) = send(&h, &cycle_path, &office, &[("action", "withdraw")], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{cycle_path}?done=withdrawn"));
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    assert!(links(&shown).is_empty(), "{shown}");
    assert_eq!(get(&h, &found[0], &parent).await.0, StatusCode::NOT_FOUND);
    let (_, shown) = page(&h, &cycle_path, &office, "en-GB").await;
    assert!(
        shown.contains("withdrawn: families no longer see it"),
        "{shown}"
    );
    let (status, _, shown) = post_form(
        &h,
        &format!("{cycle_path}/upload"),
        &office,
        &[],
        ("files", &[("P00002_again.pdf", corrected.as_slice())]),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(shown.contains("This cycle has been withdrawn."), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn follow_up_on_sqlite() {
    follow_up(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn follow_up_on_postgres() {
    follow_up(postgres_harness().await).await;
}
