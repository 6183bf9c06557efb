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

    // The Thompson parent (3A and 5B) sees the report under the Year 5 child only.
    let (_, shown) = page(&h, "/reports", &parent, "en-GB").await;
    let isla = pupils
        .iter()
        .find(|(_, mis, _)| mis == "P00002")
        .expect("the Thompsons' Year 5 child");
    assert!(shown.contains(&format!("<h2>{}</h2>", isla.2)), "{shown}");
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
    let stored = h.stored_files();
    let (status, _, _) = post_form(
        &h,
        &format!("/admin/reports/{second}/upload"),
        &office,
        &[],
        (
            "files",
            &[(&format!("{y5_mis}.pdf"), &pdf_saying("Phonics"))],
        ),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(h.stored_files(), stored + 1);
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
