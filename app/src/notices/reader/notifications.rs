//! `/notifications`: new notices and reminders, newest first.

use super::Badge;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, dir_of, follow, localized};
use crate::notices::{NotificationItem, TitleText, for_reader};
use crate::page_data::{PageData, PageName};
use crate::pages::loading::{Loading, loaded_as, page_resource};
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route.
pub struct NotificationsRoute {
    items: Option<Loading<PageData>>,
}

#[lazy_route]
impl LazyRoute for NotificationsRoute {
    fn data() -> Self {
        Self {
            items: page_resource(PageName::Notifications, || (None, None)),
        }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::notice();
        let i18n = I18n::expect();
        view! {
            <Title text=crate::i18n::title_text(i18n, "notifications-title")/>
            <h1>{t!(i18n, "notifications-title")}</h1>
            {loaded_as(this.items, |items: Vec<NotificationItem>| view! { <Items items/> }.into_any_now())}
        }
        .into_any_now()
    }
}

#[component]
fn Items(items: Vec<NotificationItem>) -> impl IntoView {
    let i18n = I18n::expect();
    if items.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, "notifications-empty")}</p> }
            .into_any_now();
    }
    view! {
        <ul class="board">
            {items.into_iter().map(|item| {
                let NotificationItem { href, kind, titles, reminder, when, unread } = item;
                let (class, kind) = match kind {
                    Some(kind) => ("badge--new", localized(i18n, kind)),
                    None if reminder => ("badge--ack", t!(i18n, "notification-reminder")),
                    None => ("", t!(i18n, "notification-new-notice")),
                };
                let titles = StoredValue::new(titles);
                let shown = move |part: fn(&TitleText) -> &String| {
                    follow(i18n, move |l| {
                        titles.with_value(|t| for_reader(t, l).map(part).cloned().unwrap_or_default())
                    })
                };
                view! {
                    <li class="notice-card" class:notice-card--unread=unread>
                        <a class="notice-card__link" href=href>
                            <span class="notice-card__badges"><Badge class=class.to_string() text=kind/></span>
                            <strong class="notice-card__title" dir=follow(i18n, move |l| {
                                titles.with_value(|t| dir_of(for_reader(t, l).map_or("", |t| &t.language)).to_string())
                            }) lang=shown(|t| &t.language)>{shown(|t| &t.title)}</strong>
                            <span class="notice-card__meta"><span>{localized(i18n, when)}</span></span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any_now()
}
