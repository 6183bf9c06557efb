//! Answering a form through its page, as a browser without JavaScript sends it: the demo's Year
//! 3 trip consent reaches the Year 3 child of a family with children in 3A and 5B (never the 5B
//! child, never another family); a refused answer comes back with what was typed and stores
//! nothing; a stored answer keeps its evidence (the wording shown in the language shown, its
//! SHA-256, the browser, the guardian); the same page sent twice is stored once, a page older
//! than the latest answer is refused, a change is a new version and a withdrawn consent is one
//! more; a guardian without consent rights cannot consent; a closed form takes nothing. Runs on
//! SQLite and PostgreSQL.

use crate::news_comments::{page, send};
use crate::support::{Harness, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{form, form_response, guardian_pupil};
use app::roster::demo;
use http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

/// The demo form, seeded; its id.
pub(crate) async fn trip_form(h: &Harness) -> i32 {
    let school = app::school::db::first_school(&h.db)
        .await
        .expect("query")
        .expect("the demo school");
    assert_eq!(app::forms::demo::seed(&h.db, school.id).await, Ok(1));
    form::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("the form")
        .id
}

/// The guardian of account `email`, and their children as (pupil id, class name, name).
pub(crate) async fn family(h: &Harness, email: &str) -> (i32, Vec<(i32, String, String)>) {
    let actor = crate::support::actor_of(&h.db, email).await;
    let children = actor
        .children
        .iter()
        .map(|c| {
            (
                c.membership.pupil_id,
                c.class_name.clone().unwrap_or_default(),
                c.name.clone(),
            )
        })
        .collect();
    (actor.guardian_id.expect("a guardian"), children)
}

/// Takes away `guardian`'s consent rights for `pupil`, as the roster would.
pub(crate) async fn without_consent_rights(h: &Harness, guardian: i32, pupil: i32) {
    let link = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian))
        .filter(guardian_pupil::Column::PupilId.eq(pupil))
        .one(&h.db)
        .await
        .expect("query")
        .expect("link");
    let mut no_rights = link.into_active_model();
    no_rights.may_consent = Set(false);
    no_rights.update(&h.db).await.expect("update");
}

/// The one-time token of a form page.
pub(crate) fn token_of(html: &str) -> String {
    let start = html
        .find("name=\"token\" value=\"")
        .map(|at| at + "name=\"token\" value=\"".len())
        .expect("the page has a token");
    html[start..]
        .split('"')
        .next()
        .expect("a value")
        .to_string()
}

/// Every answer to form `form_id`, oldest first.
pub(crate) async fn responses(h: &Harness, form_id: i32) -> Vec<form_response::Model> {
    form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(form_id))
        .order_by_asc(form_response::Column::Id)
        .all(&h.db)
        .await
        .expect("query")
}

/// A complete answer to the trip form, for `child`, from a page holding `token` and `version`.
pub(crate) fn complete<'a>(
    child: &'a str,
    token: &'a str,
    version: &'a str,
    language: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("child", child),
        ("token", token),
        ("version", version),
        ("language", language),
        ("f_consent", "yes"),
        ("f_medical", "yes"),
        ("f_medical_details", "Inhaler before lunch"),
        ("f_phone", "01632 960000"),
        ("f_signature", "Sam Thompson"),
        ("action", "send"),
    ]
}

async fn answering(h: Harness) {
    let form_id = trip_form(&h).await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let other = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let (guardian, children) = family(&h, demo::PARENT_EMAIL).await;
    let year_3 = children
        .iter()
        .find(|c| c.1 == "3A")
        .expect("a child in 3A")
        .clone();
    let year_5 = children
        .iter()
        .find(|c| c.1 == "5B")
        .expect("a child in 5B")
        .clone();
    let child = year_3.0.to_string();
    let path = format!("/forms/{form_id}");

    // The list shows the form for the Year 3 child only, still to do.
    let (status, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Year 3 trip to the Science Museum"), "{list}");
    assert!(
        list.contains(&format!("{path}?child={}", year_3.0)),
        "{list}"
    );
    assert!(!list.contains(&format!("child={}", year_5.0)), "{list}");
    assert!(list.contains("To do"), "{list}");
    let (_, list_zh) = page(&h, "/forms", &parent, "zh-CN").await;
    assert!(list_zh.contains("三年级科学博物馆之旅"), "{list_zh}");
    // The home page lists it for the Year 3 child, and the Forms tab counts it.
    let (status, home) = page(&h, "/", &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Forms to answer"), "{home}");
    assert!(
        home.contains(&format!("href=\"{path}?child={}\"", year_3.0)),
        "{home}"
    );
    assert!(home.contains("Year 3 trip to the Science Museum"), "{home}");
    assert!(home.contains(&format!("For {}", year_3.2)), "{home}");
    assert!(!home.contains(&format!("child={}", year_5.0)), "{home}");
    assert!(home.contains("1 to answer"), "the tab's count: {home}");
    let (_, home_other) = page(&h, "/", &other, "en-GB").await;
    assert!(
        home_other.contains("No forms are waiting for you."),
        "{home_other}"
    );
    let counted = |page: &str| (1..10).any(|n| page.contains(&format!("{n} to answer")));
    assert!(!counted(&home_other), "{home_other}");
    // Another family, a child the form is not for, staff: as if it did not exist.
    for cookie in [&other, &teacher] {
        let (status, others) = page(&h, "/forms", cookie, "en-GB").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!others.contains("Science Museum"), "{others}");
        assert!(
            others.contains("There are no forms waiting for you."),
            "{others}"
        );
    }
    for (cookie, address) in [
        (&other, format!("{path}?child={}", year_3.0)),
        (&parent, format!("{path}?child={}", year_5.0)),
        (&teacher, format!("{path}?child={}", year_3.0)),
    ] {
        let (status, _) = page(&h, &address, cookie, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{address}");
    }

    // The page, in Chinese: the translation, the consent's statement and a token.
    let (status, shown) = page(&h, &format!("{path}?child={child}"), &parent, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("我同意我的孩子参加本次外出活动"), "{shown}");
    let token = token_of(&shown);

    // Missing answers: the page again, 400, what was typed kept, nothing stored.
    let (status, _, refused) = send(
        &h,
        &path,
        &parent,
        &[
            ("child", &child),
            ("token", &token),
            ("version", "0"),
            ("language", "zh-CN"),
            ("f_consent", "yes"),
            ("f_medical", "yes"),
            ("f_phone", "01632 960000"),
        ],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("请回答此问题。"), "{refused}");
    assert!(refused.contains("01632 960000"), "what was typed is kept");
    assert!(responses(&h, form_id).await.is_empty());
    // Another family posting for this child: not found, nothing stored.
    let (status, _, _) = send(
        &h,
        &path,
        &other,
        &complete(&child, "other-family", "0", "en-GB"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(responses(&h, form_id).await.is_empty());

    // A drawn signature that is not strokes in the box: refused in the page's language, the
    // typed name kept, the box cleared, nothing stored.
    let mut broken = complete(&child, &token, "0", "zh-CN");
    broken.push(("f_signature.drawn", "M10 20 C 1 2 3 4 5 6"));
    let (status, _, refused) = send(&h, &path, &parent, &broken, "zh-CN").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("无法读取手写签名"), "{refused}");
    assert!(refused.contains("Sam Thompson"), "the typed name is kept");
    assert!(refused.contains("name=\"f_signature.drawn\""), "{refused}");
    assert!(
        !refused.contains("C 1 2 3"),
        "the refused drawing is cleared: {refused}"
    );
    assert!(responses(&h, form_id).await.is_empty());

    // Complete, shown in Chinese, signed by hand too: stored with its evidence.
    let mut signed = complete(&child, &token, "0", "zh-CN");
    signed.push(("f_signature.drawn", "M10 20 L30,40 L 31 41"));
    let (status, location, _) = send(&h, &path, &parent, &signed, "zh-CN").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{path}?child={child}&sent=1"));
    let stored = responses(&h, form_id).await;
    assert_eq!(stored.len(), 1);
    // Answered: off the home page's list and the tab's count.
    let (_, home) = page(&h, "/", &parent, "en-GB").await;
    assert!(home.contains("No forms are waiting for you."), "{home}");
    assert!(!home.contains("Science Museum"), "{home}");
    assert!(!counted(&home), "{home}");
    let first = &stored[0];
    assert_eq!(
        (first.version, first.guardian_id, first.pupil_id),
        (1, guardian, Some(year_3.0))
    );
    assert_eq!(first.language, "zh-CN");
    assert!(
        first.wording.starts_with("三年级科学博物馆之旅"),
        "{}",
        first.wording
    );
    assert!(first.wording.contains("我同意我的孩子参加本次外出活动"));
    assert!(
        first.wording.contains("请具体说明"),
        "the question asked after \"yes\" is in the wording"
    );
    assert_eq!(
        first.wording_sha256,
        app::forms::answer::sha256_hex(&first.wording)
    );
    assert_eq!(first.wording_sha256.len(), 64);
    assert_eq!(first.user_agent, "");
    let answers: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&first.answers).expect("answers");
    assert_eq!(answers.get("consent").map(String::as_str), Some("yes"));
    assert_eq!(
        answers.get("medical_details").map(String::as_str),
        Some("Inhaler before lunch")
    );
    assert_eq!(
        answers.get("signature.drawn").map(String::as_str),
        Some("M10 20L30 40L31 41"),
        "the drawing is kept in one spelling"
    );
    // Staff who look after the form see the drawing beside the answer.
    let office = session_for(&h.db, "office@riverside.example").await;
    let (_, figures) = page(&h, &format!("/admin/forms/{form_id}"), &office, "en-GB").await;
    assert!(figures.contains("Signature drawn by"), "{figures}");
    assert!(figures.contains("d=\"M10 20L30 40L31 41\""), "{figures}");
    // The same page sent again (a double tap, a retry): stored once.
    let (status, _, _) = send(
        &h,
        &path,
        &parent,
        &complete(&child, &token, "0", "zh-CN"),
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(responses(&h, form_id).await.len(), 1);
    // The list now says done; the page shows the answers and when.
    let (_, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert!(list.contains("Done"), "{list}");
    let (_, answered) = page(&h, &format!("{path}?child={child}"), &parent, "en-GB").await;
    assert!(answered.contains("You answered on"), "{answered}");
    assert!(answered.contains("Inhaler before lunch"), "{answered}");
    let newer_token = token_of(&answered);

    // A page opened before that answer (version 0) is refused, not stored over it.
    let (status, _, stale) = send(
        &h,
        &path,
        &parent,
        &complete(&child, "an-older-page", "0", "en-GB"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        stale.contains("changed on another page or device"),
        "{stale}"
    );
    assert_eq!(responses(&h, form_id).await.len(), 1);

    // A change is a new version; the first is kept as it was.
    let mut change = complete(&child, &newer_token, "1", "en-GB");
    change.retain(|(k, _)| *k != "f_medical_details");
    change.iter_mut().for_each(|field| {
        if field.0 == "f_medical" {
            field.1 = "no";
        }
    });
    let (status, _, _) = send(&h, &path, &parent, &change, "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = responses(&h, form_id).await;
    assert_eq!(stored.len(), 2);
    assert_eq!(&stored[0], first, "the earlier version is untouched");
    assert_eq!(
        (stored[1].version, stored[1].language.as_str()),
        (2, "en-GB")
    );
    assert!(!stored[1].answers.contains("Inhaler"));
    assert!(
        !stored[1].wording.contains("Please describe them"),
        "a question not asked is not in the wording"
    );

    // Withdrawing the consent: one more version, recorded, nothing deleted.
    let (_, page_now) = page(&h, &format!("{path}?child={child}"), &parent, "en-GB").await;
    assert!(page_now.contains("Withdraw my consent"), "{page_now}");
    let withdraw_token = token_of(&page_now);
    let (status, _, _) = send(
        &h,
        &path,
        &parent,
        &[
            ("child", child.as_str()),
            ("token", &withdraw_token),
            ("version", "2"),
            ("action", "withdraw"),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = responses(&h, form_id).await;
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[2].state, "withdrawn");
    assert!(
        stored[2].answers.contains("\"consent\":\"no\""),
        "{}",
        stored[2].answers
    );
    let (_, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert!(list.contains("Consent withdrawn"), "{list}");

    // Without consent rights for the child: the consent is refused, on the server.
    without_consent_rights(&h, guardian, year_3.0).await;
    let (_, locked) = page(&h, &format!("{path}?child={child}"), &parent, "en-GB").await;
    assert!(
        locked.contains("do not give you consent rights"),
        "{locked}"
    );
    let (status, _, refused) = send(
        &h,
        &path,
        &parent,
        &complete(&child, "no-rights", "3", "en-GB"),
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Only a parent or carer with consent rights"),
        "{refused}"
    );
    assert_eq!(responses(&h, form_id).await.len(), 3);

    // Closed: nothing more is taken.
    let mut closed = form::Entity::find_by_id(form_id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("form")
        .into_active_model();
    closed.closes_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
    closed.update(&h.db).await.expect("update");
    let mut late = complete(&child, "too-late", "3", "en-GB");
    late.retain(|(k, _)| *k != "f_consent");
    let (status, _, refused) = send(&h, &path, &parent, &late, "en-GB").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("This form has closed"), "{refused}");
    assert_eq!(
        form_response::Entity::find()
            .filter(form_response::Column::FormId.eq(form_id))
            .count(&h.db)
            .await
            .expect("count"),
        3
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn answering_a_form_on_sqlite() {
    answering(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn answering_a_form_on_postgres() {
    answering(postgres_harness().await).await;
}

/// The id of year group `name`.
async fn year_group_id(h: &Harness, name: &str) -> i32 {
    app::db::entities::year_group::Entity::find()
        .filter(app::db::entities::year_group::Column::Name.eq(name))
        .one(&h.db)
        .await
        .expect("query")
        .expect("year group")
        .id
}

/// A day `days` from now, as the date field sends it.
fn in_days(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn staff_side(h: Harness) {
    let h = h.with_body_limit(1024 * 1024);
    let demo_form = trip_form(&h).await;
    let office = session_for(&h.db, "office@riverside.example").await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let other_parent = session_for(&h.db, demo::SECOND_PARENT_EMAIL).await;
    let year_5 = format!("y{}", year_group_id(&h, "Year 5").await);
    let year_3 = format!("y{}", year_group_id(&h, "Year 3").await);
    let class_3a = format!("c{}", crate::calendar_editor::class_id(&h, "3A").await);
    let closes = in_days(7);

    // The office's list shows the demo form with nobody answered yet.
    let (status, list) = page(&h, "/admin/forms", &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Year 3 trip to the Science Museum"), "{list}");
    assert!(list.contains("0 of "), "{list}");
    // Families and assistants have no staff forms pages.
    for cookie in [
        &parent,
        &session_for(&h.db, "ta.3a@riverside.example").await,
    ] {
        let (status, _) = page(&h, "/admin/forms", cookie, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = send(
            &h,
            "/admin/forms/new",
            cookie,
            &[
                ("title_en-GB", "Sneaky"),
                ("target", &class_3a),
                ("closes", &closes),
            ],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    // Refused: no English title, a half translation, no audience, a past closing day — each
    // with everything typed kept and nothing made.
    let forms_before = form::Entity::find().count(&h.db).await.expect("count");
    for (fields, reason) in [
        (
            vec![
                ("details_zh-CN", "乘大巴"),
                ("target", year_5.as_str()),
                ("closes", closes.as_str()),
            ],
            "Please give the trip’s title in English.",
        ),
        (
            vec![
                ("title_en-GB", "Year 5 river study"),
                ("details_zh-CN", "乘大巴"),
                ("target", year_5.as_str()),
                ("closes", closes.as_str()),
            ],
            "A translation needs its title as well as its details.",
        ),
        (
            vec![
                ("title_en-GB", "Year 5 river study"),
                ("closes", closes.as_str()),
            ],
            "Please choose at least one year group or class.",
        ),
        (
            vec![
                ("title_en-GB", "Year 5 river study"),
                ("target", year_5.as_str()),
                ("closes", "2020-01-01"),
            ],
            "Please choose a last day for answers",
        ),
    ] {
        let (status, _, refused) = send(&h, "/admin/forms/new", &office, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{reason}");
        assert!(refused.contains(reason), "{reason}: {refused}");
        for (_, typed) in fields
            .iter()
            .filter(|(k, _)| k.starts_with("title") || k.starts_with("details"))
        {
            assert!(refused.contains(typed), "{typed} is kept");
        }
    }
    assert_eq!(
        form::Entity::find().count(&h.db).await.expect("count"),
        forms_before
    );

    // Made, in English and Chinese, for Year 5: the 5B child's parent sees it.
    let (status, location, _) = send(
        &h,
        "/admin/forms/new",
        &office,
        &[
            ("title_en-GB", "Year 5 river study"),
            ("details_en-GB", "By minibus to the river, back by 3 pm."),
            ("title_zh-CN", "五年级河流考察"),
            ("details_zh-CN", "乘小巴前往河边，下午三点前返回。"),
            ("target", &year_5),
            ("closes", &closes),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let made = form::Entity::find()
        .order_by_desc(form::Column::Id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("the new form");
    assert_eq!(location, format!("/admin/forms/{}", made.id));
    assert!(made.definition.contains("五年级河流考察"));
    assert!(made.closes_at > chrono::Utc::now() + chrono::Duration::days(7));
    let audited = app::db::entities::audit_log::Entity::find()
        .filter(app::db::entities::audit_log::Column::Action.eq("form-created"))
        .count(&h.db)
        .await
        .expect("count");
    assert_eq!(audited, 1);
    let (_, list_zh) = page(&h, "/forms", &parent, "zh-CN").await;
    assert!(list_zh.contains("五年级河流考察"), "{list_zh}");

    // A teacher sends to their own class, never to a year group or another class.
    for (cookie, target, expected) in [
        (&teacher, &year_3, StatusCode::NOT_FOUND),
        (&teacher_4b, &class_3a, StatusCode::NOT_FOUND),
        (&teacher, &class_3a, StatusCode::SEE_OTHER),
    ] {
        let fields = [
            ("title_en-GB", "3A pond visit"),
            ("target", target.as_str()),
            ("closes", closes.as_str()),
        ];
        let (status, _, _) = send(&h, "/admin/forms/new", cookie, &fields, "en-GB").await;
        assert_eq!(status, expected, "{target}");
    }

    // The Thompson parents disagree on the demo trip: the child shows as such, with both
    // answers, to the office and to 3A's teacher; 4B's teacher cannot open it.
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children
        .iter()
        .find(|c| c.1 == "3A")
        .expect("a 3A child")
        .0
        .to_string();
    let path = format!("/forms/{demo_form}");
    for (cookie, consent, name) in [
        (&parent, "yes", "Sam Thompson"),
        (&other_parent, "no", "Alex Thompson"),
    ] {
        let (_, shown) = page(&h, &format!("{path}?child={child}"), cookie, "en-GB").await;
        let token = token_of(&shown);
        let mut fields = complete(&child, &token, "0", "en-GB");
        fields.iter_mut().for_each(|f| {
            if f.0 == "f_consent" {
                f.1 = consent;
            }
            if f.0 == "f_signature" {
                f.1 = name;
            }
        });
        let (status, _, _) = send(&h, &path, cookie, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    for cookie in [&office, &teacher] {
        let (status, figures) =
            page(&h, &format!("/admin/forms/{demo_form}"), cookie, "en-GB").await;
        assert_eq!(status, StatusCode::OK);
        assert!(figures.contains("Parents disagree"), "{figures}");
        assert!(figures.contains("Gives consent"), "{figures}");
        assert!(figures.contains("Does not give consent"), "{figures}");
        assert!(figures.contains("1 with parents who disagree"), "{figures}");
    }
    let (_, teacher_view) = page(&h, &format!("/admin/forms/{demo_form}"), &teacher, "en-GB").await;
    assert!(
        !teacher_view.contains(">3B<"),
        "only the teacher's own class: {teacher_view}"
    );
    let (status, _) = page(
        &h,
        &format!("/admin/forms/{demo_form}"),
        &teacher_4b,
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_send_forms_and_see_answers_on_sqlite() {
    staff_side(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_send_forms_and_see_answers_on_postgres() {
    staff_side(postgres_harness().await).await;
}
