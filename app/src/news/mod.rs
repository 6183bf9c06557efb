//! The newsfeed: the school story, class stories and pupils' portfolios, with photos shown only
//! as far as each pictured child's photo consent allows.
//!
//! Parents read it in one lazily loaded route (`pages`), staff post from another
//! (`staff_pages`); the server side is `reader` (what a signed-in user may see), `publish` (the
//! post form and its checks), `consent` (the consent rule), `photo` (decoding and re-encoding
//! photos), `photos` (storing them and the access-checked image route), `comments` (likes,
//! comments and their moderation), `comment_text` (what a comment may say) and `withheld`
//! (posts a lowered photo consent no longer covers), `edits` (editing, translating and pinning a
//! post; its page is `edit_page`). `photo_upload` sends the post form's photos one
//! request each. `post_page` is a
//! post with its comments.

#[cfg(feature = "ssr")]
pub mod comment_text;
#[cfg(feature = "ssr")]
pub mod comments;
#[cfg(feature = "ssr")]
pub mod consent;
pub mod dto;
pub mod edit_page;
#[cfg(feature = "ssr")]
pub mod edits;
pub mod more_posts;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod photo;
pub mod photo_upload;
#[cfg(feature = "ssr")]
pub mod photos;
pub mod post_page;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(feature = "ssr")]
pub mod reader;
pub mod staff_pages;
#[cfg(feature = "ssr")]
pub mod withheld;

pub use dto::*;

use crate::error::AppError;
use crate::page_data::PageData;
use leptos::prelude::*;

/// The stories a post goes to, as stored.
pub mod story {
    /// The whole school's story, posted by the office and leadership.
    pub const SCHOOL: &str = "school";
    /// A class's story, seen by the class's families.
    pub const CLASS: &str = "class";
    /// The tagged pupils' portfolios, each seen by that pupil's family.
    pub const PORTFOLIO: &str = "portfolio";
}

/// The parents' newsfeed address.
pub const NEWS_PATH: &str = "/news";
/// Where staff choose a story to post to.
pub const STAFF_NEWS_PATH: &str = "/admin/news";

/// The most photos on one post.
pub const MAX_PHOTOS: usize = 10;

/// The address of a stored photo at one of its widths (its JPEG).
pub fn photo_href(id: i32, width: u32) -> String {
    format!("/news/photos/{id}/{width}")
}

/// The address of a stored photo's WebP at one of its widths.
pub fn webp_href(id: i32, width: u32) -> String {
    format!("/news/photos/{id}/{width}.webp")
}

/// The address of post `id`'s edit page.
pub fn edit_href(id: i32) -> String {
    format!("{NEWS_PATH}/{id}/edit")
}

/// The stories the signed-in member of staff may post to ([`NewsStories`]).
#[server(endpoint = "news/stories", output = crate::codec::Answer)]
pub async fn load_news_stories() -> Result<PageData, AppError> {
    crate::page_data::answer(publish::stories().await)
}

/// The post form for one story ([`NewsForm`]): `school`, or `c` and a class's id.
#[server(endpoint = "news/form", output = crate::codec::Answer)]
pub async fn load_news_form(story: String) -> Result<PageData, AppError> {
    crate::page_data::answer(publish::load(&story).await)
}
