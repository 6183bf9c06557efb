//! Changes families ask for to what the school holds: contact details on the guardian's own page
//! and photo consent on a photo consent form. A bad phone number or address is refused in the
//! reader's language with what was typed kept and nothing recorded; a change waits for the office,
//! which approves (the roster changes, what it replaced is kept) or rejects it; a narrower photo
//! consent applies at once; a guardian without consent rights cannot answer one; teachers and
//! families cannot decide; the roster import's preview names the changes it would undo. Runs on
//! SQLite and PostgreSQL.

use crate::forms::{family, token_of};
use crate::news::set_consent;
use crate::news_comments::{page, send};
use crate::news_withheld::roster_row;
use crate::support::{Harness, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{form, guardian, guardian_pupil, pupil, roster_change};
use app::roster::changes::state;
use app::roster::{demo, import};
use http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

const CONTACT: &str = "/forms/contact";
const CHANGES: &str = "/admin/forms/changes";

async fn changes_of(h: &Harness, kind: &str) -> Vec<roster_change::Model> {
    roster_change::Entity::find()
        .filter(roster_change::Column::Kind.eq(kind))
        .order_by_asc(roster_change::Column::Id)
        .all(&h.db)
        .await
        .expect("query")
}

async fn guardian_of(h: &Harness, id: i32) -> guardian::Model {
    guardian::Entity::find_by_id(id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("guardian")
}

async fn contact_changes(h: Harness) {
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let other_parent = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let (guardian_id, _) = family(&h, demo::PARENT_EMAIL).await;
    let held = guardian_of(&h, guardian_id).await;
    let old_phone = held.phone.clone().expect("the demo guardian has a phone");

    // The page shows what the school holds, in the reader's language; the forms list links it.
    let (status, shown) = page(&h, CONTACT, &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("Your contact details"), "{shown}");
    assert!(shown.contains(&format!("value=\"{old_phone}\"")), "{shown}");
    let (_, in_chinese) = page(&h, CONTACT, &parent, "zh-CN").await;
    assert!(in_chinese.contains("您的联系方式"), "{in_chinese}");
    let (_, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert!(list.contains(&format!("href=\"{CONTACT}\"")), "{list}");
    let (_, staff_list) = page(&h, "/forms", &office, "en-GB").await;
    assert!(!staff_list.contains(&format!("href=\"{CONTACT}\"")));
    let (status, _) = page(&h, CONTACT, &office, "en-GB").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "staff have no family details"
    );

    // Bad input: refused in Chinese beside each field, what was typed kept, nothing recorded.
    let (status, _, refused) = send(
        &h,
        CONTACT,
        &parent,
        &[
            ("phone", "12345"),
            ("phone_alt", ""),
            ("email", "not-an-address"),
            ("email_alt", ""),
        ],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("这看起来不像电话号码"), "{refused}");
    assert!(refused.contains("这看起来不像电子邮件地址"), "{refused}");
    assert!(refused.contains("value=\"not-an-address\""), "typed kept");
    assert!(refused.contains("aria-invalid=\"true\""), "{refused}");
    let (status, _, unchanged) = send(
        &h,
        CONTACT,
        &parent,
        &[
            ("phone", old_phone.as_str()),
            ("phone_alt", held.phone_alt.as_deref().unwrap_or_default()),
            ("email", held.email.as_deref().unwrap_or_default()),
            ("email_alt", held.email_alt.as_deref().unwrap_or_default()),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(unchanged.contains("nothing to change"), "{unchanged}");
    assert!(changes_of(&h, "contact").await.is_empty());

    // A good change waits for the office; the school's record is untouched meanwhile.
    let wanted = [
        ("phone", "07700 900123"),
        ("phone_alt", ""),
        ("email", held.email.as_deref().unwrap_or_default()),
        ("email_alt", "Second@Example.org"),
    ];
    let (status, location, _) = send(&h, CONTACT, &parent, &wanted, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{CONTACT}?sent=1"));
    // The same change sent again (a double tap) records nothing more.
    let (status, _, _) = send(&h, CONTACT, &parent, &wanted, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let asked = changes_of(&h, "contact").await;
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].state, state::PENDING);
    assert_eq!(asked[0].guardian_id, guardian_id);
    assert!(asked[0].proposed.contains("second@example.org"));
    assert_eq!(
        guardian_of(&h, guardian_id).await.phone,
        Some(old_phone.clone())
    );
    let (_, waiting) = page(&h, &format!("{CONTACT}?sent=1"), &parent, "en-GB").await;
    assert!(
        waiting.contains("The school office will check"),
        "{waiting}"
    );
    assert!(
        waiting.contains(&format!("Main phone number: {old_phone} → 07700 900123")),
        "{waiting}"
    );

    // Only the office decides: teachers and families get "not found", and nothing changes.
    let id = asked[0].id.to_string();
    let decide =
        |action: &'static str, id: String| vec![("change", id), ("action", action.to_string())];
    for who in [&teacher, &parent, &other_parent] {
        let (status, _) = page(&h, CHANGES, who, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let fields = decide("approve", id.clone());
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, _, _) = send(&h, CHANGES, who, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    assert_eq!(changes_of(&h, "contact").await[0].state, state::PENDING);

    let (_, staff_forms) = page(&h, "/admin/forms", &office, "en-GB").await;
    assert!(
        staff_forms.contains("Changes families asked for (1 waiting)"),
        "{staff_forms}"
    );
    let (status, queue) = page(&h, CHANGES, &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains(&held.name), "{queue}");
    assert!(queue.contains("→ 07700 900123"), "{queue}");
    assert!(queue.contains("→ second@example.org"), "{queue}");

    let approve = decide("approve", id.clone());
    let approve: Vec<(&str, &str)> = approve.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, approved) = send(&h, CHANGES, &office, &approve, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(approved.contains("Approved: the school"), "{approved}");
    assert!(approved.contains("No changes are waiting."), "{approved}");
    assert!(approved.contains("Approved by"), "the history: {approved}");
    let now = guardian_of(&h, guardian_id).await;
    assert_eq!(now.phone.as_deref(), Some("07700 900123"));
    assert_eq!(now.email_alt.as_deref(), Some("second@example.org"));
    assert_eq!(now.email, held.email, "what was not changed stays");
    let decided = &changes_of(&h, "contact").await[0];
    assert_eq!(decided.state, state::APPROVED);
    assert!(
        decided
            .previous
            .as_deref()
            .unwrap_or_default()
            .contains(&old_phone),
        "what it replaced is kept: {:?}",
        decided.previous
    );
    let audit = app::audit::entries(&h.db, ("roster_change", decided.id))
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
    // Deciding again changes nothing and says so.
    let (status, _, again) = send(&h, CHANGES, &office, &approve, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(again.contains("这项更改已经处理过"), "{again}");

    // A second request supersedes a first still waiting; a rejection leaves the record.
    for phone in ["0161 496 0000", "0161 496 0001"] {
        let email = held.email.as_deref().unwrap_or_default();
        let fields = [
            ("phone", phone),
            ("email", email),
            ("email_alt", "second@example.org"),
        ];
        let (status, _, _) = send(&h, CONTACT, &parent, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let all = changes_of(&h, "contact").await;
    assert_eq!(
        all.iter().map(|c| c.state.as_str()).collect::<Vec<_>>(),
        [state::APPROVED, state::SUPERSEDED, state::PENDING]
    );
    let reject = decide("reject", all[2].id.to_string());
    let reject: Vec<(&str, &str)> = reject.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, rejected) = send(&h, CHANGES, &office, &reject, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(rejected.contains("Rejected by"), "{rejected}");
    assert_eq!(
        guardian_of(&h, guardian_id).await.phone.as_deref(),
        Some("07700 900123")
    );
    let (status, _, _) = send(
        &h,
        CHANGES,
        &office,
        &[("change", "x"), ("action", "approve")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Approval changes only what the family changed: a detail the MIS import changed while the
    // request waited stays as the import left it.
    let fields = [
        ("phone", "0161 496 0002"),
        ("email", held.email.as_deref().unwrap_or_default()),
        ("email_alt", "second@example.org"),
    ];
    let (status, _, _) = send(&h, CONTACT, &parent, &fields, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mut imported = guardian_of(&h, guardian_id).await.into_active_model();
    imported.email = Set(Some("from.the.mis@example.org".into()));
    imported.update(&h.db).await.expect("update");
    let waiting = changes_of(&h, "contact").await.pop().expect("a change");
    let approve = decide("approve", waiting.id.to_string());
    let approve: Vec<(&str, &str)> = approve.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = send(&h, CHANGES, &office, &approve, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    let now = guardian_of(&h, guardian_id).await;
    assert_eq!(now.phone.as_deref(), Some("0161 496 0002"));
    assert_eq!(now.email.as_deref(), Some("from.the.mis@example.org"));

    // The roster import from an MIS that still has the old number: its preview says it would
    // undo the family's approved change, naming them and what.
    let child = pupil::Entity::find_by_id(
        guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::GuardianId.eq(guardian_id))
            .one(&h.db)
            .await
            .expect("query")
            .expect("a link")
            .pupil_id,
    )
    .one(&h.db)
    .await
    .expect("query")
    .expect("child");
    let file = roster_row(&h, &child, &child.photo_consent)
        .await
        .replace("0161 496 0002", &old_phone);
    let report = import::preview(&h.db, child.school_id, file.as_bytes())
        .await
        .expect("preview");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.overwrites.len(), 1, "{:?}", report.overwrites);
    assert_eq!(report.overwrites[0].name, held.name);
    assert_eq!(report.overwrites[0].fields, ["phone"]);
    let said = app::roster::import_page::summary_text(app::i18n::Locale::EnGb, &report);
    assert!(said.contains("changed through the portal"), "{said}");
    assert!(said.contains(&held.name), "{said}");
    // The same file with the family's number: nothing to warn about.
    let current = roster_row(&h, &child, &child.photo_consent).await;
    let report = import::preview(&h.db, child.school_id, current.as_bytes())
        .await
        .expect("preview");
    assert!(report.overwrites.is_empty(), "{:?}", report.overwrites);
}

#[tokio::test(flavor = "multi_thread")]
async fn contact_changes_on_sqlite() {
    contact_changes(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn contact_changes_on_postgres() {
    contact_changes(postgres_harness().await).await;
}

/// Answers photo consent form `form_id` for `child` with `level`; the status.
async fn answer_photo(
    h: &Harness,
    form_id: i32,
    child: i32,
    cookie: &str,
    level: &str,
    language: &str,
) -> (StatusCode, String) {
    let path = format!("/forms/{form_id}");
    let child = child.to_string();
    let (status, shown) = page(h, &format!("{path}?child={child}"), cookie, language).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    let token = token_of(&shown);
    let version = shown
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a version")
        .to_string();
    let fields = [
        ("child", child.as_str()),
        ("token", token.as_str()),
        ("version", version.as_str()),
        ("language", language),
        ("f_photo", level),
        ("f_signature", "Sam Thompson"),
        ("action", "send"),
    ];
    let (status, _, body) = send(h, &path, cookie, &fields, language).await;
    (status, body)
}

async fn photo_level(h: &Harness, child: i32) -> String {
    pupil::Entity::find_by_id(child)
        .one(&h.db)
        .await
        .expect("query")
        .expect("pupil")
        .photo_consent
}

async fn photo_consent(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let (guardian_id, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child").0;
    set_consent(&h, child, "class").await;
    let class_3a = format!("c{}", crate::calendar_editor::class_id(&h, "3A").await);
    let closes = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();

    let (_, list) = page(&h, "/admin/forms", &office, "en-GB").await;
    assert!(list.contains("template=photo-consent"), "{list}");
    let (status, location, _) = send(
        &h,
        "/admin/forms/new",
        &office,
        &[
            ("template", "photo-consent"),
            ("title_en-GB", "Photos and videos this year"),
            ("target", class_3a.as_str()),
            ("closes", closes.as_str()),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let made = form::Entity::find()
        .filter(form::Column::Template.eq("photo-consent"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the photo consent form");
    let (_, shown) = page(
        &h,
        &format!("/forms/{}?child={child}", made.id),
        &parent,
        "zh-CN",
    )
    .await;
    assert!(
        shown.contains("也可用于全校动态"),
        "every level, translated: {shown}"
    );

    // Wider than the child's consent: waits for the office.
    let (status, _) = answer_photo(&h, made.id, child, &parent, "school", "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(photo_level(&h, child).await, "class");
    let asked = changes_of(&h, "photo").await;
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].state, state::PENDING);
    assert_eq!(asked[0].pupil_id, Some(child));
    assert!(asked[0].form_response_id.is_some(), "tied to its evidence");
    let (_, queue) = page(&h, CHANGES, &office, "en-GB").await;
    assert!(queue.contains("photo consent for"), "{queue}");
    assert!(queue.contains("class stories → whole school"), "{queue}");
    let id = asked[0].id.to_string();
    let (status, _, _) = send(
        &h,
        CHANGES,
        &office,
        &[("change", id.as_str()), ("action", "approve")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(photo_level(&h, child).await, "school");

    // Narrower: applies at once, recorded as decided by nobody.
    let (status, _) = answer_photo(&h, made.id, child, &parent, "portfolio", "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(photo_level(&h, child).await, "portfolio");
    let latest = changes_of(&h, "photo").await.pop().expect("a change");
    assert_eq!(latest.state, state::APPROVED);
    assert_eq!(latest.decided_by, None);
    let (_, queue) = page(&h, CHANGES, &office, "en-GB").await;
    assert!(queue.contains("Applied at once"), "{queue}");

    // The import from an MIS that still says "whole school" would undo it: the preview says so.
    let found = pupil::Entity::find_by_id(child)
        .one(&h.db)
        .await
        .expect("query")
        .expect("pupil");
    let file = roster_row(&h, &found, "school").await;
    let report = import::preview(&h.db, found.school_id, file.as_bytes())
        .await
        .expect("preview");
    assert_eq!(report.overwrites.len(), 1, "{:?}", report.overwrites);
    assert_eq!(report.overwrites[0].fields, ["photo"]);

    // Without consent rights for the child the answer is refused on the server, and nothing
    // changes.
    crate::forms::without_consent_rights(&h, guardian_id, child).await;
    let before = roster_change::Entity::find()
        .count(&h.db)
        .await
        .expect("count");
    let (status, refused) = answer_photo(&h, made.id, child, &parent, "public", "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Only a parent or carer with consent rights"),
        "{refused}"
    );
    assert_eq!(photo_level(&h, child).await, "portfolio");
    assert_eq!(
        roster_change::Entity::find()
            .count(&h.db)
            .await
            .expect("count"),
        before
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_consent_on_sqlite() {
    photo_consent(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_consent_on_postgres() {
    photo_consent(postgres_harness().await).await;
}
