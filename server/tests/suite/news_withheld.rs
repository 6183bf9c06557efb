//! A photo consent lowered after a post was published (by a roster import or any change to the
//! school's records) withholds the post at once: families no longer see it on the feed, by its
//! address or through its photos' addresses; the class's teacher still sees it, with the reason,
//! on the feed and in the list on their news page. Raised again, it is back. Its teacher can then
//! delete it: gone with its photos, its text kept in the audit log. A roster import that lowers a
//! consent e-mails the authors of the posts it withholds. Runs on SQLite and PostgreSQL.

use crate::actor_cache::export_row;
use crate::calendar_editor::class_id;
use crate::news::{png, pupils_of_3a, set_consent};
use crate::news_comments::send;
use crate::outbox::{Sink, drain, received, start_sink};
use crate::support::{
    Harness, body_text, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{
    guardian, guardian_pupil, news_photo, news_post, outbox, pupil, user_account,
};
use app::i18n::Locale;
use app::roster::{demo, import};
use http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn get(h: &Harness, path: &str, cookie: &str) -> (StatusCode, String) {
    let response = h.get(path, &[(header::COOKIE, cookie)]).await;
    let status = response.status();
    (status, body_text(response).await)
}

async fn status_of(h: &Harness, path: &str, cookie: &str) -> StatusCode {
    h.get(path, &[(header::COOKIE, cookie)]).await.status()
}

async fn withheld(h: Harness) {
    let h = h.with_body_limit(8 * 1024 * 1024);
    let class_3a = class_id(&h, "3A").await;
    let (child, _) = pupils_of_3a(&h, class_3a).await;
    let teacher = session_for(&h.db, "teacher.3a@riverside.example").await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    set_consent(&h, child.id, "class").await;
    let tag = child.id.to_string();
    let (status, _, _) = post_form(
        &h,
        &format!("/admin/news/c{class_3a}"),
        &teacher,
        &[("body", "Rainbow painting"), ("tag", &tag)],
        ("photo", &[("rainbow.png", &png())]),
        "en-GB",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "published while consent covers it"
    );
    let post = news_post::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("post");
    let photo = news_photo::Entity::find()
        .one(&h.db)
        .await
        .expect("query")
        .expect("photo");
    let photo_path = format!("/news/photos/{}/{}", photo.id, photo.width);
    let post_path = format!("/news/{}", post.id);
    let (_, feed) = get(&h, "/news", &parent).await;
    assert!(feed.contains("Rainbow painting"));
    assert_eq!(status_of(&h, &photo_path, &parent).await, StatusCode::OK);

    // The family now allows photos in the child's own portfolio only.
    set_consent(&h, child.id, "portfolio").await;
    let (_, feed) = get(&h, "/news", &parent).await;
    assert!(!feed.contains("Rainbow painting"), "gone from the feed");
    assert_eq!(
        status_of(&h, &post_path, &parent).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of(&h, &photo_path, &parent).await,
        StatusCode::NOT_FOUND
    );

    let name = app::roster::display_name(&child);
    let (_, feed) = get(&h, "/news", &teacher).await;
    assert!(
        feed.contains("Rainbow painting"),
        "the teacher still sees it"
    );
    assert!(
        feed.contains(&format!("the photo consent of {name} no longer covers it")),
        "with the reason"
    );
    let (_, list) = get(&h, "/admin/news", &teacher).await;
    assert!(
        list.contains("id=\"withheld\""),
        "a list on the teacher's news page"
    );
    assert!(
        list.contains(&format!("href=\"{post_path}\"")),
        "with the post"
    );
    assert_eq!(status_of(&h, &photo_path, &teacher).await, StatusCode::OK);

    set_consent(&h, child.id, "school").await;
    let (_, feed) = get(&h, "/news", &parent).await;
    assert!(
        feed.contains("Rainbow painting"),
        "back once consent covers it"
    );
    let (_, list) = get(&h, "/admin/news", &teacher).await;
    assert!(!list.contains("id=\"withheld\""), "and off the list");

    // Deleted by its teacher (a family may not): gone with its photos' bytes, its text kept in
    // the school's records.
    let (status, _, _) = send(
        &h,
        &post_path,
        &parent,
        &[("action", "delete_post")],
        "en-GB",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a family cannot delete a post"
    );
    let (status, location, _) = send(
        &h,
        &post_path,
        &teacher,
        &[("action", "delete_post")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/news");
    assert!(
        news_post::Entity::find_by_id(post.id)
            .one(&h.db)
            .await
            .expect("query")
            .is_none()
    );
    assert!(
        news_photo::Entity::find()
            .one(&h.db)
            .await
            .expect("query")
            .is_none()
    );
    for key in photo.storage_keys.split(' ') {
        assert!(
            h.state.files.get(key).await.is_err(),
            "{key} is gone from the store"
        );
    }
    assert_eq!(
        status_of(&h, &photo_path, &teacher).await,
        StatusCode::NOT_FOUND
    );
    let history = app::audit::entries(&h.db, ("news_post", post.id))
        .await
        .expect("audit");
    assert!(
        history
            .iter()
            .any(|e| e.action == app::audit::action::NEWS_POST_DELETED
                && e.detail.contains("Rainbow painting")),
        "the deletion and the text are in the school's records"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn withheld_on_sqlite() {
    withheld(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn withheld_on_postgres() {
    withheld(postgres_harness().await).await;
}

/// The roster file as the MIS would send it for `child` alone, with `consent`.
pub(crate) async fn roster_row(h: &Harness, child: &pupil::Model, consent: &str) -> String {
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(child.id))
        .all(&h.db)
        .await
        .expect("query");
    let mut lowered = child.clone();
    lowered.photo_consent = consent.to_string();
    let mut csv = app::roster::import::COLUMNS.join(",");
    for link in links {
        let guardian = guardian::Entity::find_by_id(link.guardian_id)
            .one(&h.db)
            .await
            .expect("query")
            .expect("guardian");
        csv.push('\n');
        csv.push_str(&export_row(h, &lowered, &guardian).await);
    }
    csv.push('\n');
    csv
}

/// Imports the roster with `child`'s consent lowered to their own portfolio.
async fn import_portfolio_only(h: &Harness, child: &pupil::Model) -> import::Report {
    let file = roster_row(h, child, "portfolio").await;
    let report = import::commit(&h.db, child.school_id, file.as_bytes())
        .await
        .expect("import");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report
}

async fn withheld_mail(h: &Harness, author: i32) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(app::outbox::kind::NEWS_WITHHELD))
        .filter(outbox::Column::UserId.eq(author))
        .all(&h.db)
        .await
        .expect("query")
}

/// A roster import that lowers a child's photo consent tells the author of every post it now
/// withholds, in one e-mail in the language they post in; a post put right before the e-mail
/// goes is left out of it, and a repeat import says nothing new.
async fn import_tells_the_author(h: Harness) {
    let h = h.with_body_limit(8 * 1024 * 1024);
    let class_3a = class_id(&h, "3A").await;
    let (child, _) = pupils_of_3a(&h, class_3a).await;
    let teacher_email = "teacher.3a@riverside.example";
    let teacher = session_for(&h.db, teacher_email).await;
    let author = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(teacher_email))
        .one(&h.db)
        .await
        .expect("query")
        .expect("the teacher")
        .id;
    set_consent(&h, child.id, "class").await;
    let tag = child.id.to_string();
    for body in ["Rainbow painting", "Pond dipping"] {
        let (status, _, _) = post_form(
            &h,
            &format!("/admin/news/c{class_3a}"),
            &teacher,
            &[("body", body), ("tag", &tag)],
            ("photo", &[("photo.png", &png())]),
            "zh-CN",
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body} published");
    }
    // Without photos, consent has nothing to withhold.
    let (status, _, _) = post_form(
        &h,
        &format!("/admin/news/c{class_3a}"),
        &teacher,
        &[("body", "Star of the week"), ("tag", &tag)],
        ("photo", &[]),
        "zh-CN",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the text-only post published"
    );

    let report = import_portfolio_only(&h, &child).await;
    assert_eq!(report.posts_withheld, 2);
    let summary = app::roster::import_page::summary_text(Locale::EnGb, &report);
    assert!(
        summary.contains("no longer covers 2 news posts"),
        "the office is told: {summary}"
    );
    assert_eq!(withheld_mail(&h, author).await.len(), 2);

    // Put right before the worker ran: nothing to say, nothing sent.
    set_consent(&h, child.id, "school").await;
    let sink = start_sink();
    drain(&h, &sink).await;
    let to_teacher = |sink: &Sink| {
        received(sink.dir.path())
            .into_iter()
            .filter(|m| m.to == teacher_email)
            .collect::<Vec<_>>()
    };
    assert!(
        to_teacher(&sink).is_empty(),
        "no e-mail about posts put right"
    );
    assert!(
        withheld_mail(&h, author)
            .await
            .iter()
            .all(|r| r.status == app::outbox::status::CANCELLED)
    );

    // Lowered again: one e-mail for both posts, in Chinese, the language the teacher posts in.
    let report = import_portfolio_only(&h, &child).await;
    assert_eq!(report.posts_withheld, 2);
    drain(&h, &sink).await;
    let mails = to_teacher(&sink);
    assert_eq!(mails.len(), 1, "one e-mail for both posts: {mails:?}");
    let mail = &mails[0];
    assert_eq!(mail.subject, "家长已看不到您的 2 条动态");
    let name = app::roster::display_name(&child);
    for needle in ["Rainbow painting", "Pond dipping", name.as_str(), "/news/"] {
        assert!(mail.body.contains(needle), "{needle} in {}", mail.body);
    }
    assert!(!mail.body.contains("Star of the week"), "{}", mail.body);

    // The same file again changes no consent and tells nobody anything.
    let report = import_portfolio_only(&h, &child).await;
    assert_eq!(report.posts_withheld, 0);
    assert_eq!(withheld_mail(&h, author).await.len(), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn import_tells_the_author_on_sqlite() {
    import_tells_the_author(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn import_tells_the_author_on_postgres() {
    import_tells_the_author(postgres_harness().await).await;
}
