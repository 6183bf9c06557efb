//! The newsfeed's conversation: `news_like` (one per reader and post), `news_comment` (hidden by
//! staff rather than deleted when kept for the record), `news_comment_report` (a family's report,
//! one per reader and comment), `news_comments_off` (comments closed on one post or on every post
//! of a class) and `news_view` (who has seen a post, for its figures).

use super::tables::{Tables, create_all, drop_all, id, index, int, name, references, text, time};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut like = Table::create().table(name("news_like")).to_owned();
    id(&mut like);
    int(&mut like, "post_id", false);
    int(&mut like, "user_id", false);
    time(&mut like, "created_at", false);
    references(&mut like, "news_like", "post_id", "news_post");
    references(&mut like, "news_like", "user_id", "user_account");

    let mut comment = Table::create().table(name("news_comment")).to_owned();
    id(&mut comment);
    int(&mut comment, "post_id", false);
    int(&mut comment, "author_id", false);
    text(&mut comment, "body", false);
    time(&mut comment, "created_at", false);
    // Set while staff keep it from families.
    time(&mut comment, "hidden_at", true);
    int(&mut comment, "hidden_by", true);
    references(&mut comment, "news_comment", "post_id", "news_post");
    references(&mut comment, "news_comment", "author_id", "user_account");
    references(&mut comment, "news_comment", "hidden_by", "user_account");

    let mut report = Table::create()
        .table(name("news_comment_report"))
        .to_owned();
    id(&mut report);
    int(&mut report, "comment_id", false);
    int(&mut report, "reporter_id", false);
    time(&mut report, "created_at", false);
    references(
        &mut report,
        "news_comment_report",
        "comment_id",
        "news_comment",
    );
    references(
        &mut report,
        "news_comment_report",
        "reporter_id",
        "user_account",
    );

    let mut off = Table::create().table(name("news_comments_off")).to_owned();
    id(&mut off);
    int(&mut off, "school_id", false);
    // One of the two: a post, or a class (every post of its story and portfolios).
    int(&mut off, "post_id", true);
    int(&mut off, "class_id", true);
    int(&mut off, "set_by", false);
    time(&mut off, "created_at", false);
    references(&mut off, "news_comments_off", "school_id", "school");
    references(&mut off, "news_comments_off", "post_id", "news_post");
    references(&mut off, "news_comments_off", "class_id", "class");
    references(&mut off, "news_comments_off", "set_by", "user_account");

    let mut view = Table::create().table(name("news_view")).to_owned();
    id(&mut view);
    int(&mut view, "post_id", false);
    int(&mut view, "user_id", false);
    time(&mut view, "created_at", false);
    references(&mut view, "news_view", "post_id", "news_post");
    references(&mut view, "news_view", "user_id", "user_account");

    vec![
        (
            like,
            vec![index("news_like", &["post_id", "user_id"], true)],
        ),
        (
            comment,
            vec![
                index("news_comment", &["post_id"], false),
                index("news_comment", &["author_id", "created_at"], false),
            ],
        ),
        (
            report,
            vec![index(
                "news_comment_report",
                &["comment_id", "reporter_id"],
                true,
            )],
        ),
        (
            off,
            vec![
                index("news_comments_off", &["post_id"], true),
                index("news_comments_off", &["class_id"], true),
            ],
        ),
        (
            view,
            vec![index("news_view", &["post_id", "user_id"], true)],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, tables()).await
    }
}
