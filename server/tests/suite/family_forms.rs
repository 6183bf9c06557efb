//! A form answered once per family, as browsers without JavaScript send it: the office chooses
//! "once for the whole family" on the question editor (kept when the page is refused); the
//! Thompsons, whose children are in Year 3 and Year 5, see it once — one card, one home row,
//! a tab count of one — and one parent's answer is stored for both children with one piece of
//! evidence, the same page sent twice stored once. The other parent then sees it done, by whom,
//! and may change it; a parent without consent rights for one of the children cannot consent
//! for the family; staff see each child answered, the family's newest answer never "in
//! conflict" with the one it replaced; an answer the office records by phone for one child is
//! the family's too. Runs on SQLite and PostgreSQL.

use crate::forms::{family, responses, token_of, without_consent_rights};
use crate::news_comments::{page, send};
use crate::support::{Harness, postgres_harness, session_for, sqlite_harness};
use app::db::entities::form;
use app::roster::demo;
use http::StatusCode;
use sea_orm::EntityTrait;

/// The new form page's fields: a fair helpers' form for `years` with a yes/no question, a
/// consent asked only after "yes" and a short answer, answered as `who` says (`0` each child,
/// `1` the family).
fn fair(years: &[String], closes: &str, who: &str, action: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = vec![
        ("template".into(), "custom".into()),
        ("title_en-GB".into(), "Winter fair helpers".into()),
        ("closes".into(), closes.into()),
        ("action".into(), action.into()),
        ("per_family".into(), who.into()),
        ("q1_kind".into(), "yes-no".into()),
        ("q1_required".into(), "on".into()),
        (
            "q1_label_en-GB".into(),
            "Can someone help on a stall?".into(),
        ),
        ("q2_kind".into(), "consent".into()),
        ("q2_label_en-GB".into(), "Photographs of helpers".into()),
        (
            "q2_wording_en-GB".into(),
            "We agree to appear in the school's photographs of the fair.".into(),
        ),
        ("q2_when".into(), "1".into()),
        ("q3_kind".into(), "short-text".into()),
        ("q3_label_en-GB".into(), "Which hours suit you?".into()),
    ];
    fields.extend(years.iter().map(|y| ("target".to_string(), y.clone())));
    fields
}

async fn once_per_family(h: Harness) {
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let other_parent = session_for(&h.db, demo::SECOND_PARENT_EMAIL).await;
    let years = vec![
        format!(
            "y{}",
            crate::calendar_editor::year_group_id(&h, "Year 3").await
        ),
        format!(
            "y{}",
            crate::calendar_editor::year_group_id(&h, "Year 5").await
        ),
    ];
    let closes = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    let fields = |who: &str, action: &str| {
        let typed = fair(&years, &closes, who, action);
        move || {
            typed
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        }
    };
    let post = |typed: Vec<(String, String)>| {
        let (h, office) = (&h, office.clone());
        async move {
            let pairs: Vec<(&str, &str)> = typed
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            send(h, "/admin/forms/new", &office, &pairs, "en-GB").await
        }
    };

    // The editor asks who answers, each child's parents by default; the choice is kept when
    // the page comes back.
    let (_, editor) = page(&h, "/admin/forms/new?template=custom", &office, "en-GB").await;
    assert!(editor.contains("Who answers?"), "{editor}");
    assert!(
        editor.contains("name=\"per_family\" value=\"0\" checked"),
        "{editor}"
    );
    let (status, _, again) = post(fields("1", "add")()).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert!(
        again.contains("name=\"per_family\" value=\"1\" checked"),
        "kept: {again}"
    );
    let (status, location, made_page) = post(fields("1", "create")()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{made_page}");
    let made = form::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("made");
    assert_eq!(location, format!("/admin/forms/{}", made.id));
    assert!(made.per_family, "answered once per family");
    let path = format!("/forms/{}", made.id);

    // The Thompsons: one card with one link naming both children, one row on the home page,
    // and a tab count of one.
    let (guardian, children) = family(&h, demo::PARENT_EMAIL).await;
    let (amelia, isla) = (
        children.iter().find(|c| c.1 == "3A").expect("3A").clone(),
        children.iter().find(|c| c.1 == "5B").expect("5B").clone(),
    );
    let (status, list) = page(&h, "/forms", &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        list.matches(&format!("href=\"{path}?child=")).count(),
        1,
        "one link for the family: {list}"
    );
    assert!(list.contains("form-card__family"), "{list}");
    assert!(
        list.contains(&amelia.2) && list.contains(&isla.2),
        "both children named: {list}"
    );
    let (_, home) = page(&h, "/", &parent, "en-GB").await;
    let rendered = &home[..home.find("</main>").expect("a page")];
    assert_eq!(rendered.matches("Winter fair helpers").count(), 1, "{home}");
    assert!(home.contains("For your family"), "{home}");
    assert!(home.contains("1 to answer"), "the tab's count: {home}");

    // Opened for either child, the page is the family's, led by the same child, in the
    // parent's language.
    let lead = {
        let (_, by_amelia) =
            page(&h, &format!("{path}?child={}", amelia.0), &parent, "en-GB").await;
        let (_, by_isla) = page(&h, &format!("{path}?child={}", isla.0), &parent, "zh-CN").await;
        assert!(
            by_amelia.contains("One answer for all your children:"),
            "{by_amelia}"
        );
        assert!(by_isla.contains("一份答案适用于您的所有孩子"), "{by_isla}");
        let child_of = |html: &str| {
            let at = html.find("name=\"child\" value=\"").expect("a child") + 20;
            html[at..].split('"').next().expect("value").to_string()
        };
        assert_eq!(child_of(&by_amelia), child_of(&by_isla));
        child_of(&by_amelia)
    };
    let (_, shown) = page(&h, &format!("{path}?child={lead}"), &parent, "en-GB").await;
    let token = token_of(&shown);
    let answer = |token: &str, version: &str, consent: &str, hours: &str| {
        vec![
            ("child".to_string(), lead.clone()),
            ("token".to_string(), token.to_string()),
            ("version".to_string(), version.to_string()),
            ("language".to_string(), "en-GB".to_string()),
            ("f_q1".to_string(), "yes".to_string()),
            ("f_q2".to_string(), consent.to_string()),
            ("f_q3".to_string(), hours.to_string()),
            ("action".to_string(), "send".to_string()),
        ]
    };
    let submit = |who: String, fields: Vec<(String, String)>| {
        let (h, path) = (&h, path.clone());
        async move {
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            send(h, &path, &who, &pairs, "en-GB").await
        }
    };

    // One answer, stored for both children with the same evidence.
    let first = answer(&token, "0", "yes", "10:00 to 12:00");
    let (status, _, body) = submit(parent.clone(), first.clone()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let stored = responses(&h, made.id).await;
    assert_eq!(stored.len(), 2, "one row for each child");
    let mut pupils: Vec<i32> = stored.iter().filter_map(|r| r.pupil_id).collect();
    pupils.sort_unstable();
    let mut expected = vec![amelia.0, isla.0];
    expected.sort_unstable();
    assert_eq!(pupils, expected);
    for r in &stored {
        assert_eq!(r.guardian_id, guardian);
        assert_eq!(r.version, 1);
        assert_eq!(r.answers, stored[0].answers);
        assert_eq!(r.wording_sha256, stored[0].wording_sha256);
        assert_eq!(
            r.wording_sha256,
            app::forms::answer::sha256_hex(&r.wording),
            "the hash is the wording's"
        );
        assert!(r.wording.contains("We agree to appear"), "{}", r.wording);
    }
    assert_eq!(stored[0].token, token, "the page's token leads");
    assert_ne!(stored[0].token, stored[1].token);
    // Sent twice: stored once.
    let (status, _, _) = submit(parent.clone(), first).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(responses(&h, made.id).await.len(), 2);
    let (_, home) = page(&h, "/", &parent, "en-GB").await;
    assert!(!home.contains("Winter fair helpers"), "answered: {home}");

    // The other parent: done for the family, by whom, nothing to answer.
    let (_, list) = page(&h, "/forms", &other_parent, "en-GB").await;
    assert!(list.contains("Done"), "{list}");
    let (_, home) = page(&h, "/", &other_parent, "en-GB").await;
    assert!(!home.contains("Winter fair helpers"), "{home}");
    let (_, seen) = page(&h, &format!("{path}?child={lead}"), &other_parent, "en-GB").await;
    assert!(seen.contains("answered for your family on"), "{seen}");
    assert!(
        seen.contains("10:00 to 12:00"),
        "the family's answers: {seen}"
    );

    // Without consent rights for one of the children, the other parent cannot consent for
    // the family, on the server; nothing is stored.
    let (second, _) = family(&h, demo::SECOND_PARENT_EMAIL).await;
    without_consent_rights(&h, second, isla.0).await;
    let (_, locked) = page(&h, &format!("{path}?child={lead}"), &other_parent, "en-GB").await;
    assert!(
        locked.contains("do not give you consent rights"),
        "{locked}"
    );
    let token = token_of(&locked);
    let (status, _, refused) = submit(
        other_parent.clone(),
        answer(&token, "0", "yes", "13:00 to 15:00"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused.contains("Only a parent or carer with consent rights"),
        "{refused}"
    );
    assert!(refused.contains("13:00 to 15:00"), "kept: {refused}");
    assert_eq!(responses(&h, made.id).await.len(), 2, "nothing half-saved");

    // A change without the consent: the family's answer now, for both children.
    let (status, _, body) = submit(
        other_parent.clone(),
        answer(&token, "0", "", "13:00 to 15:00"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let stored = responses(&h, made.id).await;
    assert_eq!(stored.len(), 4);
    assert!(stored[2..].iter().all(|r| r.guardian_id == second));
    let (_, seen) = page(&h, &format!("{path}?child={lead}"), &parent, "en-GB").await;
    assert!(seen.contains("13:00 to 15:00"), "the newest: {seen}");

    // Staff: both children answered, and the two parents' different consents are one family
    // answer replacing another, not a conflict.
    let (status, figures) = page(&h, &format!("/admin/forms/{}", made.id), &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    let at = figures.find(" children answered").expect("the figures");
    let count = figures[..at].rsplit('>').next().unwrap_or_default();
    assert!(count.starts_with("2 of "), "{count}");
    assert!(!figures.contains("disagree"), "{figures}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_answered_once_per_family_on_sqlite() {
    once_per_family(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_answered_once_per_family_on_postgres() {
    once_per_family(postgres_harness().await).await;
}
