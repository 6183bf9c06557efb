//! `/news/:id`: one post with its comments — like, comment, report a comment; for the staff who
//! look after the post, hide, delete, keep, turn comments off, and the post's figures. Every
//! button is a form posting to the page's own address, so it all works without JavaScript, and a
//! refused comment comes back in its box with the reason. One lazily loaded route.

use super::pages::{like_form, post_view};
use super::{CommentActionWords, NEWS_PATH, NewsComment, NewsPostPage};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::layout::TextArea;
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, address_id, loaded_as, page_resource};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: the post page's code in its own chunk, fetched beside the post.
pub struct NewsPostRoute {
    page: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for NewsPostRoute {
    fn data() -> Self {
        let id = address_id();
        Self {
            page: page_resource(PageName::NewsPost, move || (id(), None)),
        }
    }

    fn view(this: Self) -> AnyView {
        let i18n = I18n::expect();
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-news")/>
            <h1>{t!(i18n, "nav-news")}</h1>
            {loaded_as(this.page, |page: NewsPostPage| view! { <PostPage page/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn PostPage(page: NewsPostPage) -> impl IntoView {
    let i18n = I18n::expect();
    let NewsPostPage {
        post,
        comments,
        open,
        typed,
        problem,
        moderate,
        class_closed,
        figures,
        words,
    } = page;
    let id = post.id;
    let action = format!("{NEWS_PATH}/{id}");
    let footer = view! {
        <div class="news-post__actions">
            {like_form(i18n, id, post.liked, words.like.clone(), post.likes.clone(), ().into_any_now())}
        </div>
        {figures.map(|f| view! { <p class="news-post__figures">{localized(i18n, f)}</p> })}
    }
    .into_any_now();
    let switches = moderate.then(|| {
        let post_label = if open {
            words.close_post[0].clone()
        } else {
            words.close_post[1].clone()
        };
        let class_switch = class_closed.map(|closed| {
            let (value, label) = if closed {
                ("open_class", words.close_class[1].clone())
            } else {
                ("close_class", words.close_class[0].clone())
            };
            view! {
                <button class="button button--secondary" type="submit" name="action" value=value>
                    {localized(i18n, label)}
                </button>
            }
        });
        // With the class's switch on, the post's own switch changes nothing families see.
        let post_switch = (class_closed != Some(true)).then(|| {
            view! {
                <button class="button button--secondary" type="submit" name="action"
                    value=if open { "close" } else { "open" }>{localized(i18n, post_label)}</button>
            }
        });
        let [delete, warning, confirm] = words.delete_post.clone();
        let [pin, unpin, pin_hint] = words.pin.clone();
        let (pin_value, pin_label) = if post.pinned {
            ("unpin", unpin)
        } else {
            ("pin", pin)
        };
        let edit_label = words.edit.clone();
        view! {
            <p><a class="button button--secondary" href=super::edit_href(id)>{localized(i18n, edit_label)}</a></p>
            <form method="post" action=action.clone() class="news-comments__switches">
                <button class="button button--secondary" type="submit" name="action" value=pin_value
                    aria-describedby="news-pin-hint">{localized(i18n, pin_label)}</button>
                {post_switch}
                {class_switch}
                <p class="field__hint" id="news-pin-hint">{localized(i18n, pin_hint)}</p>
            </form>
            <details class="news-delete">
                <summary>{localized(i18n, delete)}</summary>
                <form method="post" action=action.clone()>
                    <p>{localized(i18n, warning)}</p>
                    <button class="button button--danger" type="submit" name="action" value="delete_post">
                        {localized(i18n, confirm)}
                    </button>
                </form>
            </details>
        }
    });
    let list = if comments.is_empty() {
        view! { <p class="empty-state">{localized(i18n, words.none_yet.clone())}</p> }
            .into_any_now()
    } else {
        let actions = words.actions.clone();
        view! {
            <ul class="news-comments">
                {comments.into_iter().map(|comment| {
                    comment_view(i18n, &action, comment, moderate, &actions, ().into_any_now())
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    let write = if open {
        let described = if problem.is_some() {
            "news-comment-problem news-comment-hint"
        } else {
            "news-comment-hint"
        };
        view! {
            <form method="post" action=action.clone() class="news-comment-form" id="comment-form">
                {problem.map(|problem| view! {
                    <div class="form-error" role="alert" id="news-comment-problem">
                        <p>{localized(i18n, words.not_sent.clone())}</p>
                        <p>{localized(i18n, problem)}</p>
                    </div>
                })}
                <div class="field">
                    <label for="news-comment">{localized(i18n, words.write.clone())}</label>
                    <TextArea id="news-comment".into() name="body".into() rows=3 value=typed described_by=described/>
                    <p class="field__hint" id="news-comment-hint">{localized(i18n, words.write_hint.clone())}</p>
                </div>
                <button class="button" type="submit" name="action" value="comment">{localized(i18n, words.send.clone())}</button>
            </form>
        }
        .into_any_now()
    } else {
        // Comments closed while the reader was writing: say why it was not sent, and give back
        // what they wrote, which has no box to go in now.
        view! {
            {problem.map(|problem| view! {
                <div class="form-error" role="alert" id="news-comment-problem">
                    <p>{localized(i18n, problem)}</p>
                    <p class="news-comment__body" dir="auto">{typed}</p>
                </div>
            })}
            <p class="news-comments__closed">{localized(i18n, words.closed.clone())}</p>
        }
        .into_any_now()
    };
    view! {
        <p><a class="back-link" href=NEWS_PATH>{localized(i18n, words.back)}</a></p>
        {post_view(i18n, post, &words.text, footer, true)}
        <section class="news-comments__section" id="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{localized(i18n, words.comments)}</h2>
            {switches}
            {list}
            {write}
        </section>
    }
}

/// One comment with the buttons the reader may press: report (others' comments), delete (one's
/// own, or as staff), hide or show, and keep (clear the reports). `extra` adds hidden fields.
pub(super) fn comment_view(
    i18n: I18n,
    action: &str,
    comment: NewsComment,
    moderate: bool,
    words: &CommentActionWords,
    extra: AnyView,
) -> AnyView {
    let NewsComment {
        id,
        author,
        staff,
        when,
        body,
        mine,
        hidden,
        reported,
        reports,
    } = comment;
    let button = |value: &'static str, label: crate::i18n::PerLocale<String>| {
        view! {
            <button class="button button--secondary news-comment__button" type="submit" name="action"
                value=value>{localized(i18n, label)}</button>
        }
    };
    let report = (!mine && !moderate).then(|| {
        if reported {
            view! { <p class="news-comment__note" role="status">{localized(i18n, words.reported.clone())}</p> }
                .into_any_now()
        } else {
            button("report", words.report.clone()).into_any_now()
        }
    });
    let delete = (mine || moderate).then(|| button("delete", words.delete.clone()));
    let hide = moderate.then(|| {
        if hidden {
            button("show", words.show.clone())
        } else {
            button("hide", words.hide.clone())
        }
    });
    let keep = (moderate && reports.is_some()).then(|| button("keep", words.keep.clone()));
    let staff_badge = staff.then(|| {
        view! { <span class="badge news-comment__staff">{localized(i18n, words.staff.clone())}</span> }
    });
    view! {
        <li class="news-comment" id=format!("comment-{id}") class:news-comment--hidden=hidden>
            <p class="news-comment__meta">
                <span class="news-comment__author">{author}</span>
                {staff_badge.map(|b| view! { " " {b} })}
                " · "{localized(i18n, when)}
            </p>
            <p class="news-comment__body" dir="auto">{body}</p>
            {hidden.then(|| view! { <p class="news-comment__note">{localized(i18n, words.hidden.clone())}</p> })}
            {reports.map(|r| view! { <p class="news-comment__note news-comment__reports">{localized(i18n, r)}</p> })}
            <form method="post" action=action.to_string() class="news-comment__actions">
                <input type="hidden" name="comment" value=id/>
                {extra}
                {report}
                {delete}
                {hide}
                {keep}
            </form>
        </li>
    }
    .into_any_now()
}
