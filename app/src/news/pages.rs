//! `/news`: the family's newsfeed — the school story, their children's class stories and
//! portfolios, newest first, a page at a time (`?before=` the last post shown, so it works
//! without JavaScript too). One lazily loaded route. Photos reserve their box before they load
//! and come at the width the phone needs.

use super::more_posts::MorePosts;
use super::{
    FeedWords, NEWS_PATH, NewsFeed, NewsPhoto, NewsPost, STAFF_NEWS_PATH, TextWords, photo_href,
    webp_href,
};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::PerLocale;
use crate::i18n::{I18n, dir_of, localized};
use crate::notices::dto::for_reader;
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, loaded_as, page_resource};
use crate::sanitized::SanitizedBody;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// The photo's share of a phone's width, or of the feed's column on a wider screen.
const PHOTO_SIZES: &str = "(min-width: 46rem) 42rem, 100vw";

/// A lazily loaded route: the feed's code comes in its own wasm chunk, fetched side by side with
/// its first page.
pub struct NewsRoute {
    feed: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for NewsRoute {
    fn data() -> Self {
        let query = use_query_map();
        let before = move || query.with(|q| q.get("before").and_then(|b| b.parse().ok()));
        Self {
            feed: page_resource(PageName::News, move || (before(), None)),
        }
    }

    fn view(this: Self) -> AnyView {
        let i18n = I18n::expect();
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-news")/>
            <h1>{t!(i18n, "nav-news")}</h1>
            {loaded_as(this.feed, |feed: NewsFeed| view! { <Feed feed/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Feed(feed: NewsFeed) -> impl IntoView {
    let i18n = I18n::expect();
    let post_link = feed.can_post.then(|| {
        view! { <p><a class="button" href=STAFF_NEWS_PATH>{t!(i18n, "news-post-title")}</a></p> }
    });
    let words = feed.words;
    let more = MorePosts::new(feed.older);
    let posts = if feed.posts.is_empty() {
        view! { <p class="empty-state">{localized(i18n, words.empty.clone())}</p> }.into_any_now()
    } else {
        let before = use_query_map().with_untracked(|q| q.get("before"));
        feed.posts
            .into_iter()
            .enumerate()
            .map(|(index, post)| feed_post(i18n, post, &words, before.clone(), index == 0))
            .collect_view()
            .into_any_now()
    };
    let appended = {
        let words = words.clone();
        more.posts(move |post, before| {
            feed_post(i18n, post, &words, Some(before.to_string()), false)
        })
    };
    view! {
        <p class="news-reminder">{localized(i18n, words.reminder.clone())}</p>
        {post_link}
        <div class="news-feed">{posts}{appended}</div>
        {more.link(i18n, words.older)}
    }
}

/// A post in the feed, its like button bringing the reader back to the page of the feed it was
/// on (`before`).
fn feed_post(
    i18n: I18n,
    post: NewsPost,
    words: &FeedWords,
    before: Option<String>,
    top: bool,
) -> AnyView {
    let id = post.id;
    let back = view! {
        <input type="hidden" name="back" value="feed"/>
        {before.map(|b| view! { <input type="hidden" name="before" value=b/> })}
    }
    .into_any_now();
    let footer = view! {
        <div class="news-post__actions">
            {like_form(i18n, id, post.liked, words.like.clone(), post.likes.clone(), back)}
            <a class="button button--secondary news-post__comments"
                href=format!("{NEWS_PATH}/{id}#comments")>{localized(i18n, post.comments.clone())}</a>
        </div>
    }
    .into_any_now();
    post_view(i18n, post, &words.text, footer, top)
}

/// A post as the feed and its own page show it, with `footer` (likes, comments) at its end.
/// The text follows the reader's language: their translation when there is one (the original
/// a tap away), else the original. The `top` post's first photo is fetched at once: it is what
/// a phone shows first, so waiting for layout to find it would delay the page's largest paint.
pub(super) fn post_view(
    i18n: I18n,
    post: NewsPost,
    words: &TextWords,
    footer: AnyView,
    top: bool,
) -> AnyView {
    let photos = (!post.photos.is_empty()).then(|| {
        let items = post
            .photos
            .into_iter()
            .enumerate()
            .map(|(index, photo)| photo_view(i18n, photo, top && index == 0))
            .collect_view();
        view! { <div class="news-photos">{items}</div> }
    });
    let withheld = post.withheld.map(|why| {
        view! { <p class="news-post__withheld" role="note">{localized(i18n, why)}</p> }
    });
    let tagged = post.children.map(|children| {
        view! { <p class="news-post__children">{localized(i18n, children)}</p> }
    });
    let pinned = post.pinned.then(|| {
        view! { <span class="badge news-post__pinned">{localized(i18n, words.pinned.clone())}</span>" " }
    });
    let edited = post
        .edited
        .map(|edited| view! { " · "{localized(i18n, edited)} });
    let texts = post.texts;
    let (stale_note, original_label) = (words.stale.clone(), words.original.clone());
    let text = move || {
        let shown = for_reader(&texts, i18n.locale()).cloned();
        let original = texts
            .first()
            .filter(|o| shown.as_ref().is_some_and(|s| s.language != o.language))
            .cloned();
        let stale = shown.as_ref().is_some_and(|s| s.stale);
        let (stale_note, original_label) = (stale_note.clone(), original_label.clone());
        view! {
            {stale.then(|| view! { <p class="news-post__stale" role="note">{localized(i18n, stale_note)}</p> })}
            {shown.map(|t| view! { <div class="news-post__text" dir=dir_of(&t.language) lang=t.language><SanitizedBody body=t.body/></div> })}
            {original.map(|o| view! {
                <details class="news-post__original">
                    <summary>{localized(i18n, original_label)}</summary>
                    <div dir=dir_of(&o.language) lang=o.language><SanitizedBody body=o.body/></div>
                </details>
            })}
        }
    };
    view! {
        <article class="news-post" id=format!("post-{}", post.id)>
            <header class="news-post__head">
                <h2 class="news-post__story">{pinned}{localized(i18n, post.story)}</h2>
                <p class="news-post__meta">{post.author}" · "{localized(i18n, post.when)}{edited}</p>
            </header>
            {withheld}
            {text}
            {photos}
            {tagged}
            {footer}
        </article>
    }
    .into_any_now()
}

/// The like button (a form, so it works without JavaScript) and the like count. `back` holds the
/// hidden fields that bring the reader back to where they pressed it.
pub(super) fn like_form(
    i18n: I18n,
    id: i32,
    liked: bool,
    words: [PerLocale<String>; 2],
    likes: PerLocale<String>,
    back: AnyView,
) -> AnyView {
    let [like, unlike] = words;
    let (action, label) = if liked {
        ("unlike", unlike)
    } else {
        ("like", like)
    };
    view! {
        <form method="post" action=format!("{NEWS_PATH}/{id}") class="news-like">
            {back}
            <button class="button button--secondary news-like__button" type="submit" name="action"
                value=action aria-pressed=if liked { "true" } else { "false" }>
                <span aria-hidden="true">{if liked { "\u{2665} " } else { "\u{2661} " }}</span>
                {localized(i18n, label)}
            </button>
            <span class="news-like__count">{localized(i18n, likes)}</span>
        </form>
    }
    .into_any_now()
}

/// A photo at the width the screen needs, its box reserved by its proportions; loaded when
/// scrolled near unless `eager`.
fn photo_view(i18n: I18n, photo: NewsPhoto, eager: bool) -> AnyView {
    let srcset = |href: fn(i32, u32) -> String| {
        photo
            .widths
            .iter()
            .map(|w| format!("{} {w}w", href(photo.id, *w)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A browser that reads WebP (every one a parent's phone runs) takes it: a third smaller.
    let webp = photo.webp.then(|| {
        view! { <source type="image/webp" srcset=srcset(webp_href) sizes=PHOTO_SIZES/> }
    });
    // The middle width suits most phones; a browser without srcset gets that.
    let fallback = photo
        .widths
        .get(photo.widths.len() / 2)
        .copied()
        .unwrap_or(photo.width);
    view! {
        <picture class="news-picture">
            {webp}
            <img class="news-photo" src=photo_href(photo.id, fallback) srcset=srcset(photo_href)
                sizes=PHOTO_SIZES width=photo.width height=photo.height
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=if eager { "high" } else { "auto" } decoding="async"
                alt=localized(i18n, photo.alt)/>
        </picture>
    }
    .into_any_now()
}
