//! A photo consent lowered after a post was published (by a roster import or any change to the
//! school's records) withholds the post at once: families no longer see it on the feed, by its
//! address or through its photos' addresses; the class's teacher still sees it, with the reason,
//! on the feed and in the list on their news page. Raised again, it is back. Its teacher can then
//! delete it: gone with its photos, its text kept in the audit log. Runs on SQLite and PostgreSQL.

use crate::calendar_editor::class_id;
use crate::news::{png, pupils_of_3a, set_consent};
use crate::news_comments::send;
use crate::support::{
    Harness, body_text, post_form, postgres_harness, session_for, sqlite_harness,
};
use app::db::entities::{news_photo, news_post};
use app::roster::demo;
use http::{StatusCode, header};
use sea_orm::EntityTrait;

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
