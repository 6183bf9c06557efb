//! Parents' noticeboard pages: the board, one notice, and the notification centre. Rendered in
//! full on the server; acknowledging is a plain form post, so all of it works without the wasm.

use super::{Board, NoticeCard, NoticeDetail, NoticeText, NotificationItem};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// An error from a notices call, in the reader's language; "sign in" gets a link.
#[component]
fn NoticeError(error: AppError) -> impl IntoView {
    let i18n = I18n::expect();
    let sign_in = error == AppError::SignInRequired;
    view! {
        <p class="form-error" role="alert">{move || error.message(i18n.locale())}</p>
        {sign_in.then(|| view! {
            <p><a class="button" href="/sign-in">{t!(i18n, "sign-in-title")}</a></p>
        })}
    }
}

/// `/notices`: the guardian's board, filtered by the child switcher.
#[component]
pub fn NoticeBoardPage() -> impl IntoView {
    let i18n = I18n::expect();
    let board = Resource::new(move || i18n.locale(), |_| super::notice_board());
    view! {
        <Title text=move || t!(i18n, "nav-notices").get()/>
        <div class="page-head">
            <h1>{t!(i18n, "nav-notices")}</h1>
            <a class="button button--secondary" href="/notifications">{t!(i18n, "notifications-title")}</a>
        </div>
        <Suspense fallback=move || view! { <p>{t!(i18n, "loading")}</p> }>
            {move || board.get().map(|result| match result {
                Ok(board) => view! { <BoardList board/> }.into_any(),
                Err(error) => view! { <NoticeError error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn BoardList(board: Board) -> impl IntoView {
    let i18n = I18n::expect();
    if board.cards.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, "notices-empty")}</p> }.into_any();
    }
    let unread = board.unread.to_string();
    view! {
        <p class="board-summary">{move || crate::msg!(i18n.locale(), "notices-unread", count = unread.as_str())}</p>
        <ul class="board">
            {board.cards.into_iter().map(|card| view! { <Card card/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Card(card: NoticeCard) -> impl IntoView {
    let i18n = I18n::expect();
    let href = format!("/notices/{}", card.id);
    let category = card.category;
    let class = if card.read { "notice-card" } else { "notice-card notice-card--unread" };
    view! {
        <li class=class>
            <a class="notice-card__link" href=href>
                <span class="notice-card__badges">
                    {(!card.read).then(|| view! { <span class="badge badge--new">{t!(i18n, "notice-new-badge")}</span> })}
                    {card.pinned.then(|| view! { <span class="badge">{t!(i18n, "notice-pinned-badge")}</span> })}
                    <span class=format!("badge badge--{}", category.code())>{move || category.name(i18n.locale())}</span>
                    {card.awaiting_ack.then(|| view! { <span class="badge badge--ack">{t!(i18n, "notice-ack-badge")}</span> })}
                </span>
                <strong class="notice-card__title">{card.title}</strong>
                <span class="notice-card__excerpt">{card.excerpt}</span>
                <span class="notice-card__meta">
                    <time>{card.published}</time>
                    {(!card.children.is_empty()).then(|| {
                        let names = card.children.join(", ");
                        view! { <span class="notice-card__children">{move || crate::msg!(i18n.locale(), "notice-about", children = names.as_str())}</span> }
                    })}
                </span>
            </a>
        </li>
    }
}

/// `/notices/:id`: one notice; opening it marks it read.
#[component]
pub fn NoticePage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let query = use_query_map();
    let notice = Resource::new(
        move || {
            let id = params.with(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
            let original = query.with(|q| q.get("original").is_some_and(|v| v == "1"));
            (id, original, i18n.locale())
        },
        |(id, original, _)| async move {
            match id {
                Some(id) => super::open_notice(id, original).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, "loading")}</p> }>
            {move || notice.get().map(|result| match result {
                Ok(detail) => view! { <Detail detail/> }.into_any(),
                Err(error) => view! {
                    <Title text=move || t!(i18n, "nav-notices").get()/>
                    <h1>{t!(i18n, "nav-notices")}</h1>
                    <NoticeError error/>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Text(text: NoticeText) -> impl IntoView {
    view! {
        <div class="notice-text" lang=text.language.clone()>
            <h2 class="notice-text__title">{text.title}</h2>
            // Sanitized on the server (ammonia) when the notice was saved.
            <div class="notice-body" inner_html=text.body_html></div>
        </div>
    }
}

#[component]
fn Detail(detail: NoticeDetail) -> impl IntoView {
    let i18n = I18n::expect();
    let title = detail.text.title.clone();
    let id = detail.id;
    let category = detail.category;
    let side_by_side = detail.original.is_some();
    let toggle = detail.translated.then(|| {
        if side_by_side {
            view! { <a class="button button--secondary" href=format!("/notices/{id}")>{t!(i18n, "notice-hide-original")}</a> }.into_any()
        } else {
            view! { <a class="button button--secondary" href=format!("/notices/{id}?original=1")>{t!(i18n, "notice-show-original")}</a> }.into_any()
        }
    });
    let children = detail.children.clone();
    let names = children.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ");
    let ack = if let Some(done) = detail.acknowledged.clone() {
        Some(view! { <p class="notice-acknowledged" role="status">{done}</p> }.into_any())
    } else if detail.ack_required {
        let by = detail.ack_by.clone();
        let single = children.len() == 1;
        Some(view! {
            <form method="post" action="/api/notices/acknowledge" class="notice-ack">
                <input type="hidden" name="id" value=id.to_string()/>
                {by.map(|by| view! { <p>{move || crate::msg!(i18n.locale(), "notice-ack-by-date", date = by.as_str())}</p> })}
                {children.into_iter().map(|child| {
                    let name = child.name.clone();
                    view! {
                        <button class="button" type="submit" name="pupil" value=child.id.to_string()>
                            {move || if single {
                                crate::msg!(i18n.locale(), "notice-acknowledge")
                            } else {
                                crate::msg!(i18n.locale(), "notice-acknowledge-for", child = name.as_str())
                            }}
                        </button>
                    }
                }).collect_view()}
            </form>
        }.into_any())
    } else {
        None
    };
    view! {
        <Title text=title/>
        <p><a href="/notices">{t!(i18n, "notice-back")}</a></p>
        <h1 class="visually-hidden">{detail.text.title.clone()}</h1>
        <p class="notice-meta">
            <span class=format!("badge badge--{}", category.code())>{move || category.name(i18n.locale())}</span>
            " "<time>{detail.published.clone()}</time>
            {(!names.is_empty()).then(|| view! { " · "<span>{move || crate::msg!(i18n.locale(), "notice-about", children = names.as_str())}</span> })}
        </p>
        {detail.stale.then(|| view! { <p class="stale" role="note">{t!(i18n, "notice-translation-stale-reader")}</p> })}
        {toggle}
        <div class=if side_by_side { "notice-texts notice-texts--pair" } else { "notice-texts" }>
            <Text text=detail.text/>
            {detail.original.map(|text| view! { <Text text/> })}
        </div>
        {(!detail.attachments.is_empty()).then(|| view! {
            <h2>{t!(i18n, "notice-files")}</h2>
            <ul class="attachments">
                {detail.attachments.into_iter().map(|file| view! {
                    <li><a class="button button--secondary" href=file.href rel="external" download>{file.name}" ("{file.size}")"</a></li>
                }).collect_view()}
            </ul>
        })}
        {ack}
    }
}

/// `/notifications`: new notices and reminders, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let items = Resource::new(move || i18n.locale(), |_| super::notifications());
    view! {
        <Title text=move || t!(i18n, "notifications-title").get()/>
        <h1>{t!(i18n, "notifications-title")}</h1>
        <Suspense fallback=move || view! { <p>{t!(i18n, "loading")}</p> }>
            {move || items.get().map(|result| match result {
                Ok(items) if items.is_empty() => view! { <p class="empty-state">{t!(i18n, "notifications-empty")}</p> }.into_any(),
                Ok(items) => view! { <NotificationList items/> }.into_any(),
                Err(error) => view! { <NoticeError error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn NotificationList(items: Vec<NotificationItem>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <ul class="board">
            {items.into_iter().map(|item| {
                let title = item.title.clone();
                let class = if item.unread { "notice-card notice-card--unread" } else { "notice-card" };
                view! {
                    <li class=class>
                        <a class="notice-card__link" href=format!("/notices/{}", item.notice_id)>
                            <span class="notice-card__badges">
                                {item.reminder.then(|| view! { <span class="badge badge--ack">{t!(i18n, "notification-reminder")}</span> })}
                                {(!item.reminder).then(|| view! { <span class="badge">{t!(i18n, "notification-new-notice")}</span> })}
                            </span>
                            <strong class="notice-card__title">{title}</strong>
                            <span class="notice-card__meta"><time>{item.when}</time></span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
