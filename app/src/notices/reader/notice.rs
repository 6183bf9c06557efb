//! `/notices/:id`: one notice in the reader's language, the original beside a translation on
//! request, its files, and the acknowledgement — a plain form post, so it works without the wasm.

use super::Badge;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, Locale, dir_of, follow, localized};
use crate::notices::{NoticeDetail, NoticeText, for_reader};
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, address_id, loaded_as, page_resource};
use crate::sanitized::SanitizedBody;
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: its view comes in its own wasm chunk, fetched side by side with the
/// notice. Opening it marks the notice read.
pub struct NoticeRoute {
    notice: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for NoticeRoute {
    fn data() -> Self {
        let id = address_id();
        Self {
            notice: page_resource(PageName::Notice, move || (id(), None)),
        }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::notice();
        let i18n = I18n::expect();
        view! {
            {loaded_as(this.notice, |notice: NoticeDetail| view! { <Notice notice/> }.into_any_now())}
            {this.notice.is_none().then(|| view! {
                <Title text=crate::i18n::title_text(i18n, "nav-notices")/>
            })}
        }
        .into_any_now()
    }
}

/// What the reader sees of a notice's texts in `locale`: the text shown, and the original when
/// that is a translation.
fn texts_for(texts: &[NoticeText], locale: Locale) -> (Option<NoticeText>, Option<NoticeText>) {
    let shown = for_reader(texts, locale).cloned();
    let original = texts
        .first()
        .filter(|o| Some(*o) != shown.as_ref())
        .cloned();
    (shown, original)
}

#[component]
fn Notice(notice: NoticeDetail) -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let with_original =
        Signal::derive(move || query.with(|q| q.get("original").is_some_and(|v| v == "1")));
    let NoticeDetail {
        id,
        texts,
        category,
        published,
        children,
        ack_required,
        ack_by,
        acknowledged,
        attachments,
    } = notice;
    let texts = Signal::derive(move || texts_for(&texts, i18n.locale()));
    let title = Signal::derive(move || {
        texts.with(|(shown, _)| shown.as_ref().map(|s| s.title.clone()).unwrap_or_default())
    });
    let names = children
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let about = (!children.is_empty()).then(|| {
        view! {
            " · "
            <span>{follow(i18n, move |l| msg!(l, "notice-about", children = names.as_str()))}</span>
        }
    });
    // Which notes apply changes with the language; each is in the page and hidden when not.
    let no_toggle = Signal::derive(move || texts.with(|(_, original)| original.is_none()));
    let not_stale = Signal::derive(move || {
        texts
            .with(|(shown, original)| original.is_none() || shown.as_ref().is_none_or(|s| !s.stale))
    });
    let translated = Signal::derive(move || {
        texts.with(|(shown, _)| {
            shown.as_ref().map(|s| s.language.as_str()) == Some(i18n.locale().tag())
        })
    });
    let toggle_href = Signal::derive(move || {
        if with_original.get() {
            format!("/notices/{id}")
        } else {
            format!("/notices/{id}?original=1")
        }
    });
    let toggle_label = follow(i18n, move |l| {
        if with_original.get() {
            msg!(l, "notice-hide-original")
        } else {
            msg!(l, "notice-show-original")
        }
    });
    let text_blocks = move || {
        let (shown, original) = texts.get();
        let original = original.filter(|_| with_original.get());
        let pair = original.is_some();
        view! {
            <div class="notice-texts" class:notice-texts--pair=pair>
                {shown.map(|text| view! {
                    <div class="notice-text" dir=dir_of(&text.language) lang=text.language>
                        <h1 class="notice-text__title">{text.title}</h1>
                        <SanitizedBody body=text.body/>
                    </div>
                })}
                {original.map(|text| view! {
                    <div class="notice-text" dir=dir_of(&text.language) lang=text.language>
                        <h2 class="notice-text__title">{text.title}</h2>
                        <SanitizedBody body=text.body/>
                    </div>
                })}
            </div>
        }
    };
    let files = crate::layout::download_list(i18n, attachments);
    let acknowledgement = match acknowledged {
        Some(done) => Some(view! {
            <p class="notice-acknowledged" role="status">
                {follow(i18n, move |l| {
                    let when = done.when.text(l);
                    msg!(l, "notice-acknowledged-for", child = done.child.as_str(), when = when.as_str())
                })}
            </p>
        }.into_any_now()),
        None if ack_required => {
            let single = children.len() == 1;
            Some(view! {
                <form method="post" action="/api/notices/acknowledge" class="notice-ack">
                    <input type="hidden" name="id" value=id/>
                    {ack_by.map(|by| view! {
                        <p>{follow(i18n, move |l| {
                            let date = by.text(l);
                            msg!(l, "notice-ack-by-date", date = date.as_str())
                        })}</p>
                    })}
                    {children.into_iter().map(|child| {
                        let label = follow(i18n, move |l| if single {
                            msg!(l, "notice-acknowledge")
                        } else {
                            msg!(l, "notice-acknowledge-for", child = child.name.as_str())
                        });
                        view! {
                            <button class="button" type="submit" name="pupil" value=child.id>{label}</button>
                        }
                    }).collect_view()}
                </form>
            }.into_any_now())
        }
        None => None,
    };
    view! {
        <Title text=crate::i18n::title_from(title)/>
        <p><a class="back-link" href="/notices">{t!(i18n, "notice-back")}</a></p>
        <p class="notice-meta">
            <Badge class=format!("badge--{}", category.code()) text=follow(i18n, move |l| category.name(l))/>
            " "
            <span>{localized(i18n, published)}</span>
            {about}
        </p>
        <p class="stale" role="note" hidden=not_stale>{t!(i18n, "notice-translation-stale-reader")}</p>
        <p class="stale" role="note" hidden=translated>{t!(i18n, "notice-not-translated")}</p>
        <p hidden=no_toggle>
            <a class="button button--secondary" href=toggle_href>{toggle_label}</a>
        </p>
        {text_blocks}
        {files}
        {acknowledgement}
    }
}
