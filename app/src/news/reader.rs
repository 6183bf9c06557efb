//! What a signed-in user may see of the newsfeed, checked on every call: a guardian the school
//! story, their children's class stories (the chosen child's, when the switcher has one) and
//! the portfolios their children are tagged in; staff the school story and the stories of the
//! classes they teach, or everything with a whole-school role.

use super::{FeedWords, NewsFeed, NewsPhoto, NewsPost, story};
use crate::access::{Actor, Capability, Scope, allowed_scope, authorize};
use crate::db::entities::{class, news_photo, news_post, news_post_pupil, staff, user_account};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use crate::sanitized::SanitizedHtml;
use crate::state::app_state;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// Posts on a page of the feed.
pub const PAGE_SIZE: u64 = 20;

/// The posts `actor` may read, as a condition on `news_post`.
pub fn visible(actor: &Actor, scope: Scope) -> Condition {
    let school = Condition::all().add(news_post::Column::SchoolId.eq(actor.school_id));
    if actor.reads_whole_school(scope) {
        return school;
    }
    let mut stories = Condition::any().add(news_post::Column::Story.eq(story::SCHOOL));
    if actor.guardian_id.is_some() {
        let chosen = actor.chosen_memberships();
        let classes: Vec<i32> = chosen.iter().filter_map(|m| m.class_id).collect();
        let pupils: Vec<i32> = chosen.iter().map(|m| m.pupil_id).collect();
        stories = stories
            .add(
                Condition::all()
                    .add(news_post::Column::Story.eq(story::CLASS))
                    .add(news_post::Column::ClassId.is_in(classes)),
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
    news_post::Entity::find_by_id(id)
        .filter(visible(actor, scope))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A page of the signed-in user's feed: the newest posts, or those older than `before`.
pub async fn feed(before: Option<i32>) -> Result<NewsFeed, AppError> {
    let granted = authorize(Capability::NewsRead)?;
    let actor = granted.actor;
    let state = app_state()?;
    let mut query = news_post::Entity::find()
        .filter(visible(&actor, granted.scope))
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
    let zone = crate::school::db::timezone(&state.db, actor.school_id).await?;
    let shown = described(&state.db, &actor, &zone, posts).await?;
    let can_post = allowed_scope(&actor.roles, Capability::NewsPostClass).is_some();
    Ok(NewsFeed {
        posts: shown,
        older,
        can_post,
        words: FeedWords {
            reminder: PerLocale::build(|l| msg!(l, "news-share-reminder")),
            empty: PerLocale::build(|l| msg!(l, "news-empty")),
            older: PerLocale::build(|l| msg!(l, "news-older")),
        },
    })
}

/// The posts as the feed shows them to `actor`, their photos, authors and stories read in one
/// statement each.
async fn described<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
    posts: Vec<news_post::Model>,
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
        .filter(news_post_pupil::Column::PostId.is_in(ids))
        .all(db)
        .await?
    {
        tagged.entry(tag.post_id).or_default().push(tag.pupil_id);
    }
    let authors = author_names(db, posts.iter().map(|p| p.author_id).collect()).await?;
    let class_ids: Vec<i32> = posts.iter().filter_map(|p| p.class_id).collect();
    let classes: HashMap<i32, String> = class::Entity::find()
        .filter(class::Column::Id.is_in(class_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
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
            NewsPost {
                id: post.id,
                story: story_name(&post.story, class_name, &mine),
                author: authors.get(&post.author_id).cloned().unwrap_or_default(),
                when: PerLocale::build(|l| crate::dates::date_time(l, &zone, at)),
                body: SanitizedHtml::clean(&post.body_html),
                photos: photos.remove(&post.id).unwrap_or_default(),
                children: (!mine.is_empty()).then(|| {
                    PerLocale::build(|l| {
                        let names = crate::i18n::list(l, &mine);
                        msg!(l, "news-children-tagged", children = names.as_str())
                    })
                }),
            }
        })
        .collect())
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
fn story_name(kind: &str, class: Option<String>, children: &[String]) -> PerLocale<String> {
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

fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_string()
}

/// The names of the staff accounts `ids`.
async fn author_names<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let staff_ids: Vec<i32> = accounts.iter().filter_map(|a| a.staff_id).collect();
    let names: HashMap<i32, String> = staff::Entity::find()
        .filter(staff::Column::Id.is_in(staff_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(accounts
        .into_iter()
        .filter_map(|a| Some((a.id, names.get(&a.staff_id?)?.clone())))
        .collect())
}
