//! Likes, comments and their moderation through the pages, as a browser without JavaScript sends
//! them: a 3A family likes and comments (in Chinese, markup inert); links, swearing and an empty
//! comment are refused in the family's language with the text kept; a 4B family gets 404 for the
//! post, its comments and every action; a comment reported by one family reaches the 3A teacher's
//! queue (not 4B's), is hidden, shown, kept and deleted; comments turned off for a post or for the
//! whole class refuse new ones; the per-hour limit holds; the teacher sees who has seen the post.
//! Runs on SQLite and PostgreSQL.

use crate::calendar_editor::class_id;
use crate::news::pupils_of_3a;
use crate::support::{
    Harness, body_text, postgres_harness, session_for, sqlite_harness, urlencode,
};
use app::db::entities::{
    guardian_pupil, news_comment, news_comment_report, news_like, news_post, user_account,
};
use app::roster::demo;
use axum::body::Body;
use http::{Request, StatusCode, header};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

const TEACHER_3A: &str = "teacher.3a@riverside.example";
const TEACHER_4B: &str = "teacher.4b@riverside.example";
const NEIGHBOUR: &str = "neighbour.3a@riverside.example";

/// A form posted to `path` as a browser reading `language` sends it; the status, the redirect and
/// the page.
pub(crate) async fn send(
    h: &Harness,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    language: &str,
) -> (StatusCode, String, String) {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, language)
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .expect("request");
    let response = h.send(request).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, location, body_text(response).await)
}

pub(crate) async fn page(
    h: &Harness,
    path: &str,
    cookie: &str,
    language: &str,
) -> (StatusCode, String) {
    let response = h
        .get(
            path,
            &[
                (header::COOKIE, cookie),
                (header::ACCEPT_LANGUAGE, language),
            ],
        )
        .await;
    let status = response.status();
    (status, body_text(response).await)
}

/// An account for a guardian of another 3A pupil: a second family of the class.
async fn neighbour(h: &Harness, class: i32) -> String {
    let (_, other) = pupils_of_3a(h, class).await;
    let guardian = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(other.id))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the other 3A pupil has a guardian")
        .guardian_id;
    let school = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(demo::PARENT_EMAIL))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the demo parent")
        .school_id;
    family_account(h, school, guardian, NEIGHBOUR).await
}

/// Signs in a new account for guardian `guardian` of `school` with address `email`.
pub(crate) async fn family_account(h: &Harness, school: i32, guardian: i32, email: &str) -> String {
    user_account::ActiveModel {
        school_id: Set(school),
        email: Set(email.into()),
        password_hash: Set(None),
        status: Set("active".into()),
        guardian_id: Set(Some(guardian)),
        staff_id: Set(None),
        selected_pupil_id: Set(None),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&h.db)
    .await
    .expect("a family account");
    session_for(&h.db, email).await
}

async fn comments(h: &Harness) -> Vec<news_comment::Model> {
    news_comment::Entity::find()
        .all(&h.db)
        .await
        .expect("query")
}

async fn conversation(h: Harness) {
    let class_3a = class_id(&h, "3A").await;
    let teacher = session_for(&h.db, TEACHER_3A).await;
    let teacher_4b = session_for(&h.db, TEACHER_4B).await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;
    let neighbour = neighbour(&h, class_3a).await;

    let (status, _, _) = send(
        &h,
        &format!("/admin/news/c{class_3a}"),
        &teacher,
        &[("body", "We planted sunflowers today.")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the 3A post is published");
    let post = news_post::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("the post");
    let post_path = format!("/news/{}", post.id);

    // Like from the feed: back to the same post on the feed, counted once however often sent.
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert!(feed.contains("No likes yet"), "nobody likes it yet");
    assert!(
        feed.contains("aria-pressed=\"false\""),
        "the like button is not pressed"
    );
    for _ in 0..2 {
        let (status, location, _) = send(
            &h,
            &post_path,
            &parent,
            &[("action", "like"), ("back", "feed"), ("before", "99")],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location, format!("/news?before=99#post-{}", post.id));
    }
    let likes = news_like::Entity::find().count(&h.db).await.expect("query");
    assert_eq!(likes, 1, "a like is one per reader");
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert!(feed.contains("1 like"), "the feed counts the like");
    assert!(
        feed.contains("aria-pressed=\"true\""),
        "and shows it pressed"
    );

    // A comment in Chinese, with markup that must stay text.
    let typed = "谢谢老师！<script>alert(1)</script>";
    let (status, location, _) = send(
        &h,
        &post_path,
        &parent,
        &[("action", "comment"), ("body", typed)],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the comment is sent");
    assert_eq!(location, format!("{post_path}#comments"));
    let (status, shown) = page(&h, &post_path, &parent, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        shown.contains("谢谢老师！&lt;script&gt;"),
        "the comment is shown as text"
    );
    assert!(!shown.contains("<script>alert(1)"), "its markup is inert");
    let (_, feed) = page(&h, "/news", &neighbour, "zh-CN").await;
    assert!(
        feed.contains("1 条评论"),
        "the feed counts the comment, in Chinese"
    );

    // Refused comments: the reason in the family's language, the text kept, nothing stored.
    for (text, language, reason) in [
        (
            "好看！照片在 www.example.com",
            "zh-CN",
            "评论不能包含网址或电子邮件地址",
        ),
        (
            "what the fuck is this",
            "en-GB",
            "Please keep comments kind",
        ),
        ("   ", "ar", "اكتب شيئًا قبل الإرسال"),
    ] {
        let (status, _, page) = send(
            &h,
            &post_path,
            &parent,
            &[("action", "comment"), ("body", text)],
            language,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{text:?} is refused");
        assert!(page.contains(reason), "{text:?}: the reason in {language}");
        if !text.trim().is_empty() {
            assert!(
                page.contains(&text.replace('<', "&lt;")),
                "{text:?} is kept in the box"
            );
        }
    }
    assert_eq!(comments(&h).await.len(), 1, "no refused comment is stored");

    // Another class's family: not found, whatever they send; nothing changes.
    let (status, _) = page(&h, &post_path, &parent_4b, "en-GB").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "4B cannot open the post");
    let comment_id = comments(&h).await[0].id.to_string();
    for fields in [
        vec![("action", "like")],
        vec![("action", "comment"), ("body", "hello")],
        vec![("action", "report"), ("comment", comment_id.as_str())],
        vec![("action", "delete"), ("comment", comment_id.as_str())],
    ] {
        let (status, _, page) = send(&h, &post_path, &parent_4b, &fields, "en-GB").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "4B {fields:?}");
        assert!(!page.contains("谢谢老师"), "4B sees no comment");
    }
    assert_eq!(comments(&h).await.len(), 1);
    assert_eq!(
        news_like::Entity::find().count(&h.db).await.expect("query"),
        1
    );

    // A family cannot report their own comment, nor moderate.
    for action in ["report", "hide", "keep"] {
        let (status, _, _) = send(
            &h,
            &post_path,
            &parent,
            &[("action", action), ("comment", comment_id.as_str())],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "the parent may not {action}");
    }

    // The neighbour comments; the parent reports it; it reaches 3A's teacher, not 4B's.
    let (status, _, _) = send(
        &h,
        &post_path,
        &neighbour,
        &[
            ("action", "comment"),
            ("body", "Our sunflower is the tallest"),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let theirs = comments(&h)
        .await
        .into_iter()
        .find(|c| c.body.contains("tallest"))
        .expect("the neighbour's comment")
        .id
        .to_string();
    let (status, _, _) = send(
        &h,
        &post_path,
        &parent,
        &[("action", "report"), ("comment", theirs.as_str())],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the report is taken");
    let (_, shown) = page(&h, &post_path, &parent, "en-GB").await;
    assert!(shown.contains("You reported this comment"));
    let (_, queue) = page(&h, "/admin/news", &teacher, "en-GB").await;
    assert!(
        queue.contains("Our sunflower is the tallest"),
        "in 3A's queue"
    );
    assert!(queue.contains("Reported once"));
    let (_, queue_4b) = page(&h, "/admin/news", &teacher_4b, "en-GB").await;
    assert!(!queue_4b.contains("tallest"), "not in 4B's queue");

    // Hidden: gone for other families and the count, kept for its author with a note.
    let (status, location, _) = send(
        &h,
        &post_path,
        &teacher,
        &[
            ("action", "hide"),
            ("comment", theirs.as_str()),
            ("back", "moderation"),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/admin/news#reported");
    let (_, shown) = page(&h, &post_path, &parent, "en-GB").await;
    assert!(!shown.contains("tallest"), "hidden from the other family");
    let (_, shown) = page(&h, &post_path, &neighbour, "en-GB").await;
    assert!(shown.contains("tallest") && shown.contains("Hidden from families by the school"));
    let (_, queue) = page(&h, "/admin/news", &teacher, "en-GB").await;
    assert!(!queue.contains("tallest"), "dealt with: off the queue");
    assert!(queue.contains("No comments have been reported"));
    let reports = news_comment_report::Entity::find()
        .count(&h.db)
        .await
        .expect("query");
    assert_eq!(reports, 0);

    // Shown again, reported again, kept: visible, off the queue.
    for (who, action) in [(&teacher, "show"), (&parent, "report"), (&teacher, "keep")] {
        let (status, _, _) = send(
            &h,
            &post_path,
            who,
            &[("action", action), ("comment", theirs.as_str())],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{action}");
    }
    let (_, shown) = page(&h, &post_path, &parent, "en-GB").await;
    assert!(shown.contains("tallest"), "kept and shown");
    let (_, queue) = page(&h, "/admin/news", &teacher, "en-GB").await;
    assert!(!queue.contains("tallest"));

    // The teacher sees who has seen it: the two 3A families opened it.
    let (_, staff_view) = page(&h, &post_path, &teacher, "en-GB").await;
    assert!(
        staff_view.contains("Seen by 2 of "),
        "the post's figures for its teacher"
    );
    let (_, family_view) = page(&h, &post_path, &parent, "en-GB").await;
    assert!(
        !family_view.contains("Seen by"),
        "families do not see figures"
    );

    // The author deletes their own comment.
    let (status, _, _) = send(
        &h,
        &post_path,
        &neighbour,
        &[("action", "delete"), ("comment", theirs.as_str())],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        comments(&h).await.len(),
        1,
        "the neighbour's comment is gone"
    );

    // Comments off for the post, then for the whole class: a new comment is refused, kept.
    for (close, open) in [("close", "open"), ("close_class", "open_class")] {
        let (status, _, _) = send(&h, &post_path, &teacher, &[("action", close)], "en-GB").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{close}");
        let (_, shown) = page(&h, &post_path, &parent, "en-GB").await;
        assert!(
            shown.contains("Comments are turned off for this post"),
            "{close}"
        );
        assert!(!shown.contains("name=\"body\""), "{close}: no comment box");
        let (status, _, refused) = send(
            &h,
            &post_path,
            &parent,
            &[("action", "comment"), ("body", "Still here")],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{close}: refused");
        assert!(
            refused.contains("your comment was not sent") && refused.contains("Still here"),
            "{close}: the reason, and the comment given back: {refused}"
        );
        let (status, _, _) = send(&h, &post_path, &parent, &[("action", open)], "en-GB").await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "a family cannot turn comments on"
        );
        let (status, _, _) = send(&h, &post_path, &teacher, &[("action", open)], "en-GB").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{open}");
    }

    // No more than the hourly limit.
    for n in 0..app::news::comments::MAX_COMMENTS_PER_HOUR {
        news_comment::ActiveModel {
            post_id: Set(post.id),
            author_id: Set(user_account::Entity::find()
                .filter(user_account::Column::Email.eq(NEIGHBOUR))
                .one(&h.db)
                .await
                .expect("query")
                .expect("account")
                .id),
            body: Set(format!("comment {n}")),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&h.db)
        .await
        .expect("comment");
    }
    let (status, _, refused) = send(
        &h,
        &post_path,
        &neighbour,
        &[("action", "comment"), ("body", "one more")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "over the hourly limit");
    assert!(refused.contains("Please wait a while"));

    // Unlike.
    let (status, location, _) =
        send(&h, &post_path, &parent, &[("action", "unlike")], "en-GB").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{post_path}#comments"));
    assert_eq!(
        news_like::Entity::find().count(&h.db).await.expect("query"),
        0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn conversation_on_sqlite() {
    conversation(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn conversation_on_postgres() {
    conversation(postgres_harness().await).await;
}
