//! Files sent with a form's answers: a care plan with a medication form. A PDF is stored with
//! the answers and downloaded by the guardian and the staff who look after the child, nobody
//! else; a file that is not a PDF or is too large is refused in the reader's language with the
//! answers typed kept, and nothing — no answer, no file — is kept; a good file sent with answers
//! that are refused is not kept either, and the page says to choose it again; a change sent
//! without a new file keeps the earlier one, and a store key posted by the browser is not
//! believed. Runs on SQLite and PostgreSQL.

use crate::forms::{family, token_of};
use crate::forms_follow_up::download;
use crate::news_comments::{page, send};
use crate::support::{
    Harness, PDF, body_text, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{form, form_response};
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// A medication form for class 3A, made by the office; its id.
async fn medication_form(h: &Harness, office: &str) -> i32 {
    let class_3a = format!("c{}", crate::calendar_editor::class_id(h, "3A").await);
    let closes = (chrono::Utc::now() + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    let (status, _, _) = send(
        h,
        "/admin/forms/new",
        office,
        &[
            ("template", "medication"),
            ("title_en-GB", "Medicine in school"),
            ("target", class_3a.as_str()),
            ("closes", closes.as_str()),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    form::Entity::find()
        .filter(form::Column::Template.eq("medication"))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the medication form")
        .id
}

async fn answers_of(h: &Harness, form_id: i32) -> Vec<form_response::Model> {
    form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(form_id))
        .order_by_asc(form_response::Column::Version)
        .all(&h.db)
        .await
        .expect("query")
}

async fn files_with_answers(h: Harness) {
    let h = h.with_body_limit(16 * 1024 * 1024);
    let office = session_for(&h.db, "office@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let other_parent = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let teacher_4b = session_for(&h.db, "teacher.4b@riverside.example").await;
    let (_, children) = family(&h, demo::PARENT_EMAIL).await;
    let child = children.iter().find(|c| c.1 == "3A").expect("3A child").0;
    let form_id = medication_form(&h, &office).await;
    let path = format!("/forms/{form_id}");
    let pupil = child.to_string();

    let (status, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        shown.contains("A care plan or a letter from the doctor"),
        "{shown}"
    );
    assert!(shown.contains("type=\"file\""), "{shown}");
    assert!(shown.contains("enctype=\"multipart/form-data\""), "{shown}");
    let token = token_of(&shown);
    let fields = |token: &str, version: &str, dose: &str| -> Vec<(String, String)> {
        [
            ("child", pupil.as_str()),
            ("token", token),
            ("version", version),
            ("language", "zh-CN"),
            ("f_medicine", "Cetirizine"),
            ("f_dose", dose),
            ("f_last_day", "2027-07-31"),
            ("f_consent", "yes"),
            ("f_signature", "Sam Thompson"),
            ("action", "send"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    };
    let post = |fields: Vec<(String, String)>, file: Option<(&'static str, Vec<u8>)>| {
        let h = &h;
        let parent = parent.clone();
        let path = path.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let files: Vec<(&str, &[u8])> = file.iter().map(|(n, b)| (*n, b.as_slice())).collect();
            post_form(h, &path, &parent, &fields, ("f_care_plan", &files), "zh-CN").await
        }
    };

    // Not a PDF, whatever its name: refused in Chinese, the typed answers kept, nothing kept.
    let png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    let (status, _, refused) = post(
        fields(&token, "0", "5 ml after lunch"),
        Some(("plan.pdf", png)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("这个文件不是 PDF"), "{refused}");
    assert!(
        refused.contains("5 ml after lunch"),
        "what was typed is kept"
    );
    // Too large: refused with the limit.
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    let (status, _, refused) = post(
        fields(&token, "0", "5 ml after lunch"),
        Some(("plan.pdf", big)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("这个文件超过 5 MB"), "{refused}");
    // A good file with an answer missing: the file is not kept, and the page says so.
    let (status, _, refused) =
        post(fields(&token, "0", ""), Some(("plan.pdf", PDF.to_vec()))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(refused.contains("请重新选择文件"), "{refused}");
    assert!(answers_of(&h, form_id).await.is_empty());
    assert_eq!(h.stored_files(), 0, "no file kept for answers not stored");

    // A PDF with good answers: stored with them, under the name it was sent with.
    let (status, _, _) = post(
        fields(&token, "0", "5 ml after lunch"),
        Some(("Care plan (Sam).pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // The same page sent again stores nothing more, and keeps no second file.
    let (status, _, _) = post(
        fields(&token, "0", "5 ml after lunch"),
        Some(("Care plan (Sam).pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = answers_of(&h, form_id).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(h.stored_files(), 1);
    assert!(
        stored[0].answers.contains("Care plan (Sam).pdf"),
        "{}",
        stored[0].answers
    );
    let file = format!("/forms/{form_id}/answers/{}/care_plan", stored[0].id);

    // The figures link the file; the office, 3A's teacher and the guardian download it.
    let (_, figures) = page(&h, &format!("/admin/forms/{form_id}"), &office, "en-GB").await;
    assert!(figures.contains(&format!("href=\"{file}\"")), "{figures}");
    for who in [&office, &teacher, &parent] {
        let (status, kind, bytes) = download(&h, &file, who).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(kind, "application/pdf");
        assert_eq!(bytes, PDF);
    }
    for who in [&other_parent, &teacher_4b] {
        let (status, _, bytes) = download(&h, &file, who).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_ne!(bytes, PDF);
    }
    // Refused in the reader's language.
    let refused = h
        .get(
            &file,
            &[
                (header::COOKIE, other_parent.as_str()),
                (header::ACCEPT_LANGUAGE, "zh-CN"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert!(body_text(refused).await.contains("我们找不到您要的内容"));
    let status = h.get(&file, &[]).await.status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let dose = format!("/forms/{form_id}/answers/{}/dose", stored[0].id);
    let (status, _, _) = download(&h, &dose, &office).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "only a file question has a file"
    );

    // A change without a new file keeps the earlier one; a store key posted by the browser is
    // not believed.
    let (_, shown) = page(&h, &format!("{path}?child={pupil}"), &parent, "en-GB").await;
    assert!(shown.contains("Sent before:"), "{shown}");
    let mut change = fields(&token_of(&shown), "1", "10 ml after lunch");
    change.push((
        "f_care_plan.file".into(),
        "0123456789abcdef0123456789abcdef".into(),
    ));
    let (status, _, _) = post(change, None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = answers_of(&h, form_id).await;
    assert_eq!(stored.len(), 2);
    let first: serde_json::Value = serde_json::from_str(&stored[0].answers).expect("json");
    let second: serde_json::Value = serde_json::from_str(&stored[1].answers).expect("json");
    assert_eq!(second["care_plan.file"], first["care_plan.file"]);
    assert_eq!(second["dose"], "10 ml after lunch");
    assert_eq!(
        form_response::Entity::find()
            .count(&h.db)
            .await
            .expect("count"),
        2
    );
    let response = h
        .get(
            &format!("/forms/{form_id}/answers/{}/care_plan", stored[1].id),
            &[(header::COOKIE, parent.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body_text(response).await.as_bytes(), PDF);
}

#[tokio::test(flavor = "multi_thread")]
async fn files_with_answers_on_sqlite() {
    files_with_answers(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn files_with_answers_on_postgres() {
    files_with_answers(postgres_harness().await).await;
}
