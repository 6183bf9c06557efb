//! `/news/:id/edit`: a post's text and its translations, for the staff who look after it (see
//! `edits`), with every earlier version. A plain form posting to its own address, so it works
//! without JavaScript and a refused edit comes back with what was typed. Its own lazily loaded
//! chunk: no family ever downloads it.

use super::{NewsEditPage, PostEdit};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, localized};
use crate::layout::TextArea;
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, address_id, loaded_as, page_resource};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: the edit form's code in its own chunk, fetched beside its data.
pub struct NewsEditRoute {
    page: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for NewsEditRoute {
    fn data() -> Self {
        let id = address_id();
        Self {
            page: page_resource(PageName::NewsEdit, move || (id(), None)),
        }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        view! {
            <Title text=crate::i18n::title_text(i18n, "nav-news")/>
            <h1>{t!(i18n, "nav-news")}</h1>
            {loaded_as(this.page, |page: NewsEditPage| edit_page(I18n::expect(), page))}
        }
        .into_any_now()
    }
}

fn edit_page(i18n: I18n, page: NewsEditPage) -> AnyView {
    let NewsEditPage {
        post_id,
        story,
        edit,
        back,
    } = page;
    let PostEdit {
        version,
        texts,
        problem,
        history,
        words,
    } = edit;
    let described = if problem.is_some() {
        "news-edit-problem news-edit-hint"
    } else {
        "news-edit-hint"
    };
    let boxes = texts
        .into_iter()
        .map(|text| {
            let id = format!("news-edit-{}", text.language);
            let lang = Locale::from_tag(&text.language).unwrap_or_default().tag();
            let stale = text.stale.then(|| {
                view! { <span class="news-edit__stale">" \u{2014} "{localized(i18n, words.stale.clone())}</span> }
            });
            view! {
                <div class="field">
                    <label for=id.clone()>{localized(i18n, text.label)}{stale}</label>
                    <TextArea id=id name=format!("text_{}", text.language) rows=6 lang=lang
                        value=text.typed described_by=described/>
                </div>
            }
        })
        .collect_view();
    let earlier = (!history.is_empty()).then(|| {
        view! {
            <section aria-labelledby="news-history-heading">
                <h3 id="news-history-heading">{localized(i18n, words.history.clone())}</h3>
                <ol class="news-history">
                    {history.into_iter().map(|old| view! {
                        <li>
                            <p class="news-history__label">{localized(i18n, old.label)}</p>
                            <p class="news-history__body" dir=crate::i18n::dir_of(&old.language) lang=old.language>{old.body}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    });
    view! {
        <p><a class="back-link" href=format!("{}/{post_id}", super::NEWS_PATH)>{localized(i18n, back)}</a></p>
        <h2>{localized(i18n, words.heading)}</h2>
        <p class="news-edit__story">{localized(i18n, story)}</p>
        <form method="post" action=super::edit_href(post_id) class="news-edit">
            {problem.map(|problem| view! {
                <div class="form-error" role="alert" id="news-edit-problem">
                    <p>{localized(i18n, words.not_saved)}</p>
                    <p>{localized(i18n, problem)}</p>
                </div>
            })}
            <input type="hidden" name="version" value=version/>
            <p class="field__hint" id="news-edit-hint">{localized(i18n, words.hint)}</p>
            {boxes}
            <button class="button" type="submit">{localized(i18n, words.save)}</button>
        </form>
        {earlier}
    }
    .into_any_now()
}
