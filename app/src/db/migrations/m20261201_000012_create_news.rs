//! Creates the newsfeed's tables: `news_post` (a post to the school story, a class story or
//! pupils' portfolios), `news_post_pupil` (the pupils a post shows or is for) and `news_photo`
//! (a post's photos, each stored at several widths with every byte of metadata gone).

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut post = Table::create().table(name("news_post")).to_owned();
    id(&mut post);
    int(&mut post, "school_id", false);
    int(&mut post, "author_id", false);
    // "school", "class" or "portfolio".
    string(&mut post, "story", 16);
    // Set for a class story: the class in the year it was posted, so next year's class of the
    // same name starts empty.
    int(&mut post, "class_id", true);
    int(&mut post, "academic_year_id", false);
    text(&mut post, "body_source", false);
    text(&mut post, "body_html", false);
    time(&mut post, "created_at", false);
    time(&mut post, "updated_at", false);
    references(&mut post, "news_post", "school_id", "school");
    references(&mut post, "news_post", "author_id", "user_account");
    references(&mut post, "news_post", "class_id", "class");
    references(&mut post, "news_post", "academic_year_id", "academic_year");

    let mut pupils = Table::create().table(name("news_post_pupil")).to_owned();
    id(&mut pupils);
    int(&mut pupils, "post_id", false);
    int(&mut pupils, "pupil_id", false);
    references(&mut pupils, "news_post_pupil", "post_id", "news_post");
    references(&mut pupils, "news_post_pupil", "pupil_id", "pupil");

    let mut photo = Table::create().table(name("news_photo")).to_owned();
    id(&mut photo);
    int(&mut photo, "school_id", false);
    // Empty while the photo is held for the form that uploaded it.
    int(&mut photo, "post_id", true);
    int(&mut photo, "uploaded_by", false);
    int(&mut photo, "position", false);
    int(&mut photo, "width", false);
    int(&mut photo, "height", false);
    // The stored widths and their keys, in the same order: "320 768 1600".
    string(&mut photo, "widths", 64);
    text(&mut photo, "storage_keys", false);
    time(&mut photo, "created_at", false);
    references(&mut photo, "news_photo", "school_id", "school");
    references(&mut photo, "news_photo", "post_id", "news_post");
    references(&mut photo, "news_photo", "uploaded_by", "user_account");

    vec![
        (
            post,
            vec![
                index("news_post", &["school_id", "story"], false),
                index("news_post", &["class_id"], false),
            ],
        ),
        (
            pupils,
            vec![
                index("news_post_pupil", &["post_id", "pupil_id"], true),
                index("news_post_pupil", &["pupil_id"], false),
            ],
        ),
        (
            photo,
            vec![
                index("news_photo", &["post_id"], false),
                index("news_photo", &["uploaded_by"], false),
            ],
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
