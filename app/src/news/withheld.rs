//! Posts withheld from families because a pictured child's photo consent was lowered after they
//! were published (a roster import, a change in the school's records). Consent is read again
//! every time a post with photos is shown, so a lowered consent takes effect at once, on the
//! feed, the post page and every photo address; those who look after the post still see it, with
//! the reason, on the post and in their news page's list, and the author is told by e-mail.

use super::consent::{self, Reach};
use super::story;
use crate::db::entities::{news_photo, news_post, news_post_pupil, outbox, pupil};
use crate::outbox::{kind, status};
use crate::roster::PhotoConsent;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::{HashMap, HashSet};

/// How far a stored post reaches, for the consent rule.
pub fn reach_of(post: &news_post::Model, tagged: usize) -> Reach {
    match post.story.as_str() {
        story::SCHOOL => Reach::School,
        story::PORTFOLIO if tagged <= 1 => Reach::OwnPortfolio,
        story::PORTFOLIO => Reach::SharedPortfolio,
        _ => Reach::Class,
    }
}

/// Of `posts`, those with photos that a tagged pupil's consent no longer covers, with the names
/// of the pupils whose consent does not reach.
pub async fn broken<C: ConnectionTrait>(
    db: &C,
    posts: &[news_post::Model],
) -> Result<HashMap<i32, Vec<String>>, DbErr> {
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let with_photos: HashSet<i32> = news_photo::Entity::find()
        .select_only()
        .column(news_photo::Column::PostId)
        .filter(news_photo::Column::PostId.is_in(ids.clone()))
        .into_tuple::<Option<i32>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    if with_photos.is_empty() {
        return Ok(HashMap::new());
    }
    let tags = news_post_pupil::Entity::find()
        .filter(news_post_pupil::Column::PostId.is_in(with_photos.iter().copied()))
        .all(db)
        .await?;
    let pupils: HashMap<i32, pupil::Model> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(tags.iter().map(|t| t.pupil_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut tagged: HashMap<i32, Vec<i32>> = HashMap::new();
    for tag in tags {
        tagged.entry(tag.post_id).or_default().push(tag.pupil_id);
    }
    let mut out = HashMap::new();
    for post in posts.iter().filter(|p| with_photos.contains(&p.id)) {
        let Some(pupil_ids) = tagged.get(&post.id) else {
            continue;
        };
        let reach = reach_of(post, pupil_ids.len());
        let names: Vec<String> = pupil_ids
            .iter()
            .filter_map(|id| pupils.get(id))
            .filter(|p| {
                let level = PhotoConsent::from_code(&p.photo_consent).unwrap_or(PhotoConsent::None);
                !consent::allows(level, reach)
            })
            .map(crate::roster::display_name)
            .collect();
        if !names.is_empty() {
            out.insert(post.id, names);
        }
    }
    Ok(out)
}

/// After `lowered` pupils' consent went down (in the same transaction), puts an e-mail in the
/// outbox for each post with photos of them that families no longer see, to its author; the
/// worker sends each author's together. Returns how many posts were withheld.
pub async fn tell_authors<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    lowered: &[i32],
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    if lowered.is_empty() {
        return Ok(0);
    }
    let post_ids: HashSet<i32> = news_post_pupil::Entity::find()
        .filter(news_post_pupil::Column::PupilId.is_in(lowered.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.post_id)
        .collect();
    if post_ids.is_empty() {
        return Ok(0);
    }
    let posts = news_post::Entity::find()
        .filter(news_post::Column::Id.is_in(post_ids))
        .filter(news_post::Column::SchoolId.eq(school_id))
        .all(db)
        .await?;
    let withheld = broken(db, &posts).await?;
    let rows: Vec<outbox::ActiveModel> = posts
        .iter()
        .filter(|p| withheld.contains_key(&p.id))
        .map(|post| outbox::ActiveModel {
            school_id: Set(school_id),
            // A later change to the same post is news again: the time keeps the keys apart.
            idempotency_key: Set(format!(
                "{}-p{}-{}",
                kind::NEWS_WITHHELD,
                post.id,
                now.timestamp_micros()
            )),
            kind: Set(kind::NEWS_WITHHELD.to_string()),
            user_id: Set(Some(post.author_id)),
            post_id: Set(Some(post.id)),
            status: Set(status::PENDING.to_string()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    let count = rows.len();
    if count > 0 {
        outbox::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(story: &str) -> news_post::Model {
        news_post::Model {
            id: 1,
            school_id: 1,
            author_id: 1,
            story: story.into(),
            class_id: Some(1),
            academic_year_id: 1,
            body_source: String::new(),
            body_html: String::new(),
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            language: "en-GB".into(),
            revision: 1,
            edited_by: None,
            edited_at: None,
            pinned_at: None,
        }
    }

    #[test]
    fn a_stored_post_reaches_as_far_as_when_it_was_published() {
        assert_eq!(reach_of(&post(story::SCHOOL), 3), Reach::School);
        assert_eq!(reach_of(&post(story::CLASS), 0), Reach::Class);
        assert_eq!(reach_of(&post(story::PORTFOLIO), 1), Reach::OwnPortfolio);
        assert_eq!(reach_of(&post(story::PORTFOLIO), 2), Reach::SharedPortfolio);
    }
}
