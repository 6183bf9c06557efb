//! What a signed-in user may see of the newsfeed, checked on every call: a guardian the school
//! story, the class stories of every class their children have been in — this year's and the
//! archived stories of earlier years (the chosen child's, when the switcher has one) — and the
//! portfolios their children are tagged in; staff the school story and the stories of the
//! classes they teach, or everything with a whole-school role.

use super::{FeedWords, NEWS_PATH, NewsFeed, NewsPhoto, NewsPost, story};
use crate::access::{Actor, Capability, Scope, allowed_scope, authorize};
use crate::db::entities::{
    academic_year, class, enrolment, guardian, guardian_pupil, news_photo, news_post,
    news_post_pupil, staff, user_account,
};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use crate::notices::HomeRow;
use crate::state::app_state;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// Posts on a page of the feed.
pub const PAGE_SIZE: u64 = 20;
/// Posts in the home page's "Latest" block.
pub const LATEST: u64 = 3;
/// The most pinned posts heading a reader's feed (a few stories' pins together).
const MAX_PINNED_SHOWN: u64 = 10;

/// The posts `actor` may read, as a condition on `news_post`.
pub fn visible(actor: &Actor, scope: Scope) -> Condition {
    let school = Condition::all().add(news_post::Column::SchoolId.eq(actor.school_id));
    if actor.reads_whole_school(scope) {
        return school;
    }
    let mut stories = Condition::any().add(news_post::Column::Story.eq(story::SCHOOL));
    if actor.guardian_id.is_some() {
        let chosen = actor.chosen_memberships();
        let pupils: Vec<i32> = chosen.iter().map(|m| m.pupil_id).collect();
        // Every class the children were in, any year: a class story stays with the year it was
        // posted in, readable by that year's families, and next year's class starts empty.
        let classes = Query::select()
            .column(enrolment::Column::ClassId)
            .from(enrolment::Entity)
            .and_where(enrolment::Column::PupilId.is_in(pupils.clone()))
            .and_where(enrolment::Column::ClassId.is_not_null())
            .to_owned();
        stories = stories
            .add(
                Condition::all()
                    .add(news_post::Column::Story.eq(story::CLASS))
                    .add(news_post::Column::ClassId.in_subquery(classes)),
            )
            .add(
                Condition::all()
                    .add(news_post::Column::Story.eq(story::PORTFOLIO))
                    .add(
                        news_post::Column::Id.in_subquery(
                            Query::select()
                                .column(news_post_pupil::Column::PostId)
                                .from(news_post_pupil::Entity)
                                .and_where(news_post_pupil::Column::PupilId.is_in(pupils))
                                .to_owned(),
                        ),
                    ),
            );
    } else {
        // Staff of some classes: those classes' stories and their pupils' portfolios.
        stories = stories.add(news_post::Column::ClassId.is_in(actor.classes.clone()));
    }
    school.add(stories)
}

/// Post `id` if `actor` may read it; "not found" otherwise, whether it exists or not.
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i32,
) -> Result<news_post::Model, AppError> {
    let scope = allowed_scope(&actor.roles, Capability::NewsRead).ok_or(AppError::NotFound)?;
    let post = news_post::Entity::find_by_id(id)
        .filter(visible(actor, scope))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    // A photo consent lowered since publishing withholds the post, its photos and comments.
    if !super::comments::moderates(actor, &post)
        && !super::withheld::broken(db, std::slice::from_ref(&post))
            .await?
            .is_empty()
    {
        return Err(AppError::NotFound);
    }
    Ok(post)
}

/// A page of the signed-in user's feed: the newest posts, or those older than `before`.
pub async fn feed(before: Option<i32>) -> Result<NewsFeed, AppError> {
    let granted = authorize(Capability::NewsRead)?;
    let actor = granted.actor;
    let state = app_state()?;
    // Pinned posts head the first page and are left out of the pages in date order.
    let mut pinned = match before {
        None => {
            news_post::Entity::find()
                .filter(visible(&actor, granted.scope))
                .filter(news_post::Column::PinnedAt.is_not_null())
                .order_by_desc(news_post::Column::PinnedAt)
                .limit(MAX_PINNED_SHOWN)
                .all(&state.db)
                .await?
        }
        Some(_) => Vec::new(),
    };
    let mut query = news_post::Entity::find()
        .filter(visible(&actor, granted.scope))
        .filter(news_post::Column::PinnedAt.is_null())
        .order_by_desc(news_post::Column::Id)
        .limit(PAGE_SIZE + 1);
    if let Some(before) = before {
        query = query.filter(news_post::Column::Id.lt(before));
    }
    let mut posts = query.all(&state.db).await?;
    let older = if posts.len() as u64 > PAGE_SIZE {
        posts.truncate(PAGE_SIZE as usize);
        posts.last().map(|p| p.id)
    } else {
        None
    };
    pinned.append(&mut posts);
    let mut posts = pinned;
    let broken = super::withheld::broken(&state.db, &posts).await?;
    posts.retain(|p| !broken.contains_key(&p.id) || super::comments::moderates(&actor, p));
    let zone = actor.zone.clone();
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    super::comments::seen(&state.db, &actor, &ids, chrono::Utc::now()).await?;
    let shown = described(&state.db, &actor, &zone, posts, &broken, Detail::Feed).await?;
    let can_post = allowed_scope(&actor.roles, Capability::NewsPostClass).is_some();
    Ok(NewsFeed {
        posts: shown,
        older,
        can_post,
        words: FeedWords {
            text: super::edits::text_words(),
            reminder: PerLocale::build(|l| msg!(l, "news-share-reminder")),
            empty: PerLocale::build(|l| msg!(l, "news-empty")),
            older: PerLocale::build(|l| msg!(l, "news-older")),
            like: super::comments::like_words(),
        },
    })
}

/// The newest posts `actor` may read, at most [`LATEST`], none a lowered photo consent holds
/// back, for the home page: each its story and time, its opening words and its first photo.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
) -> Result<Vec<HomeRow>, AppError> {
    let Some(scope) = allowed_scope(&actor.roles, Capability::NewsRead) else {
        return Ok(Vec::new());
    };
    // A few more than shown, so a withheld post does not empty the block.
    let mut posts = news_post::Entity::find()
        .filter(visible(actor, scope))
        .order_by_desc(news_post::Column::Id)
        .limit(2 * LATEST)
        .all(db)
        .await?;
    let broken = super::withheld::broken(db, &posts).await?;
    posts.retain(|p| !broken.contains_key(&p.id));
    posts.truncate(LATEST as usize);
    let shown = described(db, actor, zone, posts, &HashMap::new(), Detail::Row).await?;
    Ok(shown
        .into_iter()
        .map(|post| {
            let meta = PerLocale::build(|l| {
                let (story, when) = (post.story.text(l), post.when.text(l));
                msg!(
                    l,
                    "news-story-dated",
                    story = story.as_str(),
                    when = when.as_str()
                )
            });
            // A post of photos alone is named by its story.
            let words = PerLocale::build(|l| {
                crate::notices::dto::for_reader(&post.texts, l)
                    .map(|text| crate::notices::rich_text::excerpt(text.body.as_str()))
                    .filter(|words| !words.is_empty())
                    .unwrap_or_else(|| post.story.text(l))
            });
            let photo = post.photos.first().map(|photo| {
                super::photo_href(
                    photo.id,
                    photo.widths.first().copied().unwrap_or(photo.width),
                )
            });
            HomeRow(
                format!("{NEWS_PATH}/{}", post.id),
                meta,
                words,
                post.children,
                photo,
            )
        })
        .collect())
}

/// How much of each post [`described`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Everything the feed and a post's page show.
    Feed,
    /// What a row on the home page shows: no author, likes or comments.
    Row,
}

/// The posts as the feed shows them to `actor`, their photos, authors, stories and reactions
/// read in one statement each (no authors or reactions for `Detail::Row`).
pub(super) async fn described<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
    posts: Vec<news_post::Model>,
    withheld: &HashMap<i32, Vec<String>>,
    detail: Detail,
) -> Result<Vec<NewsPost>, AppError> {
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    let mut stored: HashMap<i32, Vec<news_photo::Model>> = HashMap::new();
    for photo in news_photo::Entity::find()
        .filter(news_photo::Column::PostId.is_in(ids.clone()))
        .order_by_asc(news_photo::Column::Position)
        .all(db)
        .await?
    {
        if let Some(post) = photo.post_id {
            stored.entry(post).or_default().push(photo);
        }
    }
    let mut photos: HashMap<i32, Vec<NewsPhoto>> = stored
        .into_iter()
        .map(|(post, photos)| (post, shown_photos(&photos)))
        .collect();
    let mut tagged: HashMap<i32, Vec<i32>> = HashMap::new();
    for tag in news_post_pupil::Entity::find()
        .filter(news_post_pupil::Column::PostId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        tagged.entry(tag.post_id).or_default().push(tag.pupil_id);
    }
    let (reactions, authors) = match detail {
        Detail::Feed => (
            super::comments::reactions(db, actor.user_id, &ids).await?,
            People::of(db, posts.iter().map(|p| p.author_id).collect()).await?,
        ),
        Detail::Row => (Default::default(), People::default()),
    };
    let mut texts = super::edits::texts(db, &posts).await?;
    let classes = class_names(db, posts.iter()).await?;
    let current = crate::audience::resolve::current_year(db, actor.school_id)
        .await?
        .map(|y| y.id);
    let past_ids: Vec<i32> = posts
        .iter()
        .map(|p| p.academic_year_id)
        .filter(|id| Some(*id) != current)
        .collect();
    // Last year's posts say which year they are from.
    let past_years: HashMap<i32, String> = if past_ids.is_empty() {
        HashMap::new()
    } else {
        academic_year::Entity::find()
            .filter(academic_year::Column::Id.is_in(past_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|y| (y.id, y.name))
            .collect()
    };
    Ok(posts
        .into_iter()
        .map(|post| {
            let pupils = tagged.remove(&post.id).unwrap_or_default();
            let mine: Vec<String> = actor
                .children
                .iter()
                .filter(|c| pupils.contains(&c.membership.pupil_id))
                .map(|c| first_name(&c.name))
                .collect();
            let class_name = post.class_id.and_then(|id| classes.get(&id)).cloned();
            let at = post.created_at;
            let zone = zone.to_string();
            let (likes, liked, comments) = reactions.of(post.id);
            let (likes, comments) = super::comments::counts(likes, comments);
            let story = story_name(&post.story, class_name, &mine);
            let story = match past_years.get(&post.academic_year_id) {
                Some(year) => PerLocale::build(|l| {
                    let story = story.text(l);
                    msg!(
                        l,
                        "news-story-archived",
                        story = story.as_str(),
                        year = year.as_str()
                    )
                }),
                None => story,
            };
            NewsPost {
                id: post.id,
                story,
                author: authors.name(post.author_id).0,
                when: PerLocale::build(|l| crate::dates::date_time(l, &zone, at)),
                texts: texts.remove(&post.id).unwrap_or_default(),
                edited: super::edits::edited(&post, &zone),
                pinned: post.pinned_at.is_some(),
                photos: photos.remove(&post.id).unwrap_or_default(),
                children: (!mine.is_empty()).then(|| {
                    PerLocale::build(|l| {
                        let names = crate::i18n::list(l, &mine);
                        msg!(l, "news-children-tagged", children = names.as_str())
                    })
                }),
                liked,
                likes,
                comments,
                withheld: withheld.get(&post.id).map(|names| withheld_reason(names)),
            }
        })
        .collect())
}

/// "Families no longer see this post: the photo consent of Amira no longer covers it."
pub(super) fn withheld_reason(names: &[String]) -> PerLocale<String> {
    PerLocale::build(|l| {
        let names = crate::i18n::list(l, names);
        msg!(l, "news-withheld", pupils = names.as_str())
    })
}

/// Stored photos, in order, as a page shows them.
pub fn shown_photos(photos: &[news_photo::Model]) -> Vec<NewsPhoto> {
    let count = photos.len().to_string();
    photos
        .iter()
        .enumerate()
        .map(|(index, photo)| {
            let number = (index + 1).to_string();
            NewsPhoto {
                id: photo.id,
                width: u32::try_from(photo.width).unwrap_or(0),
                height: u32::try_from(photo.height).unwrap_or(0),
                widths: photo
                    .widths
                    .split(' ')
                    .filter_map(|w| w.parse().ok())
                    .collect(),
                webp: photo.webp_keys.is_some(),
                alt: PerLocale::build(|l| {
                    msg!(
                        l,
                        "news-photo-alt",
                        number = number.as_str(),
                        count = count.as_str()
                    )
                }),
            }
        })
        .collect()
}

/// "School story", "Class 3A", "Amira's portfolio" (the reader's children), "Portfolios · 3A".
pub(super) fn story_name(
    kind: &str,
    class: Option<String>,
    children: &[String],
) -> PerLocale<String> {
    let class = class.unwrap_or_default();
    match kind {
        story::CLASS => PerLocale::build(|l| msg!(l, "news-story-class", class = class.as_str())),
        story::PORTFOLIO if !children.is_empty() => PerLocale::build(|l| {
            let names = crate::i18n::list(l, children);
            msg!(l, "news-story-portfolio-of", children = names.as_str())
        }),
        story::PORTFOLIO => {
            PerLocale::build(|l| msg!(l, "news-story-portfolios", class = class.as_str()))
        }
        _ => PerLocale::build(|l| msg!(l, "news-story-school")),
    }
}

/// "Class 3A · 3 December, 10:40": a post's story and when it was posted, for staff lists.
pub(super) fn story_dated(
    post: &news_post::Model,
    class: Option<String>,
    zone: &str,
) -> PerLocale<String> {
    let story = story_name(&post.story, class, &[]);
    let at = post.created_at;
    PerLocale::build(|l| {
        let story = story.text(l);
        let when = crate::dates::date_time(l, zone, at);
        msg!(
            l,
            "news-story-dated",
            story = story.as_str(),
            when = when.as_str()
        )
    })
}

fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_string()
}

/// The names of the classes of `posts`, by class id.
pub(super) async fn class_names<'a, C: ConnectionTrait>(
    db: &C,
    posts: impl Iterator<Item = &'a news_post::Model>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = posts.filter_map(|p| p.class_id).collect();
    Ok(class::Entity::find()
        .filter(class::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// The names of accounts, for posts and comments: a member of staff's or a family member's.
#[derive(Default)]
pub(super) struct People {
    names: HashMap<i32, (String, bool)>,
}

impl People {
    /// The names of the accounts `ids`, read in three statements.
    pub(super) async fn of<C: ConnectionTrait>(db: &C, ids: Vec<i32>) -> Result<Self, AppError> {
        let accounts = user_account::Entity::find()
            .filter(user_account::Column::Id.is_in(ids))
            .all(db)
            .await?;
        let staff_ids: Vec<i32> = accounts.iter().filter_map(|a| a.staff_id).collect();
        let guardian_ids: Vec<i32> = accounts.iter().filter_map(|a| a.guardian_id).collect();
        let staff: HashMap<i32, String> = staff::Entity::find()
            .filter(staff::Column::Id.is_in(staff_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        let guardians: HashMap<i32, String> = guardian::Entity::find()
            .filter(guardian::Column::Id.is_in(guardian_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect();
        let names = accounts
            .into_iter()
            .filter_map(|a| {
                let by_staff = a
                    .staff_id
                    .and_then(|id| staff.get(&id))
                    .map(|n| (n.clone(), true));
                let by_family = a
                    .guardian_id
                    .and_then(|id| guardians.get(&id))
                    .map(|n| (n.clone(), false));
                Some((a.id, by_staff.or(by_family)?))
            })
            .collect();
        Ok(Self { names })
    }

    /// Account `id`'s name, and whether it is a member of staff's.
    pub(super) fn name(&self, id: i32) -> (String, bool) {
        self.names.get(&id).cloned().unwrap_or_default()
    }
}

/// How many family accounts may read `post`: the school's, the class's, or the tagged pupils'.
pub(super) async fn family_reach<C: ConnectionTrait>(
    db: &C,
    post: &news_post::Model,
) -> Result<u64, AppError> {
    let families = user_account::Entity::find()
        .filter(user_account::Column::SchoolId.eq(post.school_id))
        .filter(user_account::Column::Status.eq(crate::access::status::ACTIVE));
    let pupils = match post.story.as_str() {
        story::CLASS => Query::select()
            .column(enrolment::Column::PupilId)
            .from(enrolment::Entity)
            .and_where(enrolment::Column::ClassId.eq(post.class_id))
            .to_owned(),
        story::PORTFOLIO => Query::select()
            .column(news_post_pupil::Column::PupilId)
            .from(news_post_pupil::Entity)
            .and_where(news_post_pupil::Column::PostId.eq(post.id))
            .to_owned(),
        _ => {
            return Ok(families
                .filter(user_account::Column::GuardianId.is_not_null())
                .count(db)
                .await?);
        }
    };
    Ok(families
        .filter(
            user_account::Column::GuardianId.in_subquery(
                Query::select()
                    .column(guardian_pupil::Column::GuardianId)
                    .from(guardian_pupil::Entity)
                    .and_where(guardian_pupil::Column::PupilId.in_subquery(pupils))
                    .to_owned(),
            ),
        )
        .count(db)
        .await?)
}
