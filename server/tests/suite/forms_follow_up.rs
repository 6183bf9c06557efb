//! Following a form up: staff remind those still to answer (once a day; only the guardians of
//! children nobody has answered for, who may consent; in the portal and by e-mail through the
//! outbox, whose worker sends nothing to a family that answered in the meantime), and download
//! the answers as CSV and XLSX (every question a column, formulas neutralised, a teacher's
//! file holding only their class), print the list a trip leader takes along, and record answers
//! given by phone. Runs on SQLite and PostgreSQL, e-mail through a real SMTP
//! server.

use crate::forms::{complete, family, token_of, trip_form};
use crate::news_comments::{page, send};
use crate::outbox::{drain, received, start_sink};
use crate::support::{Harness, guardian_session, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{
    enrolment, form, form_response, guardian, guardian_pupil, outbox, user_account, year_group,
};
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use std::collections::BTreeSet;

/// The pupils of Year 3 this year.
async fn year_3_pupils(h: &Harness) -> Vec<i32> {
    let year_3 = year_group::Entity::find()
        .filter(year_group::Column::Name.eq("Year 3"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("Year 3");
    let school = app::school::db::first_school(&h.db)
        .await
        .expect("query")
        .expect("school");
    let year = app::audience::resolve::current_year(&h.db, school.id)
        .await
        .expect("query")
        .expect("a current year");
    enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(year.id))
        .filter(enrolment::Column::YearGroupId.eq(year_3.id))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|e| e.pupil_id)
        .collect()
}

/// The guardians who may consent for any of `pupils`.
async fn consenting_guardians(h: &Harness, pupils: &[i32]) -> BTreeSet<i32> {
    guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(pupils.iter().copied()))
        .filter(guardian_pupil::Column::MayConsent.eq(true))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|l| l.guardian_id)
        .collect()
}

async fn reminder_rows(h: &Harness, form_id: i32) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::FormId.eq(form_id))
        .all(&h.db)
        .await
        .expect("query")
}

/// A download's status, type and bytes.
pub(crate) async fn download(
    h: &Harness,
    path: &str,
    cookie: &str,
) -> (StatusCode, String, Vec<u8>) {
    let response = h
        .get(
            path,
            &[(header::COOKIE, cookie), (header::ACCEPT_LANGUAGE, "en-GB")],
        )
        .await;
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .expect("body")
        .to_vec();
    (status, kind, bytes)
}

/// Answers the trip form for `child` as `cookie`, with a phone "number" a spreadsheet would run.
async fn answer(h: &Harness, form_id: i32, child: i32, cookie: &str, signature: &str) {
    let path = format!("/forms/{form_id}");
    let child = child.to_string();
    let (status, shown) = page(h, &format!("{path}?child={child}"), cookie, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    let token = token_of(&shown);
    let mut fields = complete(&child, &token, "0", "en-GB");
    for field in fields.iter_mut() {
        match field.0 {
            "f_phone" => field.1 = "=HYPERLINK(\"http://evil.example\")",
            "f_signature" => field.1 = signature,
            _ => {}
        }
    }
    let (status, _, _) = send(h, &path, cookie, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

async fn follow_up(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let sink = start_sink();
    let form_id = trip_form(&h).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let second_parent = session_for(&h.db, demo::SECOND_PARENT_EMAIL).await;
    let (thompson, children) = family(&h, demo::PARENT_EMAIL).await;
    let thompson_child = children.iter().find(|c| c.1 == "3A").expect("3A child").0;
    let figures = format!("/admin/forms/{form_id}");
    let remind = format!("{figures}/remind");

    // One Thompson parent answers; the other is not reminded, their child being answered.
    answer(&h, form_id, thompson_child, &parent, "Sam Thompson").await;
    let pupils = year_3_pupils(&h).await;
    let others: Vec<i32> = pupils
        .iter()
        .copied()
        .filter(|p| *p != thompson_child)
        .collect();
    let expected = consenting_guardians(&h, &others).await;
    assert!(expected.len() > 5, "the demo's Year 3 has families");
    assert!(!expected.contains(&thompson));
    let without_consent: BTreeSet<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(others.iter().copied()))
        .filter(guardian_pupil::Column::MayConsent.eq(false))
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|l| l.guardian_id)
        .filter(|g| !expected.contains(g))
        .collect();
    assert!(
        !without_consent.is_empty(),
        "the demo has carers without consent rights"
    );

    // Reminded: each waiting guardian with consent rights once, by e-mail through the outbox.
    let (status, location, _) = send(&h, &remind, &office, &[], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        format!("{figures}?done={}", expected.len()),
        "every waiting guardian counted"
    );
    let rows = reminder_rows(&h, form_id).await;
    let reminded: BTreeSet<i32> = rows.iter().filter_map(|r| r.guardian_id).collect();
    assert_eq!(reminded, expected);
    assert_eq!(rows.len(), expected.len(), "one e-mail each");
    assert!(rows.iter().all(|r| r.kind == "form-reminder"));
    let (_, shown) = page(&h, &location, &office, "en-GB").await;
    assert!(
        shown.contains(&format!(
            "{} parents and carers were reminded",
            expected.len()
        )),
        "{shown}"
    );
    assert!(shown.contains("Last reminder sent"), "{shown}");
    assert!(shown.contains(&format!("action=\"{remind}\"")), "{shown}");
    let (_, shown_zh) = page(&h, &location, &office, "zh-CN").await;
    assert!(shown_zh.contains("已提醒"), "{shown_zh}");
    // Anything else in the address says nothing.
    let (_, odd) = page(&h, &format!("{figures}?done=%3Cb%3E"), &office, "en-GB").await;
    assert!(!odd.contains("were reminded"), "{odd}");

    // Again the same day, by the office or 3A's teacher: nothing more is sent.
    for cookie in [&office, &teacher] {
        let (status, location, _) = send(&h, &remind, cookie, &[], "en-GB").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location, format!("{figures}?done=too-soon"));
    }
    assert_eq!(reminder_rows(&h, form_id).await.len(), expected.len());
    let (_, too_soon) = page(&h, &format!("{figures}?done=too-soon"), &office, "en-GB").await;
    assert!(
        too_soon.contains("A reminder went less than a day ago"),
        "{too_soon}"
    );
    // 4B's teacher, and families, cannot remind it.
    for cookie in [&teacher_4b, &parent] {
        let (status, _, _) = send(&h, &remind, cookie, &[], "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    // In the portal: a family still waiting reads the reminder on the form's card; the Thompsons,
    // whose child is answered, do not.
    let waiting_guardian = *expected.iter().next().expect("a waiting guardian");
    let waiting_child = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(waiting_guardian))
        .filter(guardian_pupil::Column::PupilId.is_in(others.iter().copied()))
        .one(&h.db)
        .await
        .expect("query")
        .expect("a Year 3 child")
        .pupil_id;
    let waiting = guardian_session(&h.db, waiting_guardian).await;
    let (_, list) = page(&h, "/forms", &waiting, "en-GB").await;
    assert!(
        list.contains("The school sent a reminder on"),
        "the waiting family reads it: {list}"
    );
    let (_, list) = page(&h, "/forms", &second_parent, "en-GB").await;
    assert!(!list.contains("sent a reminder"), "{list}");

    // That family answers before the worker runs: their e-mail is not sent; everyone else
    // waiting gets one, in their own language, with the link to the form for their child.
    answer(&h, form_id, waiting_child, &waiting, "A Parent").await;
    drain(&h, &sink).await;
    let mails: Vec<_> = received(sink.dir.path())
        .into_iter()
        .filter(|m| m.subject.contains("Science Museum") || m.subject.contains("科学博物馆"))
        .collect();
    let answered_since: BTreeSet<i32> = consenting_guardians(&h, &[waiting_child]).await;
    assert_eq!(
        mails.len(),
        expected.difference(&answered_since).count(),
        "one e-mail per guardian still waiting"
    );
    for mail in &mails {
        let to = guardian::Entity::find()
            .filter(guardian::Column::Email.eq(mail.to.as_str()))
            .one(&h.db)
            .await
            .expect("query")
            .expect("a guardian");
        assert!(expected.contains(&to.id));
        assert!(!answered_since.contains(&to.id), "{}", mail.to);
        assert!(
            mail.body.contains(&format!(
                "https://portal.riverside.example/forms/{form_id}?child="
            )),
            "{}",
            mail.body
        );
        match to.preferred_locale.as_str() {
            "zh-CN" => assert!(mail.subject.contains("提醒"), "{}", mail.subject),
            "ar" => assert!(mail.subject.contains("تذكير"), "{}", mail.subject),
            _ => assert!(
                mail.subject.starts_with("Reminder from"),
                "{}",
                mail.subject
            ),
        }
    }

    // The answers as CSV: a byte-order mark, every question a column, the phone "formula"
    // neutralised, a row per answer and per child still waiting.
    let csv_path = format!("{figures}/export.csv");
    let (status, kind, bytes) = download(&h, &csv_path, &office).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(kind, "text/csv; charset=utf-8");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..4],
        ["Child", "Class", "Status", "Parent or carer"],
        "{header:?}"
    );
    assert!(
        header.iter().any(|h| h == "Consent for this trip"),
        "{header:?}"
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(
        records.len(),
        pupils.len(),
        "one row per Year 3 child (one answer each so far): {text}"
    );
    let thompson_name = guardian::Entity::find_by_id(thompson)
        .one(&h.db)
        .await
        .expect("query")
        .expect("guardian")
        .name;
    let sam = records
        .iter()
        .find(|r| r.get(3) == Some(thompson_name.as_str()))
        .expect("the Thompsons' answer");
    assert!(
        sam.iter().any(|c| c == "Sam Thompson"),
        "the signature: {sam:?}"
    );
    assert!(sam.iter().any(|c| c == "I give consent"), "{sam:?}");
    assert!(
        sam.iter()
            .any(|c| c == "'=HYPERLINK(\"http://evil.example\")"),
        "the formula is neutralised: {sam:?}"
    );
    assert!(
        records
            .iter()
            .all(|r| !r.iter().any(|c| c.starts_with('='))),
        "no cell starts a formula"
    );
    // 3A's teacher gets 3A only; 4B's teacher and families get nothing.
    let (status, _, bytes) = download(&h, &csv_path, &teacher).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let classes: BTreeSet<String> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row").get(1).unwrap_or_default().to_string())
        .collect();
    assert_eq!(classes, BTreeSet::from(["3A".to_string()]), "{text}");
    for cookie in [&teacher_4b, &parent] {
        let (status, _, _) = download(&h, &csv_path, cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    // As XLSX: a workbook whose cells are the same text.
    let (status, kind, bytes) = download(&h, &format!("{figures}/export.xlsx"), &office).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an XLSX zip");
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("xl/sharedStrings.xml")
            .expect("shared strings"),
        &mut strings,
    )
    .expect("read");
    assert!(strings.contains(&thompson_name), "{strings}");
    assert!(strings.contains("&apos;=HYPERLINK") || strings.contains("'=HYPERLINK"));
    let exports = app::db::entities::audit_log::Entity::find()
        .filter(app::db::entities::audit_log::Column::Action.eq("exported"))
        .count(&h.db)
        .await
        .expect("count");
    assert_eq!(exports, 3, "each download is audited");

    // A day later, with only carers without consent rights left waiting: nobody to remind.
    let mut stored = form::Entity::find_by_id(form_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("form")
        .into_active_model();
    stored.last_reminded_at = Set(Some(chrono::Utc::now() - chrono::Duration::hours(25)));
    stored.update(&h.db).await.expect("update");
    guardian_pupil::Entity::update_many()
        .col_expr(
            guardian_pupil::Column::MayConsent,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(guardian_pupil::Column::PupilId.is_in(others.iter().copied()))
        .exec(&h.db)
        .await
        .expect("update");
    let (_, location, _) = send(&h, &remind, &office, &[], "en-GB").await;
    assert_eq!(location, format!("{figures}?done=nobody"));
    // Closed: no reminder, and no button.
    let mut stored = form::Entity::find_by_id(form_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("form")
        .into_active_model();
    stored.closes_at = Set(chrono::Utc::now() - chrono::Duration::hours(1));
    stored.update(&h.db).await.expect("update");
    let (_, location, _) = send(&h, &remind, &office, &[], "en-GB").await;
    assert_eq!(location, format!("{figures}?done=closed"));
    let (_, shown) = page(&h, &figures, &office, "en-GB").await;
    assert!(!shown.contains(&format!("action=\"{remind}\"")), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_and_exports_on_sqlite() {
    follow_up(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_and_exports_on_postgres() {
    follow_up(postgres_harness().await).await;
}

/// The office records the answer a 3A parent gave by phone: choosing the parent, then the form
/// as they would see it; the answer is stored with its evidence, marked as by phone and taken
/// by the office's account; the figures and the parent's own page say so. A carer without
/// consent rights cannot be recorded consenting; 4B's teacher and families cannot record.
async fn by_phone(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let form_id = trip_form(&h).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (thompson, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child").0;
    let record = format!("/admin/forms/{form_id}/record");

    // First, whose answer: the child's guardians, each a link.
    let (status, choose) = page(&h, &format!("{record}?child={child}"), &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(choose.contains("Who gave the answer?"), "{choose}");
    assert!(
        choose.contains(&format!("{record}?child={child}&amp;guardian={thompson}")),
        "{choose}"
    );
    assert!(choose.contains("(Mother)"), "{choose}");
    // The roster's relationship, in English, is shown in the reader's language.
    let (_, choose_zh) = page(&h, &format!("{record}?child={child}"), &office, "zh-CN").await;
    assert!(choose_zh.contains("（母亲）"), "{choose_zh}");
    // Not for 4B's teacher, a family, or a child the form does not ask.
    let (_, children_b) = family(&h, demo::OTHER_PARENT_EMAIL).await;
    for (cookie, address) in [
        (&teacher_4b, format!("{record}?child={child}")),
        (&parent, format!("{record}?child={child}")),
        (&office, format!("{record}?child={}", children_b[0].0)),
    ] {
        let (status, _) = page(&h, &address, cookie, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{address}");
    }

    // The form for the chosen parent; a missing signature is refused with what was typed kept.
    let chosen = format!("{record}?child={child}&guardian={thompson}");
    let (status, shown) = page(&h, &chosen, &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("You are recording the answers"), "{shown}");
    let token = token_of(&shown);
    let thompson_s = thompson.to_string();
    let child_s = child.to_string();
    let mut fields = complete(&child_s, &token, "0", "en-GB");
    fields.push(("guardian", thompson_s.as_str()));
    fields.retain(|f| f.0 != "f_signature");
    let (status, _, refused) = send(&h, &record, &office, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Please answer this question."),
        "{refused}"
    );
    assert!(refused.contains("Inhaler before lunch"), "kept: {refused}");
    fields.push(("f_signature", "Sam Thompson (by phone)"));
    for cookie in [&teacher_4b, &parent] {
        let (status, _, _) = send(&h, &record, cookie, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, location, _) = send(&h, &record, &office, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/admin/forms/{form_id}?done=recorded"));
    let office_account = user_account::Entity::find()
        .filter(user_account::Column::Email.eq("office@riverside.example"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("office");
    let stored = form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(form_id))
        .all(&h.db)
        .await
        .expect("query");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].channel, "phone");
    assert_eq!(stored[0].guardian_id, thompson);
    assert_eq!(stored[0].user_id, office_account.id);
    assert_eq!(stored[0].pupil_id, Some(child));
    assert_eq!(
        stored[0].wording_sha256,
        app::forms::answer::sha256_hex(&stored[0].wording)
    );
    let (_, figures) = page(&h, &location, &office, "en-GB").await;
    assert!(
        figures.contains("The answer given by phone was recorded."),
        "{figures}"
    );
    assert!(figures.contains("(by phone, taken by"), "{figures}");
    // The parent reads that the school recorded it.
    let (_, own) = page(
        &h,
        &format!("/forms/{form_id}?child={child}"),
        &parent,
        "en-GB",
    )
    .await;
    assert!(
        own.contains("The school recorded the answers you gave by phone"),
        "{own}"
    );

    // The download says how the answer came.
    let (status, _, bytes) =
        download(&h, &format!("/admin/forms/{form_id}/export.csv"), &office).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8_lossy(&bytes).to_string();
    assert!(text.contains("By phone, taken by"), "{text}");

    // A carer without consent rights cannot be recorded consenting.
    let carer = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(child))
        .filter(guardian_pupil::Column::MayConsent.eq(false))
        .one(&h.db)
        .await
        .expect("query");
    let carer = match carer {
        Some(link) => link.guardian_id,
        None => {
            let mut link = guardian_pupil::Entity::find()
                .filter(guardian_pupil::Column::PupilId.eq(child))
                .filter(guardian_pupil::Column::GuardianId.ne(thompson))
                .one(&h.db)
                .await
                .expect("query")
                .expect("a second guardian")
                .into_active_model();
            link.may_consent = Set(false);
            link.update(&h.db).await.expect("update").guardian_id
        }
    };
    let (_, shown) = page(
        &h,
        &format!("{record}?child={child}&guardian={carer}"),
        &office,
        "en-GB",
    )
    .await;
    let token = token_of(&shown);
    let carer_s = carer.to_string();
    let mut fields = complete(&child_s, &token, "0", "en-GB");
    fields.push(("guardian", carer_s.as_str()));
    let (status, _, refused) = send(&h, &record, &office, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Only a parent or carer with consent rights"),
        "{refused}"
    );
    assert_eq!(
        form_response::Entity::find()
            .filter(form_response::Column::FormId.eq(form_id))
            .count(&h.db)
            .await
            .expect("count"),
        1,
        "nothing half-saved"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_by_phone_on_sqlite() {
    by_phone(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_by_phone_on_postgres() {
    by_phone(postgres_harness().await).await;
}

/// The printable list a trip leader takes along: every child asked, by class, with their
/// consent and what each guardian told the school (medical and dietary needs, a phone number),
/// never the consent's or the signature's words; a teacher's list holds only their class, and
/// another class's teacher gets none.
async fn printable_list(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let form_id = trip_form(&h).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child");
    let list = format!("/admin/forms/{form_id}?print=1");

    let (_, figures) = page(&h, &format!("/admin/forms/{form_id}"), &office, "en-GB").await;
    assert!(
        figures.contains(&format!("href=\"{list}\"")),
        "the figures link to the list: {figures}"
    );
    // Before any answer: everyone to do, nobody with consent.
    let (status, before) = page(&h, &list, &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(before.contains(", 0 with consent"), "{before}");
    assert!(!before.contains("Gives consent"), "{before}");

    let path = format!("/forms/{form_id}");
    let pupil = child.0.to_string();
    let (_, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    let token = token_of(&shown);
    let mut fields = complete(&pupil, &token, "0", "en-GB");
    fields.push(("f_dietary", "No nuts, please"));
    let (status, _, _) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let (status, printed) = page(&h, &list, &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(printed.contains("Printed on"), "{printed}");
    assert!(printed.contains(", 1 with consent"), "{printed}");
    assert!(printed.contains("Gives consent"), "{printed}");
    for note in ["Inhaler before lunch", "No nuts, please", "01632 960000"] {
        assert!(printed.contains(note), "{note}: {printed}");
    }
    assert!(
        printed.contains("Any dietary needs or food allergies for the day (packed lunch, snacks): No nuts, please"),
        "each answer under its question: {printed}"
    );
    assert!(
        !printed.contains("I give consent") && !printed.contains("as your signature"),
        "no consent wording or signature among the notes: {printed}"
    );
    assert!(printed.contains(&child.2), "the child is listed");
    let (_, in_chinese) = page(&h, &list, &office, "zh-CN").await;
    assert!(in_chinese.contains("打印于"), "{in_chinese}");
    assert!(in_chinese.contains("No nuts, please"), "answers as typed");

    // 3A's teacher: their class only; 4B's teacher: no list at all.
    let (status, theirs) = page(&h, &list, &teacher, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(theirs.contains(&child.2), "{theirs}");
    assert!(
        !theirs.contains(">3B<"),
        "only the teacher's class: {theirs}"
    );
    let (status, none) = page(&h, &list, &teacher_4b, "en-GB").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!none.contains("No nuts"), "{none}");
}

#[tokio::test(flavor = "multi_thread")]
async fn printable_list_on_sqlite() {
    printable_list(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn printable_list_on_postgres() {
    printable_list(postgres_harness().await).await;
}

/// The dietary requirements and medication templates: offered on the staff's list, each its own
/// page; a code that is no template is refused; a medication form for 3A is made, answered
/// (a wrong date refused with what was typed kept), and its answers are on the printable list;
/// a dietary form asks its details only after "yes", and then requires them.
async fn more_templates(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child").0;
    let class_3a = format!("c{}", crate::calendar_editor::class_id(&h, "3A").await);
    let closes = (chrono::Utc::now() + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();

    let (_, list) = page(&h, "/admin/forms", &office, "en-GB").await;
    for link in [
        "template=trip-consent",
        "template=dietary",
        "template=medication",
    ] {
        assert!(list.contains(link), "{link}: {list}");
    }
    let (status, new) = page(&h, "/admin/forms/new?template=medication", &office, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(new.contains("新建用药表"), "{new}");
    assert!(
        new.contains("name=\"template\" value=\"medication\""),
        "{new}"
    );
    let (status, _) = page(&h, "/admin/forms/new?template=nonsense", &office, "en-GB").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let made_before = form::Entity::find().count(&h.db).await.expect("count");
    let medication = |title: &'static str, template: &'static str| {
        vec![
            ("template", template),
            ("title_en-GB", title),
            (
                "details_en-GB",
                "Hand medicines in at the office in the morning.",
            ),
            ("target", class_3a.as_str()),
            ("closes", closes.as_str()),
        ]
    };
    let (status, _, _) = send(
        &h,
        "/admin/forms/new",
        &office,
        &medication("Medicine in school", "nonsense"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, refused) = send(
        &h,
        "/admin/forms/new",
        &office,
        &medication("", "medication"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Please give the form’s title in English."),
        "{refused}"
    );
    assert!(refused.contains("name=\"template\" value=\"medication\""));
    assert_eq!(
        form::Entity::find().count(&h.db).await.expect("count"),
        made_before
    );
    let (status, location, _) = send(
        &h,
        "/admin/forms/new",
        &office,
        &medication("Medicine in school", "medication"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let made = form::Entity::find()
        .filter(form::Column::Template.eq("medication"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the medication form");

    // The parent's page asks for the medicine and the consent to give it.
    let path = format!("/forms/{}", made.id);
    let pupil = child.to_string();
    let (status, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("The name of the medicine"), "{shown}");
    assert!(shown.contains("I ask the school to give my child this medicine"));
    let token = token_of(&shown);
    let mut fields = vec![
        ("child", pupil.as_str()),
        ("token", token.as_str()),
        ("version", "0"),
        ("language", "en-GB"),
        ("f_medicine", "Cetirizine"),
        ("f_dose", "5 ml after lunch"),
        ("f_last_day", "31/07/2027"),
        ("f_consent", "yes"),
        ("f_signature", "Sam Thompson"),
        ("action", "send"),
    ];
    let (status, _, refused) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("Please enter a date."), "{refused}");
    assert!(
        refused.contains("5 ml after lunch"),
        "what was typed is kept"
    );
    assert_eq!(
        form_response::Entity::find()
            .filter(form_response::Column::FormId.eq(made.id))
            .count(&h.db)
            .await
            .expect("count"),
        0
    );
    fields[6].1 = "2027-07-31";
    let (status, _, _) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, printed) = page(
        &h,
        &format!("/admin/forms/{}?print=1", made.id),
        &office,
        "en-GB",
    )
    .await;
    assert!(
        printed.contains("The name of the medicine: Cetirizine"),
        "{printed}"
    );
    assert!(printed.contains("5 ml after lunch"), "{printed}");
    assert!(printed.contains(", 1 with consent"), "{printed}");

    // Dietary: the details are asked after "yes", and then required.
    let dietary: Vec<(&str, &str)> = vec![
        ("template", "dietary"),
        ("title_en-GB", "Dietary needs this year"),
        ("target", class_3a.as_str()),
        ("closes", closes.as_str()),
    ];
    let (status, _, _) = send(&h, "/admin/forms/new", &office, &dietary, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let made = form::Entity::find()
        .filter(form::Column::Template.eq("dietary"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the dietary form");
    let path = format!("/forms/{}", made.id);
    let (_, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    assert!(
        shown.contains("dietary requirements or food allergies"),
        "{shown}"
    );
    let token = token_of(&shown);
    let mut fields = vec![
        ("child", pupil.as_str()),
        ("token", token.as_str()),
        ("version", "0"),
        ("language", "en-GB"),
        ("f_dietary", "yes"),
        ("f_signature", "Sam Thompson"),
        ("action", "send"),
    ];
    let (status, _, refused) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Please answer this question."),
        "{refused}"
    );
    fields.push(("f_dietary_details", "No peanuts: allergy"));
    let (status, _, _) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(made.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the answer");
    assert!(stored.answers.contains("No peanuts: allergy"));
}

#[tokio::test(flavor = "multi_thread")]
async fn dietary_and_medication_templates_on_sqlite() {
    more_templates(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dietary_and_medication_templates_on_postgres() {
    more_templates(postgres_harness().await).await;
}

/// A consent lapses at the form's `consent_until` (the end of the academic year unless the form
/// says otherwise): the family's card and page say so and offer no withdrawal, the figures and
/// the CSV mark the child "Consent lapsed", and the printable list no longer counts them as
/// going.
async fn consent_lapses(h: Harness) {
    let form_id = trip_form(&h).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child");
    let path = format!("/forms/{form_id}");
    let pupil = child.0.to_string();
    let made = form::Entity::find_by_id(form_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("form");
    assert!(
        made.consent_until
            .is_some_and(|until| until > made.closes_at),
        "consent lasts to the end of the year by default: {:?}",
        made.consent_until
    );
    let (_, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    let token = token_of(&shown);
    let fields = complete(&pupil, &token, "0", "en-GB");
    let (status, _, _) = send(&h, &path, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, before) = page(
        &h,
        &format!("/admin/forms/{form_id}?print=1"),
        &office,
        "en-GB",
    )
    .await;
    assert!(before.contains(", 1 with consent"), "{before}");

    let mut lapsing = made.into_active_model();
    lapsing.consent_until = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    lapsing.update(&h.db).await.expect("update");

    let (_, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert!(list.contains("Consent lapsed"), "{list}");
    let (_, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "zh-CN").await;
    assert!(shown.contains("您给予的同意已于"), "{shown}");
    assert!(
        !shown.contains("value=\"withdraw\""),
        "nothing left to withdraw: {shown}"
    );
    let (_, figures) = page(&h, &format!("/admin/forms/{form_id}"), &office, "en-GB").await;
    assert!(figures.contains("Consent lapsed"), "{figures}");
    let (_, printed) = page(
        &h,
        &format!("/admin/forms/{form_id}?print=1"),
        &office,
        "en-GB",
    )
    .await;
    assert!(printed.contains(", 0 with consent"), "{printed}");
    assert!(!printed.contains("Gives consent"), "{printed}");
    let (status, _, csv) =
        download(&h, &format!("/admin/forms/{form_id}/export.csv"), &office).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        String::from_utf8_lossy(&csv).contains("Consent lapsed"),
        "the download says so too"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn consent_lapses_on_sqlite() {
    consent_lapses(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn consent_lapses_on_postgres() {
    consent_lapses(postgres_harness().await).await;
}
