//! What the newsfeed's pages receive from the server: every name and date already made in each
//! shipped language, so switching language needs no request.

use crate::i18n::PerLocale;
use crate::notices::FormProblem;
use crate::sanitized::SanitizedHtml;
use serde::{Deserialize, Serialize};

/// A photo as the page shows it: the stored widths to choose from and its proportions, so its
/// box is reserved before it arrives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPhoto {
    /// The photo's id (its address is [`super::photo_href`]).
    pub id: i32,
    /// Upright width in pixels.
    pub width: u32,
    /// Upright height in pixels.
    pub height: u32,
    /// The widths stored, narrowest first.
    pub widths: Vec<u32>,
    /// "Photo 1 of 2", in each language.
    pub alt: PerLocale<String>,
}

/// One post in the feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPost {
    /// The post's id.
    pub id: i32,
    /// "School story", "Class 3A", "Amira's portfolio", in each language.
    pub story: PerLocale<String>,
    /// Who posted it.
    pub author: String,
    /// When, in each language.
    pub when: PerLocale<String>,
    /// The text, sanitized.
    pub body: SanitizedHtml,
    /// Its photos, in order.
    pub photos: Vec<NewsPhoto>,
    /// "Amira is in this post": the reader's own children tagged in it (other families' never).
    pub children: Option<PerLocale<String>>,
}

/// The feed's own words, sent with its data: the main wasm carries none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedWords {
    /// Please do not share or download other children's photos.
    pub reminder: PerLocale<String>,
    /// Nothing posted yet.
    pub empty: PerLocale<String>,
    /// "Older posts".
    pub older: PerLocale<String>,
}

/// A page of the signed-in user's newsfeed, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsFeed {
    /// The posts.
    pub posts: Vec<NewsPost>,
    /// The id to ask for older posts before, when there are more.
    pub older: Option<i32>,
    /// The signed-in user may post (shows "Post news").
    pub can_post: bool,
    /// The page's words.
    pub words: FeedWords,
}

/// A story a member of staff may post to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryChoice {
    /// Its address segment: `school`, or `c` and the class's id.
    pub segment: String,
    /// Its name in each language.
    pub name: PerLocale<String>,
}

/// The stories the signed-in member of staff may post to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsStories {
    /// Whole school first, then classes by name.
    pub stories: Vec<StoryChoice>,
    /// "Choose where to post".
    pub intro: PerLocale<String>,
    /// "See the newsfeed".
    pub see_feed: PerLocale<String>,
}

/// A pupil who may be tagged, with how far their photo may go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagChoice {
    /// The pupil's id.
    pub id: i32,
    /// Their name.
    pub name: String,
    /// "Photos: class stories", in each language.
    pub consent: PerLocale<String>,
}

/// Pupils who may be tagged, a class at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagGroup {
    /// The class's name.
    pub class: String,
    /// Its pupils by name.
    pub pupils: Vec<TagChoice>,
}

/// What was typed into the post form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsFields {
    /// The text (Markdown).
    pub body: String,
    /// Tagged pupils' ids.
    pub tagged: Vec<i32>,
    /// Only to the tagged pupils' portfolios.
    pub portfolio: bool,
}

/// The post form for one story.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsForm {
    /// The story's address segment.
    pub segment: String,
    /// "Post to Class 3A", in each language.
    pub heading: PerLocale<String>,
    /// What was typed.
    pub fields: NewsFields,
    /// Pupils who may be tagged.
    pub groups: Vec<TagGroup>,
    /// Photos uploaded and held for this form.
    pub photos: Vec<NewsPhoto>,
    /// Photos ticked for removal.
    pub removed: Vec<i32>,
    /// Why the last post was refused.
    pub problems: Vec<FormProblem>,
    /// A class story may go to its pupils' portfolios instead.
    pub portfolios: bool,
    /// The form's words.
    pub words: NewsFormWords,
}

/// The post form's words, sent with its data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsFormWords {
    /// Above the problems: "Not posted yet".
    pub not_posted: PerLocale<String>,
    /// The text's label.
    pub body: PerLocale<String>,
    /// The photos' legend.
    pub photos: PerLocale<String>,
    /// "Remove this photo".
    pub remove: PerLocale<String>,
    /// "Add photos".
    pub add: PerLocale<String>,
    /// "Up to 10 photos: JPEG, PNG or WebP".
    pub add_hint: PerLocale<String>,
    /// The tags' legend.
    pub tags: PerLocale<String>,
    /// Tag everyone who can be seen.
    pub tags_hint: PerLocale<String>,
    /// "Only to the tagged pupils' portfolios".
    pub portfolio_only: PerLocale<String>,
    /// "Publish".
    pub publish: PerLocale<String>,
    /// "Blur a face".
    pub blur: PerLocale<String>,
    /// How to mark the area.
    pub blur_hint: PerLocale<String>,
    /// The box's left, top, width and height fields.
    pub blur_sides: [PerLocale<String>; 4],
    /// "Blur the marked areas".
    pub blur_button: PerLocale<String>,
}
