//! Editing, translating and pinning a post, by those who look after it (see
//! `comments::moderates`). The text and each translation are edited in one form; every text an
//! edit replaces is kept in `news_post_revision` and listed for the post's staff, families see
//! "Edited" with the time, and a translation the original has moved on from is marked out of
//! date until it is rewritten (the rule the notices follow). A pinned post heads its readers'
//! feeds; each story keeps at most [`MAX_PINNED`], so pinning another unpins the oldest.

use super::publish::MAX_BODY_CHARS;
use super::reader::People;
use super::{
    EarlierText, EditText, EditWords, NEWS_PATH, NewsEditPage, PostEdit, PostText, TextWords,
};
use crate::access::{Actor, Capability, CurrentActor, authorize};
use crate::db::entities::{news_photo, news_post, news_post_revision, news_post_translation};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::sanitized::SanitizedHtml;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

/// The most posts one story keeps pinned.
pub const MAX_PINNED: u64 = 3;

/// What a post to `/news/{id}/edit` came to.
pub enum Edited {
    /// Saved: where to send the browser.
    Done(String),
    /// The edit page again with why it was refused, or why it could not be shown.
    Again(Box<Result<NewsEditPage, AppError>>),
}

/// The edit page of post `id` for the signed-in member of staff who looks after it ("not
/// found" for anyone else); or the answer to the post this render shows.
pub async fn page(id: i32) -> Result<NewsEditPage, AppError> {
    if let Some(answer) = crate::posted::form(|p: &NewsEditPage| p.edit.problem.is_some()) {
        return answer;
    }
    let actor = authorize(Capability::NewsRead)?.actor;
    let state = crate::state::app_state()?;
    let post = looked_after(&state.db, &actor, id).await?;
    shown(&state.db, &actor, &post, None, None).await
}

/// Post `id` if `actor` may read it and looks after it.
async fn looked_after<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i32,
) -> Result<news_post::Model, AppError> {
    let post = super::reader::readable(db, actor, id).await?;
    if !super::comments::moderates(actor, &post) {
        return Err(AppError::NotFound);
    }
    Ok(post)
}

async fn shown<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    post: &news_post::Model,
    typed: Option<&[(String, String)]>,
    problem: Option<PerLocale<String>>,
) -> Result<NewsEditPage, AppError> {
    let zone = actor.zone.clone();
    let classes = super::reader::class_names(db, std::iter::once(post)).await?;
    let class = post.class_id.and_then(|id| classes.get(&id)).cloned();
    Ok(NewsEditPage {
        post_id: post.id,
        story: super::reader::story_dated(post, class, &zone),
        edit: form(db, &zone, post, typed, problem).await?,
        back: PerLocale::build(|l| msg!(l, "news-edit-back")),
    })
}

/// `POST /news/{id}/edit`: save the texts, or show the page again with why not and what was
/// typed.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    pairs: Vec<(String, String)>,
) -> Edited {
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let post = looked_after(&state.db, &actor, id).await?;
        let typed: Vec<(String, String)> = pairs
            .into_iter()
            .filter(|(name, _)| name.starts_with("text_") || name == "version")
            .collect();
        match save(&state.db, &actor, &post, &typed, Utc::now()).await? {
            None => Ok(Edited::Done(format!("{NEWS_PATH}/{id}#post-{id}"))),
            Some(problem) => {
                // Read again: after a conflict the form carries the latest version, so saving
                // once more (having looked at the post) goes through.
                let post = looked_after(&state.db, &actor, id).await?;
                let page = shown(&state.db, &actor, &post, Some(&typed), Some(problem)).await?;
                Ok(Edited::Again(Box::new(Ok(page))))
            }
        }
    }
    .await;
    result.unwrap_or_else(|err| Edited::Again(Box::new(Err(err))))
}

/// The version of `post`'s texts a form was filled from: the time of its last change, in
/// microseconds (every saved edit moves it).
fn version_of(post: &news_post::Model) -> i64 {
    post.updated_at.timestamp_micros()
}

/// The form field of `language`'s text.
fn field(language: &str) -> String {
    format!("text_{language}")
}

/// The language a post was written in (English for a tag no longer shipped).
fn original_language(post: &news_post::Model) -> Locale {
    Locale::from_tag(&post.language).unwrap_or(Locale::EnGb)
}

/// Each post's texts: the original first, then its translations by language, sanitized.
pub async fn texts<C: ConnectionTrait>(
    db: &C,
    posts: &[news_post::Model],
) -> Result<HashMap<i32, Vec<PostText>>, AppError> {
    let mut texts: HashMap<i32, Vec<PostText>> = posts
        .iter()
        .map(|post| {
            let original = PostText {
                language: post.language.clone(),
                body: SanitizedHtml::clean(&post.body_html),
                stale: false,
            };
            (post.id, vec![original])
        })
        .collect();
    let revisions: HashMap<i32, i32> = posts.iter().map(|p| (p.id, p.revision)).collect();
    let translations = news_post_translation::Entity::find()
        .filter(news_post_translation::Column::PostId.is_in(revisions.keys().copied()))
        .order_by_asc(news_post_translation::Column::Language)
        .all(db)
        .await?;
    for translation in translations {
        let Some(list) = texts.get_mut(&translation.post_id) else {
            continue;
        };
        list.push(PostText {
            language: translation.language,
            body: SanitizedHtml::clean(&translation.body_html),
            stale: revisions.get(&translation.post_id).copied().unwrap_or(0)
                > translation.source_revision,
        });
    }
    Ok(texts)
}

/// "Edited 3 December, 10:40", once the text has been changed.
pub fn edited(post: &news_post::Model, zone: &str) -> Option<PerLocale<String>> {
    let at = post.edited_at?;
    Some(PerLocale::build(|l| {
        let when = crate::dates::date_time(l, zone, at);
        msg!(l, "news-edited", when = when.as_str())
    }))
}

/// The words around a post's text.
pub fn text_words() -> TextWords {
    TextWords {
        pinned: PerLocale::build(|l| msg!(l, "news-pinned")),
        original: PerLocale::build(|l| msg!(l, "news-show-original")),
        stale: PerLocale::build(|l| msg!(l, "news-translation-stale")),
    }
}

/// "Pin to the top", "Unpin", and what pinning does.
pub fn pin_words() -> [PerLocale<String>; 3] {
    let most = MAX_PINNED.to_string();
    [
        PerLocale::build(|l| msg!(l, "news-pin")),
        PerLocale::build(|l| msg!(l, "news-unpin")),
        PerLocale::build(|l| msg!(l, "news-pin-hint", most = most.as_str())),
    ]
}

fn language_name(locale: Locale, tag: &str) -> String {
    crate::i18n::message_args(locale, &format!("language-name-{tag}"), &[])
}

/// The edit form of `post`: what is stored, or `typed` (field, text) when an edit was refused
/// for `problem`; and every earlier text.
async fn form<C: ConnectionTrait>(
    db: &C,
    zone: &str,
    post: &news_post::Model,
    typed: Option<&[(String, String)]>,
    problem: Option<PerLocale<String>>,
) -> Result<PostEdit, AppError> {
    let original = original_language(post);
    let stored = stored_translations(db, post.id).await?;
    let typed_text = |tag: &str| -> Option<String> {
        let name = field(tag);
        typed.map(|pairs| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    let mut texts = vec![EditText {
        language: original.tag().to_string(),
        label: PerLocale::build(|l| {
            let language = language_name(l, original.tag());
            msg!(l, "news-edit-original", language = language.as_str())
        }),
        typed: typed_text(original.tag()).unwrap_or_else(|| post.body_source.clone()),
        stale: false,
    }];
    for locale in Locale::ALL.into_iter().filter(|l| *l != original) {
        let tag = locale.tag();
        let existing = stored.get(tag);
        texts.push(EditText {
            language: tag.to_string(),
            label: PerLocale::build(|l| {
                let language = language_name(l, tag);
                msg!(l, "news-edit-translation", language = language.as_str())
            }),
            typed: typed_text(tag)
                .or_else(|| existing.map(|t| t.body_source.clone()))
                .unwrap_or_default(),
            stale: existing.is_some_and(|t| t.source_revision < post.revision),
        });
    }
    let earlier = news_post_revision::Entity::find()
        .filter(news_post_revision::Column::PostId.eq(post.id))
        .order_by_desc(news_post_revision::Column::Id)
        .all(db)
        .await?;
    let people = People::of(db, earlier.iter().map(|r| r.written_by).collect()).await?;
    let history = earlier
        .into_iter()
        .map(|r| {
            let author = people.name(r.written_by).0;
            let tag = r.language.clone();
            let (written, replaced) = (r.written_at, r.replaced_at);
            EarlierText {
                language: r.language,
                label: PerLocale::build(|l| {
                    let language = language_name(l, &tag);
                    let written = crate::dates::date_time(l, zone, written);
                    let replaced = crate::dates::date_time(l, zone, replaced);
                    msg!(
                        l,
                        "news-earlier-version",
                        language = language.as_str(),
                        author = author.as_str(),
                        written = written.as_str(),
                        replaced = replaced.as_str()
                    )
                }),
                body: r.body_source,
            }
        })
        .collect();
    Ok(PostEdit {
        version: version_of(post).to_string(),
        texts,
        problem,
        history,
        words: EditWords {
            heading: PerLocale::build(|l| msg!(l, "news-edit")),
            hint: PerLocale::build(|l| msg!(l, "news-edit-hint")),
            stale: PerLocale::build(|l| msg!(l, "news-edit-stale")),
            save: PerLocale::build(|l| msg!(l, "news-edit-save")),
            not_saved: PerLocale::build(|l| msg!(l, "news-edit-not-saved")),
            history: PerLocale::build(|l| msg!(l, "news-edit-history")),
        },
    })
}

/// Saves the texts `typed` (field, text, and the `version` the form was filled from) for
/// `post`: `Ok(Some(problem))` when refused, with nothing changed. Sending what is already
/// stored changes nothing and is no error. The texts replaced are kept as revisions.
async fn save(
    db: &DatabaseConnection,
    actor: &Actor,
    post: &news_post::Model,
    typed: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<Option<PerLocale<String>>, AppError> {
    let sent = |name: &str| -> Option<&str> {
        typed.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim())
    };
    let original = original_language(post);
    let body = sent(&field(original.tag())).unwrap_or_default().to_string();
    let translations: Vec<(Locale, String)> = Locale::ALL
        .into_iter()
        .filter(|l| *l != original)
        .map(|l| (l, sent(&field(l.tag())).unwrap_or_default().to_string()))
        .collect();
    let stored = stored_translations(db, post.id).await?;
    let stored_text = |locale: Locale| {
        stored
            .get(locale.tag())
            .map(|t| t.body_source.as_str())
            .unwrap_or_default()
    };
    if body == post.body_source && translations.iter().all(|(l, t)| stored_text(*l) == t) {
        return Ok(None);
    }
    let conflict = || Ok(Some(PerLocale::build(|l| msg!(l, "news-edit-conflict"))));
    let version = sent("version").and_then(|v| v.parse::<i64>().ok());
    if version != Some(version_of(post)) {
        return conflict();
    }
    if body.is_empty() {
        let photos = news_photo::Entity::find()
            .filter(news_photo::Column::PostId.eq(post.id))
            .count(db)
            .await?;
        if photos == 0 {
            return Ok(Some(PerLocale::build(|l| msg!(l, "news-error-empty"))));
        }
    }
    if std::iter::once(&body)
        .chain(translations.iter().map(|(_, t)| t))
        .any(|t| t.chars().count() > MAX_BODY_CHARS)
    {
        let most = MAX_BODY_CHARS.to_string();
        return Ok(Some(PerLocale::build(|l| {
            msg!(l, "news-edit-too-long", most = most.as_str())
        })));
    }

    let txn = db.begin().await?;
    // Claimed at the version the form was filled from: an edit saved by someone else since then
    // (or at the same moment) wins, and this one is refused with its text kept.
    let claimed = news_post::Entity::update_many()
        .col_expr(news_post::Column::UpdatedAt, Expr::value(now))
        .filter(news_post::Column::Id.eq(post.id))
        .filter(news_post::Column::UpdatedAt.eq(post.updated_at))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        return conflict();
    }
    let kept = |revision: i32, language: &str, body: &str, by: i32, at: DateTime<Utc>| {
        news_post_revision::ActiveModel {
            post_id: Set(post.id),
            revision: Set(revision),
            language: Set(language.to_string()),
            body_source: Set(body.to_string()),
            written_by: Set(by),
            written_at: Set(at),
            replaced_at: Set(now),
            ..Default::default()
        }
    };
    let mut revision = post.revision;
    if body != post.body_source {
        kept(
            post.revision,
            &post.language,
            &post.body_source,
            post.edited_by.unwrap_or(post.author_id),
            post.edited_at.unwrap_or(post.created_at),
        )
        .insert(&txn)
        .await?;
        revision += 1;
        news_post::Entity::update_many()
            .col_expr(
                news_post::Column::BodyHtml,
                Expr::value(crate::notices::rich_text::render(&body)),
            )
            .col_expr(news_post::Column::BodySource, Expr::value(body.clone()))
            .col_expr(news_post::Column::Revision, Expr::value(revision))
            .col_expr(news_post::Column::EditedAt, Expr::value(Some(now)))
            .col_expr(
                news_post::Column::EditedBy,
                Expr::value(Some(actor.user_id)),
            )
            .filter(news_post::Column::Id.eq(post.id))
            .exec(&txn)
            .await?;
    }
    for (locale, text) in translations {
        if let Some(old) = stored.get(locale.tag()) {
            if old.body_source == text {
                // Unchanged: it keeps the revision it was written for, out of date or not.
                continue;
            }
            kept(
                old.source_revision,
                &old.language,
                &old.body_source,
                old.updated_by,
                old.updated_at,
            )
            .insert(&txn)
            .await?;
            news_post_translation::Entity::delete_by_id(old.id)
                .exec(&txn)
                .await?;
        }
        if text.is_empty() {
            continue;
        }
        news_post_translation::ActiveModel {
            post_id: Set(post.id),
            language: Set(locale.tag().to_string()),
            body_html: Set(crate::notices::rich_text::render(&text)),
            body_source: Set(text),
            source_revision: Set(revision),
            updated_by: Set(actor.user_id),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::NEWS_POST_EDITED,
        ("news_post", post.id),
        &format!("revision {revision}"),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(None)
}

/// Pins `post` to the top of its readers' feeds, unpinning its story's oldest pin past
/// [`MAX_PINNED`]; or unpins it.
pub async fn pin(
    db: &DatabaseConnection,
    post: &news_post::Model,
    on: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    if on && post.pinned_at.is_none() {
        let same_story = news_post::Entity::find()
            .filter(news_post::Column::SchoolId.eq(post.school_id))
            .filter(news_post::Column::Story.eq(post.story.clone()))
            .filter(match post.class_id {
                Some(class) => news_post::Column::ClassId.eq(class),
                None => news_post::Column::ClassId.is_null(),
            })
            .filter(news_post::Column::PinnedAt.is_not_null())
            .order_by_asc(news_post::Column::PinnedAt)
            .all(&txn)
            .await?;
        let over = (same_story.len() as u64 + 1).saturating_sub(MAX_PINNED);
        let oldest: Vec<i32> = same_story
            .iter()
            .take(usize::try_from(over).unwrap_or(usize::MAX))
            .map(|p| p.id)
            .collect();
        if !oldest.is_empty() {
            news_post::Entity::update_many()
                .col_expr(
                    news_post::Column::PinnedAt,
                    Expr::value(None::<DateTime<Utc>>),
                )
                .filter(news_post::Column::Id.is_in(oldest))
                .exec(&txn)
                .await?;
        }
    }
    if on != post.pinned_at.is_some() {
        news_post::Entity::update_many()
            .col_expr(news_post::Column::PinnedAt, Expr::value(on.then_some(now)))
            .filter(news_post::Column::Id.eq(post.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The post's stored translations by language tag.
async fn stored_translations<C: ConnectionTrait>(
    db: &C,
    post_id: i32,
) -> Result<HashMap<String, news_post_translation::Model>, sea_orm::DbErr> {
    Ok(news_post_translation::Entity::find()
        .filter(news_post_translation::Column::PostId.eq(post_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.language.clone(), t))
        .collect())
}
