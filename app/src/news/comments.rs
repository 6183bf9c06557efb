//! Likes and comments on the newsfeed, and their moderation: a reader of a post may like it,
//! comment on it (kind plain text, see `comment_text`) and report a comment to the school; those
//! who may post to its story look after its comments — hide, delete, clear reports, and turn
//! comments off for the post or for every post of its class. Every action re-checks that the
//! post is readable by the one acting, so a family of another class gets "not found" whatever
//! it sends.

use super::comment_text::{self, CommentProblem};
use super::reader::{self, People};
use super::{
    CommentActionWords, ModerationWords, NEWS_PATH, NewsComment, NewsPostPage, PostWords,
    ReportedComment, STAFF_NEWS_PATH,
};
use crate::access::{Actor, Capability, CurrentActor, Scope, allowed_scope, authorize};
use crate::db::entities::{
    class, news_comment, news_comment_report, news_comments_off, news_like, news_photo, news_post,
    news_view,
};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::state::AppState;
use crate::{msg, msg_count};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// The most comments one reader may write in an hour, across the feed.
pub const MAX_COMMENTS_PER_HOUR: u64 = 20;

/// What a post to `/news/{id}` came to.
pub enum Acted {
    /// Done: where to send the browser.
    Done(String),
    /// The post page again with why the comment was refused, or why it could not be shown.
    Again(Box<Result<NewsPostPage, AppError>>),
}

/// Likes and comment counts for the posts of a feed page.
#[derive(Default)]
pub struct Reactions {
    likes: HashMap<i32, u32>,
    liked: HashSet<i32>,
    comments: HashMap<i32, u32>,
}

impl Reactions {
    /// Post `id`'s likes, whether `user` is among them, and its comments families see.
    pub fn of(&self, id: i32) -> (u32, bool, u32) {
        (
            self.likes.get(&id).copied().unwrap_or(0),
            self.liked.contains(&id),
            self.comments.get(&id).copied().unwrap_or(0),
        )
    }
}

/// Counts likes and shown comments for `posts`, and which of them `user_id` likes.
pub async fn reactions<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    posts: &[i32],
) -> Result<Reactions, AppError> {
    let counted = |rows: Vec<(i32, i64)>| -> HashMap<i32, u32> {
        rows.into_iter()
            .map(|(post, n)| (post, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect()
    };
    let likes = news_like::Entity::find()
        .select_only()
        .column(news_like::Column::PostId)
        .column_as(news_like::Column::Id.count(), "n")
        .filter(news_like::Column::PostId.is_in(posts.iter().copied()))
        .group_by(news_like::Column::PostId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?;
    let comments = news_comment::Entity::find()
        .select_only()
        .column(news_comment::Column::PostId)
        .column_as(news_comment::Column::Id.count(), "n")
        .filter(news_comment::Column::PostId.is_in(posts.iter().copied()))
        .filter(news_comment::Column::HiddenAt.is_null())
        .group_by(news_comment::Column::PostId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?;
    let liked = news_like::Entity::find()
        .select_only()
        .column(news_like::Column::PostId)
        .filter(news_like::Column::PostId.is_in(posts.iter().copied()))
        .filter(news_like::Column::UserId.eq(user_id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(Reactions {
        likes: counted(likes),
        liked: liked.into_iter().collect(),
        comments: counted(comments),
    })
}

/// Notes that a family member was shown `posts` (once each), for the posts' figures.
pub async fn seen<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    posts: &[i32],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if actor.guardian_id.is_none() || posts.is_empty() {
        return Ok(());
    }
    news_view::Entity::insert_many(posts.iter().map(|post| news_view::ActiveModel {
        post_id: Set(*post),
        user_id: Set(actor.user_id),
        created_at: Set(now),
        ..Default::default()
    }))
    .on_conflict_do_nothing_on([news_view::Column::PostId, news_view::Column::UserId])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Whether `actor` looks after the comments of `post`: those who may post to its story.
pub fn moderates(actor: &Actor, post: &news_post::Model) -> bool {
    if actor.school_id != post.school_id {
        return false;
    }
    match post.class_id {
        None => allowed_scope(&actor.roles, Capability::NewsPostSchool) == Some(Scope::WholeSchool),
        Some(class) => match allowed_scope(&actor.roles, Capability::NewsPostClass) {
            Some(Scope::WholeSchool) => true,
            Some(_) => actor.classes.contains(&class),
            None => false,
        },
    }
}

/// Whether comments are closed on `post` itself, and on every post of its class.
async fn closed<C: ConnectionTrait>(
    db: &C,
    post: &news_post::Model,
) -> Result<(bool, bool), AppError> {
    let mut which = Condition::any().add(news_comments_off::Column::PostId.eq(post.id));
    if let Some(class) = post.class_id {
        which = which.add(news_comments_off::Column::ClassId.eq(class));
    }
    let rows = news_comments_off::Entity::find()
        .filter(which)
        .all(db)
        .await?;
    Ok((
        rows.iter().any(|r| r.post_id == Some(post.id)),
        rows.iter()
            .any(|r| r.class_id.is_some() && r.class_id == post.class_id),
    ))
}

/// Post `id` with its comments, for the signed-in reader; or the answer to the post this render
/// shows.
pub async fn page(id: i32) -> Result<NewsPostPage, AppError> {
    if let Some(answer) = crate::posted::form(|p: &NewsPostPage| p.problem.is_some()) {
        return answer;
    }
    let actor = authorize(Capability::NewsRead)?.actor;
    let state = crate::state::app_state()?;
    let post = reader::readable(&state.db, &actor, id).await?;
    seen(&state.db, &actor, &[post.id], Utc::now()).await?;
    shown(&state.db, &actor, post, String::new(), None).await
}

/// The post page as `actor` sees it, with `typed` in the comment box and its `problem`.
async fn shown<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    post: news_post::Model,
    typed: String,
    problem: Option<PerLocale<String>>,
) -> Result<NewsPostPage, AppError> {
    let moderate = moderates(actor, &post);
    let (post_closed, class_closed) = closed(db, &post).await?;
    let class_name = match post.class_id {
        Some(id) => class::Entity::find_by_id(id).one(db).await?.map(|c| c.name),
        None => None,
    };
    let zone = actor.zone.clone();
    let stored = news_comment::Entity::find()
        .filter(news_comment::Column::PostId.eq(post.id))
        .order_by_asc(news_comment::Column::Id)
        .all(db)
        .await?;
    let comments = described(db, actor, &zone, moderate, stored).await?;
    let figures = if moderate {
        Some(figures(db, &post).await?)
    } else {
        None
    };
    let class_segment = post.class_id.is_some();
    let broken = super::withheld::broken(db, std::slice::from_ref(&post)).await?;
    let shown_post = reader::described(db, actor, &zone, vec![post], &broken, reader::Detail::Feed)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let class_label = class_name.unwrap_or_default();
    Ok(NewsPostPage {
        post: shown_post,
        comments,
        open: !post_closed && !class_closed,
        typed,
        problem,
        moderate,
        class_closed: class_segment.then_some(class_closed),
        figures,
        words: PostWords {
            like: like_words(),
            comments: PerLocale::build(|l| msg!(l, "news-comments")),
            none_yet: PerLocale::build(|l| msg!(l, "news-comments-none")),
            write: PerLocale::build(|l| msg!(l, "news-comment-write")),
            write_hint: PerLocale::build(|l| {
                let most = comment_text::MAX_CHARS.to_string();
                msg!(l, "news-comment-hint", most = most.as_str())
            }),
            send: PerLocale::build(|l| msg!(l, "news-comment-send")),
            not_sent: PerLocale::build(|l| msg!(l, "news-comment-not-sent")),
            closed: PerLocale::build(|l| msg!(l, "news-comments-closed")),
            close_post: [
                PerLocale::build(|l| msg!(l, "news-comments-close-post")),
                PerLocale::build(|l| msg!(l, "news-comments-open-post")),
            ],
            delete_post: [
                PerLocale::build(|l| msg!(l, "news-delete-post")),
                PerLocale::build(|l| msg!(l, "news-delete-post-warning")),
                PerLocale::build(|l| msg!(l, "news-delete-post-confirm")),
            ],
            close_class: [
                PerLocale::build(|l| {
                    msg!(l, "news-comments-close-class", class = class_label.as_str())
                }),
                PerLocale::build(|l| {
                    msg!(l, "news-comments-open-class", class = class_label.as_str())
                }),
            ],
            back: PerLocale::build(|l| msg!(l, "news-back")),
            actions: action_words(),
            text: super::edits::text_words(),
            pin: super::edits::pin_words(),
            edit: PerLocale::build(|l| msg!(l, "news-edit")),
        },
    })
}

/// "Like" and "Liked".
pub fn like_words() -> [PerLocale<String>; 2] {
    [
        PerLocale::build(|l| msg!(l, "news-like")),
        PerLocale::build(|l| msg!(l, "news-liked")),
    ]
}

/// "3 likes" and "2 comments", in each language.
pub fn counts(likes: u32, comments: u32) -> (PerLocale<String>, PerLocale<String>) {
    (
        PerLocale::build(|l| msg_count!(l, "news-likes", likes)),
        PerLocale::build(|l| msg_count!(l, "news-comment-count", comments)),
    )
}

fn action_words() -> CommentActionWords {
    CommentActionWords {
        report: PerLocale::build(|l| msg!(l, "news-comment-report")),
        reported: PerLocale::build(|l| msg!(l, "news-comment-reported")),
        delete: PerLocale::build(|l| msg!(l, "news-comment-delete")),
        hide: PerLocale::build(|l| msg!(l, "news-comment-hide")),
        show: PerLocale::build(|l| msg!(l, "news-comment-show")),
        keep: PerLocale::build(|l| msg!(l, "news-comment-keep")),
        hidden: PerLocale::build(|l| msg!(l, "news-comment-hidden")),
        staff: PerLocale::build(|l| msg!(l, "news-comment-staff")),
    }
}

/// Comments as `actor` sees them: families never see hidden ones but their own; those who
/// look after the post see every comment and how often each was reported.
async fn described<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    zone: &str,
    moderate: bool,
    stored: Vec<news_comment::Model>,
) -> Result<Vec<NewsComment>, AppError> {
    let stored: Vec<news_comment::Model> = stored
        .into_iter()
        .filter(|c| moderate || c.hidden_at.is_none() || c.author_id == actor.user_id)
        .collect();
    let ids: Vec<i32> = stored.iter().map(|c| c.id).collect();
    let reports = news_comment_report::Entity::find()
        .filter(news_comment_report::Column::CommentId.is_in(ids))
        .all(db)
        .await?;
    let mut times: HashMap<i32, u32> = HashMap::new();
    let mut mine: HashSet<i32> = HashSet::new();
    for report in &reports {
        *times.entry(report.comment_id).or_default() += 1;
        if report.reporter_id == actor.user_id {
            mine.insert(report.comment_id);
        }
    }
    let people = People::of(db, stored.iter().map(|c| c.author_id).collect()).await?;
    Ok(stored
        .into_iter()
        .map(|c| {
            let at = c.created_at;
            let reported_times = times.get(&c.id).copied().unwrap_or(0);
            let (author, staff) = people.name(c.author_id);
            NewsComment {
                id: c.id,
                author,
                staff,
                when: PerLocale::build(|l| crate::dates::date_time(l, zone, at)),
                body: c.body,
                mine: c.author_id == actor.user_id,
                hidden: c.hidden_at.is_some(),
                reported: mine.contains(&c.id),
                reports: (moderate && reported_times > 0).then(|| {
                    PerLocale::build(|l| msg_count!(l, "news-comment-reports", reported_times))
                }),
            }
        })
        .collect())
}

/// "Seen by 12 of 25 parents and carers": family accounts shown the post, of those who may read it.
async fn figures<C: ConnectionTrait>(
    db: &C,
    post: &news_post::Model,
) -> Result<PerLocale<String>, AppError> {
    let seen = news_view::Entity::find()
        .filter(news_view::Column::PostId.eq(post.id))
        .count(db)
        .await?;
    let reach = reader::family_reach(db, post).await?;
    let (seen, reach) = (seen.to_string(), reach.to_string());
    Ok(PerLocale::build(|l| {
        msg!(
            l,
            "news-seen-by",
            seen = seen.as_str(),
            reach = reach.as_str()
        )
    }))
}

/// The comments reported on posts `actor` looks after, oldest report first.
pub async fn reported<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<ReportedComment>, AppError> {
    use sea_orm::sea_query::Query;
    // Only this school's reports: every other school's queue stays in the database.
    let in_school = Query::select()
        .column(news_comment::Column::Id)
        .from(news_comment::Entity)
        .and_where(
            news_comment::Column::PostId.in_subquery(
                Query::select()
                    .column(news_post::Column::Id)
                    .from(news_post::Entity)
                    .and_where(news_post::Column::SchoolId.eq(actor.school_id))
                    .to_owned(),
            ),
        )
        .to_owned();
    let reports = news_comment_report::Entity::find()
        .filter(news_comment_report::Column::CommentId.in_subquery(in_school))
        .order_by_asc(news_comment_report::Column::Id)
        .all(db)
        .await?;
    let comment_ids: Vec<i32> = reports.iter().map(|r| r.comment_id).collect();
    if comment_ids.is_empty() {
        return Ok(Vec::new());
    }
    let comments = news_comment::Entity::find()
        .filter(news_comment::Column::Id.is_in(comment_ids.clone()))
        .all(db)
        .await?;
    let post_ids: Vec<i32> = comments.iter().map(|c| c.post_id).collect();
    let posts: HashMap<i32, news_post::Model> = news_post::Entity::find()
        .filter(news_post::Column::Id.is_in(post_ids))
        .filter(news_post::Column::SchoolId.eq(actor.school_id))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| moderates(actor, p))
        .map(|p| (p.id, p))
        .collect();
    let mut order: Vec<i32> = Vec::new();
    for id in comment_ids {
        if !order.contains(&id) {
            order.push(id);
        }
    }
    let mut by_id: HashMap<i32, news_comment::Model> = comments
        .into_iter()
        .filter(|c| posts.contains_key(&c.post_id))
        .map(|c| (c.id, c))
        .collect();
    let kept: Vec<news_comment::Model> = order.iter().filter_map(|id| by_id.remove(id)).collect();
    let zone = actor.zone.clone();
    let post_of: Vec<i32> = kept.iter().map(|c| c.post_id).collect();
    let shown = described(db, actor, &zone, true, kept).await?;
    let classes = reader::class_names(db, posts.values()).await?;
    Ok(shown
        .into_iter()
        .zip(post_of)
        .map(|(comment, post_id)| {
            let post = &posts[&post_id];
            let class = post.class_id.and_then(|id| classes.get(&id)).cloned();
            ReportedComment {
                post_id,
                story: reader::story_name(&post.story, class, &[]),
                comment,
            }
        })
        .collect())
}

/// The posts `actor` looks after that families no longer see, newest first (of the latest 500
/// posts with tagged pupils).
pub async fn withheld_posts<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<super::WithheldPost>, AppError> {
    use sea_orm::sea_query::Query;
    let posts: Vec<news_post::Model> = news_post::Entity::find()
        .filter(news_post::Column::SchoolId.eq(actor.school_id))
        .filter(
            news_post::Column::Id.in_subquery(
                Query::select()
                    .column(crate::db::entities::news_post_pupil::Column::PostId)
                    .from(crate::db::entities::news_post_pupil::Entity)
                    .to_owned(),
            ),
        )
        .order_by_desc(news_post::Column::Id)
        .limit(500)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| moderates(actor, p))
        .collect();
    let broken = super::withheld::broken(db, &posts).await?;
    let zone = actor.zone.clone();
    let classes = reader::class_names(db, posts.iter()).await?;
    Ok(posts
        .into_iter()
        .filter_map(|post| {
            let names = broken.get(&post.id)?;
            let class = post.class_id.and_then(|id| classes.get(&id)).cloned();
            Some(super::WithheldPost {
                post_id: post.id,
                story: reader::story_dated(&post, class, &zone),
                reason: reader::withheld_reason(names),
            })
        })
        .collect())
}

/// The moderation queue's words.
pub fn moderation_words() -> ModerationWords {
    ModerationWords {
        heading: PerLocale::build(|l| msg!(l, "news-moderation")),
        empty: PerLocale::build(|l| msg!(l, "news-moderation-empty")),
        open: PerLocale::build(|l| msg!(l, "news-moderation-open")),
        withheld: PerLocale::build(|l| msg!(l, "news-withheld-heading")),
        actions: action_words(),
    }
}

/// What a post to `/news/{id}` asks for.
#[derive(Default)]
struct Sent {
    action: String,
    body: String,
    comment: Option<i32>,
    back: String,
    before: Option<i32>,
}

fn read_sent(pairs: Vec<(String, String)>) -> Sent {
    let mut sent = Sent::default();
    for (name, value) in pairs {
        match name.as_str() {
            "action" => sent.action = value,
            "body" => sent.body = value,
            "comment" => sent.comment = value.parse().ok(),
            "back" => sent.back = value,
            "before" => sent.before = value.parse().ok(),
            _ => {}
        }
    }
    sent
}

/// `POST /news/{id}`: like, unlike, comment, report, or (those who look after the post) hide,
/// show, keep or delete a comment, turn comments off or on, pin or delete the post.
pub async fn act(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    pairs: Vec<(String, String)>,
) -> Acted {
    match acted(state, current, id, read_sent(pairs)).await {
        Ok(Ok(to)) => Acted::Done(to),
        Ok(Err(page)) => Acted::Again(Box::new(Ok(*page))),
        Err(err) => Acted::Again(Box::new(Err(err))),
    }
}

/// Where to go after an action: back to the feed, the moderation queue or the post's comments.
fn back_to(sent: &Sent, id: i32) -> String {
    match sent.back.as_str() {
        "feed" => match sent.before {
            Some(before) => format!("{NEWS_PATH}?before={before}#post-{id}"),
            None => format!("{NEWS_PATH}#post-{id}"),
        },
        "moderation" => format!("{STAFF_NEWS_PATH}#reported"),
        _ => format!("{NEWS_PATH}/{id}#comments"),
    }
}

async fn acted(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    sent: Sent,
) -> Result<Result<String, Box<NewsPostPage>>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    allowed_scope(&actor.roles, Capability::NewsRead).ok_or(AppError::NotFound)?;
    let db = &state.db;
    let post = reader::readable(db, &actor, id).await?;
    let moderate = moderates(&actor, &post);
    let now = Utc::now();
    let done = Ok(back_to(&sent, id));
    match sent.action.as_str() {
        "like" => {
            news_like::Entity::insert(news_like::ActiveModel {
                post_id: Set(post.id),
                user_id: Set(actor.user_id),
                created_at: Set(now),
                ..Default::default()
            })
            .on_conflict_do_nothing_on([news_like::Column::PostId, news_like::Column::UserId])
            .exec_without_returning(db)
            .await?;
        }
        "unlike" => {
            news_like::Entity::delete_many()
                .filter(news_like::Column::PostId.eq(post.id))
                .filter(news_like::Column::UserId.eq(actor.user_id))
                .exec(db)
                .await?;
        }
        "comment" => {
            let refused = |problem: PerLocale<String>| {
                Box::pin(shown(
                    db,
                    &actor,
                    post.clone(),
                    sent.body.clone(),
                    Some(problem),
                ))
            };
            let (post_closed, class_closed) = closed(db, &post).await?;
            if post_closed || class_closed {
                let problem = PerLocale::build(|l| msg!(l, "news-comments-closed-refused"));
                return Ok(Err(Box::new(refused(problem).await?)));
            }
            let body = match comment_text::checked(&sent.body) {
                Ok(body) => body,
                Err(problem) => {
                    return Ok(Err(Box::new(refused(problem_text(problem)).await?)));
                }
            };
            let recent = news_comment::Entity::find()
                .filter(news_comment::Column::AuthorId.eq(actor.user_id))
                .filter(news_comment::Column::CreatedAt.gt(now - Duration::hours(1)))
                .count(db)
                .await?;
            if recent >= MAX_COMMENTS_PER_HOUR {
                let problem = PerLocale::build(|l| msg!(l, "news-comment-too-many"));
                return Ok(Err(Box::new(refused(problem).await?)));
            }
            news_comment::ActiveModel {
                post_id: Set(post.id),
                author_id: Set(actor.user_id),
                body: Set(body),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        "report" | "delete" | "hide" | "show" | "keep" => {
            let comment =
                news_comment::Entity::find_by_id(sent.comment.ok_or(AppError::BadRequest)?)
                    .filter(news_comment::Column::PostId.eq(post.id))
                    .one(db)
                    .await?
                    // Hidden comments are not there for families (their authors aside).
                    .filter(|c| moderate || c.hidden_at.is_none() || c.author_id == actor.user_id)
                    .ok_or(AppError::NotFound)?;
            let mine = comment.author_id == actor.user_id;
            match sent.action.as_str() {
                "report" if !mine => {
                    news_comment_report::Entity::insert(news_comment_report::ActiveModel {
                        comment_id: Set(comment.id),
                        reporter_id: Set(actor.user_id),
                        created_at: Set(now),
                        ..Default::default()
                    })
                    .on_conflict_do_nothing_on([
                        news_comment_report::Column::CommentId,
                        news_comment_report::Column::ReporterId,
                    ])
                    .exec_without_returning(db)
                    .await?;
                }
                "delete" if mine || moderate => {
                    news_comment_report::Entity::delete_many()
                        .filter(news_comment_report::Column::CommentId.eq(comment.id))
                        .exec(db)
                        .await?;
                    news_comment::Entity::delete_by_id(comment.id)
                        .exec(db)
                        .await?;
                    if moderate && !mine {
                        crate::audit::record(
                            db,
                            actor.school_id,
                            actor.user_id,
                            crate::audit::action::NEWS_COMMENT_DELETED,
                            ("news_comment", comment.id),
                            "",
                            now,
                        )
                        .await?;
                    }
                }
                "hide" | "show" if moderate => {
                    let hide = sent.action == "hide";
                    news_comment::Entity::update_many()
                        .col_expr(
                            news_comment::Column::HiddenAt,
                            Expr::value(hide.then_some(now)),
                        )
                        .col_expr(
                            news_comment::Column::HiddenBy,
                            Expr::value(hide.then_some(actor.user_id)),
                        )
                        .filter(news_comment::Column::Id.eq(comment.id))
                        .exec(db)
                        .await?;
                    // Dealt with: off the queue.
                    news_comment_report::Entity::delete_many()
                        .filter(news_comment_report::Column::CommentId.eq(comment.id))
                        .exec(db)
                        .await?;
                }
                "keep" if moderate => {
                    news_comment_report::Entity::delete_many()
                        .filter(news_comment_report::Column::CommentId.eq(comment.id))
                        .exec(db)
                        .await?;
                }
                // Reporting one's own comment, or staff actions by a family: refused as unknown.
                _ => return Err(AppError::NotFound),
            }
        }
        "close" | "open" | "close_class" | "open_class" if moderate => {
            let for_class = sent.action.ends_with("_class");
            let class_id = if for_class {
                Some(post.class_id.ok_or(AppError::BadRequest)?)
            } else {
                None
            };
            let matching = match class_id {
                Some(class) => news_comments_off::Column::ClassId.eq(class),
                None => news_comments_off::Column::PostId.eq(post.id),
            };
            news_comments_off::Entity::delete_many()
                .filter(matching)
                .exec(db)
                .await?;
            if sent.action.starts_with("close") {
                news_comments_off::ActiveModel {
                    school_id: Set(post.school_id),
                    post_id: Set((!for_class).then_some(post.id)),
                    class_id: Set(class_id),
                    set_by: Set(actor.user_id),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
        "pin" | "unpin" if moderate => {
            super::edits::pin(db, &post, sent.action == "pin", now).await?;
            return Ok(Ok(format!("{NEWS_PATH}/{id}#post-{id}")));
        }
        "delete_post" if moderate => {
            let photos = news_photo::Entity::find()
                .filter(news_photo::Column::PostId.eq(post.id))
                .all(db)
                .await?;
            let txn = db.begin().await?;
            // Its tags, photos, likes, comments, reports and views go with it.
            news_post::Entity::delete_by_id(post.id).exec(&txn).await?;
            // The entry keeps what was said and where: the post's history once it is gone.
            let detail = format!("{}: {}", post.story, post.body_source);
            crate::audit::record(
                &txn,
                actor.school_id,
                actor.user_id,
                crate::audit::action::NEWS_POST_DELETED,
                ("news_post", post.id),
                &detail,
                now,
            )
            .await?;
            txn.commit().await?;
            for photo in photos {
                super::photos::delete_sizes(state, &photo).await;
            }
            return Ok(Ok(match sent.back.as_str() {
                "moderation" => STAFF_NEWS_PATH.to_string(),
                _ => NEWS_PATH.to_string(),
            }));
        }
        // Unknown actions, and staff actions by those who do not look after the post.
        _ => return Err(AppError::NotFound),
    }
    Ok(done)
}

fn problem_text(problem: CommentProblem) -> PerLocale<String> {
    match problem {
        CommentProblem::Empty => PerLocale::build(|l| msg!(l, "news-comment-empty")),
        CommentProblem::TooLong => PerLocale::build(|l| {
            let most = comment_text::MAX_CHARS.to_string();
            msg!(l, "news-comment-too-long", most = most.as_str())
        }),
        CommentProblem::Link => PerLocale::build(|l| msg!(l, "news-comment-link")),
        CommentProblem::Unkind => PerLocale::build(|l| msg!(l, "news-comment-unkind")),
    }
}
