//! Editing, translating and pinning posts through the pages, as a browser without JavaScript
//! sends them: the 3A teacher adds a Chinese translation (a Chinese reader gets it, the original a
//! tap away), edits the original (families see "Edited", the translation is marked out of date,
//! the replaced text is listed for staff and never sent to families), rewrites and removes the
//! translation, and is refused an empty or too long text with what was typed kept; families and
//! 4B's teacher get 404 for every edit and pin; a story keeps at most three pins, the oldest
//! unpinned first, and pinned posts head the families' feed. Runs on SQLite and PostgreSQL.

use crate::calendar_editor::class_id;
use crate::news_comments::{page, send};
use crate::support::{Harness, postgres_harness, session_for, sqlite_harness};
use app::db::entities::{audit_log, news_post, news_post_revision, news_post_translation};
use app::roster::demo;
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

const TEACHER_3A: &str = "teacher.3a@riverside.example";
const TEACHER_4B: &str = "teacher.4b@riverside.example";

async fn stored(h: &Harness, id: i32) -> news_post::Model {
    news_post::Entity::find_by_id(id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("the post")
}

/// Publishes `body` to 3A's story as its teacher, in English; the new post.
async fn publish(h: &Harness, class: i32, teacher: &str, body: &str) -> news_post::Model {
    let (status, _, _) = send(
        h,
        &format!("/admin/news/c{class}"),
        teacher,
        &[("body", body)],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body:?} is published");
    news_post::Entity::find()
        .order_by_desc(news_post::Column::Id)
        .one(&h.db)
        .await
        .expect("query")
        .expect("the post")
}

/// Sends an edit of post `id` as its page does: `fields` and the version the page holds now.
async fn send_edit(
    h: &Harness,
    id: i32,
    cookie: &str,
    fields: &[(&str, &str)],
    language: &str,
) -> (StatusCode, String, String) {
    let version = stored(h, id)
        .await
        .updated_at
        .timestamp_micros()
        .to_string();
    let mut sent = fields.to_vec();
    sent.push(("version", &version));
    send(h, &format!("/news/{id}/edit"), cookie, &sent, language).await
}

/// The posts of a feed page, in the order shown.
fn order(feed: &str, ids: &[i32]) -> Vec<i32> {
    let mut found: Vec<(usize, i32)> = ids
        .iter()
        .filter_map(|id| feed.find(&format!("id=\"post-{id}\"")).map(|at| (at, *id)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, id)| id).collect()
}

async fn edits(h: Harness) {
    // A whole post's text is larger than the harness's small default request limit.
    let h = h.with_body_limit(1024 * 1024);
    let class_3a = class_id(&h, "3A").await;
    let teacher = session_for(&h.db, TEACHER_3A).await;
    let teacher_4b = session_for(&h.db, TEACHER_4B).await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let parent_4b = session_for(&h.db, demo::OTHER_PARENT_EMAIL).await;

    let post = publish(&h, class_3a, &teacher, "Sports day is on Friday.").await;
    assert_eq!(post.language, "en-GB", "written in the author's language");
    let path = format!("/news/{}", post.id);
    let edit = format!("/news/{}/edit", post.id);

    // Nobody but those who look after the post may edit or pin it, whatever they send.
    for (who, cookie) in [
        ("the 3A family", &parent),
        ("the 4B family", &parent_4b),
        ("4B's teacher", &teacher_4b),
    ] {
        let (status, _) = page(&h, &edit, cookie, "en-GB").await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{who} cannot open the edit page"
        );
        for (address, action) in [(&edit, "edit"), (&path, "pin")] {
            let (status, _, _) = send(
                &h,
                address,
                cookie,
                &[
                    ("action", action),
                    ("text_en-GB", "Changed by someone else"),
                ],
                "en-GB",
            )
            .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who} cannot {action}");
        }
    }
    let (status, form) = page(&h, &edit, &teacher, "en-GB").await;
    assert_eq!(status, StatusCode::OK, "3A's teacher opens the edit page");
    assert!(form.contains("Text in English (as written)"));
    assert!(form.contains("Translation into 中文（简体） (optional)"));
    let unchanged = stored(&h, post.id).await;
    assert_eq!(unchanged.body_source, "Sports day is on Friday.");
    assert!(unchanged.pinned_at.is_none());

    // A Chinese translation: Chinese readers get it, with the original a tap away.
    let (status, location, _) = send_edit(
        &h,
        post.id,
        &teacher,
        &[
            ("text_en-GB", "Sports day is on Friday."),
            ("text_zh-CN", "星期五是运动会。"),
            ("text_ar", ""),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the translation is saved");
    assert_eq!(location, format!("{path}#post-{}", post.id));
    let (_, feed) = page(&h, "/news", &parent, "zh-CN").await;
    assert!(
        feed.contains("<div dir=\"ltr\" lang=\"zh-CN\" class=\"news-post__text\"><div class=\"notice-body\"><p>星期五是运动会。"),
        "a Chinese reader is shown the translation"
    );
    assert!(feed.contains("查看原文"), "with the original a tap away");
    assert!(!feed.contains("news-post__stale\""), "and it is up to date");
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert!(
        feed.contains("<div dir=\"ltr\" lang=\"en-GB\" class=\"news-post__text\"><div class=\"notice-body\"><p>Sports day is on Friday."),
        "an English reader is shown the original"
    );
    assert!(
        !feed.contains("Edited "),
        "a new translation is not an edit of the post"
    );

    // Refused: an empty text on a post without photos, and a text too long; what was typed stays.
    let (status, _, shown) = send_edit(
        &h,
        post.id,
        &teacher,
        &[("text_en-GB", "  "), ("text_zh-CN", "保留这段翻译")],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an empty post is refused");
    assert!(shown.contains("请写点内容或添加照片。"), "why, in Chinese");
    assert!(
        shown.contains("保留这段翻译"),
        "the typed translation is kept"
    );
    assert!(
        shown.contains("id=\"news-edit-problem\""),
        "shown in the edit form"
    );
    let too_long = "a".repeat(app::news::publish::MAX_BODY_CHARS + 1);
    let (status, _, shown) = send_edit(
        &h,
        post.id,
        &teacher,
        &[("text_en-GB", "Fine"), ("text_ar", &too_long)],
        "ar",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a too long translation is refused"
    );
    assert!(
        shown.contains("يمكن أن يصل كل نص إلى 10000 حرف على الأكثر."),
        "why, in Arabic"
    );
    assert_eq!(
        stored(&h, post.id).await.body_source,
        "Sports day is on Friday.",
        "nothing refused is saved"
    );

    // The original edited: families see "Edited"; the translation is out of date.
    let (status, _, _) = send_edit(
        &h,
        post.id,
        &teacher,
        &[
            ("text_en-GB", "Sports day moves to Monday."),
            ("text_zh-CN", "星期五是运动会。"),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the edit is saved");
    let edited = stored(&h, post.id).await;
    assert_eq!(edited.revision, 2);
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert!(
        feed.contains("<p>Sports day moves to Monday.</p>"),
        "the new text"
    );
    assert!(feed.contains("Edited "), "marked as edited");
    let (_, feed) = page(&h, "/news", &parent, "zh-CN").await;
    assert!(
        feed.contains("class=\"news-post__stale\""),
        "the Chinese reader is told the translation is behind"
    );
    let (_, shown) = page(&h, &path, &parent, "en-GB").await;
    assert!(
        !shown.contains("Sports day is on Friday."),
        "the replaced text never reaches a family"
    );
    let (_, shown) = page(&h, &edit, &teacher, "en-GB").await;
    assert!(shown.contains("Earlier versions"), "staff see the history");
    assert!(
        shown.contains(
            "<p dir=\"ltr\" lang=\"en-GB\" class=\"news-history__body\">Sports day is on Friday.</p>"
        ),
        "with the replaced text"
    );
    assert!(
        shown.contains("out of date"),
        "and the translation marked out of date"
    );

    // The translation rewritten is up to date again; emptied, it is gone. Each old text is kept.
    for (text, count) in [("运动会改到星期一。", 1), ("", 0)] {
        let (status, _, _) = send_edit(
            &h,
            post.id,
            &teacher,
            &[
                ("text_en-GB", "Sports day moves to Monday."),
                ("text_zh-CN", text),
            ],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let translations = news_post_translation::Entity::find()
            .filter(news_post_translation::Column::PostId.eq(post.id))
            .all(&h.db)
            .await
            .expect("query");
        assert_eq!(translations.len(), count);
        if count == 1 {
            assert_eq!(
                translations[0].source_revision, 2,
                "written for the new text"
            );
            let (_, feed) = page(&h, "/news", &parent, "zh-CN").await;
            assert!(feed.contains("运动会改到星期一。"));
            assert!(
                !feed.contains("class=\"news-post__stale\""),
                "up to date again"
            );
        }
    }
    let revisions = news_post_revision::Entity::find()
        .filter(news_post_revision::Column::PostId.eq(post.id))
        .order_by_asc(news_post_revision::Column::Id)
        .all(&h.db)
        .await
        .expect("query");
    let kept: Vec<(&str, &str)> = revisions
        .iter()
        .map(|r| (r.language.as_str(), r.body_source.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("en-GB", "Sports day is on Friday."),
            ("zh-CN", "星期五是运动会。"),
            ("zh-CN", "运动会改到星期一。"),
        ],
        "every replaced text is kept"
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(app::audit::action::NEWS_POST_EDITED))
        .count(&h.db)
        .await
        .expect("query");
    assert_eq!(audited, 4, "each saved edit is in the audit log");

    // Two of the staff at once: a save from a page filled before another's save is refused in
    // the editor's language with their text kept, and nothing is overwritten; the page it comes
    // back with holds the latest version, so saving again goes through.
    let filled = stored(&h, post.id)
        .await
        .updated_at
        .timestamp_micros()
        .to_string();
    let (_, form) = page(&h, &edit, &teacher, "en-GB").await;
    assert!(
        form.contains(&format!("name=\"version\" value=\"{filled}\"")),
        "the page carries the version it was filled from"
    );
    let (status, _, _) = send_edit(
        &h,
        post.id,
        &teacher,
        &[("text_en-GB", "Sports day moves to Monday at 1 pm.")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the first save goes through");
    let (status, _, shown) = send(
        &h,
        &edit,
        &teacher,
        &[
            ("text_en-GB", "Sports day is cancelled."),
            ("version", &filled),
        ],
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the second is refused");
    assert!(
        shown.contains("有其他人保存了对这条动态的修改"),
        "why, in Chinese"
    );
    assert!(
        shown.contains("Sports day is cancelled."),
        "the text is kept"
    );
    assert_eq!(
        stored(&h, post.id).await.body_source,
        "Sports day moves to Monday at 1 pm.",
        "nothing is overwritten"
    );
    let latest = stored(&h, post.id)
        .await
        .updated_at
        .timestamp_micros()
        .to_string();
    assert!(shown.contains(&format!("name=\"version\" value=\"{latest}\"")));
    // Saving what is already there is no edit, whatever version it carries.
    let (status, _, _) = send(
        &h,
        &edit,
        &teacher,
        &[
            ("text_en-GB", "Sports day moves to Monday at 1 pm."),
            ("version", &filled),
        ],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Pins: at most three per story, the oldest unpinned first; pinned posts head the feed.
    let mut ids = vec![post.id];
    for n in 2..=5 {
        ids.push(
            publish(&h, class_3a, &teacher, &format!("News number {n}"))
                .await
                .id,
        );
    }
    for id in &ids[..4] {
        let (status, _, _) = send(
            &h,
            &format!("/news/{id}"),
            &teacher,
            &[("action", "pin")],
            "en-GB",
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "post {id} pinned");
    }
    let pinned: Vec<i32> = news_post::Entity::find()
        .filter(news_post::Column::PinnedAt.is_not_null())
        .order_by_asc(news_post::Column::Id)
        .all(&h.db)
        .await
        .expect("query")
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(pinned, ids[1..4], "the first pin made way for the fourth");
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert_eq!(
        order(&feed, &ids),
        [ids[3], ids[2], ids[1], ids[4], ids[0]],
        "pinned first, latest pin on top, then the rest newest first"
    );
    assert_eq!(feed.matches("class=\"badge news-post__pinned\"").count(), 3);
    let (status, _, _) = send(
        &h,
        &format!("/news/{}", ids[3]),
        &teacher,
        &[("action", "unpin")],
        "en-GB",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, feed) = page(&h, "/news", &parent, "en-GB").await;
    assert_eq!(order(&feed, &ids), [ids[2], ids[1], ids[4], ids[3], ids[0]]);
    let (_, feed) = page(&h, "/news", &parent_4b, "en-GB").await;
    assert!(
        order(&feed, &ids).is_empty(),
        "4B's family sees none of 3A's posts, pinned or not"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_on_sqlite() {
    edits(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_on_postgres() {
    edits(postgres_harness().await).await;
}
