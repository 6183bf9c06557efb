//! What the newsfeed's pages receive from the server: every name and date already made in each
//! shipped language, so switching language needs no request.

use crate::i18n::PerLocale;
use crate::notices::FormProblem;
use crate::notices::dto::Written;
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
    /// Each width is kept as WebP too (photos stored before WebP are JPEG only).
    pub webp: bool,
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
    /// The text: the original first, then its translations.
    pub texts: Vec<PostText>,
    /// "Edited 3 December, 10:40", once the text has been changed.
    pub edited: Option<PerLocale<String>>,
    /// Kept at the top of the feed.
    pub pinned: bool,
    /// Its photos, in order.
    pub photos: Vec<NewsPhoto>,
    /// "Amira is in this post": the reader's own children tagged in it (other families' never).
    pub children: Option<PerLocale<String>>,
    /// The reader likes it.
    pub liked: bool,
    /// "3 likes", in each language.
    pub likes: PerLocale<String>,
    /// "2 comments" (those families can see), in each language.
    pub comments: PerLocale<String>,
    /// For those who look after it: why families no longer see it (a lowered photo consent).
    pub withheld: Option<PerLocale<String>>,
}

/// A post's text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostText {
    /// The language's tag.
    pub language: String,
    /// The text, sanitized.
    pub body: SanitizedHtml,
    /// A translation written for an earlier version of the original.
    pub stale: bool,
}

impl Written for PostText {
    fn language(&self) -> &str {
        &self.language
    }
}

/// The words around a post's text, shared by the feed and the post page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextWords {
    /// "Pinned".
    pub pinned: PerLocale<String>,
    /// "Show the original": the text as the school wrote it, under a translation.
    pub original: PerLocale<String>,
    /// The school changed the post after this translation was written.
    pub stale: PerLocale<String>,
}

/// The feed's own words, sent with its data: the main wasm carries none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedWords {
    /// The words around each post's text.
    pub text: TextWords,
    /// Please do not share or download other children's photos.
    pub reminder: PerLocale<String>,
    /// Nothing posted yet.
    pub empty: PerLocale<String>,
    /// "Older posts".
    pub older: PerLocale<String>,
    /// "Like" and "Liked" (pressed), the like button's two states.
    pub like: [PerLocale<String>; 2],
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
    /// Comments families reported on the posts this member of staff looks after, oldest first.
    pub reported: Vec<ReportedComment>,
    /// The moderation queue's words.
    pub moderation: ModerationWords,
    /// Posts this member of staff looks after that families no longer see, and why.
    pub withheld: Vec<WithheldPost>,
}

/// A post withheld from families because a pictured child's photo consent was lowered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithheldPost {
    /// The post.
    pub post_id: i32,
    /// Its story and date ("Class 3A · 3 December").
    pub story: PerLocale<String>,
    /// Why: whose consent no longer covers it.
    pub reason: PerLocale<String>,
}

/// A comment families reported, waiting for staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedComment {
    /// The post it is under.
    pub post_id: i32,
    /// That post's story ("Class 3A").
    pub story: PerLocale<String>,
    /// The comment.
    pub comment: NewsComment,
}

/// The moderation queue's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationWords {
    /// "Reported comments".
    pub heading: PerLocale<String>,
    /// "Nothing has been reported."
    pub empty: PerLocale<String>,
    /// "Open the post".
    pub open: PerLocale<String>,
    /// "Posts families no longer see".
    pub withheld: PerLocale<String>,
    /// The buttons on each comment.
    pub actions: CommentActionWords,
}

/// The words of the buttons on a comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentActionWords {
    /// "Report to the school".
    pub report: PerLocale<String>,
    /// "You reported this comment."
    pub reported: PerLocale<String>,
    /// "Delete".
    pub delete: PerLocale<String>,
    /// "Hide from families".
    pub hide: PerLocale<String>,
    /// "Show to families again".
    pub show: PerLocale<String>,
    /// "Keep it (clear the reports)".
    pub keep: PerLocale<String>,
    /// "Hidden from families by the school."
    pub hidden: PerLocale<String>,
    /// "School", beside a member of staff's name.
    pub staff: PerLocale<String>,
}

/// A comment under a post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsComment {
    /// The comment's id.
    pub id: i32,
    /// Who wrote it.
    pub author: String,
    /// Written by a member of staff (marked "School").
    pub staff: bool,
    /// When, in each language.
    pub when: PerLocale<String>,
    /// The text, plain (shown as text, never as markup).
    pub body: String,
    /// The reader wrote it, so may delete it.
    pub mine: bool,
    /// Kept from families by staff: only staff and its author see it.
    pub hidden: bool,
    /// The reader has reported it.
    pub reported: bool,
    /// "Reported 2 times", for those who look after the post.
    pub reports: Option<PerLocale<String>>,
}

/// One post with its comments: `/news/:id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPostPage {
    /// The post.
    pub post: NewsPost,
    /// Its comments, oldest first: for families those not hidden (and their own).
    pub comments: Vec<NewsComment>,
    /// Comments may be written: not closed on the post or on its class.
    pub open: bool,
    /// What was typed in the comment box, kept when it was refused.
    pub typed: String,
    /// Why the comment was refused.
    pub problem: Option<PerLocale<String>>,
    /// The reader looks after this post's comments (hide, delete, close).
    pub moderate: bool,
    /// For a class's post, whether comments are closed on all of that class's posts.
    pub class_closed: Option<bool>,
    /// "Seen by 12 of 25 parents and carers", for those who look after the post.
    pub figures: Option<PerLocale<String>>,
    /// The page's words.
    pub words: PostWords,
}

/// `/news/:id/edit`: a post's text and translations, for those who look after it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsEditPage {
    /// The post.
    pub post_id: i32,
    /// Its story and date ("Class 3A · 3 December, 10:40").
    pub story: PerLocale<String>,
    /// The form.
    pub edit: PostEdit,
    /// "Back to the post".
    pub back: PerLocale<String>,
}

/// A post's text as its staff edit it, with every earlier version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostEdit {
    /// The version of the texts the form holds, sent back with it: an edit saved by someone
    /// else in between is not overwritten. Made on the server (no number formatting in the
    /// browser's code for it).
    pub version: String,
    /// The original first, then a box for every other shipped language.
    pub texts: Vec<EditText>,
    /// Why the last edit was not saved.
    pub problem: Option<PerLocale<String>>,
    /// Earlier texts, newest first.
    pub history: Vec<EarlierText>,
    /// "Edit the text", "Save the changes", what families see, "Earlier versions".
    pub words: EditWords,
}

/// One language's box in the edit form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditText {
    /// The language's tag (the field is `text_<tag>`).
    pub language: String,
    /// "Text (English, as written)" or "中文（简体） translation (optional)".
    pub label: PerLocale<String>,
    /// The text in the box.
    pub typed: String,
    /// The translation is older than the original.
    pub stale: bool,
}

/// A version of a post's text that was replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierText {
    /// The language's tag.
    pub language: String,
    /// "English · written by Ms Khan · replaced 3 December, 10:40".
    pub label: PerLocale<String>,
    /// The text as it was (Markdown source, shown as plain text).
    pub body: String,
}

/// The edit form's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditWords {
    /// "Edit the text and translations".
    pub heading: PerLocale<String>,
    /// Families see "Edited"; earlier versions are kept.
    pub hint: PerLocale<String>,
    /// "Out of date: the original has changed since this translation."
    pub stale: PerLocale<String>,
    /// "Save the changes".
    pub save: PerLocale<String>,
    /// Above a refusal: "Not saved:".
    pub not_saved: PerLocale<String>,
    /// "Earlier versions".
    pub history: PerLocale<String>,
}

/// The post page's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostWords {
    /// "Like" and "Liked".
    pub like: [PerLocale<String>; 2],
    /// "Comments".
    pub comments: PerLocale<String>,
    /// "No comments yet."
    pub none_yet: PerLocale<String>,
    /// The comment box's label.
    pub write: PerLocale<String>,
    /// What comments may not contain.
    pub write_hint: PerLocale<String>,
    /// "Send".
    pub send: PerLocale<String>,
    /// Above a refusal: "Your comment was not sent:".
    pub not_sent: PerLocale<String>,
    /// "Comments are turned off for this post."
    pub closed: PerLocale<String>,
    /// "Turn comments off for this post" and "Turn them on again".
    pub close_post: [PerLocale<String>; 2],
    /// "Turn comments off for every Class 3A post" and "... on again".
    pub close_class: [PerLocale<String>; 2],
    /// "Delete this post", what that removes, and "Delete it for everyone".
    pub delete_post: [PerLocale<String>; 3],
    /// "Back to the newsfeed".
    pub back: PerLocale<String>,
    /// The buttons on each comment.
    pub actions: CommentActionWords,
    /// The words around the post's text.
    pub text: TextWords,
    /// "Pin to the top of the feed" and "Unpin", and what pinning does.
    pub pin: [PerLocale<String>; 3],
    /// "Edit the text and translations".
    pub edit: PerLocale<String>,
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

/// Why a photo sent on its own from the post form was not kept: the answer's body, with a 4xx.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRefusal {
    /// The reason, naming the file, in each language.
    pub message: PerLocale<String>,
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
    /// Beside a photo on its way: "Sending…".
    pub sending: PerLocale<String>,
    /// Beside a photo that did not get through: check the connection, try again.
    pub send_failed: PerLocale<String>,
    /// "Try again".
    pub retry: PerLocale<String>,
    /// "Leave it out".
    pub leave_out: PerLocale<String>,
}
