//! The noticeboard end to end through the router, on SQLite and PostgreSQL: targeting, what each
//! guardian sees, translations and staleness, reading and acknowledging, withdrawal and expiry,
//! XSS, attachments, refused publishes that keep the typed text, reminders, export and audit.

use crate::support;

use crate::support::{
    Harness, PDF, body_text, form_call, multipart_form, postgres_harness, publish_notice,
    session_for, sqlite_harness,
};
use app::audience::{Audience, resolve};
use app::db::entities::{
    audit_log, class, enrolment, guardian_pupil, notice, notice_ack, notice_read, notification,
    outbox, user_account, year_group,
};
use app::i18n::Locale;
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use std::collections::BTreeSet;

const OFFICE: &str = "office@riverside.example";

/// A parents' page as the server renders it for `cookie`, reading in `lang`.
async fn page(h: &Harness, cookie: &str, path: &str, lang: &str) -> (StatusCode, String) {
    let cookie = format!("{cookie}; sg_lang={lang}");
    let response = h.get(path, &[(header::COOKIE, cookie.as_str())]).await;
    (response.status(), body_text(response).await)
}

/// What a page shows: its markup without the scripts (whose hydration data carries every
/// translation, for switching language in the browser).
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</script>")
            .map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    out.push_str(rest);
    out
}

async fn board(h: &Harness, cookie: &str) -> String {
    let (status, body) = page(h, cookie, "/notices", "en-GB").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    shown(&body)
}

async fn open(
    h: &Harness,
    cookie: &str,
    id: i32,
    original: bool,
    lang: &str,
) -> (StatusCode, String) {
    let query = if original { "?original=1" } else { "" };
    let (status, body) = page(h, cookie, &format!("/notices/{id}{query}"), lang).await;
    (status, shown(&body))
}

async fn year_3(h: &Harness) -> i32 {
    year_group::Entity::find()
        .filter(year_group::Column::Name.eq("Year 3"))
        .one(&h.db)
        .await
        .unwrap()
        .expect("Year 3")
        .id
}

async fn class_id(h: &Harness, name: &str) -> i32 {
    class::Entity::find()
        .filter(class::Column::Name.eq(name))
        .one(&h.db)
        .await
        .unwrap()
        .expect("class")
        .id
}

async fn guardian_of(h: &Harness, email: &str) -> i32 {
    user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(&h.db)
        .await
        .unwrap()
        .expect("account")
        .guardian_id
        .expect("guardian")
}

/// Guardians of pupils enrolled in `year_group` this year, straight from the tables.
async fn brute_force_year(h: &Harness, year_group: i32) -> BTreeSet<i32> {
    let pupils: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::YearGroupId.eq(year_group))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(pupils))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.guardian_id)
        .collect()
}

/// Guardians with an e-mail queued for the notice's publication.
async fn notified(h: &Harness, notice_id: i32) -> Vec<i32> {
    outbox::Entity::find()
        .filter(outbox::Column::NoticeId.eq(notice_id))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.guardian_id.expect("a notice e-mail goes to a guardian"))
        .collect()
}

/// Guardians with an e-mail address among `guardians`.
async fn with_email(h: &Harness, guardians: &BTreeSet<i32>) -> BTreeSet<i32> {
    app::db::entities::guardian::Entity::find()
        .filter(app::db::entities::guardian::Column::Id.is_in(guardians.iter().copied()))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|g| g.email.as_deref().is_some_and(|e| !e.is_empty()))
        .map(|g| g.id)
        .collect()
}

/// Every guardian of the school for whom the notice is visible now, asked one by one.
async fn seeing(h: &Harness, notice_id: i32) -> BTreeSet<i32> {
    let mut seen = BTreeSet::new();
    for g in app::db::entities::guardian::Entity::find()
        .all(&h.db)
        .await
        .unwrap()
    {
        let mine = resolve::memberships(&h.db, g.id).await.unwrap();
        let visible = app::notices::store::visible_notice(
            &h.db,
            g.school_id,
            &mine,
            notice_id,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        if visible.is_some() {
            seen.insert(g.id);
        }
    }
    seen
}

async fn targeting(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let year3 = year_3(h).await;
    // Make one Year 3 family a sibling family: its guardian gets a second Year 3 child.
    let year3_pupils: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::YearGroupId.eq(year3))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let sibling_guardian = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(year3_pupils[0]))
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .guardian_id;
    let linked: Vec<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(sibling_guardian))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.pupil_id)
        .collect();
    let second = *year3_pupils
        .iter()
        .find(|p| !linked.contains(p))
        .expect("another Year 3 pupil");
    guardian_pupil::ActiveModel {
        guardian_id: Set(sibling_guardian),
        pupil_id: Set(second),
        relationship: Set("mother".into()),
        parental_responsibility: Set(true),
        receives_reports: Set(true),
        may_consent: Set(true),
        lives_with_pupil: Set(true),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("sibling link");
    // Written straight to the database, so tell the actor cache as a roster import would.
    app::access::cache::roster_changed();

    let year3_text = year3.to_string();
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "Year 3 swimming"),
            ("body", "Kit on Tuesdays."),
            ("language", "en-GB"),
            ("year_group", &year3_text),
        ],
        &[],
    )
    .await;
    let expected = brute_force_year(h, year3).await;
    assert_eq!(
        seeing(h, id).await,
        expected,
        "exactly the Year 3 guardians see it"
    );
    let reached = notified(h, id).await;
    let unique: BTreeSet<i32> = reached.iter().copied().collect();
    assert_eq!(reached.len(), unique.len(), "one e-mail per guardian");
    assert_eq!(
        unique,
        with_email(h, &expected).await,
        "e-mail to exactly those with an address"
    );
    assert!(expected.contains(&sibling_guardian));
    let sibling_emails = reached.iter().filter(|g| **g == sibling_guardian).count();
    assert!(sibling_emails <= 1, "the sibling family is reached once");
    let count = resolve::reach(
        &h.db,
        1,
        &Audience {
            year_groups: vec![year3],
            ..Audience::default()
        },
    )
    .await
    .unwrap()
    .count();
    assert!(
        count.families < count.guardians,
        "families are counted once: {count:?}"
    );

    // One pupil: only that pupil's guardians.
    let pupil = year3_pupils[1];
    let pupil_text = pupil.to_string();
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "Medicine in the office"),
            ("body", "Please collect it."),
            ("language", "en-GB"),
            ("pupil", &pupil_text),
        ],
        &[],
    )
    .await;
    let expected: BTreeSet<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(pupil))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.guardian_id)
        .collect();
    assert_eq!(seeing(h, id).await, expected);
    assert_eq!(
        notified(h, id).await.into_iter().collect::<BTreeSet<_>>(),
        with_email(h, &expected).await
    );

    // Staff only: nobody.
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "INSET day plan"),
            ("body", "Staff room at 9."),
            ("language", "en-GB"),
            ("staff_only", "on"),
        ],
        &[],
    )
    .await;
    assert!(
        notified(h, id).await.is_empty(),
        "a staff-only notice reaches no guardian"
    );
    assert!(seeing(h, id).await.is_empty());
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    assert!(!board(h, &parent).await.contains("INSET day plan"));
}

async fn reading_translations_and_acknowledging(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let class_3a = class_id(h, "3A").await.to_string();
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "Farm trip"),
            ("body", "Bring **wellies**."),
            ("language", "en-GB"),
            ("class", &class_3a),
            ("ack_required", "on"),
            ("ack_by", "2030-01-31"),
            ("title_zh-CN", "农场旅行"),
            ("body_zh-CN", "请带**雨靴**。"),
        ],
        &[("farm letter.pdf", PDF)],
    )
    .await;
    assert!(board(h, &parent_a).await.contains("Farm trip"));
    // The card in each language: its translation's title, else the original's.
    let (_, zh_board) = page(h, &parent_a, "/notices", "zh-CN").await;
    let zh_board = shown(&zh_board);
    assert!(
        zh_board.contains("农场旅行") && !zh_board.contains("Farm trip"),
        "{zh_board}"
    );
    let (_, ar_board) = page(h, &parent_a, "/notices", "ar").await;
    assert!(shown(&ar_board).contains("Farm trip"), "{ar_board}");
    assert!(
        !board(h, &parent_b).await.contains("Farm trip"),
        "another family never sees it"
    );
    let (status, _) = open(h, &parent_b, id, false, "en-GB").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Chinese reader: the translation; with "show original", both.
    let (status, zh) = open(h, &parent_a, id, false, "zh-CN").await;
    assert_eq!(status, StatusCode::OK, "{zh}");
    assert!(
        zh.contains("农场旅行") && zh.contains("<strong>雨靴</strong>"),
        "{zh}"
    );
    assert!(
        !zh.contains("Farm trip"),
        "only the translation until asked"
    );
    assert!(zh.contains("?original=1"), "a show-original link");
    let (_, both) = open(h, &parent_a, id, true, "zh-CN").await;
    assert!(
        both.contains("农场旅行") && both.contains("Farm trip"),
        "{both}"
    );
    assert!(both.contains("farm letter.pdf"));

    // Opening marked it read, once.
    let guardian_a = guardian_of(h, demo::PARENT_EMAIL).await;
    let reads = notice_read::Entity::find()
        .filter(notice_read::Column::NoticeId.eq(id))
        .filter(notice_read::Column::GuardianId.eq(guardian_a))
        .count(&h.db)
        .await
        .unwrap();
    assert_eq!(reads, 1);

    // Acknowledge for the 3A child, twice: recorded once. For a child it does not concern: 404.
    let children: Vec<i32> = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian_a))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.pupil_id)
        .collect();
    let class_3a_id: i32 = class_3a.parse().unwrap();
    let mut in_3a = None;
    let mut elsewhere = None;
    for child in children {
        let e = enrolment::Entity::find()
            .filter(enrolment::Column::PupilId.eq(child))
            .one(&h.db)
            .await
            .unwrap()
            .unwrap();
        if e.class_id == Some(class_3a_id) {
            in_3a = Some(child);
        } else {
            elsewhere = Some(child);
        }
    }
    let (in_3a, elsewhere) = (in_3a.unwrap(), elsewhere.unwrap());
    let ack = |pupil: i32| {
        form_call(
            "/api/notices/acknowledge",
            &[("id", &id.to_string()), ("pupil", &pupil.to_string())],
            Some(&parent_a),
        )
    };
    assert_eq!(h.send(ack(elsewhere)).await.status(), StatusCode::NOT_FOUND);
    // The board's card asks for the acknowledgement until it is given (read in the same
    // statement as the card).
    let card = |board: &str| {
        let title = board.find("Farm trip").expect("the notice is on the board");
        let start = board[..title].rfind("<li").expect("in a card");
        let end = board[title..].find("</li>").expect("a whole card") + title;
        board[start..end].to_string()
    };
    assert!(card(&board(h, &parent_a).await).contains("Please acknowledge"));
    for _ in 0..2 {
        let status = h.send(ack(in_3a)).await.status();
        assert!(status.is_success() || status.is_redirection(), "{status}");
    }
    let acks = notice_ack::Entity::find()
        .filter(notice_ack::Column::NoticeId.eq(id))
        .all(&h.db)
        .await
        .unwrap();
    assert_eq!(acks.len(), 1);
    assert_eq!((acks[0].guardian_id, acks[0].pupil_id), (guardian_a, in_3a));
    let (_, after) = open(h, &parent_a, id, false, "en-GB").await;
    assert!(after.contains("Acknowledged for") && !after.contains("/api/notices/acknowledge"));
    assert!(!card(&board(h, &parent_a).await).contains("Please acknowledge"));

    // Staff figures: one acknowledgement, in 3A.
    let stats = body_text(
        h.get(
            &format!("/admin/notices/{id}"),
            &[(header::COOKIE, office.as_str())],
        )
        .await,
    )
    .await;
    assert!(stats.contains("Acknowledged by 1 ("), "{stats}");
    // The bar chart: an <svg> whose own tag has the class, with a bar per class.
    let at = stats.find("class=\"chart\"").expect("a chart");
    let tag = stats[..at].rfind('<').expect("inside a tag");
    assert!(stats[tag..].starts_with("<svg"), "{stats}");
    let chart = &stats[tag..stats[tag..]
        .find("</svg>")
        .map_or(stats.len(), |end| tag + end)];
    assert!(chart.contains("3A") && chart.contains("<rect"), "{chart}");

    // Editing the original marks the Chinese translation out of date, for staff and the reader.
    let save = multipart_form(
        &format!("/admin/notices/{id}/edit"),
        &[
            ("id", &id.to_string()),
            ("title", "Farm trip (new date)"),
            ("body", "Bring **wellies** on Friday."),
            ("language", "en-GB"),
            ("ack_required", "on"),
            ("title_zh-CN", "农场旅行"),
            ("body_zh-CN", "请带**雨靴**。"),
            ("action", "save"),
        ],
        &[],
        Some(&office),
    );
    assert!(h.send(save).await.status().is_redirection());
    let (_, stale) = open(h, &parent_a, id, false, "zh-CN").await;
    assert!(stale.contains("class=\"stale\""), "{stale}");
    let stats = body_text(
        h.get(
            &format!("/admin/notices/{id}"),
            &[(header::COOKIE, office.as_str())],
        )
        .await,
    )
    .await;
    assert!(
        stats.contains("Out of date"),
        "staff see the stale translation"
    );
    assert!(
        stats.contains("Version 1"),
        "the earlier text is kept in the history"
    );

    // Export: a row per reached guardian, and the export is audited.
    let csv = h
        .get(
            &format!("/admin/notices/{id}/export.csv"),
            &[(header::COOKIE, office.as_str())],
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = body_text(csv).await;
    assert!(csv.lines().count() > 2 && csv.contains("Acknowledged at"));

    // Reminders: once a day.
    let remind = || form_call(&format!("/admin/notices/{id}/remind"), &[], Some(&office));
    let first = h.send(remind()).await;
    assert!(support::header_value(&first, header::LOCATION).contains("reminded="));
    let second = h.send(remind()).await;
    assert!(support::header_value(&second, header::LOCATION).contains("too-soon"));
    let reminders = notification::Entity::find()
        .filter(notification::Column::NoticeId.eq(id))
        .filter(notification::Column::Kind.eq("reminder"))
        .all(&h.db)
        .await
        .unwrap();
    assert!(!reminders.is_empty());
    assert!(
        reminders.iter().all(|n| n.guardian_id != guardian_a),
        "not the guardian who acknowledged"
    );

    // Withdraw: gone from the board and the notice at once.
    let withdraw = form_call(&format!("/admin/notices/{id}/withdraw"), &[], Some(&office));
    assert!(h.send(withdraw).await.status().is_redirection());
    assert!(!board(h, &parent_a).await.contains("Farm trip"));
    assert_eq!(
        open(h, &parent_a, id, false, "en-GB").await.0,
        StatusCode::NOT_FOUND
    );
    let actions: BTreeSet<String> = audit_log::Entity::find()
        .filter(audit_log::Column::SubjectId.eq(id))
        .all(&h.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in ["published", "edited", "exported", "reminded", "withdrawn"] {
        assert!(
            actions.contains(action),
            "audit log lacks {action}: {actions:?}"
        );
    }

    // Expiry: an expired notice disappears from parents' view.
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "Bake sale"),
            ("body", "Friday."),
            ("language", "en-GB"),
            ("class", &class_3a),
        ],
        &[],
    )
    .await;
    assert!(board(h, &parent_a).await.contains("Bake sale"));
    // The office sets a removal time tomorrow (school time) on the published notice …
    let school = app::db::entities::school::Entity::find()
        .one(&h.db)
        .await
        .unwrap()
        .unwrap();
    let tomorrow = app::dates::input_value(
        &school.timezone,
        chrono::Utc::now() + chrono::Duration::days(1),
    );
    let save = multipart_form(
        &format!("/admin/notices/{id}/edit"),
        &[
            ("id", &id.to_string()),
            ("title", "Bake sale"),
            ("body", "Friday."),
            ("language", "en-GB"),
            ("expires_at", &tomorrow),
            ("action", "save"),
        ],
        &[],
        Some(&office),
    );
    assert!(h.send(save).await.status().is_redirection());
    let targets = app::db::entities::notice_target::Entity::find()
        .filter(app::db::entities::notice_target::Column::NoticeId.eq(id))
        .all(&h.db)
        .await
        .unwrap();
    assert!(!targets.is_empty() && targets.iter().all(|t| t.expires_at.is_some()));
    assert!(
        board(h, &parent_a).await.contains("Bake sale"),
        "still before its time"
    );
    // … and the day passes (moved into the past rather than waited for).
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    let mut row = notice::Entity::find_by_id(id)
        .one(&h.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.expires_at = Set(Some(past));
    row.update(&h.db).await.unwrap();
    app::db::entities::notice_target::Entity::update_many()
        .col_expr(
            app::db::entities::notice_target::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Some(past)),
        )
        .filter(app::db::entities::notice_target::Column::NoticeId.eq(id))
        .exec(&h.db)
        .await
        .unwrap();
    assert!(!board(h, &parent_a).await.contains("Bake sale"));
    assert_eq!(
        open(h, &parent_a, id, false, "en-GB").await.0,
        StatusCode::NOT_FOUND
    );
}

async fn xss_and_refusals(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let class_3a = class_id(h, "3A").await.to_string();
    let id = publish_notice(
        h,
        &office,
        &[
            ("title", "<script>alert('t')</script>Trip"),
            (
                "body",
                "<img src=x onerror=alert(1)> [click](javascript:alert(2)) <a href=\"javascript:alert(3)\" onclick=\"alert(4)\">x</a>",
            ),
            ("language", "en-GB"),
            ("class", &class_3a),
        ],
        &[("<img src=x onerror=alert(5)>.pdf", PDF)],
    )
    .await;
    // Whole pages, hydration data included: it is escaped too.
    let pages = [
        page(h, &parent_a, "/notices", "en-GB").await.1,
        page(h, &parent_a, &format!("/notices/{id}"), "en-GB")
            .await
            .1,
        body_text(
            h.get(
                &format!("/admin/notices/{id}"),
                &[(header::COOKIE, office.as_str())],
            )
            .await,
        )
        .await,
        body_text(
            h.get("/admin/notices", &[(header::COOKIE, office.as_str())])
                .await,
        )
        .await,
    ];
    for page in &pages {
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script>alert"), "{page}");
        assert!(!lower.contains("<img"), "{page}");
        assert!(!lower.contains("javascript:"), "{page}");
        assert!(!lower.contains("onclick="), "{page}");
    }
    assert!(
        pages[1].contains("&lt;script&gt;"),
        "the title shows as text"
    );
    // The edit form shows the source as typed, as text: it cannot end its field and run.
    let edit = body_text(
        h.get(
            &format!("/admin/notices/{id}/edit"),
            &[(header::COOKIE, office.as_str())],
        )
        .await,
    )
    .await;
    let lower = edit.to_lowercase();
    assert!(!lower.contains("<script>alert"), "{edit}");
    assert!(!lower.contains("<img"), "{edit}");
    assert!(!lower.contains("<a href=\"javascript"), "{edit}");
    assert!(
        edit.contains(">&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(2))"),
        "{edit}"
    );

    // A program renamed .pdf is refused by its content; the draft keeps everything typed.
    let response = h
        .send(multipart_form(
            "/admin/notices/new",
            &[
                ("title", "Permission slip"),
                ("body", "Please sign and return by Friday."),
                ("language", "en-GB"),
                ("class", &class_3a),
                ("action", "publish"),
            ],
            &[("slip.pdf", b"MZ\x90\x00this is a windows program")],
            Some(&office),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = body_text(response).await;
    assert!(page.contains("Only PDF files and pictures"), "{page}");
    assert!(
        page.contains("Please sign and return by Friday."),
        "typed text kept"
    );
    assert!(
        page.contains("name=\"id\" value=\"") && !page.contains("name=\"id\" value=\"\""),
        "saved as a draft to continue: {page}"
    );

    // Publishing without a title: refused, nothing sent, the text stays.
    let response = h
        .send(multipart_form(
            "/admin/notices/new",
            &[
                ("title", ""),
                ("body", "Sports day is moved."),
                ("language", "en-GB"),
                ("class", &class_3a),
                ("action", "publish"),
            ],
            &[],
            Some(&office),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = body_text(response).await;
    assert!(page.contains("Sports day is moved.") && page.contains("role=\"alert\""));
    let drafts = notice::Entity::find()
        .filter(notice::Column::BodySource.eq("Sports day is moved."))
        .all(&h.db)
        .await
        .unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].status, "draft");
    assert_eq!(notified(h, drafts[0].id).await.len(), 0);
    assert!(
        seeing(h, drafts[0].id).await.is_empty(),
        "a draft is seen by nobody"
    );

    // A post that is not the form's multipart body gets the page with the error, not a fault.
    let response = h
        .send(form_call(
            "/admin/notices/new",
            &[("title", "Plain form")],
            Some(&office),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(body_text(response).await.contains("role=\"alert\""));

    // A teacher cannot send to a class that is not theirs, whatever the form says.
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let response = h
        .send(multipart_form(
            "/admin/notices/new",
            &[
                ("title", "Hi"),
                ("body", "x"),
                ("language", "en-GB"),
                ("class", &class_3a),
                ("action", "publish"),
            ],
            &[],
            Some(&teacher_4b),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        body_text(response)
            .await
            .contains("You cannot send notices to that audience")
    );
}

async fn email_preferences(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let parent_a = session_for(&h.db, demo::PARENT_EMAIL).await;
    let guardian_a = guardian_of(h, demo::PARENT_EMAIL).await;
    let save = form_call(
        "/api/notices/email-settings",
        &[
            ("general", "instant"),
            ("event", "digest"),
            ("trip", "off"),
            ("closure", "instant"),
        ],
        Some(&parent_a),
    );
    let status = h.send(save).await.status();
    assert!(status.is_success() || status.is_redirection(), "{status}");
    let bad = form_call(
        "/api/notices/email-settings",
        &[
            ("general", "hourly"),
            ("event", "digest"),
            ("trip", "off"),
            ("closure", "instant"),
        ],
        Some(&parent_a),
    );
    assert_eq!(h.send(bad).await.status(), StatusCode::BAD_REQUEST);
    let (_, page) = page(h, &parent_a, "/notifications/email?saved=1", "en-GB").await;
    assert!(
        page.contains("name=\"trip\" value=\"off\" checked"),
        "{page}"
    );
    let class_3a = class_id(h, "3A").await.to_string();
    let mut queued = Vec::new();
    for category in ["trip", "event", "urgent"] {
        let id = publish_notice(
            h,
            &office,
            &[
                ("title", category),
                ("body", "x"),
                ("language", "en-GB"),
                ("class", &class_3a),
                ("category", category),
            ],
            &[],
        )
        .await;
        queued.push(
            outbox::Entity::find()
                .filter(outbox::Column::NoticeId.eq(id))
                .filter(outbox::Column::GuardianId.eq(guardian_a))
                .one(&h.db)
                .await
                .unwrap(),
        );
    }
    assert!(queued[0].is_none(), "trips: off");
    let digest = queued[1].as_ref().expect("events: daily digest");
    assert_eq!(digest.kind, "digest");
    assert!(
        digest.next_attempt_at > chrono::Utc::now(),
        "waits for the evening digest"
    );
    let urgent = queued[2].as_ref().expect("urgent: always");
    assert_eq!(urgent.kind, "published");
}

async fn autosave(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let year3 = year_3(h).await.to_string();
    let call = |fields: &str| {
        support::call(
            "/api/notices/autosave",
            "application/json",
            format!(r#"{{"fields":{fields}}}"#),
            Some(&office),
        )
    };
    let first = h
        .send(call(&format!(
            r#"[["title","Harvest festival"],["body","Bring a tin"],["year_group","{year3}"]]"#
        )))
        .await;
    assert_eq!(first.status(), StatusCode::OK);
    let saved: app::notices::compose_dto::Autosaved = support::answer(first).await;
    let id = saved.id;
    // Made for every language (en-GB, zh-CN, ar), so switching needs no request.
    let reach = saved.reach.expect("a reach for year 3");
    assert!(
        reach.text(Locale::EnGb).starts_with("Reaches "),
        "{reach:?}"
    );
    assert!(
        saved
            .status
            .text(Locale::EnGb)
            .starts_with("Draft saved at "),
        "{:?}",
        saved.status
    );
    assert!(
        saved.status.text(Locale::ZhCn).contains("草稿"),
        "{:?}",
        saved.status
    );
    // The next keystrokes update the same draft.
    let again = h
        .send(call(&format!(
            r#"[["id","{id}"],["title","Harvest festival on Friday"],["body","Bring a tin"]]"#
        )))
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let drafts = notice::Entity::find()
        .filter(notice::Column::Title.starts_with("Harvest festival"))
        .all(&h.db)
        .await
        .unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].title, "Harvest festival on Friday");
    assert_eq!(drafts[0].status, "draft");
    assert!(
        seeing(h, drafts[0].id).await.is_empty(),
        "an autosaved draft reaches nobody"
    );
}

/// The ids of the notices a board page shows, in order.
fn card_ids(board: &str) -> Vec<i32> {
    const LINK: &str = "href=\"/notices/";
    board
        .split("<li class=\"notice-card")
        .skip(1)
        .map(|card| {
            let link = card.find(LINK).expect("a card links to its notice") + LINK.len();
            let digits: String = card[link..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().expect("a notice id in the card's link")
        })
        .collect()
}

/// The board a page at a time: twenty cards, older and newer pages as plain links, every notice
/// reachable once — past the hundred the unread count looks at, where a page reads deeper.
async fn board_pages(h: &Harness) {
    let office = session_for(&h.db, OFFICE).await;
    let parent = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let guardian = guardian_of(h, demo::OTHER_PARENT_EMAIL).await;
    let pupil = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian))
        .one(&h.db)
        .await
        .unwrap()
        .expect("a child")
        .pupil_id
        .to_string();
    let mut published = BTreeSet::new();
    for n in 0..105 {
        let title = format!("Reading record week {n}");
        let fields = [
            ("title", title.as_str()),
            ("body", "Please sign it."),
            ("language", "en-GB"),
            ("pupil", pupil.as_str()),
        ];
        published.insert(publish_notice(h, &office, &fields, &[]).await);
    }
    let parent = &parent;
    let at = |path: &str| {
        let path = path.to_string();
        async move {
            let (status, body) = page(h, parent, &path, "en-GB").await;
            assert_eq!(status, StatusCode::OK, "{path}: {body}");
            shown(&body)
        }
    };
    let first = at("/notices").await;
    assert_eq!(card_ids(&first).len(), 20);
    assert!(first.contains("rel=\"next\" href=\"/notices?page=2\""));
    assert!(!first.contains("rel=\"prev\""));
    assert_eq!(
        card_ids(&at("/notices?page=one").await),
        card_ids(&first),
        "a page that is not a number is the first"
    );
    let mut seen: Vec<i32> = Vec::new();
    let mut number = 1;
    let last = loop {
        let body = at(&format!("/notices?page={number}")).await;
        let ids = card_ids(&body);
        seen.extend(&ids);
        if number > 1 {
            let newer = format!(
                "rel=\"prev\" href=\"{}\"",
                match number {
                    2 => "/notices".to_string(),
                    n => format!("/notices?page={}", n - 1),
                }
            );
            assert!(
                body.contains(&newer),
                "page {number} links to the newer page"
            );
        }
        if !body.contains("rel=\"next\"") {
            break (number, ids.len());
        }
        assert_eq!(ids.len(), 20, "page {number} is full");
        number += 1;
        assert!(number < 20, "the pages end");
    };
    assert!(last.0 >= 6, "past the feed's hundred: {last:?}");
    assert!(last.1 >= 1 && last.1 <= 20);
    let distinct: BTreeSet<i32> = seen.iter().copied().collect();
    assert_eq!(distinct.len(), seen.len(), "no notice on two pages");
    assert!(published.is_subset(&distinct), "every notice is on a page");
    // Newest first across the pages.
    let newest = *published.iter().max().unwrap();
    let oldest = *published.iter().min().unwrap();
    let place = |id: i32| seen.iter().position(|s| *s == id).unwrap();
    assert!(place(newest) < place(oldest));
    // Past the first hundred a card still says whether it was opened.
    let deep = format!("/notices?page={}", place(oldest) / 20 + 1);
    assert!(deep != "/notices?page=1" && place(oldest) >= 100, "{deep}");
    let card_of = |body: &str, id: i32| {
        let link = body
            .find(&format!("href=\"/notices/{id}\""))
            .expect("the card");
        body[body[..link].rfind("<li").expect("in a card")..link].to_string()
    };
    assert!(card_of(&at(&deep).await, oldest).contains("notice-card--unread"));
    let (status, _) = open(h, parent, oldest, false, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!card_of(&at(&deep).await, oldest).contains("notice-card--unread"));
    let beyond = at("/notices?page=4000000000").await;
    assert!(card_ids(&beyond).is_empty());
    assert!(beyond.contains("There are no notices on this page"));
    assert!(beyond.contains("rel=\"prev\" href=\"/notices\""));
    // A pinned notice heads the first page however old it is; one whose time has not come is
    // on no page.
    use app::db::entities::notice_target;
    let later = chrono::Utc::now() + chrono::Duration::days(1);
    for (id, column, value) in [
        (
            oldest,
            notice_target::Column::Pinned,
            sea_orm::Value::from(true),
        ),
        (
            newest,
            notice_target::Column::PublishAt,
            sea_orm::Value::from(later),
        ),
    ] {
        notice_target::Entity::update_many()
            .col_expr(column, sea_orm::sea_query::Expr::value(value))
            .filter(notice_target::Column::NoticeId.eq(id))
            .exec(&h.db)
            .await
            .unwrap();
    }
    let first = card_ids(&at("/notices").await);
    assert_eq!(first.first(), Some(&oldest), "pinned first: {first:?}");
    assert_eq!(first.len(), 20);
    for number in 1..=last.0 {
        let ids = card_ids(&at(&format!("/notices?page={number}")).await);
        assert!(!ids.contains(&newest), "not yet published, page {number}");
        assert!(
            number == 1 || !ids.contains(&oldest),
            "pinned once, page {number}"
        );
    }
    // Another family sees none of them on any page.
    let other = session_for(&h.db, demo::PARENT_EMAIL).await;
    for number in 1..=3 {
        let (_, body) = page(h, &other, &format!("/notices?page={number}"), "en-GB").await;
        assert!(
            !shown(&body).contains("Reading record week"),
            "page {number}"
        );
    }
}

async fn run(h: Harness) {
    autosave(&h).await;
    email_preferences(&h).await;
    targeting(&h).await;
    reading_translations_and_acknowledging(&h).await;
    xss_and_refusals(&h).await;
    board_pages(&h).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn noticeboard_on_sqlite() {
    run(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn noticeboard_on_postgres() {
    run(postgres_harness().await).await;
}
