//! Staff posting to the newsfeed: the stories they may post to, the post form, and its checks —
//! above all photo consent: a post with photos is refused while a tagged pupil's consent does not
//! reach as far as the post, with the reason and the ways out beside the tags.

use super::consent::{self, Reach};
use super::photo::{self, BlurBox, PhotoProblem};
use super::photos;
use super::reader::shown_photos;
use super::{
    MAX_PHOTOS, NewsFields, NewsForm, NewsFormWords, NewsPhoto, NewsStories, PhotoRefusal,
    StoryChoice, TagChoice, TagGroup, story,
};
use crate::access::{Actor, Capability, CurrentActor, Scope, allowed_scope};
use crate::audience::resolve::current_year;
use crate::db::entities::{class, enrolment, news_photo, news_post, news_post_pupil, pupil};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::FormProblem;
use crate::notices::staff::compose::typed::problem;
use crate::roster::PhotoConsent;
use crate::state::AppState;
use crate::storage::upload::Upload;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

/// The longest post text, in characters.
pub const MAX_BODY_CHARS: usize = 10_000;
/// The address segment of the school story.
const SCHOOL_SEGMENT: &str = "school";

/// Where a post goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    School,
    Class(i32),
}

impl Target {
    fn parse(segment: &str) -> Result<Self, AppError> {
        if segment == SCHOOL_SEGMENT {
            return Ok(Target::School);
        }
        segment
            .strip_prefix('c')
            .and_then(|id| id.parse().ok())
            .map(Target::Class)
            .ok_or(AppError::NotFound)
    }

    fn segment(self) -> String {
        match self {
            Target::School => SCHOOL_SEGMENT.to_string(),
            Target::Class(id) => format!("c{id}"),
        }
    }
}

/// What a post came to: published, or the form again.
pub enum Submitted {
    /// Published.
    Done,
    /// The form with its problems, or why it could not be shown.
    Again(Box<Result<NewsForm, AppError>>),
}

/// The current year's classes `actor` may post to, by name.
async fn postable_classes<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<class::Model>, AppError> {
    let Some(scope) = allowed_scope(&actor.roles, Capability::NewsPostClass) else {
        return Ok(Vec::new());
    };
    let Some(year) = current_year(db, actor.school_id).await? else {
        return Ok(Vec::new());
    };
    let mut query = class::Entity::find()
        .filter(class::Column::SchoolId.eq(actor.school_id))
        .filter(class::Column::AcademicYearId.eq(year.id));
    if scope != Scope::WholeSchool {
        query = query.filter(class::Column::Id.is_in(actor.classes.clone()));
    }
    Ok(query.order_by_asc(class::Column::Name).all(db).await?)
}

fn may_post_school(actor: &Actor) -> bool {
    allowed_scope(&actor.roles, Capability::NewsPostSchool) == Some(Scope::WholeSchool)
}

/// The stories the signed-in member of staff may post to; none is "not found".
pub async fn stories() -> Result<NewsStories, AppError> {
    let actor = crate::access::current_actor()?;
    let state = crate::state::app_state()?;
    let mut stories = Vec::new();
    if may_post_school(&actor) {
        stories.push(StoryChoice {
            segment: Target::School.segment(),
            name: PerLocale::build(|l| msg!(l, "news-story-school")),
        });
    }
    for class in postable_classes(&state.db, &actor).await? {
        let name = class.name;
        stories.push(StoryChoice {
            segment: Target::Class(class.id).segment(),
            name: PerLocale::build(|l| msg!(l, "news-story-class", class = name.as_str())),
        });
    }
    if stories.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(NewsStories {
        stories,
        intro: PerLocale::build(|l| msg!(l, "news-choose-story")),
        see_feed: PerLocale::build(|l| msg!(l, "news-see-feed")),
        reported: super::comments::reported(&state.db, &actor).await?,
        withheld: super::comments::withheld_posts(&state.db, &actor).await?,
        moderation: super::comments::moderation_words(),
    })
}

/// The story `target` if `actor` may post to it: its name and, for a class, the class.
async fn story_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    target: Target,
) -> Result<(PerLocale<String>, Option<class::Model>), AppError> {
    match target {
        Target::School if may_post_school(actor) => {
            Ok((PerLocale::build(|l| msg!(l, "news-story-school")), None))
        }
        Target::School => Err(AppError::NotFound),
        Target::Class(id) => {
            let class = postable_classes(db, actor)
                .await?
                .into_iter()
                .find(|c| c.id == id)
                .ok_or(AppError::NotFound)?;
            let name = class.name.clone();
            Ok((
                PerLocale::build(|l| msg!(l, "news-story-class", class = name.as_str())),
                Some(class),
            ))
        }
    }
}

/// A pupil who may be tagged, with their consent.
struct Taggable {
    name: String,
    consent: PhotoConsent,
}

/// The pupils a post to `target` may tag (the class's, or the school's this year), by class.
async fn taggable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    class: Option<&class::Model>,
) -> Result<Vec<(String, Vec<(i32, Taggable)>)>, AppError> {
    let classes: Vec<class::Model> = match class {
        Some(class) => vec![class.clone()],
        None => match current_year(db, actor.school_id).await? {
            Some(year) => {
                class::Entity::find()
                    .filter(class::Column::SchoolId.eq(actor.school_id))
                    .filter(class::Column::AcademicYearId.eq(year.id))
                    .order_by_asc(class::Column::Name)
                    .all(db)
                    .await?
            }
            None => Vec::new(),
        },
    };
    let class_ids: Vec<i32> = classes.iter().map(|c| c.id).collect();
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::ClassId.is_in(class_ids))
        .all(db)
        .await?;
    let pupil_ids: Vec<i32> = enrolled.iter().map(|e| e.pupil_id).collect();
    let pupils: HashMap<i32, pupil::Model> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupil_ids))
        .filter(pupil::Column::SchoolId.eq(actor.school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut groups = Vec::new();
    for class in classes {
        let mut members: Vec<(i32, Taggable)> = enrolled
            .iter()
            .filter(|e| e.class_id == Some(class.id))
            .filter_map(|e| pupils.get(&e.pupil_id))
            .map(|p| {
                let consent =
                    PhotoConsent::from_code(&p.photo_consent).unwrap_or(PhotoConsent::None);
                let name = crate::roster::display_name(p);
                (p.id, Taggable { name, consent })
            })
            .collect();
        members.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        groups.push((class.name, members));
    }
    Ok(groups)
}

/// A consent level's name, as the tag list shows it.
pub fn consent_name(locale: Locale, consent: PhotoConsent) -> String {
    match consent {
        PhotoConsent::None => msg!(locale, "news-consent-none"),
        PhotoConsent::OwnPortfolio => msg!(locale, "news-consent-portfolio"),
        PhotoConsent::Class => msg!(locale, "news-consent-class"),
        PhotoConsent::WholeSchool => msg!(locale, "news-consent-school"),
        PhotoConsent::Public => msg!(locale, "news-consent-public"),
    }
}

/// Who a post of `reach` is seen by, for the consent problem.
fn reach_name(locale: Locale, reach: Reach) -> String {
    match reach {
        Reach::OwnPortfolio => msg!(locale, "news-reach-own-portfolio"),
        Reach::SharedPortfolio => msg!(locale, "news-reach-shared-portfolio"),
        Reach::Class => msg!(locale, "news-reach-class"),
        Reach::School => msg!(locale, "news-reach-school"),
        Reach::Public => msg!(locale, "news-reach-public"),
    }
}

fn groups_for(taggable: &[(String, Vec<(i32, Taggable)>)]) -> Vec<TagGroup> {
    taggable
        .iter()
        .map(|(class, pupils)| TagGroup {
            class: class.clone(),
            pupils: pupils
                .iter()
                .map(|(id, p)| {
                    let consent = p.consent;
                    TagChoice {
                        id: *id,
                        name: p.name.clone(),
                        consent: PerLocale::build(|l| consent_name(l, consent)),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The post form for `segment`, or the answer to the post this render shows.
pub async fn load(segment: &str) -> Result<NewsForm, AppError> {
    if let Some(answer) = crate::posted::form(|f: &NewsForm| !f.problems.is_empty()) {
        return answer;
    }
    let actor = crate::access::current_actor()?;
    let state = crate::state::app_state()?;
    let target = Target::parse(segment)?;
    let (story, class) = story_for(&state.db, &actor, target).await?;
    let taggable = taggable(&state.db, &actor, class.as_ref()).await?;
    Ok(NewsForm {
        segment: target.segment(),
        heading: heading(&story),
        fields: NewsFields::default(),
        groups: groups_for(&taggable),
        photos: Vec::new(),
        removed: Vec::new(),
        problems: Vec::new(),
        portfolios: class.is_some(),
        words: words(),
    })
}

/// `POST /admin/news/{story}`: check and publish a post, or give the form back with why not.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    segment: &str,
    language: Locale,
    pairs: Vec<(String, String)>,
    uploads: Vec<Upload>,
) -> Submitted {
    match act(state, current, segment, language, pairs, uploads).await {
        Ok(None) => Submitted::Done,
        Ok(Some(form)) => Submitted::Again(Box::new(Ok(form))),
        Err(err) => Submitted::Again(Box::new(Err(err))),
    }
}

/// The most photos one member of staff may hold for forms at once (a form holds at most
/// [`MAX_PHOTOS`]; the rest are forms left open or abandoned, swept after a day).
const MAX_HELD: u64 = 3 * MAX_PHOTOS as u64;

/// `POST /admin/news/{story}/photo`: one photo sent on its own by the post form's script, so a
/// post's photos go one request each (with their own progress and retry) instead of all in the
/// post. Held for the uploader's form like a photo sent with the post.
pub async fn upload(
    state: &AppState,
    current: &CurrentActor,
    segment: &str,
    uploads: Vec<Upload>,
) -> Result<NewsPhoto, (http::StatusCode, PhotoRefusal)> {
    let refused = |err: AppError| {
        (
            err.status(),
            PhotoRefusal {
                message: PerLocale::build(|l| err.message(l)),
            },
        )
    };
    let actor = current
        .0
        .clone()
        .ok_or(AppError::SignInRequired)
        .map_err(refused)?;
    let target = Target::parse(segment).map_err(refused)?;
    story_for(&state.db, &actor, target)
        .await
        .map_err(refused)?;
    let [upload] = <[Upload; 1]>::try_from(uploads).map_err(|_| refused(AppError::BadRequest))?;
    let name = crate::storage::upload::clean_name(&upload.name);
    photos::sweep(state, Utc::now()).await.map_err(refused)?;
    let held = news_photo::Entity::find()
        .filter(news_photo::Column::PostId.is_null())
        .filter(news_photo::Column::UploadedBy.eq(actor.user_id))
        .count(&state.db)
        .await
        .map_err(|e| refused(e.into()))?;
    if held >= MAX_HELD {
        let most = MAX_PHOTOS.to_string();
        return Err((
            http::StatusCode::BAD_REQUEST,
            PhotoRefusal {
                message: PerLocale::build(|l| {
                    msg!(
                        l,
                        "news-photo-too-many",
                        file = name.as_str(),
                        most = most.as_str()
                    )
                }),
            },
        ));
    }
    let processed = photo::process_blocking(upload.bytes)
        .await
        .map_err(|problem| {
            (
                http::StatusCode::BAD_REQUEST,
                PhotoRefusal {
                    message: photo_problem(problem, &name).text,
                },
            )
        })?;
    let kept = photos::hold(state, &actor, processed)
        .await
        .map_err(refused)?;
    shown_photos(std::slice::from_ref(&kept))
        .pop()
        .ok_or_else(|| refused(AppError::Internal))
}

/// The form's fields, the held photos it carries and those ticked for removal.
/// What a post sends besides the typed fields: the photos it carries and what to do with them.
#[derive(Default)]
struct Sent {
    held: Vec<i32>,
    removed: Vec<i32>,
    /// Per photo, the box to blur as typed: left, top, width, height in percent.
    boxes: HashMap<i32, [String; 4]>,
    /// "blur" blurs the marked areas and shows the form again; anything else publishes.
    action: String,
}

fn read_fields(pairs: Vec<(String, String)>) -> (NewsFields, Sent) {
    let mut fields = NewsFields::default();
    let mut sent = Sent::default();
    for (name, value) in pairs {
        match name.as_str() {
            "body" => fields.body = value,
            "tag" => fields.tagged.extend(value.parse::<i32>().ok()),
            "portfolio" => fields.portfolio = true,
            "held_photo" => sent.held.extend(value.parse::<i32>().ok()),
            "remove_photo" => sent.removed.extend(value.parse::<i32>().ok()),
            "action" => sent.action = value,
            _ => {
                // blur_x_12, blur_y_12, blur_w_12, blur_h_12
                let Some((side, id)) = name
                    .strip_prefix("blur_")
                    .and_then(|rest| rest.split_once('_'))
                else {
                    continue;
                };
                let (Some(at), Ok(id)) = (
                    ["x", "y", "w", "h"].iter().position(|s| *s == side),
                    id.parse(),
                ) else {
                    continue;
                };
                sent.boxes.entry(id).or_default()[at] = value;
            }
        }
    }
    fields.tagged.sort_unstable();
    fields.tagged.dedup();
    (fields, sent)
}

/// A box typed as four percentages: `Ok(None)` when left empty, an error when not four numbers
/// from 0 to 100 that make a box.
fn blur_box(typed: &[String; 4]) -> Result<Option<BlurBox>, ()> {
    if typed.iter().all(|v| v.trim().is_empty()) {
        return Ok(None);
    }
    let mut thousandths = [0u32; 4];
    for (value, out) in typed.iter().zip(thousandths.iter_mut()) {
        let percent: f64 = value.trim().replace(',', ".").parse().map_err(|_| ())?;
        if !(0.0..=100.0).contains(&percent) {
            return Err(());
        }
        *out = (percent * 10.0).round() as u32;
    }
    let [x, y, width, height] = thousandths;
    if width == 0 || height == 0 {
        return Err(());
    }
    Ok(Some(BlurBox {
        x,
        y,
        width,
        height,
    }))
}

async fn act(
    state: &AppState,
    current: &CurrentActor,
    segment: &str,
    language: Locale,
    pairs: Vec<(String, String)>,
    uploads: Vec<Upload>,
) -> Result<Option<NewsForm>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let target = Target::parse(segment)?;
    let (story_name, class) = story_for(&state.db, &actor, target).await?;
    let (mut fields, sent) = read_fields(pairs);
    let mut problems: Vec<FormProblem> = Vec::new();

    let (dropped, held): (Vec<news_photo::Model>, Vec<news_photo::Model>) =
        photos::held(state, &actor, &sent.held)
            .await?
            .into_iter()
            .partition(|p| sent.removed.contains(&p.id));
    photos::delete(state, dropped).await?;
    // Marked areas are blurred at once, in every size, whatever else the post comes to.
    let mut kept = Vec::new();
    for (index, photo) in held.into_iter().enumerate() {
        let typed = sent.boxes.get(&photo.id).cloned().unwrap_or_default();
        match blur_box(&typed) {
            Ok(Some(area)) => kept.push(photos::blur(state, photo, vec![area]).await?),
            Ok(None) => kept.push(photo),
            Err(()) => {
                let number = (index + 1).to_string();
                problems.push(problem("photo", |l| {
                    msg!(l, "news-blur-invalid", number = number.as_str())
                }));
                kept.push(photo);
            }
        }
    }
    if !uploads.is_empty() {
        photos::sweep(state, Utc::now()).await?;
    }
    for upload in uploads {
        let name = crate::storage::upload::clean_name(&upload.name);
        if kept.len() >= MAX_PHOTOS {
            let most = MAX_PHOTOS.to_string();
            problems.push(problem("photo", |l| {
                msg!(
                    l,
                    "news-photo-too-many",
                    file = name.as_str(),
                    most = most.as_str()
                )
            }));
            continue;
        }
        match photo::process_blocking(upload.bytes).await {
            Ok(processed) => kept.push(photos::hold(state, &actor, processed).await?),
            Err(refused) => problems.push(photo_problem(refused, &name)),
        }
    }

    let taggable = taggable(&state.db, &actor, class.as_ref()).await?;
    // The form again with what was sent, its photos as they now are, and `problems`.
    let again = |fields: NewsFields, problems: Vec<FormProblem>| NewsForm {
        segment: target.segment(),
        heading: heading(&story_name),
        fields,
        groups: groups_for(&taggable),
        photos: shown_photos(&kept),
        removed: Vec::new(),
        problems,
        portfolios: class.is_some(),
        words: words(),
    };
    if sent.action == "blur" && problems.is_empty() {
        // Blurred: the form again, to look at the photos before publishing.
        return Ok(Some(again(fields, problems)));
    }
    let known: HashMap<i32, &Taggable> = taggable
        .iter()
        .flat_map(|(_, pupils)| pupils.iter().map(|(id, p)| (*id, p)))
        .collect();
    // Only pupils the form offered can be tagged, whatever the post says.
    fields.tagged.retain(|id| known.contains_key(id));
    fields.portfolio &= class.is_some();

    let body = fields.body.trim().to_string();
    if body.is_empty() && kept.is_empty() {
        problems.push(problem("body", |l| msg!(l, "news-error-empty")));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        problems.push(problem("body", |l| msg!(l, "error-field-too-long")));
    }
    if fields.portfolio && fields.tagged.is_empty() {
        problems.push(problem("tag", |l| msg!(l, "news-error-portfolio-untagged")));
    }
    if !kept.is_empty() {
        let reach = match (target, fields.portfolio) {
            (Target::School, _) => Reach::School,
            (Target::Class(_), false) => Reach::Class,
            (Target::Class(_), true) if fields.tagged.len() == 1 => Reach::OwnPortfolio,
            (Target::Class(_), true) => Reach::SharedPortfolio,
        };
        for id in &fields.tagged {
            let Some(pupil) = known.get(id) else { continue };
            if !consent::allows(pupil.consent, reach) {
                let name = pupil.name.clone();
                let consent = pupil.consent;
                problems.push(problem("tag", |l| {
                    let consent = consent_name(l, consent);
                    let reach = reach_name(l, reach);
                    msg!(
                        l,
                        "news-consent-blocked",
                        pupil = name.as_str(),
                        consent = consent.as_str(),
                        reach = reach.as_str()
                    )
                }));
            }
        }
    }

    if !problems.is_empty() {
        return Ok(Some(again(fields, problems)));
    }

    let year = match &class {
        Some(class) => class.academic_year_id,
        None => {
            current_year(&state.db, actor.school_id)
                .await?
                .ok_or(AppError::BadRequest)?
                .id
        }
    };
    let now = Utc::now();
    let kind = match (target, fields.portfolio) {
        (Target::School, _) => story::SCHOOL,
        (Target::Class(_), false) => story::CLASS,
        (Target::Class(_), true) => story::PORTFOLIO,
    };
    let txn = state.db.begin().await?;
    let saved = news_post::ActiveModel {
        school_id: Set(actor.school_id),
        author_id: Set(actor.user_id),
        story: Set(kind.to_string()),
        class_id: Set(class.as_ref().map(|c| c.id)),
        academic_year_id: Set(year),
        body_html: Set(crate::notices::rich_text::render(&body)),
        body_source: Set(body),
        created_at: Set(now),
        updated_at: Set(now),
        language: Set(language.tag().to_string()),
        revision: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for pupil_id in &fields.tagged {
        news_post_pupil::ActiveModel {
            post_id: Set(saved.id),
            pupil_id: Set(*pupil_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (position, photo) in kept.iter().enumerate() {
        news_photo::Entity::update_many()
            .col_expr(news_photo::Column::PostId, Expr::value(saved.id))
            .col_expr(
                news_photo::Column::Position,
                Expr::value(i32::try_from(position).unwrap_or(i32::MAX)),
            )
            .filter(news_photo::Column::Id.eq(photo.id))
            .exec(&txn)
            .await?;
    }
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::NEWS_POSTED,
        ("news_post", saved.id),
        kind,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(None)
}

fn photo_problem(refused: PhotoProblem, file: &str) -> FormProblem {
    problem("photo", |l| refused.message(l, file))
}

/// "Post to Class 3A", in each language.
fn heading(story: &PerLocale<String>) -> PerLocale<String> {
    PerLocale::build(|l| {
        let story = story.text(l);
        msg!(l, "news-post-to", story = story.as_str())
    })
}

/// The post form's words.
fn words() -> NewsFormWords {
    let most = MAX_PHOTOS.to_string();
    NewsFormWords {
        not_posted: PerLocale::build(|l| msg!(l, "news-not-posted")),
        body: PerLocale::build(|l| msg!(l, "news-body")),
        photos: PerLocale::build(|l| msg!(l, "news-photos")),
        remove: PerLocale::build(|l| msg!(l, "news-photo-remove")),
        add: PerLocale::build(|l| msg!(l, "news-photo-add")),
        add_hint: PerLocale::build(|l| msg!(l, "news-photo-hint", most = most.as_str())),
        tags: PerLocale::build(|l| msg!(l, "news-tags")),
        tags_hint: PerLocale::build(|l| msg!(l, "news-tags-hint")),
        portfolio_only: PerLocale::build(|l| msg!(l, "news-portfolio-only")),
        publish: PerLocale::build(|l| msg!(l, "news-publish")),
        blur: PerLocale::build(|l| msg!(l, "news-blur")),
        blur_hint: PerLocale::build(|l| msg!(l, "news-blur-hint")),
        blur_sides: [
            PerLocale::build(|l| msg!(l, "news-blur-left")),
            PerLocale::build(|l| msg!(l, "news-blur-top")),
            PerLocale::build(|l| msg!(l, "news-blur-width")),
            PerLocale::build(|l| msg!(l, "news-blur-height")),
        ],
        blur_button: PerLocale::build(|l| msg!(l, "news-blur-button")),
        sending: PerLocale::build(|l| msg!(l, "news-photo-sending")),
        send_failed: PerLocale::build(|l| msg!(l, "news-photo-send-failed")),
        retry: PerLocale::build(|l| msg!(l, "news-photo-retry")),
        leave_out: PerLocale::build(|l| msg!(l, "news-photo-leave-out")),
    }
}
