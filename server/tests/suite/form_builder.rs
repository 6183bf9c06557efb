//! A form with the school's own questions, built on the question editor as a browser without
//! JavaScript sends it: questions added, moved and removed with everything typed kept; a
//! question that is not whole refused by its number, nothing made; then a form of a choice
//! (translated), a yes/no question, a paragraph asked only after "yes" and a signature, which a
//! Year 3 family answers — a choice not offered refused, the paragraph not needed after "no".
//! Runs on SQLite and PostgreSQL.

use crate::forms::{family, token_of};
use crate::news_comments::{page, send};
use crate::support::{Harness, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{form, form_response};
use app::forms::definition::{Condition, Definition, Kind};
use app::roster::demo;
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const NEW: &str = "/admin/forms/new";

/// The editor's fields for `questions`, each (kind, English words, options in English and
/// Chinese, the question it depends on), after the title, audience and closing day.
fn typed<'a>(
    year_3: &'a str,
    closes: &'a str,
    questions: &'a [(&'a str, &'a str, &'a str, &'a str, &'a str)],
    action: &'a str,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = vec![
        ("template".into(), "custom".into()),
        ("title_en-GB".into(), "Sports day T-shirts".into()),
        ("title_zh-CN".into(), "运动会T恤".into()),
        ("target".into(), year_3.into()),
        ("closes".into(), closes.into()),
        ("action".into(), action.into()),
    ];
    for (index, (kind, label, options, options_zh, when)) in questions.iter().enumerate() {
        let n = index + 1;
        fields.push((format!("q{n}_kind"), kind.to_string()));
        fields.push((format!("q{n}_required"), "on".into()));
        fields.push((format!("q{n}_label_en-GB"), label.to_string()));
        fields.push((format!("q{n}_options_en-GB"), options.to_string()));
        fields.push((format!("q{n}_options_zh-CN"), options_zh.to_string()));
        fields.push((format!("q{n}_when"), when.to_string()));
    }
    fields
}

async fn post(
    h: &Harness,
    cookie: &str,
    fields: &[(String, String)],
) -> (StatusCode, String, String) {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    send(h, NEW, cookie, &fields, "en-GB").await
}

async fn building(h: Harness) {
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let year_3 = format!(
        "y{}",
        crate::calendar_editor::year_group_id(&h, "Year 3").await
    );
    let closes = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    let forms = || async { form::Entity::find().count(&h.db).await.expect("count") };

    // The editor opens with one question; the office's list offers it.
    let (status, list) = page(&h, "/admin/forms", &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("/admin/forms/new?template=custom"), "{list}");
    let (status, editor) = page(&h, "/admin/forms/new?template=custom", &office, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        editor.contains("New form with your own questions"),
        "{editor}"
    );
    assert!(editor.contains("name=\"q1_kind\""), "{editor}");
    assert!(!editor.contains("name=\"q2_kind\""), "{editor}");

    // Adding a question: the page again, everything typed kept, nothing made.
    let one = [("short-text", "Child's name on the shirt", "", "", "")];
    let (status, _, shown) = post(&h, &office, &typed(&year_3, &closes, &one, "add")).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    assert!(shown.contains("Child"), "{shown}");
    assert!(
        shown.contains("s name on the shirt\""),
        "the question is kept: {shown}"
    );
    assert!(shown.contains("name=\"q2_kind\""), "{shown}");
    assert!(
        shown.contains("value=\"运动会T恤\""),
        "the title is kept: {shown}"
    );
    assert_eq!(forms().await, 0);

    // Moving the second question up, then removing the (now second) first one.
    let two = [
        ("short-text", "First", "", "", ""),
        ("yes-no", "Second", "", "", ""),
    ];
    let (status, _, shown) = post(&h, &office, &typed(&year_3, &closes, &two, "up-2")).await;
    assert_eq!(status, StatusCode::OK);
    let second_at = shown.find("value=\"Second\"").expect("kept");
    let first_at = shown.find("value=\"First\"").expect("kept");
    assert!(second_at < first_at, "moved up");
    let (status, _, shown) = post(&h, &office, &typed(&year_3, &closes, &two, "remove-1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!shown.contains("value=\"First\""), "{shown}");
    assert!(shown.contains("value=\"Second\""), "{shown}");
    assert!(!shown.contains("name=\"q2_kind\""), "{shown}");

    // Not whole: each refused by its question's number, with what was typed, nothing made.
    for (questions, reason) in [
        (
            vec![("choice", "T-shirt size", "Small", "", "")],
            "Question 1 needs at least two options",
        ),
        (
            vec![("choice", "T-shirt size", "Small\nMedium", "小", "")],
            "Question 1: give the same number of options in each language",
        ),
        (
            vec![
                ("short-text", "Name", "", "", ""),
                ("long-text", "Why?", "", "", "1"),
            ],
            "Question 2 can depend only on an earlier yes-or-no question.",
        ),
        (
            vec![("yes-no", "", "", "", "")],
            "Question 1 needs its words in the school’s language.",
        ),
        (vec![], "Add at least one question."),
    ] {
        let (status, _, shown) =
            post(&h, &office, &typed(&year_3, &closes, &questions, "create")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{reason}");
        assert!(shown.contains(reason), "{reason}: {shown}");
        assert!(
            shown.contains("value=\"Sports day T-shirts\""),
            "kept: {shown}"
        );
        assert_eq!(forms().await, 0, "{reason}");
    }
    // A kind the page never offers is a broken request.
    let forged = [("script", "x", "", "", "")];
    let (status, _, _) = post(&h, &office, &typed(&year_3, &closes, &forged, "create")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(forms().await, 0);

    // Whole: made, and stored as the questions say.
    let whole = [
        (
            "choice",
            "T-shirt size",
            "Small\nMedium\nLarge",
            "小\n中\n大",
            "",
        ),
        ("yes-no", "Will your child need a second shirt?", "", "", ""),
        ("long-text", "How many more?", "", "", "2"),
        ("signature", "Your signature", "", "", ""),
    ];
    let (status, location, page_text) =
        post(&h, &office, &typed(&year_3, &closes, &whole, "create")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page_text}");
    let made = form::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("made");
    assert_eq!(location, format!("/admin/forms/{}", made.id));
    assert_eq!(made.template, "custom");
    let definition = Definition::parse(&made.definition).expect("a definition");
    let kinds: Vec<Kind> = definition.fields.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Choice, Kind::YesNo, Kind::LongText, Kind::Signature]
    );
    assert_eq!(definition.fields[0].choices[2].label["zh-CN"], "大");
    assert_eq!(
        definition.fields[2].shown_when,
        Some(Condition {
            field: "q2".into(),
            equals: "yes".into()
        })
    );

    // The Year 3 family answers it: in Chinese the options are theirs; an option not offered is
    // refused; after "no" the paragraph is not needed.
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children
        .iter()
        .find(|c| c.1 == "3A")
        .expect("a 3A child")
        .0
        .to_string();
    let path = format!("/forms/{}", made.id);
    let (status, shown) = page(&h, &format!("{path}?child={child}"), &parent, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        shown.contains("运动会T恤") && shown.contains(">中<"),
        "{shown}"
    );
    let token = token_of(&shown);
    let answer = |size: &'static str| {
        vec![
            ("child", child.as_str()),
            ("token", token.as_str()),
            ("version", "0"),
            ("language", "zh-CN"),
            ("f_q1", size),
            ("f_q2", "no"),
            ("f_q4", "Sam Thompson"),
            ("action", "send"),
        ]
    };
    let (status, _, refused) = send(&h, &path, &parent, &answer("9"), "zh-CN").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert!(
        refused.contains("value=\"Sam Thompson\""),
        "kept: {refused}"
    );
    let (status, _, _) = send(&h, &path, &parent, &answer("2"), "zh-CN").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(made.id))
        .all(&h.db)
        .await
        .expect("query");
    assert_eq!(stored.len(), 1);
    let answers: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&stored[0].answers).expect("answers");
    assert_eq!(answers.get("q1").map(String::as_str), Some("2"));
    assert!(!answers.contains_key("q3"), "{answers:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn building_a_form_on_sqlite() {
    building(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn building_a_form_on_postgres() {
    building(postgres_harness().await).await;
}
