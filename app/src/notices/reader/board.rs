//! `/notices`: the guardian's board, filtered by the child switcher.

use super::Badge;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, dir_of, follow, localized};
use crate::notices::{Board, NoticeCard, for_reader, load_board};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Where page `page` of the board is (the first has no query, as the tab links to it).
fn page_href(page: u32) -> String {
    if page <= 1 {
        "/notices".into()
    } else {
        format!("/notices?page={page}")
    }
}

/// `/notices`: newest first, pinned on top, each card in the reader's language where translated;
/// a page at a time (`?page=`), older and newer pages plain links that work without JavaScript.
#[component]
pub fn NoticeBoardPage() -> impl IntoView {
    let i18n = I18n::expect();
    let board = board_resource(false);
    view! {
        <Title text=crate::i18n::title_text(i18n, "nav-notices")/>
        <div class="page-head">
            <h1>{t!(i18n, "nav-notices")}</h1>
            <a class="button button--secondary" href="/notifications">{t!(i18n, "notifications-title")}</a>
        </div>
        {loaded(board, |board| view! { <Cards board/> }.into_any_now())}
    }
    .into_any_now()
}

/// The signed-in guardian's board as it loads — the page the address names (`?page=`), or for
/// the home page the newest; the home page reads the same data. One function, so the
/// resource's code is compiled once for both.
pub fn board_resource(home: bool) -> Option<Loading<Board>> {
    let query = use_query_map();
    let key = move || match home {
        true => (Some(true), None),
        false => (None, query.with(|q| q.get("page")?.parse::<u32>().ok())),
    };
    when_signed_in(|| crate::pages::loading::resource(key, |(home, page)| load_board(home, page)))
}

#[component]
fn Cards(board: Board) -> impl IntoView {
    let i18n = I18n::expect();
    let page = board.page;
    // Past the last page, the way back is to the first.
    let newer = if board.cards.is_empty() {
        1
    } else {
        page.saturating_sub(1)
    };
    let pages = (page > 1 || board.older).then(|| {
        view! {
            <nav class="board-pages" aria-label=t!(i18n, "notices-pages")>
                {(page > 1).then(|| view! {
                    <a class="button button--secondary" rel="prev" href=page_href(newer)>
                        {t!(i18n, "notices-newer")}
                    </a>
                })}
                {board.older.then(|| view! {
                    <a class="button button--secondary" rel="next" href=page_href(page + 1)>
                        {t!(i18n, "notices-older")}
                    </a>
                })}
            </nav>
        }
    });
    if board.cards.is_empty() {
        let empty = if page > 1 {
            t!(i18n, "notices-page-empty")
        } else {
            t!(i18n, "notices-empty")
        };
        return view! { <p class="empty-state">{empty}</p>{pages} }.into_any_now();
    }
    let unread = board.unread.to_string();
    let words = BadgeWords {
        new: t!(i18n, "notice-new-badge"),
        pinned: t!(i18n, "notice-pinned-badge"),
        ack: t!(i18n, "notice-ack-badge"),
    };
    view! {
        <p class="board-summary">
            {follow(i18n, move |l| msg!(l, "notices-unread", count = unread.as_str()))}
        </p>
        <ul class="board">
            {board.cards.into_iter().map(|card| view! { <Card card words=words.clone()/> }).collect_view()}
        </ul>
        {pages}
    }
    .into_any_now()
}

/// The badges' words, translated once for the board rather than once for each card.
#[derive(Clone)]
struct BadgeWords {
    new: crate::i18n::Text,
    pinned: crate::i18n::Text,
    ack: crate::i18n::Text,
}

#[component]
fn Card(card: NoticeCard, words: BadgeWords) -> impl IntoView {
    let i18n = I18n::expect();
    let BadgeWords {
        new: new_word,
        pinned: pinned_word,
        ack: ack_word,
    } = words;
    let NoticeCard {
        id,
        texts,
        category,
        pinned,
        published,
        children,
        read,
        awaiting_ack,
        ack_by: _,
    } = card;
    // Shared by the card's texts, outside the reactive arena: on the server a card's texts are
    // made from it at once, and nothing is left in the arena for a late check to trip on.
    let texts = std::sync::Arc::new(texts);
    let dir = {
        let texts = std::sync::Arc::clone(&texts);
        move || {
            let texts = texts.clone();
            follow(i18n, move |l| {
                dir_of(for_reader(&texts, l).map_or("", |t| &t.language)).to_string()
            })
        }
    };
    let shown = move |part: fn(&crate::notices::CardText) -> &String| {
        let texts = texts.clone();
        follow(i18n, move |l| {
            for_reader(&texts, l).map(part).cloned().unwrap_or_default()
        })
    };
    let about = (!children.is_empty()).then(|| {
        let names = children
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <span class="notice-card__children">
                {follow(i18n, move |l| msg!(l, "notice-about", children = names.as_str()))}
            </span>
        }
    });
    let no_class = String::new;
    view! {
        <li class="notice-card" class:notice-card--unread=!read>
            <a class="notice-card__link" href=format!("/notices/{id}")>
                <span class="notice-card__badges">
                    {(!read).then(|| view! { <Badge class=no_class() text=new_word/> })}
                    {pinned.then(|| view! { <Badge class=no_class() text=pinned_word/> })}
                    <Badge class=format!("badge--{}", category.code()) text=follow(i18n, move |l| category.name(l))/>
                    {awaiting_ack.then(|| view! { <Badge class="badge--ack".into() text=ack_word/> })}
                </span>
                <strong class="notice-card__title" dir=dir() lang=shown(|t| &t.language)>{shown(|t| &t.title)}</strong>
                <span class="notice-card__excerpt" dir=dir() lang=shown(|t| &t.language)>{shown(|t| &t.excerpt)}</span>
                <span class="notice-card__meta">
                    <span>{localized(i18n, published)}</span>
                    {about}
                </span>
            </a>
        </li>
    }
}
