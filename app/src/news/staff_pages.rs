//! `/admin/news` (the stories a member of staff may post to, and the comments families reported
//! on their posts) and `/admin/news/:story` (the post
//! form: text, photos, who is in them). One lazily loaded route: staff code a parent never
//! downloads. The form posts to its own address and works the same without JavaScript; a refused
//! post comes back with its text, tags and photos.

use super::photo_upload::{Sending, Uploads};
use super::post_page::comment_view;
use super::{
    NewsForm, NewsFormWords, NewsPhoto, NewsStories, STAFF_NEWS_PATH, TagGroup, load_news_form,
    load_news_stories, photo_href,
};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::layout::TextArea;
use crate::layout::form_parts::{check, labelled, problem_summary, problems_for, submit};
use crate::notices::FormProblem;
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use leptos_router::{LazyRoute, lazy_route};
use std::sync::Arc;

/// A lazily loaded route for posting to the newsfeed: the list of stories, or the form for one
/// (`story`). Its data starts loading in `view()`, so the server functions' client code is in
/// the staff chunk, not in the main wasm every parent downloads.
pub struct StaffNewsRoute {
    story: Option<String>,
}

#[lazy_route]
impl LazyRoute for StaffNewsRoute {
    fn data() -> Self {
        let story = use_params_map().with_untracked(|p| p.get("story"));
        Self { story }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        match this.story {
            None => {
                let data: Option<Loading<PageData>> = when_signed_in(|| {
                    crate::pages::loading::resource(|| (), |_| load_news_stories())
                });
                view! {
                    <Title text=crate::i18n::title_text(i18n, "news-post-title")/>
                    <h1>{t!(i18n, "news-post-title")}</h1>
                    {loaded_as(data, |stories: NewsStories| stories_view(stories))}
                }
                .into_any_now()
            }
            Some(story) => {
                let data: Option<Loading<PageData>> = when_signed_in(move || {
                    crate::pages::loading::resource(move || story.clone(), load_news_form)
                });
                view! {
                    <Title text=crate::i18n::title_text(i18n, "news-post-title")/>
                    <p><a class="back-link" href=STAFF_NEWS_PATH>{t!(i18n, "news-post-title")}</a></p>
                    {loaded_as(data, |form: NewsForm| view! { <PostForm form/> }.into_any_now())}
                }
                .into_any_now()
            }
        }
    }
}

fn stories_view(stories: NewsStories) -> AnyView {
    let i18n = I18n::expect();
    let words = stories.moderation;
    let withheld = (!stories.withheld.is_empty()).then(|| {
        view! {
            <section id="withheld" aria-labelledby="withheld-heading">
                <h2 id="withheld-heading">{localized(i18n, words.withheld.clone())}</h2>
                <ul class="news-withheld">
                    {stories.withheld.into_iter().map(|w| view! {
                        <li>
                            <a class="news-withheld__post" href=format!("{}/{}", super::NEWS_PATH, w.post_id)>{localized(i18n, w.story)}</a>
                            <p class="news-post__withheld">{localized(i18n, w.reason)}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let reported = if stories.reported.is_empty() {
        view! { <p class="empty-state">{localized(i18n, words.empty)}</p> }.into_any_now()
    } else {
        let actions = words.actions;
        let open = words.open;
        view! {
            <ul class="news-comments">
                {stories.reported.into_iter().map(|r| {
                    let post = format!("{}/{}", super::NEWS_PATH, r.post_id);
                    let back = view! { <input type="hidden" name="back" value="moderation"/> }.into_any_now();
                    view! {
                        <li class="news-reported">
                            <p class="news-reported__story">
                                {localized(i18n, r.story)}" · "
                                <a class="news-reported__open" href=format!("{post}#comment-{}", r.comment.id)>{localized(i18n, open.clone())}</a>
                            </p>
                            <ul class="news-comments">
                                {comment_view(i18n, &post, r.comment, true, &actions, back)}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    view! {
        <p>{localized(i18n, stories.intro)}</p>
        <ul class="news-stories">
            {stories.stories.into_iter().map(|s| view! {
                <li><a class="button button--secondary" href=format!("{STAFF_NEWS_PATH}/{}", s.segment)>{localized(i18n, s.name)}</a></li>
            }).collect_view()}
        </ul>
        <p class="news-see-feed"><a href=super::NEWS_PATH>{localized(i18n, stories.see_feed)}</a></p>
        {withheld}
        <section id="reported" aria-labelledby="reported-heading">
            <h2 id="reported-heading">{localized(i18n, words.heading)}</h2>
            {reported}
        </section>
    }
    .into_any_now()
}

#[component]
fn PostForm(form: NewsForm) -> impl IntoView {
    let i18n = I18n::expect();
    let NewsForm {
        segment,
        heading,
        fields,
        groups,
        photos,
        removed,
        problems,
        portfolios,
        words,
    } = form;
    let problems = Arc::new(problems);
    let summary = problem_summary(i18n, localized(i18n, words.not_posted.clone()), &problems);
    let body = labelled(
        Some("field-body".into()),
        "news-body".into(),
        localized(i18n, words.body.clone()),
        view! { <TextArea id="news-body".into() name="body".into() rows=6 value=fields.body.clone()/> }
            .into_any_now(),
        None,
        problems_for(i18n, &problems, "body"),
    );
    let action = format!("{STAFF_NEWS_PATH}/{segment}");
    let uploads = Uploads::new(&action);
    let photos = photos_fieldset(i18n, &words, photos, &removed, &problems, uploads);
    let tags = tags_fieldset(i18n, &words, groups, &fields.tagged, &problems);
    let portfolio = portfolios.then(|| {
        check(
            "portfolio",
            "on".into(),
            fields.portfolio,
            localized(i18n, words.portfolio_only.clone()),
        )
    });
    view! {
        <h1>{localized(i18n, heading)}</h1>
        {summary}
        <form method="post" enctype="multipart/form-data" class="compose" action=action>
            {body}
            {photos}
            {tags}
            {portfolio}
            <p class="compose__actions">
                // Not while a photo is on its way: the post would go without it.
                <button class="button" type="submit" name="action" value="publish"
                    disabled=move || uploads.busy()>{localized(i18n, words.publish)}</button>
            </p>
        </form>
    }
    .into_any_now()
}

/// The photos held for the form (each with "Remove" and a box to blur), and the picker for more:
/// the phone offers its camera and its gallery. With the script, picked photos go at once, one
/// request each (`uploads`), and arrive here held; without it they go with the post.
fn photos_fieldset(
    i18n: I18n,
    words: &NewsFormWords,
    photos: Vec<NewsPhoto>,
    removed: &[i32],
    problems: &Arc<Vec<FormProblem>>,
    uploads: Uploads,
) -> AnyView {
    let held_before = !photos.is_empty();
    let blur_label = words.blur_button.clone();
    let blur_button = move || {
        (held_before || uploads.arrived.with(|a| !a.is_empty()))
            .then(|| submit("blur", true, localized(i18n, blur_label.clone())))
    };
    let arrived_words = words.clone();
    let sending_words = words.clone();
    view! {
        <fieldset id="field-photo">
            <legend>{localized(i18n, words.photos.clone())}</legend>
            {problems_for(i18n, problems, "photo")}
            <div class="news-held">
                {photos.into_iter().map(|photo| {
                    let removed = removed.contains(&photo.id);
                    view! { <HeldPhoto photo removed words=words.clone()/> }
                }).collect_view()}
                // Redrawn whole as photos arrive: a keyed list's code would double the chunk.
                {move || uploads.arrived.get().into_iter().map(|photo| {
                    view! { <HeldPhoto photo removed=false words=arrived_words.clone()/> }
                }).collect_view()}
            </div>
            <ul class="news-sending" aria-live="polite">
                {move || uploads.sending.get().into_iter().map(|item| {
                    sending_view(i18n, &sending_words, uploads, item)
                }).collect_view()}
            </ul>
            {blur_button}
            {labelled(None, "news-photo".into(), localized(i18n, words.add.clone()),
                view! { <input id="news-photo" name="photo" type="file" multiple accept="image/jpeg,image/png,image/webp"
                    on:change=move |ev| uploads.pick(&ev)/> }.into_any_now(),
                Some(localized(i18n, words.add_hint.clone())), ().into_any_now())}
        </fieldset>
    }
    .into_any_now()
}

/// A photo on its way ("Sending…"), or one that did not get through, with "Try again".
fn sending_view(i18n: I18n, words: &NewsFormWords, uploads: Uploads, item: Sending) -> AnyView {
    let Sending { key, name, failed } = item;
    match failed {
        None => view! {
            <li class="news-sending__item">
                <span class="news-sending__name">{name}</span>
                <span class="news-sending__state">{localized(i18n, words.sending.clone())}</span>
            </li>
        }
        .into_any_now(),
        Some(reason) => {
            let reason = reason.unwrap_or_else(|| words.send_failed.clone());
            view! {
                <li class="news-sending__item news-sending__item--failed">
                    <span class="news-sending__name">{name}</span>
                    <span class="news-sending__state" role="alert">{localized(i18n, reason)}</span>
                    <span class="news-sending__actions">
                        <button class="button button--secondary" type="button"
                            on:click=move |_| uploads.retry(key)>{localized(i18n, words.retry.clone())}</button>
                        <button class="button button--secondary" type="button"
                            on:click=move |_| uploads.leave_out(key)>{localized(i18n, words.leave_out.clone())}</button>
                    </span>
                </li>
            }
            .into_any_now()
        }
    }
}

/// A percentage in tenths as the blur fields show it ("12.5"). The tool keeps whole tenths: parsing
/// or printing an `f64` would bring the float tables (about 14 KB brotli) into its chunk.
fn tenths_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A percentage as typed ("12", "12.5", "12,5") in tenths, digits past the first decimal
/// dropped; `None` when it is not a number.
fn typed_tenths(text: &str) -> Option<u32> {
    let text = text.trim();
    let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let first = fraction
        .chars()
        .next()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0);
    whole.checked_mul(10)?.checked_add(first)
}

/// Where a pointer is on the element it was pressed on, in tenths of a percent of its width and
/// height.
#[cfg(feature = "hydrate")]
fn percent_at(ev: &leptos::ev::PointerEvent) -> Option<(u32, u32)> {
    use wasm_bindgen::JsCast;
    // Measured against the element the handler is on, whatever child the pointer is over.
    let area = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = area.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let tenths = |at: f64| (at.clamp(0.0, 100.0) * 10.0 + 0.5) as u32;
    let x = (f64::from(ev.client_x()) - rect.left()) / rect.width() * 100.0;
    let y = (f64::from(ev.client_y()) - rect.top()) / rect.height() * 100.0;
    Some((tenths(x), tenths(y)))
}

/// On the server there is no pointer.
#[cfg(not(feature = "hydrate"))]
fn percent_at(_: &leptos::ev::PointerEvent) -> Option<(u32, u32)> {
    None
}

/// A held photo: a finger dragged across it marks the area to blur, which fills the four
/// percentage fields beside it (typed by hand without JavaScript).
#[component]
fn HeldPhoto(photo: NewsPhoto, removed: bool, words: NewsFormWords) -> impl IntoView {
    let i18n = I18n::expect();
    let id = photo.id;
    // Left, top, width, height in percent, as the fields show them.
    let sides: [RwSignal<String>; 4] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let start = StoredValue::new(None::<(u32, u32)>);
    let mark = move |from: (u32, u32), to: (u32, u32)| {
        sides[0].set(tenths_text(from.0.min(to.0)));
        sides[1].set(tenths_text(from.1.min(to.1)));
        sides[2].set(tenths_text(to.0.abs_diff(from.0)));
        sides[3].set(tenths_text(to.1.abs_diff(from.1)));
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(at) = percent_at(&ev) {
            ev.prevent_default();
            start.set_value(Some(at));
            mark(at, at);
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let (Some(from), Some(to)) = (start.get_value(), percent_at(&ev)) {
            mark(from, to);
        }
    };
    // The last move may come coalesced into the lift: the box ends where the finger did.
    let on_up = move |ev: leptos::ev::PointerEvent| {
        if let (Some(from), Some(to)) = (start.get_value(), percent_at(&ev)) {
            mark(from, to);
        }
        start.set_value(None);
    };
    let marked = move || {
        let [x, y, w, h] = sides.map(|s| typed_tenths(&s.get()).unwrap_or(0));
        let [x, y, width, height] = [x, y, w, h].map(tenths_text);
        (w > 0 && h > 0).then(|| format!("left:{x}%;top:{y}%;width:{width}%;height:{height}%"))
    };
    let thumb = photo.widths.last().copied().unwrap_or(photo.width);
    let fields = ["x", "y", "w", "h"]
        .into_iter()
        .zip(words.blur_sides)
        .enumerate()
        .map(|(at, (side, label))| {
            let field = format!("blur_{side}_{id}");
            let value = sides[at];
            view! {
                <label class="news-blur__side">
                    <span>{localized(i18n, label)}</span>
                    <input type="number" min="0" max="100" step="0.1" inputmode="decimal" name=field
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="news-held__photo">
            <div class="news-blur__area" on:pointerdown=on_down on:pointermove=on_move
                on:pointerup=on_up on:pointercancel=move |_| start.set_value(None)>
                <img src=photo_href(photo.id, thumb) width=photo.width height=photo.height
                    alt=localized(i18n, photo.alt)/>
                <span class="news-blur__box" style=marked hidden=move || marked().is_none()></span>
            </div>
            <input type="hidden" name="held_photo" value=id.to_string()/>
            <details class="news-blur">
                <summary>{localized(i18n, words.blur)}</summary>
                <p class="field__hint">{localized(i18n, words.blur_hint)}</p>
                <div class="news-blur__sides">{fields}</div>
            </details>
            {check("remove_photo", id.to_string(), removed, localized(i18n, words.remove))}
        </div>
    }
}

/// Who is in the photos: every pupil who may be tagged, with how far their photo may go. One
/// class is listed open; the school's classes fold, a class each.
fn tags_fieldset(
    i18n: I18n,
    words: &NewsFormWords,
    groups: Vec<TagGroup>,
    tagged: &[i32],
    problems: &Arc<Vec<FormProblem>>,
) -> AnyView {
    let folded = groups.len() > 1;
    let groups = groups
        .into_iter()
        .map(|group| {
            let pupils = group
                .pupils
                .into_iter()
                .map(|p| {
                    let label = crate::i18n::follow(i18n, move |l| {
                        format!("{} ({})", p.name, p.consent.text(l))
                    });
                    check("tag", p.id.to_string(), tagged.contains(&p.id), label)
                })
                .collect_view();
            if folded {
                view! { <details class="news-tags__class"><summary>{group.class}</summary>{pupils}</details> }
                    .into_any_now()
            } else {
                pupils.into_any_now()
            }
        })
        .collect_view();
    view! {
        <fieldset id="field-tag" class="news-tags">
            <legend>{localized(i18n, words.tags.clone())}</legend>
            <p class="field__hint">{localized(i18n, words.tags_hint.clone())}</p>
            {problems_for(i18n, problems, "tag")}
            {groups}
        </fieldset>
    }
    .into_any_now()
}

#[cfg(test)]
mod tests {
    use super::{tenths_text, typed_tenths};

    #[test]
    fn blur_percentages_are_read_and_shown_in_tenths() {
        assert_eq!(typed_tenths("12"), Some(120));
        assert_eq!(typed_tenths(" 12.5 "), Some(125));
        assert_eq!(typed_tenths("12,56"), Some(125));
        assert_eq!(typed_tenths(".5"), Some(5));
        assert_eq!(typed_tenths("7."), Some(70));
        for not_a_number in ["", ".", "-3", "1e2", "12.5%", "1.2.3", "abc"] {
            assert_eq!(typed_tenths(not_a_number), None, "{not_a_number:?}");
        }
        assert_eq!(tenths_text(0), "0.0");
        assert_eq!(tenths_text(125), "12.5");
        assert_eq!(tenths_text(1000), "100.0");
    }
}
